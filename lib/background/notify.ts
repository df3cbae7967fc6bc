/** Browser notifications and the toolbar badge. */
import { browser } from 'wxt/browser';
import { notificationsFor, questionIdOf, SUMMARY_NOTIFICATION } from '../notifications';
import { primaryUrl } from '../urls';
import { type Db } from './store/db';
import { countUnseen, getWatches, markSeen } from './store/watches';
import { type Change } from '../polling/changes';
import { loadSettings, uiLanguage } from '../platform/storage';
import { feedNotifications, isFeedNotification } from '../follows/notifications';
import { type FeedEntry } from '../follows/schemas';
import { countUnseenFeed, listFollows } from './store/follows';

/** The toolbar count: watches changed and follows' events, not yet seen. */
export async function refreshBadge(db: Db): Promise<number> {
  const unseen = (await countUnseen(db)) + (await countUnseenFeed(db));
  await browser.action.setBadgeText({ text: unseen ? String(unseen) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
  return unseen;
}

/** Notifies real changes, unless the user turned notifications off; the popup shows them anyway. */
export async function announce(db: Db, changes: readonly Change[], feed: readonly FeedEntry[] = []): Promise<void> {
  const settings = await loadSettings();
  if (settings.notifications) {
    const lang = uiLanguage(settings);
    const follows = feed.length ? await listFollows(db) : [];
    for (const text of [...notificationsFor(changes, lang), ...feedNotifications(feed, follows, lang)]) {
      await browser.notifications.create(text.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: text.title,
        message: text.message,
      });
    }
  }
  await refreshBadge(db);
}

/** Opens the page, or brings forward a tab that already shows it. */
async function openOrFocus(url: string): Promise<void> {
  const [tab] = await browser.tabs.query({ url: `${url.replace(/[?#].*$/, '')}*` }).catch(() => []);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  } else {
    await browser.tabs.create({ url });
  }
}

export async function onNotificationClicked(db: Db, notification: string): Promise<void> {
  await browser.notifications.clear(notification);
  if (notification === SUMMARY_NOTIFICATION) {
    await openOrFocus(browser.runtime.getURL('/popup.html'));
    return;
  }
  if (isFeedNotification(notification)) {
    // The popup opens on its « Fil », which marks the news seen as it shows them.
    await openOrFocus(browser.runtime.getURL('/popup.html#feed'));
    return;
  }
  const id = questionIdOf(notification);
  if (!id) return;
  const record = (await getWatches(db, [id])).get(id);
  await markSeen(db, [id]);
  await refreshBadge(db);
  const url = (record?.question && primaryUrl(record.question.urls)) ?? record?.ref?.url;
  if (url) await openOrFocus(url);
}
