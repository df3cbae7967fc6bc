/** The popup's list, as pure functions: rows from records, filtering, sorting. */
import { type IsoDate } from './dates';
import { foldAccents } from './text';
import { questionStatus, refStatus, type QuestionState, type QuestionStatus } from './status';
import { type WatchRecord } from './records';
import { chamberOf, type QuestionChamber } from './model';
import { type Publisher } from './sites/types';
import { primaryUrl, type QuestionUrls } from './urls';

export interface WatchRow {
  record: WatchRecord;
  status: QuestionStatus;
  number: number;
  legislature: number;
  chamber: QuestionChamber;
  deputy?: string;
  ministry?: string;
  title?: string;
  /** The question's page on its chamber's own site (or, failing that, the other publisher's). */
  url: string;
  /** Every page of the question, its chamber's first. */
  pages: { publisher: Publisher; url: string }[];
  /** Lower-cased, unaccented text the search box looks into. */
  haystack: string;
}

/**
 * The list as the popup reads it: page by page from the store, with each page's records that no
 * longer validate (as stored), and what the background has already set aside as unreadable.
 */
export interface WatchListReader {
  /**
   * The rows the background keeps ready for `today` (after the first screen of them, read before the
   * first render); undefined when there are none for today, or they cannot be read.
   */
  firstPage(today: IsoDate): Promise<FirstPage | undefined>;
  pages(): AsyncIterable<{ records: WatchRecord[]; unreadable: unknown[] }>;
  setAside(): Promise<unknown[]>;
}

/** The rows the popup opens on, as the background keeps them ready (store/first-page.ts). */
export interface FirstPage {
  /** The first records of the whole list in {@link OPENING_ORDER}, at most {@link ROWS_AT_ONCE}. */
  records: WatchRecord[];
}

export type SortOrder = 'late' | 'change' | 'oldest';

/** The order the popup opens on, the one whose first rows the background keeps ready. */
export const OPENING_ORDER = 'late' satisfies SortOrder;

/** Rows rendered at once; more on demand, so 10,000 watches open as fast as 10. */
export const ROWS_AT_ONCE = 100;

/**
 * The rows of the popup's first render: more than a popup's screen. The background keeps them apart
 * from the rest of the first page, so that the first render waits for a few kilobytes only.
 */
export const FIRST_SCREEN_ROWS = 20;

export interface RowFilter {
  text: string;
  state: QuestionState | 'all';
  /** Both chambers unless one is chosen. */
  chamber?: QuestionChamber | 'all';
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
    chamber: chamberOf(record.id),
    url: (question && primaryUrl(question.urls)) ?? ref!.url,
    pages: pagesOf(question?.urls ?? {}, ref?.url),
    haystack: normalizeForSearch(
      [number, `${legislature}`, record.id, deputy, ministry, question?.ministry, title, record.note].filter(Boolean).join(' '),
    ),
  };
}

const PUBLISHERS: readonly Publisher[] = ['an', 'senat', 'nosdeputes', 'nossenateurs'];

/** The question's pages in a fixed order, each chamber's own site before the other publisher's. */
function pagesOf(urls: QuestionUrls, listed: string | undefined): { publisher: Publisher; url: string }[] {
  const pages = PUBLISHERS.flatMap((publisher) => (urls[publisher] ? [{ publisher, url: urls[publisher]! }] : []));
  if (pages.length || !listed) return pages;
  const publisher = PUBLISHERS.find((p) => listed.includes(p === 'an' ? 'assemblee-nationale.fr' : `${p}.fr`)) ?? 'an';
  return [{ publisher, url: listed }];
}

export function filterRows(rows: readonly WatchRow[], filter: RowFilter): WatchRow[] {
  const words = normalizeForSearch(filter.text).split(/\s+/).filter(Boolean);
  const chamber = filter.chamber ?? 'all';
  return rows.filter(
    (row) =>
      (filter.state === 'all' || row.status.state === filter.state) &&
      (chamber === 'all' || row.chamber === chamber) &&
      words.every((word) => row.haystack.includes(word)),
  );
}

/** How late a row is, for sorting: days late, then days open for those not late. */
function lateness(row: WatchRow): number {
  return (row.status.daysLate ?? 0) * 100_000 + (row.status.daysOpen ?? 0);
}

const BY: Record<SortOrder, (a: WatchRow, b: WatchRow) => number> = {
  late: (a, b) => lateness(b) - lateness(a),
  change: (a, b) => (b.record.lastChangeAt ?? b.record.watchedAt) - (a.record.lastChangeAt ?? a.record.watchedAt),
  oldest: (a, b) => a.record.watchedAt - b.record.watchedAt,
};

// What `localeCompare` does, without building its collator again at each of a long sort's comparisons.
let ids: Intl.Collator | undefined;

/** Unseen changes always come first, then the chosen order, then the id: never a tie between two rows. */
export function compareRows(order: SortOrder): (a: WatchRow, b: WatchRow) => number {
  const by = BY[order];
  ids ??= new Intl.Collator();
  const collator = ids;
  return (a, b) => Number(a.record.seen) - Number(b.record.seen) || by(a, b) || collator.compare(a.record.id, b.record.id);
}

export function sortRows(rows: readonly WatchRow[], order: SortOrder): WatchRow[] {
  return [...rows].sort(compareRows(order));
}

/** Two lists sorted in `order` as one, in one pass: a long list is sorted page by page as it arrives. */
export function mergeSorted(sorted: readonly WatchRow[], more: readonly WatchRow[], order: SortOrder): WatchRow[] {
  const compare = compareRows(order);
  const merged: WatchRow[] = new Array(sorted.length + more.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < more.length) merged[k++] = compare(sorted[i]!, more[j]!) <= 0 ? sorted[i++]! : more[j++]!;
  while (i < sorted.length) merged[k++] = sorted[i++]!;
  while (j < more.length) merged[k++] = more[j++]!;
  return merged;
}
