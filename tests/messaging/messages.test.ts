import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SCRIPT_REQUESTS,
  parseRequest,
  parseResponse,
  requestSchemas,
  route,
  type Handlers,
  type RequestType,
} from '../../lib/messages';
import { exportedWatch, IMPORT_CHUNK_WATCHES } from '../../lib/exchange';
import { makeQuestion, makeRecord, makeRef } from '../store/helpers';

const ID = 'AN-16-QE-4020';
const TYPES = Object.keys(requestSchemas) as RequestType[];

function errorOf(raw: unknown): string {
  const parsed = parseRequest(raw);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(raw)}`);
  return parsed.error;
}

describe('parseRequest', () => {
  it.each([null, undefined, 0, 42, true, 'watch.set', [], [{ type: 'watch.set' }], {}, { type: 5 }, { type: null }, { ids: [] }])(
    'rejects %j: no type',
    (raw) => {
      expect(errorOf(raw)).toBe('Invalid message: no type');
    },
  );

  it.each(['nope', 'watch', 'WATCH.SET', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'rejects the unknown type %j',
    (type) => {
      expect(errorOf({ type })).toBe(`Unknown message type: ${type}`);
    },
  );

  it('cuts a long unknown type in the error', () => {
    const error = errorOf({ type: 'x'.repeat(10_000) });
    expect(error).toBe(`Unknown message type: ${'x'.repeat(60)}`);
  });

  it.each<[string, object, RegExp]>([
    ['ids missing', { type: 'watch.states' }, /^Invalid watch\.states message: ids: /],
    ['ids not an array', { type: 'watch.states', ids: ID }, /^Invalid watch\.states message: ids: /],
    ['a bad id', { type: 'watch.states', ids: [ID, 'AN-16-QE-0'] }, /^Invalid watch\.states message: ids\.1: /],
    ['an id of the wrong type', { type: 'watch.states', ids: [4020] }, /^Invalid watch\.states message: ids\.0: /],
    [
      'too many ids',
      { type: 'watch.states', ids: Array.from({ length: 5001 }, (_, i) => `AN-16-QE-${i + 1}`) },
      /^Invalid watch\.states message: ids: /,
    ],
    ['watch.set without id', { type: 'watch.set', watched: true }, /^Invalid watch\.set message: id: /],
    ['watch.set with a bad id', { type: 'watch.set', id: 'QANR5L16QE4020', watched: true }, /^Invalid watch\.set message: id: /],
    ['watched as a string', { type: 'watch.set', id: ID, watched: 'yes' }, /^Invalid watch\.set message: watched: /],
    ['watched missing', { type: 'watch.set', id: ID }, /^Invalid watch\.set message: watched: /],
    [
      'a question that does not validate',
      { type: 'watch.set', id: ID, watched: true, question: { id: ID } },
      /^Invalid watch\.set message: question\./,
    ],
    [
      'a list item that does not validate',
      { type: 'watch.set', id: ID, watched: true, ref: { ...makeRef(), url: 'x'.repeat(2001) } },
      /^Invalid watch\.set message: ref\.url: at most 2000/,
    ],
    ['import.stage without an import id', { type: 'import.stage', watches: [] }, /^Invalid import\.stage message: importId: /],
    [
      'import.stage with a path for an id',
      { type: 'import.stage', importId: '../x', watches: [] },
      /^Invalid import\.stage message: importId: /,
    ],
    [
      'import.stage with an id too long',
      { type: 'import.stage', importId: 'x'.repeat(65), watches: [] },
      /^Invalid import\.stage message: importId: /,
    ],
    [
      'import.stage with more watches than a chunk holds',
      {
        type: 'import.stage',
        importId: 'imp',
        watches: Array.from({ length: IMPORT_CHUNK_WATCHES + 1 }, () => exportedWatch(makeRecord())),
      },
      new RegExp(`^Invalid import\\.stage message: watches: at most ${IMPORT_CHUNK_WATCHES}$`),
    ],
    // Reliability D3, in the background too: a page that skipped the file's check cannot stage it.
    [
      'import.stage with a check dated 2200',
      { type: 'import.stage', importId: 'imp', watches: [{ ...exportedWatch(makeRecord()), lastCheckedAt: Date.UTC(2200, 0, 1) }] },
      /^Invalid import\.stage message: watches\.0\.lastCheckedAt: /,
    ],
    [
      'import.stage with a check at the end of time',
      { type: 'import.stage', importId: 'imp', watches: [{ ...exportedWatch(makeRecord()), lastCheckedAt: 8.64e15 }] },
      /^Invalid import\.stage message: watches\.0\.lastCheckedAt: /,
    ],
    ['import.commit without an import id', { type: 'import.commit' }, /^Invalid import\.commit message: importId: /],
    ['import.discard with a number for an id', { type: 'import.discard', importId: 7 }, /^Invalid import\.discard message: importId: /],
    ['a bad slug', { type: 'deputy.facts', slug: 'Élise Morvan', legislature: 16 }, /^Invalid deputy\.facts message: slug: /],
    ['a bad AN id', { type: 'deputy.facts', anId: '795321' }, /^Invalid deputy\.facts message: anId: /],
    [
      'a legislature as a string',
      { type: 'deputy.facts', slug: 'elise-morvan', legislature: '16' },
      /^Invalid deputy\.facts message: legislature: /,
    ],
    ['a legislature out of range', { type: 'deputy.facts', legislature: 0 }, /^Invalid deputy\.facts message: legislature: /],
    ['a fractional legislature', { type: 'deputy.facts', legislature: 16.5 }, /^Invalid deputy\.facts message: legislature: /],
  ])('rejects %s with a clear error', (_label, raw, error) => {
    expect(errorOf(raw)).toMatch(error);
  });
  it('says why a payload is refused, not only where', () => {
    expect(errorOf({ type: 'watch.states', ids: Array.from({ length: 5001 }, (_, i) => `AN-16-QE-${i + 1}`) })).toMatch(/5000/);
    expect(errorOf({ type: 'watch.set', id: ID, watched: 'yes' })).toMatch(/boolean/);
  });

  it('reports at most five issues', () => {
    const error = errorOf({ type: 'watch.states', ids: Array.from({ length: 20 }, () => 'bad') });
    expect(error.split('; ')).toHaveLength(5);
  });

  it.each<[string, object]>([
    ['watch.states with no ids', { type: 'watch.states', ids: [] }],
    ['watch.states with 5000 ids', { type: 'watch.states', ids: Array.from({ length: 5000 }, (_, i) => `AN-16-QE-${i + 1}`) }],
    ['watch.set off', { type: 'watch.set', id: ID, watched: false }],
    ['watch.set with a question', { type: 'watch.set', id: ID, watched: true, question: makeQuestion() }],
    ['watch.set with a list item', { type: 'watch.set', id: ID, watched: true, ref: makeRef() }],
    ['deputy.facts with nothing', { type: 'deputy.facts' }],
    ['deputy.facts with everything', { type: 'deputy.facts', slug: 'elise-morvan', anId: 'PA795321', legislature: 16, questionId: ID }],
    ['import.stage with no watches', { type: 'import.stage', importId: 'undo-1717236000000', watches: [] }],
    [
      'import.stage with a full chunk',
      {
        type: 'import.stage',
        importId: '0b7c1c9e-3f4a-4e0b-9d55-2c1f0a9e8b71',
        watches: Array.from({ length: IMPORT_CHUNK_WATCHES }, () => exportedWatch(makeRecord())),
      },
    ],
    ['import.commit', { type: 'import.commit', importId: 'imp_1' }],
    ['import.discard', { type: 'import.discard', importId: 'imp-1' }],
    ['quarantine.retry', { type: 'quarantine.retry' }],
  ])('accepts %s', (_label, raw) => {
    expect(parseRequest(raw)).toEqual({ ok: true, request: raw });
  });

  it('stages a watch without the poller’s bookkeeping, whatever the page sent', () => {
    const parsed = parseRequest({ type: 'import.stage', importId: 'imp', watches: [makeRecord({ failures: 3, nextCheckAt: 1 })] });
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.request.type === 'import.stage') expect(parsed.request.watches).toEqual([exportedWatch(makeRecord())]);
  });

  it('gives a list item sent with a foreign link the address of its key (reliability D8)', () => {
    const parsed = parseRequest({
      type: 'watch.set',
      id: ID,
      watched: true,
      ref: { ...makeRef(), url: 'https://evil.test/16/question/QE/4020' },
    });
    expect(parsed.ok && parsed.request.type === 'watch.set' && parsed.request.ref?.url).toBe(makeRef().url);
  });

  it('drops members the schema does not know', () => {
    expect(parseRequest({ type: 'watch.states', ids: [ID], extra: '<script>' })).toEqual({
      ok: true,
      request: { type: 'watch.states', ids: [ID] },
    });
  });
});

const DEPUTY = { chamber: 'AN', legislature: 17, name: 'M. Fabrice Exemple', anId: 'PA795321', numbers: [4512] };
const SUBJECT_DRAFT = { kind: 'subject', query: '"maisons France services"', chambers: ['AN'], newQuestions: true };
const SUBJECT_FOLLOW = {
  id: 'subject:1x',
  kind: 'subject',
  createdAt: 1,
  newQuestions: true,
  query: '"maisons France services"',
  chambers: ['AN'],
} as const;

/** One valid request and one valid result per type, to drive route() for every type there is. */
const samples: Record<RequestType, { request: object; result: unknown }> = {
  'watch.states': { request: { type: 'watch.states', ids: [ID] }, result: { watched: { [ID]: { state: 'pending', seen: true } } } },
  'watch.set': { request: { type: 'watch.set', id: ID, watched: true }, result: { watched: true, state: 'pending' } },
  'deputy.facts': { request: { type: 'deputy.facts', slug: 'elise-morvan', legislature: 16 }, result: { facts: { name: 'Élise Morvan' } } },
  'watch.check': { request: { type: 'watch.check', ids: [ID] }, result: { checked: 1, failed: 0, changed: 0, remaining: 2 } },
  'poll.progress': { request: { type: 'poll.progress' }, result: { running: false, done: 0, total: 0 } },
  'watch.seen': { request: { type: 'watch.seen', ids: [ID] }, result: { seen: 1 } },
  'watch.note': { request: { type: 'watch.note', id: ID, note: 'à suivre' }, result: { saved: true } },
  'events.recent': { request: { type: 'events.recent', limit: 10 }, result: { events: [] } },
  'import.stage': {
    request: { type: 'import.stage', importId: 'imp-1', watches: [exportedWatch(makeRecord())] },
    result: { added: 1, updated: 0, unchanged: 0 },
  },
  'import.commit': { request: { type: 'import.commit', importId: 'imp-1' }, result: { added: 1, updated: 2, unchanged: 3 } },
  'import.discard': { request: { type: 'import.discard', importId: 'imp-1' }, result: { discarded: true } },
  'backup.restore': { request: { type: 'backup.restore' }, result: { restored: 4 } },
  'quarantine.retry': { request: { type: 'quarantine.retry' }, result: { restored: 1, remaining: 2 } },
  'data.erase': { request: { type: 'data.erase' }, result: { erased: true } },
  'follow.states': {
    request: { type: 'follow.states', identities: [DEPUTY] },
    result: { states: { 'deputy:AN:17:PA795321': { followed: true } } },
  },
  'follow.deputy': { request: { type: 'follow.deputy', identity: DEPUTY, follow: true }, result: { followed: true } },
  'follow.ministry': {
    request: { type: 'follow.ministry', target: { chamber: 'SENAT', title: "Ministère de l'intérieur" }, follow: true },
    result: { followed: true },
  },
  'deputy.record': { request: { type: 'deputy.record', identity: DEPUTY }, result: { failed: 'HTTP 503' } },
  'follow.save': { request: { type: 'follow.save', draft: SUBJECT_DRAFT }, result: { follow: SUBJECT_FOLLOW } },
  'follow.options': { request: { type: 'follow.options', id: SUBJECT_FOLLOW.id, newQuestions: false }, result: { saved: true } },
  'follow.remove': { request: { type: 'follow.remove', id: SUBJECT_FOLLOW.id }, result: { removed: SUBJECT_FOLLOW } },
  'follow.restore': { request: { type: 'follow.restore', follows: [SUBJECT_FOLLOW] }, result: { added: 1, updated: 0, unchanged: 0 } },
  'follow.preview': { request: { type: 'follow.preview', draft: SUBJECT_DRAFT }, result: { matched: 2, entries: 400, issues: 4 } },
  'follow.titles': { request: { type: 'follow.titles' }, result: { titles: ['Santé et accès aux soins'] } },
  'feed.seen': { request: { type: 'feed.seen' }, result: { seen: 3 } },
};

type Stubs = Record<RequestType, ReturnType<typeof vi.fn>>;

function stubHandlers(): Stubs & Handlers {
  return Object.fromEntries(TYPES.map((type) => [type, vi.fn(async () => samples[type]?.result)])) as never;
}

const request = (type: RequestType) => samples[type].request;
const fromPage = { fromExtensionPage: false };
const fromExtension = { fromExtensionPage: true };
const CONTENT_TYPES = TYPES.filter((t) => CONTENT_SCRIPT_REQUESTS.has(t));
const PRIVILEGED_TYPES = TYPES.filter((t) => !CONTENT_SCRIPT_REQUESTS.has(t));

describe('route', () => {
  it('has a sample for every request type', () => {
    expect(Object.keys(samples).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) expect(parseRequest(request(type)).ok, type).toBe(true);
  });

  it.each([null, 'watch.set', {}, { type: 'nope' }, { type: 'watch.set', id: 'bad', watched: true }, { type: 'watch.states', ids: 'x' }])(
    'answers %j with an error and calls no handler',
    async (raw) => {
      for (const sender of [fromPage, fromExtension]) {
        const handlers = stubHandlers();
        const envelope = await route(raw, sender, handlers);
        expect(envelope).toEqual({ ok: false, error: errorOf(raw) });
        for (const type of TYPES) expect(handlers[type]).not.toHaveBeenCalled();
      }
    },
  );

  it('opens to content scripts only what a page needs', () => {
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual([
      'deputy.facts',
      'deputy.record',
      'follow.deputy',
      'follow.ministry',
      'follow.states',
      'watch.set',
      'watch.states',
    ]);
  });

  // Reliability D5: the list travels only in chunks (import) or not at all (the pages read the store).
  it('has no message that carries the whole list', () => {
    expect(TYPES).not.toContain('watch.list');
    expect(TYPES).not.toContain('data.export');
    expect(TYPES).not.toContain('data.import');
  });

  it.each(CONTENT_TYPES)('%s works from a content script and from an extension page', async (type) => {
    for (const sender of [fromPage, fromExtension]) {
      const handlers = stubHandlers();
      expect(await route(request(type), sender, handlers)).toEqual({ ok: true, result: samples[type].result });
      expect(handlers[type]).toHaveBeenCalledOnce();
      expect(handlers[type]).toHaveBeenCalledWith(request(type));
    }
  });

  it.each(PRIVILEGED_TYPES)('%s is refused from a content script without calling its handler', async (type) => {
    const handlers = stubHandlers();
    expect(await route(request(type), fromPage, handlers)).toEqual({ ok: false, error: `Not allowed from a web page: ${type}` });
    for (const t of TYPES) expect(handlers[t]).not.toHaveBeenCalled();
    expect(await route(request(type), fromExtension, handlers)).toEqual({ ok: true, result: samples[type].result });
    expect(handlers[type]).toHaveBeenCalledOnce();
  });

  it('a malformed privileged request from a content script is refused as malformed', async () => {
    const handlers = stubHandlers();
    const envelope = await route({ type: 'watch.note', id: ID }, fromPage, handlers);
    expect(envelope).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid watch\.note message: note: /) });
  });

  it('answers the validated result, stripped of unknown members', async () => {
    const handlers = stubHandlers();
    handlers['watch.states'].mockResolvedValue({ watched: { [ID]: { state: 'answered', seen: false, extra: 1 } }, debug: 'x' });
    expect(await route(request('watch.states'), fromPage, handlers)).toEqual({
      ok: true,
      result: { watched: { [ID]: { state: 'answered', seen: false } } },
    });
  });

  it.each<[string, unknown, string]>([
    ['an Error', new Error('Invalid watch: boom'), 'Invalid watch: boom'],
    ['a string', 'plain failure', 'plain failure'],
    ['anything else', 42, '42'],
  ])('turns a handler throwing %s into an error envelope', async (_label, thrown, message) => {
    const handlers = stubHandlers();
    handlers['watch.set'].mockImplementation(async () => {
      throw thrown;
    });
    expect(await route(request('watch.set'), fromPage, handlers)).toEqual({ ok: false, error: message });
  });

  it('turns a handler throwing synchronously into an error envelope', async () => {
    const handlers = stubHandlers();
    handlers['watch.set'].mockImplementation(() => {
      throw new Error('sync');
    });
    expect(await route(request('watch.set'), fromPage, handlers)).toEqual({ ok: false, error: 'sync' });
  });

  it.each<[RequestType, unknown]>([
    ['watch.states', { watched: { 'not-an-id': { state: 'pending', seen: true } } }],
    ['watch.states', { watched: { [ID]: { state: 'lost', seen: true } } }],
    ['watch.states', undefined],
    ['watch.set', { watched: 'yes' }],
    ['watch.set', { watched: true, state: 'maybe' }],
    ['deputy.facts', { facts: { anId: '795321' } }],
    ['deputy.facts', 'facts'],
    ['watch.check', { checked: 1, failed: 0, changed: 0 }],
    ['watch.check', { checked: 1, failed: 0, changed: 0, remaining: '2' }],
    ['import.stage', { added: -1, updated: 0, unchanged: 0 }],
    ['import.stage', { added: 1, updated: 0 }],
    ['import.commit', { added: 1.5, updated: 0, unchanged: 0 }],
    ['import.discard', {}],
    ['quarantine.retry', { restored: 1 }],
    ['backup.restore', { restored: '1' }],
  ])('refuses an invalid result from %s: %j', async (type, result) => {
    const handlers = stubHandlers();
    handlers[type].mockResolvedValue(result);
    const envelope = await route(request(type), fromExtension, handlers);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error).toMatch(new RegExp(`^Invalid result for ${type.replace('.', '\\.')}`));
  });
});

describe('parseResponse', () => {
  it.each([undefined, null, 'ok', {}, { ok: 'true', result: {} }, { ok: false }, { ok: false, error: 42 }, { result: { watched: true } }])(
    'rejects the non-envelope %j',
    (raw) => {
      expect(() => parseResponse('watch.set', raw)).toThrow(new Error('Invalid reply to watch.set'));
    },
  );

  it('surfaces an error envelope as an Error with its message', () => {
    expect(() => parseResponse('watch.set', { ok: false, error: 'Not allowed from a web page: watch.set' })).toThrow(
      new Error('Not allowed from a web page: watch.set'),
    );
  });

  it.each<[RequestType, unknown]>([
    ['watch.set', undefined],
    ['watch.set', { watched: 1 }],
    ['watch.states', { watched: { [ID]: { state: 'pending' } } }],
    ['deputy.facts', { facts: { legislature: 'XVI' } }],
    ['watch.check', { checked: 1, failed: 0, changed: 0 }],
  ])('validates the %s result %j', (type, result) => {
    expect(() => parseResponse(type, { ok: true, result })).toThrow(new RegExp(`^Invalid reply to ${type.replace('.', '\\.')}: `));
  });

  it('returns a valid result, stripped of unknown members', () => {
    expect(parseResponse('watch.set', { ok: true, result: { watched: true, state: 'overdue', extra: 1 } })).toEqual({
      watched: true,
      state: 'overdue',
    });
    expect(parseResponse('watch.states', { ok: true, result: { watched: {} } })).toEqual({ watched: {} });
    expect(parseResponse('deputy.facts', { ok: true, result: {} })).toEqual({});
  });

  it('round-trips what route answers', async () => {
    const handlers = stubHandlers();
    for (const type of TYPES) {
      const envelope = await route(request(type), fromExtension, handlers);
      expect(parseResponse(type, envelope)).toEqual(samples[type].result);
    }
    handlers['watch.set'].mockRejectedValue(new Error('store unavailable'));
    const failed = await route(request('watch.set'), fromPage, handlers);
    expect(() => parseResponse('watch.set', failed)).toThrow(new Error('store unavailable'));
  });
});
