/**
 * The polling run against a fake IndexedDB, a stub fetcher, a fixed clock and fixed dice:
 * what is checked, what is recorded, what is announced, and what never changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Change } from '../../lib/polling/changes';
import { createHandlers } from '../../lib/background/handlers';
import { Poller } from '../../lib/background/poller';
import { MAX_CHECKS_PER_RUN, scheduleInput } from '../../lib/polling/core';
import { MIN_CHECK_GAP_MS, nextCheckAt, retryDelay, SETTLING_ATTEMPTS } from '../../lib/polling/schedule';
import { type Question, type QuestionRef } from '../../lib/model';
import { questionId } from '../../lib/model';
import { parisInstant, parisMoment } from '../../lib/paris-time';
import { DEFAULT_SETTINGS, type CheckFrequency, type Settings } from '../../lib/settings';
import { PoliteFetcher, type FetchOutcome, type SourceState } from '../../lib/sources/polite-fetch';
import { type Db } from '../../lib/background/store/db';
import { recentEvents } from '../../lib/background/store/events';
import { watchRecordSchema, type EventRecord, type WatchRecord } from '../../lib/records';
import { type QuestionState } from '../../lib/status';
import { AN_WWW, anDynUrl, anOpenDataUrl } from '../../lib/urls';
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
  if (fate === 'closed')
    q.cloture = { codeCloture: 'RET', libelleCloture: "Retrait par l'auteur", dateCloture: '2025-06-03', infoJO: null };
  return JSON.stringify(json);
}

const ok = (body: string, contentType = 'application/json'): FetchOutcome => ({ ok: true, status: 200, contentType, body });
const http = (status: number): FetchOutcome => ({ ok: false, reason: 'http', status });
const idOf = (number: number) => questionId(17, 'QE', number);

/** The question as a page showed it: pending (overdue on NOW), published 28 January 2025. */
function known(number: number, overrides: Partial<Question> = {}): Question {
  return makeQuestion({
    legislature: 17,
    number,
    publishedOn: '2025-01-28',
    author: { name: 'Mme Sophie Spécimen', anId: 'PA999908', slug: 'sophie-specimen' },
    ...overrides,
  });
}

function makeWatch(number: number, overrides: Partial<WatchRecord> = {}): WatchRecord {
  return watchRecordSchema.parse({
    id: idOf(number),
    question: known(number),
    watchedAt: NOW - 30 * 24 * HOUR,
    state: 'overdue',
    failures: 0,
    seen: true,
    lastCheckedAt: NOW - 4 * 24 * HOUR,
    nextCheckAt: NOW - MINUTE,
    ...overrides,
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
  // What the Assemblée was asked: the index's requests (a forced run reads it first) are another host's.
  const requested = () => get.mock.calls.map(([url]) => url).filter((url) => new URL(url).hostname === AN_WWW);
  const checkedIds = () => [
    ...new Set(
      requested()
        .map((url) => /QANR5L17QE(\d+)/.exec(url)![1])
        .map((n) => idOf(Number(n))),
    ),
  ];
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
  // These tests are about the per-question reads, as they were before the index: not in discreet
  // mode, and the index read a while ago and not due (its own tests: tests/background/jo-index.test.ts).
  settings = { ...DEFAULT_SETTINGS, discreet: false };
  await db.put('joIndex', { chamber: 'AN', failures: 0, nextReadAt: Date.UTC(2100, 0, 1) });
  stub = server();
  announce = vi.fn(async (_changes: Change[]) => undefined);
  poller = new Poller({
    db: async () => db,
    fetcher: stub.fetcher,
    now: () => clock.now,
    random,
    settings: async () => settings,
    announce,
  });
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
      makeWatch(105, {
        state: 'closed',
        question: known(105, { closedOn: '2025-05-27', closedReason: 'Retrait' }),
        nextCheckAt: NOW - HOUR,
      }),
      {
        ...makeWatch(106),
        id: 'AN-16-QE-106',
        question: makeQuestion({ number: 106 }),
        state: 'closed',
        lastCheckedAt: NOW - HOUR,
        nextCheckAt: NOW - HOUR,
      },
    );
    const summary = await poller.run();
    // Not-due, final and settled ones are not due: they are not counted in `remaining` either.
    expect(summary).toEqual({ checked: 2, failed: 0, changes: [], remaining: 0 });
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
    expect(await poller.run()).toEqual({ checked: 0, failed: 0, changes: [], remaining: 0 });
    expect(stub.requested()).toEqual([]);
  });

  it('a pollable record without nextCheckAt is scheduled by the run, not checked', async () => {
    await put(makeWatch(111, { nextCheckAt: undefined }));
    expect(await poller.run()).toEqual({ checked: 0, failed: 0, changes: [], remaining: 0 });
    expect(stub.requested()).toEqual([]);
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
    const question =
      state === 'answered' ? known(121, { answeredOn: '2025-05-27' }) : known(121, { closedOn: '2025-05-27', closedReason: 'Retrait' });
    await put(makeWatch(121, { state, question, nextCheckAt: NOW - HOUR }));
    for (let i = 0; i < 3; i++) {
      clock.now += 7 * 24 * HOUR;
      await poller.run();
    }
    await poller.run({ ids: [idOf(121)] });
    expect(stub.requested()).toEqual([]);
  });

  it('a legislature-16 question whose status could not be read gets its one settling check, then never again', async () => {
    const id = 'AN-16-QE-4020';
    stub.overrides.set(anOpenDataUrl(id), ok(fixtureText('an/opendata-QANR5L16QE4020-rep-pub.json')));
    await put(
      watchRecordSchema.parse({
        id,
        question: makeQuestion({ publishedOn: '2022-12-13', unreadableStatus: 'answer block truncated' }),
        watchedAt: NOW,
        state: 'unknown',
        failures: 0,
        seen: true,
      }),
    );
    await poller.schedule([id]);
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
    await poller.run({ ids: [id] });
    expect(stub.requested()).toHaveLength(1);
  });

  it('a watch stored open whose legislature has ended is closed by the calendar: stored, announced once, never checked', async () => {
    const id = 'AN-16-QE-4021';
    const question = makeQuestion({ number: 4021 });
    const listed = makeRef({ number: 4025, publishedOn: '2024-05-07' });
    await put(
      watchRecordSchema.parse({ id, question, watchedAt: NOW, state: 'overdue', failures: 0, seen: true, nextCheckAt: NOW - HOUR }),
      watchRecordSchema.parse({ id: listed.id, ref: listed, watchedAt: NOW, state: 'pending', failures: 0, seen: true }),
    );
    const summary = await poller.run();
    expect(summary).toMatchObject({ checked: 0, failed: 0, remaining: 0 });
    // Announced with the status the calendar gives it; a list-only watch has no question to announce.
    expect(summary.changes).toEqual([
      {
        kind: 'closed',
        question,
        status: expect.objectContaining({
          state: 'closed',
          closure: 'lapsed',
          closureInferred: true,
          closedOn: '2024-06-09',
          daysLate: 86,
        }),
      },
    ]);
    expect(announce).toHaveBeenCalledOnce();
    for (const closed of [id, listed.id]) {
      const record = await stored(closed);
      expect(record).toMatchObject({ state: 'closed', seen: false, lastChangeAt: NOW });
      expect(record.nextCheckAt).toBeUndefined();
    }
    expect((await events()).filter((e) => e.type === 'change')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: id, from: 'overdue', to: 'closed', detail: 'closed' }),
        expect.objectContaining({ questionId: listed.id, from: 'pending', to: 'closed', detail: 'closed' }),
      ]),
    );
    clock.now += 365 * 24 * HOUR;
    await poller.run();
    await poller.run({ ids: [id, listed.id] });
    expect(stub.requested()).toEqual([]);
    expect(announce).toHaveBeenCalledOnce();
  });

  it(`a legislature-16 settling check that keeps failing backs off, then is given up after ${SETTLING_ATTEMPTS} failures`, async () => {
    const id = 'AN-16-QE-4022';
    stub.overrides.set(anOpenDataUrl(id), http(404));
    stub.overrides.set(anDynUrl(id), http(404));
    await put(
      watchRecordSchema.parse({
        id,
        question: makeQuestion({ number: 4022, unreadableStatus: 'no status block' }),
        watchedAt: NOW,
        state: 'unknown',
        failures: 0,
        seen: true,
      }),
    );
    await poller.schedule([id]);
    for (let failures = 1; failures <= SETTLING_ATTEMPTS; failures++) {
      clock.now = (await stored(id)).nextCheckAt!;
      expect(await poller.run()).toEqual({ checked: 1, failed: 1, changes: [], remaining: 0 });
      const record = await stored(id);
      expect(record).toMatchObject({ failures, state: 'unknown' });
      expect(record.lastCheckedAt).toBeUndefined();
      // Backed off like any failed check (1 h, 2 h, 4 h, 8 h), not retried within the hour.
      if (failures < SETTLING_ATTEMPTS) expect(record.nextCheckAt).toBe(clock.now + retryDelay(failures));
      else expect(record.nextCheckAt).toBeUndefined();
    }
    expect(stub.requested()).toHaveLength(2 * SETTLING_ATTEMPTS);
    clock.now += 30 * 24 * HOUR;
    expect(await poller.run()).toEqual({ checked: 0, failed: 0, changes: [], remaining: 0 });
    expect(await poller.run({ ids: [id] })).toEqual({ checked: 0, failed: 0, changes: [], remaining: 0 });
    expect(stub.requested()).toHaveLength(2 * SETTLING_ATTEMPTS);
    expect((await events()).filter((e) => e.type === 'check')).toHaveLength(SETTLING_ATTEMPTS);
  });
});

describe('Poller.run: a change', () => {
  it('pending → answered: seen=false, lastChangeAt, check and change events, announced once', async () => {
    await put(makeWatch(201), makeWatch(202));
    stub.fates.set(201, 'answered');
    const summary = await poller.run();
    expect(summary.checked).toBe(2);
    expect(summary.changes).toHaveLength(1);
    expect(summary.changes[0]).toMatchObject({
      kind: 'answered',
      question: { id: idOf(201), answeredOn: '2025-06-03' },
      status: { state: 'answered' },
    });
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
    expect(log.filter((e) => e.questionId === idOf(202)).map((e) => [e.type, e.ok, e.from, e.to])).toEqual([
      ['check', true, 'overdue', 'overdue'],
    ]);

    expect(announce).toHaveBeenCalledOnce();
    expect(announce.mock.calls[0]![0].map((c) => c.question.id)).toEqual([idOf(201)]);
    // Later runs, forced or not, neither check it nor announce it again.
    for (let i = 0; i < 4; i++) {
      clock.now += 3 * 24 * HOUR;
      await poller.run();
    }
    await poller.run({ ids: [idOf(201)] });
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
    expect(announce.mock.calls[0]![0].map((c) => [c.question.id, c.kind])).toEqual([
      [idOf(205), 'answered'],
      [idOf(207), 'closed'],
    ]);
  });
});

describe('Poller.run: a failed check changes no status', () => {
  const garbage: [string, FetchOutcome, FetchOutcome][] = [
    ['503 on both', http(503), http(503)],
    [
      'HTML where JSON was expected, then a truncated page',
      ok(fixtureText('an/an-error-503.html'), 'text/html'),
      ok('<!DOCTYPE html><html><body><main>Question', 'text/html'),
    ],
    [
      'truncated JSON, then a page of another question',
      ok(recordJson(301, 'answered').slice(0, 400)),
      ok(fixtureText('an/an-dyn-qe-repondue.html'), 'text/html'),
    ],
    [
      'JSON of the wrong shape, then the 503 error page with status 200',
      ok('{"error":"Service Unavailable"}'),
      ok(fixtureText('an/an-error-503.html'), 'text/html'),
    ],
  ];

  it.each(garbage)('%s → failures+1, failed check event, rescheduled by retryDelay, nothing announced', async (_label, record, page) => {
    const before = makeWatch(301);
    await put(before);
    stub.overrides.set(anOpenDataUrl(idOf(301)), record);
    stub.overrides.set(anDynUrl(idOf(301)), page);
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 1, changes: [], remaining: 0 });
    // Without a source that backs off (a stub), both the record and the page are asked.
    expect(stub.requested()).toEqual([anOpenDataUrl(idOf(301)), anDynUrl(idOf(301))]);
    const after = await stored(idOf(301));
    expect(after).toMatchObject({
      state: 'overdue',
      seen: true,
      failures: 1,
      lastCheckedAt: before.lastCheckedAt,
      question: before.question,
    });
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

  it.each(['backoff', 'circuit-open'] as const)(
    '%s → blocked: not the question’s failure, no event, retried after the source’s wait, and the run stops',
    async (reason) => {
      const until = NOW + 20 * MINUTE;
      // 303 is the most overdue, so checked first; 304 and 305 are due too, 306 is not.
      await put(
        makeWatch(303, { failures: 2, nextCheckAt: NOW - 3 * MINUTE }),
        makeWatch(304, { nextCheckAt: NOW - 2 * MINUTE }),
        makeWatch(305, { failures: 1, nextCheckAt: NOW - MINUTE }),
        makeWatch(306, { nextCheckAt: NOW + MINUTE }),
      );
      stub.overrides.set(anOpenDataUrl(idOf(303)), { ok: false, reason, until });
      const summary = await poller.run();
      // Nothing checked: the two others still due wait for the next alarm.
      expect(summary).toEqual({ checked: 0, failed: 0, changes: [], remaining: 3 });
      expect(poller.progress).toEqual({ running: false, done: 0, total: 0 });
      // One call, to the fetcher that refused it; the page is not tried, the others are not asked.
      expect(stub.requested()).toEqual([anOpenDataUrl(idOf(303))]);
      const after = await stored(idOf(303));
      expect(after).toMatchObject({ failures: 2, state: 'overdue', seen: true, lastCheckedAt: NOW - 4 * 24 * HOUR });
      expect(after.nextCheckAt).toBe(until + Math.floor(0.5 * 10 * MINUTE));
      // The others as they were.
      expect(await stored(idOf(304))).toEqual(makeWatch(304, { nextCheckAt: NOW - 2 * MINUTE }));
      expect(await stored(idOf(305))).toEqual(makeWatch(305, { failures: 1, nextCheckAt: NOW - MINUTE }));
      expect(await stored(idOf(306))).toEqual(makeWatch(306, { nextCheckAt: NOW + MINUTE }));
      expect(await events()).toEqual([]);
      expect(announce).not.toHaveBeenCalled();

      // The source back: the next alarm reads the two left due, then 303 at its retry.
      stub.overrides.clear();
      stub.get.mockClear();
      clock.now = NOW + 15 * MINUTE;
      expect(await poller.run()).toEqual({ checked: 3, failed: 0, changes: [], remaining: 0 });
      expect(stub.checkedIds()).toEqual([idOf(304), idOf(305), idOf(306)]);
      stub.get.mockClear();
      clock.now = after.nextCheckAt!;
      expect(await poller.run()).toEqual({ checked: 1, failed: 0, changes: [], remaining: 0 });
      expect(stub.checkedIds()).toEqual([idOf(303)]);
      expect(await stored(idOf(303))).toMatchObject({ failures: 0, lastCheckedAt: clock.now });
    },
  );

  it('a request of this check failed, then the backoff it caused → the question’s failure; the run goes on, the next one is blocked and stops it', async () => {
    const until = NOW + MINUTE;
    await put(
      makeWatch(311, { failures: 1, nextCheckAt: NOW - 3 * MINUTE }),
      makeWatch(312, { nextCheckAt: NOW - 2 * MINUTE }),
      makeWatch(313, { nextCheckAt: NOW - MINUTE }),
    );
    // What the real fetcher does after a 503: the source backs off, for the page and the next record.
    stub.overrides.set(anOpenDataUrl(idOf(311)), http(503));
    stub.overrides.set(anDynUrl(idOf(311)), { ok: false, reason: 'backoff', until });
    stub.overrides.set(anOpenDataUrl(idOf(312)), { ok: false, reason: 'backoff', until });
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 1, changes: [], remaining: 2 });
    expect(stub.requested()).toEqual([anOpenDataUrl(idOf(311)), anDynUrl(idOf(311)), anOpenDataUrl(idOf(312))]);
    // 311: its second failure, backed off by the schedule's retry delay (2 h), not the source's minute.
    const failed = await stored(idOf(311));
    expect(failed).toMatchObject({ failures: 2, state: 'overdue', seen: true, lastCheckedAt: NOW - 4 * 24 * HOUR });
    expect(failed.nextCheckAt).toBe(NOW + retryDelay(2));
    // 312: blocked, as it was but for its retry; 313: untouched.
    expect(await stored(idOf(312))).toEqual(makeWatch(312, { nextCheckAt: until + 5 * MINUTE }));
    expect(await stored(idOf(313))).toEqual(makeWatch(313, { nextCheckAt: NOW - MINUTE }));
    expect((await events()).map(({ seq: _seq, ...e }) => e)).toEqual([
      { at: NOW, type: 'check', questionId: idOf(311), source: 'an-page', ok: false, detail: 'HTTP 503 → backoff' },
    ]);
    expect(announce).not.toHaveBeenCalled();
  });
});

describe('Poller.run: « Vérifier maintenant »', () => {
  it('forced ids are checked first whatever their schedule, then the others already due; not-yet-due ones are left alone', async () => {
    await put(
      makeWatch(401, { nextCheckAt: NOW + 3 * 24 * HOUR, lastCheckedAt: NOW - 5 * MINUTE }),
      makeWatch(402, { nextCheckAt: NOW - HOUR }),
      makeWatch(403, { nextCheckAt: undefined }),
      makeWatch(404, { nextCheckAt: NOW + HOUR }),
      makeWatch(405, { nextCheckAt: undefined }),
    );
    const summary = await poller.run({ ids: [idOf(401), idOf(403)] });
    expect(summary).toEqual({ checked: 3, failed: 0, changes: [], remaining: 0 });
    // Forced first, although 402 is more overdue; then 402, due anyway.
    expect(stub.checkedIds()).toEqual([idOf(401), idOf(403), idOf(402)]);
    expect(stub.requested()).toHaveLength(3);
    for (const n of [401, 402, 403]) expect((await stored(idOf(n))).lastCheckedAt).toBe(NOW);
    // Not due, not forced: not checked, schedule kept.
    expect(await stored(idOf(404))).toEqual(makeWatch(404, { nextCheckAt: NOW + HOUR }));
    // Not forced and never scheduled: scheduled by the run, not checked.
    const unscheduled = await stored(idOf(405));
    expect(unscheduled.lastCheckedAt).toBe(NOW - 4 * 24 * HOUR);
    expect(unscheduled.nextCheckAt).toBe(nextCheckAt(scheduleInput(makeWatch(405)), NOW, 'daily', random));
  });

  it('forced ids are written due in the store before any check: a run that dies leaves them for the next alarm', async () => {
    await put(
      makeWatch(406, { nextCheckAt: NOW + 3 * 24 * HOUR }),
      makeWatch(407, { nextCheckAt: NOW - HOUR }),
      makeWatch(408, { nextCheckAt: NOW + 2 * 24 * HOUR }),
    );
    // What the store says while the first check (407, the more overdue of the forced ones) is in flight.
    let during: (number | undefined)[] = [];
    stub.overrides.set(anOpenDataUrl(idOf(407)), async () => {
      during = [(await stored(idOf(406))).nextCheckAt, (await stored(idOf(407))).nextCheckAt, (await stored(idOf(408))).nextCheckAt];
      return ok(recordJson(407, 'pending'));
    });
    await poller.run({ ids: [idOf(406), idOf(407)] });
    expect(stub.checkedIds()).toEqual([idOf(407), idOf(406)]);
    // min(existing, now): the forced one in the future is due now, the overdue one keeps its time.
    expect(during).toEqual([NOW, NOW - HOUR, NOW + 2 * 24 * HOUR]);
  });

  it('an open-data answer nested 20,000 deep is read, and the run goes on (reliability D1)', async () => {
    await put(makeWatch(411, { nextCheckAt: NOW - 2 * HOUR }), makeWatch(412, { nextCheckAt: NOW - HOUR }));
    const json = JSON.parse(recordJson(411, 'answered')) as Json;
    json.question.textesReponse.texteReponse.texte = `${'<div>'.repeat(20_000)}La ministre répond.${'</div>'.repeat(20_000)}`;
    stub.overrides.set(anOpenDataUrl(idOf(411)), ok(JSON.stringify(json)));
    const summary = await poller.run();
    expect(stub.checkedIds()).toEqual([idOf(411), idOf(412)]);
    expect(summary.checked).toBe(2);
    const deep = await stored(idOf(411));
    expect(deep.state).toBe('answered');
    expect(deep.question?.answerText).toBe('La ministre répond.');
  });

  it('a check that throws is that watch’s failure, with its backoff: the run goes on to the others', async () => {
    await put(makeWatch(409, { nextCheckAt: NOW - 2 * HOUR }), makeWatch(410, { nextCheckAt: NOW - HOUR }));
    stub.overrides.set(anOpenDataUrl(idOf(409)), async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(await poller.run()).toEqual({ checked: 2, failed: 1, changes: [], remaining: 0 });
    expect(stub.checkedIds()).toEqual([idOf(409), idOf(410)]);
    const failed = await stored(idOf(409));
    expect(failed.failures).toBe(1);
    expect(failed.nextCheckAt).toBeGreaterThan(NOW);
    // The next alarm does not ask again about the failed watch before its retry time.
    stub.get.mockClear();
    clock.now = NOW + MINUTE;
    await poller.run();
    expect(stub.checkedIds()).toEqual([]);
  });

  it('through the handler, only pollable questions are checked', async () => {
    await put(
      makeWatch(411, { nextCheckAt: NOW + 2 * 24 * HOUR }),
      makeWatch(412, { state: 'answered', question: known(412, { answeredOn: '2025-05-27' }) }),
      makeWatch(413, { state: 'closed', question: known(413, { closedOn: '2025-05-27', closedReason: 'Retrait' }) }),
      {
        ...makeWatch(414),
        id: 'AN-16-QE-414',
        question: makeQuestion({ number: 414, unreadableStatus: 'no status block' }),
        state: 'unknown',
        lastCheckedAt: NOW - HOUR,
      },
      makeWatch(415, { nextCheckAt: NOW + 6 * 24 * HOUR }),
    );
    const handlers = createHandlers({
      db: async () => db,
      fetcher: stub.fetcher,
      poller,
      now: () => clock.now,
      onWatchesChanged: vi.fn(async () => undefined),
      onErased: vi.fn(async () => undefined),
      backup: { load: async () => undefined, save: async () => undefined },
    });
    stub.fates.set(411, 'answered');
    expect(await handlers['watch.check']({ type: 'watch.check', ids: [idOf(411), idOf(412), idOf(413), 'AN-16-QE-414'] })).toEqual({
      checked: 1,
      failed: 0,
      changed: 1,
      remaining: 0,
    });
    expect(stub.checkedIds()).toEqual([idOf(411)]);
    // Without ids: every pollable watch.
    stub.get.mockClear();
    expect(await handlers['watch.check']({ type: 'watch.check' })).toEqual({ checked: 1, failed: 0, changed: 0, remaining: 0 });
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
    expect(first).toEqual({ checked: MAX_CHECKS_PER_RUN, failed: 0, changes: [], remaining: 7 });
    expect(stub.requested()).toHaveLength(MAX_CHECKS_PER_RUN);
    const mostOverdue = Array.from({ length: MAX_CHECKS_PER_RUN }, (_, k) => idOf(1000 + (((count - 1 - k) * 37) % count)));
    expect(stub.checkedIds()).toEqual(mostOverdue);
    stub.get.mockClear();
    const second = await poller.run();
    expect(second).toEqual({ checked: 7, failed: 0, changes: [], remaining: 0 });
    expect(new Set([...mostOverdue, ...stub.checkedIds()]).size).toBe(count);
  });

  it('a forced run is capped too: the rest stays due, in the store, for the next alarm', async () => {
    const count = MAX_CHECKS_PER_RUN + 3;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      await put(makeWatch(2000 + i, { nextCheckAt: NOW + HOUR }));
      ids.push(idOf(2000 + i));
    }
    const first = await poller.run({ ids });
    expect(first).toEqual({ checked: MAX_CHECKS_PER_RUN, failed: 0, changes: [], remaining: 3 });
    expect(stub.requested()).toHaveLength(MAX_CHECKS_PER_RUN);
    expect(poller.progress).toEqual({ running: false, done: MAX_CHECKS_PER_RUN, total: MAX_CHECKS_PER_RUN });
    const checked = new Set(stub.checkedIds());
    expect(checked.size).toBe(MAX_CHECKS_PER_RUN);
    const left = ids.filter((id) => !checked.has(id));
    expect(left).toHaveLength(3);
    for (const id of left) expect(await stored(id)).toMatchObject({ nextCheckAt: NOW, lastCheckedAt: NOW - 4 * 24 * HOUR });
    // The next alarm, an hour early for their old schedule, reads them.
    stub.get.mockClear();
    clock.now = NOW + 15 * MINUTE;
    expect(await poller.run()).toEqual({ checked: 3, failed: 0, changes: [], remaining: 0 });
    expect(stub.checkedIds().sort()).toEqual(left);
  });

  it('forced ids beyond the cap: forced first, the more overdue ones not forced wait too, and `remaining` counts them all', async () => {
    const count = MAX_CHECKS_PER_RUN + 2;
    const forced: string[] = [];
    for (let i = 0; i < count; i++) {
      await put(makeWatch(4000 + i, { nextCheckAt: NOW + 2 * 24 * HOUR }));
      forced.push(idOf(4000 + i));
    }
    // Due, long overdue, but not forced; and one not due at all.
    await put(
      makeWatch(3990, { nextCheckAt: NOW - 3 * HOUR }),
      makeWatch(3991, { nextCheckAt: NOW - 2 * HOUR }),
      makeWatch(3992, { nextCheckAt: NOW + HOUR }),
    );
    const first = await poller.run({ ids: forced });
    expect(first).toEqual({ checked: MAX_CHECKS_PER_RUN, failed: 0, changes: [], remaining: 4 });
    const checked = stub.checkedIds();
    expect(checked).toHaveLength(MAX_CHECKS_PER_RUN);
    expect(checked.every((id) => forced.includes(id))).toBe(true);
    const leftForced = forced.filter((id) => !checked.includes(id));
    expect(leftForced).toHaveLength(2);
    for (const id of leftForced) expect((await stored(id)).nextCheckAt).toBe(NOW);
    expect(await stored(idOf(3990))).toEqual(makeWatch(3990, { nextCheckAt: NOW - 3 * HOUR }));
    expect(await stored(idOf(3991))).toEqual(makeWatch(3991, { nextCheckAt: NOW - 2 * HOUR }));
    // The next alarm: the longest overdue first, the forced leftovers after; 3992 not yet.
    stub.get.mockClear();
    clock.now = NOW + 15 * MINUTE;
    expect(await poller.run()).toEqual({ checked: 4, failed: 0, changes: [], remaining: 0 });
    const next = stub.checkedIds();
    expect(next.slice(0, 2)).toEqual([idOf(3990), idOf(3991)]);
    expect(next.slice(2).sort()).toEqual(leftForced);
    expect((await stored(idOf(3992))).lastCheckedAt).toBe(NOW - 4 * 24 * HOUR);
  });

  it('`remaining` is what was due and not checked: the cap, then a source that asks for a pause', async () => {
    const count = MAX_CHECKS_PER_RUN + 5;
    for (let i = 0; i < count; i++) await put(makeWatch(5000 + i, { nextCheckAt: NOW - (count - i) * MINUTE }));
    await put(makeWatch(4999, { nextCheckAt: NOW + MINUTE }));
    // The 11th most overdue meets a backoff: 10 checked (one failed), 55 still due; 4999 is not due.
    stub.overrides.set(anOpenDataUrl(idOf(5003)), http(404));
    stub.overrides.set(anDynUrl(idOf(5003)), http(404));
    stub.overrides.set(anOpenDataUrl(idOf(5010)), { ok: false, reason: 'backoff', until: NOW + MINUTE });
    expect(await poller.run()).toEqual({ checked: 10, failed: 1, changes: [], remaining: count - 10 });
    expect(poller.progress).toEqual({ running: false, done: 10, total: 10 });
    expect(stub.checkedIds()).toEqual(Array.from({ length: 11 }, (_, k) => idOf(5000 + k)));
    expect((await stored(idOf(5010))).nextCheckAt).toBe(NOW + MINUTE + 5 * MINUTE);
    // The source back: the 55 left (5010 among them, its retry past) and 4999, due since.
    stub.overrides.clear();
    stub.get.mockClear();
    clock.now = NOW + 15 * MINUTE;
    expect(await poller.run()).toEqual({ checked: 56, failed: 0, changes: [], remaining: 0 });
    expect(stub.checkedIds()).toContain(idOf(5010));
    expect(stub.checkedIds()).toContain(idOf(4999));
    expect(stub.checkedIds()).not.toContain(idOf(5003));
  });

  it('two concurrent run() calls run one after the other', async () => {
    await put(makeWatch(501), makeWatch(502, { nextCheckAt: NOW + 2 * 24 * HOUR }));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
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
    const second = poller.run({ ids: [idOf(501), idOf(502)] });
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
    const failing = new Poller({
      db: async () => {
        throw new Error('db closed');
      },
      fetcher: stub.fetcher,
      now: () => clock.now,
      random,
      settings: async () => settings,
      announce,
    });
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
    await poller.schedule([id]);
    const at = (await stored(id)).nextCheckAt!;
    expect(at).toBeGreaterThanOrEqual(NOW);
    expect(at).toBeLessThan(NOW + 5 * MINUTE);
  });

  it('the first check sets the baseline without announcing, even when the status differs from the list', async () => {
    // The list showed it pending; the page says answered (the « variant markup » page is 1042).
    const answeredId = idOf(1042);
    await put(
      watchRecordSchema.parse({
        id: answeredId,
        ref: makeRef({ legislature: 17, number: 1042, publishedOn: '2024-10-22' }),
        watchedAt: NOW,
        state: 'overdue',
        failures: 0,
        seen: true,
        nextCheckAt: NOW - MINUTE,
      }),
    );
    stub.overrides.set(anDynUrl(answeredId), ok(fixtureText('an/an-dyn-qe-variant-markup.html'), 'text/html'));
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 1, failed: 0, changes: [], remaining: 0 });
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
    await poller.schedule([id]);
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

  // Regression (check.ts fromRecord): for a list-only watch whose page fails, the record of
  // ANOTHER question used to be accepted; updateWatch then threw on the id mismatch and the whole
  // run rejected — the rest of the batch never checked, and every later alarm run dying on it too.
  it('a record of another question is a failed check, and the run goes on', async () => {
    await put(listWatch(makeRef({ legislature: 17, number: 2871, publishedOn: '2025-05-20' })), makeWatch(601, { nextCheckAt: NOW }));
    await poller.schedule([id]);
    clock.now = NOW + 5 * MINUTE;
    stub.overrides.set(anDynUrl(id), http(503));
    stub.overrides.set(anOpenDataUrl(id), ok(recordJson(9999, 'answered')));
    const summary = await poller.run();
    expect(summary).toEqual({ checked: 2, failed: 1, changes: [], remaining: 0 });
    const failed = await stored(id);
    expect(failed).toMatchObject({ state: 'pending', failures: 1, ref: { number: 2871 } });
    expect(failed.question).toBeUndefined();
    expect(failed.lastCheckedAt).toBeUndefined();
    expect(failed.nextCheckAt).toBe(clock.now + retryDelay(1));
    const [event] = (await events()).filter((e) => e.questionId === id);
    expect(event).toMatchObject({ type: 'check', ok: false, source: 'an-opendata', detail: 'HTTP 503 → not a valid record' });
    expect((await stored(idOf(601))).lastCheckedAt).toBe(clock.now);
    expect(announce).not.toHaveBeenCalled();
  });
});

describe('Poller.schedule', () => {
  it.each<[CheckFrequency, string]>([
    ['weekly', '2025-06-03'],
    ['daily', '2025-06-03'],
    ['every-day', '2025-06-03'],
  ])('%s: a page watch on Tuesday 14:00 is first checked on %s', async (frequency, date) => {
    settings = { ...settings, frequency };
    await put(makeWatch(701, { lastCheckedAt: undefined, nextCheckAt: undefined }));
    await poller.schedule([idOf(701)]);
    const at = (await stored(idOf(701))).nextCheckAt!;
    expect(at).toBe(nextCheckAt(scheduleInput(makeWatch(701, { lastCheckedAt: undefined })), NOW, frequency, random));
    expect(parisMoment(at).date).toBe(date);
  });

  it('removes nextCheckAt from a record that is never to be checked', async () => {
    await put(makeWatch(702, { state: 'answered', question: known(702, { answeredOn: '2025-05-27' }), nextCheckAt: NOW }));
    await poller.schedule([idOf(702)]);
    expect((await stored(idOf(702))).nextCheckAt).toBeUndefined();
  });

  it('does nothing for an id that is not watched', async () => {
    await expect(poller.schedule([idOf(703)])).resolves.toBeUndefined();
    expect(await db.count('watches')).toBe(0);
  });
});

describe('Poller with the real PoliteFetcher (fake clock)', () => {
  /** The real fetcher on the test clock: requests take 300 ms, sleeps advance the clock. */
  function politeHarness(respond: (url: string) => Response) {
    const states = new Map<string, SourceState>();
    const requests: { url: string; at: number }[] = [];
    const fetcher = new PoliteFetcher({
      fetch: (async (input: RequestInfo | URL) => {
        requests.push({ url: String(input), at: clock.now });
        clock.now += 300;
        return respond(String(input));
      }) as typeof fetch,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
      loadState: async (source) => structuredClone(states.get(source) ?? { failures: 0 }),
      saveState: async (source, state) => {
        states.set(source, structuredClone(state));
      },
    });
    const polite = new Poller({ db: async () => db, fetcher, now: () => clock.now, random, settings: async () => settings, announce });
    return { polite, requests, states };
  }

  const json = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  const unavailable = () => new Response(fixtureText('an/an-error-503.html'), { status: 503, headers: { 'content-type': 'text/html' } });

  it('one 503 costs one request: that question fails and backs off, the next one is blocked without a request and stops the run', async () => {
    await put(
      makeWatch(911, { nextCheckAt: NOW - 3 * MINUTE }),
      makeWatch(912, { nextCheckAt: NOW - 2 * MINUTE }),
      makeWatch(913, { nextCheckAt: NOW - MINUTE }),
    );
    let first = true;
    const { polite, requests } = politeHarness((url) => {
      if (first) {
        first = false;
        return unavailable();
      }
      return json(recordJson(Number(/QE(\d+)\.json$/.exec(url)![1]), 'pending'));
    });
    const summary = await polite.run();
    // 911 checked and failed; 912 blocked, not checked; 913 never reached.
    expect(summary).toEqual({ checked: 1, failed: 1, changes: [], remaining: 2 });
    // One request in all: the page of 911 and the record of 912 met the backoff.
    expect(requests.map((r) => r.url)).toEqual([anOpenDataUrl(idOf(911))]);
    const until = NOW + 300 + 60_000;
    for (const n of [911, 912, 913]) {
      expect(await stored(idOf(n))).toMatchObject({ state: 'overdue', seen: true, lastCheckedAt: NOW - 4 * 24 * HOUR });
    }
    // 911: its own request failed: its failure, backed off by the schedule (1 h), not by the source's minute.
    expect(await stored(idOf(911))).toMatchObject({ failures: 1, nextCheckAt: NOW + 300 + retryDelay(1) });
    // 912 asked nothing: not its failure, retried 5 minutes after the source's backoff.
    expect(await stored(idOf(912))).toMatchObject({ failures: 0, nextCheckAt: until + 5 * MINUTE });
    // 913: as it was, still due.
    expect(await stored(idOf(913))).toMatchObject({ failures: 0, nextCheckAt: NOW - MINUTE });
    expect((await events()).map(({ seq: _seq, ...e }) => e)).toEqual([
      { at: NOW + 300, type: 'check', questionId: idOf(911), source: 'an-page', ok: false, detail: 'HTTP 503 → backoff' },
    ]);

    // The next alarm reads 913 and 912 (the longest overdue first); 911 waits for its retry.
    clock.now = Math.max(clock.now, NOW + 15 * MINUTE);
    expect(await polite.run()).toEqual({ checked: 2, failed: 0, changes: [], remaining: 0 });
    expect(requests.slice(1).map((r) => r.url)).toEqual([anOpenDataUrl(idOf(913)), anOpenDataUrl(idOf(912))]);
    clock.now = Math.max(clock.now, NOW + 3 * HOUR);
    expect(await polite.run()).toEqual({ checked: 1, failed: 0, changes: [], remaining: 0 });
    // Each question read once after the 503, two seconds apart, and nothing more.
    expect(requests.map((r) => r.url)).toEqual([911, 913, 912, 911].map((n) => anOpenDataUrl(idOf(n))));
    for (let i = 2; i < requests.length; i++) expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(2_000);
    for (const n of [911, 912, 913]) expect(await stored(idOf(n))).toMatchObject({ failures: 0, state: 'overdue' });
  });

  // Regression (check.ts checkQuestion): when the record request itself failed (503, 500, timeout)
  // and the page then met the source's backoff, the check used to return `retryAt`, taken as « not
  // this question's failure »: failures stayed 0 and the question was retried right after the
  // source's short backoff, every alarm — dozens of requests a day instead of 1 h, 2 h, 4 h…
  it('a record that keeps answering 503 backs off: a handful of requests a day, not one every alarm', async () => {
    // One broken record among healthy watches, one of which is due at each alarm of the day.
    await put(makeWatch(921, { nextCheckAt: NOW }));
    for (let i = 0; i < 96; i++) await put(makeWatch(3000 + i, { nextCheckAt: NOW + i * 15 * MINUTE + MINUTE }));
    const broken = anOpenDataUrl(idOf(921));
    const { polite, requests } = politeHarness((url) =>
      url === broken || url === anDynUrl(idOf(921)) ? unavailable() : json(recordJson(Number(/QE(\d+)\.json$/.exec(url)![1]), 'pending')),
    );
    for (let alarm = NOW; alarm < NOW + 24 * HOUR; alarm += 15 * MINUTE) {
      clock.now = Math.max(clock.now, alarm + 2 * MINUTE);
      await polite.run();
    }
    const toBroken = requests.filter((r) => r.url === broken).length;
    expect((await stored(idOf(921))).failures).toBeGreaterThan(0);
    // retryDelay: 1 h, 2 h, 4 h, 8 h → at most 6 requests in 24 h (with jitter).
    expect(toBroken).toBeLessThanOrEqual(6);
  });
});
