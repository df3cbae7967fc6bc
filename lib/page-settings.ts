/**
 * What a page needs of the settings (its language, the sites turned off), read by hand: the
 * content script does not load zod for two fields. `readSettings` (lib/settings.ts) reads the same
 * two fields the same way; tests/core/settings.test.ts holds them to it.
 */
import { languageFromLocale, type Language } from './i18n';

export const SETTINGS_KEY = 'settings';

export interface PageSettings {
  language: 'auto' | Language;
  sites: Record<string, boolean>;
}

/** How a site switch is named in stored settings. */
export const SITE_ID = /^[a-zA-Z]{1,40}$/;

function isSiteSwitches(value: unknown): value is Record<string, boolean> {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.entries(value).every(([id, on]) => SITE_ID.test(id) && typeof on === 'boolean')
  );
}

/** Each field kept if valid, defaulted otherwise, as `readSettings` does. */
export function readPageSettings(stored: unknown): PageSettings {
  const fields = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const { language, sites } = fields;
  return {
    language: language === 'fr' || language === 'en' || language === 'auto' ? language : 'auto',
    sites: isSiteSwitches(sites) ? { ...sites } : {},
  };
}

export function siteEnabled(settings: Pick<PageSettings, 'sites'>, siteId: string): boolean {
  return settings.sites[siteId] !== false;
}

export function languageOf(settings: Pick<PageSettings, 'language'>, browserLocale: string | undefined): Language {
  return settings.language === 'auto' ? languageFromLocale(browserLocale) : settings.language;
}
