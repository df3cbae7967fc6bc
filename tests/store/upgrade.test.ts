import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/background/store/db';
import { quarantinedWatches, readWatchPage, watchListReader } from '../../lib/background/store/pages';
import { NOTE_MAX_LENGTH, watchRecordSchema, type WatchRecord } from '../../lib/records';
import { listWatches } from '../../lib/background/store/watches';
import { readFirstPage } from '../../lib/background/store/first-page';
import { ROWS_AT_ONCE, sortRows, toRow } from '../../lib/watchlist';
import { questionStatus } from '../../lib/status';
import { anDynUrl } from '../../lib/urls';
import { freshIndexedDb, makeQuestion, makeRecord, nextDbName, NOW, openPastVersion, openTestDb, TODAY } from './helpers';

beforeEach(() => freshIndexedDb());

const STORES = ['cache', 'events', 'feed', 'firstPage', 'follows', 'joDigests', 'joIndex', 'joIssues', 'meta', 'quarantine', 'staging', 'watches'];

/** Writes a version-1 database the way the first release did: `watches` only, `{ id, question, addedAt, note? }`. */
async function createV1(name: string, records: object[]): Promise<void> {
  const v1 = await openPastVersion(name, 1);
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
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
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
      { seq: 1, at: NOW, store: 'watches', key: broken.id, value: broken, reason: 'no certain repair at upgrade' },
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
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await listWatches(db, NOW)).toEqual({ records: [], quarantined: 0 });
    db.close();
  });

  it('a new database gets every store at the current version', async () => {
    const db = await openTestDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    db.close();
  });
});

/** Writes a version-2 database as commit 1968cb7 left it: its four stores, its records, its quarantine. */
async function createV2(name: string, watches: object[], quarantine: object[]): Promise<void> {
  const v2 = await openPastVersion(name, 2);
  const tx = v2.transaction(['watches', 'quarantine'], 'readwrite');
  for (const record of watches) await tx.objectStore('watches').put(record);
  for (const record of quarantine) await tx.objectStore('quarantine').add(record);
  await tx.done;
  v2.close();
}

/** A version-1 record of question `number`, its question spoiled by `spoil` as an older reader could have left it. */
function v1Record(number: number, spoil: (question: Record<string, any>) => void = () => undefined, note?: string) {
  const question = structuredClone(makeQuestion({ number })) as Record<string, any>;
  spoil(question);
  return { id: question.id as string, question, addedAt: 1_650_000_000_000 + number, ...(note === undefined ? {} : { note }) };
}

describe('upgrade from version 2 to today: records today’s schemas refuse are repaired before anything is set aside (reliability D10)', () => {
  const LONG_NOTE = `${'Relancer le cabinet. '.repeat(95)}fin`.padEnd(NOTE_MAX_LENGTH + 1, '!');

  /** The plausible version-1 records of the probe, one flaw each, and one with all of them. */
  const PLAUSIBLE = {
    'a note of 2,001 characters': v1Record(1, undefined, LONG_NOTE),
    'an empty title': v1Record(2, (q) => {
      q.title = '';
    }),
    'an http:// address': v1Record(3, (q) => {
      q.urls = { an: 'http://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE3' };
    }),
    'a slug with _': v1Record(4, (q) => {
      q.author.slug = 'elise_morvan';
    }),
    'no chamber': v1Record(5, (q) => {
      delete q.chamber;
    }),
    'a dd/mm/yyyy date': v1Record(6, (q) => {
      q.publishedOn = '15/01/2024';
    }),
    'an empty ministry': v1Record(7, (q) => {
      q.ministry = '';
    }),
    'all of these at once': v1Record(
      8,
      (q) => {
        q.title = '  ';
        q.urls = { an: 'http://example.org/x', nosdeputes: 'http://evil.test/16/question/QE/8' };
        q.author.slug = 'Élise_Morvan';
        delete q.chamber;
        q.publishedOn = '15/01/2024';
        q.ministry = '';
      },
      LONG_NOTE,
    ),
  };
  /** No author, no number: nothing certain to repair it with. */
  const BROKEN = { id: 'AN-16-QE-9', question: { id: 'AN-16-QE-9', chamber: 'AN', title: 'Sans auteur' }, addedAt: 1_600_000_000_000 };

  // At 1968cb7 the migration parsed each v1 question as it was: of these, the long note, the empty
  // title, the http address (and, in the unit probe, 7 of 10 one-field variants) went to quarantine
  // with no word to the user.
  it('keeps every plausible version-1 record, repaired, and sets aside only the broken one, where the popup counts it', async () => {
    const name = nextDbName();
    await createV1(name, [...Object.values(PLAUSIBLE), BROKEN]);
    const db = await openTestDb(name);

    const stored = new Map((await db.getAll('watches')).map((r) => [r.id, r]));
    expect([...stored.keys()].sort()).toEqual(Object.values(PLAUSIBLE).map((r) => r.id).sort());
    for (const record of stored.values()) {
      expect(watchRecordSchema.safeParse(record).success, record.id).toBe(true);
      expect(record.question!.chamber).toBe('AN');
      expect(record.question!.urls.an).toBe(anDynUrl(record.id));
      expect(record.state).toBe(questionStatus(record.question!, TODAY).state);
    }
    const get = (number: number) => stored.get(`AN-16-QE-${number}`) as WatchRecord;
    expect(get(1).note).toBe(LONG_NOTE.slice(0, NOTE_MAX_LENGTH));
    expect(get(1).watchedAt).toBe(1_650_000_000_001);
    expect(get(2).question).not.toHaveProperty('title');
    expect(get(3).question!.urls).toEqual({ an: anDynUrl('AN-16-QE-3'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/3' });
    expect(get(4).question!.author).toEqual({ name: 'Élise Morvan', anId: 'PA795321' });
    expect(get(5).question!.chamber).toBe('AN');
    expect(get(6).question!.publishedOn).toBe('2024-01-15');
    expect(get(6).state).toBe('overdue');
    expect(get(7).question).not.toHaveProperty('ministry');
    expect(get(8)).toMatchObject({ note: LONG_NOTE.slice(0, NOTE_MAX_LENGTH), state: 'overdue' });
    expect(get(8).question).not.toHaveProperty('title');
    expect(get(8).question).not.toHaveProperty('ministry');
    expect(get(8).question!.author).not.toHaveProperty('slug');

    expect(await db.getAll('quarantine')).toEqual([
      { seq: 1, at: NOW, store: 'watches', key: BROKEN.id, value: BROKEN, reason: 'no certain repair at upgrade' },
    ]);
    // Counted where the popup looks, and kept as it was for « Exporter ces données ».
    expect(await quarantinedWatches(db)).toHaveLength(1);
    expect(await watchListReader(db).setAside()).toEqual([BROKEN]);
    const page = await readWatchPage(db);
    expect(page).toMatchObject({ unreadable: [] });
    expect(page.records).toHaveLength(8);
    db.close();
  });

  it('repairs a version-2 list: a check dated past the bound is dropped, and what 1968cb7 set aside comes back', async () => {
    const name = nextDbName();
    // Written by a D3 import at 1968cb7: a check in 2200, and no next check since scheduling threw.
    const d3 = { ...makeRecord({ number: 20 }), lastCheckedAt: Date.UTC(2200, 0, 1) };
    const valid = makeRecord({ number: 21, note: 'gardée' });
    const setAside = v1Record(22, (q) => {
      q.title = '';
    }, 'note de la v1');
    const notAWatch = { at: NOW - 1, store: 'cache', key: 'deputy:x', value: { odd: true }, reason: 'unreadable' };
    await createV2(name, [d3, valid], [
      { at: NOW - 1000, store: 'watches', key: setAside.id, value: setAside, reason: 'v1 record failed migration' },
      notAWatch,
    ]);
    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('joIssues')).toBe(0);
    expect(await db.count('joIndex')).toBe(0);

    const repaired = await db.get('watches', d3.id);
    expect(watchRecordSchema.safeParse(repaired).success).toBe(true);
    expect(repaired).not.toHaveProperty('lastCheckedAt');
    expect(repaired).toMatchObject({ watchedAt: d3.watchedAt, state: 'overdue' });
    expect(await db.get('watches', valid.id)).toEqual(valid);
    const restored = await db.get('watches', setAside.id);
    expect(restored).toMatchObject({ note: 'note de la v1', watchedAt: setAside.addedAt, seen: true, failures: 0 });
    expect(restored?.question).not.toHaveProperty('title');
    expect(await db.getAll('quarantine')).toEqual([{ ...notAWatch, seq: 2 }]);
    expect(await quarantinedWatches(db)).toEqual([]);
    db.close();
  });

  it('never restores a set-aside record over a watch of the same question', async () => {
    const name = nextDbName();
    const current = makeRecord({ number: 30, note: 'la mienne' });
    const older = v1Record(30, (q) => {
      q.title = '';
    }, 'ancienne');
    await createV2(name, [current], [{ at: NOW - 1, store: 'watches', key: older.id, value: older, reason: 'v1 record failed migration' }]);
    const db = await openTestDb(name);
    expect(await db.get('watches', current.id)).toEqual(current);
    expect(await quarantinedWatches(db)).toHaveLength(1);
    db.close();
  });
});

/** Writes a version-5 database as main left it before the first page: its eleven stores and a list. */
async function createV5(name: string, watches: object[]): Promise<void> {
  const v5 = await openPastVersion(name, 5);
  const tx = v5.transaction('watches', 'readwrite');
  for (const watch of watches) await tx.store.put(watch);
  await tx.done;
  v5.close();
}

describe('upgrade from version 5', () => {
  it('sorts the popup’s first rows from the list as it is, leaving everything else as it was', async () => {
    const name = nextDbName();
    const watches = Array.from({ length: 130 }, (_, i) =>
      makeRecord({
        number: 300 + i,
        question: makeQuestion({ number: 300 + i, publishedOn: `2024-0${1 + (i % 5)}-1${i % 4}` }),
        seen: i % 9 !== 0,
      }),
    );
    const broken = { id: 'AN-16-QE-999', state: 'lost' };
    await createV5(name, [...watches, broken]);
    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const sorted = sortRows(watches.map((record) => toRow(record, TODAY)), 'late').map((row) => row.record);
    expect((await readFirstPage(db, TODAY))?.records).toEqual(sorted.slice(0, ROWS_AT_ONCE));
    // Another day's popup does not trust it.
    expect(await readFirstPage(db, '2024-06-02')).toBeUndefined();
    // Nothing else moved: the unreadable record is still there, for the list to set aside as before.
    expect(await db.count('watches')).toBe(131);
    expect(await db.get('watches', broken.id)).toEqual(broken);
    db.close();
  });

  it('an empty list upgrades to an empty first page, shown as such', async () => {
    const name = nextDbName();
    await createV5(name, []);
    const db = await openTestDb(name);
    expect(await readFirstPage(db, TODAY)).toEqual({ records: [] });
    db.close();
  });
});
