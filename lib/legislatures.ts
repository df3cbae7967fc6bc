/**
 * The legislatures of the Fifth Republic as data: when each sat, and how it ended. Every rule that
 * needs "the current legislature" or "has this legislature ended" reads this table, so the next
 * dissolution is one new row, not a hunt through the code.
 *
 * Source: docs/reference/law.md §1. Evidence per date: 'V' verified in a cited source, 'P' probable
 * (derived from a verified rule or from one indirect source). A last day is the day unanswered
 * questions lapse (« Fin de mandat »), its evidence that of the closure date itself.
 */
import { type IsoDate } from './dates';

export type Evidence = 'V' | 'P';

export interface Legislature {
  number: number;
  firstDay: IsoDate;
  firstDayEvidence: Evidence;
  /** Absent while the legislature sits: only added once it has ended, never from its expected term. */
  lastDay?: IsoDate;
  lastDayEvidence?: Evidence;
  endedBy?: 'term' | 'dissolution';
}

export const LEGISLATURES: readonly Legislature[] = [
  // 2 Apr 1986 + « 2 ans, 1 mois et 12 jours »; dissolution decree of 14 May 1988.
  { number: 8, firstDay: '1986-04-02', firstDayEvidence: 'V', lastDay: '1988-05-14', lastDayEvidence: 'P', endedBy: 'dissolution' },
  // Second Thursday after the election (Const. art. 12); the April session of 1993 ended it.
  { number: 9, firstDay: '1988-06-23', firstDayEvidence: 'P', lastDay: '1993-04-01', lastDayEvidence: 'P', endedBy: 'term' },
  { number: 10, firstDay: '1993-04-02', firstDayEvidence: 'V', lastDay: '1997-04-21', lastDayEvidence: 'P', endedBy: 'dissolution' },
  // Third Tuesday of June of the fifth year (LO 2001-419).
  { number: 11, firstDay: '1997-06-12', firstDayEvidence: 'P', lastDay: '2002-06-18', lastDayEvidence: 'P', endedBy: 'term' },
  { number: 12, firstDay: '2002-06-19', firstDayEvidence: 'V', lastDay: '2007-06-19', lastDayEvidence: 'P', endedBy: 'term' },
  { number: 13, firstDay: '2007-06-20', firstDayEvidence: 'V', lastDay: '2012-06-19', lastDayEvidence: 'P', endedBy: 'term' },
  { number: 14, firstDay: '2012-06-20', firstDayEvidence: 'V', lastDay: '2017-06-20', lastDayEvidence: 'P', endedBy: 'term' },
  // Q15-44415: « Date de cloture : 21 juin 2022 — Fin de mandat ».
  { number: 15, firstDay: '2017-06-21', firstDayEvidence: 'V', lastDay: '2022-06-21', lastDayEvidence: 'V', endedBy: 'term' },
  // Dissolution decree of Sunday 9 June 2024, mandates ended that day; 2024-06-10 (its JO) is not excluded.
  { number: 16, firstDay: '2022-06-22', firstDayEvidence: 'V', lastDay: '2024-06-09', lastDayEvidence: 'P', endedBy: 'dissolution' },
  // First sitting after the elections of 30 June and 7 July 2024; no Assembly from 10 June to 17 July.
  { number: 17, firstDay: '2024-07-18', firstDayEvidence: 'P' },
];

export function legislatureRow(number: number): Legislature | undefined {
  return LEGISLATURES.find((row) => row.number === number);
}

/** Every legislature before the table's first one ended before 1986, on a date the table does not give. */
function endedBeforeCalendar(number: number): boolean {
  return number < LEGISLATURES[0]!.number;
}

/**
 * Whether the legislature has ended by `today`: the day after its last day. One newer than the
 * table is taken as sitting, so that a dissolution not yet in the table never stops Vigie.
 */
export function hasEnded(number: number, today: IsoDate): boolean {
  if (endedBeforeCalendar(number)) return true;
  const lastDay = legislatureRow(number)?.lastDay;
  return lastDay !== undefined && today > lastDay;
}

/** Whether `date` falls outside the days the legislature sat, as far as the table knows. */
export function outsideLegislature(number: number, date: IsoDate): boolean {
  const row = legislatureRow(number);
  if (!row) return false;
  return date < row.firstDay || (row.lastDay !== undefined && date > row.lastDay);
}

/**
 * The legislature sitting on `date`, or nothing before the table and between a dissolution and
 * the next Assembly. For sources that date a question but do not number its legislature (the
 * Senate's, whose numbering follows the Assemblée's legislatures).
 */
export function legislatureOn(date: IsoDate): number | undefined {
  return LEGISLATURES.find((row) => row.firstDay <= date && (row.lastDay === undefined || date <= row.lastDay))?.number;
}
