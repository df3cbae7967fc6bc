/**
 * The watch list as a file: exported to move it or keep it, imported by merging on question id.
 * Both go in parts, so that no message and no transaction carries more than a few megabytes
 * whatever the size of the list: the export is written page by page, the import sent in chunks and
 * staged by the background, then committed whole (lib/background/store/imports.ts). A file is
 * validated whole before anything is staged: a foreign or broken file changes nothing.
 */
import * as z from 'zod/mini';
import { type IsoDate } from './dates';
import { questionIdSchema } from './model';
import { sameValue } from './objects';
import { watchFieldsSchema, watchRecordSchema, type WatchRecord } from './records';
import { stateOfSnapshot } from './status';
import { followSchema, type Follow } from './follows/schemas';

export const EXPORT_FORMAT = 'vigie-watchlist';
/** 1: watches only; 2: follows too. A version-1 file still imports, as a file without follows. */
export const EXPORT_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
/** Far more follows than anyone keeps. */
export const MAX_EXPORTED_FOLLOWS = 10_000;
/** Far more watches than anyone follows; a file with more is not a Vigie export. */
export const MAX_EXPORTED_WATCHES = 1_000_000;

/** A watch as exported: the user's data, without the poller's bookkeeping. */
export const exportedWatchSchema = z.omit(watchFieldsSchema, { failures: true, nextCheckAt: true });
export type ExportedWatch = z.infer<typeof exportedWatchSchema>;

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
    exportedAt: z.string().check(z.maxLength(40)),
    follows: z.optional(z.array(followSchema).check(z.maxLength(MAX_EXPORTED_FOLLOWS))),
    watches: z.array(exportedWatchSchema).check(z.maxLength(MAX_EXPORTED_WATCHES)),
  })
  .check(z.refine((file) => new Set(file.watches.map((w) => w.id)).size === file.watches.length, 'The file lists a question twice'));
export type ExportFile = z.infer<typeof exportFileSchema>;

export function exportedWatch({ failures: _failures, nextCheckAt: _next, ...watch }: WatchRecord): ExportedWatch {
  return watch;
}

/**
 * The export file as text, written from pages of records as they are read: the same file as
 * `JSON.stringify` of the whole, without ever holding the whole as one string.
 */
export async function* exportFileParts(
  pages: AsyncIterable<readonly WatchRecord[]>,
  now: number,
  follows: readonly Follow[] = [],
): AsyncGenerator<string> {
  const head = JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    follows,
    watches: [],
  });
  yield head.slice(0, -2);
  let first = true;
  for await (const records of pages) {
    if (!records.length) continue;
    yield (first ? '' : ',') + records.map((record) => JSON.stringify(exportedWatch(record))).join(',');
    first = false;
  }
  yield ']}';
}

export type ImportCheck = { ok: true; file: ExportFile } | { ok: false; error: string };

/** Says in plain words why a file is refused. */
export function checkImportFile(raw: unknown): ImportCheck {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not-vigie' };
  }
  if (!READABLE_VERSIONS.includes((raw as { version?: unknown }).version)) return { ok: false, error: 'unsupported-version' };
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `invalid: ${[issue.path.join('.'), issue.message].filter(Boolean).join(' ')}` };
  }
  const broken = parsed.data.watches.find((w) => !watchRecordSchema.safeParse({ ...w, failures: 0 }).success);
  return broken ? { ok: false, error: `invalid: ${broken.id}` } : { ok: true, file: parsed.data };
}

/** About this many bytes of JSON per message: far below every browser's message limit. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
/** And at most this many watches per message (the `import.stage` message allows as many). */
export const IMPORT_CHUNK_WATCHES = 2_000;

/** The watches in chunks of about `IMPORT_CHUNK_BYTES` (one watch alone may be larger) and at most `IMPORT_CHUNK_WATCHES`. */
export function importChunks(watches: readonly ExportedWatch[], maxBytes = IMPORT_CHUNK_BYTES): ExportedWatch[][] {
  const chunks: ExportedWatch[][] = [];
  let chunk: ExportedWatch[] = [];
  let bytes = 0;
  for (const watch of watches) {
    const size = JSON.stringify(watch).length;
    if (chunk.length && (bytes + size > maxBytes || chunk.length === IMPORT_CHUNK_WATCHES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(watch);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

export const IMPORT_KINDS = ['added', 'updated', 'unchanged'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One watch of an import in progress, as the file gave it, and what it would do to the list as it
 * stood when staged (the preview's counts); the commit merges it again with the list as it then is.
 */
export const stagedWatchSchema = z.object({
  importId: z.string().check(z.minLength(1), z.maxLength(64)),
  id: questionIdSchema,
  kind: z.enum(IMPORT_KINDS),
  watch: exportedWatchSchema,
});
export type StagedWatch = z.infer<typeof stagedWatchSchema>;

function sameWatch(a: WatchRecord, b: WatchRecord): boolean {
  const strip = ({ failures: _f, nextCheckAt: _n, ...rest }: WatchRecord) => rest;
  return sameValue(strip(a), strip(b));
}

/**
 * One imported watch merged with the one already kept, if any. The more recently checked
 * reading wins, the earliest watch date is kept, a note in the file replaces an empty one; the
 * state is recomputed from what is kept, never taken from the file.
 */
export function mergeImported(
  watch: ExportedWatch,
  current: WatchRecord | undefined,
  today: IsoDate,
): { kind: ImportKind; record: WatchRecord } {
  if (!current) {
    const record: WatchRecord = { ...watch, failures: 0 };
    return { kind: 'added', record: { ...record, state: stateOfSnapshot(record, today) } };
  }
  const fileIsNewer = (watch.lastCheckedAt ?? 0) > (current.lastCheckedAt ?? 0);
  const base = fileIsNewer ? { ...current, ...watch, failures: current.failures } : current;
  const merged: WatchRecord = {
    ...base,
    watchedAt: Math.min(current.watchedAt, watch.watchedAt),
    ...(current.note || watch.note ? { note: current.note || watch.note } : {}),
  };
  if (merged.question) delete merged.ref;
  merged.state = fileIsNewer ? stateOfSnapshot(merged, today) : current.state;
  return sameWatch(merged, current) ? { kind: 'unchanged', record: current } : { kind: 'updated', record: merged };
}
