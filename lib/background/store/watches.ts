/**
 * The watch list. Every change is one IndexedDB transaction, so two tabs toggling the same
 * question end in one consistent state; every read is validated, and a record that no longer
 * validates is moved to quarantine instead of breaking the list.
 */
import type { IsoDate } from '../../dates';
import type { Question, QuestionRef } from '../../model';
import { stateOfSnapshot } from '../../status';
import type { Db, Tx } from './db';
import { appendEvent } from './events';
import { noteWatchChanges } from './first-page';
import { repairedWatch } from './repair';
import { watchRecordSchema, type WatchRecord } from '../../records';

/** A stored record that no longer validates: repaired in place when a repair is certain, set aside otherwise. */
async function quarantineRecord(
  tx: Tx<['watches', 'quarantine', 'events', 'firstPage', ...any[]]>,
  key: IDBValidKey,
  value: unknown,
  reason: string,
  at: number,
): Promise<WatchRecord | undefined> {
  const repaired = repairedWatch(value, at);
  if (repaired && repaired.id === key) {
    await tx.objectStore('watches').put(repaired);
    await noteWatchChanges(tx, { written: [repaired] }, at);
    return repaired;
  }
  await tx.objectStore('quarantine').add({ at, store: 'watches', key: String(key), value, reason });
  await tx.objectStore('watches').delete(key as string);
  await noteWatchChanges(tx, { deleted: [String(key)] }, at);
  await appendEvent(tx, { at, type: 'quarantine', detail: `${String(key)}: ${reason}`.slice(0, 500) });
  return undefined;
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

/**
 * Every watch, read at once (one `getAll`, not a cursor awaited record by record: a long list is
 * read in a fraction of the time); the few that no longer validate are then repaired or set aside.
 */
export async function listWatches(db: Db, now = Date.now()): Promise<WatchList> {
  const records: WatchRecord[] = [];
  const invalid: IDBValidKey[] = [];
  const read = db.transaction('watches');
  // Keys and values come in the same order: a value is set aside by its key, whatever its own `id` says.
  const [keys, values] = await Promise.all([read.store.getAllKeys(), read.store.getAll()]);
  for (const [i, value] of values.entries()) {
    const result = validate(value);
    if (typeof result !== 'string') records.push(result);
    else invalid.push(keys[i]!);
  }
  if (!invalid.length) return { records, quarantined: 0 };
  const tx = db.transaction(['watches', 'quarantine', 'events', 'firstPage'], 'readwrite');
  let quarantined = 0;
  for (const key of invalid) {
    const value = await tx.objectStore('watches').get(key as string);
    const result = validate(value);
    if (typeof result !== 'string') continue;
    const repaired = await quarantineRecord(tx, key, value, result, now);
    if (repaired) records.push(repaired);
    else quarantined++;
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

/**
 * Sets (not toggles) whether a question is watched: the same request twice leaves the same
 * state, so racing tabs cannot undo each other. Watching an already watched question refreshes
 * its snapshot and keeps its history.
 */
export async function setWatched(db: Db, request: WatchRequest, now: number, today: IsoDate): Promise<WatchRecord | undefined> {
  const tx = db.transaction(['watches', 'quarantine', 'events', 'firstPage'], 'readwrite');
  const store = tx.objectStore('watches');
  const raw = await store.get(request.id);
  let existing: WatchRecord | undefined;
  if (raw !== undefined) {
    const result = validate(raw);
    existing = typeof result === 'string' ? await quarantineRecord(tx, request.id, raw, result, now) : result;
  }
  let record: WatchRecord | undefined;
  if (!request.watched) {
    if (existing) {
      await store.delete(request.id);
      await appendEvent(tx, { at: now, type: 'unwatch', questionId: request.id });
      await noteWatchChanges(tx, { deleted: [request.id] }, now);
    }
  } else {
    const question = request.question ?? existing?.question;
    const ref = question ? undefined : request.ref ?? existing?.ref;
    // A fresh reading from a page the user is looking at updates the known state silently.
    const state = request.question || request.ref || !existing ? stateOfSnapshot({ question, ref }, today) : existing.state;
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
    await noteWatchChanges(tx, { written: [record] }, now);
    if (!existing) await appendEvent(tx, { at: now, type: 'watch', questionId: request.id, to: record.state });
  }
  await tx.done;
  return record;
}

/** Applies `change` to one record inside one transaction; nothing happens if it is gone. */
export async function updateWatch(db: Db, id: string, change: (record: WatchRecord) => WatchRecord, now = Date.now()): Promise<WatchRecord | undefined> {
  const tx = db.transaction(['watches', 'quarantine', 'events', 'firstPage'], 'readwrite');
  const raw = await tx.objectStore('watches').get(id);
  if (raw === undefined) {
    await tx.done;
    return undefined;
  }
  const valid = validate(raw);
  const current = typeof valid === 'string' ? await quarantineRecord(tx, id, raw, valid, now) : valid;
  if (!current) {
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
  await noteWatchChanges(tx, { written: [next] }, now);
  await tx.done;
  return next;
}

/** Applies `change` to many records in one transaction (records that fail to validate are left as they were). */
export async function updateWatches(
  db: Db,
  ids: readonly string[],
  change: (record: WatchRecord) => WatchRecord,
  now = Date.now(),
): Promise<number> {
  const tx = db.transaction(['watches', 'firstPage'], 'readwrite');
  const written: WatchRecord[] = [];
  for (const id of ids) {
    const current = validate(await tx.objectStore('watches').get(id));
    if (typeof current === 'string') continue;
    const next = validate(change(current));
    if (typeof next === 'string') continue;
    await tx.objectStore('watches').put(next);
    written.push(next);
  }
  await noteWatchChanges(tx, { written }, now);
  await tx.done;
  return written.length;
}

/** Returns how many records it changed. */
export async function markSeen(db: Db, ids: readonly string[], now = Date.now()): Promise<number> {
  let changed = 0;
  for (const id of ids) {
    let flipped = false;
    await updateWatch(
      db,
      id,
      (r) => {
        if (r.seen) return r;
        flipped = true;
        return { ...r, seen: true };
      },
      now,
    );
    if (flipped) changed++;
  }
  return changed;
}

/** Unseen changes the user can find in the list: records that do not validate are not counted. */
export async function countUnseen(db: Db): Promise<number> {
  let unseen = 0;
  for (const value of await db.getAll('watches')) {
    // The flag first: validating every record would cost the whole list at each badge refresh.
    if ((value as { seen?: unknown }).seen !== false) continue;
    if (typeof validate(value) !== 'string') unseen++;
  }
  return unseen;
}

export async function setNote(db: Db, id: string, note: string): Promise<WatchRecord | undefined> {
  return updateWatch(db, id, ({ note: _old, ...record }) => (note.trim() ? { ...record, note: note.trim() } : record));
}

/** « Effacer toutes mes données »: every store emptied in one transaction. */
export async function eraseEverything(db: Db): Promise<void> {
  const tx = db.transaction(
    ['watches', 'cache', 'events', 'quarantine', 'staging', 'meta', 'joIssues', 'joIndex', 'follows', 'feed', 'joDigests', 'firstPage'],
    'readwrite',
  );
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
