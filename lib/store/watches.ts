/**
 * The watch list. Every change is one IndexedDB transaction, so two tabs toggling the same
 * question end in one consistent state; every read is validated, and a record that no longer
 * validates is moved to quarantine instead of breaking the list.
 */
import type { IsoDate } from '../dates';
import type { Question, QuestionRef } from '../model';
import { questionStatus, refStatus, type QuestionState } from '../status';
import type { Db, Tx } from './db';
import { appendEvent } from './events';
import { watchRecordSchema, type WatchRecord } from './records';

async function quarantineRecord(tx: Tx<['watches', 'quarantine', ...any[]]>, key: string, value: unknown, reason: string, at: number) {
  await tx.objectStore('quarantine').add({ at, store: 'watches', key, value, reason });
  await tx.objectStore('watches').delete(key);
}

function validate(value: unknown): WatchRecord | string {
  const parsed = watchRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

export interface WatchList {
  records: WatchRecord[];
  /** How many records were found invalid and set aside by this read. */
  quarantined: number;
}

export async function listWatches(db: Db, now = Date.now()): Promise<WatchList> {
  const tx = db.transaction(['watches', 'quarantine', 'events'], 'readwrite');
  const records: WatchRecord[] = [];
  let quarantined = 0;
  for (let cursor = await tx.objectStore('watches').openCursor(); cursor; cursor = await cursor.continue()) {
    const result = validate(cursor.value);
    if (typeof result === 'string') {
      quarantined++;
      await quarantineRecord(tx, String(cursor.key), cursor.value, result, now);
      await appendEvent(tx, { at: now, type: 'quarantine', detail: `${String(cursor.key)}: ${result}`.slice(0, 500) });
    } else {
      records.push(result);
    }
  }
  await tx.done;
  return { records, quarantined };
}

/** The records for `ids` that exist and validate. */
export async function getWatches(db: Db, ids: readonly string[]): Promise<Map<string, WatchRecord>> {
  const tx = db.transaction('watches');
  const found = new Map<string, WatchRecord>();
  const values = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  values.forEach((value, i) => {
    if (value === undefined) return;
    const result = validate(value);
    if (typeof result !== 'string') found.set(ids[i]!, result);
  });
  return found;
}

export interface WatchRequest {
  id: string;
  question?: Question;
  ref?: QuestionRef;
  watched: boolean;
}

export function stateOf(snapshot: { question?: Question; ref?: QuestionRef }, today: IsoDate): QuestionState {
  if (snapshot.question) return questionStatus(snapshot.question, today).state;
  return snapshot.ref ? refStatus(snapshot.ref, today).state : 'unknown';
}

/**
 * Sets (not toggles) whether a question is watched: the same request twice leaves the same
 * state, so racing tabs cannot undo each other. Watching an already watched question refreshes
 * its snapshot and keeps its history.
 */
export async function setWatched(db: Db, request: WatchRequest, now: number, today: IsoDate): Promise<WatchRecord | undefined> {
  const tx = db.transaction(['watches', 'quarantine', 'events'], 'readwrite');
  const store = tx.objectStore('watches');
  const raw = await store.get(request.id);
  let existing: WatchRecord | undefined;
  if (raw !== undefined) {
    const result = validate(raw);
    if (typeof result === 'string') await quarantineRecord(tx, request.id, raw, result, now);
    else existing = result;
  }
  let record: WatchRecord | undefined;
  if (!request.watched) {
    if (existing) {
      await store.delete(request.id);
      await appendEvent(tx, { at: now, type: 'unwatch', questionId: request.id });
    }
  } else {
    const question = request.question ?? existing?.question;
    const ref = question ? undefined : request.ref ?? existing?.ref;
    const candidate: WatchRecord = existing
      ? { ...existing, question, ref }
      : { id: request.id, question, ref, watchedAt: now, state: stateOf({ question, ref }, today), failures: 0, seen: true };
    if (!question) delete candidate.question;
    if (!ref) delete candidate.ref;
    const result = validate(candidate);
    if (typeof result === 'string') {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error(`Invalid watch: ${result}`);
    }
    record = result;
    await store.put(record);
    if (!existing) await appendEvent(tx, { at: now, type: 'watch', questionId: request.id, to: record.state });
  }
  await tx.done;
  return record;
}

/** Applies `change` to one record inside one transaction; nothing happens if it is gone. */
export async function updateWatch(db: Db, id: string, change: (record: WatchRecord) => WatchRecord, now = Date.now()): Promise<WatchRecord | undefined> {
  const tx = db.transaction(['watches', 'quarantine', 'events'], 'readwrite');
  const raw = await tx.objectStore('watches').get(id);
  if (raw === undefined) {
    await tx.done;
    return undefined;
  }
  const current = validate(raw);
  if (typeof current === 'string') {
    await quarantineRecord(tx, id, raw, current, now);
    await tx.done;
    return undefined;
  }
  const next = validate(change(current));
  if (typeof next === 'string') {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`Invalid watch update: ${next}`);
  }
  await tx.objectStore('watches').put(next);
  await tx.done;
  return next;
}

export async function markSeen(db: Db, ids: readonly string[]): Promise<number> {
  let changed = 0;
  for (const id of ids) {
    const record = await updateWatch(db, id, (r) => (r.seen ? r : { ...r, seen: true }));
    if (record) changed++;
  }
  return changed;
}

export async function countUnseen(db: Db): Promise<number> {
  let unseen = 0;
  for (let cursor = await db.transaction('watches').store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value && (cursor.value as Partial<WatchRecord>).seen === false) unseen++;
  }
  return unseen;
}
