import { describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  DEFAULT_FETCH_OPTIONS,
  parseRetryAfter,
  PoliteFetcher,
  type FetchOutcome,
  type PoliteFetchOptions,
  type SourceState,
} from '../../lib/sources/polite-fetch';

const URL_A = 'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L16QE4020.json';
const URL_B = 'https://2022-2024.nosdeputes.fr/elise-morvan/json';
const HOST_A = 'www.assemblee-nationale.fr';
const T0 = Date.UTC(2024, 5, 1, 10, 0, 0);

const OPTIONS: PoliteFetchOptions = {
  minIntervalMs: 2_000,
  timeoutMs: 20_000,
  baseBackoffMs: 60_000,
  maxBackoffMs: 3_600_000,
  maxRetryAfterMs: 24 * 3_600_000,
  circuitThreshold: 3,
  circuitOpenMs: 7_200_000,
};

type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A PoliteFetcher on a fake clock: `sleep` advances it, `fetch` takes `fetchMs` of it. */
function harness(
  respond: Responder = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
  options: Partial<PoliteFetchOptions> = {},
  fetchMs = 300,
) {
  const clock = { now: T0 };
  const states = new Map<string, SourceState>();
  const starts: { url: string; at: number }[] = [];
  const sleeps: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    starts.push({ url: String(input), at: clock.now });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1)); // let the other callers run meanwhile
      clock.now += fetchMs;
      return await respond(String(input), init ?? {});
    } finally {
      inFlight--;
    }
  });
  const saveState = vi.fn(async (source: string, state: SourceState) => {
    states.set(source, structuredClone(state));
  });
  const fetcher = new PoliteFetcher(
    {
      fetch: fetch as unknown as typeof globalThis.fetch,
      now: () => clock.now,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.now += ms;
      },
      loadState: async (source) => structuredClone(states.get(source) ?? { failures: 0 }),
      saveState,
    },
    { ...OPTIONS, ...options },
  );
  return { fetcher, fetch, clock, states, starts, sleeps, saveState, maxInFlight: () => maxInFlight };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(code === 204 ? null : 'x', { status: code, headers });

describe('PoliteFetcher: pacing', () => {
  it('runs requests one at a time, at least minIntervalMs apart', async () => {
    const h = harness();
    const outcomes = await Promise.all([URL_A, URL_B, URL_A, URL_B, URL_A].map((url) => h.fetcher.get(url, 'application/json')));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(h.maxInFlight()).toBe(1);
    expect(h.starts.map((s) => s.url)).toEqual([URL_A, URL_B, URL_A, URL_B, URL_A]);
    for (let i = 1; i < h.starts.length; i++) expect(h.starts[i]!.at - h.starts[i - 1]!.at).toBeGreaterThanOrEqual(OPTIONS.minIntervalMs);
    // The first request does not wait; the others wait only what is left of the interval.
    expect(h.starts[0]!.at).toBe(T0);
    expect(h.sleeps).toEqual([1_700, 1_700, 1_700, 1_700]);
  });

  it('does not wait when the interval has already passed', async () => {
    const h = harness();
    await h.fetcher.get(URL_A, 'application/json');
    h.clock.now += 10_000;
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.sleeps).toEqual([]);
  });

  it('keeps the queue going after a request fails', async () => {
    let n = 0;
    const h = harness(() => {
      if (n++ === 0) throw new TypeError('offline');
      return new Response('ok');
    });
    const [first, second] = await Promise.all([h.fetcher.get(URL_A, 'text/html'), h.fetcher.get(URL_B, 'text/html')]);
    expect(first).toEqual({ ok: false, reason: 'network' });
    expect(second).toMatchObject({ ok: true, body: 'ok' });
  });

  it('asks without credentials, with the Accept header and an abort signal', async () => {
    const h = harness();
    await h.fetcher.get(URL_A, 'application/json');
    const init = h.fetch.mock.calls[0]![1]!;
    expect(init).toMatchObject({ headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('PoliteFetcher: outcomes', () => {
  it('200 → ok with the body and content type, and a clean state', async () => {
    const h = harness(
      () => new Response('{"question":{}}', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }),
    );
    h.states.set(HOST_A, { failures: 2 });
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({
      ok: true,
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: '{"question":{}}',
    });
    expect(h.states.get(HOST_A)).toEqual({ failures: 0 });
  });

  it('a missing content type reads as ""', async () => {
    const h = harness(() => new Response(new Uint8Array([104, 105]), { status: 200 }));
    expect(await h.fetcher.get(URL_A, 'text/html')).toMatchObject({ ok: true, contentType: '', body: 'hi' });
  });

  it('404 → an http outcome that is not a source failure', async () => {
    const h = harness(status(404));
    h.states.set(HOST_A, { failures: 2, backoffUntil: T0 - 1 });
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'http', status: 404, retryAfterMs: undefined });
    expect(h.states.get(HOST_A)).toEqual({ failures: 0 });
    // No backoff: the next request goes out.
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.fetch).toHaveBeenCalledTimes(2);
  });

  it.each([503, 429, 500, 502])('%i → a failure with exponential backoff', async (code) => {
    const h = harness(status(code));
    const outcome = await h.fetcher.get(URL_A, 'application/json');
    expect(outcome).toEqual({ ok: false, reason: 'http', status: code, retryAfterMs: undefined });
    const end = h.clock.now;
    expect(h.states.get(HOST_A)).toEqual({ failures: 1, backoffUntil: end + OPTIONS.baseBackoffMs });
  });

  it('503 with Retry-After in seconds longer than the backoff → backoff until then', async () => {
    const h = harness(status(503, { 'retry-after': '120' }));
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'http', status: 503, retryAfterMs: 120_000 });
    expect(h.states.get(HOST_A)).toEqual({ failures: 1, backoffUntil: h.clock.now + 120_000 });
  });

  it('429 with Retry-After shorter than the backoff → the backoff wins', async () => {
    const h = harness(status(429, { 'retry-after': '5' }));
    expect(await h.fetcher.get(URL_A, 'application/json')).toMatchObject({ retryAfterMs: 5_000 });
    expect(h.states.get(HOST_A)).toEqual({ failures: 1, backoffUntil: h.clock.now + OPTIONS.baseBackoffMs });
  });

  it('503 with Retry-After as an HTTP date', async () => {
    let retryAt = '';
    const h = harness(
      (): Response => {
        retryAt = new Date(T0 + 300_000 + 600_000).toUTCString(); // the clock reads T0 + 300 once the fetch is over
        return new Response('busy', { status: 503, headers: { 'retry-after': retryAt } });
      },
      {},
      300_000,
    );
    const outcome = await h.fetcher.get(URL_A, 'application/json');
    expect(outcome).toEqual({ ok: false, reason: 'http', status: 503, retryAfterMs: 600_000 });
    expect(h.states.get(HOST_A)).toEqual({ failures: 1, backoffUntil: Date.parse(retryAt) });
  });

  it('a fetch that rejects → network, a source failure', async () => {
    const h = harness(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'network' });
    expect(h.states.get(HOST_A)?.failures).toBe(1);
  });

  it('a body that fails to read → network', async () => {
    const h = harness(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.error(new TypeError('reset'));
            },
          }),
          { status: 200 },
        ),
    );
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'network' });
  });

  it('a fetch that never answers is aborted after timeoutMs → timeout', async () => {
    const started = Date.now();
    const h = harness(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
      { timeoutMs: 50 },
    );
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(h.states.get(HOST_A)).toEqual({ failures: 1, backoffUntil: h.clock.now + OPTIONS.baseBackoffMs });
    // The queue is free again.
    h.clock.now += OPTIONS.baseBackoffMs;
    h.fetch.mockImplementation(async () => new Response('late but fine'));
    expect(await h.fetcher.get(URL_A, 'text/plain')).toMatchObject({ ok: true, body: 'late but fine' });
  });

  it('a body that stalls is aborted too', async () => {
    const h = harness(
      (_url, init) => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('partial'));
            init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { status: 200 });
      },
      { timeoutMs: 50 },
    );
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'timeout' });
  });
});

/** A response as the browser gives it after following redirects: `url` is where it landed. */
function landedAt(url: string, body = '{"question":{"uid":"QANR5L16QE4020"}}'): Response {
  const response = new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' } });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('PoliteFetcher: only the host asked answers (reliability D4)', () => {
  it('a redirect to another host is not believed: no body, a source failure', async () => {
    const h = harness(() => landedAt('https://evil.test/rec.json'));
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'elsewhere' });
    expect(h.states.get(HOST_A)).toMatchObject({ failures: 1, backoffUntil: T0 + 300 + OPTIONS.baseBackoffMs });
  });

  it('a redirect to plain http on the same host is not believed either', async () => {
    const h = harness(() => landedAt(URL_A.replace('https:', 'http:')));
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'elsewhere' });
  });

  it('a redirect within the same host is followed', async () => {
    const h = harness(() => landedAt(`${URL_A}?v=2`));
    expect(await h.fetcher.get(URL_A, 'application/json')).toMatchObject({ ok: true, body: '{"question":{"uid":"QANR5L16QE4020"}}' });
  });
});

describe('PoliteFetcher: bodies have a size limit', () => {
  it('a declared length over the limit is refused unread, and is not held against the source', async () => {
    const h = harness(() => new Response('x'.repeat(10), { status: 200, headers: { 'content-length': String(64 * 1024 * 1024) } }));
    expect(await h.fetcher.get(URL_A, 'application/json', 1024)).toEqual({ ok: false, reason: 'too-large' });
    expect(h.states.get(HOST_A)).toEqual({ failures: 0 });
  });

  it('a body that grows past the limit as it streams is cut off', async () => {
    const chunk = new Uint8Array(600).fill(120);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const h = harness(() => new Response(stream, { status: 200 }));
    expect(await h.fetcher.get(URL_A, 'application/json', 1000)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('a body within the limit is read whole, however it is chunked', async () => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // « é » split across two chunks: the decoder must join it.
        const bytes = encoder.encode('réponse');
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2));
        controller.close();
      },
    });
    const h = harness(() => new Response(stream, { status: 200 }));
    expect(await h.fetcher.get(URL_A, 'text/html', 1000)).toMatchObject({ ok: true, body: 'réponse' });
  });
});

describe('PoliteFetcher: binary bodies (an archive), under the same rules', () => {
  const URL_TAZ = 'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/ANQ20260010.taz';
  const HOST_DILA = 'echanges.dila.gouv.fr';
  // Every byte value, gzip's magic first: text decoding would mangle them.
  const BYTES = Uint8Array.from({ length: 600 }, (_, i) => (i < 2 ? [0x1f, 0x8b][i]! : i % 256));

  it('hands the bytes over untouched, however they are chunked', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(BYTES.slice(0, 250));
        controller.enqueue(BYTES.slice(250));
        controller.close();
      },
    });
    const h = harness(() => new Response(stream, { status: 200, headers: { 'content-type': 'application/octet-stream' } }));
    const outcome = await h.fetcher.getBytes(URL_TAZ, '*/*');
    expect(outcome).toMatchObject({ ok: true, status: 200, contentType: 'application/octet-stream' });
    expect(outcome.ok && [...outcome.body]).toEqual([...BYTES]);
    expect(h.fetch.mock.calls[0]![1]).toMatchObject({ headers: { accept: '*/*' }, credentials: 'omit' });
  });

  it('queued with the text requests, two seconds apart', async () => {
    const h = harness(() => new Response(BYTES, { status: 200 }));
    await Promise.all([h.fetcher.get(URL_A, 'application/json'), h.fetcher.getBytes(URL_TAZ, '*/*'), h.fetcher.get(URL_B, 'text/html')]);
    expect(h.maxInFlight()).toBe(1);
    expect(h.starts.map((start) => start.url)).toEqual([URL_A, URL_TAZ, URL_B]);
    for (let i = 1; i < h.starts.length; i++) expect(h.starts[i]!.at - h.starts[i - 1]!.at).toBeGreaterThanOrEqual(OPTIONS.minIntervalMs);
  });

  it('a 503 backs the host off, for archives and listings alike; the other hosts are not held', async () => {
    const h = harness((url) => (url === URL_TAZ ? new Response('busy', { status: 503 }) : new Response('<html></html>', { status: 200 })));
    expect(await h.fetcher.getBytes(URL_TAZ, '*/*')).toMatchObject({ ok: false, reason: 'http', status: 503 });
    expect(h.states.get(HOST_DILA)).toMatchObject({ failures: 1 });
    expect(await h.fetcher.get(URL_TAZ.replace(/[^/]+$/, ''), 'text/html')).toMatchObject({ ok: false, reason: 'backoff' });
    expect(await h.fetcher.get(URL_A, 'application/json')).toMatchObject({ ok: true });
  });

  it('refuses a body past the limit the caller gives, declared or streamed, without holding it against the source', async () => {
    const declared = harness(() => new Response(BYTES, { status: 200, headers: { 'content-length': String(64 * 1024 * 1024 + 1) } }));
    expect(await declared.fetcher.getBytes(URL_TAZ, '*/*', { maxBytes: 64 * 1024 * 1024 })).toEqual({ ok: false, reason: 'too-large' });
    expect(declared.states.get(HOST_DILA)).toEqual({ failures: 0 });
    const streamed = harness(() => new Response(BYTES, { status: 200 }));
    expect(await streamed.fetcher.getBytes(URL_TAZ, '*/*', { maxBytes: BYTES.length - 1 })).toEqual({ ok: false, reason: 'too-large' });
    expect(await streamed.fetcher.getBytes(URL_TAZ, '*/*', { maxBytes: BYTES.length })).toMatchObject({ ok: true });
  });

  it('a redirect to another host is refused unread, as for text', async () => {
    const h = harness(() => landedAt('https://mirror.example/ANQ20260010.taz'));
    expect(await h.fetcher.getBytes(URL_TAZ, '*/*')).toEqual({ ok: false, reason: 'elsewhere' });
  });

  it('a longer timeout may be given for a large download, a shorter one cuts it', async () => {
    const h = harness(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
      { timeoutMs: 60_000 },
    );
    expect(await h.fetcher.getBytes(URL_TAZ, '*/*', { timeoutMs: 30 })).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('PoliteFetcher: backoff and circuit breaker', () => {
  it('while backing off, answers backoff without calling fetch', async () => {
    const h = harness(status(503));
    await h.fetcher.get(URL_A, 'application/json');
    const until = h.states.get(HOST_A)!.backoffUntil!;
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'backoff', until });
    h.clock.now = until - 1;
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'backoff', until });
    expect(h.fetch).toHaveBeenCalledOnce();
    // Another host is not affected.
    expect(await h.fetcher.get(URL_B, 'application/json')).toMatchObject({ ok: false, reason: 'http' });
    expect(h.fetch).toHaveBeenCalledTimes(2);
    // Once the time has passed, the source is asked again.
    h.clock.now = until;
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.fetch).toHaveBeenCalledTimes(3);
  });

  it('backoff grows with consecutive failures', async () => {
    const h = harness(status(503));
    const delays: number[] = [];
    for (let i = 0; i < 2; i++) {
      await h.fetcher.get(URL_A, 'application/json');
      const state = h.states.get(HOST_A)!;
      delays.push(state.backoffUntil! - h.clock.now);
      h.clock.now = state.backoffUntil!;
    }
    expect(delays).toEqual([60_000, 120_000]);
  });

  it('opens the circuit after circuitThreshold consecutive failures', async () => {
    const h = harness(status(503));
    for (let i = 1; i <= OPTIONS.circuitThreshold; i++) {
      await h.fetcher.get(URL_A, 'application/json');
      const state = h.states.get(HOST_A)!;
      expect(state.failures).toBe(i);
      if (i < OPTIONS.circuitThreshold) {
        expect(state.circuitOpenUntil).toBeUndefined();
        h.clock.now = state.backoffUntil!;
      }
    }
    const opened = h.states.get(HOST_A)!;
    expect(opened.circuitOpenUntil).toBe(h.clock.now + OPTIONS.circuitOpenMs);
    // Past the backoff, the open circuit still keeps the source alone.
    h.clock.now = opened.backoffUntil! + 1;
    expect(await h.fetcher.get(URL_A, 'application/json')).toEqual({ ok: false, reason: 'circuit-open', until: opened.circuitOpenUntil });
    expect(h.fetch).toHaveBeenCalledTimes(OPTIONS.circuitThreshold);
    // Once it closes, a success resets everything.
    h.clock.now = opened.circuitOpenUntil!;
    h.fetch.mockImplementation(async () => new Response('ok'));
    expect(await h.fetcher.get(URL_A, 'application/json')).toMatchObject({ ok: true });
    expect(h.states.get(HOST_A)).toEqual({ failures: 0 });
  });

  it('a failure after the circuit closes opens it again at once', async () => {
    const h = harness(status(503));
    h.states.set(HOST_A, { failures: OPTIONS.circuitThreshold, backoffUntil: T0 - 1, circuitOpenUntil: T0 - 1 });
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.states.get(HOST_A)).toMatchObject({
      failures: OPTIONS.circuitThreshold + 1,
      circuitOpenUntil: h.clock.now + OPTIONS.circuitOpenMs,
    });
  });

  it('a success resets the failure count before the circuit opens', async () => {
    let n = 0;
    const h = harness(() => (n++ === 2 ? new Response('ok') : new Response('busy', { status: 503 })));
    for (let i = 0; i < 4; i++) {
      await h.fetcher.get(URL_A, 'application/json');
      h.clock.now = h.states.get(HOST_A)!.backoffUntil ?? h.clock.now;
    }
    // failure, failure, success, failure: the count restarted at the success.
    expect(h.states.get(HOST_A)).toMatchObject({ failures: 1 });
    expect(h.states.get(HOST_A)!.circuitOpenUntil).toBeUndefined();
  });

  it('a Retry-After longer than circuitOpenMs keeps the circuit open that long', async () => {
    const h = harness(status(503, { 'retry-after': String(3 * 3600) }));
    h.states.set(HOST_A, { failures: OPTIONS.circuitThreshold - 1 });
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.states.get(HOST_A)).toMatchObject({
      backoffUntil: h.clock.now + 3 * 3_600_000,
      circuitOpenUntil: h.clock.now + 3 * 3_600_000,
    });
  });

  it('backoff and circuit answers do not touch the saved state', async () => {
    const h = harness(status(503));
    await h.fetcher.get(URL_A, 'application/json');
    h.saveState.mockClear();
    await h.fetcher.get(URL_A, 'application/json');
    expect(h.saveState).not.toHaveBeenCalled();
  });
});

describe('parseRetryAfter', () => {
  const now = T0;
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    ['0', 0],
    ['120', 120_000],
    [' 5 ', 5_000],
    ['soon', undefined],
    [new Date(T0 + 90_000).toUTCString(), 90_000],
    [new Date(T0 - 90_000).toUTCString(), 0],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base with each failure, up to the cap', () => {
    const options = { ...DEFAULT_FETCH_OPTIONS, baseBackoffMs: 1_000, maxBackoffMs: 10_000 };
    expect([0, 1, 2, 3, 4, 5, 50].map((f) => backoffDelay(f, options))).toEqual([1_000, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('the defaults: one minute, then up to six hours', () => {
    expect(backoffDelay(1, DEFAULT_FETCH_OPTIONS)).toBe(60_000);
    expect(backoffDelay(4, DEFAULT_FETCH_OPTIONS)).toBe(480_000);
    expect(backoffDelay(9, DEFAULT_FETCH_OPTIONS)).toBe(15_360_000);
    expect(backoffDelay(10, DEFAULT_FETCH_OPTIONS)).toBe(6 * 3_600_000);
    expect(backoffDelay(1_000, DEFAULT_FETCH_OPTIONS)).toBe(6 * 3_600_000);
  });
});

describe('PoliteFetcher: never rejects', () => {
  it('resolves even when the source state cannot be saved', async () => {
    const h = harness();
    h.saveState.mockRejectedValue(new Error('QuotaExceededError'));
    const outcome: FetchOutcome = await h.fetcher.get(URL_A, 'application/json');
    expect(outcome.ok).toBe(true);
  });
});
