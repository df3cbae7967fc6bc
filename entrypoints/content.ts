import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../lib/client';
import { languageFromLocale } from '../lib/i18n';
import { startOverlays } from '../lib/overlay/content';
import { CONTENT_SCRIPT_MATCHES } from '../lib/urls';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startOverlays({ doc: document, lang: languageFromLocale(browser.i18n.getUILanguage()), signal: ctx.signal, request });
  },
});
