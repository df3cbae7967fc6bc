/**
 * Vigie on a page: imported by the content script's loader (entrypoints/loader.content.ts) as a web-accessible
 * module, run in the content script's isolated world. Page-side code loads neither zod nor the
 * polyfill (PAGE_SUBSTITUTES, lib/platform/extension.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from '../lib/content/script-context';
import { startOverlays } from '../lib/content/start-overlays';
import { request } from '../lib/platform/client';
import { extension } from '../lib/platform/extension';
import { loadPageSettings, watchPageSettings } from '../lib/platform/page-settings';
import { readPageSettings } from '../lib/page-settings';

export default defineUnlistedScript(async () => {
  // Vigie's own context: it tells the page nothing, and stops the script only when the extension is gone.
  const ctx = new ContentScriptContext();
  const settings = await loadPageSettings().catch(() => readPageSettings(undefined));
  startOverlays({
    doc: document,
    settings,
    browserLocale: extension.i18n.getUILanguage(),
    onSettingsChanged: (listener) => {
      ctx.onInvalidated(watchPageSettings(listener));
    },
    signal: ctx.signal,
    request,
  });
});
