import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { announce, onNotificationClicked, refreshBadge } from '../lib/background/notify';
import { Poller } from '../lib/background/poller';
import { loadSettings, loadSourceState, saveSourceState } from '../lib/platform/storage';
import { route } from '../lib/messages';
import { PoliteFetcher } from '../lib/sources/polite-fetch';
import { pruneCache } from '../lib/background/store/cache';
import { database } from '../lib/background/store/db';

/** One alarm drives all polling; each run checks only what is due. */
const POLL_ALARM = 'vigie:poll';
const POLL_PERIOD_MINUTES = 15;

export default defineBackground(() => {
  const fetcher = new PoliteFetcher({
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    loadState: loadSourceState,
    saveState: saveSourceState,
  });
  const poller = new Poller({
    db: database,
    fetcher,
    now: Date.now,
    random: Math.random,
    settings: loadSettings,
    announce: async (changes) => announce(await database(), changes),
  });
  const handlers = createHandlers({
    db: database,
    fetcher,
    poller,
    now: Date.now,
    onWatchesChanged: async () => {
      await refreshBadge(await database());
    },
    onErased: async () => {
      await browser.storage.local.clear();
    },
  });
  const extensionOrigin = browser.runtime.getURL('/');

  // Alarms are wiped by updates and not always kept across restarts: recreate on every start.
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(POLL_ALARM))) {
      await browser.alarms.create(POLL_ALARM, { periodInMinutes: POLL_PERIOD_MINUTES, delayInMinutes: 1 });
    }
  };

  // Listeners are registered synchronously so that the event that woke the worker reaches them.
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { fromExtensionPage: sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin) }, handlers),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    // Expired deputy facts are dropped on the same beat, so the cache never grows for good.
    void poller
      .run()
      .catch(() => undefined)
      .then(async () => pruneCache(await database()));
  });
  browser.notifications.onClicked.addListener((id) => {
    void database().then((db) => onNotificationClicked(db, id));
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
  void ensureAlarm();
  void database()
    .then(refreshBadge)
    .catch(() => undefined);
});
