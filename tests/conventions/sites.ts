/**
 * The conventions every site module keeps (see ARCHITECTURE.md): checked for the real registry by
 * sites.test.ts, and shown to catch a bad module there too.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { LANGUAGES } from '../../lib/i18n';
import { type PageParse, type SiteDefinition } from '../../lib/sites/types';
import { parseUrl } from '../../lib/urls';
import { DOM_IMPLEMENTATIONS, type DomImplementation } from '../helpers/dom';

export const MIN_EXAMPLES = 4;

/** A saved page of one kind, and the address it was served from. */
export interface SiteFixture {
  file: string;
  url: string;
}

export interface ConventionInput {
  sites: readonly SiteDefinition[];
  /** By page kind. */
  fixtures: Readonly<Partial<Record<string, readonly SiteFixture[]>>>;
  /** The pages the browser suites load (harness/site.ts). */
  e2ePages: readonly { url: string }[];
  document(file: string, url: string, dom: DomImplementation): Document;
}

/** What a parse says, without the page elements a list item points at. */
function summary(page: PageParse): unknown {
  if (page.kind === 'question-list') return { kind: page.kind, refs: page.items.map((item) => item.ref) };
  return page;
}

export function siteConventionViolations({ sites, fixtures, e2ePages, document }: ConventionInput): string[] {
  const violations: string[] = [];
  const pages = sites.flatMap((site) => site.pages.map((page) => ({ site, page })));
  const seenSites = new Set<string>();
  const seenKinds = new Set<string>();

  for (const site of sites) {
    if (seenSites.has(site.id)) violations.push(`${site.id}: site id used twice`);
    seenSites.add(site.id);
    for (const lang of LANGUAGES) if (!site.name[lang]?.trim()) violations.push(`${site.id}: no name in ${lang}`);
    const patterns = site.matches.map((pattern) => new MatchPattern(pattern));

    for (const page of site.pages) {
      const where = `${site.id}/${page.kind}`;
      if (seenKinds.has(page.kind)) violations.push(`${where}: page kind used twice`);
      seenKinds.add(page.kind);
      if (page.examples.length < MIN_EXAMPLES)
        violations.push(`${where}: ${page.examples.length} example URLs, fewer than ${MIN_EXAMPLES}`);

      for (const example of page.examples) {
        const url = parseUrl(example);
        if (!url) {
          violations.push(`${where}: example ${example} is not a URL`);
          continue;
        }
        if (!page.detect(url)) violations.push(`${where}: its detector refuses its example ${example}`);
        for (const other of pages) {
          if (other.page !== page && other.page.detect(url))
            violations.push(`${where}: example ${example} is also accepted by ${other.site.id}/${other.page.kind}`);
        }
        if (!patterns.some((pattern) => pattern.includes(url.href)))
          violations.push(`${where}: example ${example} is outside the site's match patterns`);
        if (!site.hosts.includes(url.hostname)) violations.push(`${where}: example ${example} is on a host the site does not declare`);
      }

      const saved = fixtures[page.kind] ?? [];
      if (!saved.length) violations.push(`${where}: no fixture page`);
      for (const fixture of saved) {
        const url = parseUrl(fixture.url);
        if (!url || !page.detect(url)) {
          violations.push(`${where}: fixture ${fixture.file} is served from ${fixture.url}, which is not this kind`);
          continue;
        }
        const reads = DOM_IMPLEMENTATIONS.map((dom) => {
          const doc = document(fixture.file, fixture.url, dom);
          return { dom, doc, parsed: page.parse(doc, url) };
        });
        for (const { dom, doc, parsed } of reads) {
          if (parsed.kind === 'other') violations.push(`${where}: fixture ${fixture.file} reads as nothing in ${dom}`);
          if ((parsed.kind === 'question' || parsed.kind === 'deputy') && !page.anchor?.(doc)) {
            violations.push(`${where}: no anchor for the card on fixture ${fixture.file} in ${dom}`);
          }
        }
        const [first, ...others] = reads.map((read) => JSON.stringify(summary(read.parsed)));
        if (others.some((other) => other !== first))
          violations.push(`${where}: fixture ${fixture.file} reads differently in ${DOM_IMPLEMENTATIONS.join(' and ')}`);
      }

      if (
        !e2ePages.some(({ url }) => {
          const parsed = parseUrl(url);
          return !!parsed && page.detect(parsed);
        })
      ) {
        violations.push(`${where}: no page in the browser suites`);
      }
    }
  }
  return violations;
}
