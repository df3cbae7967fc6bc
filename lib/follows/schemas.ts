/**
 * What a follow is, what it produces and what Vigie keeps of the issues it read, checked with zod
 * wherever it crosses a boundary (the store, messages, an imported file). Follows are
 * chamber-aware: a person belongs to one chamber, a ministry or a subject is followed in the
 * chambers listed (all by default), and matching reads only those chambers' issues.
 */
import * as z from 'zod/mini';
import { anActorIdSchema, deputySlugSchema, isoDateSchema, legislatureSchema, questionNumberSchema, senatSlugSchema } from '../model';
import { timestampSchema } from '../records';
import {
  FOLLOW_CHAMBERS as CHAMBERS,
  followChamberSchema as chamberSchema,
  followQuestionKeySchema as joQuestionKeySchema,
  type FollowChamber,
} from './chambers';
import { MAX_KNOWN_NUMBERS } from './limits';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** The titles one ministry follow keeps: a portfolio under its successive governments' names. */
export const MAX_MINISTRY_TITLES = 20;

/** A written question of a deputy's record: enough to count, date and measure it. */
export const recordQuestionSchema = z.object({
  number: questionNumberSchema,
  publishedOn: z.optional(isoDateSchema),
  answeredOn: z.optional(isoDateSchema),
  /** Closed without an answer (withdrawn, lapsed). */
  closed: z.optional(z.literal(true)),
});
export type RecordQuestion = z.infer<typeof recordQuestionSchema>;

/**
 * A deputy's written questions in a legislature, read once from the Assemblée's list of their
 * questions (`sweptAt`, `source`), then kept current from the weekly index (`updatedAt`).
 */
export const deputyRecordSchema = z.object({
  sweptAt: timestampSchema,
  source: text(300),
  /** Pages read by the sweep. */
  pages: z.number().check(z.int(), z.minimum(1)),
  updatedAt: timestampSchema,
  questions: z.array(recordQuestionSchema).check(z.maxLength(MAX_KNOWN_NUMBERS)),
});
export type DeputyRecord = z.infer<typeof deputyRecordSchema>;

const followBase = {
  id: text(300),
  createdAt: timestampSchema,
  /** New questions become events too; answers always do. */
  newQuestions: z.boolean(),
  lastEventAt: z.optional(timestampSchema),
};

export const deputyFollowSchema = z.object({
  ...followBase,
  kind: z.literal('deputy'),
  chamber: chamberSchema,
  legislature: legislatureSchema,
  /** As a page printed it, civility included when it had one. */
  name: text(200),
  anId: z.optional(anActorIdSchema),
  /** NosDéputés' or NosSénateurs' slug. */
  slug: z.optional(deputySlugSchema),
  /** A senator's slug on senat.fr: it tells homonyms apart. */
  senatSlug: z.optional(senatSlugSchema),
  /** Numbers of this legislature's questions known to be theirs (pages, the sweep): they confirm a match. */
  numbers: z.array(questionNumberSchema).check(z.maxLength(MAX_KNOWN_NUMBERS)),
  record: z.optional(deputyRecordSchema),
});
export type DeputyFollow = z.infer<typeof deputyFollowSchema>;

const chambersSchema = z.array(chamberSchema).check(
  z.minLength(1),
  z.maxLength(CHAMBERS.length),
  z.refine((list) => new Set(list).size === list.length, 'A chamber is listed twice'),
);

export const ministryFollowSchema = z.object({
  ...followBase,
  kind: z.literal('ministry'),
  /** The JO's titles of the ministry, as printed: they change with each government. */
  titles: z.array(text(300)).check(z.minLength(1), z.maxLength(MAX_MINISTRY_TITLES)),
  chambers: chambersSchema,
});

export const subjectFollowSchema = z.object({
  ...followBase,
  kind: z.literal('subject'),
  /** Words and "quoted phrases", as typed. */
  query: text(300),
  chambers: chambersSchema,
});

export const followSchema = z.discriminatedUnion('kind', [deputyFollowSchema, ministryFollowSchema, subjectFollowSchema]);
export type Follow = z.infer<typeof followSchema>;

/** The chambers whose JO issues a follow is matched against: a person's own, or those listed. */
export function chambersOf(follow: Follow): readonly FollowChamber[] {
  return follow.kind === 'deputy' ? [follow.chamber] : follow.chambers;
}

export const FEED_KINDS = ['question', 'answer'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * How sure the match with a deputy is: `confirmed` by a question number known to be theirs;
 * `name`, the JO's name string only; `ambiguous`, a name two followed deputies share — shown for
 * each, never merged.
 */
export const DEPUTY_MATCHES = ['confirmed', 'name', 'ambiguous'] as const;
export type DeputyMatch = (typeof DEPUTY_MATCHES)[number];

/** One event of a follow: a question first published, or an answer, in one JO issue. */
export const feedEntrySchema = z.object({
  /** `{followId}|{kind}|{chamber}-{legislature}-{type}-{number}`: an event is recorded once. */
  id: text(400),
  followId: text(300),
  at: timestampSchema,
  kind: z.enum(FEED_KINDS),
  key: joQuestionKeySchema,
  /** The issue it came from (`{chamber}/{file name}`). */
  issue: text(300),
  /** The question's JO date, or the answer's. */
  on: z.optional(isoDateSchema),
  author: z.optional(text(200)),
  ministry: z.optional(text(300)),
  subject: z.optional(text(500)),
  match: z.optional(z.enum(DEPUTY_MATCHES)),
  /** Present (1) until the user has seen it: a sparse index counts them without reading the feed. */
  unseen: z.optional(z.literal(1)),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;

/** A text kept of an issue's entry for previews: enough words to match, not the whole answer. */
export const DIGEST_TEXT_MAX = 3_000;
/** Issues kept per chamber for previews and for the ministries' titles offered. */
export const DIGEST_ISSUES = 4;

export const digestEntrySchema = z.object({
  kind: z.enum(FEED_KINDS),
  key: joQuestionKeySchema,
  on: z.optional(isoDateSchema),
  author: z.optional(text(200)),
  ministry: z.optional(text(300)),
  subject: z.optional(text(500)),
  text: z.optional(text(DIGEST_TEXT_MAX)),
  answer: z.optional(text(DIGEST_TEXT_MAX)),
});
export type DigestEntry = z.infer<typeof digestEntrySchema>;

/** What Vigie keeps of a read issue, bounded: the last `DIGEST_ISSUES` issues of each chamber. */
export const issueDigestSchema = z.object({
  key: text(300),
  chamber: chamberSchema,
  order: z.string().check(z.maxLength(220)),
  publishedOn: z.optional(isoDateSchema),
  entries: z.array(digestEntrySchema),
});
export type IssueDigest = z.infer<typeof issueDigestSchema>;
