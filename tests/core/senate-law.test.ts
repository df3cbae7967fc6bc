/**
 * The Sénat's rules as a table of cases (docs/reference/senat.md §3, §6.2–6.3): deadline regimes
 * and their boundary, the session starts the two-year rule lapses questions on, the collective
 * caducités, and how a status reads them.
 */
import { describe, expect, it } from 'vitest';
import { type IsoDate } from '../../lib/dates';
import { ordinarySessionStart, senateLapse, senateLegislatureOn, twoYearLapseOn } from '../../lib/senate-rules';
import { answerDueOn, signalAnswerDueOn, statusFromFacts, type QuestionStatus, type StatusFacts } from '../../lib/status';

describe('the Sénat deadline: art. 75 al. 2, one month until July 2019, two months after', () => {
  it.each<[IsoDate, IsoDate | undefined]>([
    ['1987-03-12', '1987-04-12'],
    ['2008-02-07', '2008-03-07'],
    ['2018-10-25', '2018-11-25'],
    ['2019-01-31', '2019-02-28'],
    ['2019-07-04', '2019-08-04'],
    // The issue of the Conseil constitutionnel's decision: neither rule is certain.
    ['2019-07-11', undefined],
    ['2019-07-18', '2019-09-18'],
    ['2022-06-30', '2022-08-30'],
    ['2023-12-28', '2024-02-28'],
    ['2023-12-31', '2024-02-29'],
    ['2025-10-02', '2025-12-02'],
  ])('published %s → due %s', (publishedOn, due) => {
    expect(answerDueOn('QE', publishedOn, 'SEN')).toBe(due);
  });

  it('keeps the Assemblée its own rules, and oral questions without a written deadline', () => {
    expect(answerDueOn('QE', '2018-10-25')).toBe('2018-12-25');
    expect(answerDueOn('QE', '2018-10-25', 'AN')).toBe('2018-12-25');
    expect(answerDueOn('QOSD', '2018-10-25', 'SEN')).toBeUndefined();
  });

  it('knows no signalement', () => {
    expect(signalAnswerDueOn('QE', '2024-02-01', 'SEN')).toBeUndefined();
    expect(signalAnswerDueOn('QE', '2024-02-01', 'AN')).toBe('2024-02-11');
  });
});

describe('ordinarySessionStart: the first working day of October', () => {
  it.each<[number, IsoDate]>([
    [1995, '1995-10-02'],
    [2017, '2017-10-02'],
    [2022, '2022-10-03'],
    [2024, '2024-10-01'],
    [2025, '2025-10-01'],
    [2026, '2026-10-01'],
    [2027, '2027-10-01'],
    [2028, '2028-10-02'],
  ])('%i → %s', (year, start) => {
    expect(ordinarySessionStart(year)).toBe(start);
  });
});

describe('twoYearLapseOn: more than two years old at the start of an ordinary session', () => {
  it.each<[IsoDate, IsoDate | undefined]>([
    ['2023-03-02', '2025-10-01'],
    ['2023-09-28', '2025-10-01'],
    ['2023-10-05', '2026-10-01'],
    // Two years to the day on the session's first day is not « plus de deux ans ».
    ['2020-10-03', '2023-10-02'],
    ['2020-10-01', '2022-10-03'],
    ['2022-10-03', '2025-10-01'],
    ['1993-06-03', '1995-10-02'],
    // Before the rule, or with two sessions a year, whichever applied: nothing inferred.
    ['1993-01-07', undefined],
    ['1984-05-03', undefined],
  ])('published %s → lapses %s', (publishedOn, lapse) => {
    expect(twoYearLapseOn(publishedOn)).toBe(lapse);
  });
});

describe('senateLapse: the earlier of the collective caducités and the two-year rule', () => {
  it.each<[IsoDate, ReturnType<typeof senateLapse>]>([
    ['2016-05-12', { on: '2017-06-29', cause: 'collective' }],
    ['2017-06-22', { on: '2017-06-29', cause: 'collective' }],
    // « posées avant cette date »: the issue of 29 June 2017 itself stayed.
    ['2017-06-29', { on: '2019-10-01', cause: 'two-year' }],
    ['2021-01-07', { on: '2022-06-30', cause: 'collective' }],
    // « en instance au 30 juin 2022 »: that day's issue lapsed with it (qSEQ220628479).
    ['2022-06-30', { on: '2022-06-30', cause: 'collective' }],
    ['2022-07-07', { on: '2024-10-01', cause: 'two-year' }],
    ['2010-03-04', { on: '2012-10-01', cause: 'two-year' }],
    // No collective caducité is known after the 2024 dissolution: only the two-year rule.
    ['2024-05-02', { on: '2026-10-01', cause: 'two-year' }],
  ])('published %s → %j', (publishedOn, lapse) => {
    expect(senateLapse(publishedOn)).toStrictEqual(lapse);
  });
});

describe('statusFromFacts for the Sénat', () => {
  const base: StatusFacts = {
    chamber: 'SEN',
    type: 'QE',
    legislature: 17,
    answered: false,
    closed: false,
    saysPending: false,
    unreadable: false,
  };

  it.each<[string, Partial<StatusFacts>, IsoDate, QuestionStatus]>([
    [
      'answered in 63 days, one-month rule (qSEQ080203308)',
      { legislature: 13, publishedOn: '2008-02-07', answered: true, answeredOn: '2008-04-10' },
      '2026-12-01',
      { state: 'answered', signaled: false, dueOn: '2008-03-07', answeredOn: '2008-04-10', daysOpen: 63, daysLate: 34 },
    ],
    [
      'answered in 7 days (qSEQ181007406)',
      { legislature: 15, publishedOn: '2018-10-25', answered: true, answeredOn: '2018-11-01' },
      '2026-12-01',
      { state: 'answered', signaled: false, dueOn: '2018-11-25', answeredOn: '2018-11-01', daysOpen: 7, daysLate: 0 },
    ],
    [
      'pending within two months',
      { publishedOn: '2026-01-08', saysPending: true },
      '2026-02-01',
      { state: 'pending', signaled: false, dueOn: '2026-03-08', daysOpen: 24 },
    ],
    [
      'overdue',
      { publishedOn: '2025-10-02' },
      '2026-01-15',
      { state: 'overdue', signaled: false, dueOn: '2025-12-02', daysOpen: 105, daysLate: 44 },
    ],
    [
      'the issue of 11 July 2019: pending, no deadline',
      { legislature: 15, publishedOn: '2019-07-11' },
      '2019-08-01',
      { state: 'pending', signaled: false, daysOpen: 21 },
    ],
    [
      'a 16th-legislature question outlives the Assemblée’s dissolution',
      { legislature: 16, publishedOn: '2024-05-02' },
      '2025-03-01',
      { state: 'overdue', signaled: false, dueOn: '2024-07-02', daysOpen: 303, daysLate: 242 },
    ],
    [
      'lapsed under the two-year rule, inferred',
      { legislature: 16, publishedOn: '2023-03-02' },
      '2026-01-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2023-05-02',
        closedOn: '2025-10-01',
        closure: 'lapsed',
        closureInferred: true,
        lapseCause: 'two-year',
        daysOpen: 944,
        daysLate: 883,
      },
    ],
    [
      '« La question est caduque », dated by the collective caducité (qSEQ220628479)',
      { legislature: 16, publishedOn: '2022-06-30', closed: true, closedReason: 'La question est caduque' },
      '2026-12-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2022-08-30',
        closedOn: '2022-06-30',
        closedReason: 'La question est caduque',
        closure: 'lapsed',
        closureInferred: true,
        lapseCause: 'collective',
        daysOpen: 0,
        daysLate: 0,
      },
    ],
    [
      '« La question est caduque » before any rule lapsed it: closed, undated',
      { legislature: 17, publishedOn: '2025-01-09', closed: true, closedReason: 'La question est caduque' },
      '2026-01-01',
      { state: 'closed', signaled: false, dueOn: '2025-03-09', closedReason: 'La question est caduque', closure: 'lapsed' },
    ],
    [
      'transformée en question orale',
      { legislature: 13, publishedOn: '2008-02-07', closed: true, closedReason: 'Transformée en question orale sans débat' },
      '2008-06-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2008-03-07',
        closedReason: 'Transformée en question orale sans débat',
        closure: 'converted',
      },
    ],
    [
      'a signalement is not the Sénat’s: no ten days',
      { publishedOn: '2025-10-02', signaledOn: '2025-12-15' },
      '2026-01-15',
      { state: 'overdue', signaled: true, dueOn: '2025-12-02', daysOpen: 105, daysLate: 44 },
    ],
  ])('%s', (_name, overrides, today, expected) => {
    expect(statusFromFacts({ ...base, ...overrides }, today)).toStrictEqual(expected);
  });

  it.each<[string, Partial<StatusFacts>, IsoDate]>([
    [
      '« En attente de réponse » after the rules lapsed it',
      { legislature: 16, publishedOn: '2023-03-02', saysPending: true },
      '2026-01-01',
    ],
    ['a 17th-legislature number published before it sat', { legislature: 17, publishedOn: '2024-07-11' }, '2024-08-01'],
    ['an answer before the question', { legislature: 17, publishedOn: '2025-03-06', answeredOn: '2025-02-06' }, '2025-06-01'],
  ])('%s reads « Statut inconnu »', (_name, overrides, today) => {
    expect(statusFromFacts({ ...base, ...overrides }, today).state).toBe('unknown');
  });
});

describe('senateLegislatureOn: a date says the legislature only once the numbering has surely restarted', () => {
  it.each<[IsoDate, number | undefined]>([
    ['2008-02-07', 13],
    ['2018-10-25', 15],
    ['2022-06-21', 15],
    // 28479 of the 15th was published on 30 June 2022, in the 16th's first days.
    ['2022-06-30', undefined],
    ['2022-10-02', undefined],
    ['2022-10-03', 16],
    ['2024-06-20', undefined],
    ['2024-07-25', undefined],
    ['2024-10-01', 17],
    ['2025-04-03', 17],
    ['1980-03-25', undefined],
  ])('%s → %s', (date, legislature) => {
    expect(senateLegislatureOn(date)).toBe(legislature);
  });

  it('lets the 15th’s numbering run past the Assemblée’s last day, not before its first', () => {
    const facts: StatusFacts = {
      chamber: 'SEN',
      type: 'QE',
      legislature: 15,
      publishedOn: '2022-06-30',
      answered: false,
      closed: false,
      saysPending: false,
      unreadable: false,
    };
    expect(statusFromFacts(facts, '2022-07-01').state).toBe('closed');
    expect(statusFromFacts({ ...facts, publishedOn: '2017-06-15' }, '2017-07-01').state).toBe('unknown');
  });
});
