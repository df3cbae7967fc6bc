/** The settings a page needs, from storage.local, read without zod (lib/page-settings.ts). */
import { readPageSettings, SETTINGS_KEY, type PageSettings } from '../page-settings';
import { extension } from './extension';

export async function loadPageSettings(): Promise<PageSettings> {
  const stored = await extension.storage.local.get(SETTINGS_KEY);
  return readPageSettings(stored[SETTINGS_KEY]);
}

/** Calls `listener` whenever any page changes the settings; returns how to stop. */
export function watchPageSettings(listener: (settings: PageSettings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readPageSettings(changes[SETTINGS_KEY]!.newValue));
  };
  extension.storage.onChanged.addListener(onChanged);
  return () => extension.storage.onChanged.removeListener(onChanged);
}
