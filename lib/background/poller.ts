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
import type { Db } from './store/db';
import { logEvent } from './store/events';
import type { WatchRecord } from '../records';
import { listWatches, updateWatch, updateWatches } from './store/watches';
import { detectChange, type Change } from '../polling/changes';
import { checkQuestion } from '../polling/check';
import { isPollable, nextCheckAt, type ScheduleInput } from '../polling/schedule';

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
  /** Still due when the run stopped (its cap reached, or the source asked for a pause). */
  remaining: number;
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

  /**
   * Runs now, or right after the run in progress. `ids`: make these due now, whatever their
   * schedule (« Vérifier maintenant »); a run still checks at most MAX_CHECKS_PER_RUN questions,
   * the rest wait, due, for the next alarm.
   */
  run(ids?: readonly string[]): Promise<PollSummary> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.runOnce(ids));
    this.current = next;
    void next.finally(() => {
      if (this.current === next) this.current = undefined;
    }).catch(() => undefined);
    return next;
  }

  /** Gives newly watched questions their first check time, in one transaction. */
  async schedule(...ids: string[]): Promise<void> {
    const { frequency } = await this.deps.settings();
    const now = this.deps.now();
    await updateWatches(await this.deps.db(), ids, (record) => {
      const at = nextCheckAt(scheduleInput(record), now, frequency, this.deps.random);
      const next = { ...record };
      if (at === undefined) delete next.nextCheckAt;
      else next.nextCheckAt = at;
      return next;
    });
  }

  private async runOnce(ids?: readonly string[]): Promise<PollSummary> {
    const db = await this.deps.db();
    const { frequency } = await this.deps.settings();
    const now = this.deps.now();
    const { records } = await listWatches(db, now);
    const forced = new Set(ids ?? []);
    const due: WatchRecord[] = [];
    const unscheduled: string[] = [];
    for (const record of records) {
      if (!isPollable(scheduleInput(record))) continue;
      if (forced.has(record.id)) {
        // Due from now on, in the store: a worker stopped mid-run leaves it for the next alarm.
        due.push((await updateWatch(db, record.id, (r) => ({ ...r, nextCheckAt: Math.min(r.nextCheckAt ?? now, now) }), now)) ?? record);
      } else if (record.nextCheckAt === undefined) {
        unscheduled.push(record.id);
      } else if (record.nextCheckAt <= now) {
        due.push(record);
      }
    }
    if (unscheduled.length) await this.schedule(...unscheduled);
    // Forced checks first, then the longest overdue.
    due.sort((a, b) => Number(forced.has(b.id)) - Number(forced.has(a.id)) || (a.nextCheckAt ?? 0) - (b.nextCheckAt ?? 0));
    const batch = due.slice(0, MAX_CHECKS_PER_RUN);
    this.progress = { running: true, done: 0, total: batch.length };
    const summary: PollSummary = { checked: 0, failed: 0, changes: [], remaining: due.length };
    try {
      for (const record of batch) {
        const outcome = await this.checkOne(db, record, frequency);
        // The source asked for a pause: every other check would meet it too.
        if (outcome === 'blocked') break;
        summary.checked++;
        summary.remaining--;
        if (outcome === 'failed') summary.failed++;
        else if (outcome) summary.changes.push(outcome);
        this.progress = { ...this.progress, done: this.progress.done + 1 };
      }
    } finally {
      // A run cut short (the source paused) is over too: its progress says what was done.
      this.progress = { running: false, done: this.progress.done, total: this.progress.done };
    }
    if (summary.changes.length) await this.deps.announce(summary.changes);
    return summary;
  }

  /** `blocked`: no request was made, the source is pausing; the question stays as it was. */
  private async checkOne(db: Db, record: WatchRecord, frequency: Settings['frequency']): Promise<Change | undefined | 'failed' | 'blocked'> {
    const result = await checkQuestion(this.deps.fetcher, record.id, record.question);
    const now = this.deps.now();
    const today = todayInParis(new Date(now));
    if (!result.ok && result.retryAt !== undefined) {
      const retryAt = result.retryAt;
      await updateWatch(db, record.id, (r) => ({ ...r, nextCheckAt: retryAt + Math.floor(this.deps.random() * 10 * 60_000) }), now);
      return 'blocked';
    }
    if (!result.ok) {
      const failures = record.failures + 1;
      await updateWatch(db, record.id, (r) => {
        const next: WatchRecord = { ...r, failures };
        const at = nextCheckAt({ ...scheduleInput(r), failures }, now, frequency, this.deps.random);
        if (at === undefined) delete next.nextCheckAt;
        else next.nextCheckAt = at;
        return next;
      }, now);
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
      const at = nextCheckAt({ ...scheduleInput(next), recovered: record.failures > 0 }, now, frequency, this.deps.random);
      if (at === undefined) delete next.nextCheckAt;
      else next.nextCheckAt = at;
      return next;
    }, now);
    await logEvent(db, { at: now, type: 'check', questionId: record.id, source: result.source, ok: true, from: record.state, to: state });
    if (change) await logEvent(db, { at: now, type: 'change', questionId: record.id, source: result.source, from: record.state, to: state, detail: change.kind });
    return change;
  }
}
