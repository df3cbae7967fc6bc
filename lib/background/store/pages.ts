/**
 * The list read in pages, read-only: the popup and the options page open the database themselves
 * (same extension origin) rather than receive the whole list through messaging, which has a size
 * limit and wakes the worker. Records that no longer validate are counted, not shown; the
 * background repairs or sets them aside on its next write.
 */
import { exportFileParts } from '../../exchange';
import { listFollows } from './follows';
import { type QuarantineRecord, type WatchRecord, watchRecordSchema } from '../../records';
import { type WatchListReader } from '../../watchlist';
import { type Db } from './db';
import { readFirstPage } from './first-page';

export const WATCH_PAGE_SIZE = 500;

/**
 * The popup's pages are smaller: each is read, validated and sorted in one task while the user may
 * already be typing, and a task of 500 watches was over the 50 ms a keystroke can wait.
 */
export const POPUP_PAGE_SIZE = 200;

export interface WatchPage {
  records: WatchRecord[];
  /** Records of this page that do not validate, as they are stored. */
  unreadable: unknown[];
  /** The key to read the next page after; absent on the last page. */
  after?: string;
}

export async function readWatchPage(db: Db, after?: string, count = WATCH_PAGE_SIZE): Promise<WatchPage> {
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const values = await db.getAll('watches', range, count);
  const page: WatchPage = { records: [], unreadable: [] };
  for (const value of values) {
    const parsed = watchRecordSchema.safeParse(value);
    if (parsed.success) page.records.push(parsed.data);
    else page.unreadable.push(value);
  }
  const last = values[values.length - 1] as { id?: unknown } | undefined;
  if (values.length === count && typeof last?.id === 'string') page.after = last.id;
  return page;
}

/** Every page of the list, in key order. */
export async function* watchPages(db: Db, count = WATCH_PAGE_SIZE): AsyncGenerator<WatchPage> {
  let after: string | undefined;
  do {
    const page = await readWatchPage(db, after, count);
    yield page;
    after = page.after;
  } while (after !== undefined);
}

/** What was set aside as unreadable, as it was stored, for the user to keep. */
export async function quarantinedWatches(db: Db): Promise<QuarantineRecord[]> {
  return (await db.getAll('quarantine')).filter((record) => record.store === 'watches');
}

/** The list as the popup reads it, from the store itself. */
export function watchListReader(db: Db): WatchListReader {
  return {
    firstPage: (today) => readFirstPage(db, today),
    pages: () => watchPages(db, POPUP_PAGE_SIZE),
    setAside: async () => (await quarantinedWatches(db)).map((record) => record.value),
  };
}

/** The export file, written page by page: never the whole list as one string or one message. */
export async function exportFile(db: Db, now: number): Promise<{ file: Blob; watches: number }> {
  let watches = 0;
  async function* records() {
    for await (const page of watchPages(db)) {
      watches += page.records.length;
      yield page.records;
    }
  }
  const parts: string[] = [];
  for await (const part of exportFileParts(records(), now, await listFollows(db))) parts.push(part);
  return { file: new Blob(parts, { type: 'application/json' }), watches };
}
