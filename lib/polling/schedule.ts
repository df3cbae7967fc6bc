/**
 * When to check a watched question again. Pure: the clock and the dice are arguments.
 *
 * Answers appear in the weekly « Questions » issue of the Journal officiel (Tuesdays). So a
 * pending question is checked on publication day, once the issue is out, at a random moment
 * spread over the afternoon and evening (a thousand users must not all call at 14:00), plus a
 * catch-up check later in the week; never twice within a day. Closed and answered questions
 * are never checked again.
 */
import { addDays } from '../dates';
import { hasEnded } from '../legislatures';
import { parisInstant, parisMoment } from '../paris-time';
import { type QuestionChamber } from '../model';
import { type CheckFrequency } from '../settings';
import { isFinal, type QuestionState } from '../status';

export const MIN_CHECK_GAP_MS = 20 * 3_600_000;
const HOUR = 3_600_000;

interface Window {
  weekday: number | 'any';
  startHour: number;
  endHour: number;
}

const PUBLICATION_DAY: Window = { weekday: 2, startHour: 13, endHour: 23 };
const CATCH_UP_DAY: Window = { weekday: 5, startHour: 9, endHour: 20 };
const ANY_DAY: Window = { weekday: 'any', startHour: 9, endHour: 21 };
/** Failed checks are retried on the JO day and the day after, while a new answer is fresh. */
const RETRY_WEEKDAYS = [2, 3];

export const FREQUENCY_WINDOWS: Record<CheckFrequency, Window[]> = {
  weekly: [PUBLICATION_DAY],
  daily: [PUBLICATION_DAY, CATCH_UP_DAY],
  'every-day': [PUBLICATION_DAY, ANY_DAY],
};

export interface ScheduleInput {
  /** The Assemblée's unless said otherwise: its issue day, and whether its legislature's end closes the question. */
  chamber?: QuestionChamber;
  state: QuestionState;
  legislature: number;
  lastCheckedAt?: number;
  /** Consecutive failed checks. */
  failures: number;
  /** Watched from a list: the question itself has not been read yet. */
  snapshotOnly: boolean;
  /** The check that just succeeded came after failed ones: its retries took this week's catch-up. */
  recovered?: boolean;
}

/** A finished legislature's settling check is given up after this many failures. */
export const SETTLING_ATTEMPTS = 5;

/**
 * Whether the question's legislature had ended at `now` (lib/legislatures.ts). A Sénat question
 * outlives the Assemblée's legislature its number belongs to: its status says when it ends.
 */
function ofFinishedLegislature(input: ScheduleInput, now: number): boolean {
  return input.chamber !== 'SEN' && hasEnded(input.legislature, parisMoment(now).date);
}

/**
 * The Sénat's JO « Questions » issue is out on Thursdays (senat.md §3.2): its windows are the
 * Assemblée's two days later, catch-up on Monday, retries on the day and the next.
 */
const SENATE_SHIFT_DAYS = 2;

function windowsOf(windows: readonly Window[], chamber: QuestionChamber | undefined): Window[] {
  if (chamber !== 'SEN') return [...windows];
  return windows.map((w) => (w.weekday === 'any' ? w : { ...w, weekday: (w.weekday + SENATE_SHIFT_DAYS) % 7 }));
}

/**
 * Whether a question may ever cost a request again. A finished legislature's questions are
 * answered or lapsed with it (their status says so): only a status Vigie could not read gets one
 * check against the Assemblée, to settle it.
 */
export function isPollable(input: ScheduleInput, now: number): boolean {
  if (isFinal(input.state)) return false;
  if (ofFinishedLegislature(input, now)) {
    return input.state === 'unknown' && input.lastCheckedAt === undefined && input.failures < SETTLING_ATTEMPTS;
  }
  return true;
}

export function retryDelay(failures: number): number {
  return Math.min(24 * HOUR, HOUR * 2 ** Math.max(0, failures - 1));
}

/** A random moment in the first window open at or after `earliest`. */
function slot(windows: readonly Window[], earliest: number, random: () => number): number {
  const today = parisMoment(earliest).date;
  for (let offset = 0; offset < 15; offset++) {
    const date = addDays(today, offset);
    const weekday = parisMoment(parisInstant(date, 12)).weekday;
    const window = windows.find((w) => w.weekday === 'any' || w.weekday === weekday);
    if (!window) continue;
    const start = Math.max(parisInstant(date, window.startHour), earliest);
    const end = parisInstant(date, window.endHour);
    if (end - start < 10 * 60_000) continue;
    return start + Math.floor(random() * (end - start));
  }
  return earliest + 7 * 24 * HOUR;
}

/**
 * The next time to check, or undefined when the question is never to be checked again.
 * At most two requests a week for 'daily', failures included: a retry is made on the JO day or
 * the day after, when answers appear, and then takes the place of that week's catch-up check;
 * a failed catch-up check is not retried but waits for the next JO day.
 */
export function nextCheckAt(input: ScheduleInput, now: number, frequency: CheckFrequency, random: () => number): number | undefined {
  if (!isPollable(input, now)) return undefined;
  const current = !ofFinishedLegislature(input, now);
  // A check dated after now (a clock set back, an edited file) says nothing about when to check next.
  const lastCheckedAt = input.lastCheckedAt !== undefined && input.lastCheckedAt <= now ? input.lastCheckedAt : undefined;
  const earliest = Math.max(now, (lastCheckedAt ?? Number.NEGATIVE_INFINITY) + MIN_CHECK_GAP_MS);
  if (input.failures > 0) {
    const retry = now + Math.floor(retryDelay(input.failures) * (0.9 + 0.2 * random()));
    const shift = input.chamber === 'SEN' ? SENATE_SHIFT_DAYS : 0;
    const answersAreFresh = RETRY_WEEKDAYS.map((day) => (day + shift) % 7).includes(parisMoment(now).weekday);
    if (!current || input.snapshotOnly || frequency === 'every-day' || answersAreFresh) return retry;
    return slot(windowsOf([PUBLICATION_DAY], input.chamber), earliest, random);
  }
  // A finished legislature's unreadable status gets one check against the Assemblée; after that,
  // never again.
  if (!current) return now + Math.floor(random() * HOUR);
  if (input.snapshotOnly && lastCheckedAt === undefined) return now + Math.floor(random() * 5 * 60_000);
  return slot(windowsOf(input.recovered ? [PUBLICATION_DAY] : FREQUENCY_WINDOWS[frequency], input.chamber), earliest, random);
}
