/**
 * When a watched question is checked again: states, legislatures, failures, list-only watches,
 * and the Paris windows of each frequency, across the week and across DST changes. Every
 * expectation is written in Paris wall-clock time through lib/paris-time.ts.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../harness/random';
import { addDays, type IsoDate } from '../../lib/dates';
import {
  FREQUENCY_WINDOWS,
  isPollable,
  MIN_CHECK_GAP_MS,
  nextCheckAt,
  retryDelay,
  SETTLING_ATTEMPTS,
  type ScheduleInput,
} from '../../lib/polling/schedule';
import { parisInstant, parisMoment } from '../../lib/paris-time';
import { isFinal } from '../../lib/status';
import { type CheckFrequency } from '../../lib/settings';
import { type QuestionState } from '../../lib/status';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const ZERO = () => 0;
const TOP = () => 0.999;
const HALF = () => 0.5;

/** An instant in Paris wall-clock time. */
function paris(date: IsoDate, hour: number, minute = 0): number {
  return parisInstant(date, hour) + minute * MINUTE;
}

function input(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return { state: 'pending', legislature: 17, failures: 0, snapshotOnly: false, ...overrides };
}

/** A small seeded PRNG, so property runs are reproducible. */
const seeded = seededRandom;

// The reference week: Monday 12 January 2026 … Sunday 18 January 2026 (CET, UTC+1).
const MON = '2026-01-12';
const TUE = '2026-01-13';
const WED = '2026-01-14';
const THU = '2026-01-15';
const FRI = '2026-01-16';
const SAT = '2026-01-17';
const SUN = '2026-01-18';
const NEXT_MON = '2026-01-19';
const NEXT_TUE = '2026-01-20';

describe('paris-time sanity (the expectations below rely on it)', () => {
  it('reads the reference week and both DST Sundays of 2026', () => {
    expect([MON, TUE, WED, THU, FRI, SAT, SUN].map((d) => parisMoment(paris(d, 12)).weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(paris(TUE, 13)).toBe(Date.UTC(2026, 0, 13, 12)); // CET
    expect(parisMoment(paris('2026-03-29', 12)).weekday).toBe(0);
    expect(parisMoment(paris('2026-10-25', 12)).weekday).toBe(0);
    expect(paris('2026-03-31', 13)).toBe(Date.UTC(2026, 2, 31, 11)); // CEST
    expect(paris('2026-10-27', 13)).toBe(Date.UTC(2026, 9, 27, 12)); // CET again
  });
});

describe('nextCheckAt: states', () => {
  const now = paris(MON, 10);
  const frequencies: CheckFrequency[] = ['weekly', 'daily', 'every-day'];

  it.each(['answered', 'closed'] as const)('%s → never again, whatever the legislature, failures, snapshot or clock', (state) => {
    expect(isFinal(state)).toBe(true);
    for (const legislature of [14, 15, 16, 17, 18]) {
      for (const failures of [0, 1, 7]) {
        for (const snapshotOnly of [false, true]) {
          for (const lastCheckedAt of [undefined, now - DAY]) {
            const schedule = input({ state, legislature, failures, snapshotOnly, lastCheckedAt });
            expect(isPollable(schedule, now)).toBe(false);
            for (const frequency of frequencies) {
              for (const at of [now, now + 400 * DAY]) {
                expect(nextCheckAt(schedule, at, frequency, HALF)).toBeUndefined();
              }
            }
          }
        }
      }
    }
  });

  it.each(['pending', 'overdue', 'unknown'] as const)(
    '%s (17th) → pollable and scheduled like any open question',
    (state: QuestionState) => {
      expect(isFinal(state)).toBe(false);
      expect(isPollable(input({ state }), now)).toBe(true);
      expect(isPollable(input({ state, lastCheckedAt: now - DAY }), now)).toBe(true);
      for (const frequency of frequencies) {
        expect(nextCheckAt(input({ state }), now, frequency, HALF)).toBe(nextCheckAt(input({ state: 'pending' }), now, frequency, HALF));
      }
      expect(nextCheckAt(input({ state }), now, 'daily', ZERO)).toBe(paris(TUE, 13));
    },
  );
});

describe('nextCheckAt: legislatures', () => {
  const now = paris(WED, 3, 17);

  it('a legislature is finished from the day after its last day in the calendar (lib/legislatures.ts), never before', () => {
    const open = input({ state: 'overdue', legislature: 16 });
    expect(isPollable(open, parisInstant('2024-06-09', 23))).toBe(true);
    expect(isPollable(open, parisInstant('2024-06-10', 0))).toBe(false);
    // The 17th has no last day; a legislature newer than the table is taken as sitting.
    for (const legislature of [17, 18]) expect(isPollable(input({ legislature, lastCheckedAt: now - DAY }), now + 5000 * DAY)).toBe(true);
  });

  it.each([16, 15, 12])(
    'legislature %i: an unreadable status never checked → one settling check within the hour, any day, any time',
    (legislature) => {
      const schedule = input({ state: 'unknown', legislature });
      expect(isPollable(schedule, now)).toBe(true);
      for (const frequency of ['weekly', 'daily', 'every-day'] as const) {
        expect(nextCheckAt(schedule, now, frequency, ZERO)).toBe(now);
        const late = nextCheckAt(schedule, now, frequency, TOP)!;
        expect(late).toBeGreaterThanOrEqual(now);
        expect(late).toBeLessThan(now + HOUR);
      }
      // A list-only watch of a finished legislature also gets its settling check within the hour.
      expect(nextCheckAt(input({ state: 'unknown', legislature, snapshotOnly: true }), now, 'daily', TOP)!).toBeLessThan(now + HOUR);
    },
  );

  it.each([16, 15, 12])(
    'legislature %i: a pending or overdue state is one the calendar has closed since → never checked',
    (legislature) => {
      for (const state of ['pending', 'overdue'] as const) {
        for (const snapshotOnly of [false, true]) {
          const schedule = input({ state, legislature, snapshotOnly });
          expect(isPollable(schedule, now)).toBe(false);
          for (const frequency of ['weekly', 'daily', 'every-day'] as const)
            expect(nextCheckAt(schedule, now, frequency, HALF)).toBeUndefined();
        }
      }
    },
  );

  it.each([16, 15])('legislature %i already checked → never again', (legislature) => {
    for (const state of ['pending', 'overdue', 'unknown'] as const) {
      const schedule = input({ state, legislature, lastCheckedAt: now - 5 * MINUTE });
      expect(isPollable(schedule, now)).toBe(false);
      for (const frequency of ['weekly', 'daily', 'every-day'] as const) {
        for (const at of [now, now + 30 * DAY, now + 900 * DAY]) expect(nextCheckAt(schedule, at, frequency, HALF)).toBeUndefined();
      }
    }
  });

  it('legislature 17 already checked keeps being checked, in the windows', () => {
    const at = nextCheckAt(input({ lastCheckedAt: now - DAY }), now, 'daily', ZERO)!;
    expect(at).toBe(paris(FRI, 9));
  });

  // Regression (schedule.ts): the settling-check branch used to come before the failures branch,
  // so a finished legislature's question whose one check kept failing (a 404, garbage) was
  // retried within the hour forever instead of backing off like any failing check.
  it.each([1, 2, 3, 4])('legislature 16 whose settling check failed %i time(s) backs off like any failed check', (failures) => {
    for (const snapshotOnly of [false, true]) {
      const schedule = input({ state: 'unknown', legislature: 16, failures, snapshotOnly });
      expect(isPollable(schedule, now)).toBe(true);
      expect(nextCheckAt(schedule, now, 'daily', ZERO)).toBe(now + Math.floor(retryDelay(failures) * 0.9));
      expect(nextCheckAt(schedule, now, 'weekly', TOP)).toBe(now + Math.floor(retryDelay(failures) * (0.9 + 0.2 * 0.999)));
      // The same as a failing check of the 17th on a JO day, not the settling hour.
      const tuesday = paris(TUE, 15);
      expect(nextCheckAt(schedule, tuesday, 'daily', HALF)).toBe(nextCheckAt(input({ failures, snapshotOnly }), tuesday, 'daily', HALF));
    }
  });

  it(`a finished legislature's settling check is given up after SETTLING_ATTEMPTS (${SETTLING_ATTEMPTS}) failures`, () => {
    expect(SETTLING_ATTEMPTS).toBe(5);
    for (const legislature of [16, 15, 12]) {
      expect(isPollable(input({ state: 'unknown', legislature, failures: SETTLING_ATTEMPTS - 1 }), now)).toBe(true);
      for (const failures of [SETTLING_ATTEMPTS, SETTLING_ATTEMPTS + 1, 50]) {
        for (const snapshotOnly of [false, true]) {
          const schedule = input({ state: 'unknown', legislature, failures, snapshotOnly });
          expect(isPollable(schedule, now)).toBe(false);
          for (const frequency of ['weekly', 'daily', 'every-day'] as const)
            expect(nextCheckAt(schedule, now, frequency, HALF)).toBeUndefined();
        }
      }
    }
  });

  it('the 17th legislature is never given up, however many failures', () => {
    const tuesday = paris(TUE, 15);
    for (const failures of [SETTLING_ATTEMPTS, SETTLING_ATTEMPTS + 1, 50]) {
      const schedule = input({ failures, lastCheckedAt: tuesday - DAY });
      expect(isPollable(schedule, tuesday)).toBe(true);
      expect(nextCheckAt(schedule, tuesday, 'daily', ZERO)).toBe(tuesday + Math.floor(retryDelay(failures) * 0.9));
    }
  });
});

describe('nextCheckAt: failures', () => {
  // Retries are made on the JO day, when answers appear.
  const now = paris(TUE, 15, 30);

  it('retryDelay doubles from one hour and is capped at 24 h', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20, 1000].map((f) => retryDelay(f) / HOUR)).toEqual([1, 1, 2, 4, 8, 16, 24, 24, 24, 24]);
  });

  it.each([1, 2, 3, 4, 5, 6, 9])('%i failures → retryDelay with ±10 %% jitter, outside any window', (failures) => {
    const delay = retryDelay(failures);
    const lowest = nextCheckAt(input({ failures }), now, 'daily', ZERO)!;
    const highest = nextCheckAt(input({ failures }), now, 'daily', TOP)!;
    expect(lowest).toBe(now + Math.floor(delay * 0.9));
    expect(highest).toBe(now + Math.floor(delay * (0.9 + 0.2 * 0.999)));
    expect(highest).toBeLessThan(now + delay * 1.1);
    const random = seeded(failures);
    for (let i = 0; i < 200; i++) {
      const at = nextCheckAt(input({ failures, lastCheckedAt: now - HOUR }), now, 'weekly', random)! - now;
      expect(at).toBeGreaterThanOrEqual(delay * 0.9);
      expect(at).toBeLessThan(delay * 1.1);
    }
  });

  it('never waits more than 24 h + 10 % however many failures', () => {
    for (const failures of [6, 10, 50]) expect(nextCheckAt(input({ failures }), now, 'every-day', TOP)! - now).toBeLessThan(1.1 * DAY);
  });

  it('a failed catch-up check is not retried: it waits for the next JO day', () => {
    for (const failures of [1, 2, 4]) {
      const friday = paris(FRI, 11);
      expect(nextCheckAt(input({ failures, lastCheckedAt: paris(TUE, 16) }), friday, 'daily', ZERO)).toBe(paris(NEXT_TUE, 13));
      expect(nextCheckAt(input({ failures, lastCheckedAt: paris(TUE, 16) }), friday, 'weekly', TOP)).toBeLessThan(paris(NEXT_TUE, 23));
      // Except where a retry is the point: a list-only watch's first reading, and 'every-day'.
      expect(nextCheckAt(input({ failures, snapshotOnly: true }), friday, 'daily', ZERO)).toBe(
        friday + Math.floor(retryDelay(failures) * 0.9),
      );
      expect(nextCheckAt(input({ failures, lastCheckedAt: paris(TUE, 16) }), friday, 'every-day', ZERO)).toBe(
        friday + Math.floor(retryDelay(failures) * 0.9),
      );
    }
  });

  it('a check failing the day after the JO day is still retried: its answer may be new', () => {
    const wednesday = paris(WED, 1, 10);
    expect(nextCheckAt(input({ failures: 2, lastCheckedAt: paris(TUE, 14) - DAY }), wednesday, 'daily', ZERO)).toBe(
      wednesday + Math.floor(retryDelay(2) * 0.9),
    );
    const thursday = paris(THU, 1, 10);
    expect(nextCheckAt(input({ failures: 3, lastCheckedAt: paris(TUE, 14) - DAY }), thursday, 'daily', ZERO)).toBe(paris(NEXT_TUE, 13));
  });

  it('a check that succeeds after a retry takes the place of the week’s catch-up', () => {
    const recovered = nextCheckAt(input({ lastCheckedAt: paris(TUE, 17), recovered: true }), paris(TUE, 17), 'daily', ZERO);
    expect(recovered).toBe(paris(NEXT_TUE, 13));
    const ordinary = nextCheckAt(input({ lastCheckedAt: paris(TUE, 17) }), paris(TUE, 17), 'daily', ZERO);
    expect(ordinary).toBe(paris(FRI, 9));
  });

  it('failures do not revive a final or settled question', () => {
    expect(nextCheckAt(input({ failures: 3, state: 'answered' }), now, 'daily', HALF)).toBeUndefined();
    expect(nextCheckAt(input({ failures: 3, legislature: 16, lastCheckedAt: now - DAY }), now, 'daily', HALF)).toBeUndefined();
  });
});

describe('nextCheckAt: watches from a list (snapshotOnly)', () => {
  it.each([
    ['Monday morning', paris(MON, 10)],
    ['Saturday night', paris(SAT, 23, 58)],
    ['Tuesday before the issue', paris(TUE, 4)],
  ])('first check within 5 minutes: %s', (_label, now) => {
    for (const frequency of ['weekly', 'daily', 'every-day'] as const) {
      expect(nextCheckAt(input({ snapshotOnly: true }), now, frequency, ZERO)).toBe(now);
      const at = nextCheckAt(input({ snapshotOnly: true }), now, frequency, TOP)!;
      expect(at).toBeGreaterThanOrEqual(now);
      expect(at).toBeLessThan(now + 5 * MINUTE);
    }
  });

  it('once read, a list-only watch follows the windows', () => {
    const now = paris(MON, 10);
    expect(nextCheckAt(input({ snapshotOnly: true, lastCheckedAt: now }), now, 'daily', ZERO)).toBe(paris(TUE, 13));
  });

  it('a failing first check backs off instead of retrying every 5 minutes', () => {
    const now = paris(MON, 10);
    expect(nextCheckAt(input({ snapshotOnly: true, failures: 3 }), now, 'daily', ZERO)).toBe(now + Math.floor(4 * HOUR * 0.9));
  });
});

/** [now (date, hour, minute)] → [expected date, window start (hour, minute), window end hour]. */
type Row = [label: string, now: [IsoDate, number, number?], expected: [IsoDate, number, number, number]];

const DAILY: Row[] = [
  ['Monday 10:00 → Tuesday 13:00–23:00', [MON, 10], [TUE, 13, 0, 23]],
  ['Tuesday 04:00 (before the issue) → Tuesday 13:00–23:00', [TUE, 4], [TUE, 13, 0, 23]],
  ['Tuesday 15:20 → Tuesday 15:20–23:00', [TUE, 15, 20], [TUE, 15, 20, 23]],
  ['Tuesday 22:55 (window too short) → Friday 09:00–20:00', [TUE, 22, 55], [FRI, 9, 0, 20]],
  ['Wednesday 10:00 → Friday 09:00–20:00', [WED, 10], [FRI, 9, 0, 20]],
  ['Thursday 23:30 → Friday 09:00–20:00', [THU, 23, 30], [FRI, 9, 0, 20]],
  ['Friday 08:00 → Friday 09:00–20:00', [FRI, 8], [FRI, 9, 0, 20]],
  ['Friday 12:00 → Friday 12:00–20:00', [FRI, 12], [FRI, 12, 0, 20]],
  ['Friday 20:30 → next Tuesday 13:00–23:00', [FRI, 20, 30], [NEXT_TUE, 13, 0, 23]],
  ['Saturday 10:00 → next Tuesday', [SAT, 10], [NEXT_TUE, 13, 0, 23]],
  ['Sunday 22:00 → next Tuesday', [SUN, 22], [NEXT_TUE, 13, 0, 23]],
];

const WEEKLY: Row[] = [
  ['Monday 10:00 → Tuesday 13:00–23:00', [MON, 10], [TUE, 13, 0, 23]],
  ['Tuesday 10:00 → Tuesday 13:00–23:00', [TUE, 10], [TUE, 13, 0, 23]],
  ['Tuesday 18:00 → Tuesday 18:00–23:00', [TUE, 18], [TUE, 18, 0, 23]],
  ['Tuesday 22:55 → next Tuesday', [TUE, 22, 55], [NEXT_TUE, 13, 0, 23]],
  ['Wednesday → next Tuesday', [WED, 10], [NEXT_TUE, 13, 0, 23]],
  ['Thursday → next Tuesday', [THU, 10], [NEXT_TUE, 13, 0, 23]],
  ['Friday 10:00 → next Tuesday (no catch-up)', [FRI, 10], [NEXT_TUE, 13, 0, 23]],
  ['Saturday → next Tuesday', [SAT, 10], [NEXT_TUE, 13, 0, 23]],
  ['Sunday → next Tuesday', [SUN, 10], [NEXT_TUE, 13, 0, 23]],
];

const EVERY_DAY: Row[] = [
  ['Monday 07:00 → Monday 09:00–21:00', [MON, 7], [MON, 9, 0, 21]],
  ['Monday 10:00 → Monday 10:00–21:00', [MON, 10], [MON, 10, 0, 21]],
  ['Monday 21:30 → Tuesday 13:00–23:00 (JO day window)', [MON, 21, 30], [TUE, 13, 0, 23]],
  ['Tuesday 10:00 → Tuesday 13:00–23:00, not 10:00', [TUE, 10], [TUE, 13, 0, 23]],
  ['Tuesday 22:55 → Wednesday 09:00–21:00', [TUE, 22, 55], [WED, 9, 0, 21]],
  ['Wednesday 15:00 → Wednesday 15:00–21:00', [WED, 15], [WED, 15, 0, 21]],
  ['Thursday 20:55 (window too short) → Friday 09:00–21:00', [THU, 20, 55], [FRI, 9, 0, 21]],
  ['Friday 20:00 → Friday 20:00–21:00', [FRI, 20], [FRI, 20, 0, 21]],
  ['Saturday 06:00 → Saturday 09:00–21:00', [SAT, 6], [SAT, 9, 0, 21]],
  ['Sunday 22:00 → next Monday 09:00–21:00', [SUN, 22], [NEXT_MON, 9, 0, 21]],
];

function expectWindow(
  frequency: CheckFrequency,
  [, [date, hour, minute = 0], [day, startHour, startMinute, endHour]]: Row,
  schedule: ScheduleInput = input(),
) {
  const now = paris(date, hour, minute);
  const start = paris(day, startHour, startMinute);
  const end = paris(day, endHour);
  const first = nextCheckAt(schedule, now, frequency, ZERO)!;
  const last = nextCheckAt(schedule, now, frequency, TOP)!;
  expect(first).toBe(start);
  expect(last).toBe(start + Math.floor(0.999 * (end - start)));
  expect(parisMoment(first)).toMatchObject({ date: day, hour: startHour, minute: startMinute });
  expect(parisMoment(last)).toMatchObject({ date: day, hour: endHour - 1 });
  // Any other draw stays inside the same window.
  const random = seeded(now % 9973);
  for (let i = 0; i < 50; i++) {
    const at = nextCheckAt(schedule, now, frequency, random)!;
    expect(at).toBeGreaterThanOrEqual(start);
    expect(at).toBeLessThan(end);
  }
}

describe('nextCheckAt: the windows of each frequency (random 0 and 0.999)', () => {
  it('the windows are the product ones', () => {
    expect(FREQUENCY_WINDOWS.weekly).toEqual([{ weekday: 2, startHour: 13, endHour: 23 }]);
    expect(FREQUENCY_WINDOWS.daily).toEqual([
      { weekday: 2, startHour: 13, endHour: 23 },
      { weekday: 5, startHour: 9, endHour: 20 },
    ]);
    expect(FREQUENCY_WINDOWS['every-day']).toEqual([
      { weekday: 2, startHour: 13, endHour: 23 },
      { weekday: 'any', startHour: 9, endHour: 21 },
    ]);
  });

  describe("'daily': Tuesday 13:00–23:00, Friday 09:00–20:00 catch-up", () => {
    it.each(DAILY)('%s', (...row) => expectWindow('daily', row));
  });

  describe("'weekly': Tuesdays only", () => {
    it.each(WEEKLY)('%s', (...row) => expectWindow('weekly', row));
  });

  describe("'every-day': Tuesday 13:00–23:00, any other day 09:00–21:00", () => {
    it.each(EVERY_DAY)('%s', (...row) => expectWindow('every-day', row));
  });
});

describe('nextCheckAt: never two checks less than MIN_CHECK_GAP_MS apart', () => {
  it('the gap is 20 hours', () => {
    expect(MIN_CHECK_GAP_MS).toBe(20 * HOUR);
  });

  it.each([
    // [frequency, last check, now, expected window]
    ['every-day', [MON, 20, 0], [MON, 20, 5], [TUE, 16, 0, 23]],
    ['every-day', [TUE, 22, 50], [TUE, 22, 51], [WED, 18, 50, 21]],
    ['every-day', [TUE, 13, 0], [WED, 8, 0], [WED, 9, 0, 21]],
    ['daily', [TUE, 22, 30], [TUE, 22, 31], [FRI, 9, 0, 20]],
    ['daily', [FRI, 19, 59], [FRI, 20, 0], [NEXT_TUE, 13, 0, 23]],
    // Checked Monday night (after a failure retry): Tuesday's window opens only 20 h later.
    ['daily', [MON, 22, 0], [MON, 22, 1], [TUE, 18, 0, 23]],
    ['weekly', [TUE, 13, 0], [TUE, 13, 1], [NEXT_TUE, 13, 0, 23]],
  ] as const)('%s: last check %j, now %j → %j', (frequency, last, now, expected) => {
    const lastCheckedAt = paris(last[0], last[1], last[2]);
    expectWindow(frequency, ['', [now[0], now[1], now[2]], [...expected]], input({ lastCheckedAt }));
    for (const random of [ZERO, TOP, HALF]) {
      expect(
        nextCheckAt(input({ lastCheckedAt }), paris(now[0], now[1], now[2]), frequency, random)! - lastCheckedAt,
      ).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
    }
  });

  it.each(['weekly', 'daily', 'every-day'] as const)(
    '%s: two years of chained checks keep the gap, the windows and one check a day at most',
    (frequency) => {
      const random = seeded(frequency.length * 7919);
      const allowed = FREQUENCY_WINDOWS[frequency];
      let at = paris('2025-12-01', 0);
      let previous: number | undefined;
      const weekdays = new Set<number>();
      let count = 0;
      while (at < paris('2027-12-01', 0)) {
        // The poller runs every 15 minutes: "now" is a little after the due time.
        const now = at + Math.floor(random() * 15 * MINUTE);
        const next = nextCheckAt(input({ lastCheckedAt: now }), now, frequency, random)!;
        expect(next - now).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
        if (previous !== undefined) expect(parisMoment(next).date).not.toBe(parisMoment(previous).date);
        const moment = parisMoment(next);
        const window = allowed.find((w) => w.weekday === 'any' || w.weekday === moment.weekday)!;
        expect(window, `${frequency} checked on ${moment.date}`).toBeDefined();
        // The JO day always uses its own window, even when 'any' would also match.
        if (moment.weekday === 2) expect(window.startHour).toBe(13);
        expect(moment.hour).toBeGreaterThanOrEqual(window.startHour);
        expect(moment.hour).toBeLessThan(window.endHour);
        const maxGap = { weekly: 8 * DAY, daily: 5 * DAY, 'every-day': 2 * DAY }[frequency];
        expect(next - now).toBeLessThanOrEqual(maxGap);
        weekdays.add(moment.weekday);
        previous = now;
        at = next;
        count++;
      }
      const expected = { weekly: [2], daily: [2, 5], 'every-day': [0, 1, 2, 3, 4, 5, 6] }[frequency];
      expect([...weekdays].sort()).toEqual(expected);
      // Weekly: once a week; daily: twice; every-day: once a day (at least every other day).
      const weeks = (paris('2027-12-01', 0) - paris('2025-12-01', 0)) / (7 * DAY);
      if (frequency === 'weekly') expect(Math.abs(count - weeks)).toBeLessThanOrEqual(2);
      if (frequency === 'daily') expect(Math.abs(count - 2 * weeks)).toBeLessThanOrEqual(2);
      if (frequency === 'every-day') {
        expect(count).toBeGreaterThan(4 * weeks);
        expect(count).toBeLessThanOrEqual(7 * weeks + 1);
      }
    },
  );
});

describe('nextCheckAt: DST changes (last Sundays of March and October)', () => {
  it('daily, Friday 27 March 20:30 CET → Tuesday 31 March 13:00–23:00 CEST', () => {
    expectWindow('daily', ['', ['2026-03-27', 20, 30], ['2026-03-31', 13, 0, 23]]);
    expect(nextCheckAt(input(), paris('2026-03-27', 20, 30), 'daily', ZERO)).toBe(Date.UTC(2026, 2, 31, 11));
    expect(nextCheckAt(input(), paris('2026-03-27', 20, 30), 'daily', TOP)).toBe(Date.UTC(2026, 2, 31, 11) + Math.floor(0.999 * 10 * HOUR));
  });

  it('every-day, Saturday 28 March 21:30 CET → Sunday 29 March 09:00–21:00 CEST (a 12-hour window on a 23-hour day)', () => {
    expectWindow('every-day', ['', ['2026-03-28', 21, 30], ['2026-03-29', 9, 0, 21]]);
    expect(nextCheckAt(input(), paris('2026-03-28', 21, 30), 'every-day', ZERO)).toBe(Date.UTC(2026, 2, 29, 7));
    expect(nextCheckAt(input(), paris('2026-03-28', 21, 30), 'every-day', TOP)).toBe(
      Date.UTC(2026, 2, 29, 7) + Math.floor(0.999 * 12 * HOUR),
    );
  });

  it('every-day, Saturday 24 October 21:30 CEST → Sunday 25 October 09:00–21:00 CET (a 25-hour day)', () => {
    expectWindow('every-day', ['', ['2026-10-24', 21, 30], ['2026-10-25', 9, 0, 21]]);
    expect(nextCheckAt(input(), paris('2026-10-24', 21, 30), 'every-day', ZERO)).toBe(Date.UTC(2026, 9, 25, 8));
  });

  it('weekly across the October change: Wednesday 21 October → Tuesday 27 October 13:00 CET', () => {
    expectWindow('weekly', ['', ['2026-10-21', 10], ['2026-10-27', 13, 0, 23]]);
    expect(nextCheckAt(input(), paris('2026-10-21', 10), 'weekly', ZERO)).toBe(Date.UTC(2026, 9, 27, 12));
  });

  it('the 20-hour gap is 20 real hours across both changes', () => {
    // Saturday 28 March 20:30 CET + 20 h = Sunday 29 March 17:30 CEST.
    const spring = paris('2026-03-28', 20, 30);
    expect(nextCheckAt(input({ lastCheckedAt: spring }), spring, 'every-day', ZERO)).toBe(spring + MIN_CHECK_GAP_MS);
    expect(parisMoment(spring + MIN_CHECK_GAP_MS)).toMatchObject({ date: '2026-03-29', hour: 17, minute: 30 });
    // Saturday 24 October 20:30 CEST + 20 h = Sunday 25 October 15:30 CET.
    const autumn = paris('2026-10-24', 20, 30);
    expect(nextCheckAt(input({ lastCheckedAt: autumn }), autumn, 'every-day', ZERO)).toBe(autumn + MIN_CHECK_GAP_MS);
    expect(parisMoment(autumn + MIN_CHECK_GAP_MS)).toMatchObject({ date: '2026-10-25', hour: 15, minute: 30 });
  });

  it.each(['weekly', 'daily', 'every-day'] as const)('%s: every day of both DST weeks keeps Paris windows', (frequency) => {
    for (const monday of ['2026-03-23', '2026-10-19']) {
      for (let d = 0; d < 10; d++) {
        const date = addDays(monday, d);
        for (const hour of [0, 2, 3, 8, 12, 20, 22, 23]) {
          const now = paris(date, hour);
          for (const random of [ZERO, TOP]) {
            const moment = parisMoment(nextCheckAt(input(), now, frequency, random)!);
            const window = FREQUENCY_WINDOWS[frequency].find((w) => w.weekday === 'any' || w.weekday === moment.weekday);
            expect(window).toBeDefined();
            expect(moment.hour).toBeGreaterThanOrEqual(window!.startHour);
            expect(moment.hour).toBeLessThan(window!.endHour);
          }
        }
      }
    }
  });
});
