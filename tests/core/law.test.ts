/**
 * The law as Vigie applies it, through the public entry points only (`questionStatus`,
 * `refStatus`): the cases of docs/reference/law.md §5, then every legislature boundary of the
 * calendar, the 2014 change of deadline, month ends and leap years, and the ways a question ends.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../lib/dates';
import { hasEnded, LEGISLATURES } from '../../lib/legislatures';
import { questionId, questionRefSchema, questionSchema, type Question, type QuestionRef } from '../../lib/model';
import { questionStatus, refStatus, type QuestionStatus } from '../../lib/status';
import { anDynUrl } from '../../lib/urls';

type Facts = Partial<Omit<Question, 'author' | 'urls' | 'id' | 'chamber'>>;

function question(facts: Facts): Question {
  const legislature = facts.legislature ?? 17;
  const type = facts.type ?? 'QE';
  const number = facts.number ?? 1234;
  const id = questionId(legislature, type, number);
  return questionSchema.parse({
    chamber: 'AN',
    author: { name: 'Claire Exemple' },
    urls: { an: anDynUrl(id) },
    ...facts,
    id,
    legislature,
    type,
    number,
  });
}

function item(facts: Partial<QuestionRef>): QuestionRef {
  const legislature = facts.legislature ?? 17;
  const type = facts.type ?? 'QE';
  const number = facts.number ?? 1234;
  const id = questionId(legislature, type, number);
  return questionRefSchema.parse({
    url: anDynUrl(id),
    answered: false,
    closed: false,
    pending: false,
    ...facts,
    id,
    legislature,
    type,
    number,
  });
}

const open = { state: 'pending', signaled: false } as const;
const lapsed = (legislature: number, closedOn: IsoDate) =>
  ({ state: 'closed', signaled: false, closedOn, closure: 'lapsed', closureInferred: true, lapsedAtEndOf: legislature }) as const;

describe('docs/reference/law.md §5', () => {
  it.each<[string, Facts, IsoDate, QuestionStatus]>([
    [
      'L1 15-44415QE: the page’s own closure, « Fin de mandat » on the last day, late 60 days and no more',
      { legislature: 15, number: 44415, publishedOn: '2022-02-22', closedOn: '2022-06-21', closedReason: 'Fin de mandat' },
      '2026-11-29',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2022-04-22',
        closedOn: '2022-06-21',
        closedReason: 'Fin de mandat',
        closure: 'lapsed',
        lapsedAtEndOf: 15,
        daysOpen: 119,
        daysLate: 60,
      },
    ],
    [
      'L2 15/QE/19189 (seed): « Retirée le 21 juin 2022 (fin de mandat) »',
      { legislature: 15, number: 19189, publishedOn: '2019-04-30', closedOn: '2022-06-21', closedReason: 'fin de mandat' },
      '2026-11-29',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2019-06-30',
        closedOn: '2022-06-21',
        closedReason: 'fin de mandat',
        closure: 'lapsed',
        lapsedAtEndOf: 15,
        daysOpen: 1148,
        daysLate: 1087,
      },
    ],
    [
      'L3 the same question read without its closure: closed by the calendar, and said to be inferred',
      { legislature: 15, number: 19189, publishedOn: '2019-04-30' },
      '2026-11-29',
      { ...lapsed(15, '2022-06-21'), dueOn: '2019-06-30', daysOpen: 1148, daysLate: 1087 },
    ],
    [
      'L4 signalled a week before the end: its ten days run past the legislature, never « signal overdue »',
      { legislature: 15, number: 44001, publishedOn: '2022-01-18', signaledOn: '2022-06-14' },
      '2022-07-01',
      {
        ...lapsed(15, '2022-06-21'),
        signaled: true,
        dueOn: '2022-03-18',
        signalDueOn: '2022-06-24',
        daysOpen: 154,
        daysLate: 95,
        signalDaysLate: 0,
      },
    ],
    [
      'L5 16th, dissolved before its deadline: closed on 9 June 2024, never late',
      { legislature: 16, publishedOn: '2024-05-07' },
      '2024-06-20',
      { ...lapsed(16, '2024-06-09'), dueOn: '2024-07-07', daysOpen: 33, daysLate: 0 },
    ],
    [
      'L6 16th, no closure data: late until the dissolution only',
      { legislature: 16, publishedOn: '2024-01-09' },
      '2026-11-29',
      { ...lapsed(16, '2024-06-09'), dueOn: '2024-03-09', daysOpen: 152, daysLate: 92 },
    ],
    [
      'L7 14th, a week before its term: never late',
      { legislature: 14, publishedOn: '2017-06-13' },
      '2017-07-01',
      { ...lapsed(14, '2017-06-20'), dueOn: '2017-08-13', daysOpen: 7, daysLate: 0 },
    ],
    [
      'L8 13th, one-month rule: due 1 June 2012, 18 days late at the end of the legislature',
      { legislature: 13, publishedOn: '2012-05-01' },
      '2013-01-01',
      { ...lapsed(13, '2012-06-19'), dueOn: '2012-06-01', daysOpen: 49, daysLate: 18 },
    ],
    [
      'L9 11th, at its term',
      { legislature: 11, publishedOn: '2002-03-04' },
      '2003-01-01',
      { ...lapsed(11, '2002-06-18'), dueOn: '2002-04-04', daysOpen: 106, daysLate: 75 },
    ],
    [
      'L10 8th, at the dissolution of 14 May 1988',
      { legislature: 8, publishedOn: '1988-03-21' },
      '1990-01-01',
      { ...lapsed(8, '1988-05-14'), dueOn: '1988-04-21', daysOpen: 54, daysLate: 23 },
    ],
    [
      'L11 a 16th question published in the gap after the dissolution: unknown, no deadline',
      { legislature: 16, publishedOn: '2024-06-25' },
      '2026-11-29',
      { state: 'unknown', signaled: false },
    ],
    [
      'L11 a 17th question published before the 17th first sat: unknown',
      { legislature: 17, publishedOn: '2024-07-09' },
      '2026-11-29',
      { state: 'unknown', signaled: false },
    ],
    [
      'D1 14-47351QE: one month, answered after renewal and reassignment, 95 days late (not 67)',
      {
        legislature: 14,
        number: 47351,
        publishedOn: '2014-01-07',
        reassignedOn: '2014-04-03',
        renewedOn: '2014-04-15',
        answeredOn: '2014-05-13',
      },
      '2014-06-01',
      { state: 'answered', signaled: false, dueOn: '2014-02-07', answeredOn: '2014-05-13', daysOpen: 126, daysLate: 95 },
    ],
    [
      'D2 13th after the 2009 reform: still one month',
      { legislature: 13, publishedOn: '2010-03-02', answeredOn: '2010-06-01' },
      '2010-07-01',
      { state: 'answered', signaled: false, dueOn: '2010-04-02', answeredOn: '2010-06-01', daysOpen: 91, daysLate: 60 },
    ],
    [
      'D3 the last issue under the one-month rule (9 December 2014)',
      { legislature: 14, publishedOn: '2014-12-09' },
      '2015-01-20',
      { state: 'overdue', signaled: false, dueOn: '2015-01-09', daysOpen: 42, daysLate: 11 },
    ],
    [
      'D4 the first issue under the two-month rule (16 December 2014)',
      { legislature: 14, publishedOn: '2014-12-16' },
      '2015-01-20',
      { ...open, dueOn: '2015-02-16', daysOpen: 35 },
    ],
    [
      'D5 10th, 1993: one month; the extensions of the time postpone the answer, not the deadline missed',
      { legislature: 10, publishedOn: '1993-05-04', answeredOn: '1993-09-07' },
      '1993-10-01',
      { state: 'answered', signaled: false, dueOn: '1993-06-04', answeredOn: '1993-09-07', daysOpen: 126, daysLate: 95 },
    ],
    [
      'D6 13th, 2008',
      { legislature: 13, publishedOn: '2008-03-04', answeredOn: '2008-06-10' },
      '2008-07-01',
      { state: 'answered', signaled: false, dueOn: '2008-04-04', answeredOn: '2008-06-10', daysOpen: 98, daysLate: 67 },
    ],
    [
      'A1 answered three days before the deadline: on time',
      { legislature: 16, publishedOn: '2023-01-10', answeredOn: '2023-03-07' },
      '2023-04-01',
      { state: 'answered', signaled: false, dueOn: '2023-03-10', answeredOn: '2023-03-07', daysOpen: 56, daysLate: 0 },
    ],
    [
      'A1 answered four days after the deadline',
      { legislature: 16, publishedOn: '2023-01-10', answeredOn: '2023-03-14' },
      '2023-04-01',
      { state: 'answered', signaled: false, dueOn: '2023-03-10', answeredOn: '2023-03-14', daysOpen: 63, daysLate: 4 },
    ],
    [
      'S1 signalled: lateness from the base deadline, the ten days shown beside it',
      { legislature: 16, publishedOn: '2023-01-10', signaledOn: '2023-05-16', answeredOn: '2023-06-06' },
      '2023-07-01',
      {
        state: 'answered',
        signaled: true,
        dueOn: '2023-03-10',
        signalDueOn: '2023-05-26',
        answeredOn: '2023-06-06',
        daysOpen: 147,
        daysLate: 88,
        signalDaysLate: 11,
      },
    ],
    [
      'S2 a signalement before the base deadline is kept as the source gives it',
      { legislature: 16, publishedOn: '2023-01-10', signaledOn: '2023-02-14' },
      '2023-03-01',
      { state: 'pending', signaled: true, dueOn: '2023-03-10', signalDueOn: '2023-02-24', daysOpen: 50, signalDaysLate: 5 },
    ],
    [
      'B1 published in the summer break: the clock does not stop',
      { legislature: 16, publishedOn: '2023-07-04', answeredOn: '2023-09-26' },
      '2023-10-01',
      { state: 'answered', signaled: false, dueOn: '2023-09-04', answeredOn: '2023-09-26', daysOpen: 84, daysLate: 22 },
    ],
    [
      'G1 17th, open-ended: overdue, never closed while the table gives it no last day',
      { legislature: 17, publishedOn: '2025-01-07' },
      '2026-11-29',
      { state: 'overdue', signaled: false, dueOn: '2025-03-07', daysOpen: 691, daysLate: 632 },
    ],
  ])('%s', (_name, facts, today, expected) => {
    expect(questionStatus(question(facts), today)).toStrictEqual(expected);
  });

  it.each<[string, IsoDate, IsoDate]>([
    ['M1 leap year', '2019-12-31', '2020-02-29'],
    ['M1 common year', '2018-12-31', '2019-02-28'],
    ['M2 one-month rule, clamped', '2013-01-29', '2013-02-28'],
    ['M3', '2015-12-29', '2016-02-29'],
    ['M3', '2021-08-31', '2021-10-31'],
  ])('%s: published %s → due %s', (_name, publishedOn, dueOn) => {
    const legislature = LEGISLATURES.find((row) => row.firstDay <= publishedOn && (!row.lastDay || publishedOn <= row.lastDay))!.number;
    expect(questionStatus(question({ legislature, publishedOn }), publishedOn)).toStrictEqual({ ...open, dueOn, daysOpen: 0 });
  });
});

describe('every legislature boundary of the calendar', () => {
  const finished = LEGISLATURES.filter((row) => row.lastDay !== undefined);

  it.each(finished.map((row) => [row.number, row] as const))(
    'legislature %i: open on its last day, lapsed from the next',
    (number, row) => {
      const q = question({ legislature: number, publishedOn: row.lastDay! });
      expect(questionStatus(q, row.lastDay!).state).toBe('pending');
      const after = questionStatus(q, addDays(row.lastDay!, 1));
      expect(after).toMatchObject({ ...lapsed(number, row.lastDay!), daysOpen: 0, daysLate: 0 });
      // Frozen: nothing grows after the closure.
      expect(questionStatus(q, '2099-01-01')).toStrictEqual(after);
    },
  );

  it.each(LEGISLATURES.map((row) => [row.number, row] as const))(
    'legislature %i: its first day belongs to it, the day before does not',
    (number, row) => {
      expect(questionStatus(question({ legislature: number, publishedOn: row.firstDay }), row.firstDay).state).toBe('pending');
      expect(questionStatus(question({ legislature: number, publishedOn: addDays(row.firstDay, -1) }), row.firstDay).state).toBe('unknown');
    },
  );

  it.each(finished.map((row) => [row.number, row] as const))(
    'legislature %i: a question dated after its last day is unknown',
    (number, row) => {
      const day = addDays(row.lastDay!, 1);
      expect(questionStatus(question({ legislature: number, publishedOn: day }), '2099-01-01')).toStrictEqual({
        state: 'unknown',
        signaled: false,
      });
      expect(refStatus(item({ legislature: number, publishedOn: day, pending: true }), '2099-01-01').state).toBe('unknown');
    },
  );

  it('the 2024 dissolution: no Assembly from 10 June to 17 July, nothing published then belongs anywhere', () => {
    for (const day of ['2024-06-10', '2024-06-30', '2024-07-07', '2024-07-17']) {
      for (const legislature of [16, 17]) {
        expect(questionStatus(question({ legislature, publishedOn: day }), '2026-11-29').state, `${legislature} ${day}`).toBe('unknown');
      }
    }
    expect(questionStatus(question({ legislature: 17, publishedOn: '2024-07-18' }), '2024-07-18')).toStrictEqual({
      ...open,
      dueOn: '2024-09-18',
      daysOpen: 0,
    });
  });

  it('a signalement or a filing outside the legislature is a contradiction too', () => {
    expect(questionStatus(question({ legislature: 16, publishedOn: '2024-01-09', signaledOn: '2024-06-11' }), '2026-11-29').state).toBe(
      'unknown',
    );
    expect(refStatus(item({ legislature: 17, depositedOn: '2024-07-02', pending: true }), '2026-11-29').state).toBe('unknown');
  });

  it('never closes the 17th by itself, not even after its expected term', () => {
    for (const today of ['2029-06-19', '2029-06-20', '2035-01-01']) {
      const status = questionStatus(question({ legislature: 17, publishedOn: '2025-01-07' }), today);
      expect(status.state).toBe('overdue');
      expect(hasEnded(17, today)).toBe(false);
    }
  });

  it('takes a legislature newer than the table as sitting, and one older than the table as ended', () => {
    expect(questionStatus(question({ legislature: 18, publishedOn: '2030-01-08' }), '2030-02-01')).toStrictEqual({
      ...open,
      dueOn: '2030-03-08',
      daysOpen: 24,
    });
    // Ended before 1986 on a day the table does not give: lapsed, without a date to count to.
    expect(questionStatus(question({ legislature: 7, publishedOn: '1985-01-08' }), '2026-11-29')).toStrictEqual({
      state: 'closed',
      signaled: false,
      dueOn: '1985-02-08',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 7,
    });
  });
});

describe('the change of deadline in December 2014', () => {
  it.each<[IsoDate, IsoDate | undefined]>([
    ['2014-12-02', '2015-01-02'],
    ['2014-12-09', '2015-01-09'],
    // Between the last one-month issue and the first two-month one: no rule is certain.
    ['2014-12-10', undefined],
    ['2014-12-15', undefined],
    ['2014-12-16', '2015-02-16'],
    ['2014-12-23', '2015-02-23'],
  ])('published %s → due %s', (publishedOn, dueOn) => {
    const status = questionStatus(question({ legislature: 14, publishedOn }), '2015-06-01');
    expect(status.dueOn).toBe(dueOn);
    expect(status.state).toBe(dueOn ? 'overdue' : 'pending');
  });

  it('an undated band question lapses with its legislature without a lateness figure', () => {
    expect(questionStatus(question({ legislature: 14, publishedOn: '2014-12-12' }), '2026-11-29')).toStrictEqual({
      ...lapsed(14, '2017-06-20'),
      daysOpen: 921,
    });
  });
});

describe('month ends and leap years', () => {
  it.each<[number, IsoDate, IsoDate]>([
    [13, '2012-01-31', '2012-02-29'],
    [13, '2011-01-31', '2011-02-28'],
    [14, '2014-10-31', '2014-11-30'],
    [14, '2015-12-31', '2016-02-29'],
    [14, '2016-01-31', '2016-03-31'],
    [16, '2023-12-31', '2024-02-29'],
    [16, '2022-12-31', '2023-02-28'],
    [17, '2024-12-31', '2025-02-28'],
    [17, '2027-12-31', '2028-02-29'],
  ])('%ie legislature, published %s → due %s; overdue from the day after only', (legislature, publishedOn, dueOn) => {
    const q = question({ legislature, publishedOn });
    expect(questionStatus(q, dueOn)).toMatchObject({ state: 'pending', dueOn });
    expect(questionStatus(q, addDays(dueOn, 1))).toMatchObject({ state: 'overdue', dueOn, daysLate: 1 });
  });
});

describe('how a question ends', () => {
  it('an answer after the end of the legislature is still an answer', () => {
    expect(questionStatus(question({ legislature: 15, publishedOn: '2022-05-03', answeredOn: '2022-07-05' }), '2026-11-29')).toStrictEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2022-07-03',
      answeredOn: '2022-07-05',
      daysOpen: 63,
      daysLate: 2,
    });
  });

  it('a closure before the last day is another closure, in the source’s words', () => {
    expect(
      questionStatus(
        question({ legislature: 16, publishedOn: '2023-06-13', closedOn: '2023-10-03', closedReason: 'Retirée' }),
        '2026-11-29',
      ),
    ).toStrictEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2023-08-13',
      closedOn: '2023-10-03',
      closedReason: 'Retirée',
      closure: 'other',
      daysOpen: 112,
      daysLate: 51,
    });
  });

  it.each(['Question caduque', 'Caduc', 'Fin de législature'])('« %s » a few days before the last day is the lapse', (closedReason) => {
    expect(
      questionStatus(question({ legislature: 15, publishedOn: '2022-02-22', closedOn: '2022-06-18', closedReason }), '2026-11-29'),
    ).toMatchObject({ state: 'closed', closure: 'lapsed', lapsedAtEndOf: 15, closedOn: '2022-06-18' });
  });

  it('a page dating the closure after the last day keeps its own date (the 16th’s may read 10 June 2024)', () => {
    expect(
      questionStatus(
        question({ legislature: 16, publishedOn: '2024-01-09', closedOn: '2024-06-10', closedReason: 'Fin de mandat' }),
        '2026-11-29',
      ),
    ).toMatchObject({ closure: 'lapsed', lapsedAtEndOf: 16, closedOn: '2024-06-10', daysLate: 93 });
  });

  it('« Fin de mandat » a few days before the calendar’s last day is the lapse; weeks before, another closure', () => {
    const closedOn = (day: IsoDate) =>
      questionStatus(question({ legislature: 14, publishedOn: '2017-02-07', closedOn: day, closedReason: 'Fin de mandat' }), '2026-11-29');
    expect(closedOn('2017-06-19')).toMatchObject({ closure: 'lapsed', lapsedAtEndOf: 14, closedOn: '2017-06-19', daysLate: 73 });
    expect(closedOn('2017-06-13')).toMatchObject({ closure: 'lapsed', closedOn: '2017-06-13' });
    expect(closedOn('2017-06-12')).toMatchObject({ closure: 'other', closedReason: 'Fin de mandat', closedOn: '2017-06-12' });
    expect(
      questionStatus(
        question({ legislature: 14, publishedOn: '2017-02-07', closedOn: '2017-06-19', closedReason: 'Retirée' }),
        '2026-11-29',
      ),
    ).toMatchObject({
      closure: 'other',
    });
  });

  it('a closure without a date stays undated: the calendar does not guess a withdrawal’s day', () => {
    expect(refStatus(item({ legislature: 16, publishedOn: '2023-06-13', closed: true }), '2026-11-29')).toStrictEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2023-08-13',
      closure: 'other',
    });
  });

  it('« transformée en question orale » (before 1994) is its own end', () => {
    expect(
      questionStatus(
        question({ legislature: 9, publishedOn: '1992-03-02', closedOn: '1992-06-15', closedReason: 'Transformée en question orale' }),
        '2026-11-29',
      ),
    ).toStrictEqual({
      state: 'closed',
      signaled: false,
      dueOn: '1992-04-02',
      closedOn: '1992-06-15',
      closedReason: 'Transformée en question orale',
      closure: 'converted',
      daysOpen: 105,
      daysLate: 74,
    });
  });

  it('questions au Gouvernement and oral questions lapse too, without a written deadline', () => {
    for (const type of ['QG', 'QOSD'] as const) {
      expect(questionStatus(question({ legislature: 16, type, publishedOn: '2024-01-10' }), '2026-11-29')).toStrictEqual({
        ...lapsed(16, '2024-06-09'),
        daysOpen: 151,
      });
    }
  });

  it('a status does not change once the legislature has ended, whatever the day', () => {
    const q = question({ legislature: 16, publishedOn: '2024-01-09' });
    const settled = questionStatus(q, '2024-06-10');
    for (const today of ['2024-07-18', '2026-11-29', '2040-01-01']) expect(questionStatus(q, today)).toStrictEqual(settled);
  });
});

describe('NosDéputés « Réponse à venir le … »', () => {
  const announced = (legislature: number, publishedOn: IsoDate, announcedOn: IsoDate) =>
    question({ legislature, publishedOn, announcedOn });

  it.each<[string, IsoDate, QuestionStatus]>([
    [
      'before the date: pending, with the date announced',
      '2024-04-01',
      { ...open, dueOn: '2024-05-05', announcedOn: '2024-04-09', daysOpen: 27 },
    ],
    [
      'on the date itself: still ahead for the site',
      '2024-04-09',
      { ...open, dueOn: '2024-05-05', announcedOn: '2024-04-09', daysOpen: 35 },
    ],
    [
      'after the date: closed on it',
      '2024-04-10',
      { state: 'closed', signaled: false, dueOn: '2024-05-05', closedOn: '2024-04-09', closure: 'other', daysOpen: 35, daysLate: 0 },
    ],
    [
      'long after, the legislature ended too: still the page’s own date',
      '2026-11-29',
      { state: 'closed', signaled: false, dueOn: '2024-05-05', closedOn: '2024-04-09', closure: 'other', daysOpen: 35, daysLate: 0 },
    ],
  ])('%s', (_name, today, expected) => {
    expect(questionStatus(announced(16, '2024-03-05', '2024-04-09'), today)).toStrictEqual(expected);
  });

  it('past the deadline, the announcement does not hide the lateness', () => {
    expect(questionStatus(announced(16, '2024-01-09', '2024-04-09'), '2024-03-20')).toStrictEqual({
      state: 'overdue',
      signaled: false,
      dueOn: '2024-03-09',
      announcedOn: '2024-04-09',
      daysOpen: 71,
      daysLate: 11,
    });
  });

  it('an announced date before the publication is a contradiction', () => {
    expect(questionStatus(announced(16, '2024-03-05', '2024-03-01'), '2024-03-10').state).toBe('unknown');
  });
});

describe('list items of a finished legislature (refStatus)', () => {
  it.each<[string, Partial<QuestionRef>, QuestionStatus]>([
    [
      '« Sans réponse » with its date: lapsed, late until the end only',
      { legislature: 16, number: 12874, publishedOn: '2023-11-07', pending: true },
      { ...lapsed(16, '2024-06-09'), dueOn: '2024-01-07', daysOpen: 215, daysLate: 154 },
    ],
    [
      '« Sans réponse » without a date: lapsed on the last day, no deadline to count from',
      { legislature: 16, pending: true },
      lapsed(16, '2024-06-09'),
    ],
    ['only the filing date: lapsed', { legislature: 16, depositedOn: '2024-02-01', pending: true }, lapsed(16, '2024-06-09')],
    [
      'answered: still answered',
      { legislature: 16, publishedOn: '2023-11-07', answered: true, answeredOn: '2024-01-30' },
      { state: 'answered', signaled: false, dueOn: '2024-01-07', answeredOn: '2024-01-30', daysOpen: 84, daysLate: 23 },
    ],
    ['no status words: unknown, never lapsed', { legislature: 16, publishedOn: '2023-11-07' }, { state: 'unknown', signaled: false }],
  ])('%s', (_name, facts, expected) => {
    expect(refStatus(item(facts), '2026-11-29')).toStrictEqual(expected);
  });
});

describe('the calendar (lib/legislatures.ts)', () => {
  it('lists legislatures 8 to 17 in order, each with dated, flagged first and last days; only the last is open', () => {
    expect(LEGISLATURES.map((row) => row.number)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    LEGISLATURES.forEach((row, i) => {
      expect(['V', 'P']).toContain(row.firstDayEvidence);
      if (i === LEGISLATURES.length - 1) {
        expect(row.lastDay).toBeUndefined();
        return;
      }
      expect(['V', 'P']).toContain(row.lastDayEvidence);
      expect(row.lastDay! > row.firstDay).toBe(true);
      const next = LEGISLATURES[i + 1]!;
      if (row.endedBy === 'term') expect(next.firstDay).toBe(addDays(row.lastDay!, 1));
      else {
        // A dissolution: elections within 20 to 40 days, the Assembly sits the second Thursday after.
        expect(row.endedBy).toBe('dissolution');
        expect(next.firstDay > addDays(row.lastDay!, 20) && next.firstDay < addDays(row.lastDay!, 60)).toBe(true);
      }
    });
  });

  it('ends a legislature the day after its last day', () => {
    expect(hasEnded(16, '2024-06-09')).toBe(false);
    expect(hasEnded(16, '2024-06-10')).toBe(true);
    expect(hasEnded(15, '2022-06-21')).toBe(false);
    expect(hasEnded(15, '2022-06-22')).toBe(true);
  });
});
