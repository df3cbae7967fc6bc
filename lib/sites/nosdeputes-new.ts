/**
 * NosDéputés.fr, new site (17th legislature on, regardscitoyens/nosdeputes-front): no page per
 * question; a deputy's "Questions" tab lists them as accordions keyed `{uid}-header`
 * (docs/reference/nosdeputes.md §7). It shows no status words: an answer shows as a second text
 * block under the question, and closures are not displayed at all. The only date shown is the
 * "Date de dépôt", which stands in for the publication date.
 */
import { parseFrenchDate } from '../dates';
import { parseQuestionId, type QuestionRef } from '../model';
import { anDynUrl, idFromAnUid, isWebUrl, NOSDEPUTES_WWW } from '../urls';
import { findByText, HEADINGS, textLines, textOf } from '../text';
import { defineSite, ListReading, type PageParse } from './types';

const QAG_PATH = /^\/depute\/[a-z0-9]+(?:-[a-z0-9]+)*\/qag\/?$/;
const HEADER_ID = /^(QANR5L\d{1,2}(?:QE|QG|QOSD)\d{1,6})-header$/;
/**
 * The footer row's label, ending its line: "Date de dépôt:&nbsp;07/11/2023" (the date may be
 * missing). The card writes `toLocaleDateString("fr-FR")`, always with a four-digit year: a
 * two-digit one is a page cut short ("07/11/20"), not a date.
 */
const DEPOSITED_LINE = /(?:^|\s)Date de dépôt\s*:?\s*(?:\d{1,2}\/\d{1,2}\/\d{4})?$/;
const DEPOSITED = /(?:^|\s)Date de dépôt\s*:?\s*(\d{1,2}\/\d{1,2}\/\d{4})$/;
const NUMBER_CAPTION = /^N°\s*(\d{1,6})$/;
/**
 * An erratum as the Journal officiel words it ("Erratum …", "au lieu de : « … », lire : « … »").
 * QuestionCard renders errata as bare text blocks after the answer, with no label of their own.
 */
const ERRATUM = /^erratum\b|\bau lieu de\s*:?\s*[«"“][\s\S]*[»"”]\s*,?\s*lire\s*:?\s*[«"“]/i;

export function isNosdeputesNewDeputyQuestions(url: URL): boolean {
  return isWebUrl(url) && url.hostname === NOSDEPUTES_WWW && QAG_PATH.test(url.pathname);
}

interface Card {
  /** Question, answer and errata, in QuestionCard's order. */
  blocks: Element[];
  depositedOn?: string;
  unreadable?: string;
}

/**
 * The card's details: the "N°…" caption, the text blocks, then the footer row ("Envoyé à",
 * "Date de dépôt"). The footer is required: a page cut short would otherwise drop the answer
 * block and read as a question still waiting.
 */
function readCard(panel: Element, number: number): Card {
  const caption = findByText(panel, NUMBER_CAPTION, 'span,p,div');
  const stack = caption?.parentElement;
  if (!caption || !stack) return { blocks: [], unreadable: 'question details not found' };
  if (Number(NUMBER_CAPTION.exec(textOf(caption))![1]) !== number) return { blocks: [], unreadable: 'number differs from the card id' };
  const children = Array.from(stack.children);
  let footerAt = children.length - 1;
  while (footerAt >= 0 && !textLines(children[footerAt]).some((line) => DEPOSITED_LINE.test(line))) footerAt--;
  if (footerAt < 0) return { blocks: [], unreadable: 'question details incomplete' };
  const footerLine = textLines(children[footerAt]).find((line) => DEPOSITED_LINE.test(line));
  const blocks = children.slice(children.indexOf(caption) + 1, footerAt).filter((el) => textOf(el));
  return {
    blocks,
    depositedOn: parseFrenchDate(DEPOSITED.exec(footerLine ?? '')?.[1]),
    unreadable: blocks.length ? undefined : 'question text not found',
  };
}

/** Answered when a block after the question is not an erratum: the card shows no status words. */
function answeredFromBlocks(blocks: Element[]): boolean {
  return blocks.slice(1).some((block) => !ERRATUM.test(textOf(block)));
}

export function parseNosdeputesNewDeputyQuestions(doc: Document): PageParse {
  const list = new ListReading();
  for (const header of Array.from(doc.querySelectorAll('[id$="-header"]'))) {
    const uid = HEADER_ID.exec(header.id)?.[1];
    const id = uid ? idFromAnUid(uid) : undefined;
    if (!uid || !id || list.has(id)) continue;
    const key = parseQuestionId(id)!;
    const panelId = header.getAttribute('aria-controls') || `${uid}-pannel`;
    const panel = doc.getElementById(panelId);
    const card: Card = panel ? readCard(panel, key.number) : { blocks: [], unreadable: 'question details not found' };
    const answered = card.unreadable ? undefined : answeredFromBlocks(card.blocks);
    // "Waiting" is only inferred here, never written: without the deposit date to count from
    // (an empty field, a page cut after the label), the card says nothing we can use.
    const unreadableStatus = card.unreadable ?? (answered === false && !card.depositedOn ? 'deposit date not found' : undefined);
    // The title is the summary's text paragraph; the chips after it (rubrique, type) are not.
    const titleEl = header.querySelector(`p,${HEADINGS}`);
    const ref: QuestionRef = {
      id,
      ...key,
      url: anDynUrl(id),
      depositedOn: card.depositedOn,
      answered: answered === true,
      closed: false,
      pending: answered === false && !unreadableStatus,
      unreadableStatus,
      title: titleEl ? textOf(titleEl) || undefined : undefined,
    };
    list.add(ref, titleEl ?? header);
  }
  return list.result();
}

export const nosdeputesNewSite = defineSite({
  id: 'nosdeputesNew',
  name: { fr: 'NosDéputés.fr, nouveau site (17e législature)', en: 'NosDéputés.fr, new site (17th legislature)' },
  chamber: 'AN',
  publisher: 'nosdeputes',
  hosts: [NOSDEPUTES_WWW],
  matches: [`*://${NOSDEPUTES_WWW}/*`],
  pages: [
    {
      kind: 'nosdeputes-new-deputy-questions',
      detect: isNosdeputesNewDeputyQuestions,
      parse: parseNosdeputesNewDeputyQuestions,
      examples: [
        'https://www.nosdeputes.fr/depute/elise-morvan/qag',
        'https://www.nosdeputes.fr/depute/francois-ruffin/qag/',
        'https://www.nosdeputes.fr/depute/jean-lassalle/qag?page=2',
        'https://www.nosdeputes.fr/depute/marine-le-pen/qag#QANR5L17QE1-header',
        'https://www.nosdeputes.fr/depute/jean2-dupont/qag',
      ],
    },
  ],
  // A Next.js app: tabs change route without reloading, and lists re-render in place.
  isSinglePageApp: (doc) =>
    doc.location?.hostname === NOSDEPUTES_WWW && !!doc.querySelector('#__next, script[src*="/_next/"], link[href*="/_next/"]'),
});
