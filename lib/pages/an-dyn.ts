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
import { parseQuestionId, questionRefSchema, questionSchema, type Question, type QuestionId, type QuestionRef, type QuestionType } from '../model';
import { dropUndefined } from '../objects';
import { AN_QUESTIONS, AN_WWW, anDynUrl, idFromAnUid, nosdeputesUrl } from '../urls';
import { cleanText, findByText, matchLine, stripTrailingParenthetical, textAfter, textLines, textOf, valueAfterLabel } from '../text';
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
export const AN_DATE_LINES = {
  published: new RegExp(`Question publiée (?:au JO )?le\\s*:?\\s*${D}`, 'i'),
  answered: new RegExp(`Réponse publiée (?:au JO )?le\\s*:?\\s*${D}`, 'i'),
  sitting: new RegExp(`Date de la séance\\s*:?\\s*${D}`, 'i'),
  signaled: new RegExp(`(?:Date de signalement\\s*:?|signalée (?:au Gouvernement )?le\\s*:?)\\s*${D}`, 'i'),
  reassigned: new RegExp(`Date de changement d'attribution\\s*:?\\s*${D}`, 'i'),
  renewed: new RegExp(`Date de renouvellement\\s*:?\\s*${D}`, 'i'),
  withdrawn: new RegExp(`Question retirée le\\s*:?\\s*${D}(?:\\s*\\(\\s*(.+?)\\s*\\))?`, 'i'),
};
const CLOSURE_LABEL = /^Date de cl[oô]ture\s*:?/i;
const CLOSURE_VALUE = new RegExp(`^${D}\\s*[-–:]?\\s*(.*)$`, 'i');
const CONSTITUENCY = /^(.+?)\s*\((\d+)\s*(?:re|er|e|ère|ème)\s+circonscription\)\s*(?:-\s*(.+))?$/i;

export function questionTypeFromLabel(label: string | undefined): QuestionType | undefined {
  if (!label) return undefined;
  if (/écrite/i.test(label)) return 'QE';
  if (/gouvernement/i.test(label)) return 'QG';
  if (/orale/i.test(label)) return 'QOSD';
  return undefined;
}

export function dateFrom(lines: readonly string[], pattern: RegExp): string | undefined {
  return parseFrenchDate(matchLine(lines, pattern)?.[1]);
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
  const element = findByText(root, /\(\s*\d+\s*(?:re|er|e|ère|ème)\s+circonscription\s*\)/i, 'p,span,div,li,dd');
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
  const isQuestionPage = lines.some((line) => /^(?:Question de|Auteur|Type de question)\s*:/i.test(line));
  if (!isQuestionPage) return undefined;

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
    ?? textOf(main.querySelector('._colored-ultralightgrey ._pa-small')) ?? undefined;
  // Questions au Gouvernement and oral questions are answered during the sitting itself.
  const answeredOn = dateFrom(lines, AN_DATE_LINES.answered) ?? (key.type !== 'QE' ? sittingOn : undefined);
  const closure = readClosure(lines);
  const withdrawn = matchLine(lines, AN_DATE_LINES.withdrawn);
  const mentionsAnswer = lines.some((line) => /^Réponse publiée/i.test(line) || / Réponse publiée le/i.test(line));

  let unreadableStatus: string | undefined;
  if (mentionsAnswer && !answeredOn) unreadableStatus = 'answer date unreadable';
  else if (closure.unreadable) unreadableStatus = closure.unreadable;
  else if (!publishedOn && !sittingOn) unreadableStatus = 'publication date unreadable';

  const authorBlock = authorLink?.closest('div,p,section');
  const questionTextElement = authorBlock?.nextElementSibling ?? main.querySelector('._colored-primary + ._pa-small');
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
    closedOn: answered ? undefined : closure.closedOn ?? parseFrenchDate(withdrawn?.[1]),
    closedReason: answered ? undefined : closure.closedReason ?? (withdrawn ? cleanText(withdrawn[2]) || 'Retirée' : undefined),
    signaledOn: dateFrom(lines, AN_DATE_LINES.signaled),
    reassignedOn: dateFrom(lines, AN_DATE_LINES.reassigned),
    renewedOn: dateFrom(lines, AN_DATE_LINES.renewed),
    text: textOf(questionTextElement) || undefined,
    answerText: answerText || undefined,
    unreadableStatus,
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
  const parsed = questionSchema.safeParse(dropUndefined(question));
  return parsed.success ? parsed.data : undefined;
}

const ITEM_HEADING = /Question (écrite|au Gouvernement|orale sans débat)\s+n°\s*(\d{1,6})/i;
const NO_ANSWER = /Question sans réponse/i;
const ASKED_IN_SITTING = /Question posée en séance/i;

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
    const answeredOn = dateFrom(lines, AN_DATE_LINES.answered);
    const answered = !!answeredOn || lines.some((l) => ASKED_IN_SITTING.test(l));
    const pending = !answered && lines.some((l) => NO_ANSWER.test(l));
    const ref: QuestionRef = {
      id,
      ...key,
      url: anDynUrl(id),
      publishedOn: dateFrom(lines, AN_DATE_LINES.published),
      answeredOn,
      answered,
      closed: false,
      pending,
      unreadableStatus: answered || pending ? undefined : 'status words not found',
      title: valueAfterLabel(lines, /^Titre\s*:?/i),
    };
    const parsed = questionRefSchema.safeParse(dropUndefined(ref));
    if (!parsed.success) continue;
    seen.add(id);
    items.push({ ref: parsed.data, element: link.closest('h1,h2,h3,h4,h5,h6') ?? link });
  }
  return items.length ? { kind: 'question-list', items } : OTHER;
}

export const anDynPages: PageDefinition[] = [
  { kind: 'an-question', detect: isAnQuestion, parse: parseAnQuestion },
  { kind: 'an-deputy-questions', detect: isAnDeputyQuestions, parse: parseAnDeputyQuestions },
];
