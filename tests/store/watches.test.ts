import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/background/store/db';
import { recentEvents } from '../../lib/background/store/events';
import { watchRecordSchema, NOTE_MAX_LENGTH, type WatchRecord } from '../../lib/records';
import {
  countUnseen, getWatches, listWatches, markSeen, setWatched, updateWatch, updateWatches,
} from '../../lib/background/store/watches';
import { questionStatus, refStatus, stateOfSnapshot } from '../../lib/status';
import { freshIndexedDb, makeQuestion, makeRecord, makeRef, NOW, openTestDb, TODAY } from './helpers';

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

const ID = 'AN-16-QE-4020';

async function allWatches(): Promise<unknown[]> {
  return db.getAll('watches');
}

describe('setWatched: creating a watch', () => {
  it('stores a validated record computed from the question for the given today', async () => {
    const question = makeQuestion();
    const record = await setWatched(db, { id: ID, question, watched: true }, NOW, TODAY);
    const expected: WatchRecord = { id: ID, question, watchedAt: NOW, state: 'overdue', failures: 0, seen: true };
    expect(record).toEqual(expected);
    expect(await allWatches()).toEqual([expected]);
    expect(watchRecordSchema.safeParse((await allWatches())[0]).success).toBe(true);
    expect(questionStatus(question, TODAY).state).toBe('overdue');
  });

  it.each([
    ['pending before the due date', {}, '2024-02-01', 'pending'],
    ['overdue after the due date', {}, '2024-03-16', 'overdue'],
    ['answered', { answeredOn: '2024-02-20' }, TODAY, 'answered'],
    ['closed', { closedOn: '2024-02-20', closedReason: 'Retrait' }, TODAY, 'closed'],
    ['unknown when unreadable', { unreadableStatus: 'bloc inconnu' }, TODAY, 'unknown'],
    ['unknown before publication', {}, '2024-01-01', 'unknown'],
  ] as const)('computes the state: %s', async (_label, overrides, today, state) => {
    const question = makeQuestion(overrides);
    const record = await setWatched(db, { id: ID, question, watched: true }, NOW, today);
    expect(record?.state).toBe(state);
    expect(record?.state).toBe(questionStatus(question, today).state);
    expect(stateOfSnapshot({ question }, today)).toBe(state);
  });

  it('logs one "watch" event with the question id, the time and the state', async () => {
    await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    const events = await recentEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ at: NOW, type: 'watch', questionId: ID, to: 'overdue' });
  });

  it('is idempotent: the same request twice leaves one record and one event', async () => {
    const question = makeQuestion();
    const first = await setWatched(db, { id: ID, question, watched: true }, NOW, TODAY);
    const second = await setWatched(db, { id: ID, question, watched: true }, NOW + 60_000, TODAY);
    expect(second).toEqual(first);
    expect(await allWatches()).toEqual([first]);
    expect((await recentEvents(db)).map((e) => e.type)).toEqual(['watch']);
  });

  it('refuses a watch with neither question nor list item, storing nothing', async () => {
    await expect(setWatched(db, { id: ID, watched: true }, NOW, TODAY)).rejects.toThrow(/^Invalid watch:/);
    expect(await allWatches()).toEqual([]);
    expect(await recentEvents(db)).toEqual([]);
  });

  it('refuses a snapshot whose id is not the watch id, storing nothing', async () => {
    const other = makeQuestion({ number: 1 });
    await expect(setWatched(db, { id: ID, question: other, watched: true }, NOW, TODAY)).rejects.toThrow(/Snapshot ids must match/);
    await expect(setWatched(db, { id: ID, ref: makeRef({ number: 1 }), watched: true }, NOW, TODAY)).rejects.toThrow(/Snapshot ids must match/);
    expect(await allWatches()).toEqual([]);
    expect(await recentEvents(db)).toEqual([]);
  });

  it('a refused refresh leaves the existing record as it was', async () => {
    const before = await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    await expect(setWatched(db, { id: ID, question: makeQuestion({ number: 1 }), watched: true }, NOW, TODAY)).rejects.toThrow();
    expect(await allWatches()).toEqual([before]);
  });
});

describe('setWatched: refreshing a watch', () => {
  it('replaces the snapshot and keeps watchedAt, failures, seen and note', async () => {
    await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    await updateWatch(db, ID, (r) => ({ ...r, failures: 2, seen: false, note: 'relancer le cabinet' }), NOW);
    const answered = makeQuestion({ answeredOn: '2024-05-20', answerText: 'Réponse du ministre.' });
    const record = await setWatched(db, { id: ID, question: answered, watched: true }, NOW + 86_400_000, '2024-06-02');
    expect(record).toMatchObject({ question: answered, watchedAt: NOW, failures: 2, seen: false, note: 'relancer le cabinet' });
    // A reading the user is looking at updates the known state, without announcing it.
    expect(record?.state).toBe('answered');
    expect(await allWatches()).toEqual([record]);
    expect((await recentEvents(db)).map((e) => e.type)).toEqual(['watch']);
  });

  it('watches from a list item (ref only), with the state read from the item', async () => {
    const ref = makeRef();
    const record = await setWatched(db, { id: ID, ref, watched: true }, NOW, TODAY);
    expect(record).toEqual({ id: ID, ref, watchedAt: NOW, state: 'pending', failures: 0, seen: true });
    expect(record?.state).toBe(refStatus(ref, TODAY).state);
    expect(record).not.toHaveProperty('question');
  });

  it.each([
    ['answered', { pending: false, answered: true, answeredOn: '2024-05-20' }, 'answered'],
    ['closed', { pending: false, closed: true }, 'closed'],
    ['without status words', { pending: false }, 'unknown'],
    ['overdue', { publishedOn: '2024-01-15' }, 'overdue'],
  ] as const)('computes the state of a list item %s', async (_label, overrides, state) => {
    const ref = makeRef(overrides);
    expect((await setWatched(db, { id: ID, ref, watched: true }, NOW, TODAY))?.state).toBe(state);
    expect(stateOfSnapshot({ ref }, TODAY)).toBe(state);
  });

  it('then from the page: the question replaces the list item', async () => {
    await setWatched(db, { id: ID, ref: makeRef(), watched: true }, NOW, TODAY);
    const question = makeQuestion();
    const record = await setWatched(db, { id: ID, question, watched: true }, NOW + 1000, TODAY);
    expect(record?.question).toEqual(question);
    expect(record).not.toHaveProperty('ref');
    expect(record?.watchedAt).toBe(NOW);
    const stored = await allWatches();
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toHaveProperty('ref');
    expect(watchRecordSchema.safeParse(stored[0]).success).toBe(true);
  });

  it('a later list item does not replace the question already read', async () => {
    const question = makeQuestion();
    await setWatched(db, { id: ID, question, watched: true }, NOW, TODAY);
    const record = await setWatched(db, { id: ID, ref: makeRef(), watched: true }, NOW, TODAY);
    expect(record?.question).toEqual(question);
    expect(record).not.toHaveProperty('ref');
  });

  it('a later list item replaces an earlier one; a bare request keeps it', async () => {
    await setWatched(db, { id: ID, ref: makeRef(), watched: true }, NOW, TODAY);
    const newer = makeRef({ pending: false, answered: true, title: 'Nouveau titre' });
    expect((await setWatched(db, { id: ID, ref: newer, watched: true }, NOW, TODAY))?.ref).toEqual(newer);
    expect((await setWatched(db, { id: ID, watched: true }, NOW, TODAY))?.ref).toEqual(newer);
  });
});

describe('setWatched: unwatching', () => {
  it('deletes the record and logs "unwatch"', async () => {
    await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    expect(await setWatched(db, { id: ID, watched: false }, NOW + 5000, TODAY)).toBeUndefined();
    expect(await allWatches()).toEqual([]);
    const events = await recentEvents(db);
    expect(events.map((e) => e.type)).toEqual(['unwatch', 'watch']);
    expect(events[0]).toMatchObject({ at: NOW + 5000, type: 'unwatch', questionId: ID });
  });

  it('is idempotent: a second unwatch is a no-op and logs nothing', async () => {
    await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    await setWatched(db, { id: ID, watched: false }, NOW, TODAY);
    await setWatched(db, { id: ID, watched: false }, NOW, TODAY);
    expect((await recentEvents(db)).map((e) => e.type)).toEqual(['unwatch', 'watch']);
  });

  it('unwatching an id never watched is a no-op', async () => {
    const other = makeRecord({ number: 7 });
    await db.put('watches', other);
    expect(await setWatched(db, { id: ID, watched: false }, NOW, TODAY)).toBeUndefined();
    expect(await allWatches()).toEqual([other]);
    expect(await recentEvents(db)).toEqual([]);
  });

  it('watching again after unwatching starts a fresh record', async () => {
    await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW, TODAY);
    await updateWatch(db, ID, (r) => ({ ...r, note: 'old' }), NOW);
    await setWatched(db, { id: ID, watched: false }, NOW, TODAY);
    const again = await setWatched(db, { id: ID, question: makeQuestion(), watched: true }, NOW + 10, TODAY);
    expect(again?.watchedAt).toBe(NOW + 10);
    expect(again).not.toHaveProperty('note');
  });
});

describe('getWatches and listWatches', () => {
  it('getWatches returns the requested records that exist', async () => {
    const a = makeRecord({ number: 1 });
    const b = makeRecord({ number: 2, seen: false });
    await db.put('watches', a);
    await db.put('watches', b);
    await db.put('watches', makeRecord({ number: 3 }));
    const found = await getWatches(db, [a.id, b.id, 'AN-16-QE-99', a.id]);
    expect([...found.keys()].sort()).toEqual([a.id, b.id]);
    expect(found.get(a.id)).toEqual(a);
    expect(found.get(b.id)).toEqual(b);
    expect((await getWatches(db, [])).size).toBe(0);
  });

  it('getWatches skips a record that does not validate', async () => {
    await db.put('watches', { id: ID, seen: false } as unknown as WatchRecord);
    expect((await getWatches(db, [ID])).size).toBe(0);
  });

  it('listWatches returns every record, validated', async () => {
    expect(await listWatches(db, NOW)).toEqual({ records: [], quarantined: 0 });
    const records = [1, 2, 3].map((number) => makeRecord({ number }));
    for (const r of records) await db.put('watches', r);
    const list = await listWatches(db, NOW);
    expect(list.quarantined).toBe(0);
    expect(list.records).toEqual(records);
  });
});

describe('updateWatch', () => {
  it('applies a change in one transaction and returns the new record', async () => {
    await db.put('watches', makeRecord());
    const next = await updateWatch(db, ID, (r) => ({ ...r, lastCheckedAt: NOW + 1, failures: r.failures + 1 }), NOW);
    expect(next).toMatchObject({ lastCheckedAt: NOW + 1, failures: 1 });
    expect(await db.get('watches', ID)).toEqual(next);
  });

  it('does nothing for an absent id', async () => {
    let called = false;
    expect(await updateWatch(db, ID, (r) => { called = true; return r; }, NOW)).toBeUndefined();
    expect(called).toBe(false);
    expect(await allWatches()).toEqual([]);
  });

  it.each([
    ['negative failures', (r: WatchRecord) => ({ ...r, failures: -1 })],
    ['an overlong note', (r: WatchRecord) => ({ ...r, note: 'x'.repeat(NOTE_MAX_LENGTH + 1) })],
    ['an unknown state', (r: WatchRecord) => ({ ...r, state: 'lost' as WatchRecord['state'] })],
    ['no snapshot left', (r: WatchRecord) => ({ ...r, question: undefined })],
    ['a snapshot of another question', (r: WatchRecord) => ({ ...r, question: makeQuestion({ number: 1 }) })],
  ])('throws on an invalid change (%s) and leaves the record untouched', async (_label, change) => {
    const before = makeRecord();
    await db.put('watches', before);
    await expect(updateWatch(db, ID, change, NOW)).rejects.toThrow(/^Invalid watch update:/);
    expect(await db.get('watches', ID)).toEqual(before);
    expect(await db.count('quarantine')).toBe(0);
  });

  it('quarantines a stored record that no longer validates instead of changing it', async () => {
    const corrupt = { id: ID, question: 'garbage', seen: false };
    await db.put('watches', corrupt as unknown as WatchRecord);
    expect(await updateWatch(db, ID, (r) => r, NOW)).toBeUndefined();
    expect(await db.get('watches', ID)).toBeUndefined();
    expect(await db.getAll('quarantine')).toMatchObject([{ store: 'watches', key: ID, value: corrupt, at: NOW }]);
  });
});

describe('updateWatches', () => {
  it('changes many records at once, skipping absent, corrupt or invalid results', async () => {
    for (const number of [1, 2, 3]) await db.put('watches', makeRecord({ number }));
    await db.put('watches', { id: 'AN-16-QE-4', corrupt: true } as unknown as WatchRecord);
    const ids = ['AN-16-QE-1', 'AN-16-QE-2', 'AN-16-QE-3', 'AN-16-QE-4', 'AN-16-QE-5'];
    const changed = await updateWatches(db, ids, (r) => (r.id === 'AN-16-QE-3' ? { ...r, failures: -1 } : { ...r, nextCheckAt: NOW }));
    expect(changed).toBe(2);
    const stored = new Map((await db.getAll('watches')).map((r) => [r.id, r]));
    expect(stored.get('AN-16-QE-1')!.nextCheckAt).toBe(NOW);
    expect(stored.get('AN-16-QE-2')!.nextCheckAt).toBe(NOW);
    expect(stored.get('AN-16-QE-3')).toEqual(makeRecord({ number: 3 }));
    expect(stored.get('AN-16-QE-4')).toEqual({ id: 'AN-16-QE-4', corrupt: true });
  });
});

describe('markSeen and countUnseen', () => {
  it('marks records seen and counts the unseen ones', async () => {
    await db.put('watches', makeRecord({ number: 1, seen: false }));
    await db.put('watches', makeRecord({ number: 2, seen: false }));
    await db.put('watches', makeRecord({ number: 3, seen: true }));
    expect(await countUnseen(db)).toBe(2);
    await markSeen(db, ['AN-16-QE-1', 'AN-16-QE-99']);
    expect(await countUnseen(db)).toBe(1);
    expect((await db.get('watches', 'AN-16-QE-1'))?.seen).toBe(true);
    expect((await db.get('watches', 'AN-16-QE-2'))?.seen).toBe(false);
    await markSeen(db, ['AN-16-QE-2', 'AN-16-QE-3']);
    expect(await countUnseen(db)).toBe(0);
    // Marking does not touch anything else.
    expect(await db.get('watches', 'AN-16-QE-3')).toEqual(makeRecord({ number: 3, seen: true }));
  });

  it('markSeen of nothing or of absent ids changes nothing', async () => {
    expect(await markSeen(db, [])).toBe(0);
    expect(await markSeen(db, ['AN-16-QE-99'])).toBe(0);
  });
  it('markSeen returns how many records it changed', async () => {
    await db.put('watches', makeRecord({ number: 1, seen: false }));
    await db.put('watches', makeRecord({ number: 2, seen: true }));
    expect(await markSeen(db, ['AN-16-QE-1', 'AN-16-QE-2', 'AN-16-QE-99'])).toBe(1);
  });
  it('countUnseen counts only records that validate', async () => {
    await db.put('watches', makeRecord({ number: 1, seen: false }));
    await db.put('watches', { id: 'AN-16-QE-2', seen: false } as unknown as WatchRecord);
    expect(await countUnseen(db)).toBe(1);
  });
});
