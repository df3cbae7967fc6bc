/**
 * NosDéputés.fr, new site (17th legislature on, regardscitoyens/nosdeputes-front): no page per
 * question; a deputy's "Questions" tab lists them as accordions keyed `{uid}-header`
 * (reference/nosdeputes.md §7). It shows no status words: an answer shows as a second text
 * block under the question, and closures are not displayed at all.
 *
 * Test URLs:
 * https://www.nosdeputes.fr/depute/elise-morvan/qag
 */
import { DATE_IN_TEXT, parseFrenchDate } from '../dates';
import { parseQuestionId, questionRefSchema, type QuestionRef } from '../model';
import { dropUndefined } from '../objects';
import { anDynUrl, idFromAnUid, NOSDEPUTES_WWW } from '../urls';
import { findByText, matchLine, textLines, textOf } from '../text';
import { OTHER, type ListItem, type PageDefinition, type PageParse } from './types';

const QAG_PATH = /^\/depute\/[a-z0-9]+(?:-[a-z0-9]+)*\/qag\/?$/;
const HEADER_ID = /^(QANR5L\d{1,2}(?:QE|QG|QOSD)\d{1,6})-header$/;
const DEPOSITED = new RegExp(`Date de dépôt\\s*:?\\s*${DATE_IN_TEXT}`, 'i');
const NUMBER_CAPTION = /^N°\s*\d{1,6}$/;

export function isNosdeputesNewDeputyQuestions(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === NOSDEPUTES_WWW && QAG_PATH.test(url.pathname);
}

/** The rich-text blocks between the "N°…" caption and the footer row: question, answer, errata. */
function textBlocks(panel: Element): Element[] {
  const caption = findByText(panel, NUMBER_CAPTION, 'span,p,div');
  const stack = caption?.parentElement;
  if (!stack) return [];
  return Array.from(stack.children).filter((el) => el !== caption && !DEPOSITED.test(textOf(el)) && textOf(el));
}

function answeredFromBlocks(blocks: Element[]): boolean | undefined {
  if (blocks.length === 0) return undefined;
  if (blocks.length === 1) return false;
  // Two blocks are the question and either its answer or an erratum to the question.
  if (blocks.length === 2) return !/^erratum/i.test(textOf(blocks[1]));
  return true;
}

export function parseNosdeputesNewDeputyQuestions(doc: Document): PageParse {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const header of Array.from(doc.querySelectorAll('[id$="-header"]'))) {
    const uid = HEADER_ID.exec(header.id)?.[1];
    const id = uid ? idFromAnUid(uid) : undefined;
    if (!uid || !id || seen.has(id)) continue;
    const key = parseQuestionId(id)!;
    const panelId = header.getAttribute('aria-controls') || `${uid}-pannel`;
    const panel = doc.getElementById(panelId);
    const lines = panel ? textLines(panel) : [];
    const answered = panel ? answeredFromBlocks(textBlocks(panel)) : undefined;
    const ref: QuestionRef = {
      id,
      ...key,
      url: anDynUrl(id),
      publishedOn: parseFrenchDate(matchLine(lines, DEPOSITED)?.[1]),
      answered: answered === true,
      closed: false,
      pending: answered === false,
      unreadableStatus: answered === undefined ? 'question details not found' : undefined,
      title: textLines(header)[0],
    };
    const parsed = questionRefSchema.safeParse(dropUndefined(ref));
    if (!parsed.success) continue;
    seen.add(id);
    items.push({ ref: parsed.data, element: header });
  }
  return items.length ? { kind: 'question-list', items } : OTHER;
}

export const nosdeputesNewPages: PageDefinition[] = [
  { kind: 'nosdeputes-new-deputy-questions', detect: isNosdeputesNewDeputyQuestions, parse: parseNosdeputesNewDeputyQuestions },
];
