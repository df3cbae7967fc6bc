/**
 * One check of one question: the open-data record first, the page as a fallback, and anything
 * that does not parse and validate is a failed check, never a new status.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkQuestion, type CheckResult } from '../../lib/polling/check';
import { type Question } from '../../lib/model';
import { type FetchOutcome, type PoliteFetcher } from '../../lib/sources/polite-fetch';
import { questionStatus } from '../../lib/status';
import { anDynUrl, anOpenDataUrl } from '../../lib/urls';
import { fixtureText } from '../helpers/dom';
import { makeQuestion } from '../store/helpers';

const TODAY = '2025-06-03';
const UNTIL = Date.UTC(2025, 5, 3, 14, 0);

const ANSWERED_ID = 'AN-17-QE-1042';
const SIGNALED_ID = 'AN-17-QE-3456';
const REP_PUB_ID = 'AN-16-QE-4020';

type Json = Record<string, any>;

function ok(body: string, contentType = 'application/json'): FetchOutcome {
  return { ok: true, status: 200, contentType, body };
}

function json(name: string, change?: (q: Json) => void): string {
  const record = JSON.parse(fixtureText(`an/${name}`)) as Json;
  change?.(record.question);
  return JSON.stringify(record);
}

const page = (name: string) => ok(fixtureText(`an/${name}`), 'text/html; charset=utf-8');
const http = (status: number, retryAfterMs?: number): FetchOutcome => ({ ok: false, reason: 'http', status, retryAfterMs });
const ERROR_PAGE_503 = fixtureText('an/an-error-503.html');

/**
 * A stub fetcher: each URL answers its outcomes in turn (the last one repeats); an unknown URL
 * fails the test.
 */
function stub(routes: Record<string, FetchOutcome | FetchOutcome[]>) {
  const queues = new Map(Object.entries(routes).map(([url, outcome]) => [url, Array.isArray(outcome) ? [...outcome] : [outcome]]));
  const get = vi.fn(async (url: string, _accept: string): Promise<FetchOutcome> => {
    const queue = queues.get(url);
    if (!queue?.length) throw new Error(`unexpected request ${url}`);
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  });
  return { fetcher: { get } as unknown as PoliteFetcher, get };
}

/** The question as a page showed it before: pending, with what only a page gives (slug, name). */
function known(id: string, overrides: Partial<Question> = {}): Question {
  const [, legislature, , number] = id.split('-');
  return makeQuestion({
    legislature: Number(legislature),
    number: Number(number),
    author: { name: 'Mme Anne Exemple', anId: 'PA999904', slug: 'anne-exemple' },
    publishedOn: '2024-10-22',
    ...overrides,
  });
}

function expectFailure(result: CheckResult): asserts result is Extract<CheckResult, { ok: false }> {
  expect(result.ok).toBe(false);
}

/**
 * A failure as { ok, source, reason, retryAt }, its reason cut to the last attempt's: the check
 * may report every attempt's reason (« HTTP 503 → not a question page »).
 */
function failureOf(result: CheckResult) {
  expectFailure(result);
  expect(Object.keys(result).sort()).toEqual(expect.arrayContaining(['ok', 'reason', 'source']));
  expect('question' in result).toBe(false);
  return { ok: result.ok, source: result.source, reason: result.reason.split(' → ').at(-1), retryAt: result.retryAt };
}

describe('checkQuestion: the open-data record', () => {
  it('a valid pending record → ok from an-opendata, one request, JSON asked for', async () => {
    const { fetcher, get } = stub({ [anOpenDataUrl(SIGNALED_ID)]: ok(json('opendata-QANR5L17QE3456-signalee.json')) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, known(SIGNALED_ID, { publishedOn: '2025-01-28' }));
    expect(result).toMatchObject({ ok: true, source: 'an-opendata' });
    if (!result.ok) return;
    expect(get).toHaveBeenCalledOnce();
    expect(get).toHaveBeenCalledWith(anOpenDataUrl(SIGNALED_ID), 'application/json');
    expect(result.question).toMatchObject({ id: SIGNALED_ID, publishedOn: '2025-01-28', signaledOn: '2025-04-15' });
    expect(result.question.answeredOn).toBeUndefined();
    expect(questionStatus(result.question, TODAY).state).toBe('overdue');
    // What the record does not say is kept from what was known.
    expect(result.question.author).toMatchObject({ name: 'Mme Anne Exemple', slug: 'anne-exemple', anId: 'PA999908' });
  });

  it('an answered record with arrays (reassignment, two answers) → answered on the last answer', async () => {
    const { fetcher, get } = stub({ [anOpenDataUrl(ANSWERED_ID)]: ok(json('opendata-QANR5L17QE1042-answered.json')) });
    const result = await checkQuestion(fetcher, ANSWERED_ID, known(ANSWERED_ID));
    expect(result).toMatchObject({
      ok: true,
      source: 'an-opendata',
      question: { id: ANSWERED_ID, answeredOn: '2024-12-17', reassignedOn: '2024-11-05' },
    });
    expect(get).toHaveBeenCalledOnce();
    if (result.ok) expect(questionStatus(result.question, TODAY).state).toBe('answered');
  });

  it('the object-or-array quirk: one answer as an object or as an array of one reads the same', async () => {
    const single = (q: Json) => {
      q.textesReponse.texteReponse = q.textesReponse.texteReponse[1];
      q.minAttribs.minAttrib = q.minAttribs.minAttrib[0];
      q.indexationAN.analyses.analyse = q.indexationAN.analyses.analyse[0];
    };
    const wrapped = (q: Json) => {
      single(q);
      q.textesReponse.texteReponse = [q.textesReponse.texteReponse];
      q.minAttribs.minAttrib = [q.minAttribs.minAttrib];
      q.indexationAN.analyses.analyse = [q.indexationAN.analyses.analyse];
    };
    const asObject = await checkQuestion(
      stub({ [anOpenDataUrl(ANSWERED_ID)]: ok(json('opendata-QANR5L17QE1042-answered.json', single)) }).fetcher,
      ANSWERED_ID,
      known(ANSWERED_ID),
    );
    const asArray = await checkQuestion(
      stub({ [anOpenDataUrl(ANSWERED_ID)]: ok(json('opendata-QANR5L17QE1042-answered.json', wrapped)) }).fetcher,
      ANSWERED_ID,
      known(ANSWERED_ID),
    );
    expect(asObject).toMatchObject({ ok: true, source: 'an-opendata', question: { answeredOn: '2024-12-17' } });
    expect(asArray).toEqual(asObject);
  });

  it('a record answered by its closure only (REP_PUB, no answer text) → answered', async () => {
    const { fetcher } = stub({ [anOpenDataUrl(REP_PUB_ID)]: ok(json('opendata-QANR5L16QE4020-rep-pub.json')) });
    const result = await checkQuestion(fetcher, REP_PUB_ID, makeQuestion({ publishedOn: '2022-12-13' }));
    expect(result).toMatchObject({ ok: true, source: 'an-opendata', question: { answeredOn: '2023-02-28' } });
    if (result.ok) expect(questionStatus(result.question, TODAY).state).toBe('answered');
  });
});

describe('checkQuestion: bad bodies fall back to the page, and fail when the page fails too', () => {
  const K = () => known(SIGNALED_ID, { publishedOn: '2025-01-28' });
  const RECORD = anOpenDataUrl(SIGNALED_ID);
  const PAGE = anDynUrl(SIGNALED_ID);

  it.each<[string, FetchOutcome]>([
    ['503 with the HTML error page', http(503)],
    ['HTML served with status 200 where JSON was expected', ok(ERROR_PAGE_503, 'text/html')],
    ['the question page served at the JSON address', page('an-dyn-qe-signalee.html')],
    ['truncated JSON', ok(json('opendata-QANR5L17QE3456-signalee.json').slice(0, 700))],
    ['empty body', ok('')],
    ['JSON of the wrong shape', ok('{"questions":[{"uid":"QANR5L17QE3456"}]}')],
    ['JSON null', ok('null')],
    ['a record for another question', ok(json('opendata-QANR5L17QE1042-answered.json'))],
    [
      'a record with unreadable status (closure without label)',
      ok(
        json('opendata-QANR5L17QE3456-signalee.json', (q) => {
          q.cloture = { codeCloture: 'XYZ', libelleCloture: null, dateCloture: '2025-05-06', infoJO: null };
        }),
      ),
    ],
    [
      'a record whose closure code and label disagree',
      ok(
        json('opendata-QANR5L17QE3456-signalee.json', (q) => {
          q.cloture = { codeCloture: 'REP_PUB', libelleCloture: "Retrait par l'auteur", dateCloture: '2025-05-06', infoJO: null };
        }),
      ),
    ],
    ['a network error', { ok: false, reason: 'network' }],
    ['a timeout', { ok: false, reason: 'timeout' }],
  ])('%s → the page is read instead (ok from an-page)', async (_label, outcome) => {
    const { fetcher, get } = stub({ [RECORD]: outcome, [PAGE]: page('an-dyn-qe-signalee.html') });
    const result = await checkQuestion(fetcher, SIGNALED_ID, K());
    expect(result).toMatchObject({ ok: true, source: 'an-page', question: { id: SIGNALED_ID, publishedOn: '2025-01-28' } });
    expect(get.mock.calls).toEqual([
      [RECORD, 'application/json'],
      [PAGE, 'text/html'],
    ]);
    if (!result.ok) return;
    expect(questionStatus(result.question, TODAY).state).toBe('overdue');
    // Known facts the page lacks are kept (the NosDéputés slug).
    expect(result.question.author.slug).toBe('anne-exemple');
    expect(result.question.author.name).toBe('Mme Sophie Spécimen');
  });

  it.each<[string, FetchOutcome, string]>([
    ['503 with the HTML error page', http(503), 'HTTP 503'],
    ['HTML with status 200', ok(ERROR_PAGE_503, 'text/html'), 'not a valid record'],
    ['truncated JSON', ok('{"question": {"uid": "QANR5L17QE34'), 'not a valid record'],
    ['JSON of the wrong shape', ok('[1,2,3]'), 'not a valid record'],
  ])('record: %s, page: the 503 error page → failure, no status', async (_label, outcome) => {
    const { fetcher, get } = stub({ [RECORD]: outcome, [PAGE]: http(503) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, K());
    expect(failureOf(result)).toEqual({ ok: false, source: 'an-page', reason: 'HTTP 503', retryAt: undefined });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('record 503, page the 503 error page served with status 200 → failure (not a question page)', async () => {
    const { fetcher } = stub({ [RECORD]: http(503), [PAGE]: ok(`${ERROR_PAGE_503}\n`, 'text/html') });
    expect(failureOf(await checkQuestion(fetcher, SIGNALED_ID, K()))).toEqual({
      ok: false,
      source: 'an-page',
      reason: 'not a question page',
      retryAt: undefined,
    });
  });

  it('record garbage, page truncated (no closing </html>) → failure', async () => {
    const full = fixtureText('an/an-dyn-qe-signalee.html');
    // Cut after the dates block: parsed, it could look like a question with fewer dates.
    const cut = full.slice(0, full.indexOf('</main>'));
    const { fetcher } = stub({ [RECORD]: ok('<html>'), [PAGE]: ok(cut, 'text/html') });
    expect(failureOf(await checkQuestion(fetcher, SIGNALED_ID, K()))).toEqual({
      ok: false,
      source: 'an-page',
      reason: 'truncated page',
      retryAt: undefined,
    });
  });

  it('record garbage, page for another question → failure', async () => {
    const { fetcher } = stub({ [RECORD]: ok('not json'), [PAGE]: page('an-dyn-qe-17-pending.html') });
    expect(failureOf(await checkQuestion(fetcher, SIGNALED_ID, K()))).toEqual({
      ok: false,
      source: 'an-page',
      reason: 'not a question page',
      retryAt: undefined,
    });
  });

  it('record garbage, page with an unreadable status → failure', async () => {
    const id = 'AN-17-QE-2871';
    const { fetcher } = stub({ [anOpenDataUrl(id)]: ok('{}'), [anDynUrl(id)]: page('an-dyn-labels-no-value.html') });
    const result = await checkQuestion(fetcher, id, known(id));
    expect(failureOf(result)).toMatchObject({ ok: false, source: 'an-page' });
    expect(failureOf(result).reason).toBe('status unreadable: publication date unreadable');
  });

  it('record 404, page 404 → failure with the status', async () => {
    const { fetcher } = stub({ [RECORD]: http(404), [PAGE]: http(404) });
    expect(failureOf(await checkQuestion(fetcher, SIGNALED_ID, K()))).toEqual({
      ok: false,
      source: 'an-page',
      reason: 'HTTP 404',
      retryAt: undefined,
    });
  });
});

describe('checkQuestion: a source that asks us to wait', () => {
  const K = () => known(SIGNALED_ID, { publishedOn: '2025-01-28' });
  const RECORD = anOpenDataUrl(SIGNALED_ID);
  const PAGE = anDynUrl(SIGNALED_ID);

  it.each<[string, FetchOutcome, string]>([
    ['429 with Retry-After', http(429, 120_000), 'HTTP 429'],
    ['503', http(503), 'HTTP 503'],
    ['a timeout', { ok: false, reason: 'timeout' }, 'timeout'],
  ])(
    '%s on the record, then the fetcher in backoff for the page → this question’s failure, without retryAt',
    async (_label, outcome, first) => {
      // The real PoliteFetcher turns the failure into a backoff of the whole host: the page asks
      // nothing. A request of this check failed: the failure is the question's (no retryAt), so the
      // poller counts it and backs the question off instead of retrying it after the source's wait.
      for (const reason of ['backoff', 'circuit-open'] as const) {
        const { fetcher, get } = stub({ [RECORD]: outcome, [PAGE]: { ok: false, reason, until: UNTIL } });
        const result = await checkQuestion(fetcher, SIGNALED_ID, K());
        expectFailure(result);
        expect(result).toEqual({ ok: false, source: 'an-page', reason: `${first} → ${reason}` });
        expect(result.retryAt).toBeUndefined();
        expect(get.mock.calls).toEqual([
          [RECORD, 'application/json'],
          [PAGE, 'text/html'],
        ]);
      }
    },
  );

  it('no known question: page 503, then the record in backoff → this question’s failure, without retryAt', async () => {
    const { fetcher, get } = stub({ [PAGE]: http(503), [RECORD]: { ok: false, reason: 'backoff', until: UNTIL } });
    const result = await checkQuestion(fetcher, SIGNALED_ID, undefined);
    expectFailure(result);
    expect(result).toEqual({ ok: false, source: 'an-opendata', reason: 'HTTP 503 → backoff' });
    expect(result.retryAt).toBeUndefined();
    expect(get.mock.calls).toEqual([
      [PAGE, 'text/html'],
      [RECORD, 'application/json'],
    ]);
  });

  it('an unusable record (not a request failure), then the page in backoff → failure without retryAt too', async () => {
    const { fetcher } = stub({ [RECORD]: ok('not json'), [PAGE]: { ok: false, reason: 'backoff', until: UNTIL } });
    const result = await checkQuestion(fetcher, SIGNALED_ID, K());
    expectFailure(result);
    expect(result).toEqual({ ok: false, source: 'an-page', reason: 'not a valid record → backoff' });
    expect(result.retryAt).toBeUndefined();
  });

  it('429 with Retry-After on both → failure, never a status', async () => {
    const { fetcher } = stub({ [RECORD]: http(429, 120_000), [PAGE]: http(429, 120_000) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, K());
    expect(failureOf(result)).toEqual({ ok: false, source: 'an-page', reason: 'HTTP 429', retryAt: undefined });
  });

  it.each(['backoff', 'circuit-open'] as const)(
    '%s on the record → returns at once with retryAt, the page is not tried',
    async (reason) => {
      const { fetcher, get } = stub({ [RECORD]: { ok: false, reason, until: UNTIL }, [PAGE]: page('an-dyn-qe-signalee.html') });
      // Blocked before any request: the whole reason is the source's, and retryAt says until when.
      expect(await checkQuestion(fetcher, SIGNALED_ID, K())).toEqual({ ok: false, source: 'an-opendata', reason, retryAt: UNTIL });
      expect(get).toHaveBeenCalledOnce();
      expect(get).toHaveBeenCalledWith(RECORD, 'application/json');
    },
  );

  it.each(['backoff', 'circuit-open'] as const)('no known question: %s on the page → the record is not tried', async (reason) => {
    const { fetcher, get } = stub({
      [PAGE]: { ok: false, reason, until: UNTIL },
      [RECORD]: ok(json('opendata-QANR5L17QE3456-signalee.json')),
    });
    expect(await checkQuestion(fetcher, SIGNALED_ID, undefined)).toEqual({ ok: false, source: 'an-page', reason, retryAt: UNTIL });
    expect(get).toHaveBeenCalledOnce();
  });
});

describe('checkQuestion: a question watched from a list (no known question)', () => {
  const RECORD = anOpenDataUrl(SIGNALED_ID);
  const PAGE = anDynUrl(SIGNALED_ID);

  it('the page is tried first, and is enough when it reads', async () => {
    const { fetcher, get } = stub({ [PAGE]: page('an-dyn-qe-signalee.html'), [RECORD]: ok(json('opendata-QANR5L17QE3456-signalee.json')) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, undefined);
    expect(result).toMatchObject({ ok: true, source: 'an-page', question: { id: SIGNALED_ID, author: { name: 'Mme Sophie Spécimen' } } });
    expect(get.mock.calls).toEqual([[PAGE, 'text/html']]);
  });

  it('a failed page falls back to the record', async () => {
    const { fetcher, get } = stub({ [PAGE]: http(503), [RECORD]: ok(json('opendata-QANR5L17QE3456-signalee.json')) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, undefined);
    expect(result).toMatchObject({ ok: true, source: 'an-opendata', question: { id: SIGNALED_ID } });
    expect(get.mock.calls).toEqual([
      [PAGE, 'text/html'],
      [RECORD, 'application/json'],
    ]);
  });

  it('both failing → the failure of the record, the last one tried', async () => {
    const { fetcher } = stub({
      [PAGE]: ok('<html><body>Maintenance</body></html>', 'text/html'),
      [RECORD]: ok('<!doctype html><html></html>', 'text/html'),
    });
    expect(failureOf(await checkQuestion(fetcher, SIGNALED_ID, undefined))).toEqual({
      ok: false,
      source: 'an-opendata',
      reason: 'not a valid record',
      retryAt: undefined,
    });
  });

  // Regression (check.ts, fromRecord): with no known question, parseAnRecord cannot compare ids;
  // fromRecord itself must check that the record is the one asked for, or another question's
  // record would be returned as this question's reading (the poller then threw on the mismatch).
  it('page unusable, the record of another question (valid in itself) → failure, not that question', async () => {
    const { fetcher, get } = stub({ [PAGE]: http(503), [RECORD]: ok(json('opendata-QANR5L17QE1042-answered.json')) });
    const result = await checkQuestion(fetcher, SIGNALED_ID, undefined);
    expect(result).toEqual({ ok: false, source: 'an-opendata', reason: 'HTTP 503 → not a valid record' });
    expect(get.mock.calls).toEqual([
      [PAGE, 'text/html'],
      [RECORD, 'application/json'],
    ]);
    // The same record, asked for its own id, reads: it is refused for the mismatch only.
    const own = await checkQuestion(
      stub({ [anDynUrl(ANSWERED_ID)]: http(503), [anOpenDataUrl(ANSWERED_ID)]: ok(json('opendata-QANR5L17QE1042-answered.json')) }).fetcher,
      ANSWERED_ID,
      undefined,
    );
    expect(own).toMatchObject({ ok: true, source: 'an-opendata', question: { id: ANSWERED_ID } });
  });
});
