// @vitest-environment happy-dom
/**
 * The overlays on real page fixtures, each read in a happy-dom window at the page's own URL.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { type Language } from '../../lib/i18n';
import { HOST_SELECTOR } from '../../lib/content/hosts';
import { EMPTY_STATE, Overlays } from '../../lib/content/overlays';
import { ministryKey } from '../../lib/follows/ministry';
import { ALL_SITES, SITES } from '../../lib/sites';
import { PAGE_MODULES, pageModules } from '../../lib/sites/page-modules';
import { siteReader } from '../../lib/sites/reader';
import { recordShadowRoots } from '../helpers/shadow';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const TODAY = '2026-11-29';

const URLS = {
  ndRetiree: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
  ndRepondue: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567',
  ndSansReponse: 'https://www.nosdeputes.fr/16/question/QE/12874',
  ndDeputyQuestions: 'https://www.nosdeputes.fr/elise-morvan/questions',
  ndSearch: 'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
  ndDeputy: 'https://www.nosdeputes.fr/elise-morvan',
  anRepondue: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
  anRetiree: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
  anOld: 'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm',
};

const windows: Window[] = [];
/** Each document's closed shadow roots, as they were attached. */
const rootsIn = new WeakMap<Document, (host: Element) => ShadowRoot>();
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A document as the browser would show it at `url`: no scripts run, nothing fetched. */
function load(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  windows.push(window);
  const doc = window.document as unknown as Document;
  rootsIn.set(doc, recordShadowRoots(doc));
  doc.write(html);
  return doc;
}

function hosts(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(HOST_SELECTOR));
}

/** The page's markup with our hosts taken out. */
function pageWithoutHosts(doc: Document): string {
  const clone = doc.documentElement.cloneNode(true) as Element;
  for (const host of Array.from(clone.querySelectorAll(HOST_SELECTOR))) host.remove();
  return clone.outerHTML;
}

function textWithoutHosts(doc: Document): string {
  const clone = doc.body.cloneNode(true) as Element;
  for (const host of Array.from(clone.querySelectorAll(HOST_SELECTOR))) host.remove();
  return clone.textContent ?? '';
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function shadowOf(host: Element): ShadowRoot {
  expect(host.shadowRoot).toBeNull();
  const root = rootsIn.get(host.ownerDocument)!(host);
  expect(root.mode).toBe('closed');
  return root;
}

function labelOf(host: Element): string {
  return norm(shadowOf(host).querySelector('.badge__label')?.textContent);
}

function mount(doc: Document, url: string, lang: Language = 'fr'): Overlays {
  const overlays = new Overlays(doc, ALL_SITES);
  overlays.sync(url, { lang, today: TODAY });
  return overlays;
}

interface QuestionCase {
  name: string;
  file: string;
  url: string;
  id: string;
  state: string;
  label: string;
  /** The element the card follows. */
  title: (doc: Document) => Element | null;
  link: [string, string] | null;
}

const QUESTION_PAGES: QuestionCase[] = [
  {
    name: 'NosDéputés, withdrawn (15-QE-19189)',
    file: 'nosdeputes/q-retiree.html',
    url: URLS.ndRetiree,
    id: 'AN-15-QE-19189',
    state: 'closed',
    label: 'Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)',
    title: (doc) => doc.querySelector('h1'),
    link: ['Voir sur assemblee-nationale.fr', 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189'],
  },
  {
    name: 'NosDéputés, answered (15-QE-24567)',
    file: 'nosdeputes/q-repondue.html',
    url: URLS.ndRepondue,
    id: 'AN-15-QE-24567',
    state: 'answered',
    // 26 Nov 2019 → 4 Feb 2020 = 70 days; due 26 Jan 2020, so 9 days late.
    label: 'Répondue en 70 jours (9 j de retard)',
    title: (doc) => doc.querySelector('h1'),
    link: ['Voir sur assemblee-nationale.fr', 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE24567'],
  },
  {
    name: 'NosDéputés, unanswered (16-QE-12874)',
    file: 'nosdeputes/q-sans-reponse.html',
    url: URLS.ndSansReponse,
    id: 'AN-16-QE-12874',
    state: 'closed',
    // Published 7 Nov 2023, due 7 Jan 2024, unanswered when the 16th ended on 9 June 2024: late 154 days, no more.
    label: 'Caduque — fin de la 16e législature (9 juin 2024), après 215 jours (154 j de retard)',
    title: (doc) => doc.querySelector('h1'),
    link: ['Voir sur assemblee-nationale.fr', 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE12874'],
  },
  {
    name: 'Assemblée, answered (16-QE-4020)',
    file: 'an/an-dyn-qe-repondue.html',
    url: URLS.anRepondue,
    id: 'AN-16-QE-4020',
    state: 'answered',
    // 13 Dec 2022 → 28 Feb 2023 = 77 days; due 13 Feb 2023, so 15 days late.
    label: 'Répondue en 77 jours (15 j de retard)',
    title: (doc) => doc.querySelector('main h1'),
    link: ['Voir sur NosDéputés.fr', 'https://2022-2024.nosdeputes.fr/16/question/QE/4020'],
  },
  {
    name: 'Assemblée, withdrawn (15-QE-19189)',
    file: 'an/an-dyn-qe-retiree.html',
    url: URLS.anRetiree,
    id: 'AN-15-QE-19189',
    state: 'closed',
    label: 'Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)',
    title: (doc) => doc.querySelector('main h1'),
    link: ['Voir sur NosDéputés.fr', 'https://2017-2022.nosdeputes.fr/15/question/QE/19189'],
  },
  {
    name: 'Assemblée, old layout (14-QE-47351)',
    file: 'an/an-old-qe.html',
    url: URLS.anOld,
    id: 'AN-14-QE-47351',
    state: 'answered',
    // 7 Jan 2014 → 13 May 2014 = 126 days; due 7 Feb 2014 (one month until December 2014), so 95 days late.
    label: 'Répondue en 126 jours (95 j de retard)',
    // No <h1> there: the title is the "Question N° 47351" header section.
    title: (doc) => doc.querySelector('section.question_header'),
    link: ['Voir sur NosDéputés.fr', 'https://2012-2017.nosdeputes.fr/14/question/QE/47351'],
  },
];

describe('Overlays — question pages', () => {
  for (const c of QUESTION_PAGES) {
    describe(c.name, () => {
      it('mounts one card host with the question id and state, right after the title', () => {
        const doc = load(fixture(c.file), c.url);
        const overlays = mount(doc, c.url);
        const [host, ...rest] = hosts(doc);
        expect(rest).toHaveLength(0);
        expect(overlays.count).toBe(1);
        expect(host!.getAttribute('data-vigie-host')).toBe('');
        expect(host!.getAttribute('data-vigie-id')).toBe(c.id);
        expect(host!.getAttribute('data-vigie-state')).toBe(c.state);
        expect(host!.hasAttribute('data-vigie-inline')).toBe(false);
        const title = c.title(doc);
        expect(title).not.toBeNull();
        expect(title!.nextElementSibling).toBe(host);
        expect(title!.nextSibling).toBe(host);
        // Nothing of ours in the light DOM: the card lives in the shadow root.
        expect(host!.childNodes).toHaveLength(0);
      });

      it('shows the status and links to the other site inside the shadow root', () => {
        const doc = load(fixture(c.file), c.url);
        mount(doc, c.url);
        const host = hosts(doc)[0]!;
        const root = shadowOf(host);
        expect(root.querySelector('section.card')).not.toBeNull();
        expect(root.querySelector('.badge')?.getAttribute('data-state')).toBe(c.state);
        expect(labelOf(host)).toBe(c.label);
        const link = root.querySelector('.links a');
        expect(link ? [link.textContent, link.getAttribute('href')] : null).toEqual(c.link);
      });

      it('leaves the page’s own markup and text untouched', () => {
        const doc = load(fixture(c.file), c.url);
        const markup = pageWithoutHosts(doc);
        const text = doc.body.textContent;
        mount(doc, c.url);
        expect(hosts(doc)).toHaveLength(1);
        expect(pageWithoutHosts(doc)).toBe(markup);
        expect(textWithoutHosts(doc)).toBe(text);
      });

      it('is idempotent: a second sync mounts nothing new', () => {
        const doc = load(fixture(c.file), c.url);
        const overlays = mount(doc, c.url);
        const before = hosts(doc);
        overlays.sync(c.url, { lang: 'fr', today: TODAY });
        overlays.sync(c.url, { lang: 'fr', today: TODAY });
        const after = hosts(doc);
        expect(after).toHaveLength(1);
        expect(after[0]).toBe(before[0]);
        expect(overlays.count).toBe(1);
        expect(labelOf(after[0]!)).toBe(c.label);
      });

      it('clear() removes everything and restores the page', () => {
        const doc = load(fixture(c.file), c.url);
        const markup = doc.documentElement.outerHTML;
        const overlays = mount(doc, c.url);
        const host = hosts(doc)[0]!;
        overlays.clear();
        expect(hosts(doc)).toHaveLength(0);
        expect(overlays.count).toBe(0);
        expect(host.isConnected).toBe(false);
        expect(shadowOf(host).querySelector('section')).toBeNull();
        expect(doc.documentElement.outerHTML).toBe(markup);
      });
    });
  }

  it('speaks English when asked', () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), URLS.ndRetiree);
    mount(doc, URLS.ndRetiree, 'en');
    const host = hosts(doc)[0]!;
    expect(labelOf(host)).toBe('Lapsed — end of the 15th legislature (21 June 2022), after 1,148 days (1,087 days late)');
    expect(shadowOf(host).querySelector('.links a')?.textContent).toBe('See on assemblee-nationale.fr');
  });

  it('moves to the new state when a later day makes a waiting question late, then its legislature ends', () => {
    const doc = load(fixture('nosdeputes/q-sans-reponse.html'), URLS.ndSansReponse);
    const overlays = new Overlays(doc, ALL_SITES);
    overlays.sync(URLS.ndSansReponse, { lang: 'fr', today: '2023-12-01' });
    const pending = hosts(doc);
    expect(pending.map((h) => h.getAttribute('data-vigie-state'))).toEqual(['pending']);
    expect(labelOf(pending[0]!)).toBe('En attente — échéance le 7 janvier 2024');
    overlays.sync(URLS.ndSansReponse, { lang: 'fr', today: '2024-03-01' });
    const overdue = hosts(doc);
    expect(overdue.map((h) => h.getAttribute('data-vigie-state'))).toEqual(['overdue']);
    expect(labelOf(overdue[0]!)).toBe('En retard de 54 jours');
    expect(pending[0]!.isConnected).toBe(false);
    overlays.sync(URLS.ndSansReponse, { lang: 'fr', today: TODAY });
    const lapsed = hosts(doc);
    expect(lapsed.map((h) => h.getAttribute('data-vigie-state'))).toEqual(['closed']);
    expect(labelOf(lapsed[0]!)).toBe('Caduque — fin de la 16e législature (9 juin 2024), après 215 jours (154 j de retard)');
  });

  it('remounts a card the page removed', () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), URLS.ndRetiree);
    const overlays = mount(doc, URLS.ndRetiree);
    hosts(doc)[0]!.remove();
    overlays.sync(URLS.ndRetiree, { lang: 'fr', today: TODAY });
    const again = hosts(doc);
    expect(again).toHaveLength(1);
    expect(doc.querySelector('h1')!.nextElementSibling).toBe(again[0]);
    expect(overlays.count).toBe(1);
  });

  it('renders hostile page text as text', () => {
    const html = fixture('nosdeputes/q-retiree.html')
      .replace('<a href="/julien-dive">Julien Dive</a>', '<a href="/julien-dive">&lt;img src=x onerror=alert(1)&gt;</a>')
      .replace('(fin de mandat)</h3>', '(&lt;script&gt;alert(1)&lt;/script&gt;)</h3>');
    const doc = load(html, URLS.ndRetiree);
    mount(doc, URLS.ndRetiree);
    const host = hosts(doc)[0];
    expect(host).toBeDefined();
    const root = shadowOf(host!);
    expect(root.querySelectorAll('img,script').length).toBe(0);
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('<script>alert(1)</script>');
  });
});

describe('Overlays — page modules', () => {
  const readers = Object.entries(PAGE_MODULES).map(
    ([name, ids]) => [name, siteReader(SITES.filter((site) => (ids as readonly string[]).includes(site.id)))] as const,
  );

  it.each(QUESTION_PAGES)('$name: a card from its own host’s module only', (c) => {
    const doc = load(fixture(c.file), c.url);
    const own = readers.filter(([, reader]) => {
      const overlays = new Overlays(doc, reader);
      overlays.sync(c.url, { lang: 'fr', today: TODAY });
      const mounted = hosts(doc).length;
      overlays.clear();
      return mounted === 1;
    });
    expect(own.map(([name]) => name)).toEqual([pageModules(SITES).find((m) => m.hosts.includes(new URL(c.url).hostname))!.name]);
  });
});

// The 16th legislature has ended: its questions « Sans réponse » lapsed with it.
const LIST_STATES = ['closed', 'answered', 'closed', 'closed', 'answered'];
const LIST_IDS = ['AN-16-QE-15230', 'AN-16-QE-11907', 'AN-16-QE-12874', 'AN-16-QE-9120', 'AN-16-QE-6044'];

describe('Overlays — list pages', () => {
  for (const [name, file, url, heading] of [
    ['deputy’s questions', 'nosdeputes/list-deputy-questions.html', URLS.ndDeputyQuestions, 'H2'],
    ['search results', 'nosdeputes/list-search-questions.html', URLS.ndSearch, 'H4'],
  ] as const) {
    describe(name, () => {
      it('puts one inline badge host in each item’s heading, after its link', () => {
        const doc = load(fixture(file), url);
        const overlays = mount(doc, url);
        const found = hosts(doc);
        expect(found.map((h) => h.getAttribute('data-vigie-id'))).toEqual(LIST_IDS);
        expect(found.map((h) => h.getAttribute('data-vigie-state'))).toEqual(LIST_STATES);
        expect(overlays.count).toBe(5);
        for (const host of found) {
          expect(host.getAttribute('data-vigie-host')).toBe('');
          expect(host.hasAttribute('data-vigie-inline')).toBe(true);
          expect(host.parentElement?.tagName).toBe(heading);
          const link = host.previousElementSibling;
          expect(link?.tagName).toBe('A');
          expect(link?.getAttribute('href')).toBe(`/16/question/QE/${host.getAttribute('data-vigie-id')!.split('-').pop()}`);
          expect(host.closest('a')).toBeNull();
          expect(shadowOf(host).querySelector('.list-item .badge--compact')?.getAttribute('data-state')).toBe(
            host.getAttribute('data-vigie-state'),
          );
        }
      });

      it('labels each item', () => {
        const doc = load(fixture(file), url);
        mount(doc, url);
        expect(hosts(doc).map(labelOf)).toEqual([
          // Published 20 Feb 2024, due 20 Apr 2024, lapsed on 9 June 2024.
          'Caduque — fin de la 16e législature (9 juin 2024), après 110 jours (50 j de retard)',
          // 3 Oct 2023 → 30 Jan 2024 = 119 days; due 3 Dec 2023.
          'Répondue en 119 jours (58 j de retard)',
          'Caduque — fin de la 16e législature (9 juin 2024), après 215 jours (154 j de retard)',
          // The list gives no closure date.
          'Close sans réponse',
          // 21 Feb 2023 → 11 Jul 2023 = 140 days; due 21 Apr 2023.
          'Répondue en 140 jours (81 j de retard)',
        ]);
      });

      it('leaves the page’s own markup and text untouched, and is idempotent', () => {
        const doc = load(fixture(file), url);
        const markup = pageWithoutHosts(doc);
        const text = doc.body.textContent;
        const overlays = mount(doc, url);
        const first = hosts(doc);
        expect(pageWithoutHosts(doc)).toBe(markup);
        expect(textWithoutHosts(doc)).toBe(text);
        overlays.sync(url, { lang: 'fr', today: TODAY });
        const second = hosts(doc);
        expect(second).toHaveLength(5);
        for (const [i, host] of second.entries()) expect(host).toBe(first[i]);
        overlays.clear();
        expect(hosts(doc)).toHaveLength(0);
        expect(doc.documentElement.outerHTML).toBe(markup);
      });
    });
  }

  it('changing the URL clears the old hosts first', () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), URLS.ndDeputyQuestions);
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    const old = hosts(doc);
    expect(old).toHaveLength(5);

    const next = `${URLS.ndDeputyQuestions}?page=2`;
    overlays.sync(next, { lang: 'fr', today: TODAY });
    const fresh = hosts(doc);
    expect(fresh).toHaveLength(5);
    for (const host of old) {
      expect(host.isConnected).toBe(false);
      expect(fresh).not.toContain(host);
    }
    expect(overlays.count).toBe(5);

    overlays.sync('https://www.nosdeputes.fr/faq', { lang: 'fr', today: TODAY });
    expect(hosts(doc)).toHaveLength(0);
    expect(overlays.count).toBe(0);
  });

  it('follows an item whose status changed in place (SPA re-render)', () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), URLS.ndDeputyQuestions);
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    const link = doc.querySelector('a[href="/16/question/QE/15230"]')!;
    link.textContent = (link.textContent ?? '').replace('(Sans réponse)', '(Réponse le 14/05/24)');
    overlays.sync(URLS.ndDeputyQuestions, { lang: 'fr', today: TODAY });
    const inHeading = Array.from(link.parentElement!.querySelectorAll(HOST_SELECTOR));
    expect(inHeading).toHaveLength(1);
    expect(inHeading[0]!.getAttribute('data-vigie-state')).toBe('answered');
    expect(hosts(doc)).toHaveLength(5);
    expect(overlays.count).toBe(5);
  });
});

function generatedList(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const n = 1000 + i;
    const status = i % 3 === 0 ? 'Sans réponse' : i % 3 === 1 ? 'Réponse le 14/05/24' : 'Retirée';
    return `<div class="question" id="q${n}"><div><h2><a href="/16/question/QE/${n}">Question Écrite N° ${n} du 20/02/24 (Ministère de l'intérieur) (${status})</a></h2></div><p>Texte ${n}</p></div>`;
  });
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Questions</title></head><body><h1>Questions écrites</h1><div class="interventions">${items.join('\n')}</div></body></html>`;
}

describe('Overlays — a long list', () => {
  it('badges the items near the viewport at once and every other one when the page is idle, each asked about', async () => {
    const doc = load(generatedList(500), URLS.ndDeputyQuestions);
    const screen = doc.defaultView!.innerHeight;
    // A laid-out page: item i sits i × 40 px down.
    for (const [i, item] of Array.from(doc.querySelectorAll('.question h2')).entries()) {
      item.getBoundingClientRect = () => ({ top: 40 * i + 1, bottom: 40 * i + 30 }) as DOMRect;
    }
    const near = Math.ceil((2 * screen - 1) / 40);
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    expect(hosts(doc)).toHaveLength(near);
    expect(overlays.targets()).toHaveLength(500);
    await expect.poll(() => hosts(doc).length, { timeout: 10_000 }).toBe(500);
    expect(overlays.count).toBe(500);
    // In the page's order, whatever the order they went in.
    expect(hosts(doc).map((h) => h.getAttribute('data-vigie-id'))).toEqual(Array.from({ length: 500 }, (_, i) => `AN-16-QE-${1000 + i}`));
  });

  it('puts the far badges in the page all at once, once all are built: the page is laid out twice, not once per chunk', async () => {
    const doc = load(generatedList(500), URLS.ndDeputyQuestions);
    for (const [i, item] of Array.from(doc.querySelectorAll('.question h2')).entries()) {
      item.getBoundingClientRect = () => ({ top: 40 * i + 1, bottom: 40 * i + 30 }) as DOMRect;
    }
    const counts: number[] = [];
    const observer = new doc.defaultView!.MutationObserver(() => counts.push(hosts(doc).length));
    observer.observe(doc.body, { childList: true, subtree: true });
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    const near = hosts(doc).length;
    expect(near).toBeLessThan(500);
    await expect.poll(() => hosts(doc).length, { timeout: 10_000 }).toBe(500);
    observer.disconnect();
    // Every mutation batch saw either the near badges or all of them: none saw a part of the rest.
    expect(new Set(counts)).toEqual(new Set([near, 500]));
    expect(overlays.count).toBe(500);
  });

  it('drops a far badge whose item left the page while the rest were being built', async () => {
    const doc = load(generatedList(500), URLS.ndDeputyQuestions);
    for (const [i, item] of Array.from(doc.querySelectorAll('.question h2')).entries()) {
      item.getBoundingClientRect = () => ({ top: 40 * i + 1, bottom: 40 * i + 30 }) as DOMRect;
    }
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    doc.getElementById('q1490')!.remove();
    await expect.poll(() => overlays.count, { timeout: 10_000 }).toBe(499);
    expect(doc.querySelector(`${HOST_SELECTOR}[data-vigie-id="AN-16-QE-1490"]`)).toBeNull();
  });

  it('mounts 500 hosts for 500 items, and drops only the one whose item left the page', () => {
    const doc = load(generatedList(500), URLS.ndDeputyQuestions);
    const text = doc.body.textContent;
    const overlays = mount(doc, URLS.ndDeputyQuestions);
    const all = hosts(doc);
    expect(all).toHaveLength(500);
    expect(overlays.count).toBe(500);
    expect(new Set(all.map((h) => h.getAttribute('data-vigie-id'))).size).toBe(500);
    // 16th-legislature items: « Sans réponse » lapsed with it, like « Retirée » ones are closed.
    expect(all.filter((h) => h.getAttribute('data-vigie-state') === 'answered')).toHaveLength(167);
    expect(all.filter((h) => h.getAttribute('data-vigie-state') === 'closed')).toHaveLength(333);
    expect(textWithoutHosts(doc)).toBe(text);

    const gone = all[250]!;
    expect(gone.getAttribute('data-vigie-id')).toBe('AN-16-QE-1250');
    doc.getElementById('q1250')!.remove();
    overlays.sync(URLS.ndDeputyQuestions, { lang: 'fr', today: TODAY });

    const kept = hosts(doc);
    expect(kept).toHaveLength(499);
    expect(overlays.count).toBe(499);
    expect(doc.querySelector(`${HOST_SELECTOR}[data-vigie-id="AN-16-QE-1250"]`)).toBeNull();
    expect(kept).toEqual(all.filter((h) => h !== gone));
    // The dropped host was unmounted, not merely detached along with its item.
    expect(shadowOf(gone).querySelector('.badge')).toBeNull();
  });
});

describe('Overlays — deputy page', () => {
  it('mounts one card after the deputy header, keyed by slug', () => {
    const doc = load(fixture('nosdeputes/deputy.html'), URLS.ndDeputy);
    const markup = pageWithoutHosts(doc);
    const overlays = mount(doc, URLS.ndDeputy);
    const found = hosts(doc);
    expect(found).toHaveLength(1);
    const host = found[0]!;
    expect(host.getAttribute('data-vigie-deputy')).toBe('elise-morvan');
    expect(host.hasAttribute('data-vigie-id')).toBe(false);
    expect(host.previousElementSibling).toBe(doc.querySelector('.fiche_depute .info_depute'));
    const root = shadowOf(host);
    const card = root.querySelector('section.card--deputy');
    expect(card).not.toBeNull();
    expect(Array.from(card!.querySelectorAll('.deputy__fact')).map((f) => f.textContent)).toEqual([
      'REN — Renaissance',
      'Finistère (3e circonscription)',
      'en mandat depuis le 22 juin 2022',
    ]);
    expect(Array.from(card!.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://www.assemblee-nationale.fr/dyn/deputes/PA795321',
      'https://2022-2024.nosdeputes.fr/elise-morvan',
    ]);
    expect(pageWithoutHosts(doc)).toBe(markup);

    overlays.sync(URLS.ndDeputy, { lang: 'fr', today: TODAY });
    expect(hosts(doc)).toEqual(found);
    overlays.clear();
    expect(hosts(doc)).toHaveLength(0);
  });
});

const ERROR_PAGE = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur 404</title></head>
<body><h1>Page introuvable</h1><p>La page que vous demandez n'existe pas ou plus.</p><p><a href="/">Accueil</a></p></body></html>`;

describe('Overlays — pages Vigie does not understand', () => {
  const cases: [string, () => string, string][] = [
    ['an error page at a NosDéputés question URL', () => ERROR_PAGE, URLS.ndRetiree],
    ['an error page at an Assemblée question URL', () => ERROR_PAGE, URLS.anRepondue],
    ['an error page at an old Assemblée question URL', () => ERROR_PAGE, URLS.anOld],
    ['an error page at a deputy URL', () => ERROR_PAGE, 'https://www.nosdeputes.fr/jean-inconnu'],
    ['an error page at a deputy questions URL', () => ERROR_PAGE, URLS.ndDeputyQuestions],
    [
      'a question page at another question’s URL',
      () => fixture('nosdeputes/q-retiree.html'),
      'https://2017-2022.nosdeputes.fr/15/question/QE/19188',
    ],
    ['a question page at an unrelated URL', () => fixture('nosdeputes/q-retiree.html'), 'https://example.org/15/question/QE/19189'],
    ['a list page at a site-wide NosDéputés URL', () => fixture('nosdeputes/list-deputy-questions.html'), 'https://www.nosdeputes.fr/faq'],
    ['an empty document', () => '', URLS.ndRetiree],
    ['a page at an unparsable URL', () => fixture('nosdeputes/q-retiree.html'), 'not a url'],
  ];
  for (const [name, html, url] of cases) {
    it(`${name}: no host, no exception`, () => {
      const doc = load(html(), url === 'not a url' ? 'https://example.invalid/' : url);
      const markup = doc.documentElement.outerHTML;
      const overlays = new Overlays(doc, ALL_SITES);
      expect(() => overlays.sync(url, { lang: 'fr', today: TODAY })).not.toThrow();
      expect(() => overlays.sync(url, { lang: 'fr', today: TODAY })).not.toThrow();
      expect(hosts(doc)).toHaveLength(0);
      expect(overlays.count).toBe(0);
      expect(doc.documentElement.outerHTML).toBe(markup);
      expect(() => overlays.clear()).not.toThrow();
    });
  }
});

describe('follows on the page', () => {
  const LIST = 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions';
  const KEY = 'deputy:AN:17:PA795321';

  it('asks about a list owner whose card waits below the viewport: the follow states are asked once, at sync, for every overlay', () => {
    const doc = load(fixture('an/an-deputy-questions.html'), LIST);
    // The page opened scrolled far down: every anchor, the owner's heading too, is far above.
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      element.getBoundingClientRect = () => ({ top: -50_000, bottom: -49_970 }) as DOMRect;
    }
    const overlays = mount(doc, LIST);
    expect(doc.querySelector(`${HOST_SELECTOR}[data-vigie-deputy="${KEY}"]`)).toBeNull();
    expect(overlays.followTargets().identities.map((identity) => identity.anId)).toEqual(['PA795321']);
  });

  it('a deputy’s list of questions gets a card under its heading, offering to follow them with the numbers of their written questions', () => {
    const doc = load(fixture('an/an-deputy-questions.html'), LIST);
    const overlays = mount(doc, LIST);
    const card = doc.querySelector(`${HOST_SELECTOR}[data-vigie-deputy="${KEY}"]`)!;
    expect(card.previousElementSibling?.tagName).toBe('H1');
    const [identity] = overlays.followTargets().identities;
    expect(identity).toMatchObject({ chamber: 'AN', legislature: 17, name: 'M. Fabrice Exemple', anId: 'PA795321' });
    expect(identity!.numbers).toEqual([4512, 4388, 3921, 3507, 2990, 2714, 1876, 1234, 905]);
    // Before the background has said whether they are followed, the button holds its place, disabled;
    // none at all when the background cannot answer.
    const placeholder = shadowOf(card).querySelector<HTMLButtonElement>('button.follow__button')!;
    expect(placeholder.disabled).toBe(true);
    expect(placeholder.getAttribute('aria-pressed')).toBe('false');
    overlays.update({ ...EMPTY_STATE, followsUnavailable: true });
    expect(shadowOf(card).querySelector('button.follow__button')).toBeNull();

    const toggled: boolean[] = [];
    overlays.update({
      ...EMPTY_STATE,
      follows: {
        states: new Map([[KEY, { followed: false }]]),
        busy: new Set(),
        failed: new Set(),
        sweeping: new Set(),
        sweepFailed: new Set(),
        ministries: new Map(),
        toggle: (_identity, follow) => toggled.push(follow),
        toggleMinistry: () => undefined,
        askRecord: () => undefined,
      },
    });
    const button = shadowOf(card).querySelector('button.follow__button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(norm(button.textContent)).toBe('○ Suivre ce député');
    expect(norm(shadowOf(card).textContent)).toContain('Voir son bilan de questions écrites');
  });

  it('a question card offers to follow its author on the author’s line', () => {
    const url = 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020';
    const doc = load(fixture('an/an-dyn-qe-repondue.html'), url);
    const overlays = mount(doc, url);
    const [identity] = overlays.followTargets().identities;
    expect(identity).toMatchObject({ chamber: 'AN', legislature: 16, numbers: [4020] });
    expect(identity!.name).toBeTruthy();
  });

  /** The follow state the background would send: these people and ministries known, none followed unless said. */
  function followState(people: Record<string, boolean>, ministries: Record<string, boolean>, calls: unknown[] = []) {
    return {
      ...EMPTY_STATE,
      follows: {
        states: new Map(Object.entries(people).map(([key, followed]) => [key, { followed }])),
        ministries: new Map(Object.entries(ministries)),
        busy: new Set<string>(),
        failed: new Set<string>(),
        sweeping: new Set<string>(),
        sweepFailed: new Set<string>(),
        toggle: (identity: unknown, follow: boolean) => calls.push(['person', identity, follow]),
        toggleMinistry: (target: unknown, follow: boolean) => calls.push(['ministry', target, follow]),
        askRecord: () => calls.push(['record']),
      },
    };
  }

  it('a senat.fr question card offers « Suivre ce sénateur » on the senator line: chamber SENAT, the JO’s name order, no record', () => {
    const url = 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html';
    const doc = load(fixture('senat/synthetic-qe-en-attente-transmise.html'), url);
    const overlays = mount(doc, url);
    const { identities, ministries } = overlays.followTargets();
    expect(identities).toEqual([{ chamber: 'SENAT', legislature: 17, name: 'M. DUPONT Jean', numbers: [99999] }]);
    expect(ministries).toEqual([{ chamber: 'SENAT', title: "Ministère de l'intérieur" }]);
    const card = doc.querySelector(`${HOST_SELECTOR}[data-vigie-id="SEN-17-QE-99999"]`)!;
    const placeholders = Array.from(shadowOf(card).querySelectorAll<HTMLButtonElement>('button.follow__button'));
    expect(placeholders.map((b) => [b.className.split(' ').pop(), b.disabled])).toEqual([
      ['follow__button--ministry', true],
      ['follow__button--senator', true],
    ]);

    const calls: unknown[] = [];
    overlays.update(followState({ 'deputy:SENAT:jean dupont': false }, { 'ministry:SENAT:ministere de l interieur': true }, calls));
    const senator = shadowOf(card).querySelector('.deputy button.follow__button--senator')!;
    expect(senator.getAttribute('aria-pressed')).toBe('false');
    expect(norm(senator.textContent)).toBe('○ Suivre ce sénateur');
    expect(norm(shadowOf(card).textContent)).not.toContain('bilan');
    const ministry = shadowOf(card).querySelector('.ministry-line button.follow__button--ministry')!;
    expect(ministry.getAttribute('aria-pressed')).toBe('true');
    expect(norm(ministry.textContent)).toBe('● Ministère suivi');
    expect(norm(shadowOf(card).querySelector('.ministry-line')!.textContent)).toContain("Ministère : Ministère de l'intérieur");
  });

  it('an Assemblée question card offers « Suivre ce ministère » with its ministry and chamber, in English too', () => {
    const url = 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020';
    const doc = load(fixture('an/an-dyn-qe-repondue.html'), url);
    const overlays = mount(doc, url, 'en');
    const [target] = overlays.followTargets().ministries;
    expect(target?.chamber).toBe('AN');
    expect(target?.title).toBeTruthy();
    const key = ministryKey(target!);
    overlays.update(followState({}, { [key]: false }));
    const card = doc.querySelector(`${HOST_SELECTOR}[data-vigie-id="AN-16-QE-4020"]`)!;
    const ministry = shadowOf(card).querySelector('button.follow__button--ministry')!;
    expect(ministry.getAttribute('aria-pressed')).toBe('false');
    expect(norm(ministry.textContent)).toBe('○ Follow this ministry');
  });

  it('a NosSénateurs senator’s list offers « Suivre ce sénateur » with the slug and the numbers of the latest legislature', () => {
    const url = 'https://archive.nossenateurs.fr/jean-louis-masson/questions/ecrites';
    const doc = load(fixture('nossenateurs/list-senator-questions.html'), url);
    const overlays = mount(doc, url);
    expect(overlays.followTargets().identities).toEqual([
      { chamber: 'SENAT', legislature: 15, name: 'Jean Louis Masson', slug: 'jean-louis-masson', numbers: [7406, 1] },
    ]);
    const key = 'deputy:SENAT:jean-louis-masson';
    const card = doc.querySelector(`${HOST_SELECTOR}[data-vigie-deputy="${key}"]`)!;
    expect(card.previousElementSibling?.tagName).toBe('H1');
    overlays.update(followState({ [key]: true }, {}));
    const button = shadowOf(card).querySelector('button.follow__button')!;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(norm(button.textContent)).toBe('● Sénateur suivi');
    expect(norm(shadowOf(card).textContent)).toContain('Fiche NosSénateurs');
  });
});
