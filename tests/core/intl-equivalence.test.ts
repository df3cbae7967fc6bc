/**
 * The content script writes dates and numbers and tells the Paris day without `Intl` (see
 * lib/i18n.ts): here `Intl` checks it writes them exactly the same.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayInParis } from '../../lib/dates';
import { formatters } from '../../lib/i18n';

const intlDate = (lang: 'fr' | 'en') => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const intlParisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('formatting without Intl, as Intl does', () => {
  it.each(['fr', 'en'] as const)('dates in %s, every day from 1990 to 2040', (lang) => {
    const reference = intlDate(lang);
    const ours = formatters(lang);
    for (let date = '1990-01-01'; date < '2041-01-01'; date = addDays(date, 1)) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const expected = reference.format(new Date(Date.UTC(y, m - 1, d)));
      expect(ours.date(date), date).toBe(lang === 'fr' && d === 1 ? expected.replace(/^1 /, '1er ') : expected);
    }
  });

  it.each(['fr', 'en'] as const)('whole numbers in %s', (lang) => {
    const reference = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const ours = formatters(lang);
    for (const value of [0, 1, 9, 10, 99, 100, 999, 1000, 1148, 9999, 10000, 12345, 100000, 999999, 1000000, 123456789, -1, -1148, -12345]) {
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
    for (const instant of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z', '2026-12-31T22:59:59Z', '2026-12-31T23:00:00Z']) {
      expect(todayInParis(new Date(instant)), instant).toBe(intlParisDay.format(new Date(instant)));
    }
  });
});
