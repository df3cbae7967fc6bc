/**
 * The Assemblée's own words for a question's dates and identity, shared by its current pages
 * (an-dyn) and its old ones (an-old): both print the same labels (docs/reference/an.md §2).
 */
import { DATE_IN_TEXT, parseFrenchDate } from '../dates';
import { type QuestionKey, type QuestionType } from '../model';
import { matchLine, cleanText, textOf } from '../text';

const D = DATE_IN_TEXT;
const APOS = "['\u2019]";
/**
 * Date lines as the sites label them, read only at the start of a line (or of a segment, see
 * `dateSegments`) and with the labels' capitals: a question text that mentions "la réponse publiée
 * le 12 mars 2024" to an earlier question must not make this one answered.
 */
export const AN_DATE_LINES = {
  published: new RegExp(`^Question publiée (?:au JO )?le\\s*:?\\s*${D}`),
  answered: new RegExp(`^Réponse publiée (?:au JO )?le\\s*:?\\s*${D}`),
  sitting: new RegExp(`^Date de la séance\\s*:?\\s*${D}`),
  signaled: new RegExp(`^(?:Date de signalement\\s*:?|Question signalée (?:au Gouvernement )?le\\s*:?)\\s*${D}`),
  reassigned: new RegExp(`^Date de changement d${APOS}attribution\\s*:?\\s*${D}`),
  renewed: new RegExp(`^Date de renouvellement\\s*:?\\s*${D}`),
  withdrawn: new RegExp(`^Question retirée le\\s*:?\\s*${D}(?:\\s*\\(\\s*(.+?)\\s*\\))?`),
};
/** Where a date label starts inside a line: dyn pages put several `<span>` dates on one line. */
const DATE_LABEL_START = new RegExp(
  `(?=(?:Question (?:publiée|retirée|signalée)|Réponse publiée|Date de (?:la séance|signalement|changement d${APOS}attribution|renouvellement|cl[oô]ture))\\b)`,
);
/** Lines cut again before each date label, so that every date line starts a segment. */
export function dateSegments(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(DATE_LABEL_START).map(cleanText).filter(Boolean));
}

export function questionTypeFromLabel(label: string | undefined): QuestionType | undefined {
  if (!label) return undefined;
  if (/écrite/i.test(label)) return 'QE';
  if (/gouvernement/i.test(label)) return 'QG';
  if (/orale/i.test(label)) return 'QOSD';
  return undefined;
}

export function dateFrom(lines: readonly string[], pattern: RegExp): string | undefined {
  return parseFrenchDate(matchLine(dateSegments(lines), pattern)?.[1]);
}

/** Whether a date label (published, answered…) appears at all, readable or not. */
export function mentions(lines: readonly string[], label: RegExp): boolean {
  return dateSegments(lines).some((segment) => label.test(segment));
}

const HEADING_NUMBER = /^(?:.*>\s*)?Question(?:\s+(écrite|au Gouvernement|orale sans débat))?\s+n°\s*:?\s*(\d{1,6})$/i;
const TITLE_NUMBER = /^Question(?:\s+(écrite|au Gouvernement|orale sans débat))?\s+n°\s*(\d{1,6})\b/i;
const LEGISLATURE_LINE = /^(\d{1,2})\s*(?:e|è|ème|eme)\s+législature$/i;
const TITLE_LEGISLATURE = /\b(\d{1,2})\s*(?:e|è|ème|eme)\s+législature\b/i;

/**
 * Whether the page names another question than its URL: a heading or breadcrumb "Question n° 4021",
 * a `<title>` for another number, type or legislature. Such a page is not read at all.
 */
export function contradictsKey(doc: Document, lines: readonly string[], key: QuestionKey): boolean {
  const title = textOf(doc.querySelector('title'));
  const named: RegExpExecArray[] = [];
  const fromTitle = TITLE_NUMBER.exec(title);
  if (fromTitle) named.push(fromTitle);
  for (const line of lines) {
    const m = HEADING_NUMBER.exec(line);
    if (m) named.push(m);
  }
  for (const m of named) {
    if (Number(m[2]) !== key.number) return true;
    if (m[1] && questionTypeFromLabel(m[1]) !== key.type) return true;
  }
  const legislatures = [TITLE_LEGISLATURE.exec(title), ...lines.map((line) => LEGISLATURE_LINE.exec(line))];
  return legislatures.some((m) => m && Number(m[1]) !== key.legislature);
}

const DYN_LABEL = /^(?:Question de|Auteur|Type de question)\s*:/i;

/** Lines that only the current layout shows ("Question de :", "Type de question :"). */
export function looksLikeAnDynPage(lines: readonly string[]): boolean {
  return lines.some((line) => DYN_LABEL.test(line));
}
