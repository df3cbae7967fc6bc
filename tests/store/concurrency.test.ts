import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/background/store/db';
import { EVENT_LOG_CAP, recentEvents } from '../../lib/background/store/events';
import { getWatches, listWatches, setWatched, updateWatch, type WatchRequest } from '../../lib/background/store/watches';
import { freshIndexedDb, isValidRecord, makeQuestion, makeRef, NOW, openTestDb, TODAY } from './helpers';

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

/** Deterministic pseudo-random booleans, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function request(number: number, watched: boolean, i: number): WatchRequest {
  const id = `AN-16-QE-${number}`;
  if (!watched) return { id, watched };
  // Alternate between a page snapshot and a list item, as tabs on different pages would.
  return i % 2 ? { id, watched, question: makeQuestion({ number }) } : { id, watched, ref: makeRef({ number }) };
}

/** What the requests leave when applied one after the other, and the events they log. */
function replay(requests: WatchRequest[]) {
  const watched = new Map<string, boolean>();
  const events: string[] = [];
  for (const r of requests) {
    const before = watched.get(r.id) ?? false;
    if (r.watched !== before) events.push(`${r.watched ? 'watch' : 'unwatch'}:${r.id}`);
    watched.set(r.id, r.watched);
  }
  return { watched, events };
}

async function checkAgainst(requests: WatchRequest[]) {
  const expected = replay(requests);
  const raw = await db.getAll('watches');
  for (const value of raw) expect(isValidRecord(value)).toBe(true);
  const stored = new Set(raw.map((r) => r.id));
  for (const [id, watched] of expected.watched) expect(stored.has(id), id).toBe(watched);
  expect(stored.size).toBe([...expected.watched.values()].filter(Boolean).length);
  const events = (await recentEvents(db, 10_000)).reverse().map((e) => `${e.type}:${e.questionId}`);
  expect(events).toEqual(expected.events);
  expect((await listWatches(db, NOW)).quarantined).toBe(0);
}

describe('concurrent setWatched', () => {
  it('50 interleaved requests for one id end as the last one asked', async () => {
    const random = lcg(7);
    const requests = Array.from({ length: 50 }, (_, i) => request(1, random() < 0.5, i));
    requests.push(request(1, true, 1)); // end watched, so a record must be there
    await Promise.all(requests.map((r, i) => setWatched(db, r, NOW + i, TODAY)));
    await checkAgainst(requests);
    expect((await db.get('watches', 'AN-16-QE-1'))?.question).toEqual(makeQuestion({ number: 1 }));
  });

  it('50 interleaved requests for one id ending unwatched leave nothing', async () => {
    const requests = Array.from({ length: 50 }, (_, i) => request(1, i % 2 === 0, i));
    await Promise.all(requests.map((r, i) => setWatched(db, r, NOW + i, TODAY)));
    await checkAgainst(requests);
    expect(await db.count('watches')).toBe(0);
  });

  it.each([1, 2, 3])('50 interleaved requests over several ids (seed %i)', async (seed) => {
    const random = lcg(seed);
    const requests = Array.from({ length: 50 }, (_, i) => request(1 + Math.floor(random() * 5), random() < 0.6, i));
    await Promise.all(requests.map((r, i) => setWatched(db, r, NOW + i, TODAY)));
    await checkAgainst(requests);
  });

  it('refused requests in the middle of the race change nothing', async () => {
    const random = lcg(11);
    const requests = Array.from({ length: 50 }, (_, i) => request(1 + (i % 4), random() < 0.6, i));
    const work: Promise<unknown>[] = [];
    requests.forEach((r, i) => {
      work.push(setWatched(db, r, NOW + i, TODAY));
      // A snapshot of another question: refused, its transaction aborted.
      if (i % 5 === 0) work.push(setWatched(db, { id: r.id, watched: true, question: makeQuestion({ number: 999 }) }, NOW + i, TODAY));
    });
    const settled = await Promise.allSettled(work);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(10);
    await checkAgainst(requests);
  });

  it('updates racing with watch requests never leave an invalid record', async () => {
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const number = 1 + (i % 3);
      work.push(setWatched(db, request(number, i % 4 !== 3, i), NOW + i, TODAY));
      work.push(updateWatch(db, `AN-16-QE-${number}`, (r) => ({ ...r, failures: r.failures + 1, seen: !r.seen }), NOW + i));
    }
    await Promise.all(work);
    for (const value of await db.getAll('watches')) expect(isValidRecord(value)).toBe(true);
    expect((await listWatches(db, NOW)).quarantined).toBe(0);
  });
});

describe('scale', () => {
  it('10,000 watches round trip', async () => {
    const count = 10_000;
    const started = performance.now();
    // One request after the other, as the user (or an import) would make them. Firing all 10,000 at
    // once also works, but fake-indexeddb's scheduler makes that about 8 times slower.
    for (let i = 1; i <= count; i++) {
      await setWatched(db, { id: `AN-16-QE-${i}`, question: makeQuestion({ number: i }), watched: true }, NOW, TODAY);
    }
    const written = performance.now();
    const list = await listWatches(db, NOW);
    const read = performance.now();
    expect(list.quarantined).toBe(0);
    expect(list.records).toHaveLength(count);
    expect(new Set(list.records.map((r) => r.id)).size).toBe(count);
    for (const r of list.records) {
      expect(r.state).toBe('overdue');
      expect(isValidRecord(r)).toBe(true);
    }
    const ids = Array.from({ length: 5000 }, (_, i) => `AN-16-QE-${2 * i + 1}`);
    expect((await getWatches(db, ids)).size).toBe(5000);
    const looked = performance.now();
    expect(await db.count('events')).toBe(EVENT_LOG_CAP);
    // Reported in the test output: where the time goes at this size.
    console.info(`10,000 watches: write ${Math.round(written - started)} ms, listWatches ${Math.round(read - written)} ms, getWatches(5000) ${Math.round(looked - read)} ms`);
  }, 60_000);
});
