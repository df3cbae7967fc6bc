import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps } from '../../lib/background/handlers';
import { parseResponse, route, type AnyRequest, type Handlers, type ResponseOf } from '../../lib/messages';
import { type FetchOutcome, type PoliteFetcher } from '../../lib/sources/polite-fetch';
import { type Db } from '../../lib/background/store/db';
import { freshIndexedDb, isValidRecord, makeQuestion, makeRef, NOW, openTestDb } from '../store/helpers';

const ID = 'AN-16-QE-4020';
const deputyJson = readFileSync(new URL('../fixtures/nosdeputes/deputy.json', import.meta.url), 'utf8');

let db: Db;
let handlers: Handlers;
type Stub<F extends (...args: any[]) => any> = ReturnType<typeof vi.fn<F>>;
let deps: {
  fetcher: { get: Stub<(url: string, accept: string) => Promise<FetchOutcome>> };
  poller: {
    run: Stub<(request?: unknown) => Promise<unknown>>;
    schedule: Stub<(ids: readonly string[]) => Promise<void>>;
    progress: { running: boolean; done: number; total: number };
  };
  onWatchesChanged: Stub<() => Promise<void>>;
  onErased: Stub<() => Promise<void>>;
};

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb();
  deps = {
    fetcher: { get: vi.fn(async (): Promise<FetchOutcome> => ({ ok: false, reason: 'network' })) },
    poller: {
      run: vi.fn(async () => ({ checked: 0, failed: 0, changes: [], remaining: 0 })),
      schedule: vi.fn(async (_ids: readonly string[]) => undefined),
      progress: { running: false, done: 0, total: 0 },
    },
    onWatchesChanged: vi.fn(async () => undefined),
    onErased: vi.fn(async () => undefined),
  };
  const background: BackgroundDeps = {
    db: async () => db,
    fetcher: deps.fetcher as unknown as PoliteFetcher,
    poller: deps.poller as unknown as BackgroundDeps['poller'],
    now: () => NOW,
    onWatchesChanged: deps.onWatchesChanged,
    onErased: deps.onErased,
  };
  handlers = createHandlers(background);
});

afterEach(() => db.close());

/** A message as it travels: validated by route() in the background, then by parseResponse() in the page. */
async function ask<M extends AnyRequest>(message: M, fromExtensionPage = false): Promise<ResponseOf<M['type']>> {
  return parseResponse<M['type']>(message.type, await route(structuredClone(message), { fromExtensionPage }, handlers));
}

describe('createHandlers: watch.set and watch.states', () => {
  it('round-trips a watch from a page', async () => {
    expect(await ask({ type: 'watch.states', ids: [ID] })).toEqual({ watched: {} });
    expect(await ask({ type: 'watch.set', id: ID, watched: true, question: makeQuestion() })).toEqual({ watched: true, state: 'overdue' });
    expect(await ask({ type: 'watch.states', ids: [ID, 'AN-16-QE-1'] })).toEqual({ watched: { [ID]: { state: 'overdue', seen: true } } });
    expect(deps.onWatchesChanged).toHaveBeenCalledOnce();
    expect(deps.poller.schedule).toHaveBeenCalledWith([ID]);
    const stored = await db.getAll('watches');
    expect(stored).toHaveLength(1);
    expect(isValidRecord(stored[0])).toBe(true);
  });

  it('round-trips a watch from a list item, then the unwatch', async () => {
    expect(await ask({ type: 'watch.set', id: ID, watched: true, ref: makeRef() })).toEqual({ watched: true, state: 'pending' });
    expect(await ask({ type: 'watch.set', id: ID, watched: true, ref: makeRef() })).toEqual({ watched: true, state: 'pending' });
    expect(await db.count('watches')).toBe(1);
    expect(await ask({ type: 'watch.set', id: ID, watched: false })).toEqual({ watched: false });
    expect(await ask({ type: 'watch.states', ids: [ID] })).toEqual({ watched: {} });
    expect(deps.onWatchesChanged).toHaveBeenCalledTimes(3);
    expect(deps.poller.schedule).toHaveBeenCalledTimes(2);
  });

  it('an unwatch of an absent id answers watched: false and schedules nothing', async () => {
    expect(await ask({ type: 'watch.set', id: ID, watched: false })).toEqual({ watched: false });
    expect(deps.poller.schedule).not.toHaveBeenCalled();
  });

  it('a snapshot of another question is refused with the store error, and nothing changes', async () => {
    const message = { type: 'watch.set' as const, id: ID, watched: true, question: makeQuestion({ number: 1 }) };
    await expect(ask(message)).rejects.toThrow(/^Invalid watch: .*Snapshot ids must match/);
    expect(await db.count('watches')).toBe(0);
    expect(deps.onWatchesChanged).not.toHaveBeenCalled();
  });

  it('a watch with neither question nor list item is refused', async () => {
    await expect(ask({ type: 'watch.set', id: ID, watched: true })).rejects.toThrow(/^Invalid watch:/);
  });

  it('watch.states leaves a corrupt record out', async () => {
    await db.put('watches', { id: ID, seen: false } as never);
    expect(await ask({ type: 'watch.states', ids: [ID] })).toEqual({ watched: {} });
  });
});

describe('createHandlers: the popup requests', () => {
  beforeEach(async () => {
    await ask({ type: 'watch.set', id: ID, watched: true, question: makeQuestion() });
  });

  it('watch.list answers the records', async () => {
    const list = await ask({ type: 'watch.list' }, true);
    expect(list.quarantined).toBe(0);
    expect(list.records.map((r) => r.id)).toEqual([ID]);
  });

  it('watch.note saves and clears a note', async () => {
    expect(await ask({ type: 'watch.note', id: ID, note: '  relancer  ' }, true)).toEqual({ saved: true });
    expect((await db.get('watches', ID))?.note).toBe('relancer');
    expect(await ask({ type: 'watch.note', id: ID, note: '' }, true)).toEqual({ saved: true });
    expect(await db.get('watches', ID)).not.toHaveProperty('note');
    expect(await ask({ type: 'watch.note', id: 'AN-16-QE-1', note: 'x' }, true)).toEqual({ saved: false });
  });

  it('events.recent answers the log, newest first', async () => {
    await ask({ type: 'watch.set', id: ID, watched: false });
    const { events } = await ask({ type: 'events.recent' }, true);
    expect(events.map((e) => e.type)).toEqual(['unwatch', 'watch']);
  });

  it('watch.check asks the poller for the alarm’s run (« Tout vérifier ») or for the ids given, and answers its counts, `remaining` included', async () => {
    deps.poller.run.mockResolvedValueOnce({ checked: 2, failed: 1, changes: [{ kind: 'answered' }], remaining: 3 });
    expect(await ask({ type: 'watch.check' }, true)).toEqual({ checked: 2, failed: 1, changed: 1, remaining: 3 });
    // What else than the index it reads is the Poller's to decide (tests/background/poller.test.ts).
    expect(deps.poller.run).toHaveBeenLastCalledWith({});
    deps.poller.run.mockResolvedValueOnce({ checked: 0, failed: 0, changes: [], remaining: 0 });
    expect(await ask({ type: 'watch.check', ids: [ID, 'AN-16-QE-1'] }, true)).toEqual({
      checked: 0,
      failed: 0,
      changed: 0,
      remaining: 0,
    });
    expect(deps.poller.run).toHaveBeenLastCalledWith({ ids: [ID, 'AN-16-QE-1'] });
    await expect(ask({ type: 'watch.check' })).rejects.toThrow('Not allowed from a web page: watch.check');
    expect(deps.poller.run).toHaveBeenCalledTimes(2);
  });

  it('a web page cannot list, erase or export', async () => {
    for (const type of ['watch.list', 'data.erase', 'data.export'] as const) {
      await expect(ask({ type })).rejects.toThrow(`Not allowed from a web page: ${type}`);
    }
    expect(await db.count('watches')).toBe(1);
    expect(deps.onErased).not.toHaveBeenCalled();
  });
});

describe('createHandlers: deputy.facts', () => {
  it('fetches through the polite fetcher and answers the facts', async () => {
    deps.fetcher.get.mockResolvedValue({ ok: true, status: 200, contentType: 'application/json', body: deputyJson });
    const { facts } = await ask({ type: 'deputy.facts', slug: 'elise-morvan', legislature: 16 });
    expect(facts).toMatchObject({ name: 'Élise Morvan', anId: 'PA795321', group: { acronym: 'REN', name: 'Renaissance' } });
    expect(deps.fetcher.get).toHaveBeenCalledWith('https://2022-2024.nosdeputes.fr/elise-morvan/json', 'application/json');
  });

  it('answers no facts when the source fails', async () => {
    expect(await ask({ type: 'deputy.facts', slug: 'elise-morvan', legislature: 16 })).toEqual({});
  });
});
