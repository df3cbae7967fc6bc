/** Per-source backoff state, kept in storage.local so a restarted worker still respects it. */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { SourceState } from '../sources/polite-fetch';

const sourceStateSchema = z.object({
  failures: z.number().check(z.int(), z.minimum(0)),
  backoffUntil: z.optional(z.number()),
  circuitOpenUntil: z.optional(z.number()),
});

const keyOf = (source: string) => `source:${source}`;

export async function loadSourceState(source: string): Promise<SourceState> {
  const stored = await browser.storage.local.get(keyOf(source));
  const parsed = sourceStateSchema.safeParse(stored[keyOf(source)]);
  return parsed.success ? parsed.data : { failures: 0 };
}

export async function saveSourceState(source: string, state: SourceState): Promise<void> {
  await browser.storage.local.set({ [keyOf(source)]: state });
}
