import { describe, expect, it } from 'vitest';
import { questionId, questionRefSchema, questionSchema, type Question, type QuestionRef, type QuestionType } from '../../lib/model';
import {
  answerDueOn,
  questionFacts,
  questionStatus,
  DEADLINE_RULES,
  refFacts,
  refStatus,
  SIGNALED_DELAY_DAYS,
  signalAnswerDueOn,
  statusFromFacts,
  type QuestionStatus,
  type StatusFacts,
} from '../../lib/status';
import { anDynUrl } from '../../lib/urls';

type QuestionOverrides = Partial<Omit<Question, 'author' | 'urls'>> & Partial<Pick<Question, 'author' | 'urls'>>;

/** A question that satisfies `questionSchema`: a 16th-legislature QE published 15 January 2024. */
function makeQuestion(overrides: QuestionOverrides = {}): Question {
  const legislature = overrides.legislature ?? 16;
  const type = overrides.type ?? 'QE';
  const number = overrides.number ?? 4020;
  const id = overrides.id ?? questionId(legislature, type, number);
  const candidate = {
    chamber: 'AN' as const,
    author: { name: 'Élise Morvan', anId: 'PA795321', slug: 'elise-morvan' },
    ministry: 'Ministère de la santé et de la prévention',
    title: 'Prise de rendez-vous en ligne',
    publishedOn: '2024-01-15',
    text: 'Mme Élise Morvan attire l’attention de M. le ministre…',
    urls: { an: anDynUrl(id) },
    ...overrides,
    id,
    legislature,
    type,
    number,
  };
  // Parse so that a helper mistake shows up as a schema error, not as a wrong status.
  return questionSchema.parse(candidate);
}

function makeRef(overrides: Partial<QuestionRef> = {}): QuestionRef {
  const legislature = overrides.legislature ?? 16;
  const type = overrides.type ?? 'QE';
  const number = overrides.number ?? 4020;
  const id = questionId(legislature, type, number);
  return questionRefSchema.parse({
    url: anDynUrl(id),
    answered: false,
    closed: false,
    pending: false,
    ...overrides,
    id,
    legislature,
    type,
    number,
  });
}

describe('constants', () => {
  it('changes from one month to two between the JO issues of 9 and 16 December 2014, and gives a signalement ten days', () => {
    expect(DEADLINE_RULES).toStrictEqual([
      { lastIssue: '2014-12-09', months: 1 },
      { firstIssue: '2014-12-16', months: 2 },
    ]);
    expect(SIGNALED_DELAY_DAYS).toBe(10);
  });
});

describe('answerDueOn', () => {
  it.each<[QuestionType, string, string | undefined]>([
    ['QE', '2024-01-15', '2024-03-15'],
    ['QE', '2019-04-30', '2019-06-30'],
    ['QE', '2023-12-31', '2024-02-29'],
    ['QE', '2022-12-31', '2023-02-28'],
    ['QE', '2024-11-20', '2025-01-20'],
    // Until the issue of 9 December 2014: one month, the 2009 reform notwithstanding.
    ['QE', '2009-08-31', '2009-09-30'],
    ['QE', '2009-01-31', '2009-02-28'],
    ['QE', '2008-01-31', '2008-02-29'],
    ['QE', '2008-12-31', '2009-01-31'],
    ['QE', '2002-07-04', '2002-08-04'],
    ['QE', '2009-09-01', '2009-10-01'],
    ['QE', '2009-12-31', '2010-01-31'],
    ['QE', '2014-12-09', '2015-01-09'],
    // From the issue of 16 December 2014: two months.
    ['QE', '2014-12-16', '2015-02-16'],
    ['QE', '2015-12-31', '2016-02-29'],
    // Between the two issues, no rule is certain.
    ['QE', '2014-12-12', undefined],
    // Answered in the chamber: no written deadline.
    ['QG', '2024-01-15', undefined],
    ['QOSD', '2024-01-15', undefined],
    ['QOSD', '2008-01-15', undefined],
  ])('%s published %s → %s', (type, publishedOn, expected) => {
    expect(answerDueOn(type, publishedOn)).toBe(expected);
  });
});

describe('signalAnswerDueOn', () => {
  it.each<[QuestionType, string, string | undefined]>([
    ['QE', '2024-04-02', '2024-04-12'],
    ['QE', '2024-12-25', '2025-01-04'],
    ['QE', '2024-02-20', '2024-03-01'],
    ['QE', '2008-09-10', '2008-09-20'],
    ['QG', '2024-04-02', undefined],
  ])('%s signalée %s → %s', (type, signaledOn, expected) => {
    expect(signalAnswerDueOn(type, signaledOn)).toBe(expected);
  });
});

describe('questionStatus', () => {
  it.each<[string, QuestionOverrides, string, QuestionStatus]>([
    ['on the day of publication', {}, '2024-01-15', { state: 'pending', signaled: false, dueOn: '2024-03-15', daysOpen: 0 }],
    ['pending before the due date', {}, '2024-02-01', { state: 'pending', signaled: false, dueOn: '2024-03-15', daysOpen: 17 }],
    ['the due date itself is not overdue', {}, '2024-03-15', { state: 'pending', signaled: false, dueOn: '2024-03-15', daysOpen: 60 }],
    [
      'the day after the due date is overdue by one day',
      {},
      '2024-03-16',
      { state: 'overdue', signaled: false, dueOn: '2024-03-15', daysOpen: 61, daysLate: 1 },
    ],
    ['long overdue', {}, '2024-05-20', { state: 'overdue', signaled: false, dueOn: '2024-03-15', daysOpen: 126, daysLate: 66 }],
    [
      'answered early',
      { answeredOn: '2024-02-01', answerText: 'Réponse.' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-02-01', daysOpen: 17, daysLate: 0 },
    ],
    [
      'answered on the due date',
      { answeredOn: '2024-03-15', answerText: 'Réponse.' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-03-15', daysOpen: 60, daysLate: 0 },
    ],
    [
      'answered late',
      { answeredOn: '2024-05-20', answerText: 'Réponse.' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-05-20', daysOpen: 126, daysLate: 66 },
    ],
    [
      'answered on the day of publication',
      { answeredOn: '2024-01-15' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-01-15', daysOpen: 0, daysLate: 0 },
    ],
    [
      'answered with a date but no text',
      { answeredOn: '2024-05-20' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-05-20', daysOpen: 126, daysLate: 66 },
    ],
    [
      'answered without a date: no duration',
      { answerText: 'Réponse du ministère.' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15' },
    ],
    [
      'an answer wins over a closure',
      { answeredOn: '2024-05-20', closedOn: '2024-05-20' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-05-20', daysOpen: 126, daysLate: 66 },
    ],
    [
      'closed with a date and a reason',
      { closedOn: '2024-06-09', closedReason: 'fin de mandat' },
      '2025-01-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2024-03-15',
        closedOn: '2024-06-09',
        closedReason: 'fin de mandat',
        closure: 'lapsed',
        lapsedAtEndOf: 16,
        daysOpen: 146,
        daysLate: 86,
      },
    ],
    [
      'closed before the due date',
      { closedOn: '2024-02-01', closedReason: 'retrait' },
      '2025-01-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2024-03-15',
        closedOn: '2024-02-01',
        closedReason: 'retrait',
        closure: 'other',
        daysOpen: 17,
        daysLate: 0,
      },
    ],
    [
      'closed with a date only, the legislature’s last day: lapsed',
      { closedOn: '2024-06-09' },
      '2025-01-01',
      {
        state: 'closed',
        signaled: false,
        dueOn: '2024-03-15',
        closedOn: '2024-06-09',
        closure: 'lapsed',
        lapsedAtEndOf: 16,
        daysOpen: 146,
        daysLate: 86,
      },
    ],
    [
      'closed with a reason only: no duration',
      { closedReason: 'fin de mandat' },
      '2025-01-01',
      { state: 'closed', signaled: false, dueOn: '2024-03-15', closedReason: 'fin de mandat', closure: 'other' },
    ],
    // Signalée: late from the base deadline; the signalement's ten days are shown beside it.
    [
      'signalée, before its ten days are out',
      { signaledOn: '2024-04-02' },
      '2024-04-05',
      { state: 'overdue', signaled: true, dueOn: '2024-03-15', signalDueOn: '2024-04-12', daysOpen: 81, daysLate: 21 },
    ],
    [
      'signalée, on the last of its ten days',
      { signaledOn: '2024-04-02' },
      '2024-04-12',
      { state: 'overdue', signaled: true, dueOn: '2024-03-15', signalDueOn: '2024-04-12', daysOpen: 88, daysLate: 28 },
    ],
    [
      'signalée, the day after its ten days',
      { signaledOn: '2024-04-02' },
      '2024-04-13',
      { state: 'overdue', signaled: true, dueOn: '2024-03-15', signalDueOn: '2024-04-12', daysOpen: 89, daysLate: 29, signalDaysLate: 1 },
    ],
    [
      'signalée and answered after its ten days',
      { signaledOn: '2024-04-02', answeredOn: '2024-04-20' },
      '2025-01-01',
      {
        state: 'answered',
        signaled: true,
        dueOn: '2024-03-15',
        signalDueOn: '2024-04-12',
        answeredOn: '2024-04-20',
        daysOpen: 96,
        daysLate: 36,
        signalDaysLate: 8,
      },
    ],
    [
      'signalée and answered within its ten days',
      { signaledOn: '2024-04-02', answeredOn: '2024-04-12' },
      '2025-01-01',
      {
        state: 'answered',
        signaled: true,
        dueOn: '2024-03-15',
        signalDueOn: '2024-04-12',
        answeredOn: '2024-04-12',
        daysOpen: 88,
        daysLate: 28,
        signalDaysLate: 0,
      },
    ],
    // One month until December 2014: the 2009 reform did not change it.
    [
      'published 2009-08-31: one month',
      { legislature: 13, number: 57000, publishedOn: '2009-08-31' },
      '2009-09-30',
      { state: 'pending', signaled: false, dueOn: '2009-09-30', daysOpen: 30 },
    ],
    [
      'published 2009-08-31: overdue after one month',
      { legislature: 13, number: 57000, publishedOn: '2009-08-31' },
      '2009-10-05',
      { state: 'overdue', signaled: false, dueOn: '2009-09-30', daysOpen: 35, daysLate: 5 },
    ],
    [
      'published 2009-09-01: still one month',
      { legislature: 13, number: 57001, publishedOn: '2009-09-01' },
      '2009-10-01',
      { state: 'pending', signaled: false, dueOn: '2009-10-01', daysOpen: 30 },
    ],
    [
      'published 2009-09-01: overdue after one month',
      { legislature: 13, number: 57001, publishedOn: '2009-09-01' },
      '2009-10-05',
      { state: 'overdue', signaled: false, dueOn: '2009-10-01', daysOpen: 34, daysLate: 4 },
    ],
    // Questions au Gouvernement and oral questions: no written deadline.
    [
      'QG: never overdue',
      { type: 'QG', number: 12, publishedOn: '2024-01-10' },
      '2024-06-01',
      { state: 'pending', signaled: false, daysOpen: 143 },
    ],
    [
      'QOSD: never overdue',
      { type: 'QOSD', number: 300, publishedOn: '2024-01-10' },
      '2024-06-01',
      { state: 'pending', signaled: false, daysOpen: 143 },
    ],
    [
      'QG answered: no lateness',
      { type: 'QG', number: 12, publishedOn: '2024-01-10', answeredOn: '2024-01-17' },
      '2025-01-01',
      { state: 'answered', signaled: false, answeredOn: '2024-01-17', daysOpen: 7 },
    ],
    [
      'QOSD closed: no lateness',
      { type: 'QOSD', number: 300, publishedOn: '2024-01-10', closedOn: '2024-06-09', closedReason: 'fin de mandat' },
      '2025-01-01',
      {
        state: 'closed',
        signaled: false,
        closedOn: '2024-06-09',
        closedReason: 'fin de mandat',
        closure: 'lapsed',
        lapsedAtEndOf: 16,
        daysOpen: 151,
      },
    ],
    // Unknown: never a guess.
    ['unreadable status', { unreadableStatus: 'bloc de statut inconnu' }, '2025-01-01', { state: 'unknown', signaled: false }],
    [
      'unreadable status wins over an answer',
      { unreadableStatus: 'contradiction', answeredOn: '2024-02-01' },
      '2025-01-01',
      { state: 'unknown', signaled: false },
    ],
    [
      'unreadable status keeps the signalement flag',
      { unreadableStatus: 'contradiction', signaledOn: '2024-04-02' },
      '2025-01-01',
      { state: 'unknown', signaled: true },
    ],
    ['answer dated before publication', { answeredOn: '2024-01-14' }, '2025-01-01', { state: 'unknown', signaled: false }],
    [
      'closure dated before publication',
      { closedOn: '2023-12-31', closedReason: 'retrait' },
      '2025-01-01',
      { state: 'unknown', signaled: false },
    ],
    ['signalement dated before publication', { signaledOn: '2024-01-01' }, '2025-01-01', { state: 'unknown', signaled: true }],
    ['no publication date, not answered or closed', { publishedOn: undefined }, '2024-05-01', { state: 'unknown', signaled: false }],
    ['published in the future', { publishedOn: '2025-01-02' }, '2025-01-01', { state: 'unknown', signaled: false }],
    // Without a publication date, an answer or closure is still one.
    [
      'no publication date, answered',
      { publishedOn: undefined, answeredOn: '2024-05-20' },
      '2025-01-01',
      { state: 'answered', signaled: false, answeredOn: '2024-05-20' },
    ],
    [
      'no publication date, closed',
      { publishedOn: undefined, closedOn: '2024-06-09', closedReason: 'fin de mandat' },
      '2025-01-01',
      { state: 'closed', signaled: false, closedOn: '2024-06-09', closedReason: 'fin de mandat', closure: 'lapsed', lapsedAtEndOf: 16 },
    ],
  ])('%s', (_name, overrides, today, expected) => {
    expect(questionStatus(makeQuestion(overrides), today)).toStrictEqual(expected);
  });

  it('reads the seed question: published 2019-04-30, withdrawn 2022-06-21 at the end of the mandate', () => {
    const q = makeQuestion({
      legislature: 15,
      number: 19189,
      author: { name: 'Julien Dive', slug: 'julien-dive' },
      publishedOn: '2019-04-30',
      closedOn: '2022-06-21',
      closedReason: 'fin de mandat',
      urls: { an: anDynUrl('AN-15-QE-19189'), nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189' },
    });
    expect(q.id).toBe('AN-15-QE-19189');
    expect(questionStatus(q, '2026-05-01')).toStrictEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2019-06-30',
      closedOn: '2022-06-21',
      closedReason: 'fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 15,
      daysOpen: 1148,
      daysLate: 1087,
    });
  });

  it('does not depend on today once answered or closed', () => {
    const answered = makeQuestion({ answeredOn: '2024-05-20' });
    const closed = makeQuestion({ closedOn: '2024-06-09' });
    for (const today of ['2024-06-10', '2030-01-01']) {
      expect(questionStatus(answered, today)).toStrictEqual(questionStatus(answered, '2025-01-01'));
      expect(questionStatus(closed, today)).toStrictEqual(questionStatus(closed, '2025-01-01'));
    }
  });
});

describe('questionFacts', () => {
  it('maps a question onto the facts the rules need', () => {
    const q = makeQuestion({
      answerText: 'Réponse.',
      closedReason: 'fin de mandat',
      signaledOn: '2024-04-02',
      unreadableStatus: 'x',
    });
    expect(questionFacts(q)).toStrictEqual({
      chamber: 'AN',
      type: 'QE',
      legislature: 16,
      publishedOn: '2024-01-15',
      answered: true,
      answeredOn: undefined,
      closed: true,
      closedOn: undefined,
      closedReason: 'fin de mandat',
      announcedOn: undefined,
      signaledOn: '2024-04-02',
      saysPending: false,
      unreadable: true,
    });
  });

  it('is neither answered, closed nor unreadable for a bare question', () => {
    expect(questionFacts(makeQuestion())).toMatchObject({ answered: false, closed: false, saysPending: false, unreadable: false });
  });
});

describe('statusFromFacts', () => {
  const base: StatusFacts = {
    type: 'QE',
    legislature: 16,
    publishedOn: '2024-01-15',
    answered: false,
    closed: false,
    saysPending: false,
    unreadable: false,
  };

  it.each<[string, Partial<StatusFacts>, string, QuestionStatus]>([
    ['pending', {}, '2024-02-01', { state: 'pending', signaled: false, dueOn: '2024-03-15', daysOpen: 17 }],
    ['overdue', {}, '2024-03-16', { state: 'overdue', signaled: false, dueOn: '2024-03-15', daysOpen: 61, daysLate: 1 }],
    [
      'answeredOn alone means answered',
      { answeredOn: '2024-03-20' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-03-20', daysOpen: 65, daysLate: 5 },
    ],
    ['answered flag without a date', { answered: true }, '2025-01-01', { state: 'answered', signaled: false, dueOn: '2024-03-15' }],
    [
      'closedOn alone means closed',
      { closedOn: '2024-03-20' },
      '2025-01-01',
      { state: 'closed', signaled: false, dueOn: '2024-03-15', closedOn: '2024-03-20', closure: 'other', daysOpen: 65, daysLate: 5 },
    ],
    [
      'closed flag without a date',
      { closed: true },
      '2025-01-01',
      { state: 'closed', signaled: false, dueOn: '2024-03-15', closure: 'other' },
    ],
    ['unreadable', { saysPending: false, unreadable: true }, '2025-01-01', { state: 'unknown', signaled: false }],
    ['no publication date', { publishedOn: undefined }, '2024-05-01', { state: 'unknown', signaled: false }],
  ])('%s', (_name, overrides, today, expected) => {
    expect(statusFromFacts({ ...base, ...overrides }, today)).toStrictEqual(expected);
  });
});

describe('refStatus', () => {
  it.each<[string, Partial<QuestionRef>, string, QuestionStatus]>([
    [
      'pending, before the due date',
      { pending: true, publishedOn: '2024-01-15' },
      '2024-03-15',
      { state: 'pending', signaled: false, dueOn: '2024-03-15', daysOpen: 60 },
    ],
    [
      'pending, past the due date → overdue',
      { pending: true, publishedOn: '2024-01-15' },
      '2024-05-20',
      { state: 'overdue', signaled: false, dueOn: '2024-03-15', daysOpen: 126, daysLate: 66 },
    ],
    [
      'answered with a date',
      { answered: true, publishedOn: '2024-01-15', answeredOn: '2024-05-20' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15', answeredOn: '2024-05-20', daysOpen: 126, daysLate: 66 },
    ],
    [
      'answered without a date',
      { answered: true, publishedOn: '2024-01-15' },
      '2025-01-01',
      { state: 'answered', signaled: false, dueOn: '2024-03-15' },
    ],
    ['answered without any date', { answered: true }, '2025-01-01', { state: 'answered', signaled: false }],
    [
      'closed',
      { closed: true, publishedOn: '2024-01-15' },
      '2025-01-01',
      { state: 'closed', signaled: false, dueOn: '2024-03-15', closure: 'other' },
    ],
    ['none of answered, closed, pending → unknown', { publishedOn: '2024-01-15' }, '2025-01-01', { state: 'unknown', signaled: false }],
    [
      'none of them, even with an answer date → unknown',
      { publishedOn: '2024-01-15', answeredOn: '2024-05-20' },
      '2025-01-01',
      { state: 'unknown', signaled: false },
    ],
    [
      'unreadable status → unknown',
      { pending: true, publishedOn: '2024-01-15', unreadableStatus: '?' },
      '2025-01-01',
      { state: 'unknown', signaled: false },
    ],
    [
      'pending without a publication date → pending, deadline unknown',
      { pending: true },
      '2024-05-01',
      { state: 'pending', signaled: false },
    ],
    [
      'QG pending: never overdue',
      { type: 'QG', number: 12, pending: true, publishedOn: '2024-01-10' },
      '2024-06-01',
      { state: 'pending', signaled: false, daysOpen: 143 },
    ],
    [
      'pending in 2009: one month',
      { legislature: 13, number: 1, pending: true, publishedOn: '2009-08-31' },
      '2009-10-01',
      { state: 'overdue', signaled: false, dueOn: '2009-09-30', daysOpen: 31, daysLate: 1 },
    ],
  ])('%s', (_name, overrides, today, expected) => {
    expect(refStatus(makeRef(overrides), today)).toStrictEqual(expected);
  });

  it.each([
    ['filed six weeks ago: pending, deadline unknown', '2026-10-15', '2026-11-26', { state: 'pending', signaled: false, daysOpen: 42 }],
    ['filed exactly three months ago: still pending', '2026-08-26', '2026-11-26', { state: 'pending', signaled: false, daysOpen: 92 }],
    ['filed more than three months ago: surely overdue', '2026-08-25', '2026-11-26', { state: 'overdue', signaled: false, daysOpen: 93 }],
  ])('a list giving only the filing date: %s', (_name, depositedOn, today, expected) => {
    expect(refStatus(makeRef({ legislature: 17, pending: true, depositedOn }), today)).toStrictEqual(expected);
  });

  it('refFacts never sees a signalement', () => {
    expect(refFacts(makeRef({ pending: true, publishedOn: '2024-01-15' }))).toStrictEqual({
      chamber: 'AN',
      type: 'QE',
      legislature: 16,
      publishedOn: '2024-01-15',
      depositedOn: undefined,
      answered: false,
      answeredOn: undefined,
      closed: false,
      closedReason: undefined,
      signaledOn: undefined,
      saysPending: true,
      unreadable: false,
    });
  });
});
