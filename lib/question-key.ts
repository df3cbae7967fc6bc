/**
 * A question's identity: chamber, legislature, type and number, written `AN-15-QE-19189` for the
 * Assemblée and `SEN-16-QE-4208` for the Sénat, which numbers its questions per Assemblée
 * legislature too (docs/reference/senat.md §1.1). Every address Vigie stores or shows for a
 * question is derived from it (lib/urls.ts), never read from a page's or a file's links.
 */
export const QUESTION_TYPES = ['QE', 'QG', 'QOSD'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** `AN`: the Assemblée nationale; `SEN`: the Sénat. Ids written before the Sénat came are all `AN-…`. */
export const QUESTION_CHAMBERS = ['AN', 'SEN'] as const;
export type QuestionChamber = (typeof QUESTION_CHAMBERS)[number];

export const QUESTION_ID = /^(AN|SEN)-([1-9]\d?)-(QE|QG|QOSD)-([1-9]\d{0,5})$/;
export type QuestionId = string;

export interface QuestionKey {
  chamber: QuestionChamber;
  legislature: number;
  type: QuestionType;
  number: number;
}

export function questionId(legislature: number, type: QuestionType, number: number, chamber: QuestionChamber = 'AN'): QuestionId {
  return `${chamber}-${legislature}-${type}-${number}`;
}

export function parseQuestionId(id: string): QuestionKey | undefined {
  const m = QUESTION_ID.exec(id);
  if (!m) return undefined;
  return { chamber: m[1] as QuestionChamber, legislature: Number(m[2]), type: m[3] as QuestionType, number: Number(m[4]) };
}

/** The chamber of a well-formed id. */
export function chamberOf(id: QuestionId): QuestionChamber {
  return id.startsWith('SEN-') ? 'SEN' : 'AN';
}
