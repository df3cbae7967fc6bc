/**
 * A deputy's record read once at the Assemblée, when the user asks for it: their list of questions
 * page by page (10 a page, follow.md §1.1), through the polite fetcher (paced, backing off), parsed
 * by the site parser that reads the same page in the browser. ⌈n/10⌉ requests; after that the
 * weekly index keeps the record current at no cost.
 */
import { type QuestionRef } from '../model';
import { recordFromRefs } from '../follows/record';
import { type DeputyRecord } from '../follows/schemas';
import { parsePage } from '../sites';
import { parseHtml } from '../sources/html';
import { isPausing, type PoliteFetcher } from '../sources/polite-fetch';
import { anDeputyUrl } from '../urls';
import { describeError } from './check';

/** Items on a page of the list: a shorter page is the last. */
export const SWEEP_PAGE_ITEMS = 10;
/** 1,000 questions at most: more than the most prolific deputy's, and a bound on a list that never ends. */
export const MAX_SWEEP_PAGES = 100;

export function deputyQuestionsUrl(anId: string, page: number): string {
  const base = `${anDeputyUrl(anId)}/questions`;
  return page === 1 ? base : `${base}?page=${page}&limit=${SWEEP_PAGE_ITEMS}`;
}

export type SweepResult = { ok: true; record: DeputyRecord } | { ok: false; reason: string; retryAt?: number };

export async function sweepDeputy(fetcher: PoliteFetcher, anId: string, legislature: number, now: () => number): Promise<SweepResult> {
  const refs = new Map<string, QuestionRef>();
  let pages = 0;
  for (let page = 1; page <= MAX_SWEEP_PAGES; page++) {
    const url = deputyQuestionsUrl(anId, page);
    const outcome = await fetcher.get(url, 'text/html');
    // Past the last page the site may answer « not found » rather than an empty list.
    if (!outcome.ok && outcome.reason === 'http' && outcome.status === 404 && page > 1) break;
    if (!outcome.ok) {
      const reason = outcome.reason === 'http' ? `HTTP ${outcome.status}` : outcome.reason;
      return { ok: false, reason, ...(isPausing(outcome) ? { retryAt: outcome.until } : {}) };
    }
    pages++;
    let items: QuestionRef[];
    try {
      const parsed = parsePage(parseHtml(outcome.body), url);
      items = parsed.kind === 'question-list' ? parsed.items.map((item) => item.ref) : [];
    } catch (error) {
      return { ok: false, reason: `unreadable (${describeError(error)})` };
    }
    // A page past the end lists nothing, or the first page again: the list is read.
    const fresh = items.filter((ref) => !refs.has(ref.id));
    if (!fresh.length) {
      if (page === 1) return { ok: false, reason: 'not a list of questions' };
      break;
    }
    for (const ref of fresh) refs.set(ref.id, ref);
    if (items.length < SWEEP_PAGE_ITEMS) break;
  }
  return { ok: true, record: recordFromRefs([...refs.values()], legislature, deputyQuestionsUrl(anId, 1), pages, now()) };
}
