/**
 * What one page load cost, read from a browser-level trace: the renderer's main thread, from the
 * page's navigation to its tab being closed. Content-script time is the isolated world's creation,
 * the evaluation of chrome-extension:// scripts and modules, the calls into them (listeners,
 * timers, API callbacks) and the microtask checkpoints after injection where their promises run.
 */
import { type TraceEvent } from './cdp';

/** The page probe's mark when the first overlay host enters the page (the probe in bench/trace/pages.ts). */
export const INSERTED_MARK = 'vigie-overlay-inserted';
/** Microtask checkpoints shorter than this are the page's or the browser's bookkeeping, not ours. */
const MICROTASK_FLOOR_US = 300;
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);

export interface LoadFigures {
  url: string;
  /** Isolated world creation (V8 context and the extension bindings), ms. */
  world: number;
  /** Compile of the extension's scripts and modules, ms. */
  compile: number;
  /** Their top-level evaluation, ms. */
  topLevel: number;
  /** Everything the content script ran afterwards: its passes, replies, listeners, ms. */
  passes: number;
  /** world + compile + topLevel + passes, ms (overlaps counted once). */
  contentScript: number;
  /** Style, layout, paint and layerize after injection, ms. */
  rendering: number;
  /** Injection → end of the first frame after the first overlay went in, ms; NaN without overlay. */
  toOverlayPainted: number;
  /**
   * Content-script time spent before the load event could run, ms: from the first line of script
   * (the isolated world's creation, paid by any content script, is not counted, as in issue #16).
   */
  loadHeld: number;
  /** Every main-thread task after DOMContentLoaded, ms: what the page and the script cost together. */
  afterDcl: number;
}

const fromExtension = (event: TraceEvent) => {
  const data = event.args?.data ?? {};
  const where = String(data.url ?? data.fileName ?? event.args?.fileName ?? '');
  return where.startsWith('chrome-extension://');
};

const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);

/** Total length of the union of intervals, µs. */
function covered(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (to <= reach) continue;
    total += to - Math.max(from, reach);
    reach = to;
  }
  return total;
}

function clipped(intervals: [number, number][], from: number, to: number): [number, number][] {
  return intervals.flatMap(([a, b]) => (b <= from || a >= to ? [] : [[Math.max(a, from), Math.min(b, to)] as [number, number]]));
}

const ms = (us: number) => us / 1000;
const span = (list: TraceEvent[]) => list.map((e) => [e.ts, end(e)] as [number, number]);

/** One load per renderer main thread that navigated to an https page. */
export function analyzeTrace(events: readonly TraceEvent[]): LoadFigures[] {
  const mainThreads = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      mainThreads.add(`${event.pid}:${event.tid}`);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'M' || !mainThreads.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  const loads: LoadFigures[] = [];
  for (const threadEvents of byThread.values()) {
    const sorted = threadEvents.sort((a, b) => a.ts - b.ts);
    // The page's document, not the empty one every new tab starts with.
    const commit = sorted.find((e) => e.name === 'CommitLoad' && String(e.args?.data?.url ?? '').startsWith('https://'));
    if (commit)
      loads.push(
        analyzeLoad(
          sorted.filter((e) => e.ts >= commit.ts),
          String(commit.args?.data?.url),
        ),
      );
  }
  return loads;
}

function analyzeLoad(events: TraceEvent[], url: string): LoadFigures {
  const leaving = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pagehide')?.ts ?? Number.POSITIVE_INFINITY;
  const inPage = events.filter((e) => e.ts < leaving);
  const worlds = inPage.filter((e) => e.name === 'LocalWindowProxy::Initialize');
  // The first context of the document is the page's own world; later ones are isolated worlds.
  const isolated = worlds.slice(1);
  const scripts = inPage.filter(
    (e) => (e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') && fromExtension(e),
  );
  const injection = Math.min(...[...isolated, ...scripts].map((e) => e.ts));
  if (!Number.isFinite(injection)) {
    return {
      url,
      world: 0,
      compile: 0,
      topLevel: 0,
      passes: 0,
      contentScript: 0,
      rendering: 0,
      toOverlayPainted: Number.NaN,
      loadHeld: 0,
      afterDcl: afterDcl(inPage),
    };
  }
  const within = (outer: TraceEvent) => (e: TraceEvent) => e.ts >= outer.ts && end(e) <= end(outer);
  const compileEvents = inPage.filter(
    (e) =>
      (e.name === 'v8.compile' && scripts.some((s) => s.name === 'EvaluateScript' && within(s)(e))) ||
      (e.name === 'v8.compileModule' && fromExtension(e)),
  );
  const runEvents = inPage.filter(
    (e) =>
      (e.name === 'v8.run' && scripts.some((s) => s.name === 'EvaluateScript' && within(s)(e))) ||
      (e.name === 'v8.evaluateModule' && fromExtension(e)),
  );
  const later = inPage.filter(
    (e) =>
      e.ts >= injection &&
      ((e.name === 'FunctionCall' && fromExtension(e)) ||
        (e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && (e.dur ?? 0) >= MICROTASK_FLOOR_US)),
  );
  const all = [...span(isolated), ...span(scripts), ...span(later)];
  const loadStart = inPage.find((e) => e.name === 'loadEventStart')?.ts ?? Number.POSITIVE_INFINITY;
  const inserted = inPage.find((e) => e.name === INSERTED_MARK)?.ts;
  const paintedAfter =
    inserted === undefined ? undefined : inPage.find((e) => (e.name === 'Layerize' || e.name === 'Paint') && e.ts >= inserted);
  const contentScript = covered(all);
  const world = covered(span(isolated));
  const compile = covered(span(compileEvents));
  const topLevel = covered(span(runEvents));
  return {
    url,
    world: ms(world),
    compile: ms(compile),
    topLevel: ms(topLevel),
    passes: ms(Math.max(0, contentScript - world - compile - topLevel)),
    contentScript: ms(contentScript),
    rendering: ms(covered(span(inPage.filter((e) => RENDERING.has(e.name) && e.ts >= injection)))),
    toOverlayPainted: paintedAfter ? ms(end(paintedAfter) - injection) : Number.NaN,
    loadHeld: ms(covered(clipped([...span(scripts), ...span(later)], injection, loadStart))),
    afterDcl: afterDcl(inPage),
  };
}

function afterDcl(events: TraceEvent[]): number {
  const dcl = events.find((e) => e.name === 'domContentLoadedEventEnd')?.ts;
  if (dcl === undefined) return Number.NaN;
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && end(e) > dcl);
  return ms(covered(clipped(span(tasks), dcl, Number.POSITIVE_INFINITY)));
}
