/**
 * The list read in pages by the popup and the options page (lib/background/store/pages.ts), and
 * the export file written from those pages. Reliability D5: at 1968cb7 `watch.list` and
 * `data.export` sent the whole list in one message, and both failed past 64 MiB; now no read holds
 * more than a page, and no message carries the list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../../lib/background/store/db';
import {
  exportFile,
  quarantinedWatches,
  readWatchPage,
  WATCH_PAGE_SIZE,
  watchListReader,
  watchPages,
} from '../../lib/background/store/pages';
import { checkImportFile, EXPORT_FORMAT, EXPORT_VERSION, exportedWatch } from '../../lib/exchange';
import { type WatchRecord } from '../../lib/records';
import { freshIndexedDb, isValidRecord, makeQuestion, makeRecord, NOW, openTestDb } from './helpers';

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

async function put(records: readonly unknown[]): Promise<void> {
  const tx = db.transaction('watches', 'readwrite');
  for (const record of records) await tx.store.put(record as WatchRecord);
  await tx.done;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `count` watches with a question text and an answer of `textLength` characters each. */
function bigRecords(count: number, textLength: number): WatchRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({
      number: i + 1,
      question: makeQuestion({
        number: i + 1,
        text: `Question ${i + 1} : `.padEnd(textLength, 'q'),
        answerText: `Réponse ${i + 1} : `.padEnd(textLength, 'r'),
        answeredOn: '2024-04-02',
      }),
      state: 'answered',
      note: i % 7 ? undefined : `note ${i}`,
    }),
  );
}

describe('readWatchPage', () => {
  it('reads at most `count` records after the key given, in key order, and says where the next page starts', async () => {
    const records = Array.from({ length: 5 }, (_, i) => makeRecord({ number: i + 1 }));
    await put(records);
    const first = await readWatchPage(db, undefined, 2);
    expect(first.records).toEqual(records.slice(0, 2));
    expect(first.after).toBe('AN-16-QE-2');
    const second = await readWatchPage(db, first.after, 2);
    expect(second.records).toEqual(records.slice(2, 4));
    const last = await readWatchPage(db, second.after, 2);
    expect(last).toEqual({ records: records.slice(4), unreadable: [] });
  });

  it('hands over records that do not validate apart, as stored, without writing anything', async () => {
    const good = makeRecord({ number: 1 });
    const bad = { ...makeRecord({ number: 2 }), state: 'lost' };
    await put([good, bad]);
    expect(await readWatchPage(db)).toEqual({ records: [good], unreadable: [bad] });
    // Read-only: the popup and the options page never write the store.
    expect(await db.count('watches')).toBe(2);
    expect(await db.count('quarantine')).toBe(0);
    expect(await db.count('events')).toBe(0);
  });
});

describe('watchPages', () => {
  it('reads 3,000 watches with long texts in pages no larger than the page size, each record once, in key order', async () => {
    const records = bigRecords(3_000, 4_000);
    await put(records);
    const sizes: number[] = [];
    const seen: WatchRecord[] = [];
    for await (const page of watchPages(db)) {
      sizes.push(page.records.length);
      expect(page.unreadable).toEqual([]);
      seen.push(...page.records);
    }
    expect(WATCH_PAGE_SIZE).toBe(500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(WATCH_PAGE_SIZE);
    expect(sizes.filter((size) => size > 0)).toEqual([500, 500, 500, 500, 500, 500]);
    expect(seen.map((r) => r.id)).toEqual([...records].sort(byId).map((r) => r.id));
    expect(seen).toEqual([...records].sort(byId));
  }, 120_000);

  it('reads an empty list as one empty page', async () => {
    const pages = [];
    for await (const page of watchPages(db)) pages.push(page);
    expect(pages).toEqual([{ records: [], unreadable: [] }]);
  });

  it('counts unreadable records page by page and goes on past them', async () => {
    const records = Array.from({ length: 7 }, (_, i) => makeRecord({ number: i + 1 }));
    await put([...records, { id: 'AN-16-QE-3', seen: 'no' }, { id: 'AN-16-QE-8', question: 'x' }]);
    let unreadable = 0;
    const seen: string[] = [];
    for await (const page of watchPages(db, 3)) {
      unreadable += page.unreadable.length;
      seen.push(...page.records.map((r) => r.id));
    }
    expect(unreadable).toBe(2);
    expect(seen).toEqual(records.filter((r) => r.id !== 'AN-16-QE-3').map((r) => r.id));
  });
});

describe('watchListReader', () => {
  it('serves the pages and what was set aside, as it was stored', async () => {
    const records = [makeRecord({ number: 1 }), makeRecord({ number: 2 })];
    await put(records);
    const broken = { id: 'AN-16-QE-9', question: { id: 'AN-16-QE-9' } };
    await db.add('quarantine', { at: NOW, store: 'watches', key: broken.id, value: broken, reason: 'test' });
    await db.add('quarantine', { at: NOW, store: 'cache', key: 'deputy:x', value: {}, reason: 'test' });
    const reader = watchListReader(db);
    const read: WatchRecord[] = [];
    for await (const page of reader.pages()) read.push(...page.records);
    expect(read).toEqual(records);
    expect(await reader.setAside()).toEqual([broken]);
    expect((await quarantinedWatches(db)).map((q) => q.key)).toEqual([broken.id]);
  });
});

describe('exportFile', () => {
  it('writes a file that reads back as the list: 3,000 watches with long texts', async () => {
    const records = bigRecords(3_000, 4_000).map((r, i) => ({ ...r, failures: i % 3, nextCheckAt: NOW + i }));
    await put(records);
    const { file, watches } = await exportFile(db, NOW);
    expect(watches).toBe(3_000);
    expect(file.type).toBe('application/json');
    const parsed = JSON.parse(await file.text());
    expect(parsed).toEqual({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      follows: [],
      watches: [...records].sort(byId).map(exportedWatch),
    });
    const check = checkImportFile(parsed);
    expect(check.ok).toBe(true);
    if (check.ok) for (const watch of check.file.watches) expect(isValidRecord({ ...watch, failures: 0 })).toBe(true);
  }, 120_000);

  it('exports an empty list as a valid empty file', async () => {
    const { file, watches } = await exportFile(db, NOW);
    expect(watches).toBe(0);
    expect(checkImportFile(JSON.parse(await file.text()))).toMatchObject({ ok: true, file: { watches: [] } });
  });

  it('leaves out and does not count what does not validate (the popup offers it apart)', async () => {
    await put([makeRecord({ number: 1 }), { id: 'AN-16-QE-2', seen: 'no' }]);
    const { file, watches } = await exportFile(db, NOW);
    expect(watches).toBe(1);
    expect(JSON.parse(await file.text()).watches.map((w: { id: string }) => w.id)).toEqual(['AN-16-QE-1']);
  });
});
