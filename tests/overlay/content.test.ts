// @vitest-environment happy-dom
/**
 * The content script's life on a page: one request for every watch state on the page, the
 * toggle and only the user's clicks on it, settings applied without a reload, and silence when
 * the background is gone.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Requester } from '../../lib/messages';
import { requestSchemas, type AnyRequest } from '../../lib/messages';
import { HOST_SELECTOR } from '../../lib/content/hosts';
import { startOverlays } from '../../lib/content/start-overlays';
import { ALL_SITES } from '../../lib/sites';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { recordShadowRoots, trustedClick } from '../helpers/shadow';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const LIST = 'https://www.nosdeputes.fr/elise-morvan/questions';
const QUESTION = 'https://2017-2022.nosdeputes.fr/15/question/QE/19189';

const windows: Window[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const controller of controllers.splice(0)) controller.abort();
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

/** Each document's closed shadow roots, as they were attached. */
const rootsIn = new WeakMap<Document, (host: Element) => ShadowRoot>();

function load(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  const doc = window.document as unknown as Document;
  rootsIn.set(doc, recordShadowRoots(doc));
  doc.write(html);
  return doc;
}

const fixture = (file: string) => readFileSync(resolve(FIXTURES, file), 'utf8');

interface Background {
  request: Requester;
  calls: AnyRequest[];
  watched: Set<string>;
}

function background(initially: string[] = [], fail = false): Background {
  const calls: AnyRequest[] = [];
  const watched = new Set(initially);
  const request = (async (message: AnyRequest) => {
    calls.push(message);
    // As the real client does: a request its schema refuses is never sent.
    requestSchemas[message.type].parse(message);
    if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
    switch (message.type) {
      case 'watch.states':
        return {
          watched: Object.fromEntries(message.ids.filter((id) => watched.has(id)).map((id) => [id, { state: 'overdue', seen: true }])),
        };
      case 'watch.set':
        if (message.watched) watched.add(message.id);
        else watched.delete(message.id);
        return { watched: message.watched, state: 'overdue' };
      case 'deputy.facts':
        return { facts: { constituency: 'Aisne (2e circonscription)', group: { acronym: 'LR', name: 'Les Républicains' } } };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as Requester;
  return { request, calls, watched };
}

function start(doc: Document, bg: Background, settings: Settings = DEFAULT_SETTINGS) {
  const controller = new AbortController();
  controllers.push(controller);
  let listener: ((s: Settings) => void) | undefined;
  const overlays = startOverlays({
    doc,
    sites: ALL_SITES,
    settings,
    browserLocale: 'fr-FR',
    request: bg.request,
    signal: controller.signal,
    onSettingsChanged: (l) => {
      listener = l;
    },
  });
  return { overlays, controller, changeSettings: (s: Settings) => listener!(s) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const hosts = (doc: Document) => Array.from(doc.querySelectorAll(HOST_SELECTOR));
const rootOf = (host: Element) => rootsIn.get(host.ownerDocument)!(host);
const buttons = (doc: Document) => hosts(doc).map((host) => rootOf(host).querySelector('button'));

describe('startOverlays', () => {
  it('asks the background once for every question on the page, and shows the toggles', async () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), LIST);
    const bg = background(['AN-16-QE-12874']);
    start(doc, bg);
    await settle();
    expect(bg.calls).toEqual([
      { type: 'watch.states', ids: ['AN-16-QE-15230', 'AN-16-QE-11907', 'AN-16-QE-12874', 'AN-16-QE-9120', 'AN-16-QE-6044'] },
    ]);
    expect(buttons(doc).map((b) => b?.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false', 'false']);
  });

  it('watches with one request carrying the list item, and shows « Suivie »', async () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), LIST);
    const bg = background();
    start(doc, bg);
    await settle();
    trustedClick(buttons(doc)[0]!);
    await settle();
    const set = bg.calls.find((c) => c.type === 'watch.set');
    expect(set).toMatchObject({ type: 'watch.set', id: 'AN-16-QE-15230', watched: true, ref: { id: 'AN-16-QE-15230', pending: true } });
    expect(buttons(doc)[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(buttons(doc)[0]!.textContent).toContain('Suivie');
  });

  it('acts only on the user’s clicks: a click() or a dispatched click from a page script does nothing', async () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), LIST);
    const bg = background();
    start(doc, bg);
    await settle();
    const [button] = buttons(doc);
    const { MouseEvent } = doc.defaultView!;
    button!.click();
    button!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(bg.calls.filter((c) => c.type === 'watch.set')).toEqual([]);
    expect(button!.getAttribute('aria-pressed')).toBe('false');

    trustedClick(button!);
    await settle();
    expect(bg.calls.filter((c) => c.type === 'watch.set')).toHaveLength(1);
    expect(buttons(doc)[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('asks for the deputy facts the page lacks, and shows them', async () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), QUESTION);
    const bg = background();
    start(doc, bg);
    await settle();
    expect(bg.calls).toContainEqual({ type: 'deputy.facts', slug: 'julien-dive', legislature: 15 });
    expect(rootOf(hosts(doc)[0]!).textContent).toContain('Aisne (2e circonscription)');
  });

  it('applies settings without a reload: a family turned off, then the language', async () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), QUESTION);
    const { changeSettings } = start(doc, background());
    await settle();
    expect(hosts(doc)).toHaveLength(1);
    changeSettings({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, nosdeputes: false } });
    expect(hosts(doc)).toHaveLength(0);
    changeSettings({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(rootOf(hosts(doc)[0]!).textContent).toContain(
      'Lapsed — end of the 15th legislature (21 June 2022), after 1,148 days (1,087 days late)',
    );
  });

  it('keeps the badges and stays silent when the background does not answer', async () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), QUESTION);
    const errors = vi.spyOn(console, 'error');
    start(doc, background([], true));
    await settle();
    expect(hosts(doc)[0]!.getAttribute('data-vigie-state')).toBe('closed');
    expect(buttons(doc)).toEqual([null]);
    expect(errors).not.toHaveBeenCalled();
  });

  it('draws the list’s toggles on the first pass, disabled until the background answers, then fills them in place', async () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), LIST);
    start(doc, background(['AN-16-QE-12874']));
    const before = buttons(doc);
    expect(before.map((b) => b?.hasAttribute('disabled'))).toEqual([true, true, true, true, true]);
    await settle();
    const after = buttons(doc);
    // The same elements: the answer changes states and words, not the structure.
    expect(after).toEqual(before);
    expect(after.map((b) => b?.hasAttribute('disabled'))).toEqual([false, false, false, false, false]);
    expect(after.map((b) => b?.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false', 'false']);
  });

  it('takes the list’s toggles away when the background does not answer', async () => {
    const doc = load(fixture('nosdeputes/list-deputy-questions.html'), LIST);
    start(doc, background([], true));
    await settle();
    expect(hosts(doc)).toHaveLength(5);
    for (const host of hosts(doc)) {
      expect(rootOf(host).querySelector<HTMLElement>('.watch')?.hidden).toBe(true);
      expect(rootOf(host).querySelector('.badge')).not.toBeNull();
    }
  });

  it('removes everything when the script is stopped (extension updated or disabled)', async () => {
    const doc = load(fixture('nosdeputes/q-retiree.html'), QUESTION);
    const { controller } = start(doc, background());
    await settle();
    controller.abort();
    expect(hosts(doc)).toHaveLength(0);
  });
});
