/**
 * What Vigie costs a page, against the floor: variants (the floor extensions, Vigie, and any other
 * build given) are each loaded in their own fresh browser, in an order shuffled in every block, so
 * that drift on a shared machine falls on all of them alike. Every load is traced at browser level.
 */
import { type FixtureServer, type Reply } from '../../harness/server';
import { HOSTS } from '../../lib/sources/hosts';
import { LIST_500, median, SEED_QUESTION } from '../browser';
import { analyzeTrace, INSERTED_MARK, type LoadFigures } from './analyze';
import { launchOverPipe, loadInNewTab, traced } from './cdp';

export const PAGE_KINDS = { question: SEED_QUESTION, list: LIST_500 } as const;
export type PageKindName = keyof typeof PAGE_KINDS;

/** Long enough for the slowest variant's passes, replies and frames to be over. */
const SETTLE_MS: Record<PageKindName, number> = { question: 900, list: 1_800 };

/**
 * The same probe first in every page: marks when the first overlay host goes in. It starts
 * observing at DOMContentLoaded, before any `document_idle` script, so the parser's own insertions
 * cost it nothing.
 */
const PROBE = `<script>document.addEventListener('DOMContentLoaded',()=>{const o=new MutationObserver((records)=>{for(const r of records)for(const n of r.addedNodes)if(n.nodeType===1&&n.hasAttribute('data-vigie-host')){performance.mark('${INSERTED_MARK}');o.disconnect();return}});o.observe(document.body,{childList:true,subtree:true})})</script>`;

/** Puts the probe first in `<head>` of the measured pages. */
export function probeMeasuredPages(server: FixtureServer): void {
  for (const url of Object.values(PAGE_KINDS)) {
    const key = new URL(url).hostname + new URL(url).pathname;
    const route = server.routes.get(key);
    if (!route) throw new Error(`No route for ${url}`);
    server.routes.set(key, (req, parsed) => {
      const reply: Reply = typeof route === 'function' ? route(req, parsed) : route;
      return { ...reply, body: String(reply.body).replace(/<head[^>]*>/i, (head) => `${head}${PROBE}`) };
    });
  }
}

export interface Variant {
  name: string;
  extensionDir: string;
}

export type Figures = Omit<LoadFigures, 'url'>;
export type PageResults = Record<string, Record<PageKindName, Figures & { loads: number }>>;

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function medians(loads: LoadFigures[]): Figures & { loads: number } {
  const keys = [
    'world',
    'compile',
    'topLevel',
    'passes',
    'contentScript',
    'rendering',
    'toOverlayPainted',
    'loadHeld',
    'afterDcl',
  ] as const;
  const result = { loads: loads.length } as Figures & { loads: number };
  for (const key of keys) {
    const values = loads.map((l) => l[key]).filter((v) => !Number.isNaN(v));
    result[key] = values.length ? median(values) : Number.NaN;
  }
  return result;
}

export async function measurePages(
  server: FixtureServer,
  variants: readonly Variant[],
  { blocks, loadsPerBlock }: { blocks: number; loadsPerBlock: number },
): Promise<PageResults> {
  const collected = new Map<string, LoadFigures[]>();
  for (let block = 0; block < blocks; block++) {
    for (const variant of shuffled(variants)) {
      const browser = await launchOverPipe({ extensionDir: variant.extensionDir, hosts: HOSTS, port: server.port });
      try {
        // Warm-up, not traced: the extension's start, the HTTP cache, the code cache of a module.
        for (const [kind, url] of Object.entries(PAGE_KINDS)) await loadInNewTab(browser, url, SETTLE_MS[kind as PageKindName]);
        const events = await traced(browser, async () => {
          for (let i = 0; i < loadsPerBlock; i++)
            for (const [kind, url] of Object.entries(PAGE_KINDS)) await loadInNewTab(browser, url, SETTLE_MS[kind as PageKindName]);
        });
        for (const load of analyzeTrace(events)) {
          const key = `${variant.name} ${load.url}`;
          collected.set(key, [...(collected.get(key) ?? []), load]);
        }
      } finally {
        await browser.close();
      }
    }
  }
  const results: PageResults = {};
  for (const variant of variants) {
    results[variant.name] = {} as PageResults[string];
    for (const [kind, url] of Object.entries(PAGE_KINDS) as [PageKindName, string][]) {
      const loads = collected.get(`${variant.name} ${url}`) ?? [];
      if (loads.length < loadsPerBlock * blocks) throw new Error(`${variant.name}: ${loads.length} traced loads of ${url}`);
      results[variant.name]![kind] = medians(loads);
    }
  }
  return results;
}
