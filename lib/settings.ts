/** User settings, in storage.local, validated with defaults: a bad or missing value never breaks Vigie. */
import * as z from 'zod/mini';
import { languageFromLocale, type Language } from './i18n';
import type { PageKind } from './sites/types';

export const CHECK_FREQUENCIES = ['weekly', 'daily', 'every-day'] as const;
export type CheckFrequency = (typeof CHECK_FREQUENCIES)[number];

export const SITE_FAMILIES = ['nosdeputes', 'nosdeputesNew', 'an', 'anOld'] as const;
export type SiteFamily = (typeof SITE_FAMILIES)[number];

export const settingsSchema = z.object({
  notifications: z._default(z.boolean(), true),
  frequency: z._default(z.enum(CHECK_FREQUENCIES), 'daily'),
  sites: z._default(z.object({
    nosdeputes: z._default(z.boolean(), true),
    nosdeputesNew: z._default(z.boolean(), true),
    an: z._default(z.boolean(), true),
    anOld: z._default(z.boolean(), true),
  }), { nosdeputes: true, nosdeputesNew: true, an: true, anOld: true }),
  language: z._default(z.enum(['auto', 'fr', 'en']), 'auto'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const SETTINGS_KEY = 'settings';

/** Reads stored settings, keeping every valid field and defaulting the rest. */
export function readSettings(stored: unknown): Settings {
  const whole = settingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const fields = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = settingsSchema.safeParse({ [key]: fields[key] });
    if (one.success) settings[key] = one.data[key];
  }
  return settings as Settings;
}

const FAMILY_OF_KIND: Record<PageKind, SiteFamily> = {
  'nosdeputes-question': 'nosdeputes',
  'nosdeputes-deputy-questions': 'nosdeputes',
  'nosdeputes-search': 'nosdeputes',
  'nosdeputes-deputy': 'nosdeputes',
  'nosdeputes-new-deputy-questions': 'nosdeputesNew',
  'an-question': 'an',
  'an-deputy-questions': 'an',
  'an-old-question': 'anOld',
};

export function siteEnabled(settings: Settings, kind: PageKind): boolean {
  return settings.sites[FAMILY_OF_KIND[kind]];
}

export function languageOf(settings: Settings, browserLocale: string | undefined): Language {
  return settings.language === 'auto' ? languageFromLocale(browserLocale) : settings.language;
}
