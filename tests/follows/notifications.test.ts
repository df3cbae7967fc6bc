import { describe, expect, it } from 'vitest';
import { FEED_NOTIFICATION, feedNotifications } from '../../lib/follows/notifications';
import { type FeedEntry, type Follow } from '../../lib/follows/schemas';
import { BURST_LIMIT } from '../../lib/notifications';

const SUBJECT: Follow = { id: 'subject:1', kind: 'subject', createdAt: 1, newQuestions: true, query: 'lait', chambers: ['AN', 'SENAT'] };

function entry(chamber: 'AN' | 'SENAT', number: number, kind: FeedEntry['kind'], followId = SUBJECT.id): FeedEntry {
  return {
    id: `${followId}|${kind}|${chamber}-17-QE-${number}`,
    followId,
    at: 1,
    kind,
    key: { chamber, legislature: 17, type: 'QE', number },
    issue: `${chamber}/issue.taz`,
  };
}

describe('feedNotifications', () => {
  it('groups a follow’s news in one notification and tells each chamber’s numbers apart', () => {
    const news = [entry('AN', 4512, 'answer'), entry('SENAT', 3308, 'question'), entry('AN', 905, 'answer')];
    const [fr] = feedNotifications(news, [SUBJECT], 'fr');
    expect(fr!.id).toBe('vigie:feed:subject:1');
    expect(fr!.message).toBe('Assemblée nationale, questions n° 4512, 905 ; Sénat, questions n° 3308 — ouvrez le fil de Vigie.');
    const [en] = feedNotifications(news, [SUBJECT], 'en');
    expect(en!.message).toBe('Assemblée nationale, questions no. 4512, 905; Sénat, questions no. 3308 — open Vigie’s feed.');
  });

  it('says nothing of a follow removed since, and sums up a burst in one notification', () => {
    expect(feedNotifications([entry('AN', 1, 'answer', 'subject:gone')], [SUBJECT], 'fr')).toEqual([]);
    const follows = Array.from({ length: BURST_LIMIT + 1 }, (_, i): Follow => ({ ...SUBJECT, id: `subject:${i}` }));
    const burst = follows.map((follow, i) => entry('AN', i + 1, 'answer', follow.id));
    expect(feedNotifications(burst, follows, 'fr').map((n) => n.id)).toEqual([FEED_NOTIFICATION]);
  });
});
