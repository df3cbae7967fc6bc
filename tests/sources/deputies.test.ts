import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEPUTY_MISS_TTL_MS, DEPUTY_TTL_MS, deputyFacts } from '../../lib/background/deputies';
import { deputyFactsSchema } from '../../lib/model';
import { deputyFromAnRecord, deputyFromNosdeputesJson, nosdeputesDeputyApiUrl } from '../../lib/sources/deputies';
import { type FetchOutcome, type PoliteFetcher } from '../../lib/sources/polite-fetch';
import { type Db } from '../../lib/background/store/db';
import { freshIndexedDb, NOW, openTestDb } from '../store/helpers';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const deputyText = fixture('nosdeputes/deputy.json');
const anText = fixture('an/opendata-QANR5L15QE19189.json');
const deputyJson = () => JSON.parse(deputyText) as { depute: Record<string, unknown> };
const withDepute = (changes: Record<string, unknown>) => ({ depute: { ...deputyJson().depute, ...changes } });

const ELISE = {
  name: 'Élise Morvan',
  slug: 'elise-morvan',
  anId: 'PA795321',
  group: { acronym: 'REN', name: 'Renaissance' },
  constituency: 'Finistère (3e circonscription)',
  mandateStart: '2022-06-22',
  legislature: 16,
};

describe('deputyFromNosdeputesJson', () => {
  it('reads the NosDéputés fixture', () => {
    const facts = deputyFromNosdeputesJson(deputyJson(), 16);
    expect(facts).toEqual(ELISE);
    expect(deputyFactsSchema.safeParse(facts).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, object]>([
    ['num_circo as a string', { num_circo: '3' }, { constituency: 'Finistère (3e circonscription)' }],
    ['the first circonscription', { num_circo: 1 }, { constituency: 'Finistère (1re circonscription)' }],
    ['id_an as a number', { id_an: 795321 }, { anId: 'PA795321' }],
    ['id_an with its prefix', { id_an: 'PA795321' }, { anId: 'PA795321' }],
    ['a mandate end', { mandat_fin: '2024-06-09' }, { mandateEnd: '2024-06-09' }],
    ['a date with a time', { mandat_debut: '2022-06-22 00:00:00' }, { mandateStart: '2022-06-22' }],
    ['an unknown group acronym', { groupe_sigle: 'XYZ', groupe: null }, { group: { acronym: 'XYZ' } }],
    ['a group name only', { groupe_sigle: null }, { group: { name: 'Renaissance' } }],
  ])('reads %s', (_label, changes, expected) => {
    expect(deputyFromNosdeputesJson(withDepute(changes), 16)).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, keyof typeof ELISE]>([
    ['num_circo not a number', { num_circo: 'trois' }, 'constituency'],
    ['num_circo zero', { num_circo: 0 }, 'constituency'],
    ['num_circo empty', { num_circo: '' }, 'constituency'],
    ['no constituency name', { nom_circo: null }, 'constituency'],
    ['id_an not digits', { id_an: 'abc' }, 'anId'],
    ['no id_an', { id_an: null }, 'anId'],
    ['a mandate start that is not a date', { mandat_debut: '22/06/2022' }, 'mandateStart'],
    ['no group at all', { groupe_sigle: null, groupe: null }, 'group'],
  ])('leaves out a member it cannot read: %s', (_label, changes, member) => {
    const facts = deputyFromNosdeputesJson(withDepute(changes), 16);
    expect(facts).toBeDefined();
    expect(facts).not.toHaveProperty(member);
    expect(facts?.name).toBe('Élise Morvan');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', deputyText],
    ['an array', [deputyJson()]],
    ['no depute', {}],
    ['depute null', { depute: null }],
    ['depute a string', { depute: 'Élise Morvan' }],
    ['nom missing', withDepute({ nom: undefined })],
    ['nom a number', withDepute({ nom: 42 })],
    ['slug missing', withDepute({ slug: undefined })],
    ['num_circo an object', withDepute({ num_circo: { n: 3 } })],
    ['groupe a string', withDepute({ groupe: 'Renaissance' })],
    ['id_an a boolean', withDepute({ id_an: true })],
  ])('answers nothing for broken input: %s', (_label, json) => {
    expect(deputyFromNosdeputesJson(json, 16)).toBeUndefined();
  });

  it('never answers an invalid deputy', () => {
    // A slug the model does not accept would make an invalid record: nothing rather than that.
    expect(deputyFromNosdeputesJson(withDepute({ slug: 'Élise Morvan' }), 16)).toBeUndefined();
  });
});

describe('deputyFromAnRecord', () => {
  it('reads the author of the open-data fixture', () => {
    expect(deputyFromAnRecord(JSON.parse(anText), 15)).toEqual({
      anId: 'PA999901',
      group: { acronym: 'LR', name: 'Les Républicains' },
      legislature: 15,
    });
  });

  it('keeps the group name the record gives', () => {
    const json = JSON.parse(anText);
    json.question.auteur.groupe = { abrege: 'NI', developpe: 'Non inscrit' };
    expect(deputyFromAnRecord(json, 15)?.group).toEqual({ acronym: 'NI', name: 'Non inscrit' });
  });

  it('answers nothing when the record names no author', () => {
    const json = JSON.parse(anText);
    json.question.auteur = null;
    expect(deputyFromAnRecord(json, 15)).toBeUndefined();
  });

  it('drops an actor id of the wrong shape', () => {
    const json = JSON.parse(anText);
    json.question.auteur.identite.acteurRef = 'PO999901';
    expect(deputyFromAnRecord(json, 15)).toEqual({ group: { acronym: 'LR', name: 'Les Républicains' }, legislature: 15 });
  });

  it.each([null, 'x', {}, { question: null }, { question: { type: 'QE' } }])('answers nothing for %j', (json) => {
    expect(deputyFromAnRecord(json, 15)).toBeUndefined();
  });
});

describe('nosdeputesDeputyApiUrl', () => {
  it.each<[number, string | undefined]>([
    [13, 'https://2007-2012.nosdeputes.fr/elise-morvan/json'],
    [14, 'https://2012-2017.nosdeputes.fr/elise-morvan/json'],
    [15, 'https://2017-2022.nosdeputes.fr/elise-morvan/json'],
    [16, 'https://2022-2024.nosdeputes.fr/elise-morvan/json'],
    [17, undefined],
    [12, undefined],
  ])('legislature %i → %s', (legislature, url) => {
    expect(nosdeputesDeputyApiUrl('elise-morvan', legislature)).toBe(url);
  });
});

describe('deputyFacts (background)', () => {
  let db: Db;
  let get: ReturnType<typeof vi.fn<(url: string, accept: string) => Promise<FetchOutcome>>>;
  let fetcher: PoliteFetcher;
  const ok = (body: string): FetchOutcome => ({ ok: true, status: 200, contentType: 'application/json', body });
  const ND = { type: 'deputy.facts' as const, slug: 'elise-morvan', legislature: 16 };
  const ND_URL = 'https://2022-2024.nosdeputes.fr/elise-morvan/json';
  const ND_KEY = 'deputy:nd:16:elise-morvan';

  beforeEach(async () => {
    freshIndexedDb();
    db = await openTestDb();
    get = vi.fn(async () => ok(deputyText));
    fetcher = { get } as unknown as PoliteFetcher;
  });

  afterEach(() => db.close());

  it('fetches once, caches for seven days, then fetches again', async () => {
    expect(await deputyFacts(db, fetcher, ND, NOW)).toEqual(ELISE);
    expect(get).toHaveBeenCalledExactlyOnceWith(ND_URL, 'application/json');
    expect(await db.get('cache', ND_KEY)).toEqual({
      key: ND_KEY,
      kind: 'deputy',
      value: ELISE,
      fetchedAt: NOW,
      expiresAt: NOW + DEPUTY_TTL_MS,
    });

    expect(await deputyFacts(db, fetcher, ND, NOW + 3_600_000)).toEqual(ELISE);
    expect(await deputyFacts(db, fetcher, ND, NOW + DEPUTY_TTL_MS - 1)).toEqual(ELISE);
    expect(get).toHaveBeenCalledOnce();

    expect(await deputyFacts(db, fetcher, ND, NOW + DEPUTY_TTL_MS)).toEqual(ELISE);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it.each<[string, FetchOutcome]>([
    ['a 404', { ok: false, reason: 'http', status: 404 }],
    ['a 503', { ok: false, reason: 'http', status: 503 }],
    ['a network error', { ok: false, reason: 'network' }],
    ['a body that is not JSON', ok('<html>Erreur</html>')],
    ['JSON that is not a deputy', ok('{"depute":null}')],
  ])('after %s, caches a miss for a day and answers undefined', async (_label, outcome) => {
    get.mockResolvedValue(outcome);
    expect(await deputyFacts(db, fetcher, ND, NOW)).toBeUndefined();
    expect(await db.get('cache', ND_KEY)).toMatchObject({ value: {}, expiresAt: NOW + DEPUTY_MISS_TTL_MS });
    expect(await deputyFacts(db, fetcher, ND, NOW + DEPUTY_MISS_TTL_MS - 1)).toBeUndefined();
    expect(get).toHaveBeenCalledOnce();
    get.mockResolvedValue(ok(deputyText));
    expect(await deputyFacts(db, fetcher, ND, NOW + DEPUTY_MISS_TTL_MS)).toEqual(ELISE);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it.each<[string, FetchOutcome]>([
    ['a backoff', { ok: false, reason: 'backoff', until: NOW + 60_000 }],
    ['an open circuit', { ok: false, reason: 'circuit-open', until: NOW + 60_000 }],
  ])('after %s (no request made), remembers nothing and asks again next time', async (_label, outcome) => {
    get.mockResolvedValue(outcome);
    expect(await deputyFacts(db, fetcher, ND, NOW)).toBeUndefined();
    expect(await db.get('cache', ND_KEY)).toBeUndefined();
    get.mockResolvedValue(ok(deputyText));
    expect(await deputyFacts(db, fetcher, ND, NOW + 1)).toEqual(ELISE);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('reads the 17th legislature from the question open-data record', async () => {
    const json = JSON.parse(anText);
    json.question.auteur.groupe = { abrege: 'DR', developpe: null };
    get.mockResolvedValue(ok(JSON.stringify(json)));
    const query = { type: 'deputy.facts' as const, slug: 'elise-morvan', legislature: 17, questionId: 'AN-17-QE-1042' };
    expect(await deputyFacts(db, fetcher, query, NOW)).toEqual({
      anId: 'PA999901',
      group: { acronym: 'DR', name: 'Droite Républicaine' },
      legislature: 17,
    });
    expect(get).toHaveBeenCalledExactlyOnceWith('https://www.assemblee-nationale.fr/dyn/opendata/QANR5L17QE1042.json', 'application/json');
    expect(await db.get('cache', 'deputy:an:AN-17-QE-1042')).toMatchObject({ expiresAt: NOW + DEPUTY_TTL_MS });
  });

  it('reads the question record when there is no slug', async () => {
    get.mockResolvedValue(ok(anText));
    const facts = await deputyFacts(db, fetcher, { type: 'deputy.facts', legislature: 15, questionId: 'AN-15-QE-19189' }, NOW);
    expect(facts).toEqual({ anId: 'PA999901', group: { acronym: 'LR', name: 'Les Républicains' }, legislature: 15 });
  });

  it.each([
    ['no legislature', { slug: 'elise-morvan' }],
    ['a 17th-legislature slug without question', { slug: 'elise-morvan', legislature: 17 }],
    ['an anId only', { anId: 'PA795321', legislature: 16 }],
    ['nothing', {}],
  ])('asks nothing with %s', async (_label, query) => {
    expect(await deputyFacts(db, fetcher, { type: 'deputy.facts', ...query }, NOW)).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
    expect(await db.count('cache')).toBe(0);
  });

  it('a corrupt cache entry is dropped and fetched again', async () => {
    await db.put('cache', { key: ND_KEY, kind: 'deputy', value: { anId: 'not-an-id' }, fetchedAt: NOW, expiresAt: NOW + DEPUTY_TTL_MS });
    expect(await deputyFacts(db, fetcher, ND, NOW)).toEqual(ELISE);
    expect(get).toHaveBeenCalledOnce();
  });
});
