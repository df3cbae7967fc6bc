/**
 * A second copy of the watch list, outside IndexedDB: what a user would need to start again if the
 * database were lost (a full disk, a browser that dropped it). Only what the user gave — which
 * questions, since when, their notes, what Vigie last knew of each — compressed so that even a
 * very long list fits in `storage.local`. Restoring makes each question a watch again, to be read
 * afresh at its first check.
 */
import * as z from 'zod/mini';
import { type IsoDate } from './dates';
import { parseQuestionId, questionIdSchema, type QuestionRef } from './model';
import { NOTE_MAX_LENGTH, timestampSchema, type WatchRecord } from './records';
import { QUESTION_STATES, stateOfSnapshot } from './status';
import { anDynUrl } from './urls';

export const BACKUP_VERSION = 1;

const backedUpWatchSchema = z.object({
  id: questionIdSchema,
  watchedAt: timestampSchema,
  state: z.enum(QUESTION_STATES),
  title: z.optional(z.string().check(z.maxLength(300))),
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX_LENGTH))),
});

export const backupSchema = z.object({
  version: z.literal(BACKUP_VERSION),
  at: timestampSchema,
  watches: z.array(backedUpWatchSchema),
});
export type Backup = z.infer<typeof backupSchema>;

/** What the pages say of the copy: its date and its size. */
export interface BackupInfo {
  at: number;
  watches: number;
}

export function backupInfo(backup: Backup | undefined): BackupInfo | undefined {
  return backup ? { at: backup.at, watches: backup.watches.length } : undefined;
}

export function backupOf(records: readonly WatchRecord[], now: number): Backup {
  return {
    version: BACKUP_VERSION,
    at: now,
    watches: records.map((record) => {
      const title = (record.question?.title ?? record.ref?.title)?.slice(0, 300);
      return {
        id: record.id,
        watchedAt: record.watchedAt,
        state: record.state,
        ...(title ? { title } : {}),
        ...(record.note ? { note: record.note } : {}),
      };
    }),
  };
}

/** A list item standing for what Vigie knew of the question: enough to show it until its first check reads it in full. */
function refOf(watch: Backup['watches'][number]): QuestionRef | undefined {
  const key = parseQuestionId(watch.id);
  if (!key) return undefined;
  return {
    id: watch.id,
    ...key,
    url: anDynUrl(key),
    answered: watch.state === 'answered',
    closed: watch.state === 'closed',
    pending: watch.state === 'pending' || watch.state === 'overdue',
    ...(watch.state === 'unknown' ? { unreadableStatus: 'restored from a backup' } : {}),
    ...(watch.title ? { title: watch.title } : {}),
  };
}

/** The watches of a backup that the list lacks, as new records (no check yet: the poller reads them first). */
export function watchesFromBackup(backup: Backup, present: ReadonlySet<string>, today: IsoDate): WatchRecord[] {
  const restored: WatchRecord[] = [];
  for (const watch of backup.watches) {
    const ref = present.has(watch.id) ? undefined : refOf(watch);
    if (!ref) continue;
    restored.push({
      id: watch.id,
      ref,
      watchedAt: watch.watchedAt,
      state: stateOfSnapshot({ ref }, today),
      failures: 0,
      seen: true,
      ...(watch.note ? { note: watch.note } : {}),
    });
  }
  return restored;
}

/** JSON, gzip, base64: a string `storage.local` keeps, a tenth of the JSON's size for a list of ids and dates. */
export async function packBackup(backup: Backup): Promise<string> {
  const gzipped = new Blob([JSON.stringify(backup)]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(gzipped).arrayBuffer());
  const chars = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) chars[i] = String.fromCharCode(bytes[i]!);
  return btoa(chars.join(''));
}

/** The backup a packed string holds, or nothing if it does not unpack and validate whole. */
export async function unpackBackup(packed: unknown): Promise<Backup | undefined> {
  if (typeof packed !== 'string') return undefined;
  try {
    const bytes = Uint8Array.from(atob(packed), (char) => char.charCodeAt(0));
    const json = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    const parsed = backupSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
