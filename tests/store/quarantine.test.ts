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
  const corrupt = {
    'missing fields': { id: 'AN-16-QE-10', question: makeQuestion({ number: 10 }) },
    'a snapshot of another question': { ...makeRecord({ number: 11 }), id: 'AN-16-QE-12' },
    'an id that is not a question id': { ...makeRecord({ number: 13 }), id: 'AN-16-XX-13' },
    'a string for the question': { id: 'AN-16-QE-14', question: 'AN-16-QE-14', watchedAt: NOW, state: 'pending', failures: 0, seen: true },
    'a wrong state and a negative time': { ...makeRecord({ number: 15 }), state: 'lost', watchedAt: -5 },
  };

  it('returns the valid records, sets the corrupt ones aside and logs it', async () => {
    const valid = [1, 2, 3].map((number) => makeRecord({ number }));
    for (const r of valid) await putRaw(r);
    for (const value of Object.values(corrupt)) await putRaw(value);

    const first = await listWatches(db, NOW + 1);
    expect(first.records).toEqual(valid);
    expect(first.quarantined).toBe(Object.keys(corrupt).length);

    expect((await db.getAllKeys('watches')).sort()).toEqual(valid.map((r) => r.id).sort());
    const quarantine = await db.getAll('quarantine');
    expect(quarantine.map((q) => q.value)).toEqual(expect.arrayContaining(Object.values(corrupt)));
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
    expect(second).toEqual({ records: valid, quarantined: 0 });
    expect(await db.count('quarantine')).toBe(Object.keys(corrupt).length);
    expect(await db.count('events')).toBe(Object.keys(corrupt).length);
  });

  it('keeps the reason of each failure', async () => {
    await putRaw(corrupt['missing fields']);
    await listWatches(db, NOW);
    const [entry] = await db.getAll('quarantine');
    expect(entry?.reason).toMatch(/watchedAt/);
    expect(entry?.reason).toMatch(/failures/);
  });

  it('setWatched sets aside a corrupt record before watching afresh', async () => {
    await putRaw(corrupt['missing fields']);
    const question = makeQuestion({ number: 10 });
    const record = await setWatched(db, { id: question.id, question, watched: true }, NOW, TODAY);
    expect(record).toMatchObject({ id: question.id, question, watchedAt: NOW, failures: 0, seen: true });
    expect(await db.getAll('quarantine')).toMatchObject([{ key: question.id, value: corrupt['missing fields'] }]);
  });

  it('setWatched(false) on a corrupt record removes it to quarantine, not to nowhere', async () => {
    await putRaw(corrupt['missing fields']);
    await setWatched(db, { id: 'AN-16-QE-10', watched: false }, NOW, TODAY);
    expect(await db.count('watches')).toBe(0);
    expect(await db.getAll('quarantine')).toMatchObject([{ key: 'AN-16-QE-10', value: corrupt['missing fields'] }]);
  });
  it('a record under a non-string key is moved out once, not on every read', async () => {
    await putRaw(makeRecord({ number: 1 }));
    await putRaw({ ...makeRecord({ number: 2 }), id: 42 });
    expect((await listWatches(db, NOW)).quarantined).toBe(1);
    expect(await listWatches(db, NOW)).toMatchObject({ quarantined: 0 });
    expect(await db.count('quarantine')).toBe(1);
    expect(await db.getAllKeys('watches')).toEqual(['AN-16-QE-1']);
  });
});
