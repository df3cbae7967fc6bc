/**
 * Chromium driven over `--remote-debugging-pipe` at browser level only: no session is ever attached
 * to a page, since an attached inspector changes what a page pays (it makes V8 collect source
 * positions for WXT-style `postMessage` stacks). Each load is a new tab, so a new renderer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, type Writable } from 'node:stream';

/** The real binary: Debian's /usr/bin/chromium wrapper adds flags of its own. */
export const CHROMIUM_BINARY = process.env.VIGIE_CHROMIUM_BINARY ?? '/usr/lib/chromium/chromium';

type Pending = { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void };

export interface PipeBrowser {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Hosts mapped to the loopback fixture server. */
  hosts: readonly string[];
  port: number;
}

export async function launchOverPipe({ extensionDir, hosts, port }: LaunchOptions): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-trace-'));
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const child: ChildProcess = spawn(
    CHROMIUM_BINARY,
    [
      '--remote-debugging-pipe',
      '--headless',
      '--no-sandbox',
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      '--disable-quic',
      '--lang=fr-FR',
      '--window-size=1280,900',
      // The timing switches Playwright passes: no throttling of background tabs or timers.
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--disable-ipc-flooding-protection',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-hang-monitor',
      '--metrics-recording-only',
      '--password-store=basic',
      '--use-mock-keychain',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let nextId = 1;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\0');
    while (end >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\0');
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const browser: PipeBrowser = {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: Record<string, unknown>) => void, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params })}\0`);
      }),
    on: (method, listener) => listeners.set(method, [...(listeners.get(method) ?? []), listener]),
    close: async () => {
      await browser.send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
  await browser.send('Browser.getVersion');
  return browser;
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

export const TRACE_CATEGORIES = ['toplevel', 'v8', 'devtools.timeline', 'blink.user_timing', 'loading', '__metadata'];

/** Runs `during` under browser-wide tracing and returns every event recorded meanwhile. */
export async function traced(browser: PipeBrowser, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const complete = new Promise<void>((resolve) => browser.on('Tracing.tracingComplete', () => resolve()));
  browser.on('Tracing.dataCollected', (params) => events.push(...(params.value as TraceEvent[])));
  await browser.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
  });
  await during();
  await browser.send('Tracing.end');
  await complete;
  return events;
}

/** Opens `url` in a new tab, lets it run `settleMs`, closes the tab. */
export async function loadInNewTab(browser: PipeBrowser, url: string, settleMs: number): Promise<void> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await browser.send('Target.closeTarget', { targetId });
  // Let the renderer go before the next tab, so that each load gets a fresh process.
  await new Promise((resolve) => setTimeout(resolve, 150));
}
