/**
 * What the weekly Journal officiel « Questions » archives tell, as Vigie keeps it
 * (docs/reference/dila.md). Every type the reader hands out is inferred from these schemas, so a
 * reading can be checked again wherever it crosses a boundary (storage, messages).
 */
import * as z from 'zod/mini';
import {
  isoDateSchema,
  legislatureSchema,
  questionId,
  questionNumberSchema,
  questionTypeSchema,
  type QuestionChamber,
  type QuestionId,
} from '../../model';

const text = z.string().check(z.minLength(1));
const positiveInt = z.number().check(z.int(), z.minimum(1));

/** The DILA publishes one folder per chamber: `…/Questions-Reponses/AN/` and `…/SENAT/`. */
export const CHAMBERS = ['AN', 'SENAT'] as const;
export const chamberSchema = z.enum(CHAMBERS);
export type Chamber = z.infer<typeof chamberSchema>;

export const issueYearSchema = z.number().check(z.int(), z.minimum(1958), z.maximum(2199));
export const joPageSchema = positiveInt;

/**
 * What identifies a question across issues: its chamber, the legislature it was filed under, its
 * type and its number. The Senate numbers its questions per Assemblée legislature too (senat.md §1.1).
 */
export const joQuestionKeySchema = z.object({
  chamber: chamberSchema,
  legislature: legislatureSchema,
  type: questionTypeSchema,
  number: questionNumberSchema,
});
export type JoQuestionKey = z.infer<typeof joQuestionKeySchema>;

/** The id the rest of Vigie uses for a question: `AN-…` or `SEN-…` (lib/question-key.ts). */
export function questionIdOf(key: JoQuestionKey): QuestionId {
  return questionId(key.legislature, key.type, key.number, key.chamber === 'SENAT' ? 'SEN' : 'AN');
}

/** The DILA folder whose issues answer a question of `chamber`. */
export function indexChamberOf(chamber: QuestionChamber): Chamber {
  return chamber === 'SEN' ? 'SENAT' : 'AN';
}

/** A question as an issue prints it: first published there (QE), or reprinted above its answer (REP). */
export const joQuestionSchema = z.object({
  key: joQuestionKeySchema,
  /** The question's own JO date; above an answer, only its header tells it. */
  publishedOn: z.optional(isoDateSchema),
  /** The question's JO page, where the issue gives it. */
  page: z.optional(joPageSchema),
  /** The ministry's title as printed in this issue: it changes with each government. */
  ministry: z.optional(text),
  /** The author as one name string (no identifier): « Mme Corinne Vignon ». */
  author: z.optional(text),
  /** The short subject (`Objet`). */
  subject: z.optional(text),
  /** Plain text, paragraphs separated by `\n`, without the « 13382. — 10 mars 2026. — » header. */
  text: z.optional(text),
});
export type JoQuestion = z.infer<typeof joQuestionSchema>;

/** One answer: a joint answer answers several questions at once. Once published, it is final. */
export const joAnswerSchema = z.object({
  questions: z.array(joQuestionSchema).check(z.minLength(1)),
  answeredOn: isoDateSchema,
  page: z.optional(joPageSchema),
  /** The answering ministry as printed above the answer. */
  ministry: z.optional(text),
  text: z.optional(text),
});
export type JoAnswer = z.infer<typeof joAnswerSchema>;

/** `REDIF` is the current rich file; `SEQ` the Senate's legacy one, whose legislatures come from the calendar. */
export const ISSUE_FORMATS = ['REDIF', 'SEQ'] as const;
export const issueFormatSchema = z.enum(ISSUE_FORMATS);
export type IssueFormat = z.infer<typeof issueFormatSchema>;

export const joIssueSchema = z.object({
  format: issueFormatSchema,
  /** The chamber whose folder the archive came from; each entry carries its own. */
  chamber: chamberSchema,
  year: z.optional(issueYearSchema),
  /** The issue's number in its year. */
  number: z.optional(positiveInt),
  publishedOn: z.optional(isoDateSchema),
  /** Questions first published in this issue (`Section part="QE"`). */
  questions: z.array(joQuestionSchema),
  /** Answers published in this issue (`Section part="REP"`). */
  answers: z.array(joAnswerSchema),
});
export type JoIssue = z.infer<typeof joIssueSchema>;

export const SECTION_PARTS = ['QE', 'REP'] as const;
export const sectionPartSchema = z.enum(SECTION_PARTS);
export type SectionPart = z.infer<typeof sectionPartSchema>;

/** An entry left out, or a question left out of a joint answer, and why. */
export const rejectionSchema = z.object({
  section: sectionPartSchema,
  /** The entry's position among its section's entries, from 0. */
  index: z.number().check(z.int(), z.minimum(0)),
  reason: text,
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** What the archive's file name and folder say, before it is opened. */
export const issueContextSchema = z.object({
  chamber: chamberSchema,
  year: z.optional(issueYearSchema),
  number: z.optional(positiveInt),
});
export type IssueContext = z.infer<typeof issueContextSchema>;

export const ISSUE_FAILURES = [
  /** Not well-formed XML: cut short, mismatched tags, not XML at all. */
  'xml-malformed',
  /** Well-formed, but without any `Section part="QE"` or `part="REP"`. */
  'no-sections',
] as const;
export const issueFailureSchema = z.enum(ISSUE_FAILURES);

export const issueReadingSchema = z.union([
  z.object({ ok: z.literal(true), issue: joIssueSchema, rejected: z.array(rejectionSchema) }),
  z.object({ ok: z.literal(false), reason: issueFailureSchema, detail: text }),
]);
export type IssueReading = z.infer<typeof issueReadingSchema>;
