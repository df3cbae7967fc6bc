/**
 * senat.fr: a written question's page (`/questions/base/{YYYY}/qSEQ{YY}{MM}{NUM}.html`, or
 * `/basile/visio.do?id=qSEQ…`) and the yearly archive that lists them (docs/reference/senat.md §1,
 * §2, §6). No real markup is known, and the site has had three layouts since 2011: pages are read
 * by their visible labels, line by line in reading order; the DOM only delimits lines.
 */
import { addDays, addMonths, parseFrenchDate, type IsoDate } from '../dates';
import { questionId, questionSchema, validated, type Question, type QuestionRef } from '../model';
import { legislatureRow } from '../legislatures';
import { senateLegislatureOn, senateNumberingAllows } from '../senate-rules';
import { cleanText, textLines, textOf } from '../text';
import { isSenatHost, parseUrl, SENAT_HOSTS, SENAT_REFERENCE, SENAT_WWW, senatReferenceAt, senatYear } from '../urls';
import { defineSite, ListReading, OTHER, type PageParse } from './types';

const YEAR_PATH = /^\/questions\/base\/(\d{4})\/(?:index\.html)?$/;

export function isSenatQuestion(url: URL): boolean {
  return senatReferenceAt(url) !== undefined;
}

export function isSenatYearArchive(url: URL): boolean {
  const m = isSenatHost(url) ? YEAR_PATH.exec(url.pathname) : null;
  return !!m && Number(m[1]) >= 1978;
}

const DATE = String.raw`(\d{2}\/\d{2}\/\d{4})`;
/** Layout B, current (§2.1 [V]): « Question de M. MASSON Jean Louis (Moselle - NI) publiée le 07/02/2008 ». */
const QUESTION_HEAD = new RegExp(String.raw`^Question de (M\.|Mme) (.+?) \((.+?) - (.+?)\) publiée le ${DATE}$`);
/** Layout A, older (§2.2 [P]): « Question écrite n° 03308 de M. Jean Louis Masson (Moselle - NI) », dated below. */
const QUESTION_HEAD_A = /^Question écrite n°\s*(\d{1,5}) de (M\.|Mme) (.+?) \((.+?) - (.+?)\)$/i;
const JO_LINE_A = new RegExp(String.raw`^publiée dans le JO Sénat du ${DATE}(?:\s*-\s*page\s*\d+)?$`, 'i');
const JO_PAGE = /^-\s*page\s*\d+$/i;
const LEGISLATURE = /^(\d{1,2})\s*(?:e|ème|è)\s*législature$/i;
const ANSWER = new RegExp(String.raw`^Réponse du (?:ministère\s*:\s*)?(.+?) publiée le ${DATE}$`);
const ANSWER_C = new RegExp(String.raw`^Réponse publiée le ${DATE}$`);
const ANSWER_A = /^Réponse du (?:ministère\s*:\s*)?(.+)$/;
const ANSWER_IN_SITTING = new RegExp(String.raw`^Réponse apportée en séance publique le ${DATE}$`);
const AWAITING = /^En attente de réponse du (.+)$/;
const TRANSMITTED = /^Transmise (?:au|à la|à l'|à l’|aux) (.+)$/;
const LAPSED = /^La question est caduque\.?$/;
const WITHDRAWN = /^La question a été retirée(?: pour cause de (.+?))?\.?$/;
const CONVERTED = /^Transformée\s*(?:en\s*)?(QOSD|question orale(?: sans débat)?)\b/i;
const RECALLS = /^Rappelle la question n°\s*(\d{1,5})\b/i;
/** The usual words of a question de rappel (senat.md §3.4, quoted by the Gazette des communes) [P]. */
const RECALL_FORMULA = /les termes de sa question n°\s*(\d{1,5})\b[^.]*?qui n'a pas obtenu de réponse/i;
const NOT_YET = /Le texte de cette question sera publié dès sa|réponse n'est pas disponible à ce jour/i;
/** The page's last line (§2.1): a page that has it was not cut short. */
const FOOTER = /^Page mise à jour le\b/i;

/** The reference a link points at (`…/qSEQ08020330S.html`, `visio.do?id=qSEQ…`), any nature. */
function linkedReference(root: ParentNode, pattern: RegExp): string | undefined {
  for (const link of Array.from(root.querySelectorAll('a[href*="qSEQ"]'))) {
    if (!pattern.test(textOf(link.parentElement ?? link))) continue;
    const m = /qSEQ(\d{4}(?:\d{5}|\d{4}[ACEGS]))\b/.exec(link.getAttribute('href') ?? '');
    const reference = m && `SEQ${m[1]}`;
    if (reference && SENAT_REFERENCE.test(reference)) return reference;
  }
  return undefined;
}

interface Reading {
  answeredOn?: IsoDate;
  answeringMinistry?: string;
  answerText?: string;
  closedReason?: string;
  awaiting?: string;
  transmittedTo?: string;
  recalled?: number;
  problem?: string;
}

/**
 * What follows the question's own block, in reading order. The answer's text is skipped (words
 * in it are not labels); two endings at once, or an answer with a closure, is a contradiction.
 * Layout B closes the answer with its « - page N » line; layout A dates it on the line after its
 * heading and runs its text to the footer.
 */
function readAfterQuestion(lines: readonly string[], layoutA: boolean): Reading & { footer: boolean } {
  const reading: Reading & { footer: boolean } = { footer: false };
  const endings: string[] = [];
  let inAnswer = false;
  const answerLines: string[] = [];
  for (const line of lines) {
    if (FOOTER.test(line)) {
      reading.footer = true;
      break;
    }
    if (inAnswer) {
      if (!layoutA && JO_PAGE.test(line)) inAnswer = false;
      else if (layoutA && !reading.answeredOn && JO_LINE_A.test(line)) reading.answeredOn = parseFrenchDate(JO_LINE_A.exec(line)![1]);
      else answerLines.push(line);
      continue;
    }
    const named = ANSWER.exec(line);
    const answer = named ?? ANSWER_C.exec(line) ?? ANSWER_IN_SITTING.exec(line);
    const answerA = layoutA && !answer ? ANSWER_A.exec(line) : null;
    if (answer || answerA) {
      endings.push('answer');
      const date = answer?.[answer.length - 1];
      if (date) reading.answeredOn = parseFrenchDate(date);
      if (date && !reading.answeredOn) reading.problem = 'answer date unreadable';
      const ministry = named?.[1] ?? answerA?.[1];
      if (ministry) reading.answeringMinistry = cleanText(ministry);
      inAnswer = true;
      continue;
    }
    if (LAPSED.test(line)) {
      endings.push('lapsed');
      reading.closedReason = 'La question est caduque';
    } else if (WITHDRAWN.test(line)) {
      endings.push('withdrawn');
      reading.closedReason = cleanText(line).replace(/\.$/, '');
    } else if (CONVERTED.test(line)) {
      endings.push('converted');
      reading.closedReason = `Transformée en ${/QOSD/i.test(line) ? 'question orale sans débat' : 'question orale'}`;
    } else if (AWAITING.test(line)) {
      reading.awaiting = cleanText(AWAITING.exec(line)![1]);
    } else if (TRANSMITTED.test(line)) {
      reading.transmittedTo = cleanText(TRANSMITTED.exec(line)![1]);
    } else if (RECALLS.test(line)) {
      reading.recalled = Number(RECALLS.exec(line)![1]);
    }
  }
  if (answerLines.length) reading.answerText = answerLines.join('\n\n');
  if (endings.length > 1) reading.problem = `contradiction: ${endings.join(', ')}`;
  else if (reading.awaiting && endings.length) reading.problem = `contradiction: awaiting an answer and ${endings[0]}`;
  return reading;
}

/** A line that starts what follows a layout-A question's text. */
const isLabelA = (line: string) =>
  [ANSWER_A, LAPSED, WITHDRAWN, CONVERTED, AWAITING, TRANSMITTED, RECALLS, FOOTER].some((label) => label.test(line));

interface Head {
  index: number;
  civility: string;
  name: string;
  constituency: string;
  group: string;
  publishedOn?: IsoDate;
  statedNumber?: number;
  layoutA: boolean;
}

function findHead(lines: readonly string[]): Head | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const b = QUESTION_HEAD.exec(line);
    if (b)
      return { index, civility: b[1]!, name: b[2]!, constituency: b[3]!, group: b[4]!, publishedOn: parseFrenchDate(b[5]), layoutA: false };
    const a = QUESTION_HEAD_A.exec(line);
    if (a) {
      const dated = lines.slice(index + 1).find((next) => JO_LINE_A.test(next));
      return {
        index,
        civility: a[2]!,
        name: a[3]!,
        constituency: a[4]!,
        group: a[5]!,
        publishedOn: dated ? parseFrenchDate(JO_LINE_A.exec(dated)![1]) : undefined,
        statedNumber: Number(a[1]),
        layoutA: true,
      };
    }
  }
  return undefined;
}

/**
 * The question's own text, and the index where what follows it starts: layout B closes it with
 * its « - page N » line; layout A dates it on the line after the heading and ends it at the next label.
 */
function questionBlock(lines: readonly string[], head: Head): { text: string[]; next: number } | undefined {
  if (!head.layoutA) {
    for (let i = head.index + 1; i < lines.length; i++)
      if (JO_PAGE.test(lines[i]!)) return { text: lines.slice(head.index + 1, i), next: i + 1 };
    return undefined;
  }
  if (!JO_LINE_A.test(lines[head.index + 1] ?? '')) return undefined;
  let next = head.index + 2;
  while (next < lines.length && !isLabelA(lines[next]!)) next++;
  return { text: lines.slice(head.index + 2, next), next };
}

/**
 * The legislature whose numbering the question carries: the page's « 15e législature » where it
 * says one the calendar knows and the date allows, else what the date surely says. A page whose
 * line and date disagree is not read.
 */
function legislatureOf(linesBefore: readonly string[], publishedOn: IsoDate | undefined): number | undefined {
  const stated = linesBefore.map((line) => LEGISLATURE.exec(line)).find(Boolean);
  const fromDate = publishedOn ? senateLegislatureOn(publishedOn) : undefined;
  if (!stated) return fromDate;
  const number = Number(stated[1]);
  if (!legislatureRow(number) || (publishedOn && !senateNumberingAllows(number, publishedOn))) return undefined;
  return fromDate === undefined || fromDate === number ? number : undefined;
}

export function parseSenatQuestion(doc: Document, url: URL): PageParse {
  const at = senatReferenceAt(url);
  if (!at) return OTHER;
  const root = doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  const lines = textLines(root);
  const head = findHead(lines);
  if (!head || (head.statedNumber !== undefined && head.statedNumber !== at.number)) return OTHER;
  const publishedOn = head.publishedOn;
  const legislature = legislatureOf(lines.slice(0, head.index), publishedOn);
  if (legislature === undefined) return OTHER;

  const block = questionBlock(lines, head);
  const reading = readAfterQuestion(block ? lines.slice(block.next) : [], head.layoutA);
  const text = block?.text.join('\n\n') || undefined;
  const recalled = reading.recalled ?? (text ? Number(RECALL_FORMULA.exec(text)?.[1]) || undefined : undefined);
  const pendingWithoutWords = !reading.answeredOn && !reading.answerText && !reading.closedReason && !reading.awaiting;

  const unreadableStatus = !block
    ? 'question block not delimited'
    : !publishedOn
      ? 'publication date unreadable'
      : (reading.problem ??
        (lines.some((line) => NOT_YET.test(line))
          ? 'text not published yet'
          : reading.answerText !== undefined && !reading.answeredOn
            ? 'answer date unreadable'
            : // Nothing after the question and no footer: the page may be cut before its answer.
              pendingWithoutWords && !reading.footer
              ? 'page cut short'
              : undefined));

  const author = doc.querySelector('a[href*="/senateur/"]');
  const senatSlug = /\/senateur\/([a-z0-9_]+)\.html$/.exec(author?.getAttribute('href') ?? '')?.[1];
  const title = cleanText(textOf(doc.querySelector('h1')));
  const question: Question = {
    id: questionId(legislature, 'QE', at.number, 'SEN'),
    chamber: 'SEN',
    legislature,
    type: 'QE',
    number: at.number,
    author: {
      name: `${head.civility} ${cleanText(head.name)}`,
      senatSlug,
      group: { acronym: cleanText(head.group) },
      constituency: cleanText(head.constituency),
    },
    ministry: reading.awaiting && !reading.transmittedTo ? reading.awaiting : undefined,
    answeringMinistry: reading.answeringMinistry ?? reading.transmittedTo ?? reading.awaiting,
    transmittedTo: reading.transmittedTo,
    title: title && !/^\[/.test(title) ? title : undefined,
    publishedOn,
    answeredOn: reading.answeredOn,
    answerText: reading.answerText,
    closedReason: reading.closedReason,
    awaitingAnswer: reading.awaiting ? true : undefined,
    recalls: recalled ? { number: recalled, senatReference: linkedReference(root, RECALLS) } : undefined,
    convertedTo: reading.closedReason?.startsWith('Transformée') ? linkedReference(root, CONVERTED) : undefined,
    senatReference: at.reference,
    text,
    unreadableStatus,
    urls: {},
  };
  const valid = validated(questionSchema, question);
  return valid ? { kind: 'question', question: valid } : OTHER;
}

/**
 * The yearly archive (§1.2): links to each question, grouped by JO date, without a status. An item
 * is keyed by the month of its reference only when the whole month lies where the Sénat's numbering
 * is certain; its status stays unknown, and « Suivre » reads the page.
 */
function parseYearArchive(doc: Document, url: URL): PageParse {
  const list = new ListReading();
  for (const link of Array.from(doc.querySelectorAll('a[href*="qSEQ"]'))) {
    const target = parseUrl(link.getAttribute('href') ?? '', url);
    const at = target && senatReferenceAt(target);
    if (!at || !/^\d{1,5}$/.test(textOf(link)) || Number(textOf(link)) !== at.number) continue;
    const yy = at.reference.slice(3, 5);
    const mm = at.reference.slice(5, 7);
    if (!/^(0[1-9]|1[0-2])$/.test(mm)) continue;
    const first = `${senatYear(yy)}-${mm}-01`;
    const firstLegislature = senateLegislatureOn(first);
    if (firstLegislature === undefined || senateLegislatureOn(addDays(addMonths(first, 1), -1)) !== firstLegislature) continue;
    const ref: QuestionRef = {
      id: questionId(firstLegislature, 'QE', at.number, 'SEN'),
      legislature: firstLegislature,
      type: 'QE',
      number: at.number,
      url: '',
      senatReference: at.reference,
      answered: false,
      closed: false,
      pending: false,
      unreadableStatus: 'the archive lists no status',
    };
    list.add(ref, link);
  }
  return list.result();
}

export const senatSite = defineSite({
  id: 'senat',
  name: { fr: 'senat.fr, questions écrites des sénateurs', en: "senat.fr, senators' written questions" },
  chamber: 'SEN',
  publisher: 'senat',
  hosts: SENAT_HOSTS,
  // The background reads a question at the address its reference gives (lib/urls.ts senatQuestionUrl).
  fetchedHosts: [SENAT_WWW],
  matches: SENAT_HOSTS.flatMap((host) => [`*://${host}/questions/base/*`, `*://${host}/basile/visio.do*`]),
  pages: [
    {
      kind: 'senat-question',
      detect: isSenatQuestion,
      parse: parseSenatQuestion,
      anchor: (doc) => doc.querySelector('main h1, h1') ?? undefined,
      examples: [
        'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
        'https://senat.fr/questions/base/2018/qSEQ181007406.html',
        'http://www2.senat.fr/questions/base/1987/qSEQ870305017.html',
        'https://www.senat.fr/questions/base/2022/qSEQ220628479.html#reponse',
        'https://www.senat.fr/questions/base/2025/qSEQ250404208.html',
        'https://www.senat.fr/basile/visio.do?id=qSEQ080203308',
        'https://www.senat.fr/basile/visio.do?id=qSEQ250404208&idtable=q123456',
      ],
    },
    {
      kind: 'senat-year-archive',
      detect: isSenatYearArchive,
      parse: parseYearArchive,
      examples: [
        'https://www.senat.fr/questions/base/2025/',
        'https://senat.fr/questions/base/2024/index.html',
        'https://www.senat.fr/questions/base/2008/',
        'http://www2.senat.fr/questions/base/1987/',
      ],
    },
  ],
});
