/**
 * One year of polling, simulated: a thousand watched questions of the 17th legislature, their
 * answers and closures appearing at the Assemblée on JO Tuesdays (and a few on other days),
 * polled by the REAL schedule (`nextCheckAt`, `isPollable` from lib/polling/schedule.ts) with
 * the poller's batching (an alarm every 15 minutes, at most MAX_CHECKS_PER_RUN checks, most
 * overdue first), the check's order (record, then page), and the polite fetcher's source state
 * (2 s between requests, exponential backoff, circuit breaker, with its real `backoffDelay` and
 * DEFAULT_FETCH_OPTIONS). IndexedDB and the Poller class are left out (a year of them is too
 * slow): the per-question state lives in memory and follows what Poller.checkOne writes.
 *
 * Run alone: `SIMULATE_YEAR=1 npx vite-node bench/simulate-year.ts [frequency] [seed]`.
 */
import { addDays, type IsoDate } from '../lib/dates';
import { MAX_CHECKS_PER_RUN } from '../lib/background/poller';
import { isPollable, nextCheckAt, type ScheduleInput } from '../lib/polling/schedule';
import { parisInstant, parisMoment } from '../lib/paris-time';
import type { CheckFrequency } from '../lib/settings';
import { backoffDelay, DEFAULT_FETCH_OPTIONS } from '../lib/sources/polite-fetch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export interface SimulationOptions {
  /** Seeds the world (questions, fates), the extension's dice and the network's failures. */
  seed?: number;
  /** First day, in Paris. */
  start?: IsoDate;
  days?: number;
  questions?: number;
  frequency?: CheckFrequency;
  /** Share of questions answered some day (the answer may fall after the simulated year). */
  answeredShare?: number;
  /** Mean delay from publication to answer, in days (gamma-distributed, shape 2). */
  meanAnswerDays?: number;
  /** Share of questions closed without an answer (withdrawn, end of mandate…). */
  closedShare?: number;
  /** Share of answers that appear on another weekday than the JO Tuesday. */
  offCalendarShare?: number;
  /** Share of requests answered 503 (the Assemblée's cache under load). */
  failureRate?: number;
  /** Share of requests answered 200 with a body that does not read (an error page, truncated JSON). */
  garbageRate?: number;
  /** How long before the start questions may have been published, in days. */
  publishedBeforeDays?: number;
  alarmMinutes?: number;
  /** Time a request takes once sent. */
  fetchMs?: number;
}

export interface LatencyFigures {
  count: number;
  medianHours: number;
  p99Hours: number;
  maxHours: number;
}

export interface SimulationResult {
  options: Required<SimulationOptions>;
  /** Questions watched during the year while still open. */
  watched: number;
  /** Questions already answered or closed when the user watched them: never polled. */
  finalWhenWatched: number;
  answered: number;
  closed: number;
  pendingAtEnd: number;
  totalRequests: number;
  checks: number;
  failedChecks: number;
  /** Checks the source's backoff or circuit answered without a request. */
  blockedChecks: number;
  /** Requests to questions still pending at the Assemblée (before their change became visible). */
  requestsToPending: number;
  /** Question-weeks spent pending while watched (until the change became visible, or the year ended). */
  pendingQuestionWeeks: number;
  requestsPerPendingQuestionWeek: number;
  /** Successful checks of pending questions per pending question-week: the schedule alone, without retries. */
  readingsPerPendingQuestionWeek: number;
  /** Most requests to one question within one week (Monday to Monday, Paris), retries included. */
  maxRequestsPerQuestionWeek: number;
  /** Most successful checks of one question within one week (Monday to Monday, Paris). */
  maxReadingsPerQuestionWeek: number;
  /** Requests after the change became visible, up to and including the one that detected it. */
  requestsToDetect: number;
  /** Requests to answered or closed questions after their change was detected: must be 0. */
  requestsAfterDetection: number;
  /** Shortest time between two successful checks of the same question, in hours. */
  minHoursBetweenReadings: number;
  maxChecksPerAlarm: number;
  maxRequestsPerAlarm: number;
  /** Longest run of one alarm, from its start to its last request, in seconds. */
  maxAlarmSeconds: number;
  /** Answers and closures published on a JO Tuesday. */
  latency: LatencyFigures;
  /** Answers that appeared on another weekday. */
  offCalendarLatency: LatencyFigures;
  /** Changes visible before the end of the year but not detected by then. */
  undetected: number;
  /** Among those, the longest wait so far, in hours. */
  undetectedMaxHours: number;
}

export const DEFAULT_SIMULATION: Required<SimulationOptions> = {
  seed: 20260105,
  start: '2026-01-05',
  days: 365,
  questions: 1000,
  frequency: 'daily',
  answeredShare: 0.7,
  meanAnswerDays: 150,
  closedShare: 0.04,
  offCalendarShare: 0.03,
  failureRate: 0.02,
  garbageRate: 0.005,
  publishedBeforeDays: 273,
  alarmMinutes: 15,
  fetchMs: 300,
};

/** mulberry32: small, fast, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Fate = 'answered' | 'closed' | 'never';
type State = 'pending' | 'answered' | 'closed';

interface SimQuestion {
  index: number;
  publishedOn: IsoDate;
  watchedAt: number;
  fate: Fate;
  /** When the answer or closure can be read at the Assemblée (Infinity: not this year). */
  visibleAt: number;
  offCalendar: boolean;
  // What Poller.checkOne keeps in the WatchRecord:
  active: boolean;
  state: State;
  lastCheckedAt?: number;
  nextCheckAt?: number;
  failures: number;
  detectedAt?: number;
  /** The simulated week (from the start, a Monday) of the last request, and what it saw. */
  week: number;
  weekRequests: number;
  weekReadings: number;
}

interface SourceState {
  failures: number;
  backoffUntil?: number;
  circuitOpenUntil?: number;
}

type Attempt = { kind: 'blocked'; until: number } | { kind: 'ok' } | { kind: 'bad'; sourceFailed: boolean };

function latencyFigures(hours: number[]): LatencyFigures {
  if (!hours.length) return { count: 0, medianHours: 0, p99Hours: 0, maxHours: 0 };
  const sorted = [...hours].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { count: sorted.length, medianHours: round(rank(0.5)), p99Hours: round(rank(0.99)), maxHours: round(sorted[sorted.length - 1]!) };
}

function weekday(date: IsoDate): number {
  return parisMoment(parisInstant(date, 12)).weekday;
}

/** The first Tuesday on or after `date`. */
function tuesdayFrom(date: IsoDate): IsoDate {
  const offset = (2 - weekday(date) + 7) % 7;
  return addDays(date, offset);
}

/**
 * The schedule asks Intl for Paris wall-clock parts many times per call, and a year of checks
 * makes that nearly the whole cost. While `run` runs, formatToParts on Europe/Paris formatters
 * without seconds answers from a cache keyed by the UTC hour, with the minute filled in: Paris
 * is a whole number of hours from UTC and changes offset on the hour, so every instant of a UTC
 * hour has the same Paris date, weekday and hour. Same answers as Intl's (checked in the test).
 */
export function withCachedParisParts<T>(run: () => T): T {
  const proto = Intl.DateTimeFormat.prototype;
  const original = proto.formatToParts;
  const eligible = new WeakMap<Intl.DateTimeFormat, false | { minute?: string }>();
  const caches = new WeakMap<Intl.DateTimeFormat, Map<number, Intl.DateTimeFormatPart[]>>();
  const fits = (format: Intl.DateTimeFormat) => {
    let fit = eligible.get(format);
    if (fit === undefined) {
      const o = format.resolvedOptions();
      const ok = o.timeZone === 'Europe/Paris' && o.second === undefined && o.fractionalSecondDigits === undefined
        && (o.minute === undefined || o.minute === '2-digit');
      fit = ok ? { minute: o.minute } : false;
      eligible.set(format, fit);
    }
    return fit;
  };
  proto.formatToParts = function cached(this: Intl.DateTimeFormat, date?: Date | number) {
    const options = date === undefined ? undefined : fits(this);
    if (!options) return original.call(this, date);
    const ms = typeof date === 'number' ? date : date!.getTime();
    if (!Number.isFinite(ms)) return original.call(this, date);
    const hour = Math.floor(ms / HOUR);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let parts = cache.get(hour);
    if (!parts) {
      parts = original.call(this, hour * HOUR);
      if (cache.size > 500_000) cache.clear();
      cache.set(hour, parts);
    }
    if (!options.minute) return parts.map((p) => ({ ...p }));
    const minute = String(Math.floor((ms - hour * HOUR) / MINUTE)).padStart(2, '0');
    return parts.map((p) => (p.type === 'minute' ? { type: p.type, value: minute } : { ...p }));
  };
  try {
    return run();
  } finally {
    proto.formatToParts = original;
  }
}

export function simulateYear(options: SimulationOptions = {}): SimulationResult {
  const o: Required<SimulationOptions> = { ...DEFAULT_SIMULATION, ...options };
  return withCachedParisParts(() => simulate(o));
}

function simulate(o: Required<SimulationOptions>): SimulationResult {
  const world = seededRandom(o.seed);
  const dice = seededRandom(o.seed ^ 0x5eed_d1ce);
  const network = seededRandom(o.seed ^ 0x7e57_0be7);
  const start = parisInstant(o.start, 0);
  const end = parisInstant(addDays(o.start, o.days), 0);

  // The JO Tuesdays over which questions are published.
  const tuesdays: IsoDate[] = [];
  for (let d = tuesdayFrom(addDays(o.start, -o.publishedBeforeDays)); parisInstant(d, 0) < end; d = addDays(d, 7)) tuesdays.push(d);

  const questions: SimQuestion[] = [];
  for (let index = 0; index < o.questions; index++) {
    const publishedOn = tuesdays[Math.floor(world() * tuesdays.length)]!;
    const published = parisInstant(publishedOn, 9);
    // Watched while reading it, within a week of its publication; or already watched at the start.
    const watchedAt = published < start ? start + Math.floor(world() * HOUR) : published + Math.floor(world() * WEEK);
    const u = world();
    const fate: Fate = u < o.answeredShare ? 'answered' : u < o.answeredShare + o.closedShare ? 'closed' : 'never';
    let visibleAt = Number.POSITIVE_INFINITY;
    let offCalendar = false;
    if (fate !== 'never') {
      const delayDays = fate === 'answered'
        ? -(o.meanAnswerDays / 2) * (Math.log(1 - world()) + Math.log(1 - world()))
        : 20 + world() * 380;
      const jo = tuesdayFrom(addDays(publishedOn, Math.max(7, Math.round(delayDays))));
      offCalendar = fate === 'answered' && world() < o.offCalendarShare;
      if (offCalendar) {
        // Monday, Wednesday, Thursday or Friday of that week, in office hours.
        const day = addDays(jo, [-1, 1, 2, 3][Math.floor(world() * 4)]!);
        visibleAt = parisInstant(day, 8) + Math.floor(world() * 10 * HOUR);
      } else {
        visibleAt = parisInstant(jo, 6) + Math.floor(world() * 6 * HOUR);
      }
    }
    questions.push({ index, publishedOn, watchedAt, fate, visibleAt, offCalendar, active: false, state: 'pending', failures: 0, week: -1, weekRequests: 0, weekReadings: 0 });
  }

  const scheduleInput = (q: SimQuestion, failures = q.failures): ScheduleInput => ({
    state: q.state, legislature: 17, lastCheckedAt: q.lastCheckedAt, failures, snapshotOnly: false,
  });
  const truth = (q: SimQuestion, at: number): State => (at >= q.visibleAt ? (q.fate === 'closed' ? 'closed' : 'answered') : 'pending');

  // The polite fetcher: one host, paced, with its backoff and circuit breaker.
  const source: SourceState = { failures: 0 };
  let lastStart = Number.NEGATIVE_INFINITY;
  let clock = start;

  const r = {
    totalRequests: 0, checks: 0, failedChecks: 0, blockedChecks: 0, requestsToPending: 0, requestsToDetect: 0, readingsWhilePending: 0,
    maxRequestsPerQuestionWeek: 0, maxReadingsPerQuestionWeek: 0,
    requestsAfterDetection: 0, minGap: Number.POSITIVE_INFINITY, maxChecksPerAlarm: 0, maxRequestsPerAlarm: 0, maxAlarmMs: 0,
  };
  const latencies: number[] = [];
  const offCalendarLatencies: number[] = [];

  function attempt(q: SimQuestion): Attempt {
    if (source.circuitOpenUntil && source.circuitOpenUntil > clock) return { kind: 'blocked', until: source.circuitOpenUntil };
    if (source.backoffUntil && source.backoffUntil > clock) return { kind: 'blocked', until: source.backoffUntil };
    clock = Math.max(clock, lastStart + DEFAULT_FETCH_OPTIONS.minIntervalMs);
    lastStart = clock;
    r.totalRequests++;
    if (q.state !== 'pending') r.requestsAfterDetection++;
    else if (clock < q.visibleAt) r.requestsToPending++;
    else r.requestsToDetect++;
    const week = Math.floor((clock - start) / WEEK);
    if (week !== q.week) {
      q.week = week;
      q.weekRequests = 0;
      q.weekReadings = 0;
    }
    q.weekRequests++;
    r.maxRequestsPerQuestionWeek = Math.max(r.maxRequestsPerQuestionWeek, q.weekRequests);
    clock += o.fetchMs;
    const draw = network();
    if (draw < o.failureRate) {
      source.failures++;
      source.backoffUntil = clock + backoffDelay(source.failures, DEFAULT_FETCH_OPTIONS);
      if (source.failures >= DEFAULT_FETCH_OPTIONS.circuitThreshold) source.circuitOpenUntil = clock + DEFAULT_FETCH_OPTIONS.circuitOpenMs;
      return { kind: 'bad', sourceFailed: true };
    }
    source.failures = 0;
    delete source.backoffUntil;
    delete source.circuitOpenUntil;
    return draw < o.failureRate + o.garbageRate ? { kind: 'bad', sourceFailed: false } : { kind: 'ok' };
  }

  /**
   * Poller.checkOne over checkQuestion: record, then page. A wait asked by the source before any
   * request of this check returns 'blocked' and stops the run; after a failed reading, it is the
   * question's failure.
   */
  function checkOne(q: SimQuestion): 'blocked' | undefined {
    r.checks++;
    let result: Attempt = attempt(q);
    const first = result;
    if (result.kind === 'bad') result = attempt(q);
    const now = clock;
    if (result.kind === 'blocked' && first.kind === 'blocked') {
      r.failedChecks++;
      r.blockedChecks++;
      q.nextCheckAt = result.until + Math.floor(dice() * 10 * MINUTE);
      return 'blocked';
    }
    if (result.kind !== 'ok') {
      r.failedChecks++;
      q.failures++;
      q.nextCheckAt = nextCheckAt(scheduleInput(q), now, o.frequency, dice);
      return undefined;
    }
    if (now < q.visibleAt) r.readingsWhilePending++;
    q.weekReadings++;
    r.maxReadingsPerQuestionWeek = Math.max(r.maxReadingsPerQuestionWeek, q.weekReadings);
    if (q.lastCheckedAt !== undefined) r.minGap = Math.min(r.minGap, now - q.lastCheckedAt);
    const state = truth(q, now);
    if (state !== q.state) {
      q.detectedAt = now;
      (q.offCalendar ? offCalendarLatencies : latencies).push((now - q.visibleAt) / HOUR);
    }
    const recovered = q.failures > 0;
    q.state = state;
    q.lastCheckedAt = now;
    q.failures = 0;
    q.nextCheckAt = nextCheckAt({ ...scheduleInput(q), recovered }, now, o.frequency, dice);
    return undefined;
  }

  // Watch order: the handler schedules each question when it is watched.
  const byWatch = [...questions].sort((a, b) => a.watchedAt - b.watchedAt);
  let nextToWatch = 0;
  let finalWhenWatched = 0;
  const active: SimQuestion[] = [];

  for (let alarm = start + MINUTE; alarm < end; alarm += o.alarmMinutes * MINUTE) {
    while (nextToWatch < byWatch.length && byWatch[nextToWatch]!.watchedAt <= alarm) {
      const q = byWatch[nextToWatch++]!;
      q.active = true;
      // The page the user watched it from already showed the answer: never polled.
      if (truth(q, q.watchedAt) !== 'pending') {
        q.state = truth(q, q.watchedAt);
        finalWhenWatched++;
        continue;
      }
      q.nextCheckAt = nextCheckAt(scheduleInput(q), q.watchedAt, o.frequency, dice);
      active.push(q);
    }
    clock = Math.max(clock, alarm);
    const now = clock;
    const due = active.filter((q) => isPollable(scheduleInput(q)) && q.nextCheckAt !== undefined && q.nextCheckAt <= now);
    if (!due.length) continue;
    due.sort((a, b) => a.nextCheckAt! - b.nextCheckAt!);
    const batch = due.slice(0, MAX_CHECKS_PER_RUN);
    const requestsBefore = r.totalRequests;
    for (const q of batch) if (checkOne(q) === 'blocked') break;
    r.maxChecksPerAlarm = Math.max(r.maxChecksPerAlarm, batch.length);
    r.maxRequestsPerAlarm = Math.max(r.maxRequestsPerAlarm, r.totalRequests - requestsBefore);
    r.maxAlarmMs = Math.max(r.maxAlarmMs, clock - now);
    // Final questions leave the working set (the poller skips them: isPollable is false).
    for (let i = active.length - 1; i >= 0; i--) if (!isPollable(scheduleInput(active[i]!))) active.splice(i, 1);
  }

  let pendingWeeks = 0;
  let undetected = 0;
  let undetectedMax = 0;
  for (const q of questions) {
    if (!q.active || q.watchedAt >= end) continue;
    if (q.fate !== 'never' && q.visibleAt <= q.watchedAt) continue;
    pendingWeeks += (Math.min(q.visibleAt, end) - q.watchedAt) / WEEK;
    if (q.detectedAt === undefined && q.visibleAt < end) {
      undetected++;
      undetectedMax = Math.max(undetectedMax, (end - q.visibleAt) / HOUR);
    }
  }
  const watched = questions.filter((q) => q.active).length - finalWhenWatched;
  const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    options: o,
    watched,
    finalWhenWatched,
    answered: questions.filter((q) => q.state === 'answered' && q.detectedAt !== undefined).length,
    closed: questions.filter((q) => q.state === 'closed' && q.detectedAt !== undefined).length,
    pendingAtEnd: questions.filter((q) => q.active && q.state === 'pending').length,
    totalRequests: r.totalRequests,
    checks: r.checks,
    failedChecks: r.failedChecks,
    blockedChecks: r.blockedChecks,
    requestsToPending: r.requestsToPending,
    pendingQuestionWeeks: round(pendingWeeks, 1),
    requestsPerPendingQuestionWeek: round(r.requestsToPending / pendingWeeks),
    readingsPerPendingQuestionWeek: round(r.readingsWhilePending / pendingWeeks),
    maxRequestsPerQuestionWeek: r.maxRequestsPerQuestionWeek,
    maxReadingsPerQuestionWeek: r.maxReadingsPerQuestionWeek,
    requestsToDetect: r.requestsToDetect,
    requestsAfterDetection: r.requestsAfterDetection,
    minHoursBetweenReadings: round(r.minGap / HOUR, 2),
    maxChecksPerAlarm: r.maxChecksPerAlarm,
    maxRequestsPerAlarm: r.maxRequestsPerAlarm,
    maxAlarmSeconds: round(r.maxAlarmMs / 1000, 1),
    latency: latencyFigures(latencies),
    offCalendarLatency: latencyFigures(offCalendarLatencies),
    undetected,
    undetectedMaxHours: round(undetectedMax, 1),
  };
}

/** `SIMULATE_YEAR=1 npx vite-node bench/simulate-year.ts [frequency] [seed]`: prints the figures. */
if (typeof process !== 'undefined' && process.env.SIMULATE_YEAR && !process.env.VITEST) {
  const frequencies = (process.argv[2] ? [process.argv[2]] : ['weekly', 'daily', 'every-day']) as CheckFrequency[];
  const seed = process.argv[3] ? Number(process.argv[3]) : DEFAULT_SIMULATION.seed;
  for (const frequency of frequencies) {
    const t0 = performance.now();
    const { options: _options, ...figures } = simulateYear({ frequency, seed });
    console.log(frequency, `(${Math.round(performance.now() - t0)} ms)`, JSON.stringify(figures, null, 2));
  }
}
