/**
 * The second copy of the watch list (lib/backup.ts), kept in `storage.local` by the background:
 * refreshed on the polling beat when it is older than `BACKUP_EVERY_MS`, and restored on the
 * user's request into whatever the list lacks.
 */
import { backupOf, packBackup, unpackBackup, watchesFromBackup } from '../backup';
import { todayInParis } from '../dates';
import { type Db } from './store/db';
import { noteWatchChanges } from './store/first-page';
import { listWatches } from './store/watches';

/** Four times a day: a lost list loses at most a few hours of new watches and notes. */
export const BACKUP_EVERY_MS = 6 * 3_600_000;
/** Restored watches written per transaction. */
const RESTORE_BATCH = 500;

export interface BackupStore {
  load(): Promise<unknown>;
  save(packed: string): Promise<void>;
}

/** Writes a fresh copy if the last one is older than `BACKUP_EVERY_MS`, or missing, or unreadable. */
export async function keepBackup(db: Db, store: BackupStore, now: number): Promise<boolean> {
  const last = await unpackBackup(await store.load());
  if (last && now - last.at < BACKUP_EVERY_MS && last.at <= now) return false;
  const { records } = await listWatches(db, now);
  // An empty list over a backup that has watches is what a lost database looks like: keep the copy.
  if (!records.length && last?.watches.length) return false;
  await store.save(await packBackup(backupOf(records, now)));
  return true;
}

/** Puts back every question of the backup the list lacks; returns their ids, for scheduling. */
export async function restoreBackup(db: Db, store: BackupStore, now: number): Promise<string[]> {
  const backup = await unpackBackup(await store.load());
  if (!backup) return [];
  const present = new Set((await db.getAllKeys('watches')).map(String));
  const restored = watchesFromBackup(backup, present, todayInParis(new Date(now)));
  for (let start = 0; start < restored.length; start += RESTORE_BATCH) {
    const tx = db.transaction(['watches', 'firstPage'], 'readwrite');
    const batch = restored.slice(start, start + RESTORE_BATCH);
    for (const record of batch) await tx.objectStore('watches').add(record);
    await noteWatchChanges(tx, { written: batch }, now);
    await tx.done;
  }
  return restored.map((record) => record.id);
}
