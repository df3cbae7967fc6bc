/**
 * What the two formats' entry readers share: raw fields checked with zod, the question header,
 * joint answers, and the verdict on one entry.
 */
import * as z from 'zod/mini';
import { parseFrenchDate, type IsoDate } from '../../dates';
import { dropUndefined } from '../../objects';
import { paragraphsOf } from './plain-text';
import { joAnswerSchema, joQuestionSchema, type JoAnswer, type JoQuestion } from './schemas';
import { type XmlElement } from './xml';

/** An entry read, possibly without some of its questions, and what was left out and why. */
export interface EntryReading<T> {
  value?: T;
  problems: string[];
}

export interface EntryReader {
  question(entry: XmlElement): EntryReading<JoQuestion>;
  answer(entry: XmlElement): EntryReading<JoAnswer>;
}

export type Checked<T> = { value: T } | { problem: string };

/** A required raw field; a problem is reported as `field: message`. */
export const requiredField = z.string({ error: (issue) => (issue.input === undefined ? 'missing' : 'not text') });

/** A positive whole number written in digits, zero-padded or not (`03308`). */
export const numberField = requiredField.check(z.regex(/^0*[1-9]\d*$/, 'not a positive number'));

function firstProblem(error: z.core.$ZodError): string {
  // A failed parse has at least one issue.
  const issue = error.issues[0]!;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function checked<T>(schema: z.ZodMiniType<T>, candidate: unknown): Checked<T> {
  const result = schema.safeParse(candidate);
  return result.success ? { value: result.data } : { problem: firstProblem(result.error) };
}

/** A question as the output schema wants it; members left undefined are dropped first. */
export function checkedQuestion(candidate: Record<string, unknown>): Checked<JoQuestion> {
  return checked(joQuestionSchema, dropUndefined(candidate));
}

/** A page that does not read is left out, not the entry: only a question's key can reject it. */
export function optionalPage(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/**
 * « 13382. — 10 mars 2026. — Mme Corinne Vignon attire… »: the JO opens each question with its
 * number and date (dila.md, REDIF `texteQuestion`). The sentence goes on with the author's name,
 * which stays; the number and date are dropped only when the number is the question's own and
 * the date reads.
 */
const HEADER = /^(\d+)\s*\.\s*[-–—]+\s*(.+?)\s*\.\s*[-–—]+\s*/;

export interface QuestionText {
  text?: string;
  /** The date the header gives, when it was read and removed. */
  headerDate?: IsoDate;
}

export function questionText(element: XmlElement | undefined, number: number): QuestionText {
  const paragraphs = paragraphsOf(element);
  const first = paragraphs[0];
  const header = first === undefined ? null : HEADER.exec(first);
  const headerDate = header && Number(header[1]) === number ? parseFrenchDate(header[2]) : undefined;
  if (!header || !headerDate) return { text: paragraphs.join('\n') || undefined };
  const rest = first!.slice(header[0].length);
  const text = (rest ? [rest, ...paragraphs.slice(1)] : paragraphs.slice(1)).join('\n');
  return { text: text || undefined, headerDate };
}

/** The text of a multi-paragraph field, or nothing. */
export function textOf(element: XmlElement | undefined): string | undefined {
  return paragraphsOf(element).join('\n') || undefined;
}

export function questionEntry(question: Checked<JoQuestion>): EntryReading<JoQuestion> {
  return 'value' in question ? { value: question.value, problems: [] } : { problems: [question.problem] };
}

/**
 * The questions above one answer, each read on its own: a joint answer still answers the
 * questions that read when one of them does not.
 */
export function jointQuestions<T>(elements: XmlElement[], read: (element: XmlElement) => Checked<T>): { read: T[]; problems: string[] } {
  const result: { read: T[]; problems: string[] } = { read: [], problems: [] };
  if (elements.length === 0) result.problems.push('no question above the answer');
  elements.forEach((element, i) => {
    const question = read(element);
    if ('value' in question) result.read.push(question.value);
    else result.problems.push(elements.length > 1 ? `question ${i + 1} of ${elements.length}: ${question.problem}` : question.problem);
  });
  return result;
}

/** An answer checked against the output schema, keeping the problems of the questions left out. */
export function answerEntry(candidate: Record<string, unknown>, problems: string[]): EntryReading<JoAnswer> {
  const answer = checked(joAnswerSchema, dropUndefined(candidate));
  return 'value' in answer ? { value: answer.value, problems } : { problems: [...problems, answer.problem] };
}
