/**
 * The watch list. Every change is one IndexedDB transaction, so two tabs toggling the same
 * question end in one consistent state; every read is validated, and a record that no longer
 * validates is moved to quarantine instead of breaking the list.
 */
import type { IsoDate } from '../../dates';
import type { Question, QuestionRef } from '../../model';
import { questionStatus, refStatus, type QuestionState } from '../../status';
import type { Db, Tx } from './db';
import { appendEvent } from './events';
import { watchRecordSchema, type WatchRecord } from '../../records';

async function quarantineRecord(tx: Tx<['watches', 'quarantine', 'events', ...any[]]>, key: IDBValidKey, value: unknown, reason: string, at: number) {
  await tx.objectStore('quarantine').add({ at, store: 'watches', key: String(key), value, reason });
  await tx.objectStore('watches').delete(key as string);
  await appendEvent(tx, { at, type: 'quarantine', detail: `${String(key)}: ${reason}`.slice(0, 500) });
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
      await quarantineRecord(tx, cursor.key, cursor.value, result, now);
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
    // A fresh reading from a page the user is looking at updates the known state silently.
    const state = request.question || request.ref || !existing ? stateOf({ question, ref }, today) : existing.state;
    const candidate: WatchRecord = existing
      ? { ...existing, question, ref, state }
      : { id: request.id, question, ref, watchedAt: now, state, failures: 0, seen: true };
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

/** Applies `change` to many records in one transaction (records that fail to validate are left as they were). */
export async function updateWatches(db: Db, ids: readonly string[], change: (record: WatchRecord) => WatchRecord): Promise<number> {
  const tx = db.transaction('watches', 'readwrite');
  let changed = 0;
  for (const id of ids) {
    const current = validate(await tx.store.get(id));
    if (typeof current === 'string') continue;
    const next = validate(change(current));
    if (typeof next === 'string') continue;
    await tx.store.put(next);
    changed++;
  }
  await tx.done;
  return changed;
}

/** Returns how many records it changed. */
export async function markSeen(db: Db, ids: readonly string[]): Promise<number> {
  let changed = 0;
  for (const id of ids) {
    let flipped = false;
    await updateWatch(db, id, (r) => {
      if (r.seen) return r;
      flipped = true;
      return { ...r, seen: true };
    });
    if (flipped) changed++;
  }
  return changed;
}

/** Unseen changes the user can find in the list: records that do not validate are not counted. */
export async function countUnseen(db: Db): Promise<number> {
  let unseen = 0;
  for (let cursor = await db.transaction('watches').store.openCursor(); cursor; cursor = await cursor.continue()) {
    const result = validate(cursor.value);
    if (typeof result !== 'string' && !result.seen) unseen++;
  }
  return unseen;
}

/** Writes an import in one transaction: all of it, or nothing. */
export async function applyImport(db: Db, records: readonly WatchRecord[], now: number): Promise<void> {
  const tx = db.transaction(['watches', 'events'], 'readwrite');
  for (const record of records) {
    const result = validate(record);
    if (typeof result === 'string') {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error(`Invalid imported watch ${record.id}: ${result}`);
    }
    await tx.objectStore('watches').put(result);
  }
  await appendEvent(tx, { at: now, type: 'import', detail: `${records.length}` });
  await tx.done;
}

export async function setNote(db: Db, id: string, note: string): Promise<WatchRecord | undefined> {
  return updateWatch(db, id, ({ note: _old, ...record }) => (note.trim() ? { ...record, note: note.trim() } : record));
}

/** « Effacer toutes mes données »: every store emptied in one transaction. */
export async function eraseEverything(db: Db): Promise<void> {
  const tx = db.transaction(['watches', 'cache', 'events', 'quarantine', 'joIssues', 'joIndex'], 'readwrite');
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
