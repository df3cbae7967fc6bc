/**
 * Vigie's IndexedDB database, in the extension's own origin and opened only by the background:
 * a content script's `indexedDB` would be the website's, readable and erasable by it.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { type StagedWatch } from '../../exchange';
import type { CacheRecord, EventRecord, MetaRecord, QuarantineRecord, WatchRecord } from '../../records';
import { watchRecordSchema } from '../../records';
import type { IndexState, IssueRecord } from '../../polling/index-schedule';
import type { FeedEntry, Follow, IssueDigest } from '../../follows/schemas';
import { repairedWatch } from './repair';
import { type FirstPageRecord, rebuildFirstPage } from './first-page';
import { todayInParis } from '../../dates';

export const DB_NAME = 'vigie';

/**
 * 1 — first release: `watches` only, records `{ id, question, addedAt, note? }`.
 * 2 — status tracking (`state`, `seen`, check times), `cache`, `events`, `quarantine`.
 * 3 — `staging` and `meta` for imports sent in parts; every watch and every quarantined record
 *     repaired again (store/repair.ts) for the stricter schemas, before anything is set aside.
 * 4 — the Journal officiel index: `joIssues` (the issues applied or set aside, never downloaded
 *     again) and `joIndex` (each chamber's reading state). Nothing else changes.
 * 5 — follows of a deputy, a ministry or a subject: `follows`, their events `feed` (indexed by
 *     date, by follow, and sparsely by `unseen`), and `joDigests`, what is kept of the last issues
 *     read for previews. Nothing else changes.
 * 6 — `firstPage`: the rows the popup opens on, sorted by the background (store/first-page.ts),
 *     sorted at the upgrade from the watches as they are. Nothing else changes.
 */
export const DB_VERSION = 6;

export interface VigieDb extends DBSchema {
  watches: { key: string; value: WatchRecord };
  cache: { key: string; value: CacheRecord; indexes: { expiresAt: number } };
  events: { key: number; value: EventRecord; indexes: { at: number } };
  quarantine: { key: number; value: QuarantineRecord };
  /** Watches of an import in progress, `[importId, id]`: written to `watches` only when the import commits. */
  staging: { key: [string, string]; value: StagedWatch };
  /** Bookkeeping that must survive the worker: the import in progress. */
  meta: { key: string; value: MetaRecord };
  joIssues: { key: string; value: IssueRecord };
  joIndex: { key: string; value: IndexState };
  follows: { key: string; value: Follow };
  feed: { key: string; value: FeedEntry; indexes: { at: number; followId: string; unseen: number } };
  joDigests: { key: string; value: IssueDigest; indexes: { chamber: string } };
  /** The popup's first rows and their outline, kept by every transaction that writes watches. */
  firstPage: { key: string; value: FirstPageRecord };
}

export type Db = IDBPDatabase<VigieDb>;
export type Tx<S extends StoreNames<VigieDb>[]> = IDBPTransaction<VigieDb, S, 'readwrite' | 'versionchange'>;

/** Every watch that no longer validates repaired in place, or moved to quarantine. */
async function repairWatches(tx: Tx<['watches', 'quarantine']>, now: number): Promise<void> {
  const watches = tx.objectStore('watches');
  for (let cursor = await watches.openCursor(); cursor; cursor = await cursor.continue()) {
    if (watchRecordSchema.safeParse(cursor.value).success) continue;
    const repaired = repairedWatch(cursor.value, now);
    if (repaired) {
      await cursor.update(repaired);
    } else {
      await tx.objectStore('quarantine').add({ at: now, store: 'watches', key: String(cursor.key), value: cursor.value, reason: 'no certain repair at upgrade' });
      await cursor.delete();
    }
  }
}

/** Quarantined watches that a repair now makes valid, back in the list (never over a watch of the same question). */
export async function restoreQuarantined(tx: Tx<['watches', 'quarantine', ...any[]]>, now: number): Promise<WatchRecord[]> {
  const restored: WatchRecord[] = [];
  for (let cursor = await tx.objectStore('quarantine').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.store !== 'watches') continue;
    const repaired = repairedWatch(cursor.value.value, now);
    if (!repaired || (await tx.objectStore('watches').count(repaired.id))) continue;
    await tx.objectStore('watches').put(repaired);
    await cursor.delete();
    restored.push(repaired);
  }
  return restored;
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
      }
      if (oldVersion < 3) {
        db.createObjectStore('staging', { keyPath: ['importId', 'id'] });
        db.createObjectStore('meta', { keyPath: 'key' });
        if (oldVersion >= 1) {
          const repairs = tx as unknown as Tx<['watches', 'quarantine']>;
          await repairWatches(repairs, now());
          await restoreQuarantined(repairs, now());
        }
      }
      if (oldVersion < 4) {
        db.createObjectStore('joIssues', { keyPath: 'key' });
        db.createObjectStore('joIndex', { keyPath: 'chamber' });
      }
      if (oldVersion < 5) {
        db.createObjectStore('follows', { keyPath: 'id' });
        const feed = db.createObjectStore('feed', { keyPath: 'id' });
        feed.createIndex('at', 'at');
        feed.createIndex('followId', 'followId');
        feed.createIndex('unseen', 'unseen');
        db.createObjectStore('joDigests', { keyPath: 'key' }).createIndex('chamber', 'chamber');
      }
      if (oldVersion < 6) {
        db.createObjectStore('firstPage', { keyPath: 'key' });
        // After the repairs above: the page is sorted from the watches the list will show.
        await rebuildFirstPage(tx as unknown as Tx<['watches', 'firstPage']>, todayInParis(new Date(now())));
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
