/** The export file: what it keeps, what an import refuses, how an import is cut in chunks and merges. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkImportFile,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportedWatch,
  exportFileParts,
  IMPORT_CHUNK_BYTES,
  IMPORT_CHUNK_WATCHES,
  importChunks,
  MAX_EXPORTED_WATCHES,
  mergeImported,
  type ExportFile,
  type ExportedWatch,
  type ImportCheck,
  type ImportKind,
} from '../../lib/exchange';
import { LATEST_TIMESTAMP, watchRecordSchema, type WatchRecord } from '../../lib/records';
import { makeQuestion, makeRecord, makeRef, NOW, TODAY } from '../store/helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const REF = makeRef({ number: 77, title: 'Transports scolaires' });

/** Every field a record can carry, poller bookkeeping included. */
const FULL = makeRecord({
  number: 4020,
  watchedAt: NOW - 30 * DAY,
  state: 'overdue',
  seen: false,
  lastCheckedAt: NOW - 2 * HOUR,
  lastChangeAt: NOW - 3 * DAY,
  nextCheckAt: NOW + DAY,
  failures: 2,
  note: 'Relancer le cabinet — « urgent »',
});
const REF_ONLY: WatchRecord = watchRecordSchema.parse({
  id: REF.id,
  ref: REF,
  watchedAt: NOW - 5 * DAY,
  state: 'pending',
  seen: true,
  failures: 0,
  nextCheckAt: NOW + HOUR,
});
const ANSWERED = makeRecord({
  number: 4021,
  question: makeQuestion({
    number: 4021,
    answeredOn: '2024-04-02',
    answerText: 'Le Gouvernement…',
    answeringMinistry: 'Ministère de l’intérieur',
  }),
  state: 'answered',
  watchedAt: NOW - 90 * DAY,
  lastCheckedAt: NOW - DAY,
  failures: 5,
});

const withoutBookkeeping = ({ failures: _f, nextCheckAt: _n, ...rest }: WatchRecord) => rest;

async function textOf(pages: readonly (readonly WatchRecord[])[], now = NOW): Promise<string> {
  async function* source() {
    for (const page of pages) yield page;
  }
  let text = '';
  for await (const part of exportFileParts(source(), now)) text += part;
  return text;
}

/** The export file of `records`, as `exportFileParts` writes it (in pages of two) and a reader parses it. */
async function fileOf(...records: WatchRecord[]): Promise<ExportFile> {
  const pages = [];
  for (let i = 0; i < records.length; i += 2) pages.push(records.slice(i, i + 2));
  return JSON.parse(await textOf(pages)) as ExportFile;
}

interface Plan {
  added: WatchRecord[];
  updated: WatchRecord[];
  unchanged: string[];
}

/** What an import of `watches` does to a list holding `existing`, one `mergeImported` per watch, as staging does. */
function planOf(existing: readonly WatchRecord[], watches: readonly ExportedWatch[], today = TODAY): Plan {
  const list = new Map(existing.map((r) => [r.id, r]));
  const plan: Plan = { added: [], updated: [], unchanged: [] };
  for (const watch of watches) {
    const { kind, record } = mergeImported(watch, list.get(watch.id), today);
    if (kind === 'unchanged') {
      expect(record).toBe(list.get(watch.id));
      plan.unchanged.push(watch.id);
    } else plan[kind].push(record);
  }
  return plan;
}

function refused(check: ImportCheck): string {
  expect(check.ok).toBe(false);
  return check.ok ? '' : check.error;
}

describe('exportFileParts', () => {
  it('writes the format, the version and the export time', async () => {
    const file = await fileOf(FULL);
    expect(file.format).toBe('vigie-watchlist');
    expect(file.version).toBe(2);
    expect(EXPORT_FORMAT).toBe('vigie-watchlist');
    expect(EXPORT_VERSION).toBe(2);
    expect(file.exportedAt).toBe('2024-06-01T10:00:00.000Z');
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'follows', 'format', 'version', 'watches']);
  });

  it('drops failures and nextCheckAt and nothing else', async () => {
    const file = await fileOf(FULL, REF_ONLY, ANSWERED);
    expect(file.watches).toEqual([withoutBookkeeping(FULL), withoutBookkeeping(REF_ONLY), withoutBookkeeping(ANSWERED)]);
    expect(Object.keys(file.watches[0]!).sort()).toEqual([
      'id',
      'lastChangeAt',
      'lastCheckedAt',
      'note',
      'question',
      'seen',
      'state',
      'watchedAt',
    ]);
    expect(file.watches[0]).toEqual({
      id: 'AN-16-QE-4020',
      question: FULL.question,
      watchedAt: NOW - 30 * DAY,
      state: 'overdue',
      seen: false,
      lastCheckedAt: NOW - 2 * HOUR,
      lastChangeAt: NOW - 3 * DAY,
      note: 'Relancer le cabinet — « urgent »',
    });
    expect(file.watches[1]).toEqual({ id: REF.id, ref: REF, watchedAt: NOW - 5 * DAY, state: 'pending', seen: true });
  });

  it('does not touch the records it exports', async () => {
    const copy = structuredClone(FULL);
    await fileOf(FULL);
    expect(FULL).toEqual(copy);
    expect(exportedWatch(FULL)).toEqual(withoutBookkeeping(FULL));
  });

  it('exports an empty list as a valid empty file', async () => {
    const file = await fileOf();
    expect(file.watches).toEqual([]);
    expect(checkImportFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, file });
  });

  it('writes, page by page, exactly the text JSON.stringify writes of the whole', async () => {
    const records = [FULL, REF_ONLY, ANSWERED];
    const whole = JSON.stringify({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      follows: [],
      watches: records.map(exportedWatch),
    });
    expect(await textOf([records])).toBe(whole);
    expect(await textOf([[FULL], [REF_ONLY], [ANSWERED]])).toBe(whole);
    // Empty pages (a page of unreadable records only) leave no stray comma.
    expect(await textOf([[], [FULL], [], [], [REF_ONLY, ANSWERED], []])).toBe(whole);
    expect(await textOf([[], []])).toBe(
      JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(NOW).toISOString(), follows: [], watches: [] }),
    );
  });

  // Reliability D5: at 1968cb7 the whole file was one value built in the background and sent in
  // one message; here no part is larger than one page of records.
  it('never yields more than one page of records at a time', async () => {
    const pages = Array.from({ length: 20 }, (_, p) =>
      Array.from({ length: 50 }, (_, i) => makeRecord({ number: p * 50 + i + 1, note: 'n'.repeat(1000) })),
    );
    async function* source() {
      for (const page of pages) yield page;
    }
    const parts: string[] = [];
    for await (const part of exportFileParts(source(), NOW)) parts.push(part);
    const largestPage = Math.max(...pages.map((page) => JSON.stringify(page.map(exportedWatch)).length));
    expect(parts.length).toBe(22);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(largestPage + 1);
    expect((JSON.parse(parts.join('')) as ExportFile).watches).toHaveLength(1000);
  });
});

describe('round trip', () => {
  it('export → JSON → check → merge into an empty store gives back the records, failures reset, nothing lost', async () => {
    const originals = [FULL, REF_ONLY, ANSWERED].map(({ nextCheckAt: _n, ...rest }) => rest as WatchRecord);
    const text = JSON.stringify(await fileOf(...originals), null, 2);
    const check = checkImportFile(JSON.parse(text));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const plan = planOf([], check.file.watches);
    expect(plan.updated).toEqual([]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.added).toEqual(originals.map((r) => ({ ...r, failures: 0 })));
    for (const record of plan.added) expect(watchRecordSchema.safeParse(record).success).toBe(true);
    // Notes and list-only watches come back whole.
    expect(plan.added[0]!.note).toBe('Relancer le cabinet — « urgent »');
    expect(plan.added[1]).toEqual({ id: REF.id, ref: REF, watchedAt: NOW - 5 * DAY, state: 'pending', seen: true, failures: 0 });
    expect(plan.added[1]!.question).toBeUndefined();
  });

  it('imports its own export as unchanged', async () => {
    const check = checkImportFile(JSON.parse(JSON.stringify(await fileOf(FULL, REF_ONLY, ANSWERED))));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(planOf([FULL, REF_ONLY, ANSWERED], check.file.watches)).toEqual({
      added: [],
      updated: [],
      unchanged: [FULL.id, REF_ONLY.id, ANSWERED.id],
    });
  });
});

describe('checkImportFile', () => {
  let goodFile: ExportFile;
  const good = (): Record<string, unknown> => structuredClone(goodFile) as unknown as Record<string, unknown>;
  beforeAll(async () => {
    goodFile = await fileOf(FULL, REF_ONLY);
  });

  it('accepts a valid file and hands it back parsed', () => {
    const check = checkImportFile(good());
    expect(check).toEqual({ ok: true, file: goodFile });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'vigie-watchlist'],
    ['a number', 1],
    ['true', true],
    ['an array', [{ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '', watches: [] }]],
    ['an empty object', {}],
  ])('refuses %s as not-vigie', (_name, raw) => {
    expect(checkImportFile(raw)).toEqual({ ok: false, error: 'not-vigie' });
  });

  it('refuses another format as not-vigie, even with the right version and watches', () => {
    expect(checkImportFile({ ...good(), format: 'vigie-settings' })).toEqual({ ok: false, error: 'not-vigie' });
    expect(checkImportFile({ ...good(), format: 'VIGIE-WATCHLIST' })).toEqual({ ok: false, error: 'not-vigie' });
    const { format: _format, ...noFormat } = good();
    expect(checkImportFile(noFormat)).toEqual({ ok: false, error: 'not-vigie' });
  });

  it('refuses another version as unsupported-version', () => {
    for (const version of [3, 0, '1', '2', undefined, 1.5]) {
      expect(checkImportFile({ ...good(), version })).toEqual({ ok: false, error: 'unsupported-version' });
    }
  });

  it('refuses a file listing a question twice', () => {
    const file = good();
    file.watches = [...(file.watches as unknown[]), (file.watches as unknown[])[0]];
    const error = refused(checkImportFile(file));
    expect(error).toMatch(/^invalid: /);
    expect(error).toContain('lists a question twice');
  });

  it('refuses a question that breaks the question schema, naming where', () => {
    const file = good();
    const watches = file.watches as Record<string, Record<string, unknown>>[];
    watches[0]!.question!.number = -1;
    expect(refused(checkImportFile(file))).toMatch(/^invalid: watches\.0\.question\.number\b/);
  });

  it('refuses a watch whose question belongs to another id', () => {
    const file = good();
    const watches = file.watches as Record<string, unknown>[];
    watches[0]!.question = makeQuestion({ number: 9999 });
    expect(checkImportFile(file)).toEqual({ ok: false, error: 'invalid: AN-16-QE-4020' });
  });

  it('refuses a watch with neither question nor list item', () => {
    const file = good();
    const watches = file.watches as Record<string, unknown>[];
    delete watches[1]!.ref;
    expect(checkImportFile(file)).toEqual({ ok: false, error: `invalid: ${REF.id}` });
  });

  it('refuses bad bookkeeping, a bad id, a note too long, and a missing list', () => {
    const cases: [string, (file: Record<string, unknown>) => void, RegExp][] = [
      [
        'bad seen',
        (f) => {
          (f.watches as Record<string, unknown>[])[0]!.seen = 'yes';
        },
        /^invalid: watches\.0\.seen\b/,
      ],
      [
        'bad state',
        (f) => {
          (f.watches as Record<string, unknown>[])[0]!.state = 'lost';
        },
        /^invalid: watches\.0\.state\b/,
      ],
      [
        'negative date',
        (f) => {
          (f.watches as Record<string, unknown>[])[0]!.watchedAt = -5;
        },
        /^invalid: watches\.0\.watchedAt\b/,
      ],
      [
        'bad id',
        (f) => {
          (f.watches as Record<string, unknown>[])[0]!.id = 'AN-16-QE-04020';
        },
        /^invalid: watches\.0\.id\b/,
      ],
      [
        'note too long',
        (f) => {
          (f.watches as Record<string, unknown>[])[0]!.note = 'x'.repeat(2001);
        },
        /^invalid: watches\.0\.note\b/,
      ],
      [
        'no watches',
        (f) => {
          delete f.watches;
        },
        /^invalid: watches\b/,
      ],
      [
        'no export date',
        (f) => {
          delete f.exportedAt;
        },
        /^invalid: exportedAt\b/,
      ],
    ];
    for (const [name, spoil, expected] of cases) {
      const file = good();
      spoil(file);
      expect(refused(checkImportFile(file)), name).toMatch(expected);
    }
  });

  it('accepts a note of exactly the maximum length', () => {
    const file = good();
    (file.watches as Record<string, unknown>[])[0]!.note = 'x'.repeat(2000);
    expect(checkImportFile(file).ok).toBe(true);
  });

  // Reliability D3: at 1968cb7 a timestamp was any safe integer; a check dated 2200 or at the end
  // of time was written, then scheduling it threw and polling died for every watch.
  it.each<[string, string, number]>([
    ['a check in 2200', 'lastCheckedAt', Date.UTC(2200, 0, 1)],
    ['a check at the end of time', 'lastCheckedAt', 8.64e15],
    ['a check just past the bound', 'lastCheckedAt', LATEST_TIMESTAMP + 1],
    ['a change in 3000', 'lastChangeAt', Date.UTC(3000, 0, 1)],
    ['a watch date in 2200', 'watchedAt', Date.UTC(2200, 0, 1)],
  ])('refuses the whole file for %s', (_name, field, value) => {
    const file = good();
    (file.watches as Record<string, unknown>[])[1]![field] = value;
    expect(refused(checkImportFile(file))).toMatch(new RegExp(`^invalid: watches\\.1\\.${field}\\b`));
  });

  it('refuses a question date outside 1958–2100', () => {
    for (const publishedOn of ['2101-01-01', '1958-10-03']) {
      const file = good();
      const watches = file.watches as Record<string, Record<string, unknown>>[];
      watches[0]!.question!.publishedOn = publishedOn;
      expect(refused(checkImportFile(file)), publishedOn).toMatch(/^invalid: watches\.0\.question\.publishedOn\b/);
    }
  });

  it('accepts a check dated in 2090, within the bound: the schedule, not the file check, deals with it', () => {
    const file = good();
    (file.watches as Record<string, unknown>[])[0]!.lastCheckedAt = Date.UTC(2090, 0, 1);
    expect(checkImportFile(file).ok).toBe(true);
  });

  it('replaces the addresses a file gives with those of the question key', () => {
    const file = good();
    const watches = file.watches as Record<string, Record<string, unknown>>[];
    watches[0]!.question!.urls = { an: 'http://evil.test/x', nosdeputes: 'https://evil.test/16/question/QE/4020' };
    watches[1]!.ref!.url = 'javascript:alert(1)';
    const check = checkImportFile(file);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.file.watches[0]!.question!.urls).toEqual(FULL.question!.urls);
    expect(check.file.watches[1]!.ref!.url).toBe(REF.url);
  });

  it('allows far more watches than the store will hold (the export of any list can be read back)', () => {
    // At 1968cb7 the format stopped at 100,000 while the store took more: a list of 100,055 could
    // not be exported at all (reliability D5).
    expect(MAX_EXPORTED_WATCHES).toBeGreaterThanOrEqual(1_000_000);
  });
});

describe('importChunks', () => {
  const watches = Array.from({ length: 10 }, (_, i) => exportedWatch(makeRecord({ number: i + 1 })));
  const size = (watch: ExportedWatch) => JSON.stringify(watch).length;
  const one = size(watches[0]!);

  it('cuts in about 2 MB by default', () => {
    expect(IMPORT_CHUNK_BYTES).toBe(2 * 1024 * 1024);
    expect(importChunks(watches)).toEqual([watches]);
  });

  it('keeps every watch, in order, each chunk within the bytes asked for', () => {
    const chunks = importChunks(watches, 3 * one + 10);
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    expect(chunks.flat()).toEqual(watches);
    for (const chunk of chunks) expect(chunk.reduce((bytes, w) => bytes + size(w), 0)).toBeLessThanOrEqual(3 * one + 10);
  });

  it('puts at most IMPORT_CHUNK_WATCHES watches in a chunk, however small they are', () => {
    const ref = makeRef({ number: 1 });
    const tiny = { id: ref.id, ref, watchedAt: NOW, state: 'pending' as const, seen: true };
    const many = Array.from({ length: 2 * IMPORT_CHUNK_WATCHES + 7 }, () => tiny);
    expect(importChunks(many).map((chunk) => chunk.length)).toEqual([IMPORT_CHUNK_WATCHES, IMPORT_CHUNK_WATCHES, 7]);
  });

  it('gives a watch larger than the limit a chunk of its own, never an empty chunk', () => {
    const big = exportedWatch(makeRecord({ number: 99, note: 'x'.repeat(2000) }));
    const chunks = importChunks([watches[0]!, big, watches[1]!], one + 10);
    expect(chunks).toEqual([[watches[0]], [big], [watches[1]]]);
    expect(importChunks([])).toEqual([]);
  });
});

describe('mergeImported', () => {
  /** An existing record and the same question as a file brings it, with changes. */
  const current = makeRecord({
    number: 500,
    watchedAt: NOW - 10 * DAY,
    lastCheckedAt: NOW - 5 * DAY,
    state: 'pending',
    failures: 3,
    nextCheckAt: NOW + DAY,
  });
  const plan = (existing: WatchRecord[], ...watches: WatchRecord[]) => planOf(existing, watches.map(exportedWatch));

  it('adds a question not watched yet, with failures at 0 and no next check', () => {
    const result = plan([current], FULL);
    expect(result.added).toEqual([{ ...withoutBookkeeping(FULL), failures: 0 }]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toEqual([]);
  });

  it('reports an identical watch as unchanged, whatever the poller bookkeeping', () => {
    expect(plan([current], { ...current, failures: 0, nextCheckAt: undefined })).toEqual({
      added: [],
      updated: [],
      unchanged: [current.id],
    });
  });

  it('takes the newer reading from the file, keeping the local failures and schedule', () => {
    const newer: WatchRecord = {
      ...current,
      question: makeQuestion({ number: 500, answeredOn: '2024-05-28', answerText: 'Réponse.' }),
      state: 'answered',
      seen: false,
      lastCheckedAt: NOW - DAY,
      lastChangeAt: NOW - DAY,
      watchedAt: NOW - 8 * DAY,
      failures: 0,
    };
    const result = plan([current], newer);
    expect(result.added).toEqual([]);
    expect(result.unchanged).toEqual([]);
    expect(result.updated).toEqual([
      {
        ...newer,
        // The earliest watch date is kept, and the poller's bookkeeping stays local.
        watchedAt: NOW - 10 * DAY,
        failures: 3,
        nextCheckAt: NOW + DAY,
      },
    ]);
  });

  it('keeps the local reading when the file is older or never checked, but still keeps the earliest watch date', () => {
    const older: WatchRecord = { ...current, state: 'overdue', seen: false, lastCheckedAt: NOW - 9 * DAY, watchedAt: NOW - 40 * DAY };
    expect(plan([current], older).updated).toEqual([{ ...current, watchedAt: NOW - 40 * DAY }]);
    const { lastCheckedAt: _never, ...neverChecked } = { ...current, state: 'overdue' as const, watchedAt: NOW - 12 * DAY };
    expect(plan([current], neverChecked).updated).toEqual([{ ...current, watchedAt: NOW - 12 * DAY }]);
  });

  it('keeps the local reading when both were checked at the same time', () => {
    const same: WatchRecord = { ...current, state: 'overdue', seen: false };
    expect(plan([current], same)).toEqual({ added: [], updated: [], unchanged: [current.id] });
  });

  it('does not move the local watch date to a later one from the file', () => {
    const later: WatchRecord = { ...current, watchedAt: NOW - DAY };
    expect(plan([current], later)).toEqual({ added: [], updated: [], unchanged: [current.id] });
  });

  it('fills an empty note from the file', () => {
    expect(plan([current], { ...current, note: 'Note importée' }).updated).toEqual([{ ...current, note: 'Note importée' }]);
    const emptyNote: WatchRecord = { ...current, note: '' };
    expect(plan([emptyNote], { ...current, note: 'Note importée' }).updated).toEqual([{ ...current, note: 'Note importée' }]);
  });

  it('does not overwrite a local note, even from a newer reading', () => {
    const local: WatchRecord = { ...current, note: 'Ma note' };
    expect(plan([local], { ...current, note: 'Autre note' })).toEqual({ added: [], updated: [], unchanged: [current.id] });
    const newer: WatchRecord = { ...current, note: 'Autre note', lastCheckedAt: NOW - HOUR, seen: false };
    // A newer reading brings its state, computed afresh: the question is overdue on TODAY.
    expect(plan([local], newer).updated).toEqual([{ ...local, lastCheckedAt: NOW - HOUR, seen: false, state: 'overdue' }]);
  });

  it('keeps a local note when the file has none', () => {
    const local: WatchRecord = { ...current, note: 'Ma note' };
    expect(plan([local], { ...current, lastCheckedAt: NOW - HOUR })).toEqual({
      added: [],
      updated: [{ ...local, lastCheckedAt: NOW - HOUR, state: 'overdue' }],
      unchanged: [],
    });
  });

  it('drops the list item once a newer reading brings the full question', () => {
    const ref = makeRef({ number: 500 });
    const refOnly: WatchRecord = { id: ref.id, ref, watchedAt: NOW - 10 * DAY, state: 'pending', seen: true, failures: 1 };
    const full: WatchRecord = { ...current, lastCheckedAt: NOW - HOUR, failures: 0, nextCheckAt: undefined };
    const [merged] = plan([refOnly], full).updated;
    expect(merged).toEqual({ ...withoutBookkeeping(full), failures: 1, state: 'overdue' });
    expect(merged).not.toHaveProperty('ref');
    expect(watchRecordSchema.safeParse(merged).success).toBe(true);
  });

  it('sorts a mixed file into added, updated and unchanged, in file order', () => {
    const other = makeRecord({ number: 501, watchedAt: NOW - 3 * DAY });
    const result = plan([current, other], FULL, { ...other, watchedAt: NOW - 4 * DAY }, current, REF_ONLY);
    expect(result.added.map((r) => r.id)).toEqual([FULL.id, REF_ONLY.id]);
    expect(result.updated).toEqual([{ ...other, watchedAt: NOW - 4 * DAY }]);
    expect(result.unchanged).toEqual([current.id]);
  });

  it('does not touch the existing records', () => {
    const local: WatchRecord = structuredClone({ ...current, note: '' });
    const copy = structuredClone(local);
    plan([local], { ...current, note: 'x', lastCheckedAt: NOW, watchedAt: NOW - 30 * DAY });
    expect(local).toEqual(copy);
  });
});

describe('mergeImported: the state is recomputed, never taken from the file (reliability D9)', () => {
  /** Pending in the open data, overdue on TODAY (due 15 March 2024). */
  const pending = makeRecord({ number: 600, state: 'overdue', lastCheckedAt: NOW - 2 * DAY });

  // At 1968cb7 the file's state was written as it was: a pending question marked « answered » was
  // never polled again, while the popup computed its badge from the question and showed it pending.
  it('adds a pending question marked « answered » with the state of its question', () => {
    const lie = exportedWatch({ ...pending, state: 'answered' });
    const { kind, record } = mergeImported(lie, undefined, TODAY);
    expect(kind).toBe('added');
    expect(record.state).toBe('overdue');
    expect(watchRecordSchema.safeParse(record).success).toBe(true);
  });

  it('adds a list item marked « closed » with the state of the list item', () => {
    const { record } = mergeImported(exportedWatch({ ...REF_ONLY, state: 'closed' }), undefined, TODAY);
    expect(record.state).toBe('pending');
  });

  it('takes a newer reading from the file, but not its state', () => {
    const lie = exportedWatch({ ...pending, state: 'answered', lastCheckedAt: NOW - HOUR, seen: false });
    const { kind, record } = mergeImported(lie, pending, TODAY);
    expect(kind).toBe('updated');
    expect(record).toMatchObject({ state: 'overdue', lastCheckedAt: NOW - HOUR, seen: false });
  });

  it('computes the state for the day of the import', () => {
    const { record } = mergeImported(exportedWatch({ ...pending, state: 'overdue' }), undefined, '2024-02-01');
    expect(record.state).toBe('pending');
  });

  it('keeps the list’s own state when the file is older, whatever the file says', () => {
    const older = exportedWatch({ ...pending, state: 'answered', lastCheckedAt: NOW - 9 * DAY });
    const result: { kind: ImportKind; record: WatchRecord } = mergeImported(older, pending, TODAY);
    expect(result).toEqual({ kind: 'unchanged', record: pending });
  });
});
