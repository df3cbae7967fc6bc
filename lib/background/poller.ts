/**
 * The polling run, started by an alarm, « Tout vérifier » or « Vérifier maintenant »: the Journal
 * officiel index first (lib/polling/index-run.ts), which answers every watch at once, then the
 * per-question reads that are due, one request at a time through the polite fetcher; every check
 * is recorded and real changes are handed to `announce`. All state lives in the store; a worker
 * killed mid-run loses at most the issue or the check in flight.
 */
import { type WatchRecord } from '../records';
import { type Settings } from '../settings';
import { type Change } from '../polling/changes';
import { checkQuestion } from '../polling/check';
import { runIndex, type IndexRun } from '../polling/index-run';
import { answerableByIndex, directReadGap, INDEX_CHAMBERS, indexWanted } from '../polling/index-schedule';
import { isPollable } from '../polling/schedule';
import {
  applyCheck,
  applyFailure,
  MAX_CHECKS_PER_RUN,
  rescheduled,
  runChecks,
  scheduleInput,
  selectDue,
  settledByCalendar,
  type AppliedCheck,
  type PollSummary,
  type ScheduleContext,
} from '../polling/core';
import { chamberOf } from '../model';
import { indexChamberOf, type Chamber } from '../sources/jo';
import { type PoliteFetcher } from '../sources/polite-fetch';
import { type Db } from './store/db';
import { logEvent } from './store/events';
import { indexStore } from './store/jo-index';
import { followedChambers } from './store/follows';
import { type FeedEntry } from '../follows/schemas';
import { listWatches, updateWatch, updateWatches } from './store/watches';
import { keepFirstPageCurrent } from './store/first-page';

export interface PollerDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  now: () => number;
  random: () => number;
  settings: () => Promise<Settings>;
  /** Real changes of watches, and the follows' new events (grouped by follow when notified). */
  announce: (changes: Change[], feed: FeedEntry[]) => Promise<void>;
}

export interface PollProgress {
  running: boolean;
  done: number;
  total: number;
}

/** Watches rescheduled per transaction: an import of 100,000 never holds one transaction over them all. */
const SCHEDULE_BATCH = 500;

/**
 * What a run is asked for: nothing for the alarm's; `{}` for « Tout vérifier », which reads the
 * index whatever its schedule, then what is due (in discreet mode) or every question (otherwise);
 * `{ ids }` for « Vérifier maintenant » on these questions, read at the Assemblée after the index.
 */
export interface RunRequest {
  ids?: readonly string[];
}

export class Poller {
  private current: Promise<PollSummary> | undefined;
  progress: PollProgress = { running: false, done: 0, total: 0 };

  constructor(private readonly deps: PollerDeps) {}

  /**
   * Runs now, or right after the run in progress. A run reads at most MAX_CHECKS_PER_RUN questions
   * at the Assemblée; the rest wait, due, for the next alarm.
   */
  run(request?: RunRequest): Promise<PollSummary> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.runOnce(request));
    this.current = next;
    void next
      .finally(() => {
        if (this.current === next) this.current = undefined;
      })
      .catch(() => undefined);
    return next;
  }

  /** How a watch written now gets its check time: for writers that schedule in their own transaction. */
  async scheduler(): Promise<(record: WatchRecord) => WatchRecord> {
    const context = await this.context();
    return (record) => rescheduled(record, context);
  }

  /** Gives newly watched questions their first check time, a few hundred per transaction. */
  async schedule(ids: readonly string[]): Promise<void> {
    const context = await this.context();
    const db = await this.deps.db();
    for (let start = 0; start < ids.length; start += SCHEDULE_BATCH) {
      await updateWatches(db, ids.slice(start, start + SCHEDULE_BATCH), (record) => rescheduled(record, context), context.now);
    }
  }

  private async context(): Promise<ScheduleContext> {
    const { frequency } = await this.deps.settings();
    return { now: this.deps.now(), frequency, random: this.deps.random };
  }

  /** The index of each chamber, as due (or asked for). Whatever goes wrong there, the per-question reads still run. */
  private async readIndex(db: Db, records: readonly WatchRecord[], frequency: Settings['frequency'], force: boolean, feed: FeedEntry[]) {
    const runs = new Map<Chamber, IndexRun>();
    // A follow wants every issue of its chambers: it is matched locally against each, at no extra request.
    const followed = await followedChambers(db);
    for (const chamber of INDEX_CHAMBERS) {
      const wanted = followed.has(chamber) || indexWanted(records, this.deps.now(), chamber);
      const options = { now: this.deps.now, random: this.deps.random, frequency, force, wanted };
      const failed: IndexRun = { read: false, issues: [], checks: [], health: 'failing' };
      const store = indexStore(db, (entries) => feed.push(...entries));
      runs.set(chamber, await runIndex(this.deps.fetcher, store, chamber, options).catch(() => failed));
    }
    return runs;
  }

  private async runOnce(request?: RunRequest): Promise<PollSummary> {
    this.progress = { running: true, done: 0, total: 0 };
    try {
      return await this.poll(request);
    } finally {
      // A run cut short (the source paused) is over too: its progress says what was done.
      this.progress = { running: false, done: this.progress.done, total: this.progress.done };
    }
  }

  private async poll(request?: RunRequest): Promise<PollSummary> {
    const db = await this.deps.db();
    const settings = await this.deps.settings();
    // The popup's first rows are sorted for a day: the day's first run sorts them for the new one.
    await keepFirstPageCurrent(db, this.deps.now());
    const { records: stored } = await listWatches(db, this.deps.now());
    const settled: Change[] = [];
    const listed: WatchRecord[] = [];
    for (const record of stored) {
      const applied = await this.settle(db, record);
      if (applied?.change) settled.push(applied.change);
      listed.push(applied?.record ?? record);
    }
    const feed: FeedEntry[] = [];
    const runs = await this.readIndex(db, listed, settings.frequency, request !== undefined, feed);
    const answeredByIndex = [...runs.values()].flatMap((run) => run.checks);
    const records = answeredByIndex.length ? (await listWatches(db, this.deps.now())).records : listed;
    // Each chamber's index vouches for its own questions: the Sénat's for `SEN-…` watches.
    const healthOf = (record: WatchRecord) => runs.get(indexChamberOf(chamberOf(record.id)))?.health ?? 'failing';
    const now = this.deps.now();
    const pollable = (record: WatchRecord) => isPollable(scheduleInput(record), now);
    const forced = request?.ids ?? (request && !settings.discreet ? records.filter(pollable).map((record) => record.id) : []);
    const selection = selectDue(records, now, {
      forced: new Set(forced),
      readGapMs: (record) => directReadGap(settings.discreet, healthOf(record)),
    });
    const madeDue = new Map(selection.madeDue.map((record) => [record.id, record.nextCheckAt]));
    if (madeDue.size) await updateWatches(db, [...madeDue.keys()], (record) => ({ ...record, nextCheckAt: madeDue.get(record.id) }), now);
    if (selection.unscheduled.length) await this.schedule(selection.unscheduled.map((record) => record.id));
    const batch = selection.due.slice(0, MAX_CHECKS_PER_RUN);
    this.progress = { running: true, done: 0, total: batch.length };
    const summary = await runChecks(batch, selection.due.length, {
      check: (record) => checkQuestion(this.deps.fetcher, record.id, record.question, record.ref),
      commit: (record, result) => this.commit(db, record, (current, context) => applyCheck(current, result, context)),
      fail: (record, reason) => this.commit(db, record, (current, context) => applyFailure(current, reason, context)),
      progress: (done) => {
        this.progress = { ...this.progress, done };
      },
    });
    const changes = [...settled, ...answeredByIndex.flatMap((check) => (check.change ? [check.change] : [])), ...summary.changes];
    if (changes.length || feed.length) await this.deps.announce(changes, feed);
    // An index read through vouches for every watch it can answer: those count as checked too.
    const readHere = new Set(batch.map((record) => record.id));
    const vouched = listed.filter((record) => {
      if (readHere.has(record.id)) return false;
      const chamber = indexChamberOf(chamberOf(record.id));
      return runs.get(chamber)?.read
        ? answerableByIndex(record, this.deps.now(), chamber)
        : answeredByIndex.some((c) => c.record.id === record.id);
    }).length;
    return { ...summary, checked: summary.checked + vouched, changes };
  }

  /** A watch the calendar has closed since it was stored: closed in the store, without a request. */
  private async settle(db: Db, record: WatchRecord): Promise<AppliedCheck | undefined> {
    const now = this.deps.now();
    if (!settledByCalendar(record, now)) return undefined;
    let applied: AppliedCheck | undefined;
    await updateWatch(
      db,
      record.id,
      (current) => {
        applied = settledByCalendar(current, now);
        return applied?.record ?? current;
      },
      now,
    );
    for (const event of applied?.events ?? []) await logEvent(db, event);
    return applied;
  }

  /** One transaction for the watch, then its events. */
  private async commit(
    db: Db,
    record: WatchRecord,
    apply: (current: WatchRecord, context: ScheduleContext) => AppliedCheck,
  ): Promise<AppliedCheck | undefined> {
    const context = await this.context();
    let applied: AppliedCheck | undefined;
    await updateWatch(
      db,
      record.id,
      (current) => {
        applied = apply(current, context);
        return applied.record;
      },
      context.now,
    );
    for (const event of applied?.events ?? []) await logEvent(db, event);
    return applied;
  }
}
