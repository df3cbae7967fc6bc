import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  DATE_IN_TEXT,
  daysBetween,
  type IsoDate,
  isIsoDate,
  parseFrenchDate,
  todayInParis,
  weekdayOf,
} from '../../lib/dates';

describe('parseFrenchDate', () => {
  it.each([
    // Long form, as NosDéputés and the Assemblée write it.
    ['30 avril 2019', '2019-04-30'],
    ['1er mars 2016', '2016-03-01'],
    ['1 mars 2016', '2016-03-01'],
    ['2 août 1999', '1999-08-02'],
    ['13 décembre 2022', '2022-12-13'],
    ['9 février 2024', '2024-02-09'],
    ['29 février 2024', '2024-02-29'],
    ['31 janvier 2020', '2020-01-31'],
    ['14 juillet 2010', '2010-07-14'],
    ['5 juin 2012', '2012-06-05'],
    ['8 mai 2012', '2012-05-08'],
    ['30 septembre 2009', '2009-09-30'],
    ['31 octobre 2017', '2017-10-31'],
    ['11 novembre 2018', '2018-11-11'],
    // Abbreviated months, with or without the dot.
    ['30 avr. 2019', '2019-04-30'],
    ['1er janv. 2020', '2020-01-01'],
    ['3 févr. 2015', '2015-02-03'],
    ['3 fev 2015', '2015-02-03'],
    ['21 juil. 2021', '2021-07-21'],
    ['7 sept. 2021', '2021-09-07'],
    ['4 oct 2021', '2021-10-04'],
    ['2 nov. 2021', '2021-11-02'],
    ['24 déc. 2021', '2021-12-24'],
    // Case and accents.
    ['13 decembre 2022', '2022-12-13'],
    ['13 DÉCEMBRE 2022', '2022-12-13'],
    ['13 DECEMBRE 2022', '2022-12-13'],
    ['2 aout 1999', '1999-08-02'],
    ['2 AOÛT 1999', '1999-08-02'],
    ['2 aou\u0302t 1999', '1999-08-02'], // decomposed (NFD) accent
    ['1ER MARS 2016', '2016-03-01'],
    // Spacing: non-breaking spaces, narrow no-break spaces, thin spaces, tabs, runs, edges.
    ['30\u00a0avril\u00a02019', '2019-04-30'],
    ['30\u202favril\u202f2019', '2019-04-30'],
    ['30\u2009avril 2019', '2019-04-30'],
    ['  30   avril\t2019  ', '2019-04-30'],
    ['\n30 avril\n2019\n', '2019-04-30'],
    ['1er\u00a0mars 2016', '2016-03-01'],
    // Leading "le ".
    ['le 30 avril 2019', '2019-04-30'],
    ['Le 1er mars 2016', '2016-03-01'],
    ['le\u00a030/04/2019', '2019-04-30'],
    // Numeric forms.
    ['30/04/2019', '2019-04-30'],
    ['1/3/2016', '2016-03-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2019', '2019-12-31'],
    ['04/02/20', '2020-02-04'],
    ['21/06/22', '2022-06-21'],
    ['31/12/07', '2007-12-31'],
    ['04/02/99', '1999-02-04'],
    [' 30/04/2019 ', '2019-04-30'],
    // ISO.
    ['2019-04-30', '2019-04-30'],
    ['2024-02-29', '2024-02-29'],
    [' 2019-04-30 ', '2019-04-30'],
  ])('%j → %s', (input, expected) => {
    expect(parseFrenchDate(input)).toBe(expected);
  });

  it.each<[string | null | undefined]>([
    [''],
    ['   '],
    ['\u00a0'],
    [null],
    [undefined],
    ['31 février 2019'],
    ['29 février 2023'],
    ['31 avril 2019'],
    ['0 avril 2019'],
    ['32 janvier 2019'],
    ['29/02/2023'],
    // Centuries are leap years only when divisible by 400.
    ['29/02/2100'],
    ['29 février 1900'],
    ['31/06/2019'],
    ['31/09/2019'],
    ['31/11/2019'],
    ['32/01/2019'],
    ['00/01/2019'],
    ['30/13/2019'],
    ['30/00/2019'],
    ['avril 2019'],
    ['30 avril'],
    ['30 foo 2019'],
    ['30 avril 19'],
    ['30 avril 1899'],
    ['2019-02-30'],
    ['2019-13-01'],
    ['2019-4-30'],
    ['2019-04-30T00:00:00Z'],
    ['30-04-2019'],
    ['30.04.2019'],
    ['30/04/019'],
    ['30/04/2019 extra'],
    ['extra 30/04/2019'],
    ['30 avril 2019 extra'],
    ['publiée le 30 avril 2019'],
    ['30avril 2019'],
    ['not a date'],
  ])('%j → undefined', (input) => {
    expect(parseFrenchDate(input)).toBeUndefined();
  });

  it('ignores values that are not strings', () => {
    expect(parseFrenchDate(42 as unknown as string)).toBeUndefined();
    expect(parseFrenchDate(new Date(2019, 3, 30) as unknown as string)).toBeUndefined();
  });

  it('reads every day of a leap year and a common year in both numeric and long form, never an invalid date', () => {
    const months = [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ];
    for (const start of ['2023-01-01', '2024-01-01']) {
      const year = Number(start.slice(0, 4));
      const length = year === 2024 ? 366 : 365;
      for (let i = 0; i < length; i++) {
        const iso = addDays(start, i);
        const [, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(parseFrenchDate(`${d}/${m}/${year}`)).toBe(iso);
        expect(parseFrenchDate(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(year).slice(2)}`)).toBe(iso);
        expect(parseFrenchDate(`${d === 1 ? '1er' : d} ${months[m - 1]} ${year}`)).toBe(iso);
      }
    }
    // Days past the end of each month are rejected rather than rolled over.
    for (let m = 1; m <= 12; m++) {
      for (const d of [29, 30, 31, 32]) {
        const lastDay = new Date(Date.UTC(2023, m, 0)).getUTCDate();
        const expected = d <= lastDay ? `2023-${String(m).padStart(2, '0')}-${d}` : undefined;
        expect(parseFrenchDate(`${d}/${m}/2023`)).toBe(expected);
      }
    }
  });
});

describe('DATE_IN_TEXT', () => {
  it.each([
    ['Question publiée au JO le : 30/04/2019 page : 3925', '30/04/2019'],
    ['Question soumise le 1er mars 2016', '1er mars 2016'],
    ['Date de dépôt: 2024-10-01', '2024-10-01'],
    ['Réponse émise le 04/02/20', '04/02/20'],
  ])('finds the date in %j', (text, expected) => {
    expect(new RegExp(DATE_IN_TEXT).exec(text)?.[1]).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2023-12-31', 2, '2024-02-29'],
    ['2022-12-31', 2, '2023-02-28'],
    ['2019-08-31', 1, '2019-09-30'],
    ['2019-04-30', 2, '2019-06-30'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-12-30', 2, '2020-02-29'],
    ['2019-11-30', 2, '2020-01-30'],
    ['2019-12-15', 1, '2020-01-15'],
    ['2019-12-15', 14, '2021-02-15'],
    ['2019-03-31', 12, '2020-03-31'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2009-08-31', 1, '2009-09-30'],
    ['2009-09-01', 2, '2009-11-01'],
    ['2024-01-15', 0, '2024-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-01-31', -14, '2022-11-30'],
  ])('%s + %i months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => addMonths('30/04/2019', 2)).toThrow(RangeError);
    expect(() => addMonths('', 2)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2019-04-30', 1, '2019-05-01'],
    ['2019-01-31', 1, '2019-02-01'],
    ['2019-12-31', 1, '2020-01-01'],
    ['2020-01-01', -1, '2019-12-31'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-02-29', 1, '2020-03-01'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2024-12-25', 10, '2025-01-04'],
    ['2024-02-20', 10, '2024-03-01'],
    ['2023-02-20', 10, '2023-03-02'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2019-01-01', 365, '2020-01-01'],
    // Across the daylight-saving changes: no hour drift.
    ['2024-03-30', 1, '2024-03-31'],
    ['2024-03-31', 1, '2024-04-01'],
    ['2024-10-27', 1, '2024-10-28'],
    ['2024-06-15', 0, '2024-06-15'],
  ])('%s + %i days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => addDays('2019/04/30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2019-04-30', '2022-06-21', 1148],
    ['2019-06-30', '2022-06-21', 1087],
    ['2022-06-21', '2019-04-30', -1148],
    ['2024-01-15', '2024-01-15', 0],
    ['2024-01-15', '2024-01-16', 1],
    ['2024-01-16', '2024-01-15', -1],
    ['2020-02-28', '2020-03-01', 2],
    ['2019-02-28', '2019-03-01', 1],
    ['2019-12-31', '2020-01-01', 1],
    ['2020-01-01', '2021-01-01', 366],
    ['2021-01-01', '2022-01-01', 365],
    ['2024-03-30', '2024-04-01', 2],
    ['2024-10-26', '2024-10-28', 2],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('inverts addDays', () => {
    for (const n of [-400, -31, -1, 0, 1, 28, 29, 59, 60, 61, 365, 366, 1000]) {
      expect(daysBetween('2024-02-29', addDays('2024-02-29', n))).toBe(n);
    }
  });
});

describe('isIsoDate', () => {
  it.each(['2019-04-30', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31'])('%s is a calendar date', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each<[unknown]>([
    ['2023-02-29'],
    ['1900-02-29'],
    ['2019-02-30'],
    ['2019-04-31'],
    ['2019-13-01'],
    ['2019-00-10'],
    ['2019-04-00'],
    ['2019-4-30'],
    ['19-04-30'],
    ['2019-04-30T00:00:00Z'],
    [' 2019-04-30'],
    ['30/04/2019'],
    ['1899-12-31'],
    [''],
    [20190430],
    [null],
    [undefined],
    [new Date('2019-04-30')],
  ])('%j is not', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('todayInParis', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    // Winter (UTC+1): the new year starts at 23:00 UTC.
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    // Summer (UTC+2): the day starts at 22:00 UTC.
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    // Spring forward on 29 March 2026 at 01:00 UTC.
    ['2026-03-28T22:30:00Z', '2026-03-28'],
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-29T21:30:00Z', '2026-03-29'],
    ['2026-03-29T22:30:00Z', '2026-03-30'],
    // Fall back on 25 October 2026 at 01:00 UTC.
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-26'],
    // Leap day.
    ['2028-02-28T23:15:00Z', '2028-02-29'],
  ])('%s → %s', (instant, expected) => {
    const result = todayInParis(new Date(instant));
    expect(result).toBe(expected);
    expect(isIsoDate(result)).toBe(true);
  });

  it('defaults to now', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
    expect(todayInParis()).toBe('2027-01-01');
    vi.setSystemTime(new Date('2026-07-14T10:00:00Z'));
    expect(todayInParis()).toBe('2026-07-14');
  });
});

describe('weekdayOf', () => {
  it.each<[IsoDate, number]>([
    ['1970-01-01', 3],
    ['2024-09-30', 0],
    ['2023-10-01', 6],
    ['2000-02-29', 1],
    ['2026-12-03', 3],
  ])('%s is day %i of the week (0 = Monday)', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});
