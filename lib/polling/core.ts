/**
 * The polling rules as pure functions over watch records: which watches a run checks, what a
 * check's result does to a record (with the events it logs and the change it announces), and the
 * loop of one run. The background's Poller wraps them in store transactions; the year simulation
 * (bench/simulate-year.ts) runs them against its model of the world. Neither re-implements them.
 */
import { todayInParis } from '../dates';
import { chamberOf, type Question } from '../model';
import { type CheckSource, type EventRecord, type WatchRecord } from '../records';
import { type CheckFrequency } from '../settings';
import { questionStatus, snapshotStatus } from '../status';
import { detectChange, type Change } from './changes';
import { type CheckResult, describeError } from './check';
import { isPollable, nextCheckAt, type ScheduleInput } from './schedule';

/** Checks per alarm: keeps one run well inside a service worker's lifetime (2 s apart). */
export const MAX_CHECKS_PER_RUN = 60;

/** A blocked check waits for the source's pause to end, plus up to this much, so that users do not all return at once. */
const BLOCKED_JITTER_MS = 10 * 60_000;

export function scheduleInput(record: WatchRecord): ScheduleInput {
  return {
    chamber: chamberOf(record.id),
    state: record.state,
    legislature: record.question?.legislature ?? record.ref!.legislature,
    lastCheckedAt: record.lastCheckedAt,
    failures: record.failures,
    snapshotOnly: !record.question,
  };
}

export interface ScheduleContext {
  now: number;
  frequency: CheckFrequency;
  random: () => number;
}

/** `record` with its next check time from the schedule, or none when it is never to be checked again. */
export function rescheduled(record: WatchRecord, { now, frequency, random }: ScheduleContext, input = scheduleInput(record)): WatchRecord {
  const { nextCheckAt: _previous, ...rest } = record;
  const at = nextCheckAt(input, now, frequency, random);
  return at === undefined ? rest : { ...rest, nextCheckAt: at };
}

export interface Selection {
  /** Due now, in the order a run checks them: forced checks first, then the longest overdue. */
  due: WatchRecord[];
  /** Forced checks whose stored time must move to now, so that a worker stopped mid-run leaves them due. */
  madeDue: WatchRecord[];
  /** Watches that never got a check time (imported, or watched while the worker was stopping). */
  unscheduled: WatchRecord[];
}

export interface SelectOptions {
  /** Questions the user asked to check now, whatever their schedule. */
  forced?: ReadonlySet<string>;
  /**
   * Discreet mode with a healthy index (lib/polling/jo-index.ts, `directReadGap`): a watch that
   * was read less than this long ago waits, even when its schedule says it is due.
   */
  readGapMs?: number | ((record: WatchRecord) => number | undefined);
}

/** What a run at `now` checks. */
export function selectDue(
  records: Iterable<WatchRecord>,
  now: number,
  { forced = new Set<string>(), readGapMs }: SelectOptions = {},
): Selection {
  const selection: Selection = { due: [], madeDue: [], unscheduled: [] };
  // Every alarm looks at every watch, and most are not due: the cheap tests first.
  const gapOf = typeof readGapMs === 'function' ? readGapMs : () => readGapMs;
  for (const record of records) {
    const isForced = forced.size > 0 && forced.has(record.id);
    if (!isForced && record.nextCheckAt !== undefined && record.nextCheckAt > now) continue;
    const gap = isForced ? undefined : gapOf(record);
    if (gap !== undefined) {
      const readSince = now - gap;
      // The last reading: a check's, or for a question watched from its own page, the user's visit.
      // One dated after now (a clock set back, an edited file) says nothing.
      const readAt = record.lastCheckedAt ?? (record.question ? record.watchedAt : undefined);
      if (readAt !== undefined && readAt <= now && readAt > readSince) continue;
    }
    if (!isPollable(scheduleInput(record), now)) continue;
    if (isForced) {
      const due = { ...record, nextCheckAt: Math.min(record.nextCheckAt ?? now, now) };
      selection.due.push(due);
      if (due.nextCheckAt !== record.nextCheckAt) selection.madeDue.push(due);
    } else if (record.nextCheckAt === undefined) {
      selection.unscheduled.push(record);
    } else {
      selection.due.push(record);
    }
  }
  selection.due.sort((a, b) => Number(forced.has(b.id)) - Number(forced.has(a.id)) || a.nextCheckAt! - b.nextCheckAt!);
  return selection;
}

/**
 * A watch whose question the calendar has closed since its status was stored: its legislature
 * ended, or a closing date NosDéputés announced has passed. Stored as closed and announced like
 * a check's news, without a request; nothing when the stored status still holds.
 */
export function settledByCalendar(record: WatchRecord, now: number): AppliedCheck | undefined {
  const today = todayInParis(new Date(now));
  const status = snapshotStatus(record, today);
  if (status?.state !== 'closed' || record.state === 'closed') return undefined;
  const { nextCheckAt: _next, ...rest } = record;
  return {
    record: { ...rest, state: 'closed', seen: false, lastChangeAt: now },
    outcome: 'changed',
    change: record.question && { kind: 'closed', question: record.question, status },
    events: [{ at: now, type: 'change', questionId: record.id, from: record.state, to: 'closed', detail: 'closed' }],
  };
}

/**
 * `blocked`: no request was made, the source is pausing; `failed`: the question could not be read;
 * `checked`: read, nothing new; `changed`: read, and news for the user.
 */
export type CheckOutcome = 'blocked' | 'failed' | 'checked' | 'changed';

export interface AppliedCheck {
  record: WatchRecord;
  outcome: CheckOutcome;
  change?: Change;
  events: EventRecord[];
}

/** What one check's result does to its watch. */
export function applyCheck(record: WatchRecord, result: CheckResult, context: ScheduleContext): AppliedCheck {
  const { now, random } = context;
  if (!result.ok && result.retryAt !== undefined) {
    return {
      record: { ...record, nextCheckAt: result.retryAt + Math.floor(random() * BLOCKED_JITTER_MS) },
      outcome: 'blocked',
      events: [],
    };
  }
  if (!result.ok) {
    const failures = record.failures + 1;
    return {
      record: rescheduled({ ...record, failures }, context),
      outcome: 'failed',
      events: [{ at: now, type: 'check', questionId: record.id, source: result.source, ok: false, detail: result.reason }],
    };
  }
  return applyReading(record, result.question, result.source, context);
}

/**
 * What a successful reading of a question does to its watch, whoever read it (a check of the
 * Assemblée, or the Journal officiel's weekly issue): the new state, the change if it is news, the
 * next check time, and the events to log.
 */
export function applyReading(record: WatchRecord, question: Question, source: CheckSource, context: ScheduleContext): AppliedCheck {
  const { now } = context;
  const today = todayInParis(new Date(now));
  const change = detectChange(record, question, today);
  const state = questionStatus(question, today).state;
  const { ref: _ref, ...rest } = record;
  const read: WatchRecord = {
    ...rest,
    question,
    state,
    lastCheckedAt: now,
    failures: 0,
    seen: change ? false : record.seen,
    lastChangeAt: change ? now : record.lastChangeAt,
  };
  // A success after failures: the retries took this week's catch-up check.
  const next = rescheduled(read, context, { ...scheduleInput(read), recovered: record.failures > 0 });
  const events: EventRecord[] = [{ at: now, type: 'check', questionId: record.id, source, ok: true, from: record.state, to: state }];
  if (change) events.push({ at: now, type: 'change', questionId: record.id, source, from: record.state, to: state, detail: change.kind });
  return { record: next, outcome: change ? 'changed' : 'checked', change, events };
}

export interface PollSummary {
  checked: number;
  failed: number;
  changes: Change[];
  /** Still due when the run stopped (its cap reached, or the source asked for a pause). */
  remaining: number;
}

/** Should a failure's own bookkeeping fail too, the watch still waits this long: never a retry at every alarm. */
const FALLBACK_RETRY_MS = 24 * 3_600_000;

/** A failed check, whatever made it fail: applied by the schedule's rules, or, should those throw, by a plain day's wait. */
export function applyFailure(record: WatchRecord, reason: string, context: ScheduleContext): AppliedCheck {
  try {
    return applyCheck(record, { ok: false, reason }, context);
  } catch {
    return {
      record: { ...record, failures: record.failures + 1, nextCheckAt: context.now + FALLBACK_RETRY_MS },
      outcome: 'failed',
      events: [{ at: context.now, type: 'check', questionId: record.id, ok: false, detail: reason }],
    };
  }
}

export interface RunSteps {
  check(record: WatchRecord): Promise<CheckResult>;
  /** Keeps what the check did; nothing when the watch went away in the meantime. */
  commit(record: WatchRecord, result: CheckResult): Promise<AppliedCheck | undefined>;
  /** Keeps a failure the check or its commit threw, as `applyFailure` says. */
  fail(record: WatchRecord, reason: string): Promise<AppliedCheck | undefined>;
  progress?(done: number): void;
}

/** One check, isolated: whatever it throws is this watch's failure, and the run goes on. */
async function checkOne(record: WatchRecord, steps: RunSteps): Promise<AppliedCheck | undefined> {
  try {
    return await steps.commit(record, await steps.check(record));
  } catch (error) {
    const reason = `error (${describeError(error)})`;
    return steps.fail(record, reason).catch((): AppliedCheck => ({ record, outcome: 'failed', events: [] }));
  }
}

/**
 * Checks `batch` in order, one at a time, out of `due` watches due in all. A source that asks
 * for a pause ends the run: every other check would meet it too.
 */
export async function runChecks(batch: readonly WatchRecord[], due: number, steps: RunSteps): Promise<PollSummary> {
  const summary: PollSummary = { checked: 0, failed: 0, changes: [], remaining: due };
  for (const record of batch) {
    const applied = await checkOne(record, steps);
    if (applied?.outcome === 'blocked') break;
    summary.checked++;
    summary.remaining--;
    if (applied?.outcome === 'failed') summary.failed++;
    if (applied?.change) summary.changes.push(applied.change);
    steps.progress?.(summary.checked);
  }
  return summary;
}
