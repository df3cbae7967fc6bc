/** What the store keeps, validated on every read: the watch list is the user's data. */
import * as z from 'zod/mini';
import { questionIdSchema, questionRefSchema, questionSchema } from './model';
import { QUESTION_STATES } from './status';

export const questionStateSchema = z.enum(QUESTION_STATES);

/** Milliseconds since the epoch, before the end of the century: a date out there is an edited or broken file. */
export const LATEST_TIMESTAMP = Date.UTC(2101, 0, 1);
export const timestampSchema = z.number().check(z.int(), z.minimum(0), z.maximum(LATEST_TIMESTAMP));

export const NOTE_MAX_LENGTH = 2000;

/** A watch's fields, before the checks that tie them together. */
export const watchFieldsSchema = z.object({
  id: questionIdSchema,
  /** The question as last read from a page or a source. */
  question: z.optional(questionSchema),
  /** What a list showed, when the question was watched from a list and not read in full yet. */
  ref: z.optional(questionRefSchema),
  watchedAt: timestampSchema,
  /** Status at the last reading, to tell a change when the next one differs. */
  state: questionStateSchema,
  lastCheckedAt: z.optional(timestampSchema),
  lastChangeAt: z.optional(timestampSchema),
  nextCheckAt: z.optional(timestampSchema),
  /** Consecutive failed checks. */
  failures: z.number().check(z.int(), z.minimum(0)),
  /** False from a change of status until the user has seen it. */
  seen: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX_LENGTH))),
});

export const watchRecordSchema = watchFieldsSchema.check(
  z.refine((r) => !!(r.question || r.ref), 'A watch keeps the question or the list item it came from'),
  z.refine((r) => (!r.question || r.question.id === r.id) && (!r.ref || r.ref.id === r.id), 'Snapshot ids must match the watch id'),
);
export type WatchRecord = z.infer<typeof watchRecordSchema>;

export const CACHE_KINDS = ['deputy'] as const;
export const cacheRecordSchema = z.object({
  key: z.string().check(z.minLength(1)),
  kind: z.enum(CACHE_KINDS),
  value: z.unknown(),
  fetchedAt: timestampSchema,
  expiresAt: timestampSchema,
});
export type CacheRecord = z.infer<typeof cacheRecordSchema>;

export const EVENT_TYPES = ['watch', 'unwatch', 'check', 'change', 'quarantine', 'import'] as const;
/**
 * Where a reading came from: the Assemblée's open-data record or page, the Journal officiel's weekly
 * issue (DILA), or for a Sénat question its senat.fr page or NosSénateurs' archive.
 */
export const CHECK_SOURCES = ['an-opendata', 'an-page', 'jo-index', 'senat-page', 'nossenateurs-page'] as const;
export type CheckSource = (typeof CHECK_SOURCES)[number];
export const eventRecordSchema = z.object({
  seq: z.optional(z.number()),
  at: timestampSchema,
  type: z.enum(EVENT_TYPES),
  questionId: z.optional(questionIdSchema),
  source: z.optional(z.enum(CHECK_SOURCES)),
  ok: z.optional(z.boolean()),
  from: z.optional(questionStateSchema),
  to: z.optional(questionStateSchema),
  detail: z.optional(z.string().check(z.maxLength(500))),
});
export type EventRecord = z.infer<typeof eventRecordSchema>;

export const quarantineRecordSchema = z.object({
  seq: z.optional(z.number()),
  at: timestampSchema,
  store: z.string(),
  key: z.optional(z.string()),
  value: z.unknown(),
  reason: z.string(),
});
export type QuarantineRecord = z.infer<typeof quarantineRecordSchema>;

/** The import being staged or committed: a worker stopped mid-commit finishes it at its next start. */
export const importJournalSchema = z.object({
  key: z.literal('import'),
  importId: z.string().check(z.minLength(1), z.maxLength(64)),
  phase: z.enum(['staging', 'committing']),
  startedAt: timestampSchema,
  /** Commits that failed: past a few, the import is given up rather than block every later one. */
  failedCommits: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type MetaRecord = z.infer<typeof importJournalSchema>;
