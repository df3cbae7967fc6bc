/**
 * The polling run against a fake IndexedDB, a stub fetcher, a fixed clock and fixed dice:
 * what is checked, what is recorded, what is announced, and what never changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../lib/background/changes';
import { createHandlers } from '../../lib/background/handlers';
import { MAX_CHECKS_PER_RUN, Poller, scheduleInput } from '../../lib/background/poller';
import { MIN_CHECK_GAP_MS, nextCheckAt, retryDelay } from '../../lib/background/schedule';
import type { Question, QuestionRef } from '../../lib/model';
import { questionId } from '../../lib/model';
import { parisInstant, parisMoment } from '../../lib/paris-time';
import { DEFAULT_SETTINGS, type CheckFrequency, type Settings } from '../../lib/settings';
import type { FetchOutcome, PoliteFetcher } from '../../lib/sources/polite-fetch';
import type { Db } from '../../lib/store/db';
import { recentEvents } from '../../lib/store/events';
import { watchRecordSchema, type EventRecord, type WatchRecord } from '../../lib/store/records';
import type { QuestionState } from '../../lib/status';
import { anDynUrl, anOpenDataUrl } from '../../lib/urls';
import { fixtureText } from '../helpers/dom';
import { freshIndexedDb, makeQuestion, makeRef, openTestDb } from '../store/helpers';

/** Tuesday 3 June 2025, 14:00 in Paris: inside the JO-day window. */
const NOW = parisInstant('2025-06-03', 14);
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Json = Record<string, any>;
type Fate = 'pending' | 'answered' | 'closed' | 'signaled';

/** A valid open-data record of AN-17-QE-<number>, built on the « signalée » fixture. */
function recordJson(number: number, fate: Fate): string {
  const json = JSON.parse(fixtureText('an/opendata-QANR5L17QE3456-signalee.json')) as Json;
  const q = json.question;
  q.uid = `QANR5L17QE${number}`;
  q.identifiant.numero = String(number);
  if (fate !== 'signaled') q.signalement = null;
  if (fate === 'answered') {
    q.textesReponse = { texteReponse: { infoJO: { typeJO: 'JO_QUESTION', dateJO: '2025-06-03' }, texte: '<p>La ministre répond.</p>' } };
    q.cloture = { codeCloture: 'REP_PUB', libelleCloture: 'Réponse publiée', dateCloture: '2025-06-03', infoJO: null };
  }
  if (fate === 'closed') q.cloture = { codeCloture: 'RET', libelleCloture: "Retrait par l'auteur", dateCloture: '2025-06-03', infoJO: null };
  return JSON.stringify(json);
}

const ok = (body: string, contentType = 'application/json'): FetchOutcome => ({ ok: true, status: 200, contentType, body });
const http = (status: number): FetchOutcome => ({ ok: false, reason: 'http', status });
const idOf = (number: number) => questionId(17, 'QE', number);

/** The question as a page showed it: pending (overdue on NOW), published 28 January 2025. */
function known(number: number, overrides: Partial<Question> = {}): Question {
  return makeQuestion({
    legislature: 17, number, publishedOn: '2025-01-28',
    author: { name: 'Mme Sophie Spécimen', anId: 'PA999908', slug: 'sophie-specimen' },
    ...overrides,
  });
}

function makeWatch(number: number, overrides: Partial<WatchRecord> = {}): WatchRecord {
  return watchRecordSchema.parse({
    id: idOf(number), question: known(number), watchedAt: NOW - 30 * 24 * HOUR, state: 'overdue', failures: 0, seen: true,
    lastCheckedAt: NOW - 4 * 24 * HOUR, nextCheckAt: NOW - MINUTE, ...overrides,
  });
}

/** A stub Assemblée: records by fate, overridable per URL; every request is logged. */
function server() {
  const fates = new Map<number, Fate>();
  const overrides = new Map<string, FetchOutcome | (() => Promise<FetchOutcome>)>();
  const get = vi.fn(async (url: string, _accept: string): Promise<FetchOutcome> => {
    const override = overrides.get(url);
    if (override) return typeof override === 'function' ? override() : override;
    const m = /QANR5L17QE(\d+)(\.json)?$/.exec(url);
    if (!m) return http(404);
    const number = Number(m[1]);
    if (!m[2]) return http(404); // pages: only when a test says so
    return ok(recordJson(number, fates.get(number) ?? 'pending'));
  });
  const requested = () => get.mock.calls.map(([url]) => url);
  const checkedIds = () => [...new Set(get.mock.calls.map(([url]) => /QANR5L17QE(\d+)/.exec(url)![1]).map((n) => idOf(Number(n))))];
  return { fates, overrides, get, requested, checkedIds, fetcher: { get } as unknown as PoliteFetcher };
}

let db: Db;
let clock: { now: number };
let settings: Settings;
let stub: ReturnType<typeof server>;
let announce: ReturnType<typeof vi.fn<(changes: Change[]) => Promise<void>>>;
let poller: Poller;
const random = () => 0.5;

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb(undefined, () => NOW);
  clock = { now: NOW };
  settings = { ...DEFAULT_SETTINGS };
  stub = server();
  announce = vi.fn(async (_changes: Change[]) => undefined);
  poller = new Poller({ db: async () => db, fetcher: stub.fetcher, now: () => clock.now, random, settings: async () => settings, announce });
});

afterEach(() => db.close());

async function put(...records: WatchRecord[]) {
  for (const record of records) await db.put('watches', watchRecordSchema.parse(record));
}

async function stored(id: string): Promise<WatchRecord> {
  const value = await db.get('watches', id);
  if (!value) throw new Error(`${id} is gone`);
  return watchRecordSchema.parse(value);
}

async function events(): Promise<EventRecord[]> {
  return (await recentEvents(db, 1000)).reverse();
}

describe('Poller.run: what is checked', () => {
  it('due records are checked and rescheduled; not-due, answered, closed and settled ones are not', async () => {
    await put(
      makeWatch(101, { nextCheckAt: NOW - HOUR }),
      makeWatch(102, { nextCheckAt: NOW }),
      makeWatch(103, { nextCheckAt: NOW + MINUTE }),
      makeWatch(104, { state: 'answered', question: known(104, { answeredOn: '2025-05-27' }), nextCheckAt: NOW - HOUR }),
      makeWatch(105, { state: 'closed', question: known(105, { closedOn: '2025-05-27', closedReason: 'Retrait' }), nextCheckAt: NOW - HOUR }),
      { ...makeWatch(106), id: 'AN-16-QE-106', question: makeQuestion({ number: 106 }), lastCheckedAt: NOW - HOUR, nextCheckAt: NOW - HOUR },
    );
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 2, failed: 0, changes: [] });
    expect(stub.requested()).toEqual([anOpenDataUrl(idOf(101)), anOpenDataUrl(idOf(102))]);
    for (const n of [101, 102]) {
      const record = await stored(idOf(n));
      expect(record).toMatchObject({ lastCheckedAt: NOW, failures: 0, state: 'overdue', seen: true });
      // Rescheduled by the real schedule: checked on Tuesday 14:00, next is Friday's catch-up.
      expect(record.nextCheckAt).toBe(nextCheckAt(scheduleInput(record), NOW, 'daily', random));
      expect(parisMoment(record.nextCheckAt!)).toMatchObject({ date: '2025-06-06', weekday: 5 });
      expect(record.nextCheckAt! - NOW).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
    }
    expect((await stored(idOf(103))).nextCheckAt).toBe(NOW + MINUTE);
    expect((await stored(idOf(104))).lastCheckedAt).toBe(NOW - 4 * 24 * HOUR);
    expect(announce).not.toHaveBeenCalled();
    // Nothing more is due right after.
    stub.get.mockClear();
    expect(await poller.run()).toEqual({ checked: 0, failed: 0, changes: [] });
    expect(stub.get).not.toHaveBeenCalled();
  });

  it('a pollable record without nextCheckAt is scheduled by the run, not checked', async () => {
    await put(makeWatch(111, { nextCheckAt: undefined }));
    expect(await poller.run()).toEqual({ checked: 0, failed: 0, changes: [] });
    expect(stub.get).not.toHaveBeenCalled();
    expect((await stored(idOf(111))).nextCheckAt).toBe(nextCheckAt(scheduleInput(makeWatch(111)), NOW, 'daily', random));
  });

  it('uses the frequency from the settings', async () => {
    settings = { ...settings, frequency: 'weekly' };
    await put(makeWatch(112));
    await poller.run();
    expect(parisMoment((await stored(idOf(112))).nextCheckAt!)).toMatchObject({ date: '2025-06-10', weekday: 2 });
    settings = { ...settings, frequency: 'every-day' };
    await put(makeWatch(113));
    await poller.run();
    expect(parisMoment((await stored(idOf(113))).nextCheckAt!)).toMatchObject({ date: '2025-06-04', weekday: 3 });
  });

  it.each(['answered', 'closed'] as const)('%s records are never checked, in alarm runs or forced runs', async (state) => {
    const question = state === 'answered' ? known(121, { answeredOn: '2025-05-27' }) : known(121, { closedOn: '2025-05-27', closedReason: 'Retrait' });
    await put(makeWatch(121, { state, question, nextCheckAt: NOW - HOUR }));
    for (let i = 0; i < 3; i++) {
      clock.now += 7 * 24 * HOUR;
      await poller.run();
    }
    await poller.run([idOf(121)]);
    expect(stub.get).not.toHaveBeenCalled();
  });

  it('a legislature-16 question gets its one settling check, then never again', async () => {
    const id = 'AN-16-QE-4020';
    stub.overrides.set(anOpenDataUrl(id), ok(fixtureText('an/opendata-QANR5L16QE4020-rep-pub.json')));
    await put(watchRecordSchema.parse({ id, question: makeQuestion({ publishedOn: '2022-12-13' }), watchedAt: NOW, state: 'overdue', failures: 0, seen: true }));
    await poller.schedule(id);
    const first = (await stored(id)).nextCheckAt!;
    expect(first).toBeGreaterThanOrEqual(NOW);
    expect(first).toBeLessThan(NOW + HOUR);
    clock.now = first;
    const summary = await poller.run();
    expect(summary.checked).toBe(1);
    expect(summary.changes.map((c) => c.kind)).toEqual(['answered']);
    expect(await stored(id)).toMatchObject({ state: 'answered', lastCheckedAt: first });
    expect((await stored(id)).nextCheckAt).toBeUndefined();
    clock.now += 30 * 24 * HOUR;
    await poller.run();
    await poller.run([id]);
    expect(stub.get).toHaveBeenCalledOnce();
  });

  it('a settled legislature-16 question that stayed pending is not checked again either', async () => {
    const id = 'AN-16-QE-4021';
    await put(watchRecordSchema.parse({ id, question: makeQuestion({ number: 4021 }), watchedAt: NOW, state: 'overdue', failures: 0, seen: true, lastCheckedAt: NOW - HOUR }));
    await poller.schedule(id);
    expect((await stored(id)).nextCheckAt).toBeUndefined();
    clock.now += 365 * 24 * HOUR;
    await poller.run();
    expect(stub.get).not.toHaveBeenCalled();
  });
});

describe('Poller.run: a change', () => {
  it('pending → answered: seen=false, lastChangeAt, check and change events, announced once', async () => {
    await put(makeWatch(201), makeWatch(202));
    stub.fates.set(201, 'answered');
    const summary = await poller.run();
    expect(summary.checked).toBe(2);
    expect(summary.changes).toHaveLength(1);
    expect(summary.changes[0]).toMatchObject({ kind: 'answered', question: { id: idOf(201), answeredOn: '2025-06-03' }, status: { state: 'answered' } });
    const record = await stored(idOf(201));
    expect(record).toMatchObject({ state: 'answered', seen: false, lastChangeAt: NOW, lastCheckedAt: NOW, failures: 0 });
    expect(record.question?.answeredOn).toBe('2025-06-03');
    // What only the page gave is kept.
    expect(record.question?.author.slug).toBe('sophie-specimen');
    expect(record.nextCheckAt).toBeUndefined();
    expect(await stored(idOf(202))).toMatchObject({ state: 'overdue', seen: true });
    expect((await stored(idOf(202))).lastChangeAt).toBeUndefined();

    const log = await events();
    expect(log.filter((e) => e.questionId === idOf(201)).map(({ seq: _seq, ...e }) => e)).toEqual([
      { at: NOW, type: 'check', questionId: idOf(201), source: 'an-opendata', ok: true, from: 'overdue', to: 'answered' },
      { at: NOW, type: 'change', questionId: idOf(201), source: 'an-opendata', from: 'overdue', to: 'answered', detail: 'answered' },
    ]);
    expect(log.filter((e) => e.questionId === idOf(202)).map((e) => [e.type, e.ok, e.from, e.to])).toEqual([['check', true, 'overdue', 'overdue']]);

    expect(announce).toHaveBeenCalledOnce();
    expect(announce.mock.calls[0]![0].map((c) => c.question.id)).toEqual([idOf(201)]);
    // Later runs, forced or not, neither check it nor announce it again.
    for (let i = 0; i < 4; i++) {
      clock.now += 3 * 24 * HOUR;
      await poller.run();
    }
    await poller.run([idOf(201)]);
    expect(announce).toHaveBeenCalledOnce();
    expect(stub.checkedIds().filter((id) => id === idOf(201))).toHaveLength(1);
  });

  it('pending → closed is a change too', async () => {
    await put(makeWatch(203));
    stub.fates.set(203, 'closed');
    const summary = await poller.run();
    expect(summary.changes.map((c) => c.kind)).toEqual(['closed']);
    expect(await stored(idOf(203))).toMatchObject({ state: 'closed', seen: false, lastChangeAt: NOW });
    expect((await stored(idOf(203))).nextCheckAt).toBeUndefined();
  });

  it('a signalement is a change that keeps the question polled, announced once', async () => {
    await put(makeWatch(204));
    stub.fates.set(204, 'signaled');
    expect((await poller.run()).changes.map((c) => c.kind)).toEqual(['signaled']);
    const record = await stored(idOf(204));
    expect(record).toMatchObject({ state: 'overdue', seen: false, lastChangeAt: NOW });
    expect(record.nextCheckAt).toBeGreaterThan(NOW);
    clock.now = record.nextCheckAt!;
    expect((await poller.run()).changes).toEqual([]);
    expect(announce).toHaveBeenCalledOnce();
  });

  it('several changes in one run are announced together, once', async () => {
    await put(makeWatch(205), makeWatch(206), makeWatch(207));
    stub.fates.set(205, 'answered');
    stub.fates.set(207, 'closed');
    await poller.run();
    expect(announce).toHaveBeenCalledOnce();
    expect(announce.mock.calls[0]![0].map((c) => [c.question.id, c.kind])).toEqual([[idOf(205), 'answered'], [idOf(207), 'closed']]);
  });
});

describe('Poller.run: a failed check changes no status', () => {
  const garbage: [string, FetchOutcome, FetchOutcome][] = [
    ['503 on both', http(503), http(503)],
    ['HTML where JSON was expected, then a truncated page', ok(fixtureText('an/an-error-503.html'), 'text/html'), ok('<!DOCTYPE html><html><body><main>Question', 'text/html')],
    ['truncated JSON, then a page of another question', ok(recordJson(301, 'answered').slice(0, 400)), ok(fixtureText('an/an-dyn-qe-repondue.html'), 'text/html')],
    ['JSON of the wrong shape, then the 503 error page with status 200', ok('{"error":"Service Unavailable"}'), ok(fixtureText('an/an-error-503.html'), 'text/html')],
  ];

  it.each(garbage)('%s → failures+1, failed check event, rescheduled by retryDelay, nothing announced', async (_label, record, page) => {
    const before = makeWatch(301);
    await put(before);
    stub.overrides.set(anOpenDataUrl(idOf(301)), record);
    stub.overrides.set(anDynUrl(idOf(301)), page);
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 1, changes: [] });
    const after = await stored(idOf(301));
    expect(after).toMatchObject({ state: 'overdue', seen: true, failures: 1, lastCheckedAt: before.lastCheckedAt, question: before.question });
    expect(after.lastChangeAt).toBeUndefined();
    expect(after.nextCheckAt).toBe(NOW + Math.floor(retryDelay(1) * (0.9 + 0.2 * 0.5)));
    const log = (await events()).filter((e) => e.questionId === idOf(301));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ at: NOW, type: 'check', ok: false, source: 'an-page' });
    expect(log[0]!.detail).toBeTruthy();
    expect(log[0]!.from).toBeUndefined();
    expect(announce).not.toHaveBeenCalled();

    // Again at the retry: failures 2, two hours; then a good reading resets them.
    clock.now = after.nextCheckAt!;
    await poller.run();
    const again = await stored(idOf(301));
    expect(again.failures).toBe(2);
    expect(again.nextCheckAt).toBe(clock.now + retryDelay(2));
    stub.overrides.clear();
    clock.now = again.nextCheckAt!;
    await poller.run();
    expect(await stored(idOf(301))).toMatchObject({ failures: 0, state: 'overdue', lastCheckedAt: clock.now });
  });

  it('a 503 that an answered-looking page would follow still never makes an answer out of garbage', async () => {
    await put(makeWatch(302));
    // Another question's page, answered: must not be read as this one.
    stub.overrides.set(anOpenDataUrl(idOf(302)), http(503));
    stub.overrides.set(anDynUrl(idOf(302)), ok(fixtureText('an/an-dyn-qe-variant-markup.html'), 'text/html'));
    await poller.run();
    expect(await stored(idOf(302))).toMatchObject({ state: 'overdue', failures: 1, seen: true });
  });

  it.each(['backoff', 'circuit-open'] as const)('%s → not the question’s failure: failures unchanged, retried after the source’s wait', async (reason) => {
    const until = NOW + 20 * MINUTE;
    await put(makeWatch(303, { failures: 2 }));
    stub.overrides.set(anOpenDataUrl(idOf(303)), { ok: false, reason, until });
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 1, changes: [] });
    const after = await stored(idOf(303));
    expect(after).toMatchObject({ failures: 2, state: 'overdue', lastCheckedAt: NOW - 4 * 24 * HOUR });
    expect(after.nextCheckAt).toBe(until + Math.floor(0.5 * 10 * MINUTE));
    expect(stub.get).toHaveBeenCalledOnce();
    const [event] = (await events()).filter((e) => e.questionId === idOf(303));
    expect(event).toMatchObject({ type: 'check', ok: false, source: 'an-opendata' });
    expect(event!.detail).toContain(reason);
  });
});

describe('Poller.run: « Vérifier maintenant »', () => {
  it('forced ids are checked whatever their schedule, and only they', async () => {
    await put(
      makeWatch(401, { nextCheckAt: NOW + 3 * 24 * HOUR, lastCheckedAt: NOW - 5 * MINUTE }),
      makeWatch(402, { nextCheckAt: NOW - HOUR }),
      makeWatch(403, { nextCheckAt: undefined }),
    );
    const summary = await poller.run([idOf(401), idOf(403)]);
    expect(summary.checked).toBe(2);
    expect(stub.checkedIds().sort()).toEqual([idOf(401), idOf(403)]);
    expect((await stored(idOf(401))).lastCheckedAt).toBe(NOW);
    // The due one waits for the next alarm; a forced run does not schedule the others either.
    expect((await stored(idOf(402))).lastCheckedAt).toBe(NOW - 4 * 24 * HOUR);
  });

  it('through the handler, only pollable questions are checked', async () => {
    await put(
      makeWatch(411, { nextCheckAt: NOW + 2 * 24 * HOUR }),
      makeWatch(412, { state: 'answered', question: known(412, { answeredOn: '2025-05-27' }) }),
      makeWatch(413, { state: 'closed', question: known(413, { closedOn: '2025-05-27', closedReason: 'Retrait' }) }),
      { ...makeWatch(414), id: 'AN-16-QE-414', question: makeQuestion({ number: 414 }), lastCheckedAt: NOW - HOUR },
      makeWatch(415, { nextCheckAt: NOW + 6 * 24 * HOUR }),
    );
    const handlers = createHandlers({
      db: async () => db, fetcher: stub.fetcher, poller, now: () => clock.now,
      onWatchesChanged: vi.fn(async () => undefined), onErased: vi.fn(async () => undefined),
    });
    stub.fates.set(411, 'answered');
    expect(await handlers['watch.check']({ type: 'watch.check', ids: [idOf(411), idOf(412), idOf(413), 'AN-16-QE-414'] })).toEqual({ checked: 1, failed: 0, changed: 1 });
    expect(stub.checkedIds()).toEqual([idOf(411)]);
    // Without ids: every pollable watch.
    stub.get.mockClear();
    expect(await handlers['watch.check']({ type: 'watch.check' })).toEqual({ checked: 1, failed: 0, changed: 0 });
    expect(stub.checkedIds()).toEqual([idOf(415)]);
    expect(announce).toHaveBeenCalledOnce();
  });
});

describe('Poller.run: limits and ordering', () => {
  it(`MAX_CHECKS_PER_RUN (${MAX_CHECKS_PER_RUN}) caps an alarm run, the most overdue first`, async () => {
    const count = MAX_CHECKS_PER_RUN + 7;
    // Numbered so that the store's key order is not the due order.
    for (let i = 0; i < count; i++) await put(makeWatch(1000 + ((i * 37) % count), { nextCheckAt: NOW - (i + 1) * MINUTE }));
    const first = await poller.run();
    expect(first.checked).toBe(MAX_CHECKS_PER_RUN);
    expect(stub.get).toHaveBeenCalledTimes(MAX_CHECKS_PER_RUN);
    const mostOverdue = Array.from({ length: MAX_CHECKS_PER_RUN }, (_, k) => idOf(1000 + (((count - 1 - k) * 37) % count)));
    expect(stub.checkedIds()).toEqual(mostOverdue);
    stub.get.mockClear();
    const second = await poller.run();
    expect(second.checked).toBe(7);
    expect(new Set([...mostOverdue, ...stub.checkedIds()]).size).toBe(count);
  });

  it('a forced run is not capped', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_CHECKS_PER_RUN + 3; i++) {
      await put(makeWatch(2000 + i, { nextCheckAt: NOW + HOUR }));
      ids.push(idOf(2000 + i));
    }
    expect((await poller.run(ids)).checked).toBe(MAX_CHECKS_PER_RUN + 3);
  });

  it('two concurrent run() calls run one after the other', async () => {
    await put(makeWatch(501), makeWatch(502, { nextCheckAt: NOW + 2 * 24 * HOUR }));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const order: string[] = [];
    stub.overrides.set(anOpenDataUrl(idOf(501)), async () => {
      order.push('get 501');
      await gate;
      return ok(recordJson(501, 'answered'));
    });
    stub.overrides.set(anOpenDataUrl(idOf(502)), async () => {
      order.push('get 502');
      return ok(recordJson(502, 'pending'));
    });
    const first = poller.run();
    const second = poller.run([idOf(501), idOf(502)]);
    void first.then(() => order.push('first done'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(['get 501']);
    expect(poller.progress).toEqual({ running: true, done: 0, total: 1 });
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ checked: 1, changes: [{ kind: 'answered' }] });
    // The second run read the store after the first wrote: 501 is answered now, so not checked.
    expect(b).toMatchObject({ checked: 1, changes: [] });
    expect(order).toEqual(['get 501', 'first done', 'get 502']);
    expect(poller.progress).toEqual({ running: false, done: 1, total: 1 });
    expect(announce).toHaveBeenCalledOnce();
  });

  it('a run that fails does not block the next one', async () => {
    await put(makeWatch(503));
    const failing = new Poller({ db: async () => { throw new Error('db closed'); }, fetcher: stub.fetcher, now: () => clock.now, random, settings: async () => settings, announce });
    await expect(failing.run()).rejects.toThrow('db closed');
    expect((await poller.run()).checked).toBe(1);
  });
});

describe('Poller: watches from a list', () => {
  const id = idOf(2871);

  function listWatch(ref: QuestionRef, state: QuestionState = 'pending'): WatchRecord {
    return watchRecordSchema.parse({ id, ref, watchedAt: NOW, state, failures: 0, seen: true });
  }

  it('schedule() gives a list-only watch its first check within 5 minutes', async () => {
    await put(listWatch(makeRef({ legislature: 17, number: 2871, publishedOn: '2025-05-20' })));
    await poller.schedule(id);
    const at = (await stored(id)).nextCheckAt!;
    expect(at).toBeGreaterThanOrEqual(NOW);
    expect(at).toBeLessThan(NOW + 5 * MINUTE);
  });

  it('the first check sets the baseline without announcing, even when the status differs from the list', async () => {
    // The list showed it pending; the page says answered (the « variant markup » page is 1042).
    const answeredId = idOf(1042);
    await put(watchRecordSchema.parse({
      id: answeredId, ref: makeRef({ legislature: 17, number: 1042, publishedOn: '2024-10-22' }), watchedAt: NOW, state: 'overdue', failures: 0, seen: true, nextCheckAt: NOW - MINUTE,
    }));
    stub.overrides.set(anDynUrl(answeredId), ok(fixtureText('an/an-dyn-qe-variant-markup.html'), 'text/html'));
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 0, changes: [] });
    // The page comes first for a list-only watch: it names the author.
    expect(stub.requested()).toEqual([anDynUrl(answeredId)]);
    const record = await stored(answeredId);
    expect(record).toMatchObject({ state: 'answered', seen: true, lastCheckedAt: NOW, question: { id: answeredId } });
    expect(record.ref).toBeUndefined();
    expect(record.lastChangeAt).toBeUndefined();
    expect(record.nextCheckAt).toBeUndefined();
    expect(announce).not.toHaveBeenCalled();
    expect((await events()).map((e) => e.type)).toEqual(['check']);
  });

  it('once read, the next reading announces for real', async () => {
    await put(listWatch(makeRef({ legislature: 17, number: 2871, publishedOn: '2025-05-20' })));
    await poller.schedule(id);
    stub.overrides.set(anDynUrl(id), ok(fixtureText('an/an-dyn-qe-17-pending.html'), 'text/html'));
    clock.now = (await stored(id)).nextCheckAt!;
    expect((await poller.run()).changes).toEqual([]);
    const baseline = await stored(id);
    expect(baseline.question?.author.name).toBeTruthy();
    expect(baseline.nextCheckAt! - clock.now).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
    // Now known: the record comes first, and an answer there is a change.
    stub.overrides.set(anOpenDataUrl(id), ok(recordJson(2871, 'answered')));
    clock.now = baseline.nextCheckAt!;
    const summary = await poller.run();
    expect(summary.changes.map((c) => c.kind)).toEqual(['answered']);
    expect(announce).toHaveBeenCalledOnce();
  });

  // BUG (check.ts fromRecord + poller.ts checkOne): for a list-only watch whose page fails, the
  // record of ANOTHER question is accepted; updateWatch then throws on the id mismatch and the
  // whole run rejects — the rest of the batch is never checked, and since the record stays due
  // and sorts first, every later alarm run dies on it too.
  it.fails('a record of another question is a failed check, and the run goes on', async () => {
    await put(listWatch(makeRef({ legislature: 17, number: 2871, publishedOn: '2025-05-20' })), makeWatch(601, { nextCheckAt: NOW }));
    await poller.schedule(id);
    clock.now = NOW + 5 * MINUTE;
    stub.overrides.set(anDynUrl(id), http(503));
    stub.overrides.set(anOpenDataUrl(id), ok(recordJson(9999, 'answered')));
    const summary = await poller.run();
    expect(summary).toMatchObject({ checked: 2, failed: 1 });
    expect(await stored(id)).toMatchObject({ state: 'pending', failures: 1 });
    expect((await stored(idOf(601))).lastCheckedAt).toBe(clock.now);
  });
});

describe('Poller.schedule', () => {
  it.each<[CheckFrequency, string]>([['weekly', '2025-06-03'], ['daily', '2025-06-03'], ['every-day', '2025-06-03']])('%s: a page watch on Tuesday 14:00 is first checked on %s', async (frequency, date) => {
    settings = { ...settings, frequency };
    await put(makeWatch(701, { lastCheckedAt: undefined, nextCheckAt: undefined }));
    await poller.schedule(idOf(701));
    const at = (await stored(idOf(701))).nextCheckAt!;
    expect(at).toBe(nextCheckAt(scheduleInput(makeWatch(701, { lastCheckedAt: undefined })), NOW, frequency, random));
    expect(parisMoment(at).date).toBe(date);
  });

  it('removes nextCheckAt from a record that is never to be checked', async () => {
    await put(makeWatch(702, { state: 'answered', question: known(702, { answeredOn: '2025-05-27' }), nextCheckAt: NOW }));
    await poller.schedule(idOf(702));
    expect((await stored(idOf(702))).nextCheckAt).toBeUndefined();
  });

  it('does nothing for an id that is not watched', async () => {
    await expect(poller.schedule(idOf(703))).resolves.toBeUndefined();
    expect(await db.count('watches')).toBe(0);
  });
});
