/**
 * Imports staged in chunks and committed whole (lib/background/store/imports.ts): nothing in
 * `watches` changes before the commit, a commit cut short is finished by `resumeImport`, an import
 * abandoned while staging is dropped, and a new import replaces one left staging.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../../lib/background/store/db';
import { recentEvents } from '../../lib/background/store/events';
import {
  ABANDONED_IMPORT_MS,
  commitImport,
  discardImport,
  ImportRefused,
  resumeImport,
  stageImport,
} from '../../lib/background/store/imports';
import { exportedWatch, type ExportedWatch } from '../../lib/exchange';
import { type WatchRecord } from '../../lib/records';
import { freshIndexedDb, isValidRecord, makeRecord, NOW, openTestDb, TODAY } from './helpers';

const HOUR = 3_600_000;

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

const watchesOf = (from: number, count: number, overrides: Partial<WatchRecord> = {}): ExportedWatch[] =>
  Array.from({ length: count }, (_, i) => exportedWatch(makeRecord({ number: from + i, ...overrides })));

const sorted = (records: WatchRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

/** `db`, whose transactions fail from the `allowed + 1`-th on: a worker stopped, a disk full. */
function failingAfter(allowed: number): Db {
  let opened = 0;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return (...args: Parameters<Db['transaction']>) => {
          if (++opened > allowed) throw new DOMException('The transaction was aborted.', 'AbortError');
          return target.transaction(...args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('stageImport', () => {
  it('merges each watch with the list as it stands and keeps it in staging; `watches` does not change', async () => {
    const kept = makeRecord({ number: 1, lastCheckedAt: NOW - 24 * HOUR, failures: 2, nextCheckAt: NOW + HOUR });
    await db.put('watches', kept);
    const before = await db.getAll('watches');
    const counts = await stageImport(
      db,
      'imp',
      [exportedWatch({ ...kept, lastCheckedAt: NOW - HOUR, seen: false }), ...watchesOf(2, 2)],
      NOW,
      TODAY,
    );
    expect(counts).toEqual({ added: 2, updated: 1, unchanged: 0 });
    expect(await db.getAll('watches')).toEqual(before);
    const staged = await db.getAll('staging');
    expect(staged.map((s) => [s.importId, s.id, s.kind])).toEqual([
      ['imp', 'AN-16-QE-1', 'updated'],
      ['imp', 'AN-16-QE-2', 'added'],
      ['imp', 'AN-16-QE-3', 'added'],
    ]);
    // The file's watch is kept as given, to be merged again at the commit with the list as it then is.
    expect(staged[0]!.watch).toMatchObject({ lastCheckedAt: NOW - HOUR, seen: false });
    for (const s of staged) expect(isValidRecord({ ...s.watch, failures: 0 })).toBe(true);
    expect(await db.get('meta', 'import')).toEqual({ key: 'import', importId: 'imp', phase: 'staging', startedAt: NOW });
  });

  it('adds chunk after chunk to the same import, dated from its first chunk', async () => {
    await stageImport(db, 'imp', watchesOf(1, 3), NOW, TODAY);
    await stageImport(db, 'imp', watchesOf(4, 3), NOW + HOUR, TODAY);
    expect(await db.count('staging')).toBe(6);
    expect(await db.get('meta', 'import')).toMatchObject({ importId: 'imp', startedAt: NOW });
    expect(await db.count('watches')).toBe(0);
  });

  it('refuses a question listed twice, in one chunk or across two, and stages nothing of that chunk', async () => {
    await expect(stageImport(db, 'imp', [...watchesOf(1, 2), ...watchesOf(1, 1)], NOW, TODAY)).rejects.toThrow(ImportRefused);
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();

    await stageImport(db, 'imp', watchesOf(1, 2), NOW, TODAY);
    await expect(stageImport(db, 'imp', [...watchesOf(5, 1), ...watchesOf(2, 1)], NOW, TODAY)).rejects.toThrow(/the file lists .*twice/);
    expect((await db.getAll('staging')).map((s) => s.id)).toEqual(['AN-16-QE-1', 'AN-16-QE-2']);
  });

  it('a new import replaces one left staging (its page was closed)', async () => {
    await stageImport(db, 'old', watchesOf(1, 3), NOW, TODAY);
    await stageImport(db, 'new', watchesOf(10, 2), NOW + HOUR, TODAY);
    expect((await db.getAll('staging')).map((s) => s.importId)).toEqual(['new', 'new']);
    expect(await db.get('meta', 'import')).toMatchObject({ importId: 'new', phase: 'staging', startedAt: NOW + HOUR });
    await expect(commitImport(db, 'old', NOW)).rejects.toThrow(ImportRefused);
    expect(await db.count('watches')).toBe(0);
  });

  it('refuses a new import while another is being committed, and leaves that one whole', async () => {
    await stageImport(db, 'first', watchesOf(1, 3), NOW, TODAY);
    await db.put('meta', { key: 'import', importId: 'first', phase: 'committing', startedAt: NOW });
    await expect(stageImport(db, 'second', watchesOf(10, 2), NOW, TODAY)).rejects.toThrow('another import is being written');
    expect((await db.getAll('staging')).map((s) => s.importId)).toEqual(['first', 'first', 'first']);
    expect((await commitImport(db, 'first', NOW)).counts).toEqual({ added: 3, updated: 0, unchanged: 0 });
  });
});

describe('discardImport', () => {
  it('drops the staged import and its journal; the list is as before', async () => {
    await db.put('watches', makeRecord({ number: 1 }));
    const before = await db.getAll('watches');
    await stageImport(db, 'imp', watchesOf(1, 5, { note: 'importée' }), NOW, TODAY);
    await discardImport(db, 'imp');
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();
    expect(await db.getAll('watches')).toEqual(before);
  });

  it('leaves another import alone', async () => {
    await stageImport(db, 'current', watchesOf(1, 2), NOW, TODAY);
    await discardImport(db, 'stale');
    expect(await db.count('staging')).toBe(2);
    expect(await db.get('meta', 'import')).toMatchObject({ importId: 'current' });
  });

  it('does not undo an import past its point of no return: the commit finishes instead', async () => {
    await stageImport(db, 'imp', watchesOf(1, 3), NOW, TODAY);
    await db.put('meta', { key: 'import', importId: 'imp', phase: 'committing', startedAt: NOW });
    await discardImport(db, 'imp');
    expect(await db.count('staging')).toBe(3);
    expect((await resumeImport(db, NOW))?.counts).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await db.count('watches')).toBe(3);
  });
});

describe('commitImport', () => {
  it('writes every added and updated watch, skips the unchanged, logs one event and clears the journal', async () => {
    const same = makeRecord({ number: 1 });
    const older = makeRecord({ number: 2, lastCheckedAt: NOW - 24 * HOUR });
    await db.put('watches', same);
    await db.put('watches', older);
    await stageImport(db, 'imp', [exportedWatch(same), exportedWatch({ ...older, lastCheckedAt: NOW - HOUR }), ...watchesOf(3, 2)], NOW, TODAY);
    const committed = await commitImport(db, 'imp', NOW + 1);
    expect(committed.counts).toEqual({ added: 2, updated: 1, unchanged: 1 });
    expect(committed.written.sort()).toEqual(['AN-16-QE-2', 'AN-16-QE-3', 'AN-16-QE-4']);
    expect(await db.get('watches', same.id)).toEqual(same);
    expect((await db.get('watches', older.id))?.lastCheckedAt).toBe(NOW - HOUR);
    expect(await db.count('watches')).toBe(4);
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();
    expect(await recentEvents(db)).toMatchObject([{ type: 'import', at: NOW + 1, detail: '2 + 1' }]);
  });

  it('commits in batches, whatever the count (an exact multiple of the batch included)', async () => {
    await stageImport(db, 'imp', watchesOf(1, 1_000), NOW, TODAY);
    expect((await commitImport(db, 'imp', NOW)).counts.added).toBe(1_000);
    expect(await db.count('watches')).toBe(1_000);
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();
  });

  it('gives each watch it writes its check time as it writes it, and leaves the unchanged alone', async () => {
    const same = makeRecord({ number: 1, nextCheckAt: NOW + 7 });
    await db.put('watches', same);
    await stageImport(db, 'imp', [exportedWatch(same), ...watchesOf(2, 3)], NOW, TODAY);
    const scheduled: string[] = [];
    await commitImport(db, 'imp', NOW, (record) => {
      scheduled.push(record.id);
      return { ...record, nextCheckAt: NOW + 1000 };
    });
    expect(scheduled).toEqual(['AN-16-QE-2', 'AN-16-QE-3', 'AN-16-QE-4']);
    expect((await db.getAll('watches')).map((r) => r.nextCheckAt)).toEqual([NOW + 7, NOW + 1000, NOW + 1000, NOW + 1000]);
  });
});

describe('resumeImport: an import is applied whole, even across a stopped worker', () => {
  // At 1968cb7 an import was one transaction over the whole file; now it is a batch per
  // transaction, and this journal is what makes it whole again.
  it('finishes a commit cut short after its first batch, at the next start, scheduling what it writes', async () => {
    const kept = makeRecord({ number: 5000, note: 'gardée' });
    await db.put('watches', kept);
    const file = watchesOf(1, 1_200);
    await stageImport(db, 'imp', file, NOW, TODAY);
    const schedule = (record: WatchRecord) => ({ ...record, nextCheckAt: NOW + 1000 });
    // The journal's transaction and one batch go through, then the worker stops.
    await expect(commitImport(failingAfter(2), 'imp', NOW, schedule)).rejects.toThrow('aborted');
    // Part-way: one batch written (and scheduled), the rest still staged, the journal says « committing ».
    const written = (await db.count('watches')) - 1;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1_200);
    expect(await db.count('staging')).toBe(1_200 - written);
    expect(await db.get('meta', 'import')).toMatchObject({ importId: 'imp', phase: 'committing' });
    // A new import cannot take its place meanwhile, nor can the page discard it.
    await expect(stageImport(db, 'other', watchesOf(9000, 1), NOW, TODAY)).rejects.toThrow(ImportRefused);
    await discardImport(db, 'imp');
    expect(await db.count('staging')).toBe(1_200 - written);

    const resumed = await resumeImport(db, NOW + HOUR, schedule);
    expect(resumed?.counts).toEqual({ added: 1_200 - written, updated: 0, unchanged: 0 });
    expect(resumed?.written).toHaveLength(1_200 - written);
    const stored = sorted(await db.getAll('watches'));
    expect(stored.map((r) => r.id)).toEqual([...file.map((w) => w.id), kept.id].sort());
    for (const record of stored) expect(isValidRecord(record)).toBe(true);
    expect(stored.filter((r) => r.nextCheckAt === NOW + 1000)).toHaveLength(1_200);
    expect(await db.get('watches', kept.id)).toEqual(kept);
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();
    // Once finished, there is nothing to resume.
    expect(await resumeImport(db, NOW + 2 * HOUR)).toBeUndefined();
  });

  it('finishes a commit whose worker stopped right after it began', async () => {
    await stageImport(db, 'imp', watchesOf(1, 30), NOW, TODAY);
    await expect(commitImport(failingAfter(1), 'imp', NOW)).rejects.toThrow('aborted');
    expect(await db.count('watches')).toBe(0);
    expect((await resumeImport(db, NOW))?.counts).toEqual({ added: 30, updated: 0, unchanged: 0 });
    expect(await db.count('watches')).toBe(30);
  });

  it('discards an import abandoned while staging once ABANDONED_IMPORT_MS have passed, not before', async () => {
    await db.put('watches', makeRecord({ number: 1000 }));
    const before = await db.getAll('watches');
    await stageImport(db, 'imp', watchesOf(1, 5), NOW, TODAY);
    expect(await resumeImport(db, NOW + ABANDONED_IMPORT_MS)).toBeUndefined();
    expect(await db.count('staging')).toBe(5);
    expect(await resumeImport(db, NOW + ABANDONED_IMPORT_MS + 1)).toBeUndefined();
    expect(await db.count('staging')).toBe(0);
    expect(await db.get('meta', 'import')).toBeUndefined();
    expect(await db.getAll('watches')).toEqual(before);
  });

  it('does nothing without an import in progress', async () => {
    expect(await resumeImport(db, NOW)).toBeUndefined();
  });
});

describe('changes between the preview and the commit', () => {
  // The commit merges each watch again with the record as it then stands: a note typed in the
  // popup or a check by the poller between the preview and « Importer » is not overwritten.
  it('keeps a note written between staging and the commit', async () => {
    const kept = makeRecord({ number: 1, lastCheckedAt: NOW - 24 * HOUR });
    await db.put('watches', kept);
    await stageImport(db, 'imp', [exportedWatch({ ...kept, lastCheckedAt: NOW - HOUR })], NOW, TODAY);
    await db.put('watches', { ...kept, note: 'écrite pendant l’aperçu' });
    await commitImport(db, 'imp', NOW);
    expect((await db.get('watches', kept.id))?.note).toBe('écrite pendant l’aperçu');
  });
});
