import { beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../../lib/background/store/db';
import { keepFirstPageCurrent, noteWatchChanges, readFirstPage, readFirstScreen } from '../../lib/background/store/first-page';
import { commitImport, stageImport } from '../../lib/background/store/imports';
import { eraseEverything, listWatches, markSeen, setWatched, updateWatch, updateWatches } from '../../lib/background/store/watches';
import { exportedWatch } from '../../lib/exchange';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { questionStatus } from '../../lib/status';
import { type IsoDate } from '../../lib/dates';
import { FIRST_SCREEN_ROWS, ROWS_AT_ONCE, sortRows, toRow } from '../../lib/watchlist';
import { freshIndexedDb, makeQuestion, makeRef, NOW, openTestDb, TODAY } from './helpers';

beforeEach(() => freshIndexedDb());

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Watches that sort apart in every way the opening order looks at: late by different amounts,
 * pending, answered, many on the same day (ties broken by id), some unseen.
 */
function varied(i: number): WatchRecord {
  const publishedOn = `202${3 + (i % 2)}-${pad(1 + (i % 5))}-${pad(1 + (i % 9))}` as IsoDate;
  const answered = i % 7 === 0 ? { answeredOn: '2024-05-02' as IsoDate, answerText: 'Réponse.' } : {};
  const question = makeQuestion({ number: 1000 + i, publishedOn, ...answered });
  return watchRecordSchema.parse({
    id: question.id,
    question,
    watchedAt: NOW - i * 60_000,
    state: questionStatus(question, TODAY).state,
    failures: 0,
    seen: i % 11 !== 0,
  });
}

async function importAll(db: Db, records: readonly WatchRecord[], now = NOW): Promise<void> {
  await stageImport(db, 'imp', records.map(exportedWatch), now, TODAY);
  await commitImport(db, 'imp', now);
}

/** The popup's first rows, as it sorts the whole list itself. */
async function sortedFirstRows(db: Db, today: IsoDate = TODAY): Promise<WatchRecord[]> {
  const { records } = await listWatches(db, NOW);
  return sortRows(records.map((record) => toRow(record, today)), 'late')
    .slice(0, ROWS_AT_ONCE)
    .map((row) => row.record);
}

/** The records of the outline's rows, from the list itself. */
async function readFirstPageIds(db: Db): Promise<WatchRecord[]> {
  const outline = (await db.get('firstPage', 'late:outline')) as { ids: string[] };
  return Promise.all(outline.ids.map(async (id) => watchRecordSchema.parse(await db.get('watches', id))));
}

async function expectCurrent(db: Db, today: IsoDate = TODAY): Promise<void> {
  const page = await readFirstPage(db, today);
  expect(page?.records.map((r) => r.id)).toEqual((await sortedFirstRows(db, today)).map((r) => r.id));
  expect(page?.records).toEqual(await sortedFirstRows(db, today));
  // The first screen, read before the popup's first render, is the same rows' beginning.
  expect((await readFirstScreen(db, today))?.records).toEqual((await sortedFirstRows(db, today)).slice(0, FIRST_SCREEN_ROWS));
}

describe('the first page kept by the background', () => {
  it('holds the whole sort’s first rows after every kind of write to the list', async () => {
    const db = await openTestDb();
    const all = Array.from({ length: 700 }, (_, i) => varied(i));
    // Two commit batches: the first page is sorted from the import, then kept up to date by the second.
    await importAll(db, all);
    await expectCurrent(db);

    const added = makeRef({ number: 9001, publishedOn: '2022-01-10' });
    await setWatched(db, { id: added.id, ref: added, watched: true }, NOW, TODAY);
    await expectCurrent(db);

    // A watch far down the list turns unseen: it comes first.
    const far = all[650]!;
    await updateWatch(db, far.id, (record) => ({ ...record, seen: false, lastChangeAt: NOW }), NOW);
    await expectCurrent(db);
    expect((await readFirstPage(db, TODAY))?.records.map((record) => record.id)).toContain(far.id);

    // Every unseen watch seen: they leave the top, filled from the rows kept beyond it.
    const unseen = (await db.getAll('watches')).filter((record) => !record.seen).map((record) => record.id);
    expect(unseen.length).toBeGreaterThan(50);
    await markSeen(db, unseen, NOW);
    await expectCurrent(db);

    // More rows leave than are kept beyond the first ones: the whole list is sorted again.
    const top = (await readFirstPage(db, TODAY))!.records.slice(0, 90);
    for (const record of top) await setWatched(db, { id: record.id, watched: false }, NOW, TODAY);
    await expectCurrent(db);
    const next = (await readFirstPage(db, TODAY))!.records.slice(0, 60);
    for (const record of next) await setWatched(db, { id: record.id, watched: false }, NOW, TODAY);
    await expectCurrent(db);

    await updateWatches(db, all.map((record) => record.id), (record) => ({ ...record, nextCheckAt: NOW + DAY }), NOW);
    await expectCurrent(db);
    db.close();
  });

  it('a short list is kept whole, and a watch written around it is not missed', async () => {
    const db = await openTestDb();
    await importAll(db, [varied(1), varied(2), varied(3)]);
    await expectCurrent(db);
    expect((await readFirstPage(db, TODAY))?.records).toHaveLength(3);
    await setWatched(db, { id: varied(2).id, watched: false }, NOW, TODAY);
    await expectCurrent(db);
    // Written behind the background's back: the page no longer holds the whole list, so it is not trusted.
    await db.put('watches', varied(4));
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    db.close();
  });

  it('is not trusted on another day, and is sorted again for the new one by the day’s first run', async () => {
    const db = await openTestDb();
    await importAll(db, Array.from({ length: 300 }, (_, i) => varied(i)));
    const tomorrow = '2024-06-02';
    expect(await readFirstPage(db, TODAY)).toBeDefined();
    expect(await readFirstPage(db, tomorrow)).toBeUndefined();
    expect(await readFirstScreen(db, tomorrow)).toBeUndefined();
    await keepFirstPageCurrent(db, NOW + DAY);
    await expectCurrent(db, tomorrow);
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    db.close();
  });

  it('a write on a new day sorts the whole list for it, not only what it wrote', async () => {
    const db = await openTestDb();
    const all = Array.from({ length: 300 }, (_, i) => varied(i));
    await importAll(db, all);
    await updateWatch(db, all[5]!.id, (record) => ({ ...record, note: 'relancer' }), NOW + DAY);
    await expectCurrent(db, '2024-06-02');
    db.close();
  });

  it('missing or unreadable, it is not shown; the next write sorts it again', async () => {
    const db = await openTestDb();
    const all = Array.from({ length: 250 }, (_, i) => varied(i));
    await importAll(db, all);
    await db.delete('firstPage', 'late');
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    await updateWatch(db, all[0]!.id, (record) => record, NOW);
    await expectCurrent(db);

    const page = (await db.get('firstPage', 'late')) as { records: WatchRecord[] };
    const broken = { ...page.records[0]!, state: 'lost' };
    await db.put('firstPage', { ...page, records: [broken, ...page.records.slice(1)] } as never);
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    await db.put('firstPage', { ...page, day: 'hier' } as never);
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    // A write that touches the page finds it unreadable, and sorts it again.
    const [touching] = await readFirstPageIds(db);
    const tx = db.transaction(['watches', 'firstPage'], 'readwrite');
    await noteWatchChanges(tx, { written: [touching!] }, NOW);
    await tx.done;
    await expectCurrent(db);

    // Rows that do not match their outline (written apart) are sorted again at the next write that concerns them.
    await db.put('firstPage', { ...page, records: page.records.slice(1) } as never);
    const first = all.find((record) => record.id === page.records[0]!.id)!;
    await updateWatch(db, first.id, (record) => ({ ...record, note: 'vu' }), NOW);
    await expectCurrent(db);
    db.close();
  });

  it('is erased with everything else', async () => {
    const db = await openTestDb();
    await importAll(db, [varied(1)]);
    await eraseEverything(db);
    expect(await db.count('firstPage')).toBe(0);
    expect(await readFirstPage(db, TODAY)).toBeUndefined();
    db.close();
  });
});
