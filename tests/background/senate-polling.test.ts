/**
 * Sénat watches in the background: the Sénat's index read on Thursdays, its issues answering
 * `SEN-…` watches, the per-question reads on its issue day, the senat.fr page (then NosSénateurs'
 * archive) as the per-question fallback, and no Assemblée legislature ending a Sénat question.
 */
import { describe, expect, it, vi } from 'vitest';
import { questionSchema, type Question } from '../../lib/model';
import { parisInstant, parisMoment } from '../../lib/paris-time';
import { checkQuestion } from '../../lib/polling/check';
import { scheduleInput, type ScheduleContext } from '../../lib/polling/core';
import { applyIndexIssue } from '../../lib/polling/index-apply';
import { answerableByIndex, indexWanted, nextIndexReadAt } from '../../lib/polling/index-schedule';
import { isPollable, nextCheckAt } from '../../lib/polling/schedule';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { type JoIssue } from '../../lib/sources/jo';
import { type FetchOutcome, type PoliteFetcher } from '../../lib/sources/polite-fetch';
import { readFileSync } from 'node:fs';
import { redifAnswer, redifFile } from '../../harness/jo-archives';
import { openArchive, readIssue } from '../../lib/sources/jo';
import { fixtureText } from '../helpers/dom';
import { makeRecord } from '../store/helpers';

const at = (ms: number) => {
  const m = parisMoment(ms);
  return `${m.date} ${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`;
};
const weekday = (ms: number) => parisMoment(ms).weekday;

function senateQuestion(overrides: Partial<Question> = {}): Question {
  return questionSchema.parse({
    id: 'SEN-17-QE-99999',
    chamber: 'SEN',
    legislature: 17,
    type: 'QE',
    number: 99999,
    author: { name: 'M. DUPONT Jean', group: { acronym: 'Les Républicains' }, constituency: 'Ain' },
    publishedOn: '2025-01-09',
    awaitingAnswer: true,
    senatReference: 'SEQ250199999',
    urls: {},
    ...overrides,
  });
}

function senateWatch(overrides: Partial<WatchRecord> = {}): WatchRecord {
  const question = senateQuestion();
  return watchRecordSchema.parse({
    id: question.id,
    question,
    watchedAt: parisInstant('2025-02-01', 12),
    state: 'pending',
    failures: 0,
    seen: true,
    ...overrides,
  });
}

describe('the Sénat’s index', () => {
  it('is first read on Thursday afternoon, the Assemblée’s on Tuesday', () => {
    const monday = parisInstant('2026-03-09', 10);
    expect(at(nextIndexReadAt(0, [], monday, () => 0, 'SENAT'))).toBe('2026-03-12 14:00');
    expect(at(nextIndexReadAt(0, [], monday, () => 0, 'AN'))).toBe('2026-03-10 14:00');
  });

  it('answers Sénat watches only, and outlives the Assemblée’s legislatures', () => {
    const now = parisInstant('2025-03-01', 12);
    const senate = senateWatch();
    const assemblee = makeRecord();
    expect(answerableByIndex(senate, now)).toBe(true);
    expect(answerableByIndex(senate, now, 'AN')).toBe(false);
    expect(answerableByIndex(assemblee, now, 'SENAT')).toBe(false);
    expect(indexWanted([senate], now, 'SENAT')).toBe(true);
    expect(indexWanted([senate], now, 'AN')).toBe(false);
    // A 16th-legislature Sénat question after the Assemblée's dissolution is still open.
    const sixteenth = senateWatch({
      id: 'SEN-16-QE-4444',
      question: senateQuestion({
        id: 'SEN-16-QE-4444',
        legislature: 16,
        number: 4444,
        publishedOn: '2024-05-02',
        senatReference: undefined,
      }),
    });
    expect(answerableByIndex(sixteenth, now)).toBe(true);
    expect(isPollable(scheduleInput(sixteenth), now)).toBe(true);
  });

  it('makes an issue of the Sénat answer its watch, with the answer’s date and text', () => {
    const watch = senateWatch();
    const issue: JoIssue = {
      format: 'REDIF',
      chamber: 'SENAT',
      publishedOn: '2025-03-13',
      questions: [],
      answers: [
        {
          questions: [{ key: { chamber: 'SENAT', legislature: 17, type: 'QE', number: 99999 }, author: 'M. Jean Dupont' }],
          answeredOn: '2025-03-13',
          ministry: "Ministère de l'intérieur",
          text: 'Le ministre de l’intérieur…',
        },
        // The Assemblée's question of the same number is another question.
        { questions: [{ key: { chamber: 'AN', legislature: 17, type: 'QE', number: 99999 } }], answeredOn: '2025-03-13' },
      ],
    };
    const context: ScheduleContext = { now: parisInstant('2025-03-13', 18), frequency: 'daily', random: () => 0.5 };
    const [applied, ...others] = applyIndexIssue(new Map([[watch.id, watch]]), issue, context);
    expect(others).toHaveLength(0);
    expect(applied!.record.state).toBe('answered');
    expect(applied!.record.question).toMatchObject({
      answeredOn: '2025-03-13',
      answerText: 'Le ministre de l’intérieur…',
      senatReference: 'SEQ250199999',
    });
    expect(applied!.record.question!.urls.senat).toBe('https://www.senat.fr/questions/base/2025/qSEQ250199999.html');
    expect(applied!.change?.kind).toBe('answered');
  });
});

describe('per-question reads of a Sénat watch', () => {
  it('fall on the Sénat’s issue day, Thursday, and the catch-up on Monday', () => {
    const input = scheduleInput(senateWatch({ lastCheckedAt: parisInstant('2025-03-03', 12) }));
    const monday = parisInstant('2025-03-10', 8);
    const first = nextCheckAt(input, monday, 'weekly', () => 0)!;
    expect(weekday(first)).toBe(4);
    const afterThursday = nextCheckAt({ ...input, lastCheckedAt: first }, first + 3_600_000, 'daily', () => 0)!;
    expect(weekday(afterThursday)).toBe(0);
  });

  function stub(routes: Record<string, FetchOutcome>) {
    const get = vi.fn(async (url: string): Promise<FetchOutcome> => {
      const outcome = routes[url];
      if (!outcome) throw new Error(`unexpected request ${url}`);
      return outcome;
    });
    return { fetcher: { get } as unknown as PoliteFetcher, get };
  }
  const html = (body: string): FetchOutcome => ({ ok: true, status: 200, body, contentType: 'text/html' }) as FetchOutcome;

  it('read the senat.fr page the reference names, never the Assemblée', async () => {
    const url = 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html';
    const { fetcher, get } = stub({ [url]: html(fixtureText('senat/senat-qe-repondue-2008-qSEQ080203308.html')) });
    const known = senateQuestion({
      id: 'SEN-13-QE-3308',
      legislature: 13,
      number: 3308,
      publishedOn: '2008-02-07',
      senatReference: 'SEQ080203308',
    });
    const result = await checkQuestion(fetcher, 'SEN-13-QE-3308', known);
    expect(get.mock.calls.map((call) => call[0])).toStrictEqual([url]);
    expect(result).toMatchObject({ ok: true, source: 'senat-page', question: { answeredOn: '2008-04-10' } });
  });

  it('fall back on NosSénateurs’ archive when the senat.fr page fails, and fail without either', async () => {
    const senat = 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html';
    const archive = 'https://archive.nossenateurs.fr/question/13/03308';
    const { fetcher, get } = stub({
      [senat]: { ok: false, reason: 'http', status: 500 } as FetchOutcome,
      [archive]: html(fixtureText('nossenateurs/q-repondue.html')),
    });
    const known = senateQuestion({
      id: 'SEN-13-QE-3308',
      legislature: 13,
      number: 3308,
      publishedOn: '2008-02-07',
      senatReference: 'SEQ080203308',
    });
    const result = await checkQuestion(fetcher, 'SEN-13-QE-3308', known);
    expect(get.mock.calls.map((call) => call[0])).toStrictEqual([senat, archive]);
    expect(result).toMatchObject({ ok: true, source: 'nossenateurs-page' });
    const bare = senateQuestion({ publishedOn: '2025-01-09', senatReference: undefined });
    expect(await checkQuestion(stub({}).fetcher, bare.id, bare)).toMatchObject({ ok: false });
  });

  it('read a page whose question is another as a failed check', async () => {
    const url = 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html';
    const { fetcher } = stub({ [url]: html(fixtureText('senat/senat-qe-repondue-2008-qSEQ080203308.html')) });
    const result = await checkQuestion(fetcher, 'SEN-17-QE-99999', senateQuestion());
    expect(result.ok).toBe(false);
  });
});

describe('the Sénat’s archives, both formats, applied to Sénat watches', () => {
  const context: ScheduleContext = { now: parisInstant('2026-03-13', 18), frequency: 'daily', random: () => 0.5 };
  const watchOf = (question: Question) =>
    watchRecordSchema.parse({
      id: question.id,
      question,
      watchedAt: parisInstant('2024-01-10', 12),
      state: 'pending',
      failures: 0,
      seen: true,
    });

  it('the legacy SEQ archive: its question of 14 December 2023 is SEN-16-QE-9876, answered on the issue’s date', async () => {
    const opened = await openArchive(new Uint8Array(readFileSync(new URL('../fixtures/jo/SEQ20240010.taz', import.meta.url))));
    if (!opened.ok) throw new Error('the fixture archive does not open');
    const reading = readIssue(opened.member.xml, { chamber: 'SENAT' });
    if (!reading.ok) throw new Error(reading.detail);
    const watch = watchOf(
      senateQuestion({ id: 'SEN-16-QE-9876', legislature: 16, number: 9876, publishedOn: '2023-12-14', senatReference: undefined }),
    );
    const [applied] = applyIndexIssue(new Map([[watch.id, watch]]), reading.issue, { ...context, now: parisInstant('2024-03-07', 18) });
    expect(applied?.record.question).toMatchObject({ answeredOn: '2024-03-07' });
    expect(applied?.record.state).toBe('answered');
  });

  it('a REDIF file from the Sénat’s folder, its entries of `source` SENAT', () => {
    const xml = redifFile({
      rep: [redifAnswer({ questions: [{ number: 4208, legislature: 17, source: 'SENAT' }], date: '2026-03-12', text: 'Réponse.' })],
    });
    const reading = readIssue(xml, { chamber: 'SENAT' });
    if (!reading.ok) throw new Error(reading.detail);
    const watch = watchOf(
      senateQuestion({ id: 'SEN-17-QE-4208', number: 4208, publishedOn: '2025-04-03', senatReference: 'SEQ250404208' }),
    );
    const [applied] = applyIndexIssue(new Map([[watch.id, watch]]), reading.issue, context);
    expect(applied?.record.question).toMatchObject({ answeredOn: '2026-03-12', answerText: 'Réponse.' });
  });
});
