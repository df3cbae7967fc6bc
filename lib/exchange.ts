/**
 * The watch list as a file: exported to move it or keep it, imported by merging on question id.
 * An import is validated whole before anything is written: a foreign or broken file changes
 * nothing.
 */
import * as z from 'zod/mini';
import { watchFieldsSchema, watchRecordSchema, type WatchRecord } from './records';
import { sameValue } from './objects';

export const EXPORT_FORMAT = 'vigie-watchlist';
export const EXPORT_VERSION = 1;

/** A watch as exported: the user's data, without the poller's bookkeeping. */
export const exportedWatchSchema = z.omit(watchFieldsSchema, { failures: true, nextCheckAt: true });

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().check(z.maxLength(40)),
    watches: z.array(exportedWatchSchema).check(z.maxLength(100_000)),
  })
  .check(z.refine((file) => new Set(file.watches.map((w) => w.id)).size === file.watches.length, 'The file lists a question twice'));
export type ExportFile = z.infer<typeof exportFileSchema>;

export function exportWatches(records: readonly WatchRecord[], now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    watches: records.map(({ failures: _failures, nextCheckAt: _next, ...watch }) => watch),
  };
}

export type ImportCheck = { ok: true; file: ExportFile } | { ok: false; error: string };

/** Says in plain words why a file is refused. */
export function checkImportFile(raw: unknown): ImportCheck {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not-vigie' };
  }
  if ((raw as { version?: unknown }).version !== EXPORT_VERSION) return { ok: false, error: 'unsupported-version' };
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `invalid: ${[issue.path.join('.'), issue.message].filter(Boolean).join(' ')}` };
  }
  const broken = parsed.data.watches.find((w) => !watchRecordSchema.safeParse({ ...w, failures: 0 }).success);
  return broken ? { ok: false, error: `invalid: ${broken.id}` } : { ok: true, file: parsed.data };
}

export interface ImportPlan {
  added: WatchRecord[];
  updated: WatchRecord[];
  unchanged: string[];
}

function sameWatch(a: WatchRecord, b: WatchRecord): boolean {
  const strip = ({ failures: _f, nextCheckAt: _n, ...rest }: WatchRecord) => rest;
  return sameValue(strip(a), strip(b));
}

/**
 * Merges by id. For a question already watched, the more recently checked reading wins, the
 * earliest watch date is kept, and a note in the file replaces an empty one.
 */
export function planImport(file: ExportFile, existing: ReadonlyMap<string, WatchRecord>): ImportPlan {
  const plan: ImportPlan = { added: [], updated: [], unchanged: [] };
  for (const watch of file.watches) {
    const current = existing.get(watch.id);
    if (!current) {
      plan.added.push({ ...watch, failures: 0 });
      continue;
    }
    const fileIsNewer = (watch.lastCheckedAt ?? 0) > (current.lastCheckedAt ?? 0);
    const base = fileIsNewer ? { ...current, ...watch, failures: current.failures } : current;
    const merged: WatchRecord = {
      ...base,
      watchedAt: Math.min(current.watchedAt, watch.watchedAt),
      ...(current.note || watch.note ? { note: current.note || watch.note } : {}),
    };
    if (merged.question) delete merged.ref;
    if (sameWatch(merged, current)) plan.unchanged.push(watch.id);
    else plan.updated.push(merged);
  }
  return plan;
}
