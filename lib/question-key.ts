/**
 * A question's identity: chamber, legislature, type and number, written `AN-15-QE-19189`. Every
 * address Vigie stores or shows for a question is derived from it (lib/urls.ts), never read from a
 * page's or a file's links.
 */
export const QUESTION_TYPES = ['QE', 'QG', 'QOSD'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_ID = /^AN-([1-9]\d?)-(QE|QG|QOSD)-([1-9]\d{0,5})$/;
export type QuestionId = string;

export interface QuestionKey {
  legislature: number;
  type: QuestionType;
  number: number;
}

export function questionId(legislature: number, type: QuestionType, number: number): QuestionId {
  return `AN-${legislature}-${type}-${number}`;
}

export function parseQuestionId(id: string): QuestionKey | undefined {
  const m = QUESTION_ID.exec(id);
  if (!m) return undefined;
  return { legislature: Number(m[1]), type: m[2] as QuestionType, number: Number(m[3]) };
}
