/** Wall-clock time in Paris, where the Journal officiel is published, from and to epoch ms. */
import { parisOffsetHours, type IsoDate } from './dates';

const HOUR = 3_600_000;

export interface ParisMoment {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parisMoment(ms: number): ParisMoment {
  const wall = new Date(ms + parisOffsetHours(ms) * HOUR);
  return {
    date: `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
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
