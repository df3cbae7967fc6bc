/**
 * `lib/model.ts` as the content script gets it: the same checks and the same repairs, written by
 * hand, so that a page pays for neither zod nor the dozens of schemas it builds at load (messages,
 * records, files) when it reads three. The content-script build substitutes this module for
 * `lib/model.ts` (`PAGE_SUBSTITUTES`, wxt.config.ts), so site modules import `../model` as before and
 * a new site needs nothing more. The background keeps zod for what it fetches, stores and receives;
 * tests/core/page-model.test.ts holds both to the same verdicts on every fixture and on broken values.
 * Bounds, patterns and derived values are not copied: both read them from lib/model-rules.ts.
 */
import { type Deputy, type Question, type QuestionRef } from './model';
import { isIsoDate } from './dates';
import { parseQuestionId, QUESTION_CHAMBERS, QUESTION_ID, QUESTION_TYPES, questionId, type QuestionChamber } from './question-key';
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
} from './model-rules';
import { questionUrls, SENAT_REFERENCE } from './urls';

export { parseQuestionId, questionId } from './question-key';
export { WITHDRAWN_REASON } from './model-rules';

/** What a value reads as: the checked (and repaired) value, or `INVALID`. */
const INVALID = Symbol('invalid');
type Read<T> = (value: unknown) => T | typeof INVALID;

const cutShort = cut(SHORT_TEXT_MAX);
const text: Read<string> = (v) => (typeof v === 'string' && v.length >= 1 ? cutShort(v) : INVALID);
const longText: Read<string> = (v) => (typeof v === 'string' && v.length >= 1 ? v : INVALID);
const matching =
  (pattern: RegExp): Read<string> =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v : INVALID;
const isoDate: Read<string> = (v) => (isIsoDate(v) && v >= EARLIEST_DATE && v <= LATEST_DATE ? v : INVALID);
const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Read<number> =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : INVALID;
const boolean: Read<boolean> = (v) => (typeof v === 'boolean' ? v : INVALID);
const givenUrl: Read<string> = (v) => (typeof v === 'string' && v.length <= SHORT_TEXT_MAX ? v : INVALID);
const questionType: Read<string> = (v) => ((QUESTION_TYPES as readonly unknown[]).includes(v) ? (v as string) : INVALID);
const legislature = integer(1, 99);
const questionNumber = integer(1);
const anActorId = matching(AN_ACTOR_ID);
const deputySlug = matching(DEPUTY_SLUG);
const questionIdText = matching(QUESTION_ID);
const senatReference = matching(SENAT_REFERENCE);
const questionChamber: Read<string> = (v) => ((QUESTION_CHAMBERS as readonly unknown[]).includes(v) ? (v as string) : INVALID);

type Shape = Record<string, { read: Read<unknown>; optional?: boolean }>;
const required = (read: Read<unknown>) => ({ read });
const optional = (read: Read<unknown>) => ({ read, optional: true });

/** Like a zod object: known keys only, each read; a missing optional key stays missing. */
function object(shape: Shape): Read<Record<string, unknown>> {
  // Listed once, not on every read: a list page reads hundreds of items.
  const fields = Object.entries(shape);
  return (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return INVALID;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, { read, optional: isOptional }] of fields) {
      if (input[key] === undefined) {
        if (isOptional) continue;
        return INVALID;
      }
      const read_ = read(input[key]);
      if (read_ === INVALID) return INVALID;
      out[key] = read_;
    }
    return out;
  };
}

const groupShape = object({ acronym: optional(text), name: optional(text) });
const group: Read<unknown> = (v) => {
  const g = groupShape(v);
  return g !== INVALID && (g.acronym || g.name) ? g : INVALID;
};

const author = object({
  name: required(text),
  anId: optional(anActorId),
  slug: optional(deputySlug),
  senatSlug: optional(matching(SENAT_SLUG)),
  group: optional(group),
  constituency: optional(text),
});

const questionShape = object({
  id: required(questionIdText),
  chamber: required(questionChamber),
  legislature: required(legislature),
  type: required(questionType),
  number: required(questionNumber),
  author: required(author),
  ministry: optional(text),
  answeringMinistry: optional(text),
  title: optional(text),
  rubrique: optional(text),
  publishedOn: optional(isoDate),
  answeredOn: optional(isoDate),
  closedOn: optional(isoDate),
  closedReason: optional(text),
  announcedOn: optional(isoDate),
  signaledOn: optional(isoDate),
  awaitingAnswer: optional((v) => (v === true ? v : INVALID)),
  reassignedOn: optional(isoDate),
  renewedOn: optional(isoDate),
  text: optional(longText),
  answerText: optional(longText),
  textsCapped: optional((v) => (v === true ? v : INVALID)),
  unreadableStatus: optional(text),
  senatReference: optional(senatReference),
  transmittedTo: optional(text),
  recalls: optional(object({ number: required(questionNumber), senatReference: optional(senatReference) })),
  convertedTo: optional(senatReference),
  urls: required(
    object({ an: optional(givenUrl), nosdeputes: optional(givenUrl), senat: optional(givenUrl), nossenateurs: optional(givenUrl) }),
  ),
});

const refShape = object({
  id: required(questionIdText),
  legislature: required(legislature),
  type: required(questionType),
  number: required(questionNumber),
  url: required(givenUrl),
  publishedOn: optional(isoDate),
  depositedOn: optional(isoDate),
  answeredOn: optional(isoDate),
  answered: required(boolean),
  closed: required(boolean),
  closedReason: optional(text),
  pending: required(boolean),
  unreadableStatus: optional(text),
  title: optional(text),
  ministry: optional(text),
  senatReference: optional(senatReference),
});

const deputyShape = object({
  name: required(text),
  slug: optional(deputySlug),
  anId: optional(anActorId),
  group: optional(group),
  constituency: optional(text),
  mandateStart: optional(isoDate),
  mandateEnd: optional(isoDate),
  legislature: optional(legislature),
});

const keyMatches = (v: Record<string, unknown>, chamber: QuestionChamber | undefined) =>
  v.id === questionId(v.legislature as number, v.type as never, v.number as number, chamber);

/** The part of a zod schema the parsers use: `validated(schema, value)`. */
export interface PageSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

function schema<T>(read: Read<unknown>): PageSchema<T> {
  return {
    safeParse(value) {
      const data = read(value);
      return data === INVALID ? { success: false } : { success: true, data: data as T };
    },
  };
}

export const questionSchema = schema<Question>((v) => {
  const q = questionShape(v);
  if (q === INVALID || !keyMatches(q, q.chamber as QuestionChamber)) return INVALID;
  if (q.senatReference !== undefined && !referenceMatches(q)) return INVALID;
  const key = parseQuestionId(q.id as string);
  const capped = capTexts(q);
  const options = { reference: q.senatReference as string | undefined, publishedOn: q.publishedOn as string | undefined };
  return key ? { ...capped, urls: questionUrls(key, options) } : capped;
});

export const questionRefSchema = schema<QuestionRef>((v) => {
  const r = refShape(v);
  if (r === INVALID) return INVALID;
  const key = parseQuestionId(r.id as string);
  if (key?.legislature !== r.legislature || !keyMatches(r, key?.chamber)) return INVALID;
  if ([r.answered, r.closed, r.pending].filter(Boolean).length > 1) return INVALID;
  if (r.senatReference !== undefined && !referenceMatches({ ...r, chamber: key?.chamber })) return INVALID;
  const url = refUrl(r as { id: string; publishedOn?: string; senatReference?: string });
  return url === undefined ? INVALID : { ...r, url };
});

export const deputySchema = schema<Deputy>(deputyShape);

/** As lib/model.ts's, without its `dropUndefined` pass: the readers above leave undefined members out themselves. */
export function validated<T>(checker: PageSchema<T>, value: object): T | undefined {
  const result = checker.safeParse(value);
  return result.success ? result.data : undefined;
}
