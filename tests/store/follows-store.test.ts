/** The store at version 5: a version-4 database upgrades with nothing lost; follows go out and come back in a file; « Tout effacer » clears them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/background/store/db';
import { exportFile } from '../../lib/background/store/pages';
import { feedPage, importFollows, listFollows } from '../../lib/background/store/follows';
import { eraseEverything } from '../../lib/background/store/watches';
import { checkImportFile, EXPORT_FORMAT } from '../../lib/exchange';
import { type FeedEntry, type Follow } from '../../lib/follows/schemas';
import { freshIndexedDb, makeRecord, nextDbName, NOW, openPastVersion, openTestDb } from './helpers';

beforeEach(() => freshIndexedDb());

const DEPUTY: Follow = {
  id: 'deputy:AN:17:PA795321',
  kind: 'deputy',
  createdAt: NOW - 1000,
  newQuestions: true,
  chamber: 'AN',
  legislature: 17,
  name: 'M. Fabrice Exemple',
  anId: 'PA795321',
  numbers: [4512],
  record: { sweptAt: NOW - 10, updatedAt: NOW - 5, source: 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions', pages: 1, questions: [{ number: 4512, publishedOn: '2025-10-07' }] },
};
const SUBJECT: Follow = { id: 'subject:abc', kind: 'subject', createdAt: NOW, newQuestions: false, query: '« maisons France services »', chambers: ['AN', 'SENAT'] };

/** A version-4 database as the JO index's release wrote it, with a watch, an event and an issue applied. */
async function createV4(name: string) {
  const watch = makeRecord({ number: 77 });
  const v4 = await openPastVersion(name, 4);
  await v4.put('watches', watch);
  await v4.add('events', { at: NOW, type: 'watch', questionId: watch.id });
  const issue = { key: 'AN/ANQ20260010.taz', chamber: 'AN', name: 'ANQ20260010.taz', order: '2026-0010-ANQ20260010.taz', status: 'applied', attempts: 1, at: NOW };
  await v4.put('joIssues', issue);
  await v4.put('joIndex', { chamber: 'AN', failures: 0, lastReadAt: NOW });
  v4.close();
  return { watch, issue };
}

describe('upgrade from version 4', () => {
  it('adds the follows’ stores and keeps everything else as it was', async () => {
    const name = nextDbName();
    const { watch, issue } = await createV4(name);
    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('watches')).toEqual([watch]);
    expect(await db.count('events')).toBe(1);
    expect(await db.getAll('joIssues')).toEqual([issue]);
    expect(await db.get('joIndex', 'AN')).toEqual({ chamber: 'AN', failures: 0, lastReadAt: NOW });
    const tx = db.transaction(['follows', 'feed', 'joDigests']);
    expect([...tx.objectStore('feed').indexNames].sort()).toEqual(['at', 'followId', 'unseen']);
    expect([...tx.objectStore('joDigests').indexNames]).toEqual(['chamber']);
    await tx.done;
    expect(await listFollows(db)).toEqual([]);
    db.close();
  });
});

describe('follows in a file', () => {
  it('go out with the watches and come back in, merged by id', async () => {
    const db = await openTestDb();
    const watch = makeRecord({ number: 12 });
    await db.put('watches', watch);
    await importFollows(db, [DEPUTY, SUBJECT]);
    const { file } = await exportFile(db, NOW);
    const raw = JSON.parse(await file.text());
    expect(raw.version).toBe(2);
    expect(raw.follows).toEqual([DEPUTY, SUBJECT]);
    const check = checkImportFile(raw);
    expect(check.ok && check.file.follows).toEqual([DEPUTY, SUBJECT]);

    const other = await openTestDb();
    expect(await importFollows(other, [DEPUTY, SUBJECT])).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await importFollows(other, [DEPUTY, SUBJECT])).toEqual({ added: 0, updated: 0, unchanged: 2 });
    // A deputy's numbers are merged, never replaced.
    const more = { ...DEPUTY, numbers: [13382], createdAt: NOW - 5000 } as Follow;
    expect(await importFollows(other, [more])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await listFollows(other)).find((f) => f.id === DEPUTY.id)).toMatchObject({ numbers: [4512, 13382], createdAt: NOW - 5000 });
    db.close();
    other.close();
  });

  it('an export of the first format (version 1, watches only) still imports', () => {
    const watch = makeRecord({ number: 12 });
    const { failures: _f, nextCheckAt: _n, ...exported } = watch;
    const check = checkImportFile({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00.000Z', watches: [exported] });
    expect(check.ok).toBe(true);
    expect(check.ok && check.file.follows).toBeUndefined();
  });

  it('a follow that does not validate makes the file refused', () => {
    const check = checkImportFile({ format: EXPORT_FORMAT, version: 2, exportedAt: '', follows: [{ ...SUBJECT, chambers: ['XX'] }], watches: [] });
    expect(check.ok).toBe(false);
  });

  it('« Tout effacer » clears follows, feed and digests', async () => {
    const db = await openTestDb();
    await importFollows(db, [SUBJECT]);
    const entry: FeedEntry = { id: 'x', followId: SUBJECT.id, at: NOW, kind: 'answer', key: { chamber: 'AN', legislature: 17, type: 'QE', number: 1 }, issue: 'AN/x', unseen: 1 };
    await db.put('feed', entry);
    await db.put('joDigests', { key: 'AN/x', chamber: 'AN', order: 'x', entries: [] });
    await eraseEverything(db);
    expect(await listFollows(db)).toEqual([]);
    expect(await feedPage(db, 10)).toEqual([]);
    expect(await db.count('joDigests')).toBe(0);
    db.close();
  });
});
