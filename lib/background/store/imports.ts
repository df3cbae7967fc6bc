/**
 * An import arrives in chunks and is applied whole or not at all. Each chunk is merged with the
 * list as it stands and kept in `staging`; nothing in `watches` changes until the commit, which a
 * journal in `meta` carries through a stopped worker: committing resumes at the next start, and an
 * import left staging (its page closed) is discarded. No transaction holds more than a few MB.
 */
import { type IsoDate } from '../../dates';
import { todayInParis } from '../../dates';
import { type ExportedWatch, type ImportKind, mergeImported, stagedWatchSchema } from '../../exchange';
import { watchRecordSchema, type MetaRecord, type WatchRecord } from '../../records';
import { noteWatchChanges } from './first-page';
import { type Db } from './db';
import { appendEvent } from './events';

const JOURNAL = 'import';
/** Resumed commits that may fail before the import is given up, what it wrote so far kept. */
export const MAX_FAILED_COMMITS = 3;
/** A staged import whose page went away this long ago is abandoned. */
export const ABANDONED_IMPORT_MS = 3_600_000;
/** Staged records moved to the list per transaction: a few MB at most, even with long texts. */
const COMMIT_BATCH = 500;

export type ImportCounts = Record<ImportKind, number>;

const noCounts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0 });

function stagedRange(importId: string): IDBKeyRange {
  return IDBKeyRange.bound([importId, ''], [importId, '\uffff']);
}

/** Thrown for an import Vigie cannot go on with: the whole import is refused, nothing written. */
export class ImportRefused extends Error {}

/**
 * Stages one chunk, merged with what the list holds now. A new import replaces one left staging
 * (its page was closed); one being committed must finish first. A question twice in one import is
 * refused.
 */
export async function stageImport(db: Db, importId: string, watches: readonly ExportedWatch[], now: number, today: IsoDate): Promise<ImportCounts> {
  const tx = db.transaction(['watches', 'staging', 'meta'], 'readwrite');
  const journal = await tx.objectStore('meta').get(JOURNAL);
  if (journal && journal.importId !== importId) {
    if (journal.phase === 'committing') {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new ImportRefused('another import is being written');
    }
    await tx.objectStore('staging').delete(stagedRange(journal.importId));
  }
  if (journal?.importId !== importId) await tx.objectStore('meta').put({ key: JOURNAL, importId, phase: 'staging', startedAt: now });
  const counts = noCounts();
  let duplicate = false;
  const stored = await Promise.all(watches.map((watch) => tx.objectStore('watches').get(watch.id)));
  for (const [i, watch] of watches.entries()) {
    const current = stored[i] === undefined ? undefined : watchRecordSchema.safeParse(stored[i]);
    const { kind } = mergeImported(watch, current?.success ? current.data : undefined, today);
    const staged = stagedWatchSchema.safeParse({ importId, id: watch.id, kind, watch });
    if (!staged.success) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new ImportRefused(`${watch.id} does not validate`);
    }
    // `add`, not `put`: a question already staged by this import is a file that lists it twice.
    tx.objectStore('staging')
      .add(staged.data)
      .catch((error: unknown) => {
        duplicate ||= error instanceof DOMException && error.name === 'ConstraintError';
      });
    counts[kind]++;
  }
  try {
    await tx.done;
  } catch (error) {
    throw duplicate ? new ImportRefused('the file lists a question twice') : error;
  }
  return counts;
}

/** Gives up an import whose commit keeps failing: what it wrote stays, the rest is dropped, and the history says so. */
async function giveUpImport(db: Db, importId: string, now: number): Promise<void> {
  const tx = db.transaction(['staging', 'meta', 'events'], 'readwrite');
  await tx.objectStore('staging').delete(stagedRange(importId));
  await tx.objectStore('meta').delete(JOURNAL);
  await appendEvent(tx, { at: now, type: 'import', detail: 'abandoned after failed commits' });
  await tx.done;
}

/** Drops an import in progress; the list is as before it. */
export async function discardImport(db: Db, importId: string): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  const journal = await tx.objectStore('meta').get(JOURNAL);
  if (journal?.importId === importId && journal.phase === 'committing') {
    // Past the point of no return: the commit finishes instead.
    await tx.done;
    return;
  }
  await tx.objectStore('staging').delete(stagedRange(importId));
  if (journal?.importId === importId) await tx.objectStore('meta').delete(JOURNAL);
  await tx.done;
}

export interface CommittedImport {
  counts: ImportCounts;
  /** Added and updated watches: the poller gives them a check time. */
  written: string[];
}

/**
 * Writes every staged watch of `importId` to the list, a batch per transaction, from a journal
 * that says "committing": a worker stopped half-way finishes at its next start (`resumeImport`).
 * Each watch is merged again with the list as it stands now: a note typed or a check made since
 * the preview is kept.
 */
export async function commitImport(
  db: Db,
  importId: string,
  now: number,
  /** Gives each written watch its first check time, in the same transaction. */
  schedule: (record: WatchRecord) => WatchRecord = (record) => record,
): Promise<CommittedImport> {
  const start = db.transaction('meta', 'readwrite');
  const journal = await start.store.get(JOURNAL);
  if (journal?.importId !== importId) {
    await start.done;
    throw new ImportRefused('no such import');
  }
  if (journal.phase !== 'committing') await start.store.put({ ...journal, phase: 'committing' } satisfies MetaRecord);
  await start.done;

  const committed: CommittedImport = { counts: noCounts(), written: [] };
  const today = todayInParis(new Date(now));
  for (;;) {
    const tx = db.transaction(['watches', 'staging', 'meta', 'events', 'firstPage'], 'readwrite');
    const batch = await tx.objectStore('staging').getAll(stagedRange(importId), COMMIT_BATCH);
    const stored = await Promise.all(batch.map((staged) => tx.objectStore('watches').get(staged.id)));
    const writes: Promise<unknown>[] = [];
    const written: WatchRecord[] = [];
    for (const [i, staged] of batch.entries()) {
      const current = stored[i] === undefined ? undefined : watchRecordSchema.safeParse(stored[i]);
      const { kind, record } = mergeImported(staged.watch, current?.success ? current.data : undefined, today);
      committed.counts[kind]++;
      if (kind === 'unchanged') continue;
      const scheduled = schedule(record);
      writes.push(tx.objectStore('watches').put(scheduled));
      written.push(scheduled);
      committed.written.push(staged.id);
    }
    if (batch.length) writes.push(tx.objectStore('staging').delete(IDBKeyRange.bound([importId, batch[0]!.id], [importId, batch[batch.length - 1]!.id])));
    await Promise.all(writes);
    await noteWatchChanges(tx, { written }, now);
    if (batch.length < COMMIT_BATCH) {
      await tx.objectStore('meta').delete(JOURNAL);
      await appendEvent(tx, { at: now, type: 'import', detail: `${committed.counts.added} + ${committed.counts.updated}` });
      await tx.done;
      return committed;
    }
    await tx.done;
  }
}

/**
 * At the worker's start: finishes an import that was committing, discards one abandoned while
 * staging. Returns what a finished commit wrote, for scheduling.
 */
export async function resumeImport(db: Db, now: number, schedule?: (record: WatchRecord) => WatchRecord): Promise<CommittedImport | undefined> {
  const journal = await db.get('meta', JOURNAL);
  if (!journal) return undefined;
  if (journal.phase === 'committing') {
    try {
      return await commitImport(db, journal.importId, now, schedule);
    } catch (error) {
      // A commit that fails again and again (a full disk) must not block every later import.
      const failedCommits = (journal.failedCommits ?? 0) + 1;
      if (failedCommits >= MAX_FAILED_COMMITS) await giveUpImport(db, journal.importId, now);
      else await db.put('meta', { ...journal, failedCommits });
      throw error;
    }
  }
  if (now - journal.startedAt > ABANDONED_IMPORT_MS) await discardImport(db, journal.importId);
  return undefined;
}
