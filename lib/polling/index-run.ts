/**
 * One read of the Journal officiel index for one chamber: list its folders, download each new
 * issue, read it, and hand it to the store, which applies it in one transaction. Shared, like
 * `runChecks`, by the background (lib/background/store/jo-index.ts) and the year simulation
 * (bench/simulate-year.ts): only the store differs. Nothing is kept of an issue until it is
 * applied whole, so a worker stopped mid-download or mid-read just reads it again later.
 */
import { type AppliedCheck, type ScheduleContext } from './core';
import { describeError } from './check';
import {
  ARCHIVE_ATTEMPTS,
  INDEX_LEASE_MS,
  indexFolders,
  indexHealth,
  isDone,
  isIndexDue,
  issueKey,
  issueOrder,
  issuesToRead,
  missingKnownIssue,
  nextIndexReadAt,
  type IndexHealth,
  type IndexState,
  type IssueRecord,
} from './index-schedule';
import { parisMoment } from '../paris-time';
import { isPausing, type FetchFailure, type PoliteFetcher } from '../sources/polite-fetch';
import { MAX_TAR_BYTES, openArchive, parseListing, readIssue, type Chamber, type JoIssue, type ListedIssue } from '../sources/jo';

/** An archive of a few MB may take a while on a slow link; a page or a listing gets the fetcher's usual 20 s. */
const ARCHIVE_TIMEOUT_MS = 120_000;

export interface IndexStore {
  /** The chamber's state between reads; none before the first. */
  state(chamber: Chamber): Promise<IndexState | undefined>;
  saveState(state: IndexState): Promise<void>;
  /** What is remembered of the chamber's issues. */
  issues(chamber: Chamber): Promise<IssueRecord[]>;
  /**
   * Keeps `record` and, for an issue that was read, what it does to the watches it answers
   * (`applyIndexIssue`), all or nothing. Returns what was applied.
   */
  commitIssue(record: IssueRecord, issue: JoIssue | undefined, context: ScheduleContext): Promise<AppliedCheck[]>;
}

export interface IndexRunOptions {
  now(): number;
  random(): number;
  /** Settings that shape the watches' next checks once answered. */
  frequency: ScheduleContext['frequency'];
  /** « Tout vérifier »: read now, whatever the schedule says. */
  force: boolean;
  /** Whether any watch can be answered by the index: without one, nothing is read. */
  wanted: boolean;
}

export interface IndexRun {
  /** The folders were listed and every new issue applied or set aside: the watches are up to date with the JO. */
  read: boolean;
  /** Issues this run applied or set aside. */
  issues: IssueRecord[];
  /** What the issues did to the watches they answer. */
  checks: AppliedCheck[];
  health: IndexHealth;
}

/** `final`: trying again would not help (the archive is over the size limit: another download would be as large). */
type Reading = { ok: true; issue: JoIssue; rejected: number } | { ok: false; reason: string; final?: true };

function failure(outcome: FetchFailure): string {
  return outcome.reason === 'http' ? `HTTP ${outcome.status}` : outcome.reason;
}

/** An archive's issue, or why it cannot be read. A reader that throws makes the archive unreadable, nothing more. */
async function readArchive(bytes: Uint8Array, listed: ListedIssue): Promise<Reading> {
  try {
    const archive = await openArchive(bytes);
    if (!archive.ok) return { ok: false, reason: `${archive.reason}: ${archive.detail}` };
    const reading = readIssue(archive.member.xml, listed);
    if (!reading.ok) return { ok: false, reason: `${reading.reason}: ${reading.detail}` };
    return { ok: true, issue: reading.issue, rejected: reading.rejected.length };
  } catch (error) {
    return { ok: false, reason: `unreadable (${describeError(error)})` };
  }
}

function issueRecord(listed: ListedIssue, reading: Reading, previous: IssueRecord | undefined, at: number): IssueRecord {
  const base = { key: issueKey(listed), chamber: listed.chamber, name: listed.name, order: issueOrder(listed), at };
  const attempts = Math.max((previous?.attempts ?? 0) + 1, !reading.ok && reading.final ? ARCHIVE_ATTEMPTS : 0);
  if (!reading.ok) return { ...base, status: 'unreadable', attempts, reason: reading.reason.slice(0, 500) };
  const { publishedOn } = reading.issue;
  return {
    ...base,
    status: 'applied',
    attempts,
    ...(publishedOn ? { publishedOn } : {}),
    answers: reading.issue.answers.length,
    rejected: reading.rejected,
  };
}

export async function runIndex(fetcher: PoliteFetcher, store: IndexStore, chamber: Chamber, options: IndexRunOptions): Promise<IndexRun> {
  const started = options.now();
  const state: IndexState = (await store.state(chamber)) ?? { chamber, failures: 0 };
  const issues = await store.issues(chamber);
  const today = () => parisMoment(options.now()).date;
  if (!options.wanted || (!options.force && !isIndexDue(state, started))) {
    return { read: false, issues: [], checks: [], health: indexHealth(state, issues, today()) };
  }
  await store.saveState({ ...state, nextReadAt: started + INDEX_LEASE_MS });

  const done: IssueRecord[] = [];
  const checks: AppliedCheck[] = [];
  const known = new Map(issues.map((record) => [record.key, record]));
  const finish = async (failed?: { reason: string; until?: number }): Promise<IndexRun> => {
    const now = options.now();
    const all = [...known.values()];
    const failures = failed ? state.failures + 1 : 0;
    const next = nextIndexReadAt(failures, all, now, options.random, chamber);
    const lastReadAt = failed ? state.lastReadAt : now;
    const after: IndexState = {
      chamber,
      failures,
      nextReadAt: Math.max(next, failed?.until ?? next),
      ...(lastReadAt !== undefined ? { lastReadAt } : {}),
      ...(failed ? { lastFailure: failed.reason.slice(0, 500) } : {}),
    };
    await store.saveState(after);
    return { read: !failed, issues: done, checks, health: indexHealth(after, all, today()) };
  };

  const listed: ListedIssue[] = [];
  const [current, ...past] = indexFolders(chamber, today(), issues);
  for (const folder of [current!, ...past]) {
    const outcome = await fetcher.get(folder, 'text/html');
    // The past year's folder may not exist yet in early January: it lists nothing.
    if (!outcome.ok && outcome.reason === 'http' && outcome.status === 404 && folder !== current) continue;
    if (!outcome.ok) return finish({ reason: failure(outcome), until: isPausing(outcome) ? outcome.until : undefined });
    let listing: ReturnType<typeof parseListing>;
    try {
      listing = parseListing(outcome.body, folder);
    } catch (error) {
      return finish({ reason: `unreadable listing (${describeError(error)})` });
    }
    if (!listing.ok) return finish({ reason: listing.reason });
    listed.push(...listing.issues);
  }
  const missing = missingKnownIssue(listed, issues, today());
  if (missing) return finish({ reason: `the listing lacks ${missing}` });

  for (const entry of issuesToRead(listed, issues)) {
    const outcome = await fetcher.getBytes(entry.url, '*/*', { maxBytes: MAX_TAR_BYTES, timeoutMs: ARCHIVE_TIMEOUT_MS });
    // Too large is an answer about this archive: it is set aside like one that does not open.
    if (!outcome.ok && outcome.reason !== 'too-large') {
      return finish({ reason: failure(outcome), until: isPausing(outcome) ? outcome.until : undefined });
    }
    const reading: Reading = outcome.ok
      ? await readArchive(outcome.body, entry)
      : { ok: false, reason: `larger than ${MAX_TAR_BYTES} bytes`, final: true };
    const record = issueRecord(entry, reading, known.get(issueKey(entry)), options.now());
    const context: ScheduleContext = { now: options.now(), frequency: options.frequency, random: options.random };
    try {
      checks.push(...(await store.commitIssue(record, reading.ok ? reading.issue : undefined, context)));
    } catch (error) {
      // The store kept nothing of this issue: it is read again at the next attempt.
      return finish({ reason: `not applied (${describeError(error)})` });
    }
    known.set(record.key, record);
    done.push(record);
    // Perhaps caught mid-upload: tried again within the hour, like a failed read, until given up.
    if (!isDone(record)) return finish({ reason: record.reason ?? 'unreadable archive' });
  }
  return finish();
}
