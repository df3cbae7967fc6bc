import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/background/store/db';
import { watchRecordSchema } from '../../lib/records';
import { listWatches } from '../../lib/background/store/watches';
import { questionStatus } from '../../lib/status';
import { freshIndexedDb, makeQuestion, nextDbName, NOW, openTestDb, TODAY } from './helpers';

beforeEach(() => freshIndexedDb());

const ALL_STORES = ['cache', 'events', 'joIndex', 'joIssues', 'quarantine', 'watches'];

/** Writes a version-1 database the way the first release did: `watches` only, `{ id, question, addedAt, note? }`. */
async function createV1(name: string, records: object[]): Promise<void> {
  const v1 = await openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('watches', { keyPath: 'id' });
    },
  });
  const tx = v1.transaction('watches', 'readwrite');
  for (const record of records) await tx.store.put(record);
  await tx.done;
  v1.close();
}

describe('upgrade from version 1', () => {
  it('migrates valid records, quarantines invalid ones and creates the new stores', async () => {
    const name = nextDbName();
    const overdue = makeQuestion({ number: 1 });
    const answered = makeQuestion({ number: 2, answeredOn: '2024-02-01', answerText: 'Réponse.' });
    const pending = makeQuestion({ number: 3, publishedOn: '2024-05-01' });
    const broken = { id: 'AN-16-QE-4', question: { id: 'AN-16-QE-4', chamber: 'AN', title: 'no author, no urls' }, addedAt: 1_600_000_000_000 };
    await createV1(name, [
      { id: overdue.id, question: overdue, addedAt: 1_650_000_000_000, note: 'à relancer' },
      { id: answered.id, question: answered, addedAt: 1_650_000_000_123.7 },
      { id: pending.id, question: pending, addedAt: 1_700_000_000_000, note: '' },
      broken,
    ]);

    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    const tx = db.transaction(['cache', 'events'], 'readonly');
    expect([...tx.objectStore('cache').indexNames]).toEqual(['expiresAt']);
    expect([...tx.objectStore('events').indexNames]).toEqual(['at']);
    await tx.done;

    const stored = await db.getAll('watches');
    expect(stored).toEqual([
      { id: overdue.id, question: overdue, watchedAt: 1_650_000_000_000, state: 'overdue', failures: 0, seen: true, note: 'à relancer' },
      { id: answered.id, question: answered, watchedAt: 1_650_000_000_123, state: 'answered', failures: 0, seen: true },
      { id: pending.id, question: pending, watchedAt: 1_700_000_000_000, state: 'pending', failures: 0, seen: true },
    ]);
    for (const record of stored) {
      expect(watchRecordSchema.safeParse(record).success).toBe(true);
      expect(record.state).toBe(questionStatus(record.question!, TODAY).state);
      expect(record).not.toHaveProperty('addedAt');
    }

    const quarantine = await db.getAll('quarantine');
    expect(quarantine).toEqual([
      { seq: 1, at: NOW, store: 'watches', key: broken.id, value: broken, reason: 'v1 record failed migration' },
    ]);
    expect(await db.get('watches', broken.id)).toBeUndefined();
    expect(await listWatches(db, NOW)).toMatchObject({ quarantined: 0 });
    db.close();

    // Opening again at the same version changes nothing.
    const again = await openTestDb(name);
    expect(await again.getAll('watches')).toEqual(stored);
    expect(await again.count('quarantine')).toBe(1);
    again.close();
  });

  it('computes the state for the day of the upgrade', async () => {
    const name = nextDbName();
    const question = makeQuestion({ number: 1 }); // due 2024-03-15
    await createV1(name, [{ id: question.id, question, addedAt: 1 }]);
    const db = await openTestDb(name, () => Date.UTC(2024, 1, 1, 12));
    expect((await db.get('watches', question.id))?.state).toBe('pending');
    db.close();
  });

  it('a v1 record without addedAt is dated at the upgrade', async () => {
    const name = nextDbName();
    const question = makeQuestion({ number: 1 });
    await createV1(name, [{ id: question.id, question }]);
    const db = await openTestDb(name);
    expect((await db.get('watches', question.id))?.watchedAt).toBe(NOW);
    db.close();
  });

  it('quarantines a v1 record whose id does not match its question', async () => {
    const name = nextDbName();
    const question = makeQuestion({ number: 1 });
    const record = { id: 'AN-16-QE-2', question, addedAt: 1 };
    await createV1(name, [record]);
    const db = await openTestDb(name);
    expect(await db.count('watches')).toBe(0);
    expect(await db.getAll('quarantine')).toMatchObject([{ key: 'AN-16-QE-2', value: record }]);
    db.close();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = nextDbName();
    await createV1(name, []);
    const db = await openTestDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await listWatches(db, NOW)).toEqual({ records: [], quarantined: 0 });
    db.close();
  });

  it('a new database gets every store at the current version', async () => {
    const db = await openTestDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    db.close();
  });
});

describe('upgrade from version 2', () => {
  /** A version-2 database as the previous release left it: watches, cache, events and quarantine, no index stores. */
  async function createV2(name: string): Promise<void> {
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('watches', { keyPath: 'id' });
      },
    });
    v1.close();
    // The previous release's own upgrade (v1 → v2) ran then: open it at 2 as that release did.
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('cache', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true }).createIndex('at', 'at');
        db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true });
      },
    });
    const record = watchRecordSchema.parse({ id: question.id, question, watchedAt: NOW, state: 'overdue', failures: 2, seen: false, note: 'n' });
    const tx = v2.transaction(['watches', 'cache', 'events', 'quarantine'], 'readwrite');
    await tx.objectStore('watches').put(record);
    await tx.objectStore('cache').put({ key: 'deputy:x', kind: 'deputy', value: { name: 'X' }, fetchedAt: NOW, expiresAt: NOW + 1 });
    await tx.objectStore('events').add({ at: NOW, type: 'watch', questionId: question.id, to: 'overdue' });
    await tx.objectStore('quarantine').add({ at: NOW, store: 'watches', key: 'k', value: 1, reason: 'r' });
    await tx.done;
    v2.close();
  }
  const question = makeQuestion({ number: 7 });

  it('keeps everything and adds the Journal officiel index stores, empty', async () => {
    const name = nextDbName();
    await createV2(name);
    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await db.getAll('watches')).toEqual([
      { id: question.id, question, watchedAt: NOW, state: 'overdue', failures: 2, seen: false, note: 'n' },
    ]);
    expect(await db.count('cache')).toBe(1);
    expect(await db.getAll('events')).toEqual([{ seq: 1, at: NOW, type: 'watch', questionId: question.id, to: 'overdue' }]);
    expect(await db.count('quarantine')).toBe(1);
    expect(await db.count('joIssues')).toBe(0);
    expect(await db.count('joIndex')).toBe(0);
    db.close();
  });
});
