/** Settings in storage.local, shared by the background, the popup and the options page. */
import { browser } from 'wxt/browser';
import type { Language } from '../i18n';
import { languageOf, readSettings, SETTINGS_KEY, settingsSchema, type Settings } from '../settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

export function uiLanguage(settings: Settings): Language {
  return languageOf(settings, browser.i18n.getUILanguage());
}

/** Calls `listener` with the new settings whenever any page changes them. */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  });
}
