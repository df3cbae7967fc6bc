/**
 * One check of one question against the Assemblée: its open-data record first, its page as a
 * fallback, both read by the same parsers as everywhere else. Anything that does not parse and
 * validate — an error page, HTML where JSON was expected, a truncated body — is a failed check
 * and never a new status.
 */
import { parseHtml } from '../sources/html';
import { chamberOf, parseQuestionId, type Question, type QuestionRef } from '../model';
import { type CheckSource } from '../records';
import { parsePage } from '../sites';
import { parseAnRecord } from '../sources/an-opendata';
import { parseJson } from '../objects';
import { isPausing, type FetchOutcome, type PoliteFetcher } from '../sources/polite-fetch';
import { anDynUrl, anOpenDataUrl, questionUrls } from '../urls';

export type CheckResult =
  | { ok: true; question: Question; source: CheckSource }
  /** `source`: absent when the check failed before any source could answer. */
  | { ok: false; source?: CheckSource; reason: string; retryAt?: number };

/** What an exception says about a reading, without the fetched text it may quote. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** A body that makes a reader throw (nested too deep, too large…) is this question's failed reading, nothing more. */
function reading(source: CheckSource, read: () => CheckResult): CheckResult {
  try {
    return read();
  } catch (error) {
    return { ok: false, source, reason: `unreadable (${describeError(error)})` };
  }
}

function failure(outcome: Exclude<FetchOutcome, { ok: true }>): string {
  return outcome.reason === 'http' ? `HTTP ${outcome.status}` : outcome.reason;
}

/** What the page says, with what we knew that the page does not (NosDéputés slug, links). */
function merged(known: Question | undefined, fresh: Question): Question {
  if (!known) return fresh;
  return {
    ...fresh,
    author: { ...known.author, ...fresh.author },
    urls: { ...known.urls, ...fresh.urls },
  };
}

async function fromRecord(fetcher: PoliteFetcher, id: string, known: Question | undefined): Promise<CheckResult> {
  const outcome = await fetcher.get(anOpenDataUrl(id), 'application/json');
  if (!outcome.ok) {
    return { ok: false, source: 'an-opendata', reason: failure(outcome), retryAt: isPausing(outcome) ? outcome.until : undefined };
  }
  return reading('an-opendata', () => {
    const question = parseAnRecord(parseJson(outcome.body), known);
    if (!question || question.id !== id) return { ok: false, source: 'an-opendata', reason: 'not a valid record' };
    if (question.unreadableStatus) return { ok: false, source: 'an-opendata', reason: `status unreadable: ${question.unreadableStatus}` };
    return { ok: true, question, source: 'an-opendata' };
  });
}

/** One question page, read by the same parser as on the site: the Assemblée's, the Sénat's or NosSénateurs'. */
async function fromPage(
  fetcher: PoliteFetcher,
  id: string,
  known: Question | undefined,
  url: string,
  source: CheckSource,
): Promise<CheckResult> {
  const outcome = await fetcher.get(url, 'text/html');
  if (!outcome.ok) {
    return { ok: false, source, reason: failure(outcome), retryAt: isPausing(outcome) ? outcome.until : undefined };
  }
  // A page cut short can look like a complete one with fewer dates: never read it.
  if (!/<\/html>\s*$/i.test(outcome.body)) return { ok: false, source, reason: 'truncated page' };
  return reading(source, () => {
    const page = parsePage(parseHtml(outcome.body), url);
    if (page.kind !== 'question' || page.question.id !== id) return { ok: false, source, reason: 'not a question page' };
    if (page.question.unreadableStatus) return { ok: false, source, reason: `status unreadable: ${page.question.unreadableStatus}` };
    return { ok: true, question: merged(known, page.question), source };
  });
}

type Reader = (fetcher: PoliteFetcher, id: string, known: Question | undefined) => Promise<CheckResult>;

const fromAnPage: Reader = (fetcher, id, known) => fromPage(fetcher, id, known, anDynUrl(id), 'an-page');

/**
 * A Sénat question's readers: its senat.fr page, whose address comes from the reference a page gave
 * (senat.md §1.1: never built from a number and a date); else NosSénateurs' archive, which links it.
 * The Sénat has no per-question open data (§4).
 */
function senateReaders(known: Question | undefined, ref: QuestionRef | undefined): Reader[] {
  const id = known?.id ?? ref?.id;
  const key = id ? parseQuestionId(id) : undefined;
  if (!key) return [];
  const urls = questionUrls(key, {
    reference: known?.senatReference ?? ref?.senatReference,
    publishedOn: known?.publishedOn ?? ref?.publishedOn,
  });
  const readers: Reader[] = [];
  if (urls.senat) readers.push((fetcher, qid, q) => fromPage(fetcher, qid, q, urls.senat!, 'senat-page'));
  if (urls.nossenateurs) readers.push((fetcher, qid, q) => fromPage(fetcher, qid, q, urls.nossenateurs!, 'nossenateurs-page'));
  return readers;
}

/**
 * The record names the author by id only: for a question watched from a list, whose author we
 * do not know yet, the page comes first.
 */
export async function checkQuestion(
  fetcher: PoliteFetcher,
  id: string,
  known: Question | undefined,
  ref?: QuestionRef,
): Promise<CheckResult> {
  const order = chamberOf(id) === 'SEN' ? senateReaders(known, ref) : known ? [fromRecord, fromAnPage] : [fromAnPage, fromRecord];
  if (order.length === 0) return { ok: false, reason: 'no page to read: the Sénat question has no reference and no NosSénateurs page' };
  const reasons: string[] = [];
  let last: CheckResult | undefined;
  for (const read of order) {
    last = await read(fetcher, id, known);
    if (last.ok) return last;
    reasons.push(last.reason);
    if (last.retryAt !== undefined) {
      // Blocked after a reading of this very check failed: that failure is this question's,
      // so it backs off like any failed check instead of returning at every alarm.
      if (reasons.length > 1) last = { ...last, retryAt: undefined };
      break;
    }
  }
  return { ...last!, reason: reasons.join(' → ') } as CheckResult;
}
