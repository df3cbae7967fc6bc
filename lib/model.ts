import * as z from 'zod/mini';
import { isIsoDate } from './dates';
import { dropUndefined } from './objects';
import { parseQuestionId, QUESTION_CHAMBERS, QUESTION_ID, QUESTION_TYPES, questionId } from './question-key';
import {
  AN_ACTOR_ID,
  capTexts,
  cut,
  DEPUTY_SLUG,
  EARLIEST_DATE,
  LATEST_DATE,
  referenceMatches,
  refUrl,
  SENAT_SLUG,
  SHORT_TEXT_MAX,
  withKey,
} from './model-rules';
import { questionUrls, SENAT_REFERENCE } from './urls';

export { STORED_TEXT_MAX, WITHDRAWN_REASON } from './model-rules';

export {
  chamberOf,
  parseQuestionId,
  QUESTION_CHAMBERS,
  QUESTION_TYPES,
  questionId,
  type QuestionChamber,
  type QuestionId,
  type QuestionKey,
  type QuestionType,
} from './question-key';

// Every schema validates a handful of values once: compiling validators with `new Function`
// would cost more than it saves, and extension pages and content scripts forbid eval anyway.
z.config({ jitless: true });

export const isoDateSchema = z
  .string()
  .check(
    z.refine(
      (value) => isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE,
      'Expected a calendar date YYYY-MM-DD between 1958 and 2100',
    ),
  );

const text = z.string().check(z.minLength(1), z.overwrite(cut(SHORT_TEXT_MAX)));
const longText = z.string().check(z.minLength(1));

export const questionTypeSchema = z.enum(QUESTION_TYPES);
export const questionChamberSchema = z.enum(QUESTION_CHAMBERS);
/** `SEQ080203308`: the Sénat's reference of a question, read from its page's address or links (lib/urls.ts). */
export const senatReferenceSchema = z.string().check(z.regex(SENAT_REFERENCE));
export const questionIdSchema = z.string().check(z.regex(QUESTION_ID));

export const legislatureSchema = z.number().check(z.int(), z.minimum(1), z.maximum(99));
export const questionNumberSchema = z.number().check(z.int(), z.minimum(1));

export const anActorIdSchema = z.string().check(z.regex(AN_ACTOR_ID));
export const deputySlugSchema = z.string().check(z.regex(DEPUTY_SLUG));
export const senatSlugSchema = z.string().check(z.regex(SENAT_SLUG));

/** A parliamentary group as a page shows it: its acronym, its name, or both. */
export const groupSchema = z
  .object({
    acronym: z.optional(text),
    name: z.optional(text),
  })
  .check(z.refine((g) => !!(g.acronym || g.name), 'A group needs an acronym or a name'));
export type Group = z.infer<typeof groupSchema>;

export const authorSchema = z.object({
  name: text,
  anId: z.optional(anActorIdSchema),
  slug: z.optional(deputySlugSchema),
  /** A senator's page on senat.fr, `/senateur/{senatSlug}.html`. */
  senatSlug: z.optional(senatSlugSchema),
  group: z.optional(groupSchema),
  constituency: z.optional(text),
});

/** Any address given is replaced by the one derived from the key (below): it is only checked for size. */
const givenUrl = z.string().check(z.maxLength(SHORT_TEXT_MAX));

export const questionSchema = z
  .object({
    id: questionIdSchema,
    chamber: questionChamberSchema,
    legislature: legislatureSchema,
    type: questionTypeSchema,
    number: questionNumberSchema,
    author: authorSchema,
    /** Ministère interrogé. */
    ministry: z.optional(text),
    /** Ministère attributaire / répondant, after any changement d'attribution. */
    answeringMinistry: z.optional(text),
    title: z.optional(text),
    rubrique: z.optional(text),
    publishedOn: z.optional(isoDateSchema),
    answeredOn: z.optional(isoDateSchema),
    /** Closed without an answer (withdrawn, end of mandate…). */
    closedOn: z.optional(isoDateSchema),
    closedReason: z.optional(text),
    /**
     * NosDéputés « Réponse à venir le … »: the closing date the site has for a question it shows
     * no answer for yet (an answer to come, or a closure). Open until then, closed on it after.
     */
    announcedOn: z.optional(isoDateSchema),
    signaledOn: z.optional(isoDateSchema),
    /** The source says in words that the answer is awaited (the Sénat's « En attente de réponse du … »). */
    awaitingAnswer: z.optional(z.literal(true)),
    reassignedOn: z.optional(isoDateSchema),
    renewedOn: z.optional(isoDateSchema),
    text: z.optional(longText),
    answerText: z.optional(longText),
    /** The text or the answer was longer than Vigie keeps: the popup says so and links to the page. */
    textsCapped: z.optional(z.literal(true)),
    /**
     * Set when the source shows the question but its status cannot be read with certainty
     * (a block we do not recognise, a source that contradicts itself): the status is then
     * `unknown`, never a guess.
     */
    unreadableStatus: z.optional(text),
    /** The Sénat's reference (`SEQ080203308`), from which its page's address is derived. */
    senatReference: z.optional(senatReferenceSchema),
    /** « Transmise au … »: the ministry the Sénat passed the question to; the deadline still runs from publication. */
    transmittedTo: z.optional(text),
    /** A Sénat question de rappel: the earlier question it recalls (senat.md §3.4), never its answer. */
    recalls: z.optional(z.object({ number: questionNumberSchema, senatReference: z.optional(senatReferenceSchema) })),
    /** « Transformée en question orale »: the oral question's reference, where the page links it. */
    convertedTo: z.optional(senatReferenceSchema),
    urls: z.object({
      an: z.optional(givenUrl),
      nosdeputes: z.optional(givenUrl),
      senat: z.optional(givenUrl),
      nossenateurs: z.optional(givenUrl),
    }),
  })
  .check(
    z.refine((q) => q.id === questionId(q.legislature, q.type, q.number, q.chamber), 'id must match chamber, legislature, type and number'),
    z.refine((q) => q.senatReference === undefined || referenceMatches(q), "a Sénat reference must be the Sénat question's own"),
    z.overwrite(capTexts),
    // Addresses come from the key, whatever a page's links or an imported file said.
    z.overwrite(
      (q) => withKey(q.id, (key) => ({ ...q, urls: questionUrls(key, { reference: q.senatReference, publishedOn: q.publishedOn }) })) ?? q,
    ),
  );
export type Question = z.infer<typeof questionSchema>;

/** One question as a list shows it. */
export const questionRefSchema = z
  .object({
    id: questionIdSchema,
    legislature: legislatureSchema,
    type: questionTypeSchema,
    number: questionNumberSchema,
    url: givenUrl,
    publishedOn: z.optional(isoDateSchema),
    /** When the deputy filed it, where a list shows that instead of the JO publication date. */
    depositedOn: z.optional(isoDateSchema),
    answeredOn: z.optional(isoDateSchema),
    /** Answered, even when the list gives no date. */
    answered: z.boolean(),
    closed: z.boolean(),
    /** How the list words a closure (« Caduque »), where it does. */
    closedReason: z.optional(text),
    /** Only where the list says so in words (« Sans réponse », « Question sans réponse »). */
    pending: z.boolean(),
    /** The list shows the item but no status words we can read. */
    unreadableStatus: z.optional(text),
    title: z.optional(text),
    /** Ministère interrogé, where the list names it. */
    ministry: z.optional(text),
    /** The Sénat's reference, where the list links the Sénat's page. */
    senatReference: z.optional(senatReferenceSchema),
  })
  .check(
    z.refine((r) => parseQuestionId(r.id)?.legislature === r.legislature, 'id must match legislature, type and number'),
    z.refine(
      (r) => r.id === questionId(r.legislature, r.type, r.number, parseQuestionId(r.id)?.chamber),
      'id must match legislature, type and number',
    ),
    z.refine((r) => [r.answered, r.closed, r.pending].filter(Boolean).length <= 1, 'answered, closed and pending exclude each other'),
    z.refine(
      (r) => r.senatReference === undefined || referenceMatches({ ...r, chamber: parseQuestionId(r.id)?.chamber }),
      "a Sénat reference must be the Sénat question's own",
    ),
    z.refine((r) => refUrl(r) !== undefined, 'a Sénat list item needs an address: its reference, or a date NosSénateurs covers'),
    z.overwrite((r) => ({ ...r, url: refUrl(r) ?? r.url })),
  );
export type QuestionRef = z.infer<typeof questionRefSchema>;

export const deputySchema = z.object({
  name: text,
  slug: z.optional(deputySlugSchema),
  anId: z.optional(anActorIdSchema),
  group: z.optional(groupSchema),
  constituency: z.optional(text),
  mandateStart: z.optional(isoDateSchema),
  mandateEnd: z.optional(isoDateSchema),
  /** The legislature of the site the deputy was read from. */
  legislature: z.optional(legislatureSchema),
});
export type Deputy = z.infer<typeof deputySchema>;

/** Whatever is known of a deputy, from a page or a source: the name may be what is missing. */
export const deputyFactsSchema = z.partial(deputySchema);
export type DeputyFacts = z.infer<typeof deputyFactsSchema>;

/** `value` without its undefined members, if it passes `schema`; nothing otherwise. */
export function validated<T>(schema: z.ZodMiniType<T>, value: object): T | undefined {
  const result = schema.safeParse(dropUndefined(value));
  return result.success ? result.data : undefined;
}
