/** The page and popup budgets of issue #16, each with its floor and, when a baseline build ran too, its value before. */
import { type PopupCost } from './popup';
import { type Figures, type PageResults } from './pages';

export interface FloorBudget {
  name: string;
  value: number;
  unit: string;
  /** null: a figure reported beside the budgets, with its floor, that has no budget of its own. */
  budget: number | null;
  /** `ratio`: the budget bounds value ÷ floor, not the value. */
  budgetOn?: 'ratio';
  met: boolean;
  note?: string;
  /** The same figure for the empty content script, measured in the same run. */
  floor?: number;
  /** value ÷ floor. */
  ratio?: number;
  /** The baseline build's value in the same run (`--base`). */
  before?: number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface PageBudgetInput {
  pages: PageResults;
  bundleKb: number;
  floorBundleKb: number;
  popup: PopupCost;
  /** Open → rows of an extension page with its rows in its HTML: the popup's floor. */
  popupFloor: number;
  before?: { bundleKb: number; popup?: PopupCost };
}

export function pageBudgets({ pages, bundleKb, floorBundleKb, popup, popupFloor, before }: PageBudgetInput): FloorBudget[] {
  const floor = pages['floor-empty']!;
  const h1 = pages['floor-h1']!;
  // The least an overlay costs from injection to its paint: put by the manifest script, or by a module imported after load.
  const overlay = pages['floor-overlay']!;
  const imported = pages['floor-overlay-import']!;
  const paintedNote = (kind: 'question' | 'list') =>
    `floor: one fixed overlay after the h1 put by the manifest script ${round(overlay[kind].toOverlayPainted, 1)} ms, by a module imported after load (Vigie's way) ${round(imported[kind].toOverlayPainted, 1)} ms`;
  const vigie = pages.vigie!;
  const base = pages.before;
  const entry = (
    name: string,
    value: number,
    unit: string,
    budget: number | null,
    { floorValue, ratioBudget, was, note }: { floorValue?: number; ratioBudget?: boolean; was?: number; note?: string },
  ): FloorBudget => {
    const ratio = floorValue ? value / floorValue : undefined;
    const checked = ratioBudget ? ratio! : value;
    return {
      name,
      value: round(value),
      unit,
      budget,
      ...(ratioBudget ? { budgetOn: 'ratio' as const } : {}),
      met: budget === null || (Number.isFinite(checked) && checked <= budget),
      ...(note ? { note } : {}),
      ...(floorValue !== undefined ? { floor: round(floorValue) } : {}),
      ...(ratio !== undefined ? { ratio: round(ratio) } : {}),
      ...(was !== undefined ? { before: round(was) } : {}),
    };
  };
  const parts = (f: Figures) =>
    `world ${round(f.world, 1)} + compile ${round(f.compile, 1)} + top level ${round(f.topLevel, 1)} + passes ${round(f.passes, 1)} ms`;
  return [
    entry('question page: content-script main thread, × floor', vigie.question.contentScript, 'ms', 3, {
      floorValue: floor.question.contentScript,
      ratioBudget: true,
      was: base?.question.contentScript,
      note: `${parts(vigie.question)}; floor ${parts(floor.question)}; h1 floor ${round(h1.question.contentScript, 1)} ms; ${vigie.question.loads} traced loads`,
    }),
    entry('question page: style, layout, paint after injection', vigie.question.rendering, 'ms', null, {
      floorValue: floor.question.rendering || undefined,
      was: base?.question.rendering,
      note: `floor ${round(floor.question.rendering, 1)} ms; reported, no budget`,
    }),
    entry('question page: injection → card painted', vigie.question.toOverlayPainted, 'ms', 25, {
      floorValue: overlay.question.toOverlayPainted,
      was: base?.question.toOverlayPainted,
      note: paintedNote('question'),
    }),
    entry('question page: load event held', vigie.question.loadHeld, 'ms', 2, {
      floorValue: floor.question.loadHeld,
      was: base?.question.loadHeld,
    }),
    entry('content-script bundle (gzip)', bundleKb, 'KB', 25, { floorValue: floorBundleKb, was: before?.bundleKb }),
    entry('500-item list: main thread after DOMContentLoaded, × floor', vigie.list.afterDcl, 'ms', 2.5, {
      floorValue: floor.list.afterDcl,
      ratioBudget: true,
      was: base?.list.afterDcl,
      note: `content script ${round(vigie.list.contentScript, 1)} ms (${parts(vigie.list)}), floor ${round(floor.list.contentScript, 1)} ms`,
    }),
    entry('500-item list: style, layout, paint after injection', vigie.list.rendering, 'ms', null, {
      floorValue: floor.list.rendering || undefined,
      was: base?.list.rendering,
      note: `floor ${round(floor.list.rendering, 1)} ms; reported, no budget`,
    }),
    entry('500-item list: injection → first badges painted', vigie.list.toOverlayPainted, 'ms', 100, {
      floorValue: overlay.list.toOverlayPainted,
      was: base?.list.toOverlayPainted,
      note: paintedNote('list'),
    }),
    entry('500-item list: load event held', vigie.list.loadHeld, 'ms', null, {
      floorValue: floor.list.loadHeld,
      was: base?.list.loadHeld,
      note: 'reported, no budget',
    }),
    entry('popup, 10,000 watches: first sorted rows, worker awake', popup.firstRowsAwake, 'ms', 150, {
      floorValue: popupFloor,
      was: before?.popup?.firstRowsAwake,
      note: `every row after ${round(popup.allRows)} ms`,
    }),
    entry('popup, 10,000 watches: first sorted rows, worker asleep', popup.firstRowsAsleep, 'ms', 150, {
      floorValue: popupFloor,
      was: before?.popup?.firstRowsAsleep,
    }),
    entry('popup, 10,000 watches: longest task while the rest arrives', popup.longestTaskAfter, 'ms', 50, {
      was: before?.popup?.longestTaskAfter,
      note: 'input waits at most this long',
    }),
    entry('popup, 10,000 watches: search keystroke to its frame', popup.keystroke, 'ms', 50, {
      was: before?.popup?.keystroke,
      note: `worst of the run ${round(popup.keystrokeWorst)} ms${before?.popup ? ` (before: ${round(before.popup.keystrokeWorst)} ms)` : ''}`,
    }),
  ];
}
