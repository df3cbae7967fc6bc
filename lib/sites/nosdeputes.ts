/**
 * NosDéputés.fr, legacy application (legislatures 13–16): the archive hosts and the old paths
 * on www. Templates: regardscitoyens/nosdeputes.fr (docs/reference/nosdeputes.md §3–§5).
 */
import { DATE_IN_TEXT, parseFrenchDate } from '../dates';
import { ANSWERED, NO_ANSWER_YET, SUBMITTED, WITHDRAWN } from './nos-labels';
import { groupFrom } from '../groups';
import { deputySchema, questionId, questionSchema, validated, WITHDRAWN_REASON, type Question, type QuestionRef } from '../model';
import { anDynUrl, isWebUrl, NOSDEPUTES_ARCHIVE_HOSTS, NOSDEPUTES_WWW, parseUrl } from '../urls';
import { cleanText, constituency, findByText, HEADINGS, matchLine, textAfter, textLines, textOf } from '../text';
import { defineSite, ListReading, OTHER, type PageParse } from './types';

const LEGACY_LEGISLATURE = /^1[3-6]$/;

/** The legislature a legacy NosDéputés URL belongs to, or nothing when it is not one. */
function legislatureOf(url: URL, pathLegislature: string | undefined): number | undefined {
  if (!isWebUrl(url)) return undefined;
  const archived = NOSDEPUTES_ARCHIVE_HOSTS[url.hostname];
  if (archived !== undefined) {
    // The 13th's archive may serve its paths without the /13 prefix.
    if (pathLegislature === undefined) return archived === 13 ? 13 : undefined;
    return Number(pathLegislature) === archived ? archived : undefined;
  }
  if (url.hostname === NOSDEPUTES_WWW && pathLegislature && LEGACY_LEGISLATURE.test(pathLegislature)) {
    return Number(pathLegislature);
  }
  return undefined;
}

function isLegacyHost(url: URL): boolean {
  return isWebUrl(url) && (url.hostname === NOSDEPUTES_WWW || url.hostname in NOSDEPUTES_ARCHIVE_HOSTS);
}

/** Site-wide first path segments that are not deputies (symfony routing.yml). */
const RESERVED_SEGMENTS = new Set([
  'deputes',
  'depute',
  'circonscription',
  'circonscriptions',
  'groupe',
  'groupes',
  'organisme',
  'organismes',
  'recherche',
  'rechercher',
  'synthese',
  'synthesetri',
  'faq',
  'citoyen',
  'citoyens',
  'commentaires',
  'commentaire',
  'alerte',
  'alertes',
  'api',
  'id',
  'dossiers',
  'dossier',
  'profession',
  'hasard',
  'login',
  'logout',
  'compterendu',
  'assister-aux-debats',
  'question',
  'questions',
  'seance',
  'section',
  'scrutin',
  'scrutins',
  'amendement',
  'amendements',
  'document',
  'documents',
  'intervention',
  'interventions',
  'tag',
  'tags',
  'mentions-legales',
  'plan',
  'widget',
  'css',
  'js',
  'images',
  'ajax',
  'favicon.ico',
  'robots.txt',
]);

function deputySlugOf(segment: string | undefined): string | undefined {
  if (!segment || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(segment)) return undefined;
  if (RESERVED_SEGMENTS.has(segment) || /^widget\d*$/.test(segment) || /^\d+$/.test(segment)) return undefined;
  return segment;
}

const QUESTION_PATH = /^\/(?:(\d{1,2})\/)?question\/QE\/(\d{1,6})\/?$/;
const DEPUTY_QUESTIONS_PATH = /^\/([^/]+)\/questions\/?$/;
const DEPUTY_PATH = /^\/([^/]+)\/?$/;

export function isNosdeputesQuestion(url: URL): boolean {
  const m = QUESTION_PATH.exec(url.pathname);
  return !!m && legislatureOf(url, m[1]) !== undefined;
}

export function isNosdeputesDeputyQuestions(url: URL): boolean {
  return isLegacyHost(url) && !!deputySlugOf(DEPUTY_QUESTIONS_PATH.exec(url.pathname)?.[1]);
}

export function isNosdeputesSearch(url: URL): boolean {
  if (!isLegacyHost(url)) return false;
  if (/^\/rechercher\/questions\/[^/]+\/?$/.test(url.pathname)) return true;
  return /^\/recherche(?:\/[^/]*)?\/?$/.test(url.pathname) && url.searchParams.get('object_name') === 'QuestionEcrite';
}

export function isNosdeputesDeputy(url: URL): boolean {
  return isLegacyHost(url) && !!deputySlugOf(DEPUTY_PATH.exec(url.pathname)?.[1]);
}

/** The legislature a legacy page shows: the archive host's, or the one its question links carry. */
function siteLegislature(url: URL, doc: ParentNode): number | undefined {
  const archived = NOSDEPUTES_ARCHIVE_HOSTS[url.hostname];
  if (archived !== undefined) return archived;
  const link = doc.querySelector('a[href*="/question/QE/"], a[href*="/scrutins"], form[action*="/commentaire/"]');
  const path = link?.getAttribute('href') ?? link?.getAttribute('action') ?? '';
  const m = /^\/?(?:https?:\/\/[^/]+)?\/(1[3-6])\//.exec(path);
  return m ? Number(m[1]) : undefined;
}

const D = DATE_IN_TEXT;
const ANNOUNCED = new RegExp(`^Réponse à venir le ${D}$`, 'i');
const ANSWER_HEADING = /^Réponse$/i;
const NO_ANSWER_SENTENCE = "cette question n'a pas encore de réponse.";
const TITLE_LINE = /Question N°\s*(\d{1,6})(?:\s+(?:au|aux|à la|à l'|à)\s*(.+?))?(?:\s*\(retirée\))?$/i;
const PHOTO_GROUP = /\(Groupe parlementaire\s*:\s*(?:app\.\s*)?([^)]+?)\s*\)/i;

/** A cut-off "Cette question n'a pas encore…": a truncated page, not an answer. */
function isTruncatedNoAnswer(text: string): boolean {
  const start = cleanText(text).toLowerCase().replace(/’/g, "'");
  return start.length > 0 && NO_ANSWER_SENTENCE.startsWith(start);
}

function slugFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const path = parseUrl(href, 'https://x.invalid')?.pathname ?? '';
  return deputySlugOf(/^\/([^/?#]+)\/?$/.exec(path)?.[1]);
}

interface StatusReading {
  answeredOn?: string;
  answerText?: string;
  closedOn?: string;
  closedReason?: string;
  announcedOn?: string;
  unreadableStatus?: string;
}

/** Whether the page shows anything after `element` (comments, footer): it was not cut short there. */
function hasTextAfter(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (textLines(next).length) return true;
    }
  }
  return false;
}

/** The `#reponse` block, in the order the template evaluates its variants (§3.2). */
function readStatus(root: Element): StatusReading {
  const headings = `${HEADINGS},p,div,span,strong,b`;
  const withdrawn = findByText(root, WITHDRAWN, headings);
  if (withdrawn) {
    const m = WITHDRAWN.exec(textOf(withdrawn))!;
    const closedOn = parseFrenchDate(m[1]);
    if (!closedOn) return { unreadableStatus: 'closure date unreadable' };
    return { closedOn, closedReason: m[2] ? cleanText(m[2]) : WITHDRAWN_REASON };
  }
  const answered = findByText(root, ANSWERED, headings);
  if (answered) {
    const answeredOn = parseFrenchDate(ANSWERED.exec(textOf(answered))![1]);
    if (!answeredOn) return { unreadableStatus: 'answer date unreadable' };
    return { answeredOn, answerText: textAfter(answered) };
  }
  // "Réponse à venir le …": a closing date still ahead when the site last computed the page (its
  // title says "(retirée)" all the same). The status rules read it against today (§3.2, row F).
  const announced = findByText(root, ANNOUNCED, headings);
  if (announced) {
    const announcedOn = parseFrenchDate(ANNOUNCED.exec(textOf(announced))![1]);
    return announcedOn ? { announcedOn } : { unreadableStatus: 'announced date unreadable' };
  }
  const heading = findByText(root, ANSWER_HEADING, HEADINGS);
  if (heading) {
    const answerText = textAfter(heading);
    if (!answerText) return { unreadableStatus: 'empty answer block' };
    if (NO_ANSWER_YET.test(answerText)) return {};
    if (isTruncatedNoAnswer(answerText)) return { unreadableStatus: 'answer block truncated' };
    // An undated answer is only read from a whole page: cut short, the block may hold a scrap
    // of "Cette question n'a pas encore…" or of a tag, not an answer.
    if (!hasTextAfter(root)) return { unreadableStatus: 'answer block truncated' };
    return { answerText };
  }
  return { unreadableStatus: 'no status block' };
}

export function parseNosdeputesQuestion(doc: Document, url: URL): PageParse {
  const m = QUESTION_PATH.exec(url.pathname);
  const legislature = m ? legislatureOf(url, m[1]) : undefined;
  if (!m || legislature === undefined) return OTHER;
  const number = Number(m[2]);
  const titleLine = findByText(doc, new RegExp(`Question N°\\s*${number}\\b`, 'i'), 'h1');
  if (!titleLine) return OTHER;
  // The question's block is the nearest ancestor of the title holding the "Question soumise le"
  // line, whatever its class; the template's `div.question#question{n}` when that line is missing.
  let root: Element | null = titleLine.parentElement;
  while (root && !findByText(root, SUBMITTED, 'h1,h2,h3,h4,p,div')) root = root.parentElement;
  root ??= titleLine.closest('[id^="question"], .question') ?? doc.querySelector(`[id="question${number}"]`);
  if (!root) return OTHER;
  // A block that names another question (`id="question19188"` under a title for 19189): not this page.
  const rootNumber = /^question(?:\d+-)?(\d+)$/.exec(root.id)?.[1];
  if (rootNumber !== undefined && Number(rootNumber) !== number) return OTHER;

  const submitted = findByText(root, SUBMITTED, 'h1,h2,h3,h4,p,div');
  const publishedOn = submitted ? parseFrenchDate(SUBMITTED.exec(textOf(submitted))![1]) : undefined;
  const status = readStatus(root);
  const authorLink = titleLine.querySelector('a[href]');
  const titleLines = textLines(titleLine);
  const authorName = authorLink ? textOf(authorLink) : titleLines.length > 1 ? titleLines[0] : undefined;
  if (!authorName) return OTHER;
  const heading = matchLine(titleLines, TITLE_LINE);
  const photoTitle = root.querySelector('img[title*="--"]')?.getAttribute('title') ?? '';
  const acronym = PHOTO_GROUP.exec(photoTitle)?.[1];
  const questionTextBlock = submitted?.parentElement;
  const text = questionTextBlock
    ? Array.from(questionTextBlock.children)
        .filter((el) => el.tagName === 'P')
        .map(textOf)
        .filter(Boolean)
        .join('\n\n')
    : undefined;

  const id = questionId(legislature, 'QE', number);
  const question: Question = {
    id,
    chamber: 'AN',
    legislature,
    type: 'QE',
    number,
    author: {
      name: authorName,
      slug: slugFromHref(authorLink?.getAttribute('href')),
      group: groupFrom(acronym, undefined, legislature),
    },
    answeringMinistry: heading?.[2] ? cleanText(heading[2]) : undefined,
    publishedOn,
    ...status,
    unreadableStatus: status.unreadableStatus ?? (publishedOn ? undefined : 'publication date unreadable'),
    text: text || undefined,
    urls: { an: anDynUrl(id), nosdeputes: `https://${url.hostname}${url.pathname.replace(/\/$/, '')}` },
  };
  const valid = validated(questionSchema, question);
  return valid ? { kind: 'question', question: valid } : OTHER;
}

/** "Question Écrite N° 12874 du 07/11/23 (Ministère …) (Sans réponse)" — `getTitre()` (§2.3). */
const LIST_TITLE =
  /^Question [ÉE]crite N°\s*(\d{1,6}) du (\d{2}\/\d{2}\/\d{2})\s*\((.*)\)\s*\((Sans réponse|Retirée|Réponse le ([\d/]*))\)$/i;
const LIST_TITLE_START = /^Question [ÉE]crite N°\s*(\d{1,6})/i;
const LINK_PATH = /^\/(?:(\d{1,2})\/)?question\/QE\/(\d{1,6})\/?$/;

function parseList(doc: Document, url: URL): PageParse {
  const list = new ListReading();
  const pageLegislature = siteLegislature(url, doc);
  for (const link of Array.from(doc.querySelectorAll('a[href*="/question/QE/"]'))) {
    const text = textOf(link);
    const start = LIST_TITLE_START.exec(text);
    if (!start) continue;
    const href = link.getAttribute('href') ?? '';
    // Items link by a path on the page's own host: such a path is its own URL's, without building one per item.
    const target = LINK_PATH.test(href) ? { hostname: url.hostname, pathname: href } : parseUrl(href, url);
    if (!target) continue;
    const path = LINK_PATH.exec(target.pathname);
    if (!path || path[2] !== start[1]) continue;
    const legislature = path[1] ? Number(path[1]) : pageLegislature;
    if (legislature === undefined) continue;
    const number = Number(path[2]);
    const id = questionId(legislature, 'QE', number);
    if (list.has(id)) continue;
    const m = LIST_TITLE.exec(text);
    const answeredOn = m?.[5] ? parseFrenchDate(m[5]) : undefined;
    const ref: QuestionRef = {
      id,
      legislature,
      type: 'QE',
      number,
      url: `https://${target.hostname}${target.pathname}`,
      publishedOn: m ? parseFrenchDate(m[2]) : undefined,
      answeredOn,
      answered: !!m && m[4]!.startsWith('Réponse'),
      closed: m?.[4] === 'Retirée',
      pending: m?.[4] === 'Sans réponse',
      unreadableStatus: m ? undefined : 'status words not found',
      ministry: m?.[3] ? cleanText(m[3]) : undefined,
    };
    list.add(ref, link.closest(HEADINGS) ?? link);
  }
  return list.result();
}

const STATUS_LINE =
  /^,?\s*(?:ancien(?:ne)?\s+)?députée?(?:\s+apparentée?)?(?:\s+(\S+))?\s+de la (\d+)\s*(?:ère|ème|re|e)\s+circonscription\s+(?:de l'|du |de la |des |d'|de )\s*(.+)$/i;
const MANDATE_SINCE = new RegExp(`Mandat en cours depuis le ${D}`, 'i');
/** "Mandat clos rempli du 21 juin 2017 au 3 juillet 2020 (…)" — `_fiche.php` for a finished mandate. */
const MANDATE_SPAN = new RegExp(`Mandat (?:clos rempli )?(?:du|commencé le) ${D}.*?(?:au|terminé le|jusqu'au) ${D}`, 'i');
const GROUP_LINE = /^Groupe politique\s*:\s*(.+?)(?:\s*\((?:[^()]*)\))?$/i;

export function parseNosdeputesDeputy(doc: Document, url: URL): PageParse {
  const slug = deputySlugOf(DEPUTY_PATH.exec(url.pathname)?.[1]);
  if (!slug) return OTHER;
  // The status line (", députée REN de la 3ème circonscription du Finistère") and the name
  // beside it; `div.info_depute` only narrows the search.
  const isStatus = (h: Element) => STATUS_LINE.test(textOf(h));
  const scope = doc.querySelector('.fiche_depute .info_depute, .info_depute');
  const statusEl = Array.from(scope?.querySelectorAll('h2') ?? []).find(isStatus) ?? Array.from(doc.querySelectorAll('h2')).find(isStatus);
  const status = statusEl ? STATUS_LINE.exec(textOf(statusEl)) : null;
  const nameEl = statusEl?.parentElement?.querySelector('h1');
  if (!status || !nameEl) return OTHER;
  const legislature = siteLegislature(url, doc);
  // The body, not the document: linkedom gives a doctype no next sibling, so a walk from the
  // document itself would see no text at all.
  const info = doc.querySelector('.contenu_depute') ?? doc.body ?? doc.documentElement;
  const lines = textLines(info);
  const groupName = matchLine(lines, GROUP_LINE)?.[1];
  const acronym = statusEl!.querySelector('a[href^="/groupe/"]')?.getAttribute('href')?.split('/')[2] ?? status[1];
  const since = matchLine(lines, MANDATE_SINCE);
  const span = matchLine(lines, MANDATE_SPAN);
  const anFiche = info.querySelector('a[href*="OMC_PA"], a[href*="/dyn/deputes/PA"]')?.getAttribute('href') ?? '';
  const anId = /(PA\d+)/.exec(anFiche)?.[1];
  const group = groupFrom(acronym, groupName && cleanText(groupName), legislature);
  const deputy = {
    name: textOf(nameEl),
    slug,
    anId,
    group,
    constituency: constituency(status[3]!, Number(status[2])),
    mandateStart: parseFrenchDate(since?.[1] ?? span?.[1]),
    mandateEnd: parseFrenchDate(span?.[2]),
    legislature,
  };
  const valid = validated(deputySchema, deputy);
  return valid ? { kind: 'deputy', deputy: valid } : OTHER;
}

const LEGACY_HOSTS = [NOSDEPUTES_WWW, ...Object.keys(NOSDEPUTES_ARCHIVE_HOSTS)];

export const nosdeputesSite = defineSite({
  id: 'nosdeputes',
  name: { fr: 'NosDéputés.fr, archives des législatures 13 à 16', en: 'NosDéputés.fr, archives of legislatures 13 to 16' },
  chamber: 'AN',
  publisher: 'nosdeputes',
  hosts: LEGACY_HOSTS,
  // Deputy pages sit at `/:slug`: the whole of each host.
  matches: LEGACY_HOSTS.map((host) => `*://${host}/*`),
  pages: [
    {
      kind: 'nosdeputes-question',
      detect: isNosdeputesQuestion,
      parse: parseNosdeputesQuestion,
      anchor: (doc) => findByText(doc, /Question N°\s*\d+/i, 'h1') ?? doc.querySelector('h1') ?? undefined,
      examples: [
        'https://2007-2012.nosdeputes.fr/13/question/QE/1234',
        'https://2007-2012.nosdeputes.fr/question/QE/1234',
        'https://2012-2017.nosdeputes.fr/14/question/QE/47351/',
        'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
        'https://2017-2022.nosdeputes.fr/15/question/QE/19189?page=2',
        'https://2022-2024.nosdeputes.fr/16/question/QE/4020#commentaires',
        'https://www.nosdeputes.fr/13/question/QE/5',
        'https://www.nosdeputes.fr/14/question/QE/47351',
        'https://www.nosdeputes.fr/15/question/QE/19189/',
        'https://www.nosdeputes.fr/16/question/QE/12874',
        'https://WWW.NOSDEPUTES.FR/16/question/QE/999999',
      ],
    },
    {
      kind: 'nosdeputes-deputy-questions',
      detect: isNosdeputesDeputyQuestions,
      parse: parseList,
      examples: [
        'https://www.nosdeputes.fr/elise-morvan/questions',
        'https://2007-2012.nosdeputes.fr/jean-pierre-brard/questions',
        'https://2012-2017.nosdeputes.fr/jean-lassalle/questions?page=2',
        'https://2017-2022.nosdeputes.fr/julien-dive/questions/',
        'https://2022-2024.nosdeputes.fr/francois-ruffin/questions#liste',
        'https://www.nosdeputes.fr/marie-george-buffet/questions/?page=3',
      ],
    },
    {
      kind: 'nosdeputes-search',
      detect: isNosdeputesSearch,
      parse: parseList,
      examples: [
        'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
        'https://www.nosdeputes.fr/recherche?object_name=QuestionEcrite',
        'https://2017-2022.nosdeputes.fr/recherche/sant%C3%A9?object_name=QuestionEcrite&page=2',
        'https://2022-2024.nosdeputes.fr/recherche/?sort=1&object_name=QuestionEcrite#resultats',
        'https://2012-2017.nosdeputes.fr/rechercher/questions/retraite',
        'https://2007-2012.nosdeputes.fr/rechercher/questions/h%C3%B4pital/',
      ],
    },
    {
      kind: 'nosdeputes-deputy',
      detect: isNosdeputesDeputy,
      parse: parseNosdeputesDeputy,
      anchor: (doc) =>
        doc.querySelector('.fiche_depute .info_depute') ?? doc.querySelector('.info_depute') ?? doc.querySelector('h1') ?? undefined,
      examples: [
        'https://www.nosdeputes.fr/elise-morvan',
        'https://2007-2012.nosdeputes.fr/jean-pierre-brard',
        'https://2012-2017.nosdeputes.fr/jean-lassalle/',
        'https://2017-2022.nosdeputes.fr/julien-dive?page=2',
        'https://2022-2024.nosdeputes.fr/francois-ruffin#mandat',
        'https://www.nosdeputes.fr/marie-george-buffet/',
      ],
    },
  ],
});
