import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/background/store/db';
import { recentEvents } from '../../lib/background/store/events';
import type { WatchRecord } from '../../lib/records';
import { listWatches, setWatched } from '../../lib/background/store/watches';
import { freshIndexedDb, makeQuestion, makeRecord, NOW, openTestDb, TODAY } from './helpers';

let db: Db;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
});

afterEach(() => db.close());

/** Writes straight into the store, past every validation, as a bug or a damaged profile could. */
async function putRaw(value: unknown): Promise<void> {
  await db.put('watches', value as WatchRecord);
}

describe('quarantine on read', () => {
  /** Records no repair can make valid: set aside. */
  const corrupt = {
    'a snapshot of another question': { ...makeRecord({ number: 11 }), id: 'AN-16-QE-12' },
    'an id that is not a question id': { ...makeRecord({ number: 13 }), id: 'AN-16-XX-13' },
    'a string for the question': { id: 'AN-16-QE-14', question: 'AN-16-QE-14', watchedAt: NOW, state: 'pending', failures: 0, seen: true },
  };
  /** Records a certain repair makes valid again (store/repair.ts): repaired in place, not set aside. */
  const repairable = {
    'missing fields': { id: 'AN-16-QE-10', question: makeQuestion({ number: 10 }) },
    'a wrong state and a negative time': { ...makeRecord({ number: 15 }), state: 'lost', watchedAt: -5 },
  };

  it('repairs what it can in place, returns the valid records, sets the rest aside and logs it', async () => {
    const valid = [1, 2, 3].map((number) => makeRecord({ number }));
    for (const r of valid) await putRaw(r);
    for (const value of [...Object.values(corrupt), ...Object.values(repairable)]) await putRaw(value);

    const first = await listWatches(db, NOW + 1);
    const repaired = [
      { id: 'AN-16-QE-10', question: makeQuestion({ number: 10 }), watchedAt: NOW + 1, state: 'overdue', failures: 0, seen: true },
      { ...makeRecord({ number: 15 }), watchedAt: NOW + 1, state: 'overdue' },
    ];
    expect([...first.records].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...valid, ...repaired].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(first.quarantined).toBe(Object.keys(corrupt).length);

    expect((await db.getAllKeys('watches')).sort()).toEqual([...valid, ...repaired].map((r) => r.id).sort());
    expect(await db.get('watches', 'AN-16-QE-10')).toEqual(repaired[0]);
    const quarantine = await db.getAll('quarantine');
    expect(quarantine.map((q) => q.value)).toEqual(expect.arrayContaining(Object.values(corrupt)));
    expect(quarantine).toHaveLength(Object.keys(corrupt).length);
    for (const q of quarantine) {
      expect(q).toMatchObject({ at: NOW + 1, store: 'watches' });
      expect(q.key).toBe((q.value as { id: string }).id);
      expect(q.reason.length).toBeGreaterThan(0);
    }

    const events = await recentEvents(db);
    expect(events).toHaveLength(Object.keys(corrupt).length);
    for (const e of events) {
      expect(e).toMatchObject({ type: 'quarantine', at: NOW + 1 });
      expect(e.detail).toMatch(/^AN-16-/);
    }

    const second = await listWatches(db, NOW + 2);
    expect(second.quarantined).toBe(0);
    expect(second.records).toHaveLength(5);
    expect(await db.count('quarantine')).toBe(Object.keys(corrupt).length);
    expect(await db.count('events')).toBe(Object.keys(corrupt).length);
  });

  it('keeps the reason of each failure', async () => {
    await putRaw(corrupt['a string for the question']);
    await listWatches(db, NOW);
    const [entry] = await db.getAll('quarantine');
    expect(entry?.reason).toMatch(/question/);
  });

  it('setWatched sets aside a corrupt record before watching afresh', async () => {
    await putRaw(corrupt['a string for the question']);
    const question = makeQuestion({ number: 14 });
    const record = await setWatched(db, { id: question.id, question, watched: true }, NOW, TODAY);
    expect(record).toMatchObject({ id: question.id, question, watchedAt: NOW, failures: 0, seen: true });
    expect(await db.getAll('quarantine')).toMatchObject([{ key: question.id, value: corrupt['a string for the question'] }]);
  });

  it('setWatched repairs a repairable record and keeps what it held', async () => {
    await putRaw({ ...repairable['missing fields'], watchedAt: NOW - 1000, note: 'gardée' });
    const question = makeQuestion({ number: 10, title: 'Nouveau titre' });
    const record = await setWatched(db, { id: question.id, question, watched: true }, NOW, TODAY);
    expect(record).toMatchObject({ id: question.id, question, watchedAt: NOW - 1000, note: 'gardée' });
    expect(await db.count('quarantine')).toBe(0);
  });

  it('setWatched(false) on a corrupt record removes it to quarantine, not to nowhere', async () => {
    await putRaw(corrupt['a string for the question']);
    await setWatched(db, { id: 'AN-16-QE-14', watched: false }, NOW, TODAY);
    expect(await db.count('watches')).toBe(0);
    expect(await db.getAll('quarantine')).toMatchObject([{ key: 'AN-16-QE-14', value: corrupt['a string for the question'] }]);
  });

  // Regression in the working tree (lib/background/store/watches.ts, `listWatches`): a value whose
  // `id` is not a string is skipped, never set aside. It stays in `watches` for good, counted by
  // every read of the popup (« 1 question n'a pas pu être lue ») while « Réessayer » and « Exporter
  // ces données », which work on the quarantine, cannot reach it. Drop `.fails` once it is set aside again.
  it('a record under a non-string key is moved out once, not on every read', async () => {
    await putRaw(makeRecord({ number: 1 }));
    await putRaw({ ...makeRecord({ number: 2 }), id: 42 });
    expect((await listWatches(db, NOW)).quarantined).toBe(1);
    expect(await listWatches(db, NOW)).toMatchObject({ quarantined: 0 });
    expect(await db.count('quarantine')).toBe(1);
    expect(await db.getAllKeys('watches')).toEqual(['AN-16-QE-1']);
  });
});
