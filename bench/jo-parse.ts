/**
 * The JO reader's budget: a 5 MB `REDIF` issue read in ≤ 300 ms with ≤ 50 MB peak heap.
 * Run alone: `npx vite-node bench/jo-parse.ts [-- runs]` prints the figures.
 *
 * Time: the median of `runs` reads of the same generated issue, after a first, cold one, which
 * is also reported: a service worker reads one issue a week, compiling the reader as it goes.
 * No collection is forced between reads: a forced one shrinks the heap, and the next read then
 * spends its time growing it back (measured: a median 1.4 times as long, and scattered).
 *
 * Memory: V8's used heap, from a forced GC before the read to its highest point during it. The
 * used heap only drops at a collection, so its peak is either just before one of the collections
 * the read triggered (v8.GCProfiler records the heap before each) or at its end. The XML string
 * itself, made before the read, is not counted: about 2 bytes a character, 10 MB for 5 MB of
 * French text. Node's heap, not Chrome's: the same V8, but a worker's heap is not measured here.
 *
 * Baseline: `JSON.parse` of the same questions and answers written as JSON, to as many bytes:
 * the engine's native parser turning as much structured text into objects, measured in the same
 * run, so the ratio says what the XML, its checking and the text cleaning cost over the floor,
 * and stays comparable across machines and loads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readIssue } from '../lib/sources/jo/issue';
import { type JoIssue } from '../lib/sources/jo/schemas';
import { generateRedif } from '../harness/jo-archives';

export interface JoParseFigures {
  /** The generated issue's size in UTF-8 bytes. */
  sizeBytes: number;
  medianMs: number;
  /**
   * The same reads in this process's CPU time: on a machine shared with other work, wall time
   * also counts the waits for a core. V8's collector threads count too.
   */
  medianCpuMs: number;
  /** The first, unwarmed read. */
  coldMs: number;
  peakHeapMb: number;
  baselineMs: number;
  runs: number;
}

const TARGET_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed<T>(work: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1000, result };
}

function read(xml: string): JoIssue {
  const reading = readIssue(xml, { chamber: 'AN', year: 2026, number: 10 });
  if (!reading.ok) throw new Error(`the generated issue does not read: ${reading.detail}`);
  return reading.issue;
}

/** The same entries as JSON, cycled until the JSON is as large as the XML. */
function equalJson(issue: JoIssue, bytes: number): string {
  const entries: unknown[] = [...issue.questions, ...issue.answers];
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const part = JSON.stringify(entries[i % entries.length]);
    parts.push(part);
    size += encoder.encode(part).length + 1;
  }
  return `[${parts.join(',')}]`;
}

function peakHeapBytes(gc: () => void, xml: string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  const issue = read(xml);
  const atEnd = process.memoryUsage().heapUsed;
  const collections = profiler.stop()?.statistics ?? [];
  const peak = Math.max(atEnd, ...collections.map((c) => c.beforeGC.heapStatistics.usedHeapSize));
  // Keeps the result alive until the heap was read.
  if (issue.questions.length === 0) throw new Error('empty issue');
  return peak - before;
}

export async function measureJoParse(runs = 15): Promise<JoParseFigures> {
  const gc = forceGc();
  const { xml } = generateRedif(TARGET_BYTES);
  const sizeBytes = new TextEncoder().encode(xml).length;
  const cold = timed(() => read(xml));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = timed(() => read(xml));
    times.push(run.ms);
    cpuTimes.push(run.cpuMs);
  }
  const peaks: number[] = [];
  for (let i = 0; i < 3; i++) peaks.push(peakHeapBytes(gc, xml));
  const json = equalJson(cold.result, sizeBytes);
  JSON.parse(json);
  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) baselines.push(timed(() => JSON.parse(json)).ms);
  return {
    sizeBytes,
    medianMs: median(times),
    medianCpuMs: median(cpuTimes),
    coldMs: cold.ms,
    peakHeapMb: Math.max(...peaks) / MB,
    baselineMs: median(baselines),
    runs,
  };
}

/**
 * vite-node takes the script out of `process.argv`; the process's own command line (Linux's
 * /proc) still names it. Imported, as by a bench runner, this module prints nothing.
 */
function runAlone(): boolean {
  try {
    return readFileSync('/proc/self/cmdline', 'utf8')
      .split('\0')
      .some((arg) => arg.endsWith('.ts') && resolve(arg) === import.meta.filename);
  } catch {
    return false;
  }
}

if (!process.env.VITEST && runAlone()) {
  const runs = Number(process.argv[2]) || undefined;
  const f = await measureJoParse(runs);
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(`JO issue reader — ${round(f.sizeBytes / MB)} MB REDIF, ${f.runs} runs, Node ${process.version}`);
  console.log(`  read:     median ${round(f.medianMs)} ms (CPU ${round(f.medianCpuMs)} ms; cold ${round(f.coldMs)} ms)   budget ≤ 300 ms`);
  console.log(`  baseline: JSON.parse of as many bytes ${round(f.baselineMs)} ms → read = ${round(f.medianMs / f.baselineMs)} × baseline`);
  console.log(`  heap:     peak ${round(f.peakHeapMb)} MB above the XML string   budget ≤ 50 MB`);
}
