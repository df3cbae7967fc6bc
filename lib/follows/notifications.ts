/** The follows' notifications: one per follow with news, grouped (« 3 nouvelles réponses pour Mme X »), or one summary. */
import { formatters, type Language } from '../i18n';
import { BURST_LIMIT, type NotificationText } from '../notifications';
import { FOLLOW_CHAMBERS } from './chambers';
import { type FeedEntry, type Follow } from './schemas';
import { FOLLOW_MESSAGES, followLabel } from './words';

export const FEED_NOTIFICATION = 'vigie:feed';
const FOLLOW_PREFIX = 'vigie:feed:';

/** Whether a clicked notification is one of the feed's: it opens the popup's « Fil ». */
export function isFeedNotification(id: string): boolean {
  return id === FEED_NOTIFICATION || id.startsWith(FOLLOW_PREFIX);
}

export function feedNotifications(entries: readonly FeedEntry[], follows: readonly Follow[], lang: Language): NotificationText[] {
  const t = FOLLOW_MESSAGES[lang];
  const f = formatters(lang);
  const byFollow = new Map<string, FeedEntry[]>();
  for (const entry of entries) byFollow.set(entry.followId, [...(byFollow.get(entry.followId) ?? []), entry]);
  const known = new Map(follows.map((follow) => [follow.id, follow]));
  const groups = [...byFollow.entries()].filter(([id]) => known.has(id));
  if (groups.length > BURST_LIMIT) {
    return [{ id: FEED_NOTIFICATION, title: t.notifyFeedSummary(f.count(groups.length)), message: t.notifyFeedSummaryBody }];
  }
  return groups.map(([id, news]) => {
    const answers = news.filter((entry) => entry.kind === 'answer').length;
    // Each chamber numbers its own questions: the numbers are told apart by the chamber they belong to.
    const parts = FOLLOW_CHAMBERS.flatMap((chamber) => {
      const numbers = [...new Set(news.filter((entry) => entry.key.chamber === chamber).map((entry) => entry.key.number))];
      if (!numbers.length) return [];
      return [t.notifyChamberNumbers(t.chamberNames[chamber], numbers.slice(0, 8).join(', ') + (numbers.length > 8 ? '…' : ''))];
    });
    return {
      id: FOLLOW_PREFIX + id,
      title: t.notifyDeputy(f.count(answers), f.count(news.length - answers), followLabel(known.get(id)!, lang)),
      message: t.notifyFeedBody(parts.join(lang === 'fr' ? ' ; ' : '; ')),
    };
  });
}
