import * as z from 'zod/mini';
import { isIsoDate } from './dates';
import { dropUndefined } from './objects';
import { parseQuestionId, QUESTION_ID, QUESTION_TYPES, type QuestionKey, questionId } from './question-key';
import { anDynUrl, questionUrls } from './urls';

export { parseQuestionId, QUESTION_TYPES, questionId, type QuestionId, type QuestionKey, type QuestionType } from './question-key';

// Every schema validates a handful of values once: compiling validators with `new Function`
// would cost more than it saves, and extension pages and content scripts forbid eval anyway.
z.config({ jitless: true });

/** Every date Vigie handles falls in the Fifth Republic, and before the end of the century. */
export const EARLIEST_DATE = '1958-10-04';
export const LATEST_DATE = '2100-12-31';
export const isoDateSchema = z
  .string()
  .check(
    z.refine(
      (value) => isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE,
      'Expected a calendar date YYYY-MM-DD between 1958 and 2100',
    ),
  );

/** A length past which a page's or a file's words are cut rather than kept whole. */
const SHORT_TEXT_MAX = 2_000;
/** A question's text and its answer are kept this long at most; the rest stays on the Assemblée's page. */
export const STORED_TEXT_MAX = 20_000;

const cut = (max: number) => (value: string) => (value.length > max ? value.slice(0, max) : value);
const text = z.string().check(z.minLength(1), z.overwrite(cut(SHORT_TEXT_MAX)));
const longText = z.string().check(z.minLength(1));

export const questionTypeSchema = z.enum(QUESTION_TYPES);
export const questionIdSchema = z.string().check(z.regex(QUESTION_ID));

export const legislatureSchema = z.number().check(z.int(), z.minimum(1), z.maximum(99));
export const questionNumberSchema = z.number().check(z.int(), z.minimum(1));

/** `PA` + digits: the Assemblée's actor id, shared by its site and its open data. */
export const anActorIdSchema = z.string().check(z.regex(/^PA\d+$/));
export const deputySlugSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

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
  group: z.optional(groupSchema),
  constituency: z.optional(text),
});

/** Any address given is replaced by the one derived from the key (below): it is only checked for size. */
const givenUrl = z.string().check(z.maxLength(SHORT_TEXT_MAX));

export const questionSchema = z
  .object({
    id: questionIdSchema,
    chamber: z.literal('AN'),
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
    urls: z.object({
      an: givenUrl,
      nosdeputes: z.optional(givenUrl),
    }),
  })
  .check(
    z.refine((q) => q.id === questionId(q.legislature, q.type, q.number), 'id must match legislature, type and number'),
    z.overwrite(capTexts),
    // Addresses come from the key, whatever a page's links or an imported file said.
    z.overwrite((q) => withKey(q.id, (key) => ({ ...q, urls: questionUrls(key) })) ?? q),
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
    /** Only where the list says so in words (« Sans réponse », « Question sans réponse »). */
    pending: z.boolean(),
    /** The list shows the item but no status words we can read. */
    unreadableStatus: z.optional(text),
    title: z.optional(text),
    /** Ministère interrogé, where the list names it. */
    ministry: z.optional(text),
  })
  .check(
    z.refine((r) => r.id === questionId(r.legislature, r.type, r.number), 'id must match legislature, type and number'),
    z.refine((r) => [r.answered, r.closed, r.pending].filter(Boolean).length <= 1, 'answered, closed and pending exclude each other'),
    z.overwrite((r) => withKey(r.id, (key) => ({ ...r, url: anDynUrl(key) })) ?? r),
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

/** Zod runs every check, even after one failed: an address is derived only from a well-formed key. */
function withKey<T>(id: string, build: (key: QuestionKey) => T): T | undefined {
  const key = parseQuestionId(id);
  return key ? build(key) : undefined;
}

/** A question whose text or answer is longer than Vigie keeps, cut to `STORED_TEXT_MAX` and marked. */
function capTexts<Q extends { text?: string; answerText?: string; textsCapped?: true }>(question: Q): Q {
  const long = (value: string | undefined) => (value?.length ?? 0) > STORED_TEXT_MAX;
  if (!long(question.text) && !long(question.answerText)) return question;
  return {
    ...question,
    ...(question.text !== undefined ? { text: cut(STORED_TEXT_MAX)(question.text) } : {}),
    ...(question.answerText !== undefined ? { answerText: cut(STORED_TEXT_MAX)(question.answerText) } : {}),
    textsCapped: true,
  };
}

/**
 * The reason a site gives when it says only « Retirée »: what the closure label leaves unsaid
 * rather than words to repeat.
 */
export const WITHDRAWN_REASON = 'Retirée';

/** `value` without its undefined members, if it passes `schema`; nothing otherwise. */
export function validated<T>(schema: z.ZodMiniType<T>, value: object): T | undefined {
  const result = schema.safeParse(dropUndefined(value));
  return result.success ? result.data : undefined;
}
