/**
 * The polling run, started by an alarm or by « Vérifier maintenant »: checks the watches that
 * are due, one request at a time through the polite fetcher, records every check, and hands
 * real changes to `announce`. All state lives in the store; a worker killed mid-run loses at
 * most the check in flight.
 */
import { type WatchRecord } from '../records';
import { type Settings } from '../settings';
import { type Change } from '../polling/changes';
import { checkQuestion } from '../polling/check';
import {
  applyCheck,
  applyFailure,
  MAX_CHECKS_PER_RUN,
  rescheduled,
  runChecks,
  selectDue,
  settledByCalendar,
  type AppliedCheck,
  type PollSummary,
  type ScheduleContext,
} from '../polling/core';
import { type PoliteFetcher } from '../sources/polite-fetch';
import { type Db } from './store/db';
import { logEvent } from './store/events';
import { listWatches, updateWatch, updateWatches } from './store/watches';

export interface PollerDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  now: () => number;
  random: () => number;
  settings: () => Promise<Settings>;
  announce: (changes: Change[]) => Promise<void>;
}

export interface PollProgress {
  running: boolean;
  done: number;
  total: number;
}

/** Watches rescheduled per transaction: an import of 100,000 never holds one transaction over them all. */
const SCHEDULE_BATCH = 500;

export class Poller {
  private current: Promise<PollSummary> | undefined;
  progress: PollProgress = { running: false, done: 0, total: 0 };

  constructor(private readonly deps: PollerDeps) {}

  /**
   * Runs now, or right after the run in progress. `ids`: make these due now, whatever their
   * schedule (« Vérifier maintenant »); a run still checks at most MAX_CHECKS_PER_RUN questions,
   * the rest wait, due, for the next alarm.
   */
  run(ids?: readonly string[]): Promise<PollSummary> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.runOnce(ids));
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
      await updateWatches(db, ids.slice(start, start + SCHEDULE_BATCH), (record) => rescheduled(record, context));
    }
  }

  private async context(): Promise<ScheduleContext> {
    const { frequency } = await this.deps.settings();
    return { now: this.deps.now(), frequency, random: this.deps.random };
  }

  private async runOnce(ids?: readonly string[]): Promise<PollSummary> {
    const db = await this.deps.db();
    const { records: stored } = await listWatches(db, this.deps.now());
    const settled: Change[] = [];
    const records: WatchRecord[] = [];
    for (const record of stored) {
      const applied = await this.settle(db, record);
      if (applied?.change) settled.push(applied.change);
      records.push(applied?.record ?? record);
    }
    const selection = selectDue(records, this.deps.now(), new Set(ids ?? []));
    const madeDue = new Map(selection.madeDue.map((record) => [record.id, record.nextCheckAt]));
    if (madeDue.size) await updateWatches(db, [...madeDue.keys()], (record) => ({ ...record, nextCheckAt: madeDue.get(record.id) }));
    if (selection.unscheduled.length) await this.schedule(selection.unscheduled.map((record) => record.id));
    const batch = selection.due.slice(0, MAX_CHECKS_PER_RUN);
    this.progress = { running: true, done: 0, total: batch.length };
    let summary: PollSummary;
    try {
      summary = await runChecks(batch, selection.due.length, {
        check: (record) => checkQuestion(this.deps.fetcher, record.id, record.question),
        commit: (record, result) => this.commit(db, record, (current, context) => applyCheck(current, result, context)),
        fail: (record, reason) => this.commit(db, record, (current, context) => applyFailure(current, reason, context)),
        progress: (done) => {
          this.progress = { ...this.progress, done };
        },
      });
    } finally {
      // A run cut short (the source paused) is over too: its progress says what was done.
      this.progress = { running: false, done: this.progress.done, total: this.progress.done };
    }
    summary = { ...summary, changes: [...settled, ...summary.changes] };
    if (summary.changes.length) await this.deps.announce(summary.changes);
    return summary;
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
