/** The words of the notifications (lib/notifications.ts) and what counts as news (detectChange). */
import { describe, expect, it } from 'vitest';
import { detectChange, type Change, type ChangeKind } from '../../lib/polling/changes';
import { type Question } from '../../lib/model';
import {
  BURST_LIMIT,
  notificationFor,
  notificationId,
  notificationsFor,
  questionIdOf,
  SUMMARY_NOTIFICATION,
  summaryFor,
} from '../../lib/notifications';
import { questionStatus } from '../../lib/status';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { makeQuestion, makeRef, NOW } from '../store/helpers';

const TODAY = '2025-06-03';
/** French groups thousands with a narrow no-break space. */
const NNBSP = '\u202f';

function change(kind: ChangeKind, question: Question): Change {
  return { kind, question, status: questionStatus(question, TODAY) };
}

/** QE n° 19189 of the 15th legislature, published 30 April 2019, due 30 June 2019. */
function q19189(overrides: Partial<Question> = {}): Question {
  return makeQuestion({ legislature: 15, number: 19189, publishedOn: '2019-04-30', ministry: 'Solidarités et santé', ...overrides });
}

describe('notificationFor', () => {
  it('answered, late: title, ministry, days open and days late (fr, en)', () => {
    // 30 April → 3 September 2019: 126 days; due 30 June: 65 days late.
    const c = change('answered', q19189({ answeredOn: '2019-09-03' }));
    expect(notificationFor(c, 'fr')).toEqual({
      id: 'vigie:q:AN-15-QE-19189',
      title: 'Réponse publiée — Question n° 19189',
      message: 'Solidarités et santé — réponse après 126 jours (65 j de retard)',
    });
    expect(notificationFor(c, 'en')).toEqual({
      id: 'vigie:q:AN-15-QE-19189',
      title: 'Answer published — Question no. 19189',
      message: 'Solidarités et santé — answered after 126 days (65 days late)',
    });
  });

  it('answered in time: no lateness; the answering ministry wins; one day is singular', () => {
    const c = change('answered', q19189({ answeredOn: '2019-05-01', answeringMinistry: 'Santé et prévention' }));
    expect(notificationFor(c, 'fr').message).toBe('Santé et prévention — réponse après 1 jour');
    expect(notificationFor(c, 'en').message).toBe('Santé et prévention — answered after 1 day');
  });

  it('lapsed: title, ministry, the legislature that ended, days open and late, with French digit grouping', () => {
    // The seed question: closed « Fin de mandat » on 21 June 2022, the 15th's last day, 1148 days after publication.
    const c = change('closed', q19189({ closedOn: '2022-06-21', closedReason: 'Fin de mandat' }));
    expect(notificationFor(c, 'fr')).toEqual({
      id: 'vigie:q:AN-15-QE-19189',
      title: 'Question caduque — n° 19189',
      message: `Solidarités et santé — fin de la 15e législature (21 juin 2022), close après 1${NNBSP}148 jours (1${NNBSP}087 j de retard)`,
    });
    expect(notificationFor(c, 'en')).toEqual({
      id: 'vigie:q:AN-15-QE-19189',
      title: 'Question lapsed — no. 19189',
      message: 'Solidarités et santé — end of the 15th legislature (21 June 2022), closed after 1,148 days (1,087 days late)',
    });
    // Inferred from the calendar, the same words.
    expect(notificationFor(change('closed', q19189()), 'fr')).toEqual(notificationFor(c, 'fr'));
  });

  it('closed for another reason: the reason in the source’s words', () => {
    const c = change('closed', q19189({ closedOn: '2020-03-03', closedReason: "Retrait par l'auteur" }));
    expect(notificationFor(c, 'fr')).toEqual({
      id: 'vigie:q:AN-15-QE-19189',
      title: 'Question close sans réponse — n° 19189',
      message: "Solidarités et santé — Retrait par l'auteur, close après 308 jours (247 j de retard)",
    });
  });

  it('converted into an oral question (before 1994)', () => {
    const c = change(
      'closed',
      makeQuestion({
        legislature: 9,
        number: 51200,
        publishedOn: '1992-03-02',
        closedOn: '1992-06-15',
        closedReason: 'Transformée en question orale',
        ministry: 'Équipement',
      }),
    );
    expect(notificationFor(c, 'fr')).toEqual({
      id: 'vigie:q:AN-9-QE-51200',
      title: 'Question transformée en question orale — n° 51200',
      message: 'Équipement — close après 105 jours (74 j de retard)',
    });
    expect(notificationFor(c, 'en').title).toBe('Question converted into an oral question — no. 51200');
  });

  it('signaled: the signalement’s own due date, ten days after it', () => {
    const c = change(
      'signaled',
      makeQuestion({ legislature: 17, number: 3456, publishedOn: '2025-01-28', ministry: 'Éducation nationale', signaledOn: '2025-04-15' }),
    );
    expect(notificationFor(c, 'fr')).toEqual({
      id: 'vigie:q:AN-17-QE-3456',
      title: 'Question signalée — n° 3456',
      message: 'Éducation nationale — réponse due le 25 avril 2025',
    });
    expect(notificationFor(c, 'en')).toEqual({
      id: 'vigie:q:AN-17-QE-3456',
      title: 'Question signalled — no. 3456',
      message: 'Éducation nationale — answer due 25 April 2025',
    });
  });

  it('without ministry or days, the message falls back to the title, then the author', () => {
    const bare = makeQuestion({ legislature: 17, number: 12, ministry: undefined, publishedOn: undefined, answeredOn: '2025-05-27' });
    expect(notificationFor(change('answered', bare), 'fr').message).toBe('Prise de rendez-vous en ligne');
    const untitled = { ...bare, title: undefined };
    expect(notificationFor(change('answered', untitled), 'fr').message).toBe('Élise Morvan');
  });

  it('ids are stable and lead back to the question', () => {
    const c = change('answered', q19189({ answeredOn: '2019-09-03' }));
    expect(notificationFor(c, 'fr').id).toBe(notificationFor(c, 'en').id);
    expect(notificationFor(c, 'fr').id).toBe(notificationId('AN-15-QE-19189'));
    expect(questionIdOf(notificationId('AN-15-QE-19189'))).toBe('AN-15-QE-19189');
    expect(questionIdOf(SUMMARY_NOTIFICATION)).toBeUndefined();
    expect(questionIdOf('other-extension:AN-15-QE-19189')).toBeUndefined();
    // A later change of the same question replaces its notification rather than adding one.
    expect(notificationFor(change('signaled', q19189({ signaledOn: '2019-06-04' })), 'fr').id).toBe(notificationFor(c, 'fr').id);
  });
});

describe('notificationsFor: bursts', () => {
  const changes = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      change('answered', makeQuestion({ legislature: 17, number: 100 + i, publishedOn: '2025-01-28', answeredOn: '2025-06-03' })),
    );

  it(`up to ${BURST_LIMIT} changes → one notification each`, () => {
    expect(BURST_LIMIT).toBe(3);
    expect(notificationsFor([], 'fr')).toEqual([]);
    expect(notificationsFor(changes(1), 'fr').map((n) => n.id)).toEqual(['vigie:q:AN-17-QE-100']);
    expect(notificationsFor(changes(3), 'en').map((n) => n.id)).toEqual([
      'vigie:q:AN-17-QE-100',
      'vigie:q:AN-17-QE-101',
      'vigie:q:AN-17-QE-102',
    ]);
  });

  it('more than 3 changes → one summary', () => {
    expect(notificationsFor(changes(4), 'fr')).toEqual([
      {
        id: SUMMARY_NOTIFICATION,
        title: '4 questions suivies ont changé',
        message: 'Questions n° 100, 101, 102, 103 — ouvrez Vigie pour le détail.',
      },
    ]);
    expect(notificationsFor(changes(4), 'en')).toEqual([
      {
        id: SUMMARY_NOTIFICATION,
        title: '4 watched questions changed',
        message: 'Questions no. 100, 101, 102, 103 — open Vigie for details.',
      },
    ]);
  });

  it('a long burst lists eight numbers and an ellipsis', () => {
    const summary = summaryFor(changes(12), 'fr');
    expect(summary).toEqual({
      id: 'vigie:summary',
      title: '12 questions suivies ont changé',
      message: 'Questions n° 100, 101, 102, 103, 104, 105, 106, 107… — ouvrez Vigie pour le détail.',
    });
    expect(notificationsFor(changes(12), 'en')).toHaveLength(1);
  });
});

describe('detectChange', () => {
  const pending = () => makeQuestion({ legislature: 17, number: 3456, publishedOn: '2025-01-28' });

  function watchedBefore(overrides: Partial<WatchRecord> = {}): WatchRecord {
    return watchRecordSchema.parse({
      id: 'AN-17-QE-3456',
      question: pending(),
      watchedAt: NOW,
      state: 'overdue',
      failures: 0,
      seen: true,
      lastCheckedAt: NOW,
      ...overrides,
    });
  }

  it('no change when the status is the same', () => {
    expect(detectChange(watchedBefore(), pending(), TODAY)).toBeUndefined();
  });

  it('pending → answered, with the new status', () => {
    const after = { ...pending(), answeredOn: '2025-06-03' };
    expect(detectChange(watchedBefore(), after, TODAY)).toEqual({
      kind: 'answered',
      question: after,
      status: questionStatus(after, TODAY),
    });
  });

  it('pending → closed', () => {
    const after = { ...pending(), closedOn: '2025-06-03', closedReason: 'Retrait' };
    expect(detectChange(watchedBefore(), after, TODAY)?.kind).toBe('closed');
  });

  it('unknown → answered is news; answered → answered is not', () => {
    const after = { ...pending(), answeredOn: '2025-06-03' };
    expect(detectChange(watchedBefore({ state: 'unknown' }), after, TODAY)?.kind).toBe('answered');
    expect(detectChange(watchedBefore({ state: 'answered', question: after }), after, TODAY)).toBeUndefined();
  });

  it('a new signalement is news once', () => {
    const signaled = { ...pending(), signaledOn: '2025-04-15' };
    expect(detectChange(watchedBefore(), signaled, TODAY)?.kind).toBe('signaled');
    expect(detectChange(watchedBefore({ question: signaled }), signaled, TODAY)).toBeUndefined();
  });

  it('answered and signaled at once → answered', () => {
    const after = { ...pending(), signaledOn: '2025-04-15', answeredOn: '2025-06-03' };
    expect(detectChange(watchedBefore(), after, TODAY)?.kind).toBe('answered');
  });

  it('an answer dated in the future reads as unknown: not news', () => {
    const after = { ...pending(), answeredOn: '2025-06-10' };
    expect(detectChange(watchedBefore(), after, TODAY)).toBeUndefined();
  });

  it('a list-only watch never read: the first reading is the baseline, not news', () => {
    const ref = makeRef({ legislature: 17, number: 3456, publishedOn: '2025-01-28' });
    const listOnly = watchRecordSchema.parse({ id: 'AN-17-QE-3456', ref, watchedAt: NOW, state: 'pending', failures: 0, seen: true });
    expect(detectChange(listOnly, { ...pending(), answeredOn: '2025-06-03' }, TODAY)).toBeUndefined();
    expect(detectChange(listOnly, { ...pending(), signaledOn: '2025-04-15' }, TODAY)).toBeUndefined();
  });
});
