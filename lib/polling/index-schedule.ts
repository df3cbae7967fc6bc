/**
 * When Vigie reads the Journal officiel's weekly index (docs/reference/dila.md), which of its
 * issues it reads, and what the index's health means for the per-question reads. Pure: the clock
 * and the dice are arguments.
 *
 * The Assemblée's « Questions » issue comes out on Tuesdays, the Sénat's on Thursdays (senat.md §3.2),
 * and the DILA uploads each archive some time after. So each chamber's folder is read on its issue's
 * day, in the afternoon or evening, at a random moment (users must
 * not all call at once), then about once a day until the week's issue is there, and not after
 * Friday afternoon: a week without an issue costs four reads at most, a week with one rarely more
 * than three and its download. The request is the same for every user, whatever they watch.
 */
import * as z from 'zod/mini';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { isoDateSchema } from '../model';
import { parisInstant, parisMoment } from '../paris-time';
import { timestampSchema, type WatchRecord } from '../records';
import { chamberOf } from '../model';
import { chamberSchema, folderUrl, indexChamberOf, type Chamber, type ListedIssue } from '../sources/jo';
import { scheduleInput } from './core';
import { hasEnded } from '../legislatures';
import { isPollable, retryDelay } from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The chambers whose index is read, each on its own day. */
export const INDEX_CHAMBERS: readonly Chamber[] = ['AN', 'SENAT'];

/** An archive that does not open or read is tried this many times (it may have been caught mid-upload), then set aside. */
export const ARCHIVE_ATTEMPTS = 3;

/**
 * A read takes at most this many issues, the latest: a first install, or a return after weeks
 * away, does not download the year. Four weeks is as long as a watched question waits for its own
 * read in discreet mode (`DIRECT_READ_GAP_MS`), which covers what the skipped issues said.
 */
export const MAX_ISSUES_PER_READ = 4;

/**
 * Across New Year the DILA moves the past year's archives to their own folder (dila.md, « Where »):
 * that folder is read too until an issue of the new year is in, for six weeks at most (by then
 * this year's folder holds more issues than a read takes).
 */
export const PREVIOUS_YEAR_FOLDER_DAYS = 42;

/**
 * The window of a chamber's first read of the week, in Paris hours, on its issue's day: Tuesday for
 * the Assemblée, Thursday for the Sénat (« une brochure spéciale du Journal officiel paraissant le
 * jeudi », senat.md §3.2). The JO is out since the morning.
 */
const FIRST_READ: Readonly<Record<Chamber, { weekday: number; startHour: number; endHour: number }>> = {
  AN: { weekday: 2, startHour: 14, endHour: 22 },
  SENAT: { weekday: 4, startHour: 14, endHour: 22 },
};
/**
 * The week's issue not in yet: the next read 20 to 23 hours later, less than a day apart, so that an
 * archive that appears just after a read waits less than a day.
 */
const RETRY_AFTER_MS = 20 * HOUR;
const RETRY_SPREAD_MS = 3 * HOUR;
/**
 * Retries stop three days after the Tuesday window opens (Friday 14:00): the archive comes within
 * two days of the JO (assumed: dila.md, « Unknown »), plus a day for an issue a holiday moved.
 * Reads at least 20 hours apart, that is four reads at most in a week without an issue.
 */
const RETRY_DAYS = 3;

/** A read is booked before it starts: a worker stopped mid-download tries again this much later, not at every alarm. */
export const INDEX_LEASE_MS = HOUR;

/**
 * No new issue for longer than this and the index is stale: the per-question reads go back to
 * the schedule of lib/polling/schedule.ts. Set on 2026-12-03 from: a week between issues; answers
 * are published « durant les sessions et hors session » (law.md R9), so summer and the
 * inter-session breaks do not stop the issues; one issue may be skipped or moved when a holiday
 * falls on a Tuesday (25 December, 1 January); and the archive may come two days after its JO.
 * 7 + 7 + 2 = 16 days. A dissolution stops the issues for weeks: the per-question reads then
 * find the closures (« fin de mandat ») the index cannot tell.
 */
export const INDEX_STALE_AFTER_DAYS = 16;

/** This many failed reads in a row (about a day and a half with the retry delays) and the index is failing. */
export const INDEX_FAILING_AFTER = 5;

/**
 * In discreet mode, with a healthy index, a watched question is read at the Assemblée at most once
 * in this long: enough to learn of withdrawals, closures and signalements, which the JO does not
 * carry, within a month. A little over four weeks, so that the retries of a failed read still
 * keep the average under one request revealing the question per four weeks.
 */
export const DIRECT_READ_GAP_MS = 30 * DAY;

export const INDEX_ISSUE_STATUSES = ['applied', 'unreadable'] as const;

/** What the store remembers of each issue: enough never to download it twice. */
export const issueRecordSchema = z.object({
  /** `{chamber}/{file name}`: the same archive in this year's folder and, later, in its year's. */
  key: z.string().check(z.minLength(1), z.maxLength(300)),
  chamber: chamberSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Orders the issues of a chamber: year, number, name. */
  order: z.string().check(z.maxLength(220)),
  /** `applied`: read, and its answers applied; `unreadable`: the archive did not open or read. */
  status: z.enum(INDEX_ISSUE_STATUSES),
  attempts: z.number().check(z.int(), z.minimum(1)),
  /** When it was applied, or last tried. */
  at: timestampSchema,
  /** The issue's JO date, as its entries tell it. */
  publishedOn: z.optional(isoDateSchema),
  /** Answers the issue printed. */
  answers: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** Entries the reader left out (dila.md: a broken entry never hides its siblings). */
  rejected: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** Why it is unreadable. */
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type IssueRecord = z.infer<typeof issueRecordSchema>;

/** A chamber's index, between reads. */
export const indexStateSchema = z.object({
  chamber: chamberSchema,
  /** Consecutive failed reads (the folder or an archive could not be fetched). */
  failures: z.number().check(z.int(), z.minimum(0)),
  nextReadAt: z.optional(timestampSchema),
  /** The last read that went through. */
  lastReadAt: z.optional(timestampSchema),
  /** Why the last read failed, while reads fail. */
  lastFailure: z.optional(z.string().check(z.maxLength(500))),
});
export type IndexState = z.infer<typeof indexStateSchema>;

export function issueKey(issue: Pick<ListedIssue, 'chamber' | 'name'>): string {
  return `${issue.chamber}/${issue.name}`;
}

export function issueOrder(issue: Pick<ListedIssue, 'year' | 'number' | 'name'>): string {
  return `${String(issue.year ?? 0).padStart(4, '0')}-${String(issue.number ?? 0).padStart(4, '0')}-${issue.name}`;
}

/** Applied, or set aside after its attempts: never downloaded again. */
export function isDone(record: IssueRecord): boolean {
  return record.status === 'applied' || record.attempts >= ARCHIVE_ATTEMPTS;
}

const parisDate = (at: number) => parisMoment(at).date;

/** The JO date of an issue: as its entries tell it, or else the day it was applied or given up. */
function issueDate(record: IssueRecord): IsoDate {
  return record.publishedOn ?? parisDate(record.at);
}

function newest(records: readonly IssueRecord[], keep: (record: IssueRecord) => boolean): IssueRecord | undefined {
  let found: IssueRecord | undefined;
  for (const record of records) if (keep(record) && (!found || record.order > found.order)) found = record;
  return found;
}

/** The folders a read lists: this year's, and across New Year the past year's (`PREVIOUS_YEAR_FOLDER_DAYS`). */
export function indexFolders(chamber: Chamber, today: IsoDate, issues: readonly IssueRecord[]): string[] {
  const year = Number(today.slice(0, 4));
  const thisYears = issues.some((record) => isDone(record) && issueDate(record).startsWith(`${year}-`));
  const earlyInYear = daysBetween(`${year}-01-01`, today) < PREVIOUS_YEAR_FOLDER_DAYS;
  return thisYears || !earlyInYear ? [folderUrl(chamber)] : [folderUrl(chamber), folderUrl(chamber, year - 1)];
}

/**
 * The listed issues to download, oldest first: those never done that are newer than the newest
 * done one (older ones were skipped on purpose, or came before Vigie read this folder), those
 * tried before and not given up, and of these the latest `MAX_ISSUES_PER_READ`.
 */
export function issuesToRead(listed: readonly ListedIssue[], issues: readonly IssueRecord[]): ListedIssue[] {
  const known = new Map(issues.map((record) => [record.key, record]));
  const watermark = newest(issues, isDone)?.order;
  const wanted = new Map<string, ListedIssue>();
  for (const issue of listed) {
    const record = known.get(issueKey(issue));
    if (record ? isDone(record) : watermark !== undefined && issueOrder(issue) <= watermark) continue;
    wanted.set(issueKey(issue), issue);
  }
  const ordered = [...wanted.values()].sort((a, b) => (issueOrder(a) < issueOrder(b) ? -1 : 1));
  return ordered.slice(-MAX_ISSUES_PER_READ);
}

/**
 * A watch `chamber`'s index may answer: one of its questions, not final, and for the Assemblée of a
 * legislature still sitting (lib/legislatures.ts). A Sénat question outlives the Assemblée's
 * legislature: only its own lapse rules end it (lib/senate-rules.ts).
 */
export function answerableByIndex(record: WatchRecord, now: number, chamber: Chamber = indexChamberOf(chamberOf(record.id))): boolean {
  const input = scheduleInput(record);
  if (indexChamberOf(input.chamber ?? 'AN') !== chamber) return false;
  if (input.chamber !== 'SEN' && hasEnded(input.legislature, parisMoment(now).date)) return false;
  return isPollable(input, now);
}

/** A chamber's index is read only while a watch can still be answered by it. */
export function indexWanted(records: Iterable<WatchRecord>, now: number, chamber: Chamber = 'AN'): boolean {
  for (const record of records) if (answerableByIndex(record, now, chamber)) return true;
  return false;
}

/**
 * A folder never loses an archive within its year: a listing without this year's newest issue read
 * so far is not the folder (an error page served as 200, a half-built listing), and is read again soon
 * rather than taken for a week without news.
 */
export function missingKnownIssue(listed: readonly ListedIssue[], issues: readonly IssueRecord[], today: IsoDate): string | undefined {
  const year = `${today.slice(0, 4)}-`;
  const known = newest(issues, (record) => isDone(record) && issueDate(record).startsWith(year));
  if (!known || listed.some((issue) => issueKey(issue) === known.key)) return undefined;
  return known.name;
}

export function isIndexDue(state: IndexState | undefined, now: number): boolean {
  return state?.nextReadAt === undefined || state.nextReadAt <= now;
}

/** The issue's day that starts the chamber's JO week of `date`. */
function joWeekStart(date: IsoDate, chamber: Chamber): IsoDate {
  const weekday = parisMoment(parisInstant(date, 12)).weekday;
  return addDays(date, -((weekday - FIRST_READ[chamber].weekday + 7) % 7));
}

function firstReadOf(issueDay: IsoDate, chamber: Chamber, random: () => number): number {
  const start = parisInstant(issueDay, FIRST_READ[chamber].startHour);
  return start + Math.floor(random() * (parisInstant(issueDay, FIRST_READ[chamber].endHour) - start));
}

/**
 * When to read the folder next, after a read at `now`: after failures, as a failed check is
 * retried (an hour, doubling up to a day); once the week's issue is in, next Tuesday; until then,
 * a little less than a day later, up to Friday.
 */
export function nextIndexReadAt(
  failures: number,
  issues: readonly IssueRecord[],
  now: number,
  random: () => number,
  chamber: Chamber = 'AN',
): number {
  if (failures > 0) return now + Math.floor(retryDelay(failures) * (0.9 + 0.2 * random()));
  const today = parisDate(now);
  const week = joWeekStart(today, chamber);
  const nextWeek = addDays(week, 7);
  const latest = newest(issues, isDone);
  if (latest && issueDate(latest) >= week) return firstReadOf(nextWeek, chamber, random);
  const thisWeeks = firstReadOf(week, chamber, random);
  const { startHour } = FIRST_READ[chamber];
  if (now < parisInstant(week, startHour)) return thisWeeks;
  const retry = now + RETRY_AFTER_MS + Math.floor(random() * RETRY_SPREAD_MS);
  return retry <= parisInstant(addDays(week, RETRY_DAYS), startHour) ? retry : firstReadOf(nextWeek, chamber, random);
}

/**
 * `fresh`: the index answers for the watches; `stale`: no new issue for `INDEX_STALE_AFTER_DAYS`
 * (or none read yet); `failing`: reads keep failing, or the newest issue could not be read.
 */
export type IndexHealth = 'fresh' | 'stale' | 'failing';

export function indexHealth(state: IndexState | undefined, issues: readonly IssueRecord[], today: IsoDate): IndexHealth {
  if ((state?.failures ?? 0) >= INDEX_FAILING_AFTER) return 'failing';
  if (newest(issues, isDone)?.status === 'unreadable') return 'failing';
  const latest = newest(issues, (record) => record.status === 'applied');
  if (!latest) return 'stale';
  return daysBetween(issueDate(latest), today) > INDEX_STALE_AFTER_DAYS ? 'stale' : 'fresh';
}

/**
 * How long a watch waits between its own reads at the Assemblée: in discreet mode with a fresh
 * index, `DIRECT_READ_GAP_MS`; otherwise no wait beyond the schedule's own (today's behaviour,
 * which is also the fallback when the index is stale or failing).
 */
export function directReadGap(discreet: boolean, health: IndexHealth): number | undefined {
  return discreet && health === 'fresh' ? DIRECT_READ_GAP_MS : undefined;
}
