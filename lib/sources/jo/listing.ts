/**
 * The DILA's folders of weekly archives are plain Apache directory listings
 * (docs/reference/dila.md, « Where »): the issues are the links to `.taz` files. A listing is
 * read from the network, so it may only ever send the poller to a file of the folder it lists.
 */
import { DOMParser } from 'linkedom';
import * as z from 'zod/mini';
import { DILA_ORIGIN } from './folders';
import { chamberSchema, issueYearSchema, type Chamber } from './schemas';

/** `…/Questions-Reponses/AN/Annee_en_cours/` for this year, `…/SENAT/2024/` for a past one. */
const FOLDER_PATH = /^\/OPENDATA\/Questions-Reponses\/(AN|SENAT)\/(Annee_en_cours|\d{4})\/?$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.taz$/i;
/** `ANQ20260010.taz`: year 2026, issue 10 (dila.md: « probably the issue's number in the year » [P]). */
const YEAR_AND_NUMBER = /(\d{4})(\d{4})\.taz$/i;

export const listedIssueSchema = z.object({
  /** The file name, as the folder lists it. */
  name: z.string().check(z.regex(FILE_NAME)),
  url: z.string().check(z.regex(/^https:\/\/echanges\.dila\.gouv\.fr\/OPENDATA\/Questions-Reponses\/(?:AN|SENAT)\/[^/?#]+\/[^/?#]+$/)),
  /** The folder's chamber. */
  chamber: chamberSchema,
  year: z.optional(issueYearSchema),
  number: z.optional(z.number().check(z.int(), z.minimum(1))),
});
export type ListedIssue = z.infer<typeof listedIssueSchema>;

/** A link to a `.taz` that was not followed, and why: worth a log line, never a request. */
export const refusedLinkSchema = z.object({ href: z.string(), reason: z.string() });
export type RefusedLink = z.infer<typeof refusedLinkSchema>;

export const listingReadingSchema = z.union([
  z.object({ ok: z.literal(true), issues: z.array(listedIssueSchema), refused: z.array(refusedLinkSchema) }),
  z.object({ ok: z.literal(false), reason: z.literal('not-a-listing-url'), detail: z.string() }),
]);
export type ListingReading = z.infer<typeof listingReadingSchema>;

interface Folder {
  url: URL;
  chamber: Chamber;
  year?: number;
}

function listedFolder(baseUrl: string): Folder | undefined {
  if (!URL.canParse(baseUrl)) return undefined;
  const url = new URL(baseUrl);
  const path = FOLDER_PATH.exec(url.pathname);
  if (url.origin !== DILA_ORIGIN || url.username || url.password || !path) return undefined;
  // Links resolve against the folder itself, which only a trailing slash makes the base.
  const folder = new URL(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`, DILA_ORIGIN);
  const year = path[2] === 'Annee_en_cours' ? undefined : Number(path[2]);
  return { url: folder, chamber: path[1] as Chamber, ...(year !== undefined ? { year } : {}) };
}

function fileName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function listedIssue(href: string, folder: Folder): ListedIssue | RefusedLink {
  const refuse = (reason: string): RefusedLink => ({ href, reason });
  if (!URL.canParse(href, folder.url)) return refuse('not a URL');
  const url = new URL(href, folder.url);
  if (url.origin !== DILA_ORIGIN || url.username || url.password) return refuse(`outside ${DILA_ORIGIN}`);
  if (!url.pathname.startsWith(folder.url.pathname)) return refuse('outside the listed folder');
  if (url.search || url.hash) return refuse('carries a query or a fragment');
  const name = fileName(url.pathname.slice(folder.url.pathname.length));
  if (!name || !FILE_NAME.test(name)) return refuse('not a file of the listed folder');
  const numbered = YEAR_AND_NUMBER.exec(name);
  const year = numbered ? Number(numbered[1]) : folder.year;
  const number = numbered ? Number(numbered[2]) : undefined;
  const issue = listedIssueSchema.safeParse({
    name,
    url: url.href,
    chamber: folder.chamber,
    ...(year !== undefined && issueYearSchema.safeParse(year).success ? { year } : {}),
    ...(number ? { number } : {}),
  });
  return issue.success ? issue.data : refuse('not a file of the listed folder');
}

/**
 * The `.taz` files a listing links to, ordered by name (which is by issue for `ANQ{year}{number}`).
 * Links elsewhere (sorting, parent folder) are navigation and ignored; a link that names a
 * `.taz` but leads outside the folder is refused and reported.
 */
export function parseListing(html: string, baseUrl: string): ListingReading {
  const folder = listedFolder(baseUrl);
  if (!folder) return { ok: false, reason: 'not-a-listing-url', detail: `${baseUrl} is not a Questions-Reponses folder of ${DILA_ORIGIN}` };
  const document = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const issues = new Map<string, ListedIssue>();
  const refused: RefusedLink[] = [];
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href')!.trim();
    if (!/\.taz/i.test(href)) continue;
    const issue = listedIssue(href, folder);
    if ('reason' in issue) refused.push(issue);
    else issues.set(issue.url, issue);
  }
  const ordered = [...issues.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, issues: ordered, refused };
}
