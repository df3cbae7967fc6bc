import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../lib/client';
import { startOverlays } from '../lib/overlay/content';
import { readSettings, SETTINGS_KEY } from '../lib/settings';
import { CONTENT_SCRIPT_MATCHES } from '../lib/urls';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}));
    startOverlays({
      doc: document,
      settings: readSettings((stored as Record<string, unknown>)[SETTINGS_KEY]),
      browserLocale: browser.i18n.getUILanguage(),
      onSettingsChanged: (listener) => {
        const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
        };
        browser.storage.onChanged.addListener(onChanged);
        ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
      },
      signal: ctx.signal,
      request,
      // Compiled out of production builds: `npm run bench` builds with WXT_BENCH=true.
      measure: import.meta.env.WXT_BENCH === 'true'
        ? (ms) => document.documentElement.setAttribute('data-vigie-bench-ms', String(ms))
        : undefined,
    });
  },
});
