/**
 * questions.assemblee-nationale.fr, old question pages (`q14/14-47351QE.htm`), in their two
 * layouts: the table layout (A, until about 2015) and the sectioned one (B, until about 2022).
 * For recent legislatures the same URLs now serve the current layout, read by an-dyn.
 * Reference: docs/reference/an.md §2.2–§2.3.
 */
import { parseFrenchDate } from '../dates';
import { groupFrom } from '../groups';
import {
  parseQuestionId,
  questionId,
  questionSchema,
  validated,
  WITHDRAWN_REASON,
  type Question,
  type QuestionId,
  type QuestionType,
} from '../model';
import { AN_QUESTIONS, anDynUrl, isWebUrl, nosdeputesUrl } from '../urls';
import { capitalized, cleanText, findByText, HEADINGS, matchLine, textLines, textOf, valueAfterLabel } from '../text';
import { readAnQuestion } from './an-dyn';
import { AN_DATE_LINES, contradictsKey, dateFrom, dateSegments, looksLikeAnDynPage, mentions, questionTypeFromLabel } from './an-labels';
import { defineSite, OTHER, type PageParse } from './types';

const OLD_PATH = /^\/q(\d{1,2})\/(\d{1,2})-(\d{1,6})(QE|QG|QOSD)\.htm$/i;

export function isAnOldQuestion(url: URL): boolean {
  if (!isWebUrl(url) || url.hostname !== AN_QUESTIONS) return false;
  const m = OLD_PATH.exec(url.pathname);
  return !!m && m[1] === m[2];
}

const NUMBER_LINE = /^Question N°\s*:?\s*(\d{1,6})\b/i;
/** "de M. François Cornut-Gentille ( Les Républicains - Haute-Marne )". */
const AUTHOR_LINE = /^de\s+(.+?)\s*\(\s*(.+?)\s*\)$/i;

/** Group names may hold " - " themselves; department names never do. */
function groupAndDepartment(inner: string): { group?: string; department?: string } {
  const cut = inner.lastIndexOf(' - ');
  if (cut < 0) return { group: cleanText(inner) || undefined };
  return { group: cleanText(inner.slice(0, cut)) || undefined, department: cleanText(inner.slice(cut + 3)) || undefined };
}
const TYPE_LINE = /^Question (écrite|au Gouvernement|orale sans débat)$/i;

const TEXT_HEADING = /^Texte de la (?:question|réponse)\s*:?$/i;
const TEXT_HEADING_QUESTION = /^Texte de la question\s*:?$/i;

/**
 * The text under "Texte de la question" / "Texte de la réponse": the blocks after the heading
 * (or after the wrapper that holds only the heading, as layout A's `<div><b>…</b></div>`), up to
 * the next such heading, since layout A keeps both texts in one cell.
 */
function sectionText(heading: Element | undefined): string | undefined {
  const title = textOf(heading);
  for (let el = heading; el && textOf(el) === title; el = el.parentElement ?? undefined) {
    const texts: string[] = [];
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (TEXT_HEADING.test(textOf(next))) break;
      const text = textLines(next).join('\n');
      if (text) texts.push(text);
    }
    if (texts.length) return texts.join('\n\n');
  }
  return undefined;
}

function label(name: string): RegExp {
  return new RegExp(`^${name}\\s*>?`, 'i');
}

/** The old layouts (A and B), once the page is known not to be in the current one. */
function readOldLayout(doc: Document, id: QuestionId, root: Element, lines: readonly string[]): Question | undefined {
  const key = parseQuestionId(id)!;
  const numberLine = matchLine(lines, NUMBER_LINE);
  if (!numberLine || Number(numberLine[1]) !== key.number) return undefined;
  if (contradictsKey(doc, lines, key)) return undefined;
  const typeLine = matchLine(lines, TYPE_LINE);
  if (typeLine && questionTypeFromLabel(typeLine[1]) !== key.type) return undefined;

  const authorLink = root.querySelector('a[href*="OMC_PA"], a[href*="/deputes/fiche/"], a[title*="fiche du député"]');
  const authorLine = matchLine(lines, AUTHOR_LINE);
  const boldAuthor = findByText(root, /^(?:M\.|Mme|Mlle)\s+\S/, 'b,strong');
  const name = cleanText(textOf(authorLink) || authorLine?.[1] || textOf(boldAuthor));
  if (!name) return undefined;
  const context = authorLine ? groupAndDepartment(authorLine[2]!) : {};

  const publishedOn = dateFrom(lines, AN_DATE_LINES.published);
  const answeredOn = dateFrom(lines, AN_DATE_LINES.answered);
  const withdrawn = matchLine(dateSegments(lines), AN_DATE_LINES.withdrawn);
  const questionHeading = findByText(root, TEXT_HEADING_QUESTION, `${HEADINGS},p,div,span,b,strong,td`);
  const withdrawnOn = parseFrenchDate(withdrawn?.[1]);
  const closedOn = answeredOn ? undefined : withdrawnOn;
  let unreadableStatus: string | undefined;
  if (mentions(lines, /^Réponse publiée/) && !answeredOn) unreadableStatus = 'answer date unreadable';
  else if (mentions(lines, /^Question retirée/) && !withdrawnOn) unreadableStatus = 'closure date unreadable';
  else if (answeredOn && withdrawnOn) unreadableStatus = 'answered and withdrawn';
  // Both layouts print the date lines before "Texte de la question": a page cut short before that
  // heading may have lost its answer or withdrawal line, and would read as pending.
  else if (!questionHeading) unreadableStatus = 'page incomplete';
  else if (!publishedOn) unreadableStatus = 'publication date unreadable';

  const answerHeading = findByText(root, /^Texte de la réponse\s*:?$/i, `${HEADINGS},p,div,span,b,strong,td`);
  const analysis = valueAfterLabel(lines, label('Analyse'));
  const titled = valueAfterLabel(lines, label('Titre'));

  const question: Question = {
    id,
    ...key,
    chamber: 'AN',
    author: {
      name,
      anId: /OMC_(PA\d+)|\/(PA\d+)/
        .exec(authorLink?.getAttribute('href') ?? '')
        ?.slice(1)
        .find(Boolean),
      group: groupFrom(undefined, context.group, key.legislature),
      constituency: context.department,
    },
    ministry: valueAfterLabel(lines, label('Ministère interrogé')),
    answeringMinistry: valueAfterLabel(lines, label('Ministère attributaire')),
    title: titled ?? analysis,
    rubrique: valueAfterLabel(lines, label('Rubrique')),
    publishedOn,
    answeredOn,
    closedOn,
    closedReason: closedOn ? capitalized(cleanText(withdrawn?.[2])) || WITHDRAWN_REASON : undefined,
    signaledOn: dateFrom(lines, AN_DATE_LINES.signaled),
    reassignedOn: dateFrom(lines, AN_DATE_LINES.reassigned),
    renewedOn: dateFrom(lines, AN_DATE_LINES.renewed),
    text: sectionText(questionHeading),
    // Unanswered pages keep an "Être alerté(e) de la réponse" box where the answer would be.
    answerText: answeredOn ? sectionText(answerHeading) : undefined,
    unreadableStatus,
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
  return validated(questionSchema, question);
}

export function parseAnOldQuestion(doc: Document, url: URL): PageParse {
  const m = OLD_PATH.exec(url.pathname);
  if (!m || m[1] !== m[2]) return OTHER;
  const id = questionId(Number(m[1]), m[4]!.toUpperCase() as QuestionType, Number(m[3]));
  const root = doc.querySelector('#contenu-page') ?? doc.body;
  if (!root) return OTHER;
  // One reader per page: the current layout's labels ("Question de :", "Type de question :")
  // decide, so that a dyn page is never read by the old reader, which knows no "Date de cloture".
  const question = looksLikeAnDynPage(textLines(doc.querySelector('main') ?? doc.body))
    ? readAnQuestion(doc, id)
    : readOldLayout(doc, id, root, textLines(root));
  return question ? { kind: 'question', question } : OTHER;
}

export const anOldSite = defineSite({
  id: 'anOld',
  name: { fr: 'questions.assemblee-nationale.fr, anciennes pages', en: 'questions.assemblee-nationale.fr, old pages' },
  chamber: 'AN',
  publisher: 'an',
  hosts: [AN_QUESTIONS],
  matches: [`*://${AN_QUESTIONS}/*`],
  pages: [
    {
      kind: 'an-old-question',
      detect: isAnOldQuestion,
      parse: parseAnOldQuestion,
      // Both layouts put the number line in a section or table that opens the question.
      anchor: (doc) => {
        const number = findByText(doc, /^Question N°\s*:?\s*\d+$/i, 'div,td,span,b,strong,h1,h2,p');
        return number?.closest('section, table, header') ?? number ?? doc.querySelector('main h1, h1') ?? undefined;
      },
      examples: [
        'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm',
        'https://questions.assemblee-nationale.fr/q15/15-19189QE.htm',
        'https://questions.assemblee-nationale.fr/q15/15-8QOSD.htm',
        'https://questions.assemblee-nationale.fr/q10/10-2052QG.htm?page=2',
        'https://questions.assemblee-nationale.fr/q8/8-19975QE.htm#reponse',
        'https://questions.assemblee-nationale.fr/q13/13-100qe.htm',
      ],
    },
  ],
});
