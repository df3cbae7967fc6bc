/**
 * Debian's Firefox ESR with the Firefox build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi. Never downloads a browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HOSTS } from '../lib/sources/hosts';
import { describeOverlayHosts, type OverlayHost } from './overlays';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.VIGIE_FIREFOX ?? '/usr/bin/firefox-esr';
/** Pinned so tests can open the extension's own pages at a known address. */
export const EXTENSION_UUID = '7e1c2a9b-0c4d-4e5f-8a6b-1c2d3e4f5a6b';

export interface FirefoxWithExtension {
  browser: Browser;
  /** An extension page (the popup), where the WebExtension APIs can be reached. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(port: number): Promise<FirefoxWithExtension> {
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
      'network.dns.localDomains': HOSTS.join(','),
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

export async function overlaySummary(page: Page): Promise<OverlayHost[]> {
  return page.$$eval('vigie-overlay', describeOverlayHosts);
}
