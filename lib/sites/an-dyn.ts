/**
 * assemblee-nationale.fr, current site ("dyn" pages, 2022+): question pages on the www and
 * questions hosts, and a deputy's list of questions (docs/reference/an.md §2.1).
 */
import { DATE_IN_TEXT, parseFrenchDate } from '../dates';
import { groupFrom } from '../groups';
import { parseQuestionId, questionSchema, validated, WITHDRAWN_REASON, type Question, type QuestionId, type QuestionRef } from '../model';
import { AN_QUESTIONS, AN_WWW, anDynUrl, idFromAnUid, isWebUrl, nosdeputesUrl, parseUrl } from '../urls';
import {
  capitalized,
  cleanText,
  constituency,
  findByText,
  HEADINGS,
  LABELLED_LINE,
  matchLine,
  stripTrailingParenthetical,
  textAfter,
  textLines,
  textOf,
  valueAfterLabel,
} from '../text';
import { AN_DATE_LINES, contradictsKey, dateFrom, dateSegments, looksLikeAnDynPage, mentions, questionTypeFromLabel } from './an-labels';
import { defineSite, ListReading, OTHER, type ListItem, type ListOwner, type PageParse } from './types';

const QUESTION_PATH = /^\/dyn\/(\d{1,2})\/questions\/(QANR5L(\d{1,2})(?:QE|QG|QOSD)\d{1,6})\/?$/;
const DEPUTY_QUESTIONS_PATH = /^\/dyn\/deputes\/(PA\d+)\/questions\/?$/;

export function isAnQuestion(url: URL): boolean {
  if (!isWebUrl(url) || (url.hostname !== AN_WWW && url.hostname !== AN_QUESTIONS)) return false;
  const m = QUESTION_PATH.exec(url.pathname);
  return !!m && m[1] === m[3];
}

export function isAnDeputyQuestions(url: URL): boolean {
  return isWebUrl(url) && url.hostname === AN_WWW && DEPUTY_QUESTIONS_PATH.test(url.pathname);
}

const D = DATE_IN_TEXT;
const CLOSURE_LABEL = /^Date de cl[oô]ture\s*:?/i;
const CLOSURE_VALUE = new RegExp(`^${D}\\s*[-–:]?\\s*(.*)$`, 'i');
const CIRCONSCRIPTION = /\(\s*\d+\s*(?:re|er|e|ère|ème)\s+circonscription\s*\)/i;
const CONSTITUENCY = /^(.+?)\s*\((\d+)\s*(?:re|er|e|ère|ème)\s+circonscription\)\s*(?:-\s*(.+))?$/i;
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
    constituency: constituency(m[1]!, Number(m[2])),
    group: groupFrom(undefined, m[3] && cleanText(m[3]), legislature),
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
  const answerHeading = findByText(main, /^Texte de la réponse\s*:?$/i, `${HEADINGS},p,div,span,strong`);
  const answerText =
    (answerHeading && textAfter(answerHeading)) || textOf(main.querySelector('._colored-ultralightgrey ._pa-small')) || undefined;
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

  const questionTextElement =
    (authorLink && questionTextAfter(authorLink, main, answerHeading)) ?? main.querySelector('._colored-primary + ._pa-small');
  const title =
    textOf(main.querySelector('h1')) ||
    /^Question n°\s*\d+\s*:\s*(.+?)\s*-\s*\d+e législature/i.exec(textOf(doc.querySelector('title')))?.[1];
  const answered = !!answeredOn;

  const question: Question = {
    id,
    ...key,
    chamber: 'AN',
    author: { name: authorName, anId, ...authorContext(main, authorName, key.legislature) },
    ministry: valueAfterLabel(lines, /^Ministère interrogé\s*:?/i),
    answeringMinistry: valueAfterLabel(lines, /^Ministère (?:répondant|attributaire)\s*:?/i),
    title: title || undefined,
    rubrique: valueAfterLabel(lines, /^Rubrique\s*:?/i),
    publishedOn: publishedOn ?? sittingOn,
    answeredOn,
    closedOn: answered ? undefined : (closure.closedOn ?? withdrawnOn),
    closedReason: answered
      ? undefined
      : (closure.closedReason ?? (withdrawnOn ? capitalized(cleanText(withdrawn?.[2])) || WITHDRAWN_REASON : undefined)),
    signaledOn,
    reassignedOn,
    renewedOn,
    text: textOf(questionTextElement) || undefined,
    answerText,
    unreadableStatus,
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
  return validated(questionSchema, question);
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
  const named = findByText(container, /^Question (?:écrite|au Gouvernement|orale sans débat)\s+n°\s*\d{1,6}$/i);
  return named?.closest(HEADINGS) ?? named ?? link.closest(HEADINGS) ?? container.querySelector(HEADINGS) ?? link;
}

export function parseAnDeputyQuestions(doc: Document, url: URL): PageParse {
  const list = new ListReading();
  for (const link of Array.from(doc.querySelectorAll('a[href*="/questions/QANR5L"]'))) {
    const target = parseUrl(link.getAttribute('href') ?? '', url);
    if (!target || !isAnQuestion(target)) continue;
    const uid = QUESTION_PATH.exec(target.pathname)![2]!;
    const id = idFromAnUid(uid)!;
    if (list.has(id)) continue;
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
      unreadableStatus:
        answered || pending
          ? undefined
          : contradictory
            ? 'contradictory status words'
            : answerWords
              ? 'answer date unreadable'
              : 'status words not found',
      title: valueAfterLabel(lines, /^Titre\s*:?/i),
    };
    list.add(ref, itemTitle(container, link));
  }
  return list.result((items) => deputyOfList(doc, url, items));
}

/**
 * The deputy whose list it is: the page's heading names them, the address gives their identifier,
 * and the legislature is the newest of the items (the list shows the current one).
 */
function deputyOfList(doc: Document, url: URL, items: readonly ListItem[]): ListOwner | undefined {
  const heading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const name = cleanText(textOf(heading));
  const anId = DEPUTY_QUESTIONS_PATH.exec(url.pathname)?.[1];
  if (!heading || !name || name.length > 120 || !anId) return undefined;
  return { name, anId, legislature: Math.max(...items.map((item) => item.ref.legislature)), element: heading };
}

export const anDynSite = defineSite({
  id: 'an',
  name: { fr: 'assemblee-nationale.fr, pages actuelles', en: 'assemblee-nationale.fr, current pages' },
  chamber: 'AN',
  publisher: 'an',
  hosts: [AN_WWW, AN_QUESTIONS],
  // Only the question pages and question lists of the Assemblée's large site.
  matches: [`*://${AN_WWW}/dyn/*/questions/*`, `*://${AN_WWW}/dyn/deputes/*/questions*`, `*://${AN_QUESTIONS}/dyn/*`],
  pages: [
    {
      kind: 'an-question',
      detect: isAnQuestion,
      parse: parseAnQuestion,
      anchor: (doc) => doc.querySelector('main h1') ?? doc.querySelector('h1') ?? undefined,
      examples: [
        'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
        'https://questions.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
        'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QG12/',
        'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QOSD300?page=2',
        'https://questions.assemblee-nationale.fr/dyn/11/questions/QANR5L11QE100#reponse',
        'https://www.assemblee-nationale.fr/dyn/8/questions/QANR5L8QE19975',
      ],
    },
    {
      kind: 'an-deputy-questions',
      detect: isAnDeputyQuestions,
      parse: parseAnDeputyQuestions,
      examples: [
        'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions',
        'https://www.assemblee-nationale.fr/dyn/deputes/PA720430/questions/',
        'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions?page=2&limit=10',
        'https://www.assemblee-nationale.fr/dyn/deputes/PA1008/questions#liste',
      ],
    },
  ],
});
