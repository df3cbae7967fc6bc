/**
 * NosSénateurs.fr's archive (archive.nossenateurs.fr, October 2004 to March 2023; the site itself is
 * stopped): the same symfony templates as NosDéputés, on branch `nossenateurs.fr`
 * (docs/reference/senat.md §1.3). A question page (`/question/:legi/:numero`), a senator's written
 * questions and the question search. The archive is frozen: its « pas encore de réponse » is what it
 * knew in 2023, not a statement about today, so the Sénat's lapse rules still apply to it.
 */
import { parseFrenchDate } from '../dates';
import { ANSWERED, NO_ANSWER_YET, SUBMITTED, WITHDRAWN } from './nos-labels';
import { questionId, questionSchema, validated, type Question, type QuestionRef } from '../model';
import { cleanText, findByText, HEADINGS, textAfter, textLines, textOf } from '../text';
import { isWebUrl, NOSSENATEURS_ARCHIVE, parseUrl, senatReferenceAt } from '../urls';
import { defineSite, ListReading, OTHER, type ListItem, type ListOwner, type PageParse } from './types';

const isArchive = (url: URL) => isWebUrl(url) && url.hostname.toLowerCase() === NOSSENATEURS_ARCHIVE;

/** `/question/15/09876`: a written question's numero is digits only; oral ones carry a letter (`23S0827`). */
const QUESTION_PATH = /^\/question\/(\d{2})\/(\d{1,5})\/?$/;
const SENATOR_QUESTIONS_PATH = /^\/([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\/questions\/ecrites\/?$/;
const SEARCH_PATH = /^\/rechercher\/questions\/[^/]+\/?$/;

export function isNossenateursQuestion(url: URL): boolean {
  const m = isArchive(url) ? QUESTION_PATH.exec(url.pathname) : null;
  return !!m && Number(m[1]) >= 12 && Number(m[2]) > 0;
}

export function isNossenateursSenatorQuestions(url: URL): boolean {
  return isArchive(url) && SENATOR_QUESTIONS_PATH.test(url.pathname);
}

export function isNossenateursSearch(url: URL): boolean {
  return isArchive(url) && SEARCH_PATH.test(url.pathname);
}

/** « Question écrite N° 09876 au Ministère … (caduque) » (showSuccess.php). */
const TITLE_LINE = /^Question écrite N°\s*(\d{1,5})(?:\s+(?:au|aux|à la|à l'|à)\s*(.+?))?(?:\s*\((caduque|retirée)\))?$/i;
const SENATOR_LINK = /^\/([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\/?$/;

export function parseNossenateursQuestion(doc: Document, url: URL): PageParse {
  const path = QUESTION_PATH.exec(url.pathname);
  if (!path || !isArchive(url)) return OTHER;
  const legislature = Number(path[1]);
  const number = Number(path[2]);
  const root = doc.querySelector(
    `[id="question${legislature}-${path[2]!.padStart(5, '0')}"], [id="question${legislature}-${number}"], div.question`,
  );
  if (!root) return OTHER;
  const heading = Array.from(root.querySelectorAll(HEADINGS))
    .map((h) => TITLE_LINE.exec(textOf(h)))
    .find(Boolean);
  if (!heading || Number(heading[1]) !== number) return OTHER;
  const submitted = findByText(root, SUBMITTED, `${HEADINGS},p,div`);
  const publishedOn = submitted ? parseFrenchDate(SUBMITTED.exec(textOf(submitted))![1]) : undefined;

  const answerBlock = root.querySelector('#reponse') ?? root;
  const withdrawn = findByText(answerBlock, WITHDRAWN, `${HEADINGS},p`);
  const answered = findByText(answerBlock, ANSWERED, `${HEADINGS},p`);
  const noAnswer = Array.from(answerBlock.querySelectorAll('p')).some((p) => NO_ANSWER_YET.test(textOf(p)));
  let status: Partial<Question> = {};
  if ([withdrawn, answered, noAnswer].filter(Boolean).length !== 1) status = { unreadableStatus: 'no single status in the answer block' };
  else if (withdrawn) {
    const m = WITHDRAWN.exec(textOf(withdrawn))!;
    status = { closedOn: parseFrenchDate(m[1]), closedReason: m[2] ? cleanText(m[2]) : heading[3] ? cleanText(heading[3]) : 'Retirée' };
  } else if (answered) {
    const answeredOn = parseFrenchDate(ANSWERED.exec(textOf(answered))![1]);
    status = answeredOn ? { answeredOn, answerText: textAfter(answered) } : { unreadableStatus: 'answer date unreadable' };
  }

  const source = root.querySelector('.source a[href]') ?? doc.querySelector('.source a[href]');
  const sourceUrl = source && parseUrl(source.getAttribute('href') ?? '');
  const senat = sourceUrl ? senatReferenceAt(sourceUrl) : undefined;
  const authorLink = Array.from(root.querySelectorAll('a[href]')).find((a) =>
    SENATOR_LINK.test(parseUrl(a.getAttribute('href') ?? '', url)?.pathname ?? ''),
  );
  const titleText = cleanText(textOf(doc.querySelector('title')));
  const authorName = (authorLink && textOf(authorLink)) || /^(.+?) - Question écrite N°/i.exec(titleText)?.[1];
  if (!authorName) return OTHER;
  const text = submitted
    ? textLines(submitted.parentElement)
        .filter((line) => !SUBMITTED.test(line))
        .join('\n\n')
    : undefined;

  const question: Question = {
    id: questionId(legislature, 'QE', number, 'SEN'),
    chamber: 'SEN',
    legislature,
    type: 'QE',
    number,
    author: {
      name: authorName,
      slug: authorLink ? SENATOR_LINK.exec(parseUrl(authorLink.getAttribute('href') ?? '', url)!.pathname)?.[1] : undefined,
    },
    ministry: heading[2] ? cleanText(heading[2]) : undefined,
    title: cleanText(textOf(root.querySelector('h1'))) || undefined,
    publishedOn,
    ...status,
    unreadableStatus: status.unreadableStatus ?? (publishedOn ? undefined : 'publication date unreadable'),
    senatReference: senat && senat.number === number ? senat.reference : undefined,
    text: text || undefined,
    urls: {},
  };
  const valid = validated(questionSchema, question);
  return valid ? { kind: 'question', question: valid } : OTHER;
}

/** `getFullTitre()`: « Question écrite N° 09876 du 12/03/2020 (Ministère …) (Caduque|Retirée|Sans réponse|Réponse le …) ». */
const FULL_TITLE =
  /^Question écrite N°\s*(\d{1,5}) du (\d{2}\/\d{2}\/\d{2,4})\s*\((.*)\)\s*\((Caduque|Retirée|Sans réponse|Réponse le ([\d/]+))\)$/i;
/** `getShortTitre()` on a senator's list: « 12/03/2020 — Ministère … - titre », no status. */
const SHORT_TITLE = /^(\d{2}\/\d{2}\/\d{2,4})\s*[—–-]\s*(.+?)\s+-\s+/;

/** « Questions écrites de Jean Louis Masson » (the heading of a senator's list). */
const OWNER_HEADING = /^Questions écrites de (.+)$/i;

/**
 * Whose list a senator's page is: the name its heading prints, the slug its address carries, and
 * the latest legislature of its questions (the one whose numbers confirm the Senate JO's name).
 */
function senatorOwner(doc: Document, url: URL, items: readonly ListItem[]): ListOwner | undefined {
  const slug = SENATOR_QUESTIONS_PATH.exec(url.pathname)?.[1];
  const heading = Array.from(doc.querySelectorAll('h1')).find((h) => OWNER_HEADING.test(textOf(h)));
  const name = heading && cleanText(OWNER_HEADING.exec(textOf(heading))![1]!);
  if (!slug || !heading || !name || name.length > 200) return undefined;
  const legislature = Math.max(...items.map(({ ref }) => ref.legislature));
  return { name, slug, legislature, element: heading };
}

function parseSenatorList(doc: Document, url: URL): PageParse {
  return parseList(doc, url, (items) => senatorOwner(doc, url, items));
}

function parseSearch(doc: Document, url: URL): PageParse {
  return parseList(doc, url);
}

function parseList(doc: Document, url: URL, owner?: (items: readonly ListItem[]) => ListOwner | undefined): PageParse {
  const list = new ListReading();
  for (const link of Array.from(doc.querySelectorAll('a[href*="/question/"]'))) {
    const target = parseUrl(link.getAttribute('href') ?? '', url);
    const path = target && isArchive(target) ? QUESTION_PATH.exec(target.pathname) : null;
    if (!path) continue;
    const legislature = Number(path[1]);
    const number = Number(path[2]);
    const text = textOf(link);
    const full = FULL_TITLE.exec(text);
    const short = full ? null : SHORT_TITLE.exec(text);
    if ((full && Number(full[1]) !== number) || (!full && !short)) continue;
    const words = full?.[4]?.toLowerCase();
    const ref: QuestionRef = {
      id: questionId(legislature, 'QE', number, 'SEN'),
      legislature,
      type: 'QE',
      number,
      url: '',
      publishedOn: parseFrenchDate(full?.[2] ?? short?.[1]),
      answeredOn: full?.[5] ? parseFrenchDate(full[5]) : undefined,
      answered: !!words?.startsWith('réponse'),
      closed: words === 'caduque' || words === 'retirée',
      closedReason: words === 'caduque' ? 'Caduque' : undefined,
      // The archive's « Sans réponse » is as of 2023: not said of today.
      pending: false,
      unreadableStatus:
        words === undefined ? 'the list shows no status' : words === 'sans réponse' ? 'no answer as of the archive (2023)' : undefined,
      ministry: cleanText(full?.[3] ?? short?.[2]) || undefined,
    };
    list.add(ref, link.closest(HEADINGS) ?? link);
  }
  return list.result(owner);
}

export const nossenateursSite = defineSite({
  id: 'nossenateurs',
  name: { fr: 'NosSénateurs.fr, archive (2004 à 2023)', en: 'NosSénateurs.fr, archive (2004 to 2023)' },
  chamber: 'SEN',
  publisher: 'nossenateurs',
  hosts: [NOSSENATEURS_ARCHIVE],
  matches: [`*://${NOSSENATEURS_ARCHIVE}/*`],
  pages: [
    {
      kind: 'nossenateurs-question',
      detect: isNossenateursQuestion,
      parse: parseNossenateursQuestion,
      anchor: (doc) => doc.querySelector('div.question h1, h1') ?? undefined,
      examples: [
        'https://archive.nossenateurs.fr/question/13/03308',
        'https://archive.nossenateurs.fr/question/15/07406/',
        'https://archive.nossenateurs.fr/question/15/9876',
        'http://archive.nossenateurs.fr/question/14/24579#commentaires',
      ],
    },
    {
      kind: 'nossenateurs-senator-questions',
      detect: isNossenateursSenatorQuestions,
      parse: parseSenatorList,
      examples: [
        'https://archive.nossenateurs.fr/jean-louis-masson/questions/ecrites',
        'https://archive.nossenateurs.fr/philippe-paul/questions/ecrites/',
        'https://archive.nossenateurs.fr/jean-louis-masson/questions/ecrites?page=3',
        'http://archive.nossenateurs.fr/nathalie-goulet/questions/ecrites#liste',
      ],
    },
    {
      kind: 'nossenateurs-search',
      detect: isNossenateursSearch,
      parse: parseSearch,
      examples: [
        'https://archive.nossenateurs.fr/rechercher/questions/retraite',
        'https://archive.nossenateurs.fr/rechercher/questions/h%C3%B4pital/',
        'https://archive.nossenateurs.fr/rechercher/questions/questions%20%C3%A9crites?page=2',
        'http://archive.nossenateurs.fr/rechercher/questions/eau',
      ],
    },
  ],
});
