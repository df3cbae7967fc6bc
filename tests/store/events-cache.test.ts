import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { deputyFactsSchema } from '../../lib/model';
import { cacheGet, cachePut, pruneCache } from '../../lib/background/store/cache';
import type { Db } from '../../lib/background/store/db';
import { appendEvent, EVENT_LOG_CAP, logEvent, recentEvents } from '../../lib/background/store/events';
import type { CacheRecord, EventRecord } from '../../lib/records';
import { freshIndexedDb, NOW, openTestDb } from './helpers';

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

describe('event log', () => {
  it('keeps at most EVENT_LOG_CAP events, dropping the oldest', async () => {
    const total = EVENT_LOG_CAP + 50;
    for (let i = 0; i < total; i++) await logEvent(db, { at: NOW + i, type: 'check', detail: `#${i}` });
    expect(await db.count('events')).toBe(EVENT_LOG_CAP);
    const kept = await db.getAll('events');
    expect(kept[0]?.detail).toBe('#50');
    expect(kept.at(-1)?.detail).toBe(`#${total - 1}`);
    expect(kept.map((e) => e.at)).toEqual(Array.from({ length: EVENT_LOG_CAP }, (_, i) => NOW + 50 + i));
  }, 30_000);

  it('recentEvents lists the newest first, up to the limit', async () => {
    for (let i = 0; i < 10; i++) await logEvent(db, { at: NOW + i, type: i % 2 ? 'watch' : 'unwatch', questionId: `AN-16-QE-${i + 1}` });
    const all = await recentEvents(db);
    expect(all.map((e) => e.at)).toEqual(Array.from({ length: 10 }, (_, i) => NOW + 9 - i));
    expect(all[0]).toMatchObject({ type: 'watch', questionId: 'AN-16-QE-10' });
    expect(typeof all[0]?.seq).toBe('number');
    expect((await recentEvents(db, 3)).map((e) => e.at)).toEqual([NOW + 9, NOW + 8, NOW + 7]);
    expect(await recentEvents(db, 0)).toEqual([]);
  });

  it('orders by insertion, not by the `at` the caller gave', async () => {
    await logEvent(db, { at: NOW + 100, type: 'check' });
    await logEvent(db, { at: NOW, type: 'change' });
    expect((await recentEvents(db)).map((e) => e.type)).toEqual(['change', 'check']);
  });

  it('recentEvents skips a stored event that no longer validates', async () => {
    await logEvent(db, { at: NOW, type: 'watch' });
    await db.add('events', { at: -1, type: 'nonsense' } as unknown as EventRecord);
    await logEvent(db, { at: NOW + 1, type: 'unwatch' });
    expect((await recentEvents(db)).map((e) => e.type)).toEqual(['unwatch', 'watch']);
  });

  it('appendEvent takes part in the caller transaction: an aborted transaction logs nothing', async () => {
    const tx = db.transaction(['events'], 'readwrite');
    await appendEvent(tx, { at: NOW, type: 'import' });
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(await db.count('events')).toBe(0);
  });
});

describe('cache', () => {
  const factsKey = 'deputy:nd:16:elise-morvan';
  const facts = { name: 'Élise Morvan', slug: 'elise-morvan', legislature: 16 };

  it('returns what was put until it expires', async () => {
    await cachePut(db, factsKey, 'deputy', facts, 1000, NOW);
    expect(await db.get('cache', factsKey)).toEqual({ key: factsKey, kind: 'deputy', value: facts, fetchedAt: NOW, expiresAt: NOW + 1000 });
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW)).toEqual(facts);
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW + 999)).toEqual(facts);
  });

  it('an expired value returns undefined and is deleted', async () => {
    await cachePut(db, factsKey, 'deputy', facts, 1000, NOW);
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW + 1000)).toBeUndefined();
    expect(await db.get('cache', factsKey)).toBeUndefined();
    // Gone for good: asking at an earlier time does not bring it back.
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW)).toBeUndefined();
  });

  it('a value that fails the schema returns undefined and is deleted', async () => {
    await cachePut(db, factsKey, 'deputy', { name: 42 }, 1000, NOW);
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW)).toBeUndefined();
    expect(await db.get('cache', factsKey)).toBeUndefined();
  });

  it('a stored record that is not a cache record returns undefined and is deleted', async () => {
    await db.put('cache', { key: factsKey, kind: 'weather', value: facts, fetchedAt: NOW, expiresAt: NOW + 1000 } as unknown as CacheRecord);
    expect(await cacheGet(db, factsKey, deputyFactsSchema, NOW)).toBeUndefined();
    expect(await db.get('cache', factsKey)).toBeUndefined();
  });

  it('an absent key returns undefined', async () => {
    expect(await cacheGet(db, 'nope', z.string(), NOW)).toBeUndefined();
  });

  it('put replaces an earlier value for the same key', async () => {
    await cachePut(db, 'k', 'deputy', 'one', 1000, NOW);
    await cachePut(db, 'k', 'deputy', 'two', 5000, NOW + 10);
    expect(await cacheGet(db, 'k', z.string(), NOW + 2000)).toBe('two');
  });

  it('pruneCache deletes the expired records only', async () => {
    await cachePut(db, 'a', 'deputy', {}, 100, NOW); // expires NOW + 100
    await cachePut(db, 'b', 'deputy', {}, 200, NOW); // expires NOW + 200: exactly now, expired
    await cachePut(db, 'c', 'deputy', {}, 300, NOW);
    expect(await pruneCache(db, NOW + 200)).toBe(2);
    expect(await db.getAllKeys('cache')).toEqual(['c']);
    expect(await pruneCache(db, NOW + 200)).toBe(0);
    expect(await pruneCache(db, NOW + 10_000)).toBe(1);
    expect(await db.count('cache')).toBe(0);
  });
});
