/**
 * One year of polling, simulated: a thousand watched questions of the 17th legislature, their
 * answers and closures appearing at the Assemblée on JO Tuesdays (and a few on other days), and
 * the Journal officiel's weekly archive of each issue at the DILA, uploaded up to two days later.
 * Everything the extension does is the product's own code, called as the background's Poller
 * calls it at each alarm: the Journal officiel index (lib/polling/index-run.ts: when to list the
 * folders, which issues to download, the reader, `applyIndexIssue`), then the polling core
 * (lib/polling/core.ts: which watches are due — in discreet mode, at most one read a month while
 * the index is healthy —, what a check does to a record, the run loop and its cap), the schedule,
 * the check (lib/polling/check.ts: record, then page, through the same parsers) and the polite
 * fetcher with its pacing, backoff and circuit breaker. The simulation keeps only its model of the
 * world: when answers appear, what the Assemblée serves (harness/an-question.ts), which issues the
 * DILA publishes and when (harness/jo-archives.ts), which requests fail, and a clock that
 * requests, waits and alarms move forward. Its store is a Map where the background's is IndexedDB.
 *
 * Run alone: `SIMULATE_YEAR=1 npx vite-node bench/simulate-year.ts [frequency] [seed] [questions] [discreet]`.
 */
import { anQuestionPage, anQuestionRecord } from '../harness/an-question';
import { folderListing, issueArchive, redifAnswer, redifFile } from '../harness/jo-archives';
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
import { applyIndexIssue, idsAnswered } from '../lib/polling/index-apply';
import { runIndex, type IndexStore } from '../lib/polling/index-run';
import { directReadGap, indexWanted, type IndexState, type IssueRecord } from '../lib/polling/index-schedule';
import { DILA_HOST } from '../lib/sources/jo';
import { PoliteFetcher, type SourceState } from '../lib/sources/polite-fetch';
import { anDynUrl, idFromAnUid } from '../lib/urls';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export interface SimulationOptions {
  /** Seeds the world (questions, fates, issues), the extension's dice and the network's failures. */
  seed?: number;
  /** First day, in Paris. */
  start?: IsoDate;
  days?: number;
  questions?: number;
  frequency?: CheckFrequency;
  /** « Mode discret » (the product's default): see lib/polling/index-schedule.ts. */
  discreet?: boolean;
  /** Share of questions answered some day (the answer may fall after the simulated year). */
  answeredShare?: number;
  /** Mean delay from publication to answer, in days (gamma-distributed, shape 2). */
  meanAnswerDays?: number;
  /** Share of questions closed without an answer (withdrawn, end of mandate…). */
  closedShare?: number;
  /** Share of answers that appear on another weekday than the JO Tuesday. */
  offCalendarShare?: number;
  /** The longest the DILA takes to upload an issue's archive after its JO, in hours; drawn uniformly from 0. */
  archiveDelayHours?: number;
  /** Share of requests answered 503 (the Assemblée's cache under load; the DILA alike). */
  failureRate?: number;
  /** Share of requests answered 200 with a body that does not read (an error page, truncated JSON, a cut archive). */
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
  /** Requests to the Assemblée: each names a watched question. */
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
  /** Answers and closures published on a JO Tuesday, from when the Assemblée shows them. */
  latency: LatencyFigures;
  /** Answers that appeared on another weekday. */
  offCalendarLatency: LatencyFigures;
  /** Closures (not in the JO), from when the Assemblée shows them. */
  closureLatency: LatencyFigures;
  /** Every answer, from when the archive of the issue that prints it appears at the DILA (0 when read at the Assemblée before). */
  latencyAfterArchive: LatencyFigures;
  /** Answers the index found first. */
  detectedByIndex: number;
  /** Changes visible before the end of the year but not detected by then. */
  undetected: number;
  /** Among those, the longest wait so far, in hours. */
  undetectedMaxHours: number;
  /** Requests to the DILA: folder listings and archive downloads, the same for every user. */
  indexRequests: number;
  archiveDownloads: number;
  issuesApplied: number;
  indexRequestsPerWeek: number;
  /** Most requests to the DILA within one week (Monday to Monday, Paris). */
  maxIndexRequestsInAWeek: number;
  /** Every request, to the Assemblée and the DILA, per week. */
  requestsPerWeek: number;
  /** Requests that name a watched question to the Assemblée, per watched open question, per four weeks. */
  revealingPerQuestionPer4Weeks: number;
  /** Most such requests about one question within one four-week block from the start, retries included. */
  maxRevealingPerQuestionIn4Weeks: number;
  /** Most successful reads of one question at the Assemblée within one four-week block. */
  maxReadingsPerQuestionIn4Weeks: number;
}

export const DEFAULT_SIMULATION: Required<SimulationOptions> = {
  seed: 20260105,
  start: '2026-01-05',
  days: 365,
  questions: 1000,
  frequency: 'daily',
  discreet: true,
  answeredShare: 0.7,
  meanAnswerDays: 150,
  closedShare: 0.04,
  offCalendarShare: 0.03,
  archiveDelayHours: 48,
  failureRate: 0.02,
  garbageRate: 0.005,
  publishedBeforeDays: 273,
  alarmMinutes: 15,
  fetchMs: 300,
};

type Fate = 'answered' | 'closed' | 'never';

/** An issue of the Journal officiel « Questions » for the Assemblée, and its archive at the DILA. */
interface SimIssue {
  tuesday: IsoDate;
  name: string;
  /** When the DILA's folder lists it. */
  archiveAt: number;
  answers: SimQuestion[];
}

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
  /** The issue that prints the answer. */
  issue?: SimIssue;
  watched: boolean;
  detectedAt?: number;
  /** The simulated week (from the start, a Monday) of the last request, and what it saw. */
  week: number;
  weekRequests: number;
  weekReadings: number;
  /** The same over four-week blocks, for what the Assemblée learns of the watch. */
  block: number;
  blockRequests: number;
  blockReadings: number;
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

/**
 * Tuesdays without an issue, an assumption of this model: the week of Christmas, and one week
 * in mid-August. Answers due in those weeks come out in the next issue.
 */
function hasIssue(tuesday: IsoDate): boolean {
  const day = tuesday.slice(5);
  return !(day >= '12-22' && day <= '12-28') && !(day >= '08-12' && day <= '08-18');
}

/** Unwatched questions answered in each issue besides the simulated ones, for a file of a realistic shape. */
const OTHER_ANSWERS_PER_ISSUE = 40;

/** What a server sends, in the few fields the product reads from a response. */
interface SimResponse {
  ok: boolean;
  status: number;
  url: string;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

const NO_HEADERS = { get: () => null };
const encoder = new TextEncoder();

export async function simulateYear(options: SimulationOptions = {}): Promise<SimulationResult> {
  const o: Required<SimulationOptions> = { ...DEFAULT_SIMULATION, ...options };
  const world = seededRandom(o.seed);
  const dice = seededRandom(o.seed ^ 0x5eed_d1ce);
  const network = seededRandom(o.seed ^ 0x7e57_0be7);
  const uploads = seededRandom(o.seed ^ 0x0d11_a000);
  const start = parisInstant(o.start, 0);
  const end = parisInstant(addDays(o.start, o.days), 0);

  // The JO Tuesdays over which questions are published, and the issues of the « Questions » JO.
  const tuesdays: IsoDate[] = [];
  for (let d = tuesdayFrom(addDays(o.start, -o.publishedBeforeDays)); parisInstant(d, 0) < end; d = addDays(d, 7)) tuesdays.push(d);
  const issues: SimIssue[] = [];
  const numbers = new Map<string, number>();
  for (let d = tuesdays[0]!; parisInstant(d, 0) < end + 3 * WEEK; d = addDays(d, 7)) {
    if (!hasIssue(d)) continue;
    const year = d.slice(0, 4);
    const number = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, number);
    const archiveAt = parisInstant(d, 7) + Math.floor(uploads() * o.archiveDelayHours * HOUR);
    issues.push({ tuesday: d, name: `ANQ${year}${String(number).padStart(4, '0')}.taz`, archiveAt, answers: [] });
  }
  /** The first issue on or after `date`. */
  const issueFrom = (date: IsoDate) => issues.find((issue) => issue.tuesday >= date);

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
    let issue: SimIssue | undefined;
    if (fate !== 'never') {
      const delayDays =
        fate === 'answered' ? -(o.meanAnswerDays / 2) * (Math.log(1 - world()) + Math.log(1 - world())) : 20 + world() * 380;
      const jo = tuesdayFrom(addDays(publishedOn, Math.max(7, Math.round(delayDays))));
      offCalendar = fate === 'answered' && world() < o.offCalendarShare;
      if (offCalendar) {
        // Monday, Wednesday, Thursday or Friday of that week, in office hours; the JO prints it in its next issue.
        const day = addDays(jo, [-1, 1, 2, 3][Math.floor(world() * 4)]!);
        visibleAt = parisInstant(day, 8) + Math.floor(world() * 10 * HOUR);
        issue = issueFrom(day);
      } else {
        // A week without an issue publishes no answer: they come out in the next one.
        const published = fate === 'answered' ? issueFrom(jo) : undefined;
        visibleAt = parisInstant(published?.tuesday ?? jo, 6) + Math.floor(world() * 6 * HOUR);
        issue = published;
      }
    }
    const id = questionId(17, 'QE', 1000 + index);
    const q: SimQuestion = {
      index,
      id,
      publishedOn,
      watchedAt,
      fate,
      visibleAt,
      offCalendar,
      issue,
      watched: false,
      week: -1,
      weekRequests: 0,
      weekReadings: 0,
      block: -1,
      blockRequests: 0,
      blockReadings: 0,
    };
    issue?.answers.push(q);
    questions.push(q);
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
    maxRequestsPerQuestionBlock: 0,
    maxReadingsPerQuestionBlock: 0,
    requestsAfterDetection: 0,
    minGap: Number.POSITIVE_INFINITY,
    maxChecksPerAlarm: 0,
    maxRequestsPerAlarm: 0,
    maxAlarmMs: 0,
    indexRequests: 0,
    archiveDownloads: 0,
    detectedByIndex: 0,
  };
  const indexRequestsByWeek = new Map<number, number>();
  const latencies: number[] = [];
  const offCalendarLatencies: number[] = [];
  const closureLatencies: number[] = [];
  const afterArchive: number[] = [];
  let clock = start;
  const weekOf = (at: number) => Math.floor((at - start) / WEEK);
  const blockOf = (at: number) => Math.floor((at - start) / (4 * WEEK));

  /** The question as the Assemblée shows it at `at`, record or page; built once per state, as a cache would serve it. */
  const bodies = new Map<string, Uint8Array>();
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
      body = encoder.encode(record ? JSON.stringify(anQuestionRecord(state)) : anQuestionPage(state));
      bodies.set(key, body);
    }
    return body;
  };

  /** An issue's archive, as the DILA serves it: built once. */
  const archives = new Map<string, Uint8Array>();
  const archiveOf = (issue: SimIssue) => {
    let bytes = archives.get(issue.name);
    if (!bytes) {
      const answer = (number: number) =>
        redifAnswer({
          questions: [
            {
              number,
              legislature: 17,
              author: 'Mme Claire Exemple',
              ministry: 'Intérieur',
              subject: "Délais de délivrance des titres d'identité",
            },
          ],
          date: issue.tuesday,
          page: 100,
          text: 'La ministre répond.',
        });
      const others = Array.from({ length: OTHER_ANSWERS_PER_ISSUE }, (_, k) => answer(900_000 + k));
      bytes = issueArchive(issue.name, redifFile({ qe: [], rep: [...issue.answers.map((q) => answer(1000 + q.index)), ...others] }));
      archives.set(issue.name, bytes);
    }
    return bytes;
  };

  /** The DILA's folders as they stand at `at`: this year's issues in `Annee_en_cours`, past years' in their own. */
  const FOLDER = /^\/OPENDATA\/Questions-Reponses\/AN\/(Annee_en_cours|\d{4})\/(.*)$/;
  function fromDila(path: string, at: number): { status: number; body: string | Uint8Array } {
    const folder = FOLDER.exec(path);
    if (!folder) return { status: 404, body: 'Not Found' };
    const year = folder[1] === 'Annee_en_cours' ? parisMoment(at).date.slice(0, 4) : folder[1]!;
    if (folder[1] !== 'Annee_en_cours' && year >= parisMoment(at).date.slice(0, 4)) return { status: 404, body: 'Not Found' };
    const listed = issues.filter((issue) => issue.tuesday.startsWith(year) && issue.archiveAt <= at);
    if (!folder[2])
      return {
        status: 200,
        body: folderListing(
          path,
          listed.map((issue) => issue.name),
        ),
      };
    const issue = listed.find((candidate) => candidate.name === folder[2]);
    if (!issue) return { status: 404, body: 'Not Found' };
    r.archiveDownloads++;
    return { status: 200, body: archiveOf(issue) };
  }

  /** The Assemblée and the DILA over the network: 503s and garbage at the configured rates, then what they serve. */
  async function fetchFromWorld(input: string | URL | Request): Promise<SimResponse> {
    const url = new URL(String(input));
    const at = clock;
    clock += o.fetchMs;
    const draw = network();
    const reply = (status: number, body: string | Uint8Array): SimResponse => ({
      ok: status < 400,
      status,
      url: url.href,
      headers: NO_HEADERS,
      arrayBuffer: async () => {
        const bytes = typeof body === 'string' ? encoder.encode(body) : body;
        // The product only reads what it is given: a served body's own buffer will do.
        return (bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
      },
    });
    if (url.hostname === DILA_HOST) {
      r.indexRequests++;
      indexRequestsByWeek.set(weekOf(at), (indexRequestsByWeek.get(weekOf(at)) ?? 0) + 1);
      if (draw < o.failureRate) return reply(503, 'Service Unavailable');
      const { status, body } = fromDila(url.pathname, at);
      // Garbage: an error page where the listing was, an archive cut short.
      if (draw < o.failureRate + o.garbageRate)
        return reply(200, typeof body === 'string' ? '<html><body>Erreur</body></html>' : body.subarray(0, 100));
      return reply(status, body);
    }
    const q = byId.get(idFromAnUid(/QANR5L\d+QE\d+/.exec(url.pathname)?.[0] ?? '') ?? '');
    if (!q) throw new Error(`The simulated Assemblée has no ${url.href}`);
    r.totalRequests++;
    if (q.detectedAt !== undefined) r.requestsAfterDetection++;
    else if (at < q.visibleAt) r.requestsToPending++;
    else r.requestsToDetect++;
    if (weekOf(at) !== q.week) {
      q.week = weekOf(at);
      q.weekRequests = 0;
      q.weekReadings = 0;
    }
    if (blockOf(at) !== q.block) {
      q.block = blockOf(at);
      q.blockRequests = 0;
      q.blockReadings = 0;
    }
    q.weekRequests++;
    q.blockRequests++;
    r.maxRequestsPerQuestionWeek = Math.max(r.maxRequestsPerQuestionWeek, q.weekRequests);
    r.maxRequestsPerQuestionBlock = Math.max(r.maxRequestsPerQuestionBlock, q.blockRequests);
    if (draw < o.failureRate) return reply(503, 'Backend fetch failed');
    if (draw < o.failureRate + o.garbageRate) return reply(200, '<html><body>Erreur</body></html>');
    return reply(200, served(q, at, url.pathname.endsWith('.json')));
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

  /**
   * The watch list, as the store would hold it: a copy of each record written, as IndexedDB keeps
   * (and, unlike the objects the core builds, quick to read at every alarm).
   */
  const records = new Map<string, WatchRecord>();
  const keep = (record: WatchRecord) => records.set(record.id, structuredClone(record));

  /** A change found, by a check or by the index: when, and how long after it could be. */
  function detected(q: SimQuestion, at: number) {
    q.detectedAt = at;
    if (q.fate === 'closed') closureLatencies.push((at - q.visibleAt) / HOUR);
    (q.offCalendar ? offCalendarLatencies : latencies).push((at - q.visibleAt) / HOUR);
    if (q.issue) afterArchive.push(Math.max(0, at - q.issue.archiveAt) / HOUR);
  }

  /** Keeps what a check did to the watch, as the store would, and measures it. */
  async function commit(record: WatchRecord, apply: (current: WatchRecord) => AppliedCheck) {
    const q = byId.get(record.id)!;
    const current = records.get(record.id)!;
    const applied = apply(current);
    keep(applied.record);
    r.checks++;
    if (applied.outcome === 'blocked') r.blockedChecks++;
    if (applied.outcome === 'blocked' || applied.outcome === 'failed') {
      r.failedChecks++;
      return applied;
    }
    const now = applied.record.lastCheckedAt!;
    if (now < q.visibleAt) r.readingsWhilePending++;
    q.weekReadings++;
    q.blockReadings++;
    r.maxReadingsPerQuestionWeek = Math.max(r.maxReadingsPerQuestionWeek, q.weekReadings);
    r.maxReadingsPerQuestionBlock = Math.max(r.maxReadingsPerQuestionBlock, q.blockReadings);
    if (current.lastCheckedAt !== undefined) r.minGap = Math.min(r.minGap, now - current.lastCheckedAt);
    if (applied.change && applied.change.kind !== 'signaled') detected(q, now);
    return applied;
  }

  /** The index's part of the store: what the background keeps in IndexedDB (lib/background/store/jo-index.ts). */
  const issueRecords = new Map<string, IssueRecord>();
  let indexState: IndexState | undefined;
  const indexStore: IndexStore = {
    state: async () => indexState,
    saveState: async (state) => {
      indexState = state;
    },
    issues: async () => [...issueRecords.values()],
    commitIssue: async (record, issue, applyContext) => {
      const watches = new Map<string, WatchRecord>();
      for (const id of issue ? idsAnswered(issue) : []) {
        const watch = records.get(id);
        if (watch) watches.set(id, watch);
      }
      const checks = issue ? applyIndexIssue(watches, issue, applyContext) : [];
      for (const check of checks) {
        keep(check.record);
        if (check.change?.kind === 'answered') {
          r.detectedByIndex++;
          detected(byId.get(check.record.id)!, applyContext.now);
        }
      }
      issueRecords.set(record.key, record);
      return checks;
    },
  };

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
      keep(rescheduled(watch, { now: q.watchedAt, frequency: o.frequency, random: dice }));
    }
    clock = Math.max(clock, alarm);
    const now = clock;
    // As the Poller runs: the index first, then the per-question reads it leaves due.
    const index = await runIndex(fetcher, indexStore, 'AN', {
      now: () => clock,
      random: dice,
      frequency: o.frequency,
      force: false,
      wanted: indexWanted(records.values(), clock),
    });
    const selection = selectDue(records.values(), clock, {
      readGapMs: directReadGap(o.discreet, index.health),
    });
    const batch = selection.due.slice(0, MAX_CHECKS_PER_RUN);
    const requestsBefore = r.totalRequests;
    await runChecks(batch, selection.due.length, {
      check: (record) => checkQuestion(fetcher, record.id, record.question),
      commit: (record, result) => commit(record, (current) => applyCheck(current, result, context())),
      fail: (record, reason) => commit(record, (current) => applyFailure(current, reason, context())),
    });
    r.maxChecksPerAlarm = Math.max(r.maxChecksPerAlarm, batch.length);
    r.maxRequestsPerAlarm = Math.max(r.maxRequestsPerAlarm, r.totalRequests - requestsBefore);
    if (batch.length || index.issues.length) r.maxAlarmMs = Math.max(r.maxAlarmMs, clock - now);
    // Answered and closed questions leave the working set: the core never selects them again.
    for (const { id } of [...batch, ...index.checks.map((check) => check.record)]) {
      const state = records.get(id)!.state;
      if (state === 'answered' || state === 'closed') records.delete(id);
    }
  }

  let pendingWeeks = 0;
  let watchedOpenWeeks = 0;
  let undetected = 0;
  let undetectedMax = 0;
  for (const q of questions) {
    if (!q.watched || q.watchedAt >= end) continue;
    if (q.fate !== 'never' && q.visibleAt <= q.watchedAt) continue;
    pendingWeeks += (Math.min(q.visibleAt, end) - q.watchedAt) / WEEK;
    watchedOpenWeeks += (Math.min(q.detectedAt ?? end, end) - Math.max(q.watchedAt, start)) / WEEK;
    if (q.detectedAt === undefined && q.visibleAt < end) {
      undetected++;
      undetectedMax = Math.max(undetectedMax, (end - q.visibleAt) / HOUR);
    }
  }
  const detectedQuestions = questions.filter((q) => q.detectedAt !== undefined);
  const watched = questions.filter((q) => q.watched).length - finalWhenWatched;
  const weeks = o.days / 7;
  const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    options: o,
    watched,
    finalWhenWatched,
    answered: detectedQuestions.filter((q) => q.fate === 'answered').length,
    closed: detectedQuestions.filter((q) => q.fate === 'closed').length,
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
    closureLatency: latencyFigures(closureLatencies),
    latencyAfterArchive: latencyFigures(afterArchive),
    detectedByIndex: r.detectedByIndex,
    undetected,
    undetectedMaxHours: round(undetectedMax, 1),
    indexRequests: r.indexRequests,
    archiveDownloads: r.archiveDownloads,
    issuesApplied: [...issueRecords.values()].filter((record) => record.status === 'applied').length,
    indexRequestsPerWeek: round(r.indexRequests / weeks, 2),
    maxIndexRequestsInAWeek: Math.max(0, ...indexRequestsByWeek.values()),
    requestsPerWeek: round((r.totalRequests + r.indexRequests) / weeks, 2),
    revealingPerQuestionPer4Weeks: round((4 * r.totalRequests) / watchedOpenWeeks),
    maxRevealingPerQuestionIn4Weeks: r.maxRequestsPerQuestionBlock,
    maxReadingsPerQuestionIn4Weeks: r.maxReadingsPerQuestionBlock,
  };
}

/** `SIMULATE_YEAR=1 npx vite-node bench/simulate-year.ts [frequency] [seed] [questions] [discreet]`: prints the figures. */
if (typeof process !== 'undefined' && process.env.SIMULATE_YEAR && !process.env.VITEST) {
  const frequencies = (process.argv[2] ? [process.argv[2]] : ['weekly', 'daily', 'every-day']) as CheckFrequency[];
  const seed = process.argv[3] ? Number(process.argv[3]) : DEFAULT_SIMULATION.seed;
  const questions = process.argv[4] ? Number(process.argv[4]) : DEFAULT_SIMULATION.questions;
  const discreet = process.argv[5] ? process.argv[5] !== 'false' : DEFAULT_SIMULATION.discreet;
  for (const frequency of frequencies) {
    const t0 = performance.now();
    const { options: _options, ...figures } = await simulateYear({ frequency, seed, questions, discreet });
    console.log(frequency, `(${Math.round(performance.now() - t0)} ms)`, JSON.stringify(figures, null, 2));
  }
}
