import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { loadSourceState, saveSourceState } from '../lib/background/source-state';
import { route } from '../lib/messages';
import { PoliteFetcher } from '../lib/sources/polite-fetch';
import { database } from '../lib/store/db';

export default defineBackground(() => {
  const fetcher = new PoliteFetcher({
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    loadState: loadSourceState,
    saveState: saveSourceState,
  });
  const handlers = createHandlers({ db: database, fetcher, now: Date.now, onWatchesChanged: () => undefined });
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { fromExtensionPage: sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin) }, handlers));
});
