/**
 * assemblee-nationale.fr, current site ("dyn" pages, 2022+): question pages on the www and
 * questions hosts, and a deputy's list of questions (reference/an.md §2.1).
 *
 * Test URLs:
 * https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189
 * https://questions.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020
 * https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions
 */
import { DATE_IN_TEXT, parseFrenchDate } from '../dates';
import { groupFromName } from '../groups';
import { parseQuestionId, questionRefSchema, questionSchema, type Question, type QuestionId, type QuestionKey, type QuestionRef, type QuestionType } from '../model';
import { dropUndefined } from '../objects';
import { AN_QUESTIONS, AN_WWW, anDynUrl, idFromAnUid, nosdeputesUrl } from '../urls';
import { cleanText, findByText, LABELLED_LINE, matchLine, stripTrailingParenthetical, textAfter, textLines, textOf, valueAfterLabel } from '../text';
import { OTHER, type ListItem, type PageDefinition, type PageParse } from './types';

const QUESTION_PATH = /^\/dyn\/(\d{1,2})\/questions\/(QANR5L(\d{1,2})(?:QE|QG|QOSD)\d{1,6})\/?$/;
const DEPUTY_QUESTIONS_PATH = /^\/dyn\/deputes\/(PA\d+)\/questions\/?$/;

export function isAnQuestion(url: URL): boolean {
  if (url.protocol !== 'https:' || (url.hostname !== AN_WWW && url.hostname !== AN_QUESTIONS)) return false;
  const m = QUESTION_PATH.exec(url.pathname);
  return !!m && m[1] === m[3];
}

export function isAnDeputyQuestions(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === AN_WWW && DEPUTY_QUESTIONS_PATH.test(url.pathname);
}

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
const CLOSURE_LABEL = /^Date de cl[oô]ture\s*:?/i;
const CLOSURE_VALUE = new RegExp(`^${D}\\s*[-–:]?\\s*(.*)$`, 'i');
const CIRCONSCRIPTION = /\(\s*\d+\s*(?:re|er|e|ère|ème)\s+circonscription\s*\)/i;
const CONSTITUENCY = /^(.+?)\s*\((\d+)\s*(?:re|er|e|ère|ème)\s+circonscription\)\s*(?:-\s*(.+))?$/i;
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

interface Closure {
  closedOn?: string;
  closedReason?: string;
  unreadable?: string;
}

function readClosure(lines: readonly string[]): Closure {
  const index = lines.findIndex((line) => CLOSURE_LABEL.test(line));
  if (index < 0) return {};
  const sameLine = cleanText(lines[index]!.replace(CLOSURE_LABEL, ''));
  const value = sameLine || lines[index + 1] || '';
  const m = CLOSURE_VALUE.exec(value);
  const closedOn = parseFrenchDate(m?.[1]);
  if (!m || !closedOn) return { unreadable: 'closure date unreadable' };
  let reason = cleanText(m[2]);
  const next = sameLine ? lines[index + 1] : lines[index + 2];
  if (!reason && next && !/:\s*$/.test(next) && !/\d{4}/.test(next) && next.length < 80) reason = next;
  return { closedOn, closedReason: reason || undefined };
}

/** "Aisne (2e circonscription) - Les Républicains", with or without the author's name before it. */
function authorContext(root: ParentNode, authorName: string | undefined, legislature: number) {
  const element = findByText(root, CIRCONSCRIPTION, 'p,span,div,li,dd');
  if (!element) return {};
  let text = textOf(element).replace(/^Question de\s*:\s*/i, '');
  if (authorName && text.startsWith(authorName)) text = text.slice(authorName.length);
  const m = CONSTITUENCY.exec(cleanText(text));
  if (!m) return {};
  return {
    constituency: `${cleanText(m[1])} (${m[2]}${m[2] === '1' ? 're' : 'e'} circonscription)`,
    group: m[3] ? groupFromName(cleanText(m[3]), legislature) : undefined,
  };
}

/**
 * The question's text: the first block after the author's block ("Question de : <name>",
 * "<département> (<n>e circonscription) - <groupe>") that is neither that line, nor a
 * "Label : value" line, nor the answer.
 */
function questionTextAfter(authorLink: Element, main: Element, answerHeading: Element | undefined): Element | undefined {
  for (let el: Element | null = authorLink; el && el !== main; el = el.parentElement) {
    for (let sibling = el.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const text = textOf(sibling);
      // Short blocks only: a transcript may well open with "Mme X : Monsieur le ministre…".
      if (!text || (text.length < 200 && (CIRCONSCRIPTION.test(text) || LABELLED_LINE.test(text)))) continue;
      if (answerHeading && (sibling === answerHeading || sibling.contains(answerHeading))) return undefined;
      return sibling;
    }
  }
  return undefined;
}

export function parseAnQuestion(doc: Document, url: URL): PageParse {
  const m = QUESTION_PATH.exec(url.pathname);
  const id = m ? idFromAnUid(m[2]!) : undefined;
  const question = id ? readAnQuestion(doc, id) : undefined;
  return question ? { kind: 'question', question } : OTHER;
}

/** A question page in the current layout, for the question `id` its URL names. */
export function readAnQuestion(doc: Document, id: QuestionId): Question | undefined {
  const key = parseQuestionId(id);
  const main = doc.querySelector('main') ?? doc.body;
  if (!key || !main) return undefined;
  const lines = textLines(main);
  if (!looksLikeAnDynPage(lines)) return undefined;
  if (contradictsKey(doc, lines, key)) return undefined;

  const typeOnPage = questionTypeFromLabel(valueAfterLabel(lines, /^Type de question\s*:?/i));
  if (typeOnPage && typeOnPage !== key.type) return undefined;

  const authorLink = main.querySelector('a[href*="/dyn/deputes/PA"]');
  const authorName = authorLink ? stripTrailingParenthetical(textOf(authorLink)) : valueAfterLabel(lines, /^Auteur\s*:?/i);
  if (!authorName) return undefined;
  const anId = /\/dyn\/deputes\/(PA\d+)/.exec(authorLink?.getAttribute('href') ?? '')?.[1];

  const publishedOn = dateFrom(lines, AN_DATE_LINES.published);
  const sittingOn = dateFrom(lines, AN_DATE_LINES.sitting);
  const answerHeading = findByText(main, /^Texte de la réponse\s*:?$/i, 'h1,h2,h3,h4,h5,h6,p,div,span,strong');
  const answerText = (answerHeading && textAfter(answerHeading))
    || textOf(main.querySelector('._colored-ultralightgrey ._pa-small')) || undefined;
  const answerDate = dateFrom(lines, AN_DATE_LINES.answered);
  // Questions au Gouvernement and oral questions are answered during the sitting itself.
  const answeredOn = answerDate ?? (key.type !== 'QE' ? sittingOn : undefined);
  const closure = readClosure(lines);
  const withdrawn = matchLine(dateSegments(lines), AN_DATE_LINES.withdrawn);
  const withdrawnOn = parseFrenchDate(withdrawn?.[1]);
  const signaledOn = dateFrom(lines, AN_DATE_LINES.signaled);
  const reassignedOn = dateFrom(lines, AN_DATE_LINES.reassigned);
  const renewedOn = dateFrom(lines, AN_DATE_LINES.renewed);
  // "Dates :" (plural) heads a block of two dates or more; with one left, the page was cut short.
  const datesPlural = dateSegments(lines).some((segment) => /^Dates\s*:?$/i.test(segment));
  const datesRead = [publishedOn, answerDate, sittingOn, signaledOn, reassignedOn, renewedOn].filter(Boolean).length;

  let unreadableStatus: string | undefined;
  if (mentions(lines, /^Réponse publiée/) && !answerDate) unreadableStatus = 'answer date unreadable';
  else if (closure.unreadable) unreadableStatus = closure.unreadable;
  else if (withdrawn && !withdrawnOn) unreadableStatus = 'closure date unreadable';
  else if (answerDate && (closure.closedOn || withdrawnOn)) unreadableStatus = 'answered and closed';
  else if (answerText && !answeredOn) unreadableStatus = 'answer without date';
  else if (datesPlural && datesRead < 2) unreadableStatus = 'dates incomplete';
  else if (!publishedOn && !sittingOn) unreadableStatus = 'publication date unreadable';

  const questionTextElement = (authorLink && questionTextAfter(authorLink, main, answerHeading))
    ?? main.querySelector('._colored-primary + ._pa-small');
  const title = textOf(main.querySelector('h1')) || /^Question n°\s*\d+\s*:\s*(.+?)\s*-\s*\d+e législature/i.exec(textOf(doc.querySelector('title')))?.[1];
  const answered = !!answeredOn;

  const question: Question = {
    id,
    chamber: 'AN',
    ...key,
    author: { name: authorName, anId, ...authorContext(main, authorName, key.legislature) },
    ministry: valueAfterLabel(lines, /^Ministère interrogé\s*:?/i),
    answeringMinistry: valueAfterLabel(lines, /^Ministère (?:répondant|attributaire)\s*:?/i),
    title: title || undefined,
    rubrique: valueAfterLabel(lines, /^Rubrique\s*:?/i),
    publishedOn: publishedOn ?? sittingOn,
    answeredOn,
    closedOn: answered ? undefined : closure.closedOn ?? withdrawnOn,
    closedReason: answered ? undefined : closure.closedReason ?? (withdrawnOn ? capitalized(cleanText(withdrawn?.[2])) || 'Retirée' : undefined),
    signaledOn,
    reassignedOn,
    renewedOn,
    text: textOf(questionTextElement) || undefined,
    answerText,
    unreadableStatus,
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
  const parsed = questionSchema.safeParse(dropUndefined(question));
  return parsed.success ? parsed.data : undefined;
}

export function capitalized(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const ITEM_HEADING = /^Question (écrite|au Gouvernement|orale sans débat)\s+n°\s*(\d{1,6})\b/i;
const NO_ANSWER = /^Question sans réponse\b/i;
const ASKED_IN_SITTING = /^Question posée en séance\b/i;

/** The largest ancestor of `link` that holds no other question: one list item. */
function itemContainer(link: Element, uid: string): Element {
  let item = link;
  for (let parent = item.parentElement; parent && parent.tagName !== 'BODY' && parent.tagName !== 'MAIN'; parent = parent.parentElement) {
    const links = parent.querySelectorAll('a[href*="/questions/QANR5L"]');
    if (Array.from(links).some((a) => !(a.getAttribute('href') ?? '').includes(uid))) break;
    item = parent;
  }
  return item;
}

/** The item's title: the heading "Question écrite n° 1234" (or the heading around the link). */
function itemTitle(container: Element, link: Element): Element {
  const HEADINGS = 'h1,h2,h3,h4,h5,h6';
  const named = findByText(container, /^Question (?:écrite|au Gouvernement|orale sans débat)\s+n°\s*\d{1,6}$/i);
  return named?.closest(HEADINGS) ?? named ?? link.closest(HEADINGS) ?? container.querySelector(HEADINGS) ?? link;
}

export function parseAnDeputyQuestions(doc: Document, url: URL): PageParse {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const link of Array.from(doc.querySelectorAll('a[href*="/questions/QANR5L"]'))) {
    let target: URL;
    try {
      target = new URL(link.getAttribute('href')!, url);
    } catch {
      continue;
    }
    if (!isAnQuestion(target)) continue;
    const uid = QUESTION_PATH.exec(target.pathname)![2]!;
    const id = idFromAnUid(uid)!;
    if (seen.has(id)) continue;
    const key = parseQuestionId(id)!;
    const container = itemContainer(link, uid);
    const lines = textLines(container);
    const heading = matchLine(lines, ITEM_HEADING);
    if (heading && (Number(heading[2]) !== key.number || questionTypeFromLabel(heading[1]) !== key.type)) continue;
    const segments = dateSegments(lines);
    const answeredOn = dateFrom(lines, AN_DATE_LINES.answered);
    const answerWords = mentions(lines, /^Réponse publiée/) || segments.some((l) => ASKED_IN_SITTING.test(l));
    const noAnswerWords = segments.some((l) => NO_ANSWER.test(l));
    // Both, or an answer line whose date cannot be read: say nothing rather than pick one.
    const contradictory = answerWords && noAnswerWords;
    const answered = !contradictory && (!!answeredOn || segments.some((l) => ASKED_IN_SITTING.test(l)));
    const pending = !contradictory && !answerWords && noAnswerWords;
    const ref: QuestionRef = {
      id,
      ...key,
      url: anDynUrl(id),
      publishedOn: dateFrom(lines, AN_DATE_LINES.published),
      answeredOn: answered ? answeredOn : undefined,
      answered,
      closed: false,
      pending,
      unreadableStatus: answered || pending ? undefined
        : contradictory ? 'contradictory status words'
          : answerWords ? 'answer date unreadable' : 'status words not found',
      title: valueAfterLabel(lines, /^Titre\s*:?/i),
    };
    const parsed = questionRefSchema.safeParse(dropUndefined(ref));
    if (!parsed.success) continue;
    seen.add(id);
    items.push({ ref: parsed.data, element: itemTitle(container, link) });
  }
  return items.length ? { kind: 'question-list', items } : OTHER;
}

export const anDynPages: PageDefinition[] = [
  { kind: 'an-question', detect: isAnQuestion, parse: parseAnQuestion },
  { kind: 'an-deputy-questions', detect: isAnDeputyQuestions, parse: parseAnDeputyQuestions },
];
