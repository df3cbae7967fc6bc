/**
 * One year of polling, simulated: a thousand watched questions of the 17th legislature, their
 * answers and closures appearing at the Assemblée on JO Tuesdays (and a few on other days).
 * Everything the extension does is the product's own code: the polling core (lib/polling/core.ts:
 * which watches are due, what a check does to a record, the run loop and its cap), the schedule,
 * the check (lib/polling/check.ts: record, then page, through the same parsers) and the polite
 * fetcher with its pacing, backoff and circuit breaker. The simulation keeps only its model of the
 * world: when answers appear, what the Assemblée serves (harness/an-question.ts), which requests
 * fail, and a clock that requests, waits and alarms move forward.
 *
 * Run alone: `SIMULATE_YEAR=1 npx vite-node bench/simulate-year.ts [frequency] [seed]`.
 */
import { anQuestionPage, anQuestionRecord } from '../harness/an-question';
import { seededRandom } from '../harness/random';
import { addDays, type IsoDate } from '../lib/dates';
import { questionId, type Question } from '../lib/model';
import { parisInstant, parisMoment } from '../lib/paris-time';
import { type WatchRecord } from '../lib/records';
import { type CheckFrequency } from '../lib/settings';
import { questionStatus } from '../lib/status';
import { checkQuestion } from '../lib/polling/check';
import {
  type AppliedCheck,
  applyCheck,
  applyFailure,
  MAX_CHECKS_PER_RUN,
  rescheduled,
  runChecks,
  selectDue,
  type ScheduleContext,
} from '../lib/polling/core';
import { PoliteFetcher, type SourceState } from '../lib/sources/polite-fetch';
import { anDynUrl, idFromAnUid } from '../lib/urls';

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

type Fate = 'answered' | 'closed' | 'never';

/** A question of the simulated world, and what the simulation measures about it. */
interface SimQuestion {
  index: number;
  id: string;
  publishedOn: IsoDate;
  watchedAt: number;
  fate: Fate;
  /** When the answer or closure can be read at the Assemblée (Infinity: not this year). */
  visibleAt: number;
  offCalendar: boolean;
  watched: boolean;
  detectedAt?: number;
  /** The simulated week (from the start, a Monday) of the last request, and what it saw. */
  week: number;
  weekRequests: number;
  weekReadings: number;
}

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

/** What the Assemblée serves, in the few fields the product reads from a response. */
interface SimResponse {
  ok: boolean;
  status: number;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

const NO_HEADERS = { get: () => null };

export async function simulateYear(options: SimulationOptions = {}): Promise<SimulationResult> {
  const o: Required<SimulationOptions> = { ...DEFAULT_SIMULATION, ...options };
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
      const delayDays =
        fate === 'answered' ? -(o.meanAnswerDays / 2) * (Math.log(1 - world()) + Math.log(1 - world())) : 20 + world() * 380;
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
    const id = questionId(17, 'QE', 1000 + index);
    questions.push({
      index,
      id,
      publishedOn,
      watchedAt,
      fate,
      visibleAt,
      offCalendar,
      watched: false,
      week: -1,
      weekRequests: 0,
      weekReadings: 0,
    });
  }
  const byId = new Map(questions.map((q) => [q.id, q]));

  const r = {
    totalRequests: 0,
    checks: 0,
    failedChecks: 0,
    blockedChecks: 0,
    requestsToPending: 0,
    requestsToDetect: 0,
    readingsWhilePending: 0,
    maxRequestsPerQuestionWeek: 0,
    maxReadingsPerQuestionWeek: 0,
    requestsAfterDetection: 0,
    minGap: Number.POSITIVE_INFINITY,
    maxChecksPerAlarm: 0,
    maxRequestsPerAlarm: 0,
    maxAlarmMs: 0,
  };
  const latencies: number[] = [];
  const offCalendarLatencies: number[] = [];
  let clock = start;

  /** The question as the Assemblée shows it at `at`, record or page; built once per state, as a cache would serve it. */
  const bodies = new Map<string, string>();
  const served = (q: SimQuestion, at: number, record: boolean) => {
    const visible = at >= q.visibleAt;
    const key = `${q.id}:${visible}:${record}`;
    let body = bodies.get(key);
    if (body === undefined) {
      const on = parisMoment(q.visibleAt).date;
      const state = {
        number: 1000 + q.index,
        publishedOn: q.publishedOn,
        ...(!visible
          ? {}
          : q.fate === 'closed'
            ? { closure: { on, label: "Retrait à l'initiative de l'auteur" } }
            : { answer: { on, text: 'La ministre répond.' } }),
      };
      body = record ? JSON.stringify(anQuestionRecord(state)) : anQuestionPage(state);
      bodies.set(key, body);
    }
    return body;
  };

  /** The Assemblée over the network: 503s and garbage at the configured rates, then the question's record or page. */
  async function fetchFromWorld(input: string | URL | Request): Promise<SimResponse> {
    const url = String(input);
    const q = byId.get(idFromAnUid(/QANR5L\d+QE\d+/.exec(url)?.[0] ?? '') ?? '');
    if (!q) throw new Error(`The simulated Assemblée has no ${url}`);
    r.totalRequests++;
    if (q.detectedAt !== undefined) r.requestsAfterDetection++;
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
    const at = clock;
    clock += o.fetchMs;
    const draw = network();
    const reply = (status: number, body: string): SimResponse => ({
      ok: status < 400,
      status,
      url,
      headers: NO_HEADERS,
      text: async () => body,
    });
    if (draw < o.failureRate) return reply(503, 'Backend fetch failed');
    if (draw < o.failureRate + o.garbageRate) return reply(200, '<html><body>Erreur</body></html>');
    return reply(200, served(q, at, url.endsWith('.json')));
  }

  const sources = new Map<string, SourceState>();
  const fetcher = new PoliteFetcher({
    fetch: fetchFromWorld as unknown as typeof fetch,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    loadState: async (source) => sources.get(source) ?? { failures: 0 },
    saveState: async (source, state) => {
      sources.set(source, state);
    },
  });
  const context = (): ScheduleContext => ({ now: clock, frequency: o.frequency, random: dice });

  /** The watch list, as the store would hold it. */
  const records = new Map<string, WatchRecord>();

  /** Keeps what a check did to the watch, as the store would, and measures it. */
  async function commit(record: WatchRecord, apply: (current: WatchRecord) => AppliedCheck) {
    const q = byId.get(record.id)!;
    const current = records.get(record.id)!;
    const applied = apply(current);
    records.set(record.id, applied.record);
    r.checks++;
    if (applied.outcome === 'blocked') r.blockedChecks++;
    if (applied.outcome === 'blocked' || applied.outcome === 'failed') {
      r.failedChecks++;
      return applied;
    }
    const now = applied.record.lastCheckedAt!;
    if (now < q.visibleAt) r.readingsWhilePending++;
    q.weekReadings++;
    r.maxReadingsPerQuestionWeek = Math.max(r.maxReadingsPerQuestionWeek, q.weekReadings);
    if (current.lastCheckedAt !== undefined) r.minGap = Math.min(r.minGap, now - current.lastCheckedAt);
    if (applied.change && applied.change.kind !== 'signaled') {
      q.detectedAt = now;
      (q.offCalendar ? offCalendarLatencies : latencies).push((now - q.visibleAt) / HOUR);
    }
    return applied;
  }

  const byWatch = [...questions].sort((a, b) => a.watchedAt - b.watchedAt);
  let nextToWatch = 0;
  let finalWhenWatched = 0;

  for (let alarm = start + MINUTE; alarm < end; alarm += o.alarmMinutes * MINUTE) {
    while (nextToWatch < byWatch.length && byWatch[nextToWatch]!.watchedAt <= alarm) {
      const q = byWatch[nextToWatch++]!;
      q.watched = true;
      // The page the user watched it from already showed the answer: never polled.
      if (q.watchedAt >= q.visibleAt) {
        finalWhenWatched++;
        continue;
      }
      const question: Question = {
        id: q.id,
        chamber: 'AN',
        legislature: 17,
        type: 'QE',
        number: 1000 + q.index,
        author: { name: 'Mme Claire Exemple', anId: 'PA999903' },
        publishedOn: q.publishedOn,
        urls: { an: anDynUrl(q.id) },
      };
      const state = questionStatus(question, parisMoment(q.watchedAt).date).state;
      const watch: WatchRecord = { id: q.id, question, watchedAt: q.watchedAt, state, failures: 0, seen: true };
      records.set(q.id, rescheduled(watch, { now: q.watchedAt, frequency: o.frequency, random: dice }));
    }
    clock = Math.max(clock, alarm);
    const now = clock;
    const selection = selectDue([...records.values()], now);
    if (!selection.due.length) continue;
    const batch = selection.due.slice(0, MAX_CHECKS_PER_RUN);
    const requestsBefore = r.totalRequests;
    await runChecks(batch, selection.due.length, {
      check: (record) => checkQuestion(fetcher, record.id, record.question),
      commit: (record, result) => commit(record, (current) => applyCheck(current, result, context())),
      fail: (record, reason) => commit(record, (current) => applyFailure(current, reason, context())),
    });
    r.maxChecksPerAlarm = Math.max(r.maxChecksPerAlarm, batch.length);
    r.maxRequestsPerAlarm = Math.max(r.maxRequestsPerAlarm, r.totalRequests - requestsBefore);
    r.maxAlarmMs = Math.max(r.maxAlarmMs, clock - now);
    // Answered and closed questions leave the working set: the core never selects them again.
    for (const { id } of batch) {
      const state = records.get(id)!.state;
      if (state === 'answered' || state === 'closed') records.delete(id);
    }
  }

  let pendingWeeks = 0;
  let undetected = 0;
  let undetectedMax = 0;
  for (const q of questions) {
    if (!q.watched || q.watchedAt >= end) continue;
    if (q.fate !== 'never' && q.visibleAt <= q.watchedAt) continue;
    pendingWeeks += (Math.min(q.visibleAt, end) - q.watchedAt) / WEEK;
    if (q.detectedAt === undefined && q.visibleAt < end) {
      undetected++;
      undetectedMax = Math.max(undetectedMax, (end - q.visibleAt) / HOUR);
    }
  }
  const detected = questions.filter((q) => q.detectedAt !== undefined);
  const watched = questions.filter((q) => q.watched).length - finalWhenWatched;
  const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    options: o,
    watched,
    finalWhenWatched,
    answered: detected.filter((q) => q.fate === 'answered').length,
    closed: detected.filter((q) => q.fate === 'closed').length,
    pendingAtEnd: [...records.values()].length,
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
    const { options: _options, ...figures } = await simulateYear({ frequency, seed });
    console.log(frequency, `(${Math.round(performance.now() - t0)} ms)`, JSON.stringify(figures, null, 2));
  }
}
