/**
 * `npm run bench` — Vigie's budgets, measured: prints a table and writes bench/results.json.
 * `npm run bench -- --quick` takes fewer samples (for CI).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from '../harness/browser';
import { startBenchSite } from './browser';
import { pageBudgets, type FloorBudget } from './trace/budgets';
import { writeFloorExtensions, writePopupFloor } from './trace/floor';
import { measurePages, probeMeasuredPages } from './trace/pages';
import { importTenThousand, measurePopup, measurePopupFloor } from './trace/popup';
import { measureJoParse } from './jo-parse';
import { followsBudgets } from './follows';
import { simulateYear } from './simulate-year';

/** `note` says how the figure was taken, for the README and the reader of results.json. */
type Budget = FloorBudget;

const quick = process.argv.includes('--quick');
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const atMost = (name: string, value: number, unit: string, budget: number, note?: string): Budget => ({
  name,
  value: round(value),
  unit,
  budget,
  met: value <= budget,
  ...(note ? { note } : {}),
});

function gzipKb(dir: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0) / 1024;
}

const production = '.output/chrome-mv3';
// `--base <dir>`: another build (main, say) measured in the same run, for before/after figures.
const baseIndex = process.argv.indexOf('--base');
const baseDir = baseIndex > 0 ? resolve(process.argv[baseIndex + 1]!) : undefined;
/**
 * What the heaviest page loads: the loader and its host's page module (the largest of them), or the
 * loader and the one overlay module of an older build, or the whole content script of an older one still.
 */
function pageBundleKb(dir: string): number {
  const files = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const loader = files.includes('loader.js') ? gzipKb(dir, ['content-scripts/loader.js']) : 0;
  const modules = files.filter((f) => f !== 'loader.js').map((f) => gzipKb(dir, [`content-scripts/${f}`]));
  return loader + Math.max(0, ...modules);
}
const budgets: Budget[] = [];

const server = await startBenchSite();
probeMeasuredPages(server);
let chromium = '';
try {
  const floors = writeFloorExtensions();
  const pages = await measurePages(
    server,
    [
      { name: 'floor-empty', extensionDir: floors['floor-empty'] },
      { name: 'floor-h1', extensionDir: floors['floor-h1'] },
      { name: 'floor-overlay', extensionDir: floors['floor-overlay'] },
      { name: 'floor-overlay-import', extensionDir: floors['floor-overlay-import'] },
      { name: 'vigie', extensionDir: resolve(production) },
      ...(baseDir ? [{ name: 'before', extensionDir: baseDir }] : []),
    ],
    { blocks: quick ? 1 : 3, loadsPerBlock: quick ? 3 : 6 },
  );
  const popupOf = async (extensionDir?: string) => {
    const browser = await launchWithExtension(server.port, extensionDir ? { extensionDir } : {});
    try {
      chromium ||= browser.context.browser()?.version() ?? '';
      await importTenThousand(browser);
      return await measurePopup(browser, quick ? 2 : 5);
    } finally {
      await browser.close();
    }
  };
  const popup = await popupOf();
  const floorBrowser = await launchWithExtension(server.port, { extensionDir: writePopupFloor() });
  const popupFloor = await measurePopupFloor(floorBrowser, quick ? 2 : 5).finally(() => floorBrowser.close());
  budgets.push(
    ...pageBudgets({
      pages,
      bundleKb: pageBundleKb(production),
      floorBundleKb: gzipKb(floors['floor-h1'], ['content.js']),
      popup,
      popupFloor,
      before: baseDir ? { bundleKb: pageBundleKb(baseDir), popup: await popupOf(baseDir) } : undefined,
    }),
    atMost('background bundle (gzip)', gzipKb(production, ['background.js']), 'KB', 120),
  );
} finally {
  await server.close();
}

// Discreet mode off: today's per-question schedule, the index in addition.
const year = await simulateYear({ discreet: false });
budgets.push(
  atMost(
    'requests per pending question per week',
    year.requestsPerPendingQuestionWeek,
    'requests',
    2,
    `simulated year, ${year.watched} watched questions, frequency ${year.options.frequency}, discreet mode off`,
  ),
  atMost('requests to closed or answered questions', year.requestsAfterDetection, 'requests', 0),
  atMost(
    'answers detected, 99th percentile',
    year.latency.p99Hours,
    'h',
    24,
    `discreet mode off; median ${round(year.latency.medianHours)} h, max ${round(year.latency.maxHours)} h over ${year.latency.count} JO answers; ${year.offCalendarLatency.count} published off the JO calendar: p99 ${round(year.offCalendarLatency.p99Hours)} h`,
  ),
);

// « Mode discret » (the default): the Journal officiel index, and a watch's own read about once a month.
const few = await simulateYear({ questions: 10 });
const many = await simulateYear({ questions: 10_000 });
for (const discreet of [few, many]) {
  const watches = discreet.options.questions.toLocaleString('en');
  budgets.push(
    atMost(
      `JO index requests per week, ${watches} watches`,
      discreet.indexRequestsPerWeek,
      'requests',
      4,
      `discreet mode, simulated year: ${discreet.indexRequests} listings and downloads, ${discreet.issuesApplied} issues applied; most in a week ${discreet.maxIndexRequestsInAWeek} (the first, reading the latest issues of the past year)`,
    ),
    atMost(
      `all requests per week, ${watches} watches`,
      discreet.requestsPerWeek,
      'requests',
      4,
      `discreet mode: ${discreet.indexRequestsPerWeek} to the index, ${round(discreet.totalRequests / (discreet.options.days / 7))} to the Assemblée (each watched question read about once a month)`,
    ),
  );
}
budgets.push(
  atMost(
    'answers detected after their archive appears, 99th percentile',
    many.latencyAfterArchive.p99Hours,
    'h',
    24,
    `discreet mode, 10,000 watches, archives uploaded 0–48 h after the Tuesday JO: median ${round(many.latencyAfterArchive.medianHours)} h, max ${round(many.latencyAfterArchive.maxHours)} h over ${many.latencyAfterArchive.count} answers, ${many.detectedByIndex} found by the index; closures (not in the JO) p99 ${round(many.closureLatency.p99Hours)} h`,
  ),
  atMost(
    'requests revealing a watched question, per question per 4 weeks',
    many.revealingPerQuestionPer4Weeks,
    'requests',
    1,
    `discreet mode, 10,000 watches: at most ${many.maxReadingsPerQuestionIn4Weeks} successful read of a question in any four-week block, ${many.maxRevealingPerQuestionIn4Weeks} requests with the retries of failed ones`,
  ),
);

const jo = await measureJoParse(quick ? 5 : 15);
budgets.push(
  atMost(
    'JO issue read, 5 MB REDIF',
    jo.medianMs,
    'ms',
    300,
    `median of ${jo.runs}; cold ${round(jo.coldMs)} ms; ${round(jo.medianMs / jo.baselineMs, 1)} × JSON.parse of as many bytes (${round(jo.baselineMs)} ms)`,
  ),
  atMost('JO issue read, peak heap', jo.peakHeapMb, 'MB', 50, 'above the XML string itself'),
);

budgets.push(...(await followsBudgets(quick, atMost, round)));

const machine = {
  os: `${type()} ${execFileSync('uname', ['-r']).toString().trim()}`,
  cpu: `${cpus()[0]?.model ?? '?'} × ${cpus().length}`,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  chromium,
};
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), quick, machine, budgets }, null, 2)}\n`);

const rows = budgets.map((b) => [
  b.budget === null ? '' : b.met ? 'met' : 'MISSED',
  b.name,
  `${b.value} ${b.unit}${b.floor !== undefined ? ` (floor ${b.floor}, ${b.ratio} ×)` : ''}${b.before !== undefined ? ` was ${b.before}` : ''}`,
  b.budget === null ? '' : b.budgetOn === 'ratio' ? `≤ ${b.budget} × floor` : `≤ ${b.budget} ${b.unit}`,
  b.note ?? '',
]);
const widths = [6, 42, 16, 14].map((w, i) => Math.max(w, ...rows.map((r) => r[i]!.length)));
console.log(`Vigie bench — ${machine.cpu}, ${machine.os}, Node ${machine.node}, Chromium ${chromium}${quick ? ' (quick)' : ''}\n`);
for (const row of rows)
  console.log(
    row
      .slice(0, 4)
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ') + (row[4] ? `  ${row[4]}` : ''),
  );
console.log('\nbench/results.json written.');
if (process.env.CI && budgets.some((b) => !b.met)) process.exitCode = 1;
