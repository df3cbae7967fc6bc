/**
 * The rows the popup opens on, kept ready by the background: with 10,000 watches the popup shows
 * them from one `get` instead of after reading and sorting the whole list. The order depends on the
 * day (lateness grows, questions fall due), so the page carries the day it was sorted for; every
 * transaction that writes watches brings it up to date, and a page of another day is sorted again
 * from the whole list. The popup trusts it only for its own day, and the full list replaces it.
 *
 * Two records: the rows themselves, which the popup reads, and a small outline of them (their ids
 * and the last row), which is all most writes need to read: a check of a watch far down the list
 * reads a few kilobytes, not the rows.
 */
import * as z from 'zod/mini';
import { type IDBPTransaction } from 'idb';
import { todayInParis, type IsoDate } from '../../dates';
import { isoDateSchema } from '../../model';
import { watchRecordSchema, type WatchRecord } from '../../records';
import { compareRows, FIRST_SCREEN_ROWS, OPENING_ORDER, ROWS_AT_ONCE, sortRows, toRow, type FirstPage, type WatchRow } from '../../watchlist';
import { type Db, type VigieDb } from './db';

/**
 * Rows kept beyond those shown, so that a row leaving the top (seen, unwatched, answered) is
 * replaced from the page itself: the whole list is sorted again only once more than this many left.
 */
const KEPT = 2 * ROWS_AT_ONCE;

const ROWS_KEY = OPENING_ORDER;
const SCREEN_KEY = `${OPENING_ORDER}:screen` as const;
const OUTLINE_KEY = `${OPENING_ORDER}:outline` as const;

const pageFields = {
  /** The day in Paris the rows were sorted for. */
  day: isoDateSchema,
  /** The rows are the whole list, not only its first ones. */
  complete: z.boolean(),
};
/** The rows: the first watches of the list, in order; records are validated one by one by their reader. */
const rowsSchema = z.object({ key: z.enum([ROWS_KEY, SCREEN_KEY]), ...pageFields, records: z.array(z.unknown()) });
/** The rows' ids in the same order, and the last row, that every record outside the page ranks after. */
const outlineSchema = z.object({ key: z.literal(OUTLINE_KEY), ...pageFields, ids: z.array(z.string()), last: z.optional(z.unknown()) });

export type FirstPageRecord =
  | { key: typeof ROWS_KEY | typeof SCREEN_KEY; day: IsoDate; complete: boolean; records: WatchRecord[] }
  | { key: typeof OUTLINE_KEY; day: IsoDate; complete: boolean; ids: string[]; last?: WatchRecord };

/** A transaction over at least `watches` and `firstPage`, whatever else it writes. */
type WatchesTx = IDBPTransaction<VigieDb, any[], 'readwrite' | 'versionchange'>;

/** The first `count` stored rows, if they are for `today` and each of them validates. */
function validRows(value: unknown, today: IsoDate, count = Number.POSITIVE_INFINITY) {
  const parsed = rowsSchema.safeParse(value);
  if (!parsed.success || parsed.data.day !== today) return undefined;
  const records: WatchRecord[] = [];
  for (const record of parsed.data.records.slice(0, count)) {
    const valid = watchRecordSchema.safeParse(record);
    if (!valid.success) return undefined;
    records.push(valid.data);
  }
  return { complete: parsed.data.complete, records };
}

async function writePage(tx: WatchesTx, rows: readonly WatchRow[], today: IsoDate, complete: boolean): Promise<void> {
  const records = rows.slice(0, KEPT).map((row) => row.record);
  const whole = complete && rows.length <= KEPT;
  const last = records[records.length - 1];
  await tx.objectStore('firstPage').put({ key: ROWS_KEY, day: today, complete: whole, records });
  await tx.objectStore('firstPage').put({ key: SCREEN_KEY, day: today, complete: whole, records: records.slice(0, FIRST_SCREEN_ROWS) });
  await tx.objectStore('firstPage').put({
    key: OUTLINE_KEY,
    day: today,
    complete: whole,
    ids: records.map((record) => record.id),
    ...(last ? { last } : {}),
  });
}

/** The page sorted again from the whole list, inside `tx`: what the popup would sort itself. */
export async function rebuildFirstPage(tx: WatchesTx, today: IsoDate): Promise<void> {
  const rows: WatchRow[] = [];
  for (const value of await tx.objectStore('watches').getAll()) {
    const parsed = watchRecordSchema.safeParse(value);
    if (parsed.success) rows.push(toRow(parsed.data, today));
  }
  await writePage(tx, sortRows(rows, OPENING_ORDER), today, true);
}

export interface WatchChanges {
  /** Records put, as stored. */
  written?: readonly WatchRecord[];
  /** Ids deleted. */
  deleted?: readonly string[];
}

/**
 * Brings the page up to date with what `tx` wrote, in `tx` itself. A record outside the page is
 * ranked after its last row (as that row was): a written record ranked before it joins the page,
 * the others cannot belong there, and a write that neither touches nor joins the page leaves it as
 * it is. Sorted again from the whole list when the page is of another day, missing or unreadable,
 * or when too many rows left it.
 */
export async function noteWatchChanges(tx: WatchesTx, { written = [], deleted = [] }: WatchChanges, now: number): Promise<void> {
  if (!written.length && !deleted.length) return;
  const today = todayInParis(new Date(now));
  const outline = outlineSchema.safeParse(await tx.objectStore('firstPage').get(OUTLINE_KEY));
  if (!outline.success || outline.data.day !== today) return rebuildFirstPage(tx, today);
  const { complete, ids } = outline.data;
  const lastRecord = outline.data.last === undefined ? undefined : watchRecordSchema.safeParse(outline.data.last);
  if (lastRecord && !lastRecord.success) return rebuildFirstPage(tx, today);
  const compare = compareRows(OPENING_ORDER);
  const last = lastRecord && toRow(lastRecord.data, today);
  const joining = written.map((record) => toRow(record, today)).filter((row) => complete || !last || compare(row, last) <= 0);
  const touched = new Set([...deleted, ...written.map((record) => record.id)]);
  if (!joining.length && !ids.some((id) => touched.has(id))) return;
  const page = validRows(await tx.objectStore('firstPage').get(ROWS_KEY), today);
  // Rows that do not match their outline were not written together: neither can be trusted.
  if (!page || page.records.map((record) => record.id).join() !== ids.join()) return rebuildFirstPage(tx, today);
  const kept = page.records.filter((record) => !touched.has(record.id)).map((record) => toRow(record, today));
  const rows = [...kept, ...joining].sort(compare);
  if (!complete && rows.length < ROWS_AT_ONCE) return rebuildFirstPage(tx, today);
  await writePage(tx, rows, today, complete);
}

/** Sorts the page again unless it is already today's: the day's first run, or a page lost. */
export async function keepFirstPageCurrent(db: Db, now: number): Promise<void> {
  const today = todayInParis(new Date(now));
  const tx = db.transaction(['watches', 'firstPage'], 'readwrite');
  const store = tx.objectStore('firstPage');
  const [rows, screen, outline] = await Promise.all([store.get(ROWS_KEY), store.get(SCREEN_KEY), store.get(OUTLINE_KEY)]);
  const current = (value: unknown) => (value as { day?: unknown } | undefined)?.day === today;
  const whole = validRows(rows, today, 0) && validRows(screen, today, 0) && outlineSchema.safeParse(outline).success && current(outline);
  if (!whole) await rebuildFirstPage(tx, today);
  await tx.done;
}

/**
 * Rows as the popup reads them, for its own day; only the rows it shows are validated. Undefined
 * when there are none for today, or a row does not validate: the popup then waits for the whole
 * list, as before there was a page. The list is not counted (a `count()` of 10,000 watches costs
 * more than the page itself), except to check a page that says it holds the whole list.
 */
async function readRows(db: Db, key: typeof ROWS_KEY | typeof SCREEN_KEY, today: IsoDate, count: number): Promise<FirstPage | undefined> {
  const tx = db.transaction(['firstPage', 'watches']);
  const page = validRows(await tx.objectStore('firstPage').get(key), today, count);
  if (!page) return undefined;
  // A complete page that does not hold the whole list was left behind by a change it missed.
  if (page.complete && page.records.length !== Math.min(await tx.objectStore('watches').count(), count)) return undefined;
  return { records: page.records };
}

/** The popup's first screen of rows, read before its first render. */
export function readFirstScreen(db: Db, today: IsoDate): Promise<FirstPage | undefined> {
  return readRows(db, SCREEN_KEY, today, FIRST_SCREEN_ROWS);
}

/** The whole first page the popup shows, read once its first screen is up. */
export function readFirstPage(db: Db, today: IsoDate): Promise<FirstPage | undefined> {
  return readRows(db, ROWS_KEY, today, ROWS_AT_ONCE);
}
