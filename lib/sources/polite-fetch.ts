/**
 * Every request Vigie makes to the parliament's sites goes through here: one at a time, at least
 * two seconds apart, backing off on 429/5xx (honouring Retry-After), and refusing to call a
 * source that keeps failing for a while (circuit breaker). The Assemblée answers 503 to bursts.
 */

import { parseUrl } from '../urls';

export interface SourceState {
  failures: number;
  backoffUntil?: number;
  circuitOpenUntil?: number;
}

export interface PoliteFetchDeps {
  fetch: typeof fetch;
  now(): number;
  sleep(ms: number): Promise<void>;
  loadState(source: string): Promise<SourceState>;
  saveState(source: string, state: SourceState): Promise<void>;
}

export interface PoliteFetchOptions {
  minIntervalMs: number;
  timeoutMs: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** The longest wait a `Retry-After` may impose: a bogus header must not block a source for good. */
  maxRetryAfterMs: number;
  /** Consecutive failures after which the source is left alone for `circuitOpenMs`. */
  circuitThreshold: number;
  circuitOpenMs: number;
}

export const DEFAULT_FETCH_OPTIONS: PoliteFetchOptions = {
  minIntervalMs: 2_000,
  timeoutMs: 20_000,
  baseBackoffMs: 60_000,
  maxBackoffMs: 6 * 3_600_000,
  maxRetryAfterMs: 24 * 3_600_000,
  circuitThreshold: 5,
  circuitOpenMs: 3_600_000,
};

export type FetchFailure =
  | { ok: false; reason: 'http'; status: number; retryAfterMs?: number }
  /** `elsewhere`: redirected to another host, whose answer is not read; `too-large`: more than the caller's limit. */
  | { ok: false; reason: 'network' | 'timeout' | 'elsewhere' | 'too-large' }
  | { ok: false; reason: 'backoff' | 'circuit-open'; until: number };

/** What a request gave: its body as text (pages, records, listings) or as bytes (archives), or why not. */
export type Fetched<Body> = { ok: true; status: number; contentType: string; body: Body } | FetchFailure;
export type FetchOutcome = Fetched<string>;
export type BytesOutcome = Fetched<Uint8Array>;

/** The most a page or a record may weigh: the largest real ones are a few hundred KB. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export interface RequestLimits {
  /** The body is refused past this many bytes. */
  maxBytes?: number;
  /** The whole request, body included, is given up after this long. */
  timeoutMs?: number;
}

/** The body's bytes, or nothing once they pass `maxBytes`: a hostile or broken server cannot fill the memory. */
async function boundedBytes(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > maxBytes ? undefined : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk.value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as text, within the same limit. */
async function boundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const bytes = await boundedBytes(response, maxBytes);
  return bytes && new TextDecoder().decode(bytes);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function backoffDelay(failures: number, options: PoliteFetchOptions): number {
  return Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, failures - 1));
}

/** No request was made: the source asked for a pause, which lasts `until`. */
export function isPausing(outcome: Fetched<unknown>): outcome is { ok: false; reason: 'backoff' | 'circuit-open'; until: number } {
  return !outcome.ok && (outcome.reason === 'backoff' || outcome.reason === 'circuit-open');
}

/**
 * A source's state after one request: a success clears it; a failure of the source (429, 5xx, the
 * network, a redirect to another host) backs off exponentially, honours a capped `Retry-After`,
 * and opens the circuit after several in a row. A 404 or a body over the size limit is an answer
 * about the resource, not a sign the source is struggling.
 */
export function nextSourceState(state: SourceState, outcome: Fetched<unknown>, now: number, options: PoliteFetchOptions): SourceState {
  const sourceFailed =
    !outcome.ok && outcome.reason !== 'too-large' && (outcome.reason !== 'http' || outcome.status === 429 || outcome.status >= 500);
  if (!sourceFailed) return { failures: 0 };
  const failures = state.failures + 1;
  const retryAfter = Math.min(options.maxRetryAfterMs, !outcome.ok && outcome.reason === 'http' ? (outcome.retryAfterMs ?? 0) : 0);
  const next: SourceState = { failures, backoffUntil: now + Math.max(retryAfter, backoffDelay(failures, options)) };
  if (failures >= options.circuitThreshold) next.circuitOpenUntil = now + Math.max(options.circuitOpenMs, retryAfter);
  return next;
}

export class PoliteFetcher {
  private queue: Promise<unknown> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: PoliteFetchDeps,
    private readonly options: PoliteFetchOptions = DEFAULT_FETCH_OPTIONS,
  ) {}

  /** Queued behind every other request; resolves with what happened, never rejects. */
  get(url: string, accept: string, maxBytes = DEFAULT_MAX_BYTES): Promise<FetchOutcome> {
    return this.enqueue(url, accept, { maxBytes }, boundedText);
  }

  /** The same, for a binary body (an archive): every rule above holds, the size limit included. */
  getBytes(url: string, accept: string, limits: RequestLimits = {}): Promise<BytesOutcome> {
    return this.enqueue(url, accept, limits, boundedBytes);
  }

  private enqueue<Body>(
    url: string,
    accept: string,
    limits: RequestLimits,
    read: (response: Response, maxBytes: number) => Promise<Body | undefined>,
  ): Promise<Fetched<Body>> {
    const run = this.queue.then(() => this.attempt(url, accept, limits, read));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async attempt<Body>(
    url: string,
    accept: string,
    { maxBytes = DEFAULT_MAX_BYTES, timeoutMs = this.options.timeoutMs }: RequestLimits,
    read: (response: Response, maxBytes: number) => Promise<Body | undefined>,
  ): Promise<Fetched<Body>> {
    const source = new URL(url).hostname;
    const state = await this.deps.loadState(source).catch((): SourceState => ({ failures: 0 }));
    const now = this.deps.now();
    if (state.circuitOpenUntil && state.circuitOpenUntil > now) return { ok: false, reason: 'circuit-open', until: state.circuitOpenUntil };
    if (state.backoffUntil && state.backoffUntil > now) return { ok: false, reason: 'backoff', until: state.backoffUntil };

    const wait = this.lastStart + this.options.minIntervalMs - now;
    if (wait > 0) await this.deps.sleep(wait);
    this.lastStart = this.deps.now();

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let outcome: Fetched<Body>;
    try {
      const response = await this.deps.fetch(url, {
        headers: { accept },
        credentials: 'omit',
        cache: 'no-cache',
        redirect: 'follow',
        signal: controller.signal,
      });
      // Only the host asked answers: a redirect elsewhere is never believed (its body is not even read).
      const landed = response.url ? parseUrl(response.url) : undefined;
      if (response.url && (landed?.hostname !== source || landed.protocol !== 'https:')) {
        await response.body?.cancel().catch(() => undefined);
        outcome = { ok: false, reason: 'elsewhere' };
      } else if (response.ok) {
        const body = await read(response, maxBytes);
        outcome =
          body === undefined
            ? { ok: false, reason: 'too-large' }
            : { ok: true, status: response.status, contentType: response.headers.get('content-type') ?? '', body };
      } else {
        outcome = {
          ok: false,
          reason: 'http',
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.deps.now()),
        };
      }
    } catch {
      outcome = { ok: false, reason: controller.signal.aborted ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
    await this.deps.saveState(source, nextSourceState(state, outcome, this.deps.now(), this.options)).catch(() => undefined);
    return outcome;
  }
}
