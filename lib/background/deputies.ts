/** Deputy facts for the overlays' deputy line: fetched once a week at most per deputy. */
import { deputyFactsSchema, type DeputyFacts } from '../model';
import { parseJson } from '../objects';
import { isPausing, type PoliteFetcher } from '../sources/polite-fetch';
import { deputyFromAnRecord, deputyFromNosdeputesJson, nosdeputesDeputyApiUrl } from '../sources/deputies';
import { anOpenDataUrl } from '../urls';
import { type RequestOf } from '../messages';
import { cacheGet, cachePut } from './store/cache';
import { type Db } from './store/db';

export const DEPUTY_TTL_MS = 7 * 24 * 3_600_000;
/** A failed lookup is not retried for a day: the line simply shows what the page says. */
export const DEPUTY_MISS_TTL_MS = 24 * 3_600_000;

const JSON_ACCEPT = 'application/json';

export async function deputyFacts(
  db: Db,
  fetcher: PoliteFetcher,
  query: RequestOf<'deputy.facts'>,
  now: number,
): Promise<DeputyFacts | undefined> {
  const { slug, legislature, questionId } = query;
  const source =
    slug && legislature && legislature <= 16
      ? {
          key: `deputy:nd:${legislature}:${slug}`,
          url: nosdeputesDeputyApiUrl(slug, legislature),
          read: (json: unknown) => deputyFromNosdeputesJson(json, legislature),
        }
      : questionId && legislature
        ? { key: `deputy:an:${questionId}`, url: anOpenDataUrl(questionId), read: (json: unknown) => deputyFromAnRecord(json, legislature) }
        : undefined;
  if (!source?.url) return undefined;
  const cached = await cacheGet(db, source.key, deputyFactsSchema, now);
  if (cached) return Object.keys(cached).length ? cached : undefined;
  const outcome = await fetcher.get(source.url, JSON_ACCEPT);
  // Not asked at all (the source is backing off): nothing learnt, nothing to remember.
  if (isPausing(outcome)) return undefined;
  const facts = outcome.ok ? source.read(parseJson(outcome.body)) : undefined;
  await cachePut(db, source.key, 'deputy', facts ?? {}, facts ? DEPUTY_TTL_MS : DEPUTY_MISS_TTL_MS, now);
  return facts;
}
