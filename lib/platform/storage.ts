/**
 * What Vigie keeps in `storage.local`: the user's settings, shared by every context, and each
 * source's backoff state, so that a restarted worker still respects it. The raw API rather than
 * WXT's `storage` helper: the content script reads the settings too, and the helper (with its
 * dependencies) weighs about 3.6 KB gzip, a seventh of the budget of a script every supported page
 * loads.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { type Language } from '../i18n';
import { languageOf, readSettings, SETTINGS_KEY, settingsSchema, type Settings } from '../settings';
import { type SourceState } from '../sources/polite-fetch';

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

const sourceStateSchema = z.object({
  failures: z.number().check(z.int(), z.minimum(0)),
  backoffUntil: z.optional(z.number()),
  circuitOpenUntil: z.optional(z.number()),
});

const sourceKey = (source: string) => `source:${source}`;

export async function loadSourceState(source: string): Promise<SourceState> {
  const stored = await browser.storage.local.get(sourceKey(source));
  const parsed = sourceStateSchema.safeParse(stored[sourceKey(source)]);
  return parsed.success ? parsed.data : { failures: 0 };
}

export async function saveSourceState(source: string, state: SourceState): Promise<void> {
  await browser.storage.local.set({ [sourceKey(source)]: state });
}

const BACKUP_KEY = 'backup';

/** The packed copy of the watch list (lib/backup.ts), or nothing. */
export async function loadPackedBackup(): Promise<unknown> {
  return (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
}

export async function savePackedBackup(packed: string): Promise<void> {
  await browser.storage.local.set({ [BACKUP_KEY]: packed });
}
