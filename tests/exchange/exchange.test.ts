/** The export file: what it keeps, what an import refuses, how an import merges. */
import { describe, expect, it } from 'vitest';
import {
  checkImportFile,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportWatches,
  planImport,
  type ExportFile,
  type ImportCheck,
} from '../../lib/exchange';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { makeQuestion, makeRecord, makeRef, NOW } from '../store/helpers';

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

function fileOf(...records: WatchRecord[]): ExportFile {
  return exportWatches(records, NOW);
}

function mapOf(...records: WatchRecord[]): Map<string, WatchRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

function refused(check: ImportCheck): string {
  expect(check.ok).toBe(false);
  return check.ok ? '' : check.error;
}

describe('exportWatches', () => {
  it('writes the format, the version and the export time', () => {
    const file = fileOf(FULL);
    expect(file.format).toBe('vigie-watchlist');
    expect(file.version).toBe(1);
    expect(EXPORT_FORMAT).toBe('vigie-watchlist');
    expect(EXPORT_VERSION).toBe(1);
    expect(file.exportedAt).toBe('2024-06-01T10:00:00.000Z');
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'version', 'watches']);
  });

  it('drops failures and nextCheckAt and nothing else', () => {
    const file = fileOf(FULL, REF_ONLY, ANSWERED);
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

  it('does not touch the records it exports', () => {
    const copy = structuredClone(FULL);
    fileOf(FULL);
    expect(FULL).toEqual(copy);
  });

  it('exports an empty list as a valid empty file', () => {
    const file = fileOf();
    expect(file.watches).toEqual([]);
    expect(checkImportFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, file });
  });
});

describe('round trip', () => {
  it('export → JSON → check → plan into an empty store gives back the records, failures reset, nothing lost', () => {
    const originals = [FULL, REF_ONLY, ANSWERED].map(({ nextCheckAt: _n, ...rest }) => rest as WatchRecord);
    const text = JSON.stringify(fileOf(...originals), null, 2);
    const check = checkImportFile(JSON.parse(text));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const plan = planImport(check.file, new Map());
    expect(plan.updated).toEqual([]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.added).toEqual(originals.map((r) => ({ ...r, failures: 0 })));
    for (const record of plan.added) expect(watchRecordSchema.safeParse(record).success).toBe(true);
    // Notes and list-only watches come back whole.
    expect(plan.added[0]!.note).toBe('Relancer le cabinet — « urgent »');
    expect(plan.added[1]).toEqual({ id: REF.id, ref: REF, watchedAt: NOW - 5 * DAY, state: 'pending', seen: true, failures: 0 });
    expect(plan.added[1]!.question).toBeUndefined();
  });

  it('imports its own export as unchanged', () => {
    const existing = mapOf(FULL, REF_ONLY, ANSWERED);
    const check = checkImportFile(JSON.parse(JSON.stringify(fileOf(FULL, REF_ONLY, ANSWERED))));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(planImport(check.file, existing)).toEqual({ added: [], updated: [], unchanged: [FULL.id, REF_ONLY.id, ANSWERED.id] });
  });
});

describe('checkImportFile', () => {
  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(fileOf(FULL, REF_ONLY)));

  it('accepts a valid file and hands it back parsed', () => {
    const check = checkImportFile(good());
    expect(check).toEqual({ ok: true, file: fileOf(FULL, REF_ONLY) });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'vigie-watchlist'],
    ['a number', 1],
    ['true', true],
    ['an array', [fileOf(FULL)]],
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
    for (const version of [2, 0, '1', undefined, 1.5]) {
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
});

describe('planImport', () => {
  /** An existing record and the same question as a file brings it, with changes. */
  const current = makeRecord({
    number: 500,
    watchedAt: NOW - 10 * DAY,
    lastCheckedAt: NOW - 5 * DAY,
    state: 'pending',
    failures: 3,
    nextCheckAt: NOW + DAY,
  });
  const plan = (existing: WatchRecord[], ...watches: WatchRecord[]) => planImport(fileOf(...watches), mapOf(...existing));

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
    expect(plan([local], newer).updated).toEqual([{ ...local, lastCheckedAt: NOW - HOUR, seen: false }]);
  });

  it('keeps a local note when the file has none', () => {
    const local: WatchRecord = { ...current, note: 'Ma note' };
    expect(plan([local], { ...current, lastCheckedAt: NOW - HOUR })).toEqual({
      added: [],
      updated: [{ ...local, lastCheckedAt: NOW - HOUR }],
      unchanged: [],
    });
  });

  it('drops the list item once a newer reading brings the full question', () => {
    const ref = makeRef({ number: 500 });
    const refOnly: WatchRecord = { id: ref.id, ref, watchedAt: NOW - 10 * DAY, state: 'pending', seen: true, failures: 1 };
    const full: WatchRecord = { ...current, lastCheckedAt: NOW - HOUR, failures: 0, nextCheckAt: undefined };
    const [merged] = plan([refOnly], full).updated;
    expect(merged).toEqual({ ...withoutBookkeeping(full), failures: 1 });
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
