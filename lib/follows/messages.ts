/** The follows' messages (spread into lib/messages.ts): requests and replies, validated at both ends. */
import * as z from 'zod/mini';
import { anActorIdSchema, deputySlugSchema, isoDateSchema, legislatureSchema, questionNumberSchema, senatSlugSchema } from '../model';
import { timestampSchema } from '../records';
import { FOLLOW_CHAMBERS as CHAMBERS, followChamberSchema as chamberSchema } from './chambers';
import { MAX_IDENTITIES, MAX_KNOWN_NUMBERS } from './limits';
import { followSchema, MAX_MINISTRY_TITLES } from './schemas';

/** A deputy or a senator as a page identifies them (lib/follows/identity.ts keys them). */
export const deputyIdentitySchema = z.object({
  chamber: chamberSchema,
  legislature: legislatureSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  anId: z.optional(anActorIdSchema),
  slug: z.optional(deputySlugSchema),
  senatSlug: z.optional(senatSlugSchema),
  /** Numbers of their questions the page shows: they confirm the JO's name matches. */
  numbers: z.optional(z.array(questionNumberSchema).check(z.maxLength(MAX_KNOWN_NUMBERS))),
});
export type DeputyIdentity = z.infer<typeof deputyIdentitySchema>;

/** A ministry as a question card prints it, in the card's chamber (lib/follows/ministry.ts keys it). */
export const ministryTargetSchema = z.object({
  chamber: chamberSchema,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type MinistryTarget = z.infer<typeof ministryTargetSchema>;

const count = z.number().check(z.int(), z.minimum(0));
const chambers = z.array(chamberSchema).check(z.minLength(1), z.maxLength(CHAMBERS.length));
const title = z.string().check(z.minLength(1), z.maxLength(300));

/** A ministry or a subject as the user composes it, before it has an id. */
export const followDraftSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ministry'),
    titles: z.array(title).check(z.minLength(1), z.maxLength(MAX_MINISTRY_TITLES)),
    chambers,
    newQuestions: z.boolean(),
  }),
  z.object({ kind: z.literal('subject'), query: title, chambers, newQuestions: z.boolean() }),
]);
export type FollowDraft = z.infer<typeof followDraftSchema>;

/** A deputy's record as an overlay shows it: figures, their date and their source. */
export const recordViewSchema = z.object({
  legislature: legislatureSchema,
  sweptAt: timestampSchema,
  updatedAt: timestampSchema,
  source: z.string().check(z.maxLength(300)),
  pages: count,
  today: isoDateSchema,
  stats: z.object({
    asked: count,
    answered: count,
    answeredInTime: count,
    medianDelayDays: z.optional(count),
    pending: count,
    overdue: count,
  }),
});
export type RecordView = z.infer<typeof recordViewSchema>;

const deputyStateSchema = z.object({ followed: z.boolean(), record: z.optional(recordViewSchema) });
export type DeputyState = z.infer<typeof deputyStateSchema>;

/** Follows one message may restore or import. */
export const MAX_FOLLOWS_PER_MESSAGE = 1_000;

export const followRequestSchemas = {
  /** Whether these people and these ministries are followed, and the deputies' records: one round trip for a page. */
  'follow.states': z.object({
    type: z.literal('follow.states'),
    identities: z.array(deputyIdentitySchema).check(z.maxLength(MAX_IDENTITIES)),
    ministries: z.optional(z.array(ministryTargetSchema).check(z.maxLength(MAX_IDENTITIES))),
  }),
  /** « Suivre ce député », or no longer. */
  'follow.deputy': z.object({ type: z.literal('follow.deputy'), identity: deputyIdentitySchema, follow: z.boolean() }),
  /** « Suivre ce ministère » from a question card, or no longer. */
  'follow.ministry': z.object({ type: z.literal('follow.ministry'), target: ministryTargetSchema, follow: z.boolean() }),
  /** The deputy's record, read at the Assemblée if it was not read in the last day. */
  'deputy.record': z.object({ type: z.literal('deputy.record'), identity: deputyIdentitySchema }),
  'follow.save': z.object({ type: z.literal('follow.save'), draft: followDraftSchema }),
  /** A follow's options; a ministry's titles (more of its names), a ministry's or a subject's chambers. */
  'follow.options': z.object({
    type: z.literal('follow.options'),
    id: title,
    newQuestions: z.optional(z.boolean()),
    titles: z.optional(z.array(title).check(z.minLength(1), z.maxLength(MAX_MINISTRY_TITLES))),
    chambers: z.optional(chambers),
  }),
  'follow.remove': z.object({ type: z.literal('follow.remove'), id: title }),
  /** Follows back from an undo or an imported file, merged by id. */
  'follow.restore': z.object({
    type: z.literal('follow.restore'),
    follows: z.array(followSchema).check(z.maxLength(MAX_FOLLOWS_PER_MESSAGE)),
  }),
  /** How many entries of the last issues read a draft would match. */
  'follow.preview': z.object({ type: z.literal('follow.preview'), draft: followDraftSchema }),
  /** The ministries' titles the last issues print. */
  'follow.titles': z.object({ type: z.literal('follow.titles') }),
  /** The feed's entries seen: these, or all. */
  'feed.seen': z.object({ type: z.literal('feed.seen'), ids: z.optional(z.array(title).check(z.maxLength(5_000))) }),
} as const;

export const followResponseSchemas = {
  'follow.states': z.object({
    states: z.record(z.string(), deputyStateSchema),
    /** By `ministryKey`. */
    ministries: z.optional(z.record(z.string(), z.boolean())),
  }),
  'follow.ministry': z.object({ followed: z.boolean() }),
  'follow.deputy': z.object({ followed: z.boolean() }),
  'deputy.record': z.object({ record: z.optional(recordViewSchema), failed: z.optional(z.string().check(z.maxLength(200))) }),
  'follow.save': z.object({ follow: followSchema }),
  'follow.options': z.object({ saved: z.boolean() }),
  'follow.remove': z.object({ removed: z.optional(followSchema) }),
  'follow.restore': z.object({ added: count, updated: count, unchanged: count }),
  'follow.preview': z.object({ matched: count, entries: count, issues: count }),
  'follow.titles': z.object({ titles: z.array(z.string()) }),
  'feed.seen': z.object({ seen: count }),
} satisfies Record<keyof typeof followRequestSchemas, z.ZodMiniType>;

/** Those a content script may send: a page shows the follow buttons and the record. */
export const FOLLOW_CONTENT_REQUESTS = ['follow.states', 'follow.deputy', 'follow.ministry', 'deputy.record'] as const;
