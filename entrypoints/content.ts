import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../lib/platform/client';
import { startOverlays } from '../lib/content/start-overlays';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { loadSettings, watchSettings } from '../lib/platform/storage';
import { CONTENT_SCRIPT_MATCHES } from '../lib/sites';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  // `ctx` is Vigie's own context (lib/content/script-context.ts, swapped in by wxt.config.ts):
  // it tells the page nothing, and stops the script only when the extension is gone.
  async main(ctx) {
    const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
    // Compiled out of production builds: `npm run bench` builds with WXT_BENCH=true. The first
    // pass runs cold code; a second one, right after, shows the same work once compiled.
    const bench = import.meta.env.WXT_BENCH === 'true';
    startOverlays({
      doc: document,
      settings,
      browserLocale: browser.i18n.getUILanguage(),
      onSettingsChanged: (listener) => {
        ctx.onInvalidated(watchSettings(listener));
        if (bench) setTimeout(() => listener(settings), 50);
      },
      signal: ctx.signal,
      request,
      measure: bench
        ? (ms) => {
            const root = document.documentElement;
            root.setAttribute(root.hasAttribute('data-vigie-bench-ms') ? 'data-vigie-bench-warm-ms' : 'data-vigie-bench-ms', String(ms));
          }
        : undefined,
    });
  },
});
