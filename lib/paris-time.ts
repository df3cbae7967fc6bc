/** Wall-clock time in Paris, where the Journal officiel is published, from and to epoch ms. */
import type { IsoDate } from './dates';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export interface ParisMoment {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

export function parisMoment(ms: number): ParisMoment {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The instant at `hour`:00 on `date` in Paris (CET or CEST, whichever applies that day). */
export function parisInstant(date: IsoDate, hour: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (const offset of [1, 2]) {
    const candidate = Date.UTC(y, m - 1, d, hour - offset);
    const moment = parisMoment(candidate);
    if (moment.date === date && moment.hour === hour) return candidate;
  }
  // The hour does not exist (spring-forward gap): take the instant an hour later.
  return Date.UTC(y, m - 1, d, hour - 1);
}
