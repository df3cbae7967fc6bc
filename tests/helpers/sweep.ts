/**
 * Pages cut short, as a dropped connection leaves them: the parsers' truncation sweeps share these
 * cut points and one timeout, sized for a two-core machine under load (each sweep parses hundreds
 * of pages, happy-dom being the slower DOM).
 */
export const SWEEP_TIMEOUT_MS = 120_000;

export interface SweepOptions {
  /** Cut every `step` characters. */
  step: number;
  /** Also cut at every character of these parts of the page (the status lines, where a cut matters most). */
  around?: { pattern: RegExp; before: number; after: number }[];
}

/** Where to cut `html`, in increasing order; always includes the middle of the page. */
export function cutPoints(html: string, { step, around = [] }: SweepOptions): number[] {
  const points = new Set<number>([Math.floor(html.length / 2)]);
  for (let i = 0; i < html.length; i += step) points.add(i);
  for (const { pattern, before, after } of around) {
    const at = html.search(pattern);
    if (at >= 0) for (let i = Math.max(0, at - before); i < Math.min(html.length, at + after); i++) points.add(i);
  }
  return [...points].sort((a, b) => a - b);
}
