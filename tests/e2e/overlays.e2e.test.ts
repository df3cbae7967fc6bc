import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { launchWithExtension, overlayHosts, waitForOverlays, withRevealedRoots, type ExtensionBrowser } from '../../harness/browser';
import { HOST_SELECTOR } from '../../harness/overlays';
import { startFixtureServer, type FixtureServer } from '../../harness/server';
import { FIXTURE_PAGES, serveSite } from '../../harness/site';

const SHOTS = '.e2e-tmp/screenshots';
let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && page) {
    await page
      .screenshot({ path: `${SHOTS}/${context.task.name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true })
      .catch(() => undefined);
  }
  await page?.close().catch(() => undefined);
});

async function open(url: string): Promise<Page> {
  page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const overlayCount = (p: Page) => p.evaluate((selector) => document.querySelectorAll(selector).length, HOST_SELECTOR);

describe('overlays in Chromium on every page family', () => {
  it.each(FIXTURE_PAGES.map((p) => [new URL(p.url).hostname + new URL(p.url).pathname, p] as const))('%s', async (_name, fixturePage) => {
    const p = await open(fixturePage.url);
    const hosts = await waitForOverlays(p, fixturePage.overlays.length);
    expect(hosts).toHaveLength(fixturePage.overlays.length);
    fixturePage.overlays.forEach((expected, i) => {
      const host = hosts[i]!;
      if (expected.id) expect(host.id).toBe(expected.id);
      if (expected.state) expect(host.state).toBe(expected.state);
      if (expected.deputy) expect(host.deputy).toBe(expected.deputy);
      if (expected.says) expect(host.text).toContain(expected.says);
    });
    expect(browser.errors).toEqual([]);
  });

  it('shows the seed question as lapsed at the end of the 15th legislature, with the days it stayed open and late', async () => {
    const p = await open('https://2017-2022.nosdeputes.fr/15/question/QE/19189');
    const [host] = await waitForOverlays(p, 1);
    const text = host!.text;
    expect(text).toContain('Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)');
    // The page's own closure words, in the timeline.
    expect(text).toContain('Clôture 21 juin 2022 — fin de mandat');
    expect(text).toContain('30 avril 2019');
    expect(text).toContain('Voir sur assemblee-nationale.fr');
    await p.locator(HOST_SELECTOR).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SHOTS}/seed-question.png`, clip: { x: 0, y: 0, width: 1280, height: 700 } });
  });

  it('shows the card on a page whose Content-Security-Policy allows no script but its own (the overlay module is imported from the extension)', async () => {
    const key = '2017-2022.nosdeputes.fr/15/question/QE/19189';
    const route = server.routes.get(key)!;
    server.routes.set(key, (req, url) => {
      const reply = typeof route === 'function' ? route(req, url) : route;
      return {
        ...reply,
        headers: { ...reply.headers, 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
      };
    });
    try {
      const p = await open(`https://${key}`);
      // The policy is in force: the page's own inline script does not run.
      const inlineRan = await p.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(inlineRan).toBe(false);
      const [host] = await waitForOverlays(p, 1);
      expect(host!.text).toContain('Caduque — fin de la 15e législature');
    } finally {
      server.routes.set(key, route);
    }
  });

  it('puts a badge on each of 300 list items', async () => {
    const p = await open('https://www.nosdeputes.fr/gros-volume/questions');
    const hosts = await waitForOverlays(p, 300);
    expect(hosts).toHaveLength(300);
    // 16th-legislature items: « Sans réponse » lapsed with the legislature.
    expect(new Set(hosts.map((h) => h.state))).toEqual(new Set(['answered', 'closed']));
    // One stylesheet object shared by every shadow root.
    const sheets = await withRevealedRoots(p, () =>
      p.$$eval(HOST_SELECTOR, (all) => ({
        adopting: all.filter((h) => h.shadowRoot!.adoptedStyleSheets.length === 1).length,
        distinct: new Set(all.map((h) => h.shadowRoot!.adoptedStyleSheets[0])).size,
      })),
    );
    expect(sheets).toEqual({ adopting: 300, distinct: 1 });
  });

  it('reads a finished legislature’s question and list that say nothing of the closure as lapsed, late until its last day only', async () => {
    const frozen = 'Caduque — fin de la 16e législature (9 juin 2024), après 152 jours (92 j de retard)';
    const question = await open('https://2022-2024.nosdeputes.fr/16/question/QE/14032');
    const [card] = await waitForOverlays(question, 1);
    expect(card).toMatchObject({ id: 'AN-16-QE-14032', state: 'closed' });
    expect(card!.text).toContain(frozen);
    // The closure is the calendar's, and the card says so; the deadline missed stays in view.
    expect(card!.text).toContain('Clôture 9 juin 2024 — déduite du calendrier des législatures');
    expect(card!.text).toContain('Échéance 9 mars 2024');
    expect(card!.text).not.toContain('En retard');
    await question.close();
    const list = await open('https://2022-2024.nosdeputes.fr/marc-lestrade/questions');
    const badges = await waitForOverlays(list, 4);
    expect(badges.find((b) => b.id === 'AN-16-QE-14032')!.text).toContain(frozen);
    expect(badges.filter((b) => b.text.includes('En retard'))).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('renders hostile page text as text: nothing runs', async () => {
    const p = await open('https://2017-2022.nosdeputes.fr/15/question/QE/666');
    const [host] = await waitForOverlays(p, 1);
    expect(host!.text).toContain('<img src=x onerror=');
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => (window as unknown as { __vigiePwned?: string }).__vigiePwned)).toBeUndefined();
    expect(await withRevealedRoots(p, () => p.$eval(HOST_SELECTOR, (h) => h.shadowRoot!.querySelectorAll('img, script').length))).toBe(0);
  });

  it.each([
    ['an error page at a question URL', 'https://www.nosdeputes.fr/16/question/QE/99999'],
    ['a missing page at an Assemblée question URL', 'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE404'],
  ])('leaves %s alone, without errors', async (_label, url) => {
    const p = await open(url);
    await p.waitForTimeout(500);
    expect(await overlayHosts(p)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('follows client-side navigation on the new NosDéputés site', async () => {
    const p = await open('https://www.nosdeputes.fr/depute/elise-morvan/qag');
    expect(await waitForOverlays(p, 3)).toHaveLength(3);
    await p.click('a[href="/depute/elise-morvan"]');
    await expect.poll(() => overlayCount(p)).toBe(0);
    await p.click('a[href="/depute/elise-morvan/qag"]');
    expect((await waitForOverlays(p, 3)).map((h) => h.id)).toEqual(['AN-17-QE-1201', 'AN-17-QE-2456', 'AN-17-QE-31877']);
    await p.goBack();
    await expect.poll(() => overlayCount(p)).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
