import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/browser';
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

/** axe-core, injected through the debugging protocol (extension pages forbid inline scripts), over `include`. */
async function axe(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    async ({ include, tags }) => {
      const context = include ? { include: [[include]] } : document;
      const run = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(
        context,
        { runOnly: { type: 'tag', values: tags } },
      );
      return run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
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
      await page.waitForSelector('vigie-overlay');
      await page.waitForFunction(
        () =>
          !document.querySelector('vigie-overlay[data-vigie-id]') ||
          !!document.querySelector('vigie-overlay')?.shadowRoot?.querySelector('button'),
      );
      expect(await axe(page, 'vigie-overlay')).toEqual([]);
      await page.close();
    },
  );

  it('the popup, with watches and empty, and the options page', async () => {
    const popup = await open(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.empty-state');
    expect(await axe(popup)).toEqual([]);

    const question = await open('https://2017-2022.nosdeputes.fr/15/question/QE/19189');
    await question.locator('vigie-overlay button[aria-pressed="false"]').click();
    await question.locator('vigie-overlay button[aria-pressed="true"]').waitFor();
    await popup.reload();
    await popup.waitForSelector('.rows');
    expect(await axe(popup)).toEqual([]);
    await popup.getByRole('tab', { name: 'Historique' }).click();
    await popup.waitForSelector('.history');
    expect(await axe(popup)).toEqual([]);

    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('fieldset');
    expect(await axe(options)).toEqual([]);
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
      await page.waitForSelector('vigie-overlay');
      const clipped = await page.$$eval('vigie-overlay', (hosts) =>
        hosts.flatMap((host) => {
          const label = host.shadowRoot!.querySelector('.badge__label') as HTMLElement;
          const box = label.getBoundingClientRect();
          return label.scrollWidth > label.clientWidth + 1 || box.right > document.documentElement.clientWidth + 1
            ? [label.textContent]
            : [];
        }),
      );
      expect(clipped, url).toEqual([]);
    }
    await page.close();
  });
});
