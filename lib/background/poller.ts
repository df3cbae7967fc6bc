/**
 * The polling run, started by an alarm or by « Vérifier maintenant »: checks the watches that
 * are due, one request at a time through the polite fetcher, records every check, and hands
 * real changes to `announce`. All state lives in the store; a worker killed mid-run loses at
 * most the check in flight.
 */
import { todayInParis } from '../dates';
import type { Settings } from '../settings';
import { questionStatus } from '../status';
import type { PoliteFetcher } from '../sources/polite-fetch';
import type { Db } from '../store/db';
import { logEvent } from '../store/events';
import type { WatchRecord } from '../store/records';
import { listWatches, updateWatch } from '../store/watches';
import { detectChange, type Change } from './changes';
import { checkQuestion } from './check';
import { isPollable, nextCheckAt, type ScheduleInput } from './schedule';

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

export interface PollSummary {
  checked: number;
  failed: number;
  changes: Change[];
}

/** Checks per alarm: keeps one run well inside a service worker's lifetime (2 s apart). */
export const MAX_CHECKS_PER_RUN = 60;

export function scheduleInput(record: WatchRecord): ScheduleInput {
  return {
    state: record.state,
    legislature: record.question?.legislature ?? record.ref!.legislature,
    lastCheckedAt: record.lastCheckedAt,
    failures: record.failures,
    snapshotOnly: !record.question,
  };
}

export class Poller {
  private current: Promise<PollSummary> | undefined;
  progress: PollProgress = { running: false, done: 0, total: 0 };

  constructor(private readonly deps: PollerDeps) {}

  /** Runs now, or right after the run in progress. `ids`: check these now, whatever their schedule. */
  run(ids?: readonly string[]): Promise<PollSummary> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.runOnce(ids));
    this.current = next;
    void next.finally(() => {
      if (this.current === next) this.current = undefined;
    }).catch(() => undefined);
    return next;
  }

  /** Gives a newly watched question its first check time. */
  async schedule(id: string): Promise<void> {
    const { frequency } = await this.deps.settings();
    const now = this.deps.now();
    await updateWatch(await this.deps.db(), id, (record) => {
      const at = nextCheckAt(scheduleInput(record), now, frequency, this.deps.random);
      const next = { ...record };
      if (at === undefined) delete next.nextCheckAt;
      else next.nextCheckAt = at;
      return next;
    }, now);
  }

  private async runOnce(ids?: readonly string[]): Promise<PollSummary> {
    const db = await this.deps.db();
    const { frequency } = await this.deps.settings();
    const forced = new Set(ids ?? []);
    const now = this.deps.now();
    const { records } = await listWatches(db, now);
    const due: WatchRecord[] = [];
    for (const record of records) {
      const pollable = isPollable(scheduleInput(record));
      if (!pollable) continue;
      if (forced.has(record.id)) due.push(record);
      else if (!ids && record.nextCheckAt === undefined) await this.schedule(record.id);
      else if (!ids && record.nextCheckAt !== undefined && record.nextCheckAt <= now) due.push(record);
    }
    due.sort((a, b) => (a.nextCheckAt ?? 0) - (b.nextCheckAt ?? 0));
    const batch = ids ? due : due.slice(0, MAX_CHECKS_PER_RUN);
    this.progress = { running: true, done: 0, total: batch.length };
    const summary: PollSummary = { checked: 0, failed: 0, changes: [] };
    try {
      for (const record of batch) {
        const change = await this.checkOne(db, record, frequency);
        summary.checked++;
        if (change === 'failed') summary.failed++;
        else if (change) summary.changes.push(change);
        this.progress = { ...this.progress, done: this.progress.done + 1 };
      }
    } finally {
      this.progress = { ...this.progress, running: false };
    }
    if (summary.changes.length) await this.deps.announce(summary.changes);
    return summary;
  }

  private async checkOne(db: Db, record: WatchRecord, frequency: Settings['frequency']): Promise<Change | undefined | 'failed'> {
    const result = await checkQuestion(this.deps.fetcher, record.id, record.question);
    const now = this.deps.now();
    const today = todayInParis(new Date(now));
    if (!result.ok) {
      // A source that asked us to wait is not this question's failure.
      const failures = result.retryAt === undefined ? record.failures + 1 : record.failures;
      await updateWatch(db, record.id, (r) => ({
        ...r,
        failures,
        nextCheckAt: result.retryAt !== undefined
          ? result.retryAt + Math.floor(this.deps.random() * 10 * 60_000)
          : nextCheckAt({ ...scheduleInput(r), failures }, now, frequency, this.deps.random),
      }), now);
      await logEvent(db, { at: now, type: 'check', questionId: record.id, source: result.source, ok: false, detail: result.reason });
      return 'failed';
    }
    const change = detectChange(record, result.question, today);
    const state = questionStatus(result.question, today).state;
    await updateWatch(db, record.id, (r) => {
      const next: WatchRecord = {
        ...r,
        question: result.question,
        state,
        lastCheckedAt: now,
        failures: 0,
        seen: change ? false : r.seen,
        lastChangeAt: change ? now : r.lastChangeAt,
      };
      delete next.ref;
      const at = nextCheckAt(scheduleInput(next), now, frequency, this.deps.random);
      if (at === undefined) delete next.nextCheckAt;
      else next.nextCheckAt = at;
      return next;
    }, now);
    await logEvent(db, { at: now, type: 'check', questionId: record.id, source: result.source, ok: true, from: record.state, to: state });
    if (change) await logEvent(db, { at: now, type: 'change', questionId: record.id, source: result.source, from: record.state, to: state, detail: change.kind });
    return change;
  }
}
