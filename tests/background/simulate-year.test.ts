/**
 * The polling budgets over a simulated year (bench/simulate-year.ts): the product's Journal
 * officiel index, polling core, check and polite fetcher against a modelled Assemblée and DILA,
 * 503s and garbage injected. The bench simulates a thousand questions (and ten thousand in
 * discreet mode); these tests a quarter of that world, for time. The per-question budgets are
 * those of discreet mode off (today's schedule, with the index in addition); discreet mode has its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION, simulateYear, type SimulationResult } from '../../bench/simulate-year';
import { seededRandom } from '../../harness/random';
import { MAX_CHECKS_PER_RUN } from '../../lib/polling/core';
import { DIRECT_READ_GAP_MS } from '../../lib/polling/index-schedule';
import { MIN_CHECK_GAP_MS } from '../../lib/polling/schedule';

const HOUR = 3_600_000;
let daily: SimulationResult;
let dailyWithoutFailures: SimulationResult;
let weekly: SimulationResult;
let everyDay: SimulationResult;
let discreet: SimulationResult;
let discreetFew: SimulationResult;

function figures({ options, ...result }: SimulationResult) {
  return {
    frequency: options.frequency,
    discreet: options.discreet,
    questions: options.questions,
    failureRate: options.failureRate,
    garbageRate: options.garbageRate,
    requests: result.totalRequests,
    perPendingWeek: result.requestsPerPendingQuestionWeek,
    readingsPerPendingWeek: result.readingsPerPendingQuestionWeek,
    afterDetection: result.requestsAfterDetection,
    latencyHours: `${result.latency.medianHours} / ${result.latency.p99Hours} / ${result.latency.maxHours} (n=${result.latency.count})`,
    offCalendarHours: `${result.offCalendarLatency.medianHours} / ${result.offCalendarLatency.p99Hours} / ${result.offCalendarLatency.maxHours} (n=${result.offCalendarLatency.count})`,
    afterArchiveHours: `${result.latencyAfterArchive.medianHours} / ${result.latencyAfterArchive.p99Hours} / ${result.latencyAfterArchive.maxHours} (n=${result.latencyAfterArchive.count})`,
    indexPerWeek: result.indexRequestsPerWeek,
    allPerWeek: result.requestsPerWeek,
    revealsPer4Weeks: result.revealingPerQuestionPer4Weeks,
  };
}

/** A quarter of the bench's world: the same rates and calendar, 250 questions. */
const QUESTIONS = 250;

beforeAll(async () => {
  daily = await simulateYear({ frequency: 'daily', questions: QUESTIONS, discreet: false });
  dailyWithoutFailures = await simulateYear({ frequency: 'daily', questions: QUESTIONS, discreet: false, failureRate: 0, garbageRate: 0 });
  weekly = await simulateYear({ frequency: 'weekly', questions: QUESTIONS, discreet: false });
  everyDay = await simulateYear({ frequency: 'every-day', questions: QUESTIONS, discreet: false });
  discreet = await simulateYear({ questions: QUESTIONS });
  discreetFew = await simulateYear({ questions: 10 });
  console.table([daily, dailyWithoutFailures, weekly, everyDay, discreet, discreetFew].map(figures));
}, 400_000);

describe('simulateYear: the world it simulates', () => {
  it('a year from Monday 5 January 2026, questions of which most are watched while open', () => {
    expect(DEFAULT_SIMULATION).toMatchObject({
      start: '2026-01-05',
      days: 365,
      questions: 1000,
      frequency: 'daily',
      discreet: true,
      archiveDelayHours: 48,
      failureRate: 0.02,
    });
    expect(daily.watched + daily.finalWhenWatched).toBe(QUESTIONS);
    expect(daily.watched).toBeGreaterThan(0.7 * QUESTIONS);
    // About 70 % answered in the long run; within the year, about a hundred answers and a few closures.
    expect(daily.answered).toBeGreaterThan(0.3 * QUESTIONS);
    expect(daily.closed).toBeGreaterThan(1);
    expect(daily.pendingAtEnd).toBeGreaterThan(0.2 * QUESTIONS);
    expect(daily.offCalendarLatency.count).toBeGreaterThan(1);
    expect(daily.offCalendarLatency.count).toBeLessThan(daily.latency.count / 10);
    // The same world whatever the frequency: only the extension's behaviour differs.
    for (const other of [weekly, everyDay, dailyWithoutFailures, discreet]) {
      expect([other.watched, other.finalWhenWatched, other.answered, other.closed]).toEqual([
        daily.watched,
        daily.finalWhenWatched,
        daily.answered,
        daily.closed,
      ]);
    }
  });

  it('the failures happened: 503s, retries, checks deferred by the source’s backoff', () => {
    expect(daily.failedChecks).toBeGreaterThan(0);
    expect(daily.blockedChecks).toBeGreaterThan(0);
    expect(dailyWithoutFailures.failedChecks).toBe(0);
  });
});

describe("simulateYear: budgets for 'daily'", () => {
  it('≤ 2 requests per pending question per week when every request is answered', () => {
    expect(dailyWithoutFailures.requestsPerPendingQuestionWeek).toBeLessThanOrEqual(2);
    expect(dailyWithoutFailures.maxRequestsPerQuestionWeek).toBeLessThanOrEqual(2);
  });

  it('with 2 % of 503s (and 0.5 % garbage): ≤ 2 readings per pending question per week, requests over 2 only by the retries', () => {
    // The schedule's own budget holds: never more than two successful checks of a question in a week.
    expect(daily.readingsPerPendingQuestionWeek).toBeLessThanOrEqual(2);
    expect(daily.maxReadingsPerQuestionWeek).toBeLessThanOrEqual(2);
    // Each failed request costs one more request later, and no more.
    const { failureRate, garbageRate } = daily.options;
    expect(daily.requestsPerPendingQuestionWeek).toBeLessThanOrEqual(
      daily.readingsPerPendingQuestionWeek * (1 + 2 * (failureRate + garbageRate)),
    );
  });

  it('0 requests to closed or answered questions after detection', () => {
    expect(daily.requestsAfterDetection).toBe(0);
    expect(dailyWithoutFailures.requestsAfterDetection).toBe(0);
  });

  it('answers and closures published on a Tuesday are detected within 24 h (p99), all of them', () => {
    expect(daily.latency.count).toBe(daily.answered + daily.closed - daily.offCalendarLatency.count);
    expect(daily.latency.p99Hours).toBeLessThanOrEqual(24);
    expect(daily.latency.medianHours).toBeLessThanOrEqual(12);
    expect(daily.latency.maxHours).toBeLessThanOrEqual(48);
    expect(daily.undetected).toBe(0);
  });

  it('off-calendar answers wait for the Friday or Tuesday window: within a week', () => {
    expect(daily.offCalendarLatency.maxHours).toBeLessThanOrEqual(7 * 24);
  });

  it('never two readings of a question less than MIN_CHECK_GAP_MS apart; alarms stay within their batch', () => {
    expect(daily.minHoursBetweenReadings * HOUR).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
    expect(daily.maxChecksPerAlarm).toBeLessThanOrEqual(MAX_CHECKS_PER_RUN);
    // Two requests at most per check, two seconds apart: a run fits well inside the 15 minutes.
    expect(daily.maxRequestsPerAlarm).toBeLessThanOrEqual(2 * MAX_CHECKS_PER_RUN);
    expect(daily.maxAlarmSeconds).toBeLessThan(5 * 60);
  });
});

describe("simulateYear: 'weekly' and 'every-day'", () => {
  it("'weekly': about one request per pending question per week, Tuesday answers within 24 h", () => {
    expect(weekly.readingsPerPendingQuestionWeek).toBeLessThanOrEqual(1);
    expect(weekly.maxReadingsPerQuestionWeek).toBeLessThanOrEqual(1);
    expect(weekly.requestsPerPendingQuestionWeek).toBeLessThan(daily.requestsPerPendingQuestionWeek / 1.8);
    expect(weekly.requestsAfterDetection).toBe(0);
    expect(weekly.latency.p99Hours).toBeLessThanOrEqual(24);
    expect(weekly.offCalendarLatency.maxHours).toBeLessThanOrEqual(8 * 24);
  });

  it("'every-day': at most one reading a day, off-calendar answers found within about a day", () => {
    expect(everyDay.readingsPerPendingQuestionWeek).toBeLessThanOrEqual(7.05);
    expect(everyDay.maxReadingsPerQuestionWeek).toBeLessThanOrEqual(7);
    expect(everyDay.minHoursBetweenReadings * HOUR).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
    expect(everyDay.requestsAfterDetection).toBe(0);
    expect(everyDay.latency.p99Hours).toBeLessThanOrEqual(24);
    expect(everyDay.offCalendarLatency.p99Hours).toBeLessThan(daily.offCalendarLatency.p99Hours);
    expect(everyDay.maxChecksPerAlarm).toBeLessThanOrEqual(MAX_CHECKS_PER_RUN);
  });
});

describe('simulateYear: the Journal officiel index, in every mode', () => {
  it('reads every issue of the year once, each the same download for any number of watches', () => {
    for (const result of [daily, weekly, everyDay, discreet, discreetFew]) {
      // 2026 has 52 Tuesdays, two of them without an issue; and the latest 4 of 2025, read at the start.
      expect(result.issuesApplied).toBe(50 + 4);
      // A download or two more where an archive was cut short, never a whole issue again.
      expect(result.archiveDownloads - result.issuesApplied).toBeLessThanOrEqual(2);
    }
    expect(dailyWithoutFailures.archiveDownloads).toBe(dailyWithoutFailures.issuesApplied);
  });

  it('finds answers within a day of their archive, whatever the mode', () => {
    for (const result of [daily, weekly, everyDay, discreet, discreetFew]) {
      expect(result.latencyAfterArchive.p99Hours).toBeLessThanOrEqual(24);
    }
  });
});

describe('simulateYear: « Mode discret »', () => {
  it('≤ 4 requests a week to the index, whatever the number of watches', () => {
    expect(discreet.indexRequestsPerWeek).toBeLessThanOrEqual(4);
    expect(discreetFew.indexRequestsPerWeek).toBeLessThanOrEqual(4);
    // The same weekly reads for 10 and for 250 watches; only the network's failures differ.
    expect(Math.abs(discreet.indexRequests - discreetFew.indexRequests)).toBeLessThanOrEqual(10);
    // The first week reads the latest issues of the past year; afterwards a week stays small.
    expect(discreet.maxIndexRequestsInAWeek).toBeLessThanOrEqual(14);
  });

  it('the index finds the answers: within 24 h (p99) of the archive, none missed', () => {
    expect(discreet.latencyAfterArchive.count).toBe(discreet.answered);
    expect(discreet.latencyAfterArchive.p99Hours).toBeLessThanOrEqual(24);
    expect(discreet.detectedByIndex).toBeGreaterThan(0.9 * discreet.answered);
    expect(discreet.requestsAfterDetection).toBe(0);
  });

  it('the Assemblée hears of a watched question at most about once every four weeks', () => {
    // One successful read per question in any four-week block; failed reads' retries add a little.
    expect(discreet.maxReadingsPerQuestionIn4Weeks).toBe(1);
    expect(discreet.minHoursBetweenReadings * HOUR).toBeGreaterThanOrEqual(DIRECT_READ_GAP_MS);
    expect(discreet.revealingPerQuestionPer4Weeks).toBeLessThanOrEqual(1);
    // Without discreet mode, the same questions are read about twice a week.
    expect(daily.revealingPerQuestionPer4Weeks).toBeGreaterThan(6);
  });

  it('closures, which the JO does not carry, are still found by the monthly reads', () => {
    expect(discreet.closed).toBe(daily.closed);
    expect(discreet.closureLatency.maxHours).toBeLessThanOrEqual(DIRECT_READ_GAP_MS / HOUR + 24);
  });
});

describe('simulateYear: reproducible', () => {
  const small = { questions: 150, days: 120, failureRate: 0.05, garbageRate: 0.02 };

  it('the same seed gives the same figures; another seed, other figures', async () => {
    const a = await simulateYear({ ...small, seed: 7 });
    const b = await simulateYear({ ...small, seed: 7 });
    expect(b).toEqual(a);
    expect(a.totalRequests).toBeGreaterThan(0);
    const c = await simulateYear({ ...small, seed: 8 });
    expect(c.totalRequests).not.toBe(a.totalRequests);
  }, 60_000);

  it('seededRandom is a fixed sequence in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
