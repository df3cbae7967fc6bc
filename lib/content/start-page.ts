/**
 * Vigie on a page, run by a page module (entrypoints/page-*.ts) in the content script's isolated
 * world with its own sites only. Page-side code loads neither zod nor the polyfill
 * (PAGE_SUBSTITUTES, lib/platform/extension.ts).
 */
import { request } from '../platform/client';
import { extension } from '../platform/extension';
import { loadPageSettings, watchPageSettings } from '../platform/page-settings';
import { readPageSettings } from '../page-settings';
import { siteReader } from '../sites/reader';
import { type SiteDefinition } from '../sites/types';
import { ContentScriptContext } from './script-context';
import { startOverlays } from './start-overlays';

export async function startPage(sites: readonly SiteDefinition[]): Promise<void> {
  // Vigie's own context: it tells the page nothing, and stops the script only when the extension is gone.
  const ctx = new ContentScriptContext();
  const settings = await loadPageSettings().catch(() => readPageSettings(undefined));
  startOverlays({
    doc: document,
    sites: siteReader(sites),
    settings,
    browserLocale: extension.i18n.getUILanguage(),
    onSettingsChanged: (listener) => {
      ctx.onInvalidated(watchPageSettings(listener));
    },
    signal: ctx.signal,
    request,
  });
}
