/** The popup's list, as pure functions: rows from records, filtering, sorting. */
import { type IsoDate } from './dates';
import { foldAccents } from './text';
import { questionStatus, refStatus, type QuestionState, type QuestionStatus } from './status';
import { type WatchRecord } from './records';

export interface WatchRow {
  record: WatchRecord;
  status: QuestionStatus;
  number: number;
  legislature: number;
  deputy?: string;
  ministry?: string;
  title?: string;
  anUrl: string;
  nosdeputesUrl?: string;
  /** Lower-cased, unaccented text the search box looks into. */
  haystack: string;
}

/**
 * The list as the popup reads it: page by page from the store, with each page's records that no
 * longer validate (as stored), and what the background has already set aside as unreadable.
 */
export interface WatchListReader {
  pages(): AsyncIterable<{ records: WatchRecord[]; unreadable: unknown[] }>;
  setAside(): Promise<unknown[]>;
}

export type SortOrder = 'late' | 'change' | 'oldest';

export interface RowFilter {
  text: string;
  state: QuestionState | 'all';
}

export function normalizeForSearch(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** The open-data record names an unknown author by id only: not a name to show. */
function displayName(name: string | undefined): string | undefined {
  return name && !/^PA\d+$/.test(name) ? name : undefined;
}

export function toRow(record: WatchRecord, today: IsoDate): WatchRow {
  const { question, ref } = record;
  const status = question ? questionStatus(question, today) : refStatus(ref!, today);
  const number = question?.number ?? ref!.number;
  const legislature = question?.legislature ?? ref!.legislature;
  const deputy = displayName(question?.author.name);
  const ministry = question?.answeringMinistry ?? question?.ministry ?? ref?.ministry;
  const title = question?.title ?? ref?.title ?? question?.text?.slice(0, 140);
  return {
    record,
    status,
    number,
    legislature,
    deputy,
    ministry,
    title,
    anUrl: question?.urls.an ?? ref!.url,
    nosdeputesUrl: question?.urls.nosdeputes,
    haystack: normalizeForSearch(
      [number, `${legislature}`, record.id, deputy, ministry, question?.ministry, title, record.note].filter(Boolean).join(' '),
    ),
  };
}

export function filterRows(rows: readonly WatchRow[], filter: RowFilter): WatchRow[] {
  const words = normalizeForSearch(filter.text).split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) => (filter.state === 'all' || row.status.state === filter.state) && words.every((word) => row.haystack.includes(word)),
  );
}

/** How late a row is, for sorting: days late, then days open for those not late. */
function lateness(row: WatchRow): number {
  return (row.status.daysLate ?? 0) * 100_000 + (row.status.daysOpen ?? 0);
}

/** Unseen changes always come first, then the chosen order. */
export function sortRows(rows: readonly WatchRow[], order: SortOrder): WatchRow[] {
  const by: Record<SortOrder, (a: WatchRow, b: WatchRow) => number> = {
    late: (a, b) => lateness(b) - lateness(a),
    change: (a, b) => (b.record.lastChangeAt ?? b.record.watchedAt) - (a.record.lastChangeAt ?? a.record.watchedAt),
    oldest: (a, b) => a.record.watchedAt - b.record.watchedAt,
  };
  return [...rows].sort(
    (a, b) => Number(a.record.seen) - Number(b.record.seen) || by[order](a, b) || a.record.id.localeCompare(b.record.id),
  );
}
