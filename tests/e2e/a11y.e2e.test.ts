import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { launchWithExtension, overlayHosts, watchFromOverlay, withRevealedRoots, type ExtensionBrowser } from '../../harness/browser';
import { HOST_SELECTOR } from '../../harness/overlays';
import { startFixtureServer, type FixtureServer } from '../../harness/server';
import { FIXTURE_PAGES, serveSite } from '../../harness/site';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

interface AxeRun {
  violations: Violation[];
  /** How many elements inside shadow roots axe checked: an axe blind to the overlays checks none. */
  shadowNodesChecked: number;
}

/** axe-core, injected through the debugging protocol (extension pages forbid inline scripts), over `include`. */
async function axe(page: Page, include?: string): Promise<AxeRun> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    async ({ include, tags }) => {
      const context = include ? { include: [[include]] } : document;
      const run = await (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[]; passes: Violation[] }> } }
      ).axe.run(context, { runOnly: { type: 'tag', values: tags } });
      // axe names an element in a shadow root by a path: [host selector, selector within the root].
      const inShadow = (target: unknown[]) => target.some((part) => Array.isArray(part));
      return {
        violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })),
        shadowNodesChecked: [...run.passes, ...run.violations].flatMap((r) => r.nodes).filter((n) => inShadow(n.target)).length,
      };
    },
    { include, tags: WCAG },
  );
  return result;
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  it.each(FIXTURE_PAGES.map((p) => [new URL(p.url).hostname + new URL(p.url).pathname, p.url] as const))(
    'overlays on %s',
    async (_name, url) => {
      const page = await open(url);
      await page.waitForSelector(HOST_SELECTOR);
      // Overlays of questions get their watch button once the background has answered.
      await expect.poll(async () => (await overlayHosts(page)).every((host) => !host.id || host.pressed !== null)).toBe(true);
      // axe walks into shadow roots through `host.shadowRoot`: the revealed closed roots, as rendered.
      const { violations, shadowNodesChecked } = await withRevealedRoots(page, () => axe(page, HOST_SELECTOR));
      expect(violations).toEqual([]);
      expect(shadowNodesChecked).toBeGreaterThan(0);
      await page.close();
    },
  );

  it('the popup, with watches and empty, and the options page', async () => {
    const popup = await open(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.empty-state');
    expect((await axe(popup)).violations).toEqual([]);

    const question = await open('https://2017-2022.nosdeputes.fr/15/question/QE/19189');
    await watchFromOverlay(question, 'AN-15-QE-19189');
    await popup.reload();
    await popup.waitForSelector('.rows');
    expect((await axe(popup)).violations).toEqual([]);
    await popup.getByRole('tab', { name: 'Historique' }).click();
    await popup.waitForSelector('.history');
    expect((await axe(popup)).violations).toEqual([]);

    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('fieldset');
    expect((await axe(options)).violations).toEqual([]);
    await Promise.all([popup.close(), question.close(), options.close()]);
  });

  it('the popup can be used with the keyboard alone, with a visible focus', async () => {
    const popup = await open(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.rows');
    const stops: { label: string; outline: string }[] = [];
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      const stop = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        const label =
          el.getAttribute('aria-label') ?? (el.closest('label')?.querySelector('span')?.textContent || el.textContent) ?? el.tagName;
        return { label: label.trim().slice(0, 40), outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      if (!stop) break;
      stops.push(stop);
    }
    const labels = stops.map((s) => s.label);
    // Reading order: header, tabs, filters, actions, then the first row's links and buttons.
    expect(labels.indexOf('Réglages')).toBeLessThan(labels.indexOf('Questions suivies'));
    expect(labels.indexOf('Questions suivies')).toBeLessThan(labels.indexOf('Tout vérifier'));
    expect(labels).toContain('Ne plus suivre');
    for (const stop of stops) expect(stop.outline, stop.label).not.toMatch(/^none/);
    await popup.close();
  });

  it('keeps every badge readable at 200 % zoom', async () => {
    const page = await browser.newPage();
    const cdp = await browser.context.newCDPSession(page);
    // 200 % zoom of a 1280 px wide window: a 640 CSS px wide layout drawn at twice the scale.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 800, deviceScaleFactor: 2, mobile: false });
    for (const url of [
      'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
      'https://www.nosdeputes.fr/elise-morvan/questions',
      'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
    ]) {
      await page.goto(url);
      await page.waitForSelector(HOST_SELECTOR);
      const clipped = await withRevealedRoots(page, () =>
        page.$$eval(HOST_SELECTOR, (hosts) =>
          hosts.flatMap((host) => {
            const label = host.shadowRoot!.querySelector('.badge__label') as HTMLElement;
            const box = label.getBoundingClientRect();
            return label.scrollWidth > label.clientWidth + 1 || box.right > document.documentElement.clientWidth + 1
              ? [label.textContent]
              : [];
          }),
        ),
      );
      expect(clipped, url).toEqual([]);
    }
    await page.close();
  });
});
