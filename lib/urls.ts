import { legislatureRow } from './legislatures';
import { type IsoDate } from './dates';
import { parseQuestionId, questionId, type QuestionId, type QuestionKey, type QuestionType } from './question-key';

export const AN_WWW = 'www.assemblee-nationale.fr';
export const AN_QUESTIONS = 'questions.assemblee-nationale.fr';

export const NOSDEPUTES_LEGACY_LEGISLATURES = [13, 14, 15, 16] as const;
/**
 * NosDéputés' legacy application: one host per finished legislature, named after the years it
 * sat (lib/legislatures.ts). The 16th moved off www.nosdeputes.fr in July 2024;
 * `2022-2024.nosdeputes.fr` follows the pattern of the older archives (an assumption in
 * docs/reference/nosdeputes.md §7), while www kept its paths.
 */
export const NOSDEPUTES_ARCHIVE_HOSTS: Readonly<Record<string, number>> = Object.fromEntries(
  NOSDEPUTES_LEGACY_LEGISLATURES.map((number) => {
    const { firstDay, lastDay } = legislatureRow(number)!;
    return [`${firstDay.slice(0, 4)}-${lastDay!.slice(0, 4)}.nosdeputes.fr`, number];
  }),
);
export const NOSDEPUTES_WWW = 'www.nosdeputes.fr';

/** Old `http:` links (the Assemblée's own, NosDéputés' « source » links) name the same pages. */
export function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** A URL, or nothing for text that is not one: links on pages and in files are not trusted. */
export function parseUrl(href: string, base?: string | URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

function keyOf(id: QuestionId | QuestionKey): QuestionKey {
  if (typeof id !== 'string') return id;
  const key = parseQuestionId(id);
  if (!key) throw new TypeError(`Not a question id: ${id}`);
  return key;
}

/** An Assemblée question's key: its addresses never serve a Sénat question. */
function anKeyOf(id: QuestionId | QuestionKey): QuestionKey {
  const key = keyOf(id);
  if (key.chamber !== 'AN')
    throw new TypeError(`Not an Assemblée question: ${questionId(key.legislature, key.type, key.number, key.chamber)}`);
  return key;
}

/** `QANR5L15QE19189`, the Assemblée's own identifier. */
export function anUid(id: QuestionId | QuestionKey): string {
  const { legislature, type, number } = anKeyOf(id);
  return `QANR5L${legislature}${type}${number}`;
}

const AN_UID = /^QANR5L([1-9]\d?)(QE|QG|QOSD)([1-9]\d{0,5})$/;

export function idFromAnUid(uid: string): QuestionId | undefined {
  const m = AN_UID.exec(uid);
  return m ? questionId(Number(m[1]), m[2] as QuestionType, Number(m[3])) : undefined;
}

/** The Assemblée's current question page. */
export function anDynUrl(id: QuestionId | QuestionKey): string {
  const key = anKeyOf(id);
  return `https://${AN_WWW}/dyn/${key.legislature}/questions/${anUid(key)}`;
}

/** The Assemblée's old question page (`q14/14-47351QE.htm`). */
export function anOldUrl(id: QuestionId | QuestionKey): string {
  const { legislature, type, number } = anKeyOf(id);
  return `https://${AN_QUESTIONS}/q${legislature}/${legislature}-${number}${type}.htm`;
}

/** The per-question open-data record (docs/reference/an.md §5). */
export function anOpenDataUrl(id: QuestionId | QuestionKey): string {
  return `https://${AN_WWW}/dyn/opendata/${anUid(anKeyOf(id))}.json`;
}

export function nosdeputesHost(legislature: number): string | undefined {
  for (const [host, leg] of Object.entries(NOSDEPUTES_ARCHIVE_HOSTS)) if (leg === legislature) return host;
  return undefined;
}

/**
 * NosDéputés' page for a written question. Only legislatures 13–16 have one: the new site
 * (17th) lists questions per deputy but has no page per question.
 */
export function nosdeputesUrl(id: QuestionId | QuestionKey): string | undefined {
  const { chamber, legislature, type, number } = keyOf(id);
  const host = nosdeputesHost(legislature);
  if (chamber !== 'AN' || !host || type !== 'QE') return undefined;
  return `https://${host}/${legislature}/question/QE/${number}`;
}

export function anDeputyUrl(anId: string): string {
  return `https://${AN_WWW}/dyn/deputes/${anId}`;
}

/** The deputy on NosDéputés: the archive of that legislature, or the new site for the 17th on. */
export function nosdeputesDeputyUrl(slug: string, legislature?: number): string {
  const host = legislature === undefined ? undefined : nosdeputesHost(legislature);
  return host ? `https://${host}/${slug}` : `https://${NOSDEPUTES_WWW}/depute/${slug}`;
}

export const SENAT_WWW = 'www.senat.fr';
export const NOSSENATEURS_ARCHIVE = 'archive.nossenateurs.fr';

/**
 * The Sénat's reference of a question, `SEQ{YY}{MM}{NUM}` (senat.md §1.1): `{MM}` is the month of
 * its JO in every page checked, but not certainly, so a reference is only ever read from a page's
 * URL or links, never built from a number and a date. Written questions have five digits; other
 * natures four and a letter (`S`: question orale sans débat, `G`: question d'actualité).
 */
export const SENAT_REFERENCE = /^SEQ(\d{2})(\d{2})(\d{5}|\d{4}[ACEGS])$/;

/** The year of a Sénat reference's `{YY}` (senat.md §1.1: 1900 + YY, plus 100 below 75). */
export function senatYear(yy: string | number): number {
  return (Number(yy) < 75 ? 2000 : 1900) + Number(yy);
}

/** The hosts senat.fr serves the same pages on (senat.md §1.1); aliases of stored copies are left out. */
export const SENAT_HOSTS = ['www.senat.fr', 'senat.fr', 'www2.senat.fr'] as const;

const QUESTION_PATH = /^\/questions\/base\/(\d{4})\/q(SEQ(\d{2})\d{2}(\d{5}))\.html$/i;
const VISIO_PATH = '/basile/visio.do';
const VISIO_ID = /^q(SEQ(\d{2})\d{2}(\d{5}))$/;

export const isSenatHost = (url: URL) => isWebUrl(url) && (SENAT_HOSTS as readonly string[]).includes(url.hostname.toLowerCase());

interface PageReference {
  reference: string;
  number: number;
}

/**
 * A Sénat written question's reference from its page's address (senat.md §1.1): five digits, the
 * year in the path its own. NosSénateurs' pages link there too.
 */
export function senatReferenceAt(url: URL): PageReference | undefined {
  if (!isSenatHost(url)) return undefined;
  const path = QUESTION_PATH.exec(url.pathname);
  if (path) {
    if (Number(path[1]) !== senatYear(path[3]!)) return undefined;
    return { reference: path[2]!.toUpperCase(), number: Number(path[4]) };
  }
  if (url.pathname !== VISIO_PATH) return undefined;
  const id = VISIO_ID.exec(url.searchParams.get('id') ?? '');
  return id ? { reference: id[1]!, number: Number(id[3]) } : undefined;
}

/** The Sénat's page of a question, from its reference: `{YYYY}` is `{YY}` with its century (§1.1). */
export function senatQuestionUrl(reference: string): string | undefined {
  const m = SENAT_REFERENCE.exec(reference);
  if (!m) return undefined;
  return `https://${SENAT_WWW}/questions/base/${senatYear(m[1]!)}/q${reference}.html`;
}

/**
 * NosSénateurs' archive covers October 2004 to March 2023 (senat.md §1.3: the site is stopped,
 * `end_data: "2023-03-31"`); its route is `/question/:legi/:numero`, a written numero on five digits.
 */
export const NOSSENATEURS_SPAN = { first: '2004-10-01', last: '2023-03-31' } as const;

export function nossenateursQuestionUrl(key: QuestionKey, publishedOn: IsoDate | undefined): string | undefined {
  if (key.chamber !== 'SEN' || key.type !== 'QE' || !publishedOn) return undefined;
  if (publishedOn < NOSSENATEURS_SPAN.first || publishedOn > NOSSENATEURS_SPAN.last) return undefined;
  return `https://${NOSSENATEURS_ARCHIVE}/question/${key.legislature}/${String(key.number).padStart(5, '0')}`;
}

/** A senator's page on senat.fr (`/senateur/{slug}.html`, senat.md §1.2). */
export function senatSenatorUrl(slug: string): string {
  return `https://${SENAT_WWW}/senateur/${slug}.html`;
}

/** A senator on NosSénateurs' archive: `/:slug`, the name hyphenated like NosDéputés'. */
export function nossenateursSenatorUrl(slug: string): string {
  return `https://${NOSSENATEURS_ARCHIVE}/${slug}`;
}

export interface QuestionUrls {
  an?: string;
  nosdeputes?: string;
  senat?: string;
  nossenateurs?: string;
}

/**
 * Where a question is read, on each publisher: built from its key, and for the Sénat from the
 * reference its page gave (and, for NosSénateurs' archive, its date).
 */
export function questionUrls(id: QuestionId | QuestionKey, senat?: { reference?: string; publishedOn?: IsoDate }): QuestionUrls {
  const key = keyOf(id);
  if (key.chamber === 'SEN') {
    const urls: QuestionUrls = {};
    const page = senat?.reference && senatQuestionUrl(senat.reference);
    const archive = nossenateursQuestionUrl(key, senat?.publishedOn);
    if (page) urls.senat = page;
    if (archive) urls.nossenateurs = archive;
    return urls;
  }
  const nosdeputes = nosdeputesUrl(key);
  return nosdeputes ? { an: anDynUrl(key), nosdeputes } : { an: anDynUrl(key) };
}

/** The page a question is best read on: its chamber's own site, else the other publisher's. */
export function primaryUrl(urls: QuestionUrls): string | undefined {
  return urls.an ?? urls.senat ?? urls.nossenateurs ?? urls.nosdeputes;
}
