/**
 * Vigie's IndexedDB database, in the extension's own origin and opened only by the background:
 * a content script's `indexedDB` would be the website's, readable and erasable by it.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { todayInParis } from '../../dates';
import { questionStatus } from '../../status';
import { questionSchema } from '../../model';
import type { CacheRecord, EventRecord, QuarantineRecord, WatchRecord } from '../../records';
import { watchRecordSchema } from '../../records';
import type { IndexState, IssueRecord } from '../../polling/index-schedule';

export const DB_NAME = 'vigie';

/**
 * 1 — first release: `watches` only, records `{ id, question, addedAt, note? }`.
 * 2 — status tracking (`state`, `seen`, check times), `cache`, `events`, `quarantine`.
 * 3 — the Journal officiel index: `joIssues` (the issues applied or set aside, never downloaded
 *     again) and `joIndex` (each chamber's reading state). Nothing else changes.
 */
export const DB_VERSION = 3;

export interface VigieDb extends DBSchema {
  watches: { key: string; value: WatchRecord };
  cache: { key: string; value: CacheRecord; indexes: { expiresAt: number } };
  events: { key: number; value: EventRecord; indexes: { at: number } };
  quarantine: { key: number; value: QuarantineRecord };
  joIssues: { key: string; value: IssueRecord };
  joIndex: { key: string; value: IndexState };
}

export type Db = IDBPDatabase<VigieDb>;
export type Tx<S extends StoreNames<VigieDb>[]> = IDBPTransaction<VigieDb, S, 'readwrite' | 'versionchange'>;

/** The v1 watch record, as the first release wrote it. */
interface WatchRecordV1 {
  id: string;
  question: unknown;
  addedAt: number;
  note?: string;
}

function migrateWatchFromV1(old: WatchRecordV1, now: number): WatchRecord | undefined {
  const question = questionSchema.safeParse(old.question);
  if (!question.success) return undefined;
  const candidate = {
    id: old.id,
    question: question.data,
    watchedAt: typeof old.addedAt === 'number' ? Math.max(0, Math.floor(old.addedAt)) : now,
    state: questionStatus(question.data, todayInParis(new Date(now))).state,
    failures: 0,
    seen: true,
    ...(typeof old.note === 'string' && old.note ? { note: old.note } : {}),
  };
  const parsed = watchRecordSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export interface OpenOptions {
  name?: string;
  now?: () => number;
  /** The browser closed the connection, or a newer schema wants it closed. */
  onClose?: () => void;
}

export function openVigieDb({ name = DB_NAME, now = Date.now, onClose }: OpenOptions = {}): Promise<Db> {
  return openDB<VigieDb>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) db.createObjectStore('watches', { keyPath: 'id' });
      if (oldVersion < 2) {
        db.createObjectStore('cache', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true }).createIndex('at', 'at');
        db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true });
        if (oldVersion >= 1) {
          const watches = tx.objectStore('watches');
          const quarantine = tx.objectStore('quarantine');
          for (let cursor = await watches.openCursor(); cursor; cursor = await cursor.continue()) {
            const old = cursor.value as unknown as WatchRecordV1;
            const migrated = migrateWatchFromV1(old, now());
            if (migrated) {
              await cursor.update(migrated);
            } else {
              await quarantine.add({ at: now(), store: 'watches', key: String(cursor.key), value: old, reason: 'v1 record failed migration' });
              await cursor.delete();
            }
          }
        }
      }
      if (oldVersion < 3) {
        db.createObjectStore('joIssues', { keyPath: 'key' });
        db.createObjectStore('joIndex', { keyPath: 'chamber' });
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
}

let connection: Promise<Db> | undefined;

/** The background's one connection, reopened lazily once the browser has closed it. */
export function database(): Promise<Db> {
  if (!connection) {
    const opening = openVigieDb({ onClose: () => { connection = undefined; } });
    opening.catch(() => { connection = undefined; });
    connection = opening;
  }
  return connection;
}
