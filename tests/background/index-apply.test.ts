/**
 * What one Journal officiel issue does to the watch list (lib/polling/index-apply.ts): the same
 * as a check that read the answer at the Assemblée, for each watched question it answers.
 */
import { describe, expect, it } from 'vitest';
import { STORED_TEXT_MAX, type QuestionRef } from '../../lib/model';
import { parisInstant } from '../../lib/paris-time';
import { type ScheduleContext } from '../../lib/polling/core';
import { applyIndexIssue, idsAnswered } from '../../lib/polling/index-apply';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { type JoAnswer, type JoIssue, type JoQuestion } from '../../lib/sources/jo';
import { makeQuestion, makeRef } from '../store/helpers';

/** Tuesday 10 March 2026, 16:00 in Paris: the issue of the day is applied. */
const NOW = parisInstant('2026-03-10', 16);
const CONTEXT: ScheduleContext = { now: NOW, frequency: 'daily', random: () => 0.5 };
const ISSUE_DATE = '2026-03-10';

const printed = (number: number, overrides: Partial<JoQuestion> = {}): JoQuestion => ({
  key: { chamber: 'AN', legislature: 17, type: 'QE', number },
  publishedOn: '2025-10-07',
  ministry: 'Intérieur',
  author: 'Mme Claire Exemple',
  subject: 'Délais de délivrance des titres',
  text: 'Mme Claire Exemple attire l’attention de M. le ministre.',
  ...overrides,
});

const answer = (questions: JoQuestion[], overrides: Partial<JoAnswer> = {}): JoAnswer => ({
  questions,
  answeredOn: ISSUE_DATE,
  page: 2101,
  ministry: 'Intérieur',
  text: 'Les délais ont été ramenés à trois semaines.',
  ...overrides,
});

const issue = (answers: JoAnswer[]): JoIssue => ({
  format: 'REDIF',
  chamber: 'AN',
  year: 2026,
  number: 10,
  publishedOn: ISSUE_DATE,
  questions: [],
  answers,
});

function watch(number: number, overrides: Partial<WatchRecord> = {}): WatchRecord {
  const question = makeQuestion({ legislature: 17, number, publishedOn: '2025-10-07' });
  return watchRecordSchema.parse({
    id: question.id,
    question,
    watchedAt: NOW - 30 * 86_400_000,
    state: 'overdue',
    lastCheckedAt: NOW - 10 * 86_400_000,
    nextCheckAt: NOW + 86_400_000,
    failures: 0,
    seen: true,
    ...overrides,
  });
}

const byId = (...records: WatchRecord[]) => new Map(records.map((record) => [record.id, record]));

describe('applyIndexIssue', () => {
  it('a watched question the issue answers: answered with the answer’s date and text, news for the user, never checked again', () => {
    const before = watch(101);
    const [applied, ...others] = applyIndexIssue(byId(before), issue([answer([printed(101)])]), CONTEXT);
    expect(others).toEqual([]);
    expect(applied!.outcome).toBe('changed');
    expect(applied!.change).toMatchObject({ kind: 'answered', question: { id: before.id, answeredOn: ISSUE_DATE } });
    const after = applied!.record;
    expect(after).toMatchObject({ state: 'answered', seen: false, lastChangeAt: NOW, lastCheckedAt: NOW, failures: 0 });
    expect(after.question).toEqual({
      ...before.question,
      answeredOn: ISSUE_DATE,
      answerText: 'Les délais ont été ramenés à trois semaines.',
      answeringMinistry: 'Intérieur',
    });
    expect(after).not.toHaveProperty('nextCheckAt');
    expect(watchRecordSchema.safeParse(after).success).toBe(true);
    expect(applied!.events).toEqual([
      { at: NOW, type: 'check', questionId: before.id, source: 'jo-index', ok: true, from: 'overdue', to: 'answered' },
      { at: NOW, type: 'change', questionId: before.id, source: 'jo-index', from: 'overdue', to: 'answered', detail: 'answered' },
    ]);
  });

  it('questions no one watches are ignored; watches the issue does not answer are left alone', () => {
    const kept = watch(102);
    expect(applyIndexIssue(byId(kept), issue([answer([printed(103)]), answer([printed(104)])]), CONTEXT)).toEqual([]);
  });

  it.each<[string, WatchRecord]>([
    [
      'answered already (an answer is final, never rewritten)',
      watch(105, {
        state: 'answered',
        question: makeQuestion({ legislature: 17, number: 105, answeredOn: '2026-02-03', answerText: 'Première réponse.' }),
      }),
    ],
    [
      'closed',
      watch(105, {
        state: 'closed',
        question: makeQuestion({ legislature: 17, number: 105, closedOn: '2026-02-03', closedReason: 'Retrait' }),
      }),
    ],
  ])('a watch %s is left as it is', (_label, record) => {
    expect(applyIndexIssue(byId(record), issue([answer([printed(105)], { text: 'Une autre réponse.' })]), CONTEXT)).toEqual([]);
  });

  it('a joint answer answers each of its watched questions; one printed twice is applied once', () => {
    const a = watch(106);
    const b = watch(107);
    const applied = applyIndexIssue(
      byId(a, b),
      issue([answer([printed(106), printed(107), printed(108)]), answer([printed(106)])]),
      CONTEXT,
    );
    expect(applied.map((check) => [check.record.id, check.record.state, check.record.question?.answerText])).toEqual([
      [a.id, 'answered', 'Les délais ont été ramenés à trois semaines.'],
      [b.id, 'answered', 'Les délais ont été ramenés à trois semaines.'],
    ]);
  });

  it('an answer without text still answers, dated; the JO settles a status the page could not read', () => {
    const unreadable = watch(109, {
      state: 'unknown',
      question: makeQuestion({ legislature: 17, number: 109, publishedOn: '2025-10-07', unreadableStatus: 'bloc inconnu' }),
    });
    const [applied] = applyIndexIssue(byId(unreadable), issue([answer([printed(109)], { text: undefined, ministry: undefined })]), CONTEXT);
    expect(applied!.record.state).toBe('answered');
    expect(applied!.record.question).not.toHaveProperty('unreadableStatus');
    expect(applied!.record.question).not.toHaveProperty('answerText');
    expect(applied!.record.question?.answeredOn).toBe(ISSUE_DATE);
  });

  it('a long answer is kept as the model keeps any: cut and marked', () => {
    const [applied] = applyIndexIssue(
      byId(watch(110)),
      issue([answer([printed(110)], { text: 'x'.repeat(STORED_TEXT_MAX + 10) })]),
      CONTEXT,
    );
    expect(applied!.record.question?.answerText).toHaveLength(STORED_TEXT_MAX);
    expect(applied!.record.question?.textsCapped).toBe(true);
  });

  it('an answer the question’s own dates contradict (before its publication) is left to the Assemblée’s reading', () => {
    const record = watch(111);
    expect(applyIndexIssue(byId(record), issue([answer([printed(111)], { answeredOn: '2025-09-30' })]), CONTEXT)).toEqual([]);
  });

  describe('a question watched from a list, not read in full yet', () => {
    const ref: QuestionRef = makeRef({ legislature: 17, number: 112, publishedOn: '2025-10-07', title: 'Titres d’identité' });
    const listWatch = watchRecordSchema.parse({ id: ref.id, ref, watchedAt: NOW - 3_600_000, state: 'overdue', failures: 0, seen: true });

    it('becomes a question from what the issue prints, answered, as its first reading would: without an announcement', () => {
      const [applied] = applyIndexIssue(byId(listWatch), issue([answer([printed(112)])]), CONTEXT);
      expect(applied!.record).not.toHaveProperty('ref');
      expect(applied!.record.question).toMatchObject({
        id: ref.id,
        author: { name: 'Mme Claire Exemple' },
        title: 'Titres d’identité',
        ministry: 'Intérieur',
        publishedOn: '2025-10-07',
        answeredOn: ISSUE_DATE,
        urls: { an: ref.url },
      });
      expect(applied!.record.state).toBe('answered');
      // A first reading sets the baseline silently (lib/polling/changes.ts), whoever reads it.
      expect(applied!.change).toBeUndefined();
    });

    it('without an author in the issue, stays for its own first reading, due within minutes', () => {
      expect(applyIndexIssue(byId(listWatch), issue([answer([printed(112, { author: undefined })])]), CONTEXT)).toEqual([]);
    });
  });
});

describe('idsAnswered', () => {
  it('the questions an issue answers, once each, the Sénat’s as SEN-…', () => {
    const senate = printed(5, { key: { chamber: 'SENAT', legislature: 17, type: 'QE', number: 5 } });
    const sixteenth = printed(7, { key: { chamber: 'AN', legislature: 16, type: 'QE', number: 7 } });
    expect(idsAnswered(issue([answer([printed(1), printed(2)]), answer([printed(1), senate, sixteenth])]))).toEqual([
      'AN-17-QE-1',
      'AN-17-QE-2',
      'SEN-17-QE-5',
      'AN-16-QE-7',
    ]);
  });
});
