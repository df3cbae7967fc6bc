/** Fetched facts kept for a while, so pages do not trigger a request each time they open. */
import type { ZodMiniType } from 'zod/mini';
import type { Db } from './db';
import { cacheRecordSchema, type CacheRecord } from '../../records';

export async function cacheGet<T>(db: Db, key: string, schema: ZodMiniType<T>, now = Date.now()): Promise<T | undefined> {
  const raw = await db.get('cache', key);
  if (raw === undefined) return undefined;
  const record = cacheRecordSchema.safeParse(raw);
  const value = record.success && record.data.expiresAt > now ? schema.safeParse(record.data.value) : undefined;
  if (!value?.success) {
    await db.delete('cache', key);
    return undefined;
  }
  return value.data;
}

export async function cachePut(db: Db, key: string, kind: CacheRecord['kind'], value: unknown, ttlMs: number, now = Date.now()): Promise<void> {
  await db.put('cache', { key, kind, value, fetchedAt: now, expiresAt: now + ttlMs });
}

export async function pruneCache(db: Db, now = Date.now()): Promise<number> {
  const tx = db.transaction('cache', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.index('expiresAt').openCursor(IDBKeyRange.upperBound(now)); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}
