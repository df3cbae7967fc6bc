/**
 * The content script writes dates and numbers and tells the Paris day without `Intl` (see
 * lib/i18n.ts), and the schedule computes Paris wall-clock time itself (lib/paris-time.ts): here
 * `Intl` checks they say exactly the same.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../../lib/dates';
import { formatters } from '../../lib/i18n';
import { parisInstant, parisMoment } from '../../lib/paris-time';

const intlDate = (lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const intlParisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const intlParisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function intlParisMoment(ms: number) {
  const parts = Object.fromEntries(intlParisParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!],
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

describe('formatting without Intl, as Intl does', () => {
  it.each(['fr', 'en'] as const)(
    'dates in %s, every day from 1990 to 2040',
    (lang) => {
      const reference = intlDate(lang);
      const ours = formatters(lang);
      for (let date = '1990-01-01'; date < '2041-01-01'; date = addDays(date, 1)) {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const expected = reference.format(new Date(Date.UTC(y, m - 1, d)));
        expect(ours.date(date), date).toBe(lang === 'fr' && d === 1 ? expected.replace(/^1 /, '1er ') : expected);
      }
    },
    60_000,
  );

  it.each(['fr', 'en'] as const)('whole numbers in %s', (lang) => {
    const reference = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const ours = formatters(lang);
    for (const value of [
      0, 1, 9, 10, 99, 100, 999, 1000, 1148, 9999, 10000, 12345, 100000, 999999, 1000000, 123456789, -1, -1148, -12345,
    ]) {
      expect(ours.number(value), String(value)).toBe(reference.format(value));
    }
  });

  it('the Paris day, every 20 minutes across 2024–2027 and both daylight-saving switches', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2028, 0, 1);
    for (let ms = start; ms < end; ms += 20 * 60_000) {
      const now = new Date(ms);
      expect(todayInParis(now), now.toISOString()).toBe(intlParisDay.format(now));
    }
    for (const instant of [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2026-12-31T22:59:59Z',
      '2026-12-31T23:00:00Z',
    ]) {
      expect(todayInParis(new Date(instant)), instant).toBe(intlParisDay.format(new Date(instant)));
    }
  }, 60_000);

  it('the Paris date, weekday, hour and minute, every 679 minutes across 1996–2035 (every minute of the hour in turn)', () => {
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2036, 0, 1); ms += 679 * 60_000) {
      expect(parisMoment(ms), new Date(ms).toISOString()).toStrictEqual(intlParisMoment(ms));
    }
    for (const instant of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z']) {
      const ms = Date.parse(instant);
      expect(parisMoment(ms), instant).toStrictEqual(intlParisMoment(ms));
    }
  }, 60_000);

  it('the instant of an hour in Paris, every day of 2024–2027, across both switches', () => {
    for (let date = '2024-01-01'; date < '2028-01-01'; date = addDays(date, 1)) {
      for (const hour of [0, 2, 3, 9, 13, 23]) {
        const ms = parisInstant(date, hour);
        const moment = intlParisMoment(ms);
        // 02:00 does not exist on the spring switch: the instant an hour later stands in for it.
        if (moment.hour === hour) expect(moment.date, `${date} ${hour}h`).toBe(date);
        else expect([moment.date, moment.hour], `${date} ${hour}h`).toStrictEqual([date, hour + 1]);
      }
    }
  }, 60_000);
});
