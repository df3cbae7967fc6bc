import { legislatureRow } from './legislatures';
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

/** `QANR5L15QE19189`, the Assemblée's own identifier. */
export function anUid(id: QuestionId | QuestionKey): string {
  const { legislature, type, number } = keyOf(id);
  return `QANR5L${legislature}${type}${number}`;
}

const AN_UID = /^QANR5L([1-9]\d?)(QE|QG|QOSD)([1-9]\d{0,5})$/;

export function idFromAnUid(uid: string): QuestionId | undefined {
  const m = AN_UID.exec(uid);
  return m ? questionId(Number(m[1]), m[2] as QuestionType, Number(m[3])) : undefined;
}

/** The Assemblée's current question page. */
export function anDynUrl(id: QuestionId | QuestionKey): string {
  const key = keyOf(id);
  return `https://${AN_WWW}/dyn/${key.legislature}/questions/${anUid(key)}`;
}

/** The Assemblée's old question page (`q14/14-47351QE.htm`). */
export function anOldUrl(id: QuestionId | QuestionKey): string {
  const { legislature, type, number } = keyOf(id);
  return `https://${AN_QUESTIONS}/q${legislature}/${legislature}-${number}${type}.htm`;
}

/** The per-question open-data record (docs/reference/an.md §5). */
export function anOpenDataUrl(id: QuestionId | QuestionKey): string {
  return `https://${AN_WWW}/dyn/opendata/${anUid(keyOf(id))}.json`;
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
  const { legislature, type, number } = keyOf(id);
  const host = nosdeputesHost(legislature);
  if (!host || type !== 'QE') return undefined;
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

/** Where a question is read, on each publisher: always built from its key. */
export function questionUrls(id: QuestionId | QuestionKey): { an: string; nosdeputes?: string } {
  const nosdeputes = nosdeputesUrl(id);
  return nosdeputes ? { an: anDynUrl(id), nosdeputes } : { an: anDynUrl(id) };
}
