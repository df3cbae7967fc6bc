/** The bench's site (the fixtures, and a generated 500-item list) and its 10,000 watches. */
import { questionId, type Question } from '../lib/model';
import { questionStatus } from '../lib/status';
import { type WatchRecord } from '../lib/records';
import { anDynUrl, nosdeputesUrl } from '../lib/urls';
import { html, startFixtureServer, type FixtureServer } from '../harness/server';
import { bigNosdeputesList, serveSite } from '../harness/site';

export const SEED_QUESTION = 'https://2017-2022.nosdeputes.fr/15/question/QE/19189';
export const LIST_500 = 'https://www.nosdeputes.fr/cinq-cents/questions';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function benchQuestion(i: number): Question {
  const number = 1 + i;
  const id = questionId(17, 'QE', number);
  return {
    id,
    chamber: 'AN',
    legislature: 17,
    type: 'QE',
    number,
    author: {
      name: `Député ${i % 577}`,
      anId: `PA${700000 + (i % 577)}`,
      group: { acronym: 'EPR', name: 'Ensemble pour la République' },
      constituency: 'Finistère (3e circonscription)',
    },
    ministry: 'Intérieur',
    answeringMinistry: 'Intérieur',
    title: `Question de démonstration n° ${number}`,
    rubrique: 'Sécurité',
    publishedOn: '2025-01-14',
    ...(i % 3 === 0 ? { answeredOn: '2025-06-10' } : {}),
    text: 'M. le député attire l’attention de M. le ministre de l’intérieur sur une question de démonstration, écrite pour mesurer Vigie avec dix mille questions suivies. '.repeat(
      3,
    ),
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
}

export function tenThousandWatches(now: number): WatchRecord[] {
  return Array.from({ length: 10_000 }, (_, i) => {
    const question = benchQuestion(i);
    return {
      id: question.id,
      question,
      watchedAt: now - i * 60_000,
      state: questionStatus(question, '2026-11-29').state,
      failures: 0,
      seen: i % 50 !== 0,
      lastCheckedAt: now - 3_600_000,
    };
  });
}

export async function startBenchSite(): Promise<FixtureServer> {
  const server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set('www.nosdeputes.fr/cinq-cents/questions', () => html(bigNosdeputesList(500)));
  return server;
}
