/** Calendar dates as `YYYY-MM-DD` strings: no time zone, no `Date` objects leaking out. */
import { foldAccents } from './text';
export type IsoDate = string;

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONG = /^(?:le\s+)?(\d{1,2})(?:er|e)?\s+([a-zéèêûôâ.]+)\s+(\d{4})$/;
const NUMERIC = /^(?:le\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

/** A date inside running text: "… publiée le 30 avril 2019 …", "… le : 07/01/2014 page …". */
export const DATE_IN_TEXT = String.raw`(\d{1,2}(?:er)?\s+[a-zA-Zéèêûôâ.]+\s+\d{4}|\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})`;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian, by arithmetic: every date a list page reads is checked here, twice, and a `Date` each cost more than the rest. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1]!;
}

function toIso(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a French date as written on the parliamentary sites: "30 avril 2019", "1er mars 2016",
 * "30/04/2019", "04/02/20" (NosDéputés' short form), or ISO. Returns nothing for anything else.
 */
export function parseFrenchDate(input: string | null | undefined): IsoDate | undefined {
  if (typeof input !== 'string') return undefined;
  const text = foldAccents(
    input
      .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
      .trim()
      .toLowerCase(),
  );
  if (!text) return undefined;
  let m = ISO.exec(text);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = LONG.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.replace(/\.$/, '')];
    return month ? toIso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = NUMERIC.exec(text);
  if (m) {
    let year = Number(m[3]);
    // Two-digit years only appear on NosDéputés (legislatures from 2007 on).
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    return toIso(year, Number(m[2]), Number(m[1]));
  }
  return undefined;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  return !!m && toIso(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** The calendar day a timestamp string starts with (« 2024-06-09T00:00:00+02:00 »), if it is one. */
export function isoDay(value: string | null | undefined): IsoDate | undefined {
  const day = value?.slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const m = ISO.exec(date)!;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Adds months, clamping to the end of the month: 31 Dec + 2 months = 28/29 Feb. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIso(year, month, Math.min(d, daysInMonth(year, month)))!;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())!;
}

/** The day of the week, 0 for Monday to 6 for Sunday. */
export function weekdayOf(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** A deadline of `months` calendar months for the JO issues from `firstIssue` to `lastIssue`, either end open. */
export interface IssueDeadline {
  firstIssue?: IsoDate;
  lastIssue?: IsoDate;
  months: number;
}

/** The deadline of a question published on `publishedOn` under the first rule covering that issue; none where no rule does. */
export function deadlineUnder(rules: readonly IssueDeadline[], publishedOn: IsoDate): IsoDate | undefined {
  const rule = rules.find(
    (r) => (r.firstIssue === undefined || publishedOn >= r.firstIssue) && (r.lastIssue === undefined || publishedOn <= r.lastIssue),
  );
  return rule && addMonths(publishedOn, rule.months);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The last Sunday of a month, 01:00 UTC: when the EU switches summer time on or off. */
function lastSundayOneAmUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * Hours between UTC and Paris at an instant: 1, and 2 from the last Sunday of March to the last
 * Sunday of October at 01:00 UTC (the EU rule since 1996; Vigie never asks about earlier instants).
 * Computed rather than asked of `Intl`, whose time-zone data costs a page 15–20 ms to load and a
 * year's simulation most of its time; tests/core/intl-equivalence.test.ts holds it to `Intl`.
 */
export function parisOffsetHours(ms: number): 1 | 2 {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayOneAmUtc(year, 3) && ms < lastSundayOneAmUtc(year, 10) ? 2 : 1;
}

/** The calendar day in Paris, where the Journal officiel is dated. */
export function todayInParis(now: Date = new Date()): IsoDate {
  const paris = new Date(now.getTime() + parisOffsetHours(now.getTime()) * 3_600_000);
  return toIso(paris.getUTCFullYear(), paris.getUTCMonth() + 1, paris.getUTCDate())!;
}
