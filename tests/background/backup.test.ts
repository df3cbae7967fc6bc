/**
 * The second copy of the watch list: packed small, refreshed when old, never overwritten by the
 * empty list of a lost database, and restored into whatever the list lacks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_EVERY_MS, keepBackup, restoreBackup } from '../../lib/background/backup';
import { backupOf, packBackup, unpackBackup, watchesFromBackup } from '../../lib/backup';
import { type WatchRecord, watchRecordSchema } from '../../lib/records';
import { freshIndexedDb, makeRecord, makeRef, NOW, openTestDb, TODAY } from '../store/helpers';

beforeEach(() => freshIndexedDb());

function memoryStore(initial?: string) {
  let packed: unknown = initial;
  let saves = 0;
  return {
    load: async () => packed,
    save: async (value: string) => {
      packed = value;
      saves++;
    },
    saves: () => saves,
  };
}

const LIST: WatchRecord[] = [
  makeRecord({ number: 1, note: 'relancer le cabinet en juin' }),
  makeRecord({ number: 2, state: 'answered' }),
  watchRecordSchema.parse({
    id: 'AN-16-QE-3',
    ref: makeRef({ number: 3, title: 'Déserts médicaux' }),
    watchedAt: NOW - 1000,
    state: 'pending',
    failures: 0,
    seen: true,
  }),
];

describe('packing', () => {
  it('gives back exactly the backup it packed', async () => {
    const backup = backupOf(LIST, NOW);
    expect(await unpackBackup(await packBackup(backup))).toEqual(backup);
  });

  it('packs 10,000 watches into far less than storage.local’s 10 MB', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeRecord({ number: i + 1, note: i % 10 ? undefined : `note ${i}` }));
    const packed = await packBackup(backupOf(many, NOW));
    expect(packed.length).toBeLessThan(1_000_000);
    expect((await unpackBackup(packed))?.watches).toHaveLength(10_000);
  }, 60_000);

  it.each([
    ['not a string', 42],
    ['not base64', '%%%'],
    ['base64 of something else', btoa('hello')],
    ['nothing', undefined],
  ])('reads %s as no backup', async (_name, packed) => {
    expect(await unpackBackup(packed)).toBeUndefined();
  });
});

describe('watchesFromBackup', () => {
  it('makes each missing question a watch again, with its note, its date and the state it had', () => {
    const restored = watchesFromBackup(backupOf(LIST, NOW), new Set(['AN-16-QE-2']), TODAY);
    expect(restored.map((r) => r.id)).toEqual(['AN-16-QE-1', 'AN-16-QE-3']);
    for (const record of restored) expect(watchRecordSchema.safeParse(record).success).toBe(true);
    expect(restored[0]).toMatchObject({ note: 'relancer le cabinet en juin', watchedAt: NOW, failures: 0, seen: true });
    expect(restored[1]?.ref?.title).toBe('Déserts médicaux');
    // No reading yet: the poller reads each in full at its first check.
    expect(restored.every((r) => r.question === undefined && r.lastCheckedAt === undefined)).toBe(true);
  });
});

describe('keepBackup and restoreBackup', () => {
  async function listWith(records: readonly WatchRecord[]) {
    const db = await openTestDb();
    for (const record of records) await db.put('watches', record);
    return db;
  }

  it('writes a copy when there is none, then not again until it is BACKUP_EVERY_MS old', async () => {
    const db = await listWith(LIST);
    const store = memoryStore();
    expect(await keepBackup(db, store, NOW)).toBe(true);
    expect(await keepBackup(db, store, NOW + BACKUP_EVERY_MS - 1)).toBe(false);
    expect(await keepBackup(db, store, NOW + BACKUP_EVERY_MS)).toBe(true);
    expect(store.saves()).toBe(2);
    expect((await unpackBackup(await store.load()))?.watches.map((w) => w.id).sort()).toEqual(LIST.map((r) => r.id).sort());
    db.close();
  });

  it('never replaces a copy of a list with the empty list of a lost database', async () => {
    const store = memoryStore(await packBackup(backupOf(LIST, NOW)));
    const lost = await listWith([]);
    expect(await keepBackup(lost, store, NOW + 2 * BACKUP_EVERY_MS)).toBe(false);
    expect((await unpackBackup(await store.load()))?.watches).toHaveLength(3);
    lost.close();
  });

  it('brings a lost list back, and returns the ids to schedule', async () => {
    const store = memoryStore(await packBackup(backupOf(LIST, NOW)));
    const lost = await listWith([]);
    const restored = await restoreBackup(lost, store, NOW + 1000);
    expect(restored.sort()).toEqual(LIST.map((r) => r.id).sort());
    const back = await lost.getAll('watches');
    expect(back).toHaveLength(3);
    expect(back.find((r) => r.id === 'AN-16-QE-1')?.note).toBe('relancer le cabinet en juin');
    lost.close();
  });

  it('restores only what the list lacks, leaving the watches it has untouched', async () => {
    const store = memoryStore(await packBackup(backupOf(LIST, NOW)));
    const kept = makeRecord({ number: 1, note: 'une note plus récente' });
    const db = await listWith([kept]);
    expect(await restoreBackup(db, store, NOW)).toEqual(['AN-16-QE-2', 'AN-16-QE-3']);
    expect(await db.get('watches', 'AN-16-QE-1')).toEqual(kept);
    db.close();
  });

  it('restores nothing from a missing or damaged copy', async () => {
    const db = await listWith([]);
    expect(await restoreBackup(db, memoryStore(), NOW)).toEqual([]);
    expect(await restoreBackup(db, memoryStore('not a backup'), NOW)).toEqual([]);
    expect(await db.count('watches')).toBe(0);
    db.close();
  });
});
