/**
 * `npm run demo`: Vigie on the bundled sample pages, with no network. The real hostnames are
 * mapped to a local HTTPS server; Chromium opens an index of the pages with the production
 * build loaded. `npm run demo -- --screenshot DIR` runs headless and writes one PNG per page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, watchFromOverlay } from '../harness/browser';
import { HOST_SELECTOR } from '../harness/overlays';
import { anQuestionPage, anQuestionPath, anQuestionUrl } from '../harness/an-question';
import { html, startFixtureServer } from '../harness/server';
import { FIXTURE_PAGES, serveSite } from '../harness/site';

const DEMO_PAGES: { url: string; label: string }[] = [
  ...FIXTURE_PAGES.map((page) => ({ url: page.url, label: new URL(page.url).hostname + new URL(page.url).pathname })),
  { url: 'https://www.nosdeputes.fr/gros-volume/questions', label: 'Une liste de 300 questions (NosDéputés)' },
  { url: anQuestionUrl(2871), label: 'Une question de la 17e législature en attente (Assemblée nationale)' },
];

function indexPage(): string {
  const items = DEMO_PAGES.map((page) => `<li><a href="${page.url}">${page.label}</a></li>`).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vigie — démonstration hors ligne</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}a{color:#0b4fb3}</style></head>
<body><h1>Vigie — démonstration hors ligne</h1>
<p>Ces pages sont des copies locales de pages de NosDéputés.fr et d’assemblee-nationale.fr, servies sous leurs vraies adresses.
Ouvrez-en une : Vigie affiche le statut de chaque question, son retard et le bouton « Suivre ». L’icône de Vigie, dans la barre d’outils, ouvre la liste des questions suivies.</p>
<ul>${items}</ul></body></html>`;
}

function slug(url: string): string {
  return new URL(url).hostname.replace(/\.(fr)$/, '') + new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
}

const args = process.argv.slice(2);
const screenshotAt = args.indexOf('--screenshot');
const screenshotDir = screenshotAt >= 0 ? (args[screenshotAt + 1] ?? 'screenshots') : undefined;

const server = await startFixtureServer('.e2e-tmp/certs');
serveSite(server);
server.routes.set(anQuestionPath(2871), () => html(anQuestionPage({ number: 2871, publishedOn: '2025-01-14' })));
server.routes.set('localhost/', () => html(indexPage()));
const index = `https://localhost:${server.port}/`;

if (screenshotDir) {
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await launchWithExtension(server.port);
  try {
    const page = await browser.newPage();
    for (const { url } of DEMO_PAGES) {
      await page.goto(url);
      await page.waitForSelector(HOST_SELECTOR, { timeout: 10_000 });
      await page.locator(HOST_SELECTOR).first().scrollIntoViewIfNeeded();
      const file = join(screenshotDir, `${slug(url)}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    // The last page shown is question 2871 at the Assemblée: watch it, so that the popup has a row.
    await watchFromOverlay(page, 'AN-17-QE-2871');
    const popup = await browser.newPage();
    await popup.setViewportSize({ width: 480, height: 520 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.rows');
    await popup.screenshot({ path: join(screenshotDir, 'popup.png') });
    console.log(join(screenshotDir, 'popup.png'));
  } finally {
    await browser.close();
    await server.close();
  }
} else {
  let browser: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    browser = await launchWithExtension(server.port, { headless: false });
  } catch (error) {
    await server.close();
    console.error(`Chromium could not open a window (${(error as Error).message.split('\n')[0]}).`);
    console.error('Without a display, run `npm run demo -- --screenshot screenshots` instead.');
    process.exit(1);
  }
  const page = browser.context.pages()[0] ?? (await browser.newPage());
  await page.goto(index);
  console.log(`Vigie demo: ${index} — close the browser window to stop.`);
  await new Promise((resolve) => browser.context.on('close', resolve));
  await server.close();
}
