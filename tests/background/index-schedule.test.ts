/**
 * When the Journal officiel index is read, which of its issues are downloaded, and what its health
 * means for the per-question reads (lib/polling/index-schedule.ts). Every time is Paris wall-clock.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../lib/dates';
import { parisInstant, parisMoment } from '../../lib/paris-time';
import { selectDue } from '../../lib/polling/core';
import {
  answerableByIndex,
  ARCHIVE_ATTEMPTS,
  DIRECT_READ_GAP_MS,
  directReadGap,
  INDEX_FAILING_AFTER,
  INDEX_STALE_AFTER_DAYS,
  indexFolders,
  indexHealth,
  indexWanted,
  isDone,
  isIndexDue,
  issueKey,
  issueOrder,
  issueRecordSchema,
  issuesToRead,
  MAX_ISSUES_PER_READ,
  missingKnownIssue,
  nextIndexReadAt,
  PREVIOUS_YEAR_FOLDER_DAYS,
  type IndexHealth,
  type IssueRecord,
} from '../../lib/polling/index-schedule';
import { retryDelay } from '../../lib/polling/schedule';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { type ListedIssue } from '../../lib/sources/jo';
import { makeQuestion } from '../store/helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZERO = () => 0;
const TOP = () => 0.999_999;
const HALF = () => 0.5;
const paris = (date: IsoDate, hour: number, minute = 0) => parisInstant(date, hour) + minute * MINUTE;
const at = (ms: number) => {
  const m = parisMoment(ms);
  return `${m.date} ${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`;
};

// A JO week: Tuesday 10 March 2026 (issue ANQ20260010) to Monday 16 March.
const TUE = '2026-03-10';
const NEXT_TUE = '2026-03-17';
const FOLDER = 'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';

function listed(name: string, folder = FOLDER): ListedIssue {
  const m = /(\d{4})(\d{4})\.taz$/.exec(name)!;
  return { name, url: `${folder}${name}`, chamber: 'AN', year: Number(m[1]), number: Number(m[2]) };
}

/** The record of an issue applied (or tried) at `when`, dated `publishedOn`. */
function record(name: string, overrides: Partial<IssueRecord> = {}): IssueRecord {
  const issue = listed(name);
  return issueRecordSchema.parse({
    key: issueKey(issue),
    chamber: 'AN',
    name,
    order: issueOrder(issue),
    status: 'applied',
    attempts: 1,
    at: paris(TUE, 15),
    publishedOn: TUE,
    answers: 10,
    rejected: 0,
    ...overrides,
  });
}
const unreadable = (name: string, attempts: number, overrides: Partial<IssueRecord> = {}) =>
  record(name, {
    status: 'unreadable',
    attempts,
    reason: 'gzip-corrupt: cut short',
    publishedOn: undefined,
    answers: undefined,
    ...overrides,
  });

const names = (issues: readonly ListedIssue[]) => issues.map((issue) => issue.name);
const series = (year: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => `ANQ${year}${String(from + k).padStart(4, '0')}.taz`);

describe('nextIndexReadAt: the weekly rhythm', () => {
  const lastWeeks = [record('ANQ20260009.taz', { publishedOn: '2026-03-03', at: paris('2026-03-04', 9) })];
  const thisWeeks = [...lastWeeks, record('ANQ20260010.taz')];

  it.each<[string, number, IssueRecord[], () => number, string]>([
    ['Tuesday morning, before the window: this afternoon, from 14:00', paris(TUE, 10), lastWeeks, ZERO, `${TUE} 14:00`],
    ['… at a random moment up to 22:00', paris(TUE, 10), lastWeeks, TOP, `${TUE} 21:59`],
    ['the week’s issue read on Tuesday: next Tuesday’s window', paris(TUE, 15), thisWeeks, ZERO, `${NEXT_TUE} 14:00`],
    ['… found on Thursday: next Tuesday still', paris('2026-03-12', 9), thisWeeks, HALF, `${NEXT_TUE} 18:00`],
    ['not in yet on Tuesday at 15:00: 20 h later', paris(TUE, 15), lastWeeks, ZERO, '2026-03-11 11:00'],
    ['… to 23 h later', paris(TUE, 15), lastWeeks, TOP, '2026-03-11 13:59'],
    ['not in on Wednesday at 18:00: Thursday afternoon', paris('2026-03-11', 18), lastWeeks, ZERO, '2026-03-12 14:00'],
    ['not in on Thursday at 18:00: Friday up to 14:00', paris('2026-03-12', 18), lastWeeks, ZERO, '2026-03-13 14:00'],
    [
      'not in on Thursday at 20:00: no retry after Friday 14:00, next Tuesday',
      paris('2026-03-12', 20),
      lastWeeks,
      ZERO,
      `${NEXT_TUE} 14:00`,
    ],
    ['not in on Friday at 01:00: next Tuesday', paris('2026-03-13', 1), lastWeeks, ZERO, `${NEXT_TUE} 14:00`],
    ['Monday, last Tuesday’s issue in: tomorrow’s window', paris('2026-03-16', 9), thisWeeks, ZERO, `${NEXT_TUE} 14:00`],
    ['a first read that found nothing at all, on Wednesday: the next day', paris('2026-03-11', 10), [], ZERO, '2026-03-12 06:00'],
  ])('%s', (_label, now, issues, random, expected) => {
    expect(at(nextIndexReadAt(0, issues, now, random))).toBe(expected);
  });

  it('an issue a holiday moved to Wednesday is this week’s', () => {
    const moved = [...lastWeeks, record('ANQ20260010.taz', { publishedOn: '2026-03-11' })];
    expect(at(nextIndexReadAt(0, moved, paris('2026-03-11', 16), ZERO))).toBe(`${NEXT_TUE} 14:00`);
  });

  it('an archive given up this week ends the week too; one still to be tried again does not', () => {
    const givenUp = [...lastWeeks, unreadable('ANQ20260010.taz', ARCHIVE_ATTEMPTS, { at: paris(TUE, 15) })];
    expect(at(nextIndexReadAt(0, givenUp, paris(TUE, 15), ZERO))).toBe(`${NEXT_TUE} 14:00`);
    const again = [...lastWeeks, unreadable('ANQ20260010.taz', 1, { at: paris(TUE, 15) })];
    expect(at(nextIndexReadAt(0, again, paris(TUE, 15), ZERO))).toBe('2026-03-11 11:00');
  });

  it('retries are always less than a day apart, through Thursday: an archive never waits a day for its read', () => {
    for (const random of [ZERO, HALF, TOP]) {
      for (let hour = 14; hour < 22; hour++) {
        let now = paris(TUE, hour);
        for (
          let next = nextIndexReadAt(0, lastWeeks, now, random);
          next < paris(NEXT_TUE, 0);
          next = nextIndexReadAt(0, lastWeeks, now, random)
        ) {
          expect(next - now).toBeLessThan(DAY);
          now = next;
        }
        expect(now).toBeGreaterThanOrEqual(paris('2026-03-12', 7));
      }
    }
  });

  it('a week without an issue costs at most four reads, Tuesday to Friday, the last after Thursday morning', () => {
    for (const random of [ZERO, HALF, TOP]) {
      const reads: string[] = [];
      let now = nextIndexReadAt(0, lastWeeks, paris(TUE, 9), random);
      let last = now;
      while (now < paris(NEXT_TUE, 0)) {
        reads.push(parisMoment(now).date);
        last = now;
        now = nextIndexReadAt(0, lastWeeks, now, random);
      }
      expect(reads.length).toBeLessThanOrEqual(4);
      expect(reads[0]).toBe(TUE);
      expect(reads.every((date) => date <= '2026-03-13')).toBe(true);
      // Late enough for an archive uploaded two days after the JO came out on Tuesday morning.
      expect(last).toBeGreaterThanOrEqual(paris('2026-03-12', 7));
      expect(parisMoment(now).date).toBe(NEXT_TUE);
    }
  });

  it.each([1, 2, 3, 4, 5, 6, 9])('after %i failed read(s): retried as a failed check is (1 h, doubling up to a day)', (failures) => {
    const now = paris(TUE, 15);
    expect(nextIndexReadAt(failures, thisWeeks, now, HALF)).toBe(now + retryDelay(failures));
    expect(nextIndexReadAt(failures, thisWeeks, now, ZERO)).toBe(now + Math.floor(retryDelay(failures) * 0.9));
  });

  it('keeps to Paris time across the change to summer time', () => {
    // Tuesday 31 March 2026 is the first Tuesday of summer time (CEST).
    expect(at(nextIndexReadAt(0, [record('ANQ20260012.taz', { publishedOn: '2026-03-24' })], paris('2026-03-30', 12), ZERO))).toBe(
      '2026-03-31 14:00',
    );
  });
});

describe('isIndexDue', () => {
  const now = paris(TUE, 15);
  it.each<[string, Parameters<typeof isIndexDue>[0], boolean]>([
    ['never read', undefined, true],
    ['no read booked', { chamber: 'AN', failures: 0 }, true],
    ['booked for now', { chamber: 'AN', failures: 0, nextReadAt: now }, true],
    ['booked in the past', { chamber: 'AN', failures: 2, nextReadAt: now - HOUR }, true],
    ['booked for later', { chamber: 'AN', failures: 0, nextReadAt: now + MINUTE }, false],
  ])('%s → %s', (_label, state, due) => {
    expect(isIndexDue(state, now)).toBe(due);
  });
});

describe('issuesToRead: which archives to download', () => {
  it(`a first install: only the latest ${MAX_ISSUES_PER_READ}, oldest first`, () => {
    expect(MAX_ISSUES_PER_READ).toBe(4);
    const all = series(2026, 1, 10).map((name) => listed(name));
    expect(names(issuesToRead([...all].reverse(), []))).toEqual(series(2026, 7, 10));
  });

  it('afterwards, those newer than the newest read: never an issue twice, never the older ones skipped', () => {
    const done = series(2026, 7, 10).map((name) => record(name));
    const all = series(2026, 1, 12).map((name) => listed(name));
    expect(names(issuesToRead(all, done))).toEqual(series(2026, 11, 12));
    expect(issuesToRead(all.slice(0, 10), done)).toEqual([]);
  });

  it('back after weeks away: the latest few, not every missed issue', () => {
    const done = [record('ANQ20260002.taz')];
    expect(
      names(
        issuesToRead(
          series(2026, 1, 20).map((name) => listed(name)),
          done,
        ),
      ),
    ).toEqual(series(2026, 17, 20));
  });

  it(`an unreadable archive is tried again, even behind newer ones, until ${ARCHIVE_ATTEMPTS} attempts`, () => {
    const all = series(2026, 8, 11).map((name) => listed(name));
    const retried = [record('ANQ20260008.taz'), unreadable('ANQ20260009.taz', ARCHIVE_ATTEMPTS - 1), record('ANQ20260010.taz')];
    expect(names(issuesToRead(all, retried))).toEqual(['ANQ20260009.taz', 'ANQ20260011.taz']);
    const givenUp = [record('ANQ20260008.taz'), unreadable('ANQ20260009.taz', ARCHIVE_ATTEMPTS), record('ANQ20260010.taz')];
    expect(names(issuesToRead(all, givenUp))).toEqual(['ANQ20260011.taz']);
    expect(isDone(givenUp[1]!)).toBe(true);
    expect(isDone(retried[1]!)).toBe(false);
  });

  it('across New Year: last year’s folder and this year’s, in issue order, an archive listed twice read once', () => {
    const previous = 'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/2025/';
    const all = [
      listed('ANQ20260001.taz'),
      ...series(2025, 49, 52).map((name) => listed(name, previous)),
      listed('ANQ20250052.taz'), // not moved yet
    ];
    const done = [record('ANQ20250050.taz', { publishedOn: '2025-12-16' })];
    const read = issuesToRead(all, done);
    expect(names(read)).toEqual(['ANQ20250051.taz', 'ANQ20250052.taz', 'ANQ20260001.taz']);
  });
});

describe('indexFolders: this year’s, and across New Year the past year’s', () => {
  const current = FOLDER;
  const past = (year: number) => `https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/${year}/`;
  it.each<[string, IsoDate, IssueRecord[], string[]]>([
    ['in March', '2026-03-10', [record('ANQ20260009.taz')], [current]],
    ['a first install in March', '2026-03-10', [], [current]],
    ['a first install on 10 January', '2026-01-10', [], [current, past(2025)]],
    [
      '10 January, only last year’s issues read',
      '2026-01-10',
      [record('ANQ20250052.taz', { publishedOn: '2025-12-30' })],
      [current, past(2025)],
    ],
    ['10 January, this year’s first issue read', '2026-01-10', [record('ANQ20260001.taz', { publishedOn: '2026-01-06' })], [current]],
    [
      `${PREVIOUS_YEAR_FOLDER_DAYS} days into the year: no more`,
      addDays('2026-01-01', PREVIOUS_YEAR_FOLDER_DAYS),
      [record('ANQ20250052.taz', { publishedOn: '2025-12-30' })],
      [current],
    ],
  ])('%s', (_label, today, issues, folders) => {
    expect(indexFolders('AN', today, issues)).toEqual(folders);
  });

  it('the Senate’s folder is the same rule, one more chamber', () => {
    expect(indexFolders('SENAT', '2026-03-10', [])).toEqual([
      'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/SENAT/Annee_en_cours/',
    ]);
  });
});

describe('missingKnownIssue: a listing that lacks what it listed before is not the folder', () => {
  const done = [record('ANQ20260009.taz', { publishedOn: '2026-03-03' }), record('ANQ20260010.taz')];
  it.each<[string, string[], IssueRecord[], string | undefined]>([
    ['the folder as it was, and more', series(2026, 1, 11), done, undefined],
    ['an error page served as 200 (no archive at all)', [], done, 'ANQ20260010.taz'],
    ['a listing without the newest issue read', series(2026, 1, 9), done, 'ANQ20260010.taz'],
    [
      'nothing read this year yet: an empty folder is the year beginning',
      [],
      [record('ANQ20250052.taz', { publishedOn: '2025-12-30' })],
      undefined,
    ],
    ['a first install', [], [], undefined],
  ])('%s', (_label, listing, issues, missing) => {
    expect(
      missingKnownIssue(
        listing.map((name) => listed(name)),
        issues,
        '2026-03-12',
      ),
    ).toBe(missing);
  });
});

describe('indexHealth', () => {
  const today = '2026-03-12';
  const fresh = [record('ANQ20260010.taz')];
  it.each<[string, Parameters<typeof indexHealth>[0], IssueRecord[], IndexHealth]>([
    ['an issue read this week', { chamber: 'AN', failures: 0 }, fresh, 'fresh'],
    ['a read or two failed since', { chamber: 'AN', failures: INDEX_FAILING_AFTER - 1 }, fresh, 'fresh'],
    [`${INDEX_FAILING_AFTER} failed reads in a row`, { chamber: 'AN', failures: INDEX_FAILING_AFTER }, fresh, 'failing'],
    [
      'the newest issue could not be read, and was given up',
      { chamber: 'AN', failures: 0 },
      [...fresh, unreadable('ANQ20260011.taz', ARCHIVE_ATTEMPTS)],
      'failing',
    ],
    ['the newest archive is being tried again', { chamber: 'AN', failures: 1 }, [...fresh, unreadable('ANQ20260011.taz', 1)], 'fresh'],
    ['never read', undefined, [], 'stale'],
    [
      `the newest issue ${INDEX_STALE_AFTER_DAYS} days old`,
      { chamber: 'AN', failures: 0 },
      [record('ANQ20260008.taz', { publishedOn: addDays(today, -INDEX_STALE_AFTER_DAYS) })],
      'fresh',
    ],
    [
      `the newest issue ${INDEX_STALE_AFTER_DAYS + 1} days old`,
      { chamber: 'AN', failures: 0 },
      [record('ANQ20260008.taz', { publishedOn: addDays(today, -INDEX_STALE_AFTER_DAYS - 1) })],
      'stale',
    ],
  ])('%s → %s', (_label, state, issues, health) => {
    expect(indexHealth(state, issues, today)).toBe(health);
  });

  it('a threshold of a week, a skipped issue and two days of upload', () => {
    expect(INDEX_STALE_AFTER_DAYS).toBe(7 + 7 + 2);
  });
});

describe('directReadGap and selectDue: the Assemblée reads a watch about once a month in discreet mode', () => {
  it.each<[boolean, IndexHealth, number | undefined]>([
    [true, 'fresh', DIRECT_READ_GAP_MS],
    [true, 'stale', undefined],
    [true, 'failing', undefined],
    [false, 'fresh', undefined],
    [false, 'stale', undefined],
    [false, 'failing', undefined],
  ])('discreet %s, index %s → %s', (discreet, health, gap) => {
    expect(directReadGap(discreet, health)).toBe(gap);
  });

  it('is a little over four weeks', () => {
    expect(DIRECT_READ_GAP_MS).toBeGreaterThanOrEqual(28 * DAY);
    expect(DIRECT_READ_GAP_MS).toBeLessThanOrEqual(31 * DAY);
  });

  const now = paris(TUE, 15);
  const watch = (number: number, overrides: Partial<WatchRecord>): WatchRecord =>
    watchRecordSchema.parse({
      id: `AN-17-QE-${number}`,
      question: makeQuestion({ legislature: 17, number, publishedOn: '2025-10-07' }),
      watchedAt: now - 90 * DAY,
      state: 'overdue',
      failures: 0,
      seen: true,
      nextCheckAt: now - HOUR,
      ...overrides,
    });
  const records = [
    watch(1, { lastCheckedAt: now - 29 * DAY }),
    watch(2, { lastCheckedAt: now - 31 * DAY }),
    // Watched from its page a week ago: the page was read then.
    watch(3, { watchedAt: now - 7 * DAY }),
    watch(4, { watchedAt: now - 40 * DAY }),
    // A failed read keeps its retry: the last reading is still a month old.
    watch(5, { lastCheckedAt: now - 31 * DAY, failures: 1, nextCheckAt: now - MINUTE }),
    // A reading dated in the future (a clock set back) says nothing.
    watch(6, { lastCheckedAt: now + 10 * DAY }),
    // Watched from a list: never read in full, read at once.
    {
      id: 'AN-17-QE-7',
      ref: {
        id: 'AN-17-QE-7',
        legislature: 17,
        type: 'QE',
        number: 7,
        url: 'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE7',
        answered: false,
        closed: false,
        pending: true,
      },
      watchedAt: now - HOUR,
      state: 'pending',
      failures: 0,
      seen: true,
      nextCheckAt: now - MINUTE,
    } as WatchRecord,
    // Not due by its own schedule: waits either way.
    watch(8, { lastCheckedAt: now - 60 * DAY, nextCheckAt: now + HOUR }),
  ];
  const due = (readGapMs: number | undefined, forced: string[] = []) =>
    selectDue(records, now, { readGapMs, forced: new Set(forced) })
      .due.map((record) => record.id)
      .sort();

  it('with a gap: only the watches not read for that long', () => {
    expect(due(DIRECT_READ_GAP_MS)).toEqual(['AN-17-QE-2', 'AN-17-QE-4', 'AN-17-QE-5', 'AN-17-QE-6', 'AN-17-QE-7']);
  });

  it('without one: the schedule alone, as before', () => {
    expect(due(undefined)).toEqual(['AN-17-QE-1', 'AN-17-QE-2', 'AN-17-QE-3', 'AN-17-QE-4', 'AN-17-QE-5', 'AN-17-QE-6', 'AN-17-QE-7']);
  });

  it('« Vérifier maintenant » on a question reads it whatever the gap', () => {
    expect(due(DIRECT_READ_GAP_MS, ['AN-17-QE-1', 'AN-17-QE-8'])).toEqual([
      'AN-17-QE-1',
      'AN-17-QE-2',
      'AN-17-QE-4',
      'AN-17-QE-5',
      'AN-17-QE-6',
      'AN-17-QE-7',
      'AN-17-QE-8',
    ]);
  });
});

describe('answerableByIndex and indexWanted: the index is read only for watches it can answer', () => {
  // After the 16th legislature's last day (9 June 2024).
  const NOW = Date.UTC(2025, 0, 15, 10);
  const base = {
    watchedAt: 0,
    failures: 0,
    seen: true,
  };
  const of = (legislature: number, state: WatchRecord['state'], overrides: Partial<WatchRecord> = {}) =>
    watchRecordSchema.parse({
      ...base,
      id: `AN-${legislature}-QE-5`,
      question: makeQuestion({ legislature, number: 5, ...(state === 'answered' ? { answeredOn: '2024-02-01' } : {}) }),
      state,
      ...overrides,
    });
  it.each<[string, WatchRecord, boolean]>([
    ['a pending question of the 17th', of(17, 'pending'), true],
    ['an overdue one', of(17, 'overdue'), true],
    ['a status unknown', of(17, 'unknown'), true],
    ['an answered one', of(17, 'answered'), false],
    ['a question of the 16th (its legislature is over)', of(16, 'overdue'), false],
  ])('%s → %s', (_label, record, answerable) => {
    expect(answerableByIndex(record, NOW)).toBe(answerable);
    expect(indexWanted([of(17, 'answered'), record], NOW)).toBe(answerable);
  });

  it('no watch, no read', () => {
    expect(indexWanted([], NOW)).toBe(false);
  });
});
