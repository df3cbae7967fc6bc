import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { announce, onNotificationClicked, refreshBadge } from '../lib/background/notify';
import { Poller } from '../lib/background/poller';
import { loadPackedBackup, loadSettings, loadSourceState, savePackedBackup, saveSourceState } from '../lib/platform/storage';
import { keepBackup } from '../lib/background/backup';
import { resumeImport } from '../lib/background/store/imports';
import { route } from '../lib/messages';
import { PoliteFetcher } from '../lib/sources/polite-fetch';
import { pruneCache } from '../lib/background/store/cache';
import { pruneFeed } from '../lib/background/store/follows';
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
    announce: async (changes, feed) => announce(await database(), changes, feed),
  });
  const backup = { load: loadPackedBackup, save: savePackedBackup };
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
    backup,
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
    // On the same beat: expired deputy facts go, so the cache never grows for good, and the
    // backup copy is refreshed when it is old.
    void poller
      .run()
      .catch(() => undefined)
      .then(async () => {
        const db = await database();
        await pruneCache(db);
        await pruneFeed(db, Date.now());
        await keepBackup(db, backup, Date.now());
      })
      .catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => {
    void database().then((db) => onNotificationClicked(db, id));
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
  void ensureAlarm();
  // An import the worker was writing when it stopped is finished now; one left half-sent is dropped.
  void database()
    .then(async (db) => {
      await resumeImport(db, Date.now(), await poller.scheduler());
      await refreshBadge(db);
    })
    .catch(() => undefined);
});
