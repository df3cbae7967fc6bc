/** The capped log of what changed and what was checked, for the popup's history. */
import type { Db, Tx } from './db';
import { eventRecordSchema, type EventRecord } from '../../records';

export const EVENT_LOG_CAP = 1000;

export async function appendEvent(tx: Tx<['events', ...any[]]>, event: EventRecord): Promise<void> {
  const events = tx.objectStore('events');
  await events.add(event);
  const overflow = (await events.count()) - EVENT_LOG_CAP;
  if (overflow <= 0) return;
  let removed = 0;
  for (let cursor = await events.openCursor(); cursor && removed < overflow; cursor = await cursor.continue()) {
    await cursor.delete();
    removed++;
  }
}

export async function logEvent(db: Db, event: EventRecord): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  await appendEvent(tx, event);
  await tx.done;
}

/** Newest first; records that no longer validate are skipped. */
export async function recentEvents(db: Db, limit = 200): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  for (let cursor = await db.transaction('events').store.openCursor(null, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
    const parsed = eventRecordSchema.safeParse(cursor.value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
