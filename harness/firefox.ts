/**
 * Debian's Firefox ESR with the Firefox build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi. Never downloads a browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HOSTS } from '../lib/sources/hosts';
import { concealRoots, describeOverlayHosts, HOST_SELECTOR, hostOf, watchButtonCentre, type OverlayHost } from './overlays';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.VIGIE_FIREFOX ?? '/usr/bin/firefox-esr';
/** Pinned so tests can open the extension's own pages at a known address. */
export const EXTENSION_UUID = '7e1c2a9b-0c4d-4e5f-8a6b-1c2d3e4f5a6b';

export interface FirefoxWithExtension {
  browser: Browser;
  /** What `runtime.id` says in Firefox: the add-on's gecko id, public for any listed add-on. */
  extensionId: string;
  /** An extension page (the popup), where the WebExtension APIs can be reached. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `extraHosts`: hosts a test serves beyond the sites (a foreign host a page or a redirect points to). */
export async function launchFirefox(port: number, { extraHosts = [] as readonly string[] } = {}): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Lets the harness open moz-extension:// pages (BiDi refuses otherwise).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': [...HOSTS, ...extraHosts].join(','),
      'network.socket.forcePort': `443=${port}`,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'intl.locale.requested': 'fr',
      'intl.accept_languages': 'fr-FR, fr',
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    extensionId: geckoId,
    async extensionPage() {
      const url = `moz-extension://${EXTENSION_UUID}/popup.html`;
      const page = await browser.newPage();
      // This navigation switches processes and never reports completion: find the page instead.
      void page.goto(url, { timeout: 5_000 }).catch(() => undefined);
      for (let attempt = 0; attempt < 40; attempt++) {
        await new Promise((r) => setTimeout(r, 250));
        for (const candidate of await browser.pages()) {
          const href = await Promise.race([
            candidate.evaluate(() => location.href),
            new Promise<string>((r) => setTimeout(() => r(''), 1_000)),
          ]).catch(() => '');
          if (href === url) return candidate;
        }
      }
      throw new Error('The extension page did not open');
    },
    close: () => browser.close(),
  };
}

interface BidiNode {
  sharedId: string;
  value?: { shadowRoot?: BidiNode | null };
}

/** puppeteer has no public call for raw WebDriver BiDi commands; its BiDi browser and frames carry what one needs. */
interface BidiAccess {
  connection: { send(method: string, params: object): Promise<{ result: { result: { value: BidiNode[] } } }> };
}

/**
 * Hands the overlays' closed shadow roots to the page's main world as `host.shadowRoot` while
 * `action` runs, then takes them back (harness/overlays.ts says why); only the hosts `selector`
 * matches. BiDi serializes closed roots when asked (`includeShadowTree: 'all'`), and a node's
 * shared id passed back as an argument is that node in the page's realm.
 */
export async function withRevealedRoots<T>(page: Page, action: () => Promise<T>, selector = HOST_SELECTOR): Promise<T> {
  const { connection } = page.browser() as unknown as BidiAccess;
  const target = { context: (page.mainFrame() as unknown as { _id: string })._id };
  const found = await connection.send('script.callFunction', {
    functionDeclaration: '(selector) => Array.from(document.querySelectorAll(selector))',
    arguments: [{ type: 'string', value: selector }],
    awaitPromise: false,
    target,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    resultOwnership: 'none',
  });
  const roots = found.result.result.value.flatMap((host) => (host.value?.shadowRoot ? [{ sharedId: host.value.shadowRoot.sharedId }] : []));
  await connection.send('script.callFunction', {
    functionDeclaration: `(...roots) => { for (const root of roots) Object.defineProperty(root.host, 'shadowRoot', { value: root, configurable: true }); }`,
    awaitPromise: false,
    target,
    arguments: roots,
  });
  try {
    return await action();
  } finally {
    await page.evaluate(concealRoots, selector).catch(() => undefined);
  }
}

export function overlaySummary(page: Page, selector = HOST_SELECTOR): Promise<OverlayHost[]> {
  return withRevealedRoots(page, () => page.$$eval(selector, describeOverlayHosts), selector);
}

export async function overlayHost(page: Page, id: string): Promise<OverlayHost | undefined> {
  return (await overlaySummary(page, hostOf(id)))[0];
}

/** The user's click on the watch button of question `id`: real mouse input, a trusted event. */
export async function clickWatchButton(page: Page, id: string): Promise<void> {
  const centre = await withRevealedRoots(page, () => page.evaluate(watchButtonCentre, hostOf(id)), hostOf(id));
  if (!centre) throw new Error(`No watch button for ${id}`);
  await page.mouse.click(centre.x, centre.y);
}
