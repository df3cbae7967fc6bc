/**
 * Senators followed like deputies: the name as the Senate JO prints it (senat.fr prints the surname
 * first, in capitals), civility, accents, compound names and homonyms, matched against Senate
 * issues (REDIF and the legacy SEQ format) and never against the Assemblée's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redifAnswer, redifFile, redifQuestion } from '../../harness/jo-archives';
import { deputyKey, findDeputyFollow, followOfDeputy, type DeputyIdentity } from '../../lib/follows/identity';
import { issueEntries, matchIssue } from '../../lib/follows/match';
import { changeMinistryFollow, ministryFollowed } from '../../lib/follows/ministry';
import { normalisedName, senatorNameInJoOrder } from '../../lib/follows/normalise';
import { type DeputyFollow, type Follow } from '../../lib/follows/schemas';
import { readIssue, type JoIssue } from '../../lib/sources/jo';

const AT = Date.UTC(2026, 2, 12, 18);

function senator(identity: Partial<DeputyIdentity> & { name: string }): DeputyFollow {
  return followOfDeputy(undefined, { chamber: 'SENAT', legislature: 17, ...identity }, 1);
}

function senateIssue(xml: string): JoIssue {
  const reading = readIssue(xml, { chamber: 'SENAT' });
  if (!reading.ok) throw new Error(reading.detail);
  return reading.issue;
}

const answer = (number: number, author: string, source = 'SENAT') =>
  redifAnswer({ questions: [{ number, legislature: 17, source, author, ministry: 'Intérieur' }], date: '2026-03-12', text: 'Réponse.' });

describe('a senator’s name in the JO’s order', () => {
  it.each([
    ['M. DUPONT Jean', 'M. Jean DUPONT', 'jean dupont'],
    ['M. MASSON Jean Louis', 'M. Jean Louis MASSON', 'jean louis masson'],
    ['Mme de LA GONTRIE Marie-Pierre', 'Mme Marie-Pierre de LA GONTRIE', 'marie pierre la gontrie'],
    ['Mme MÉLOT Colette', 'Mme Colette MÉLOT', 'colette melot'],
    ['M. GUÉRINI Jean-Noël', 'M. Jean-Noël GUÉRINI', 'jean noel guerini'],
    ['Mme VERMEILLET Sylvie', 'Mme Sylvie VERMEILLET', 'sylvie vermeillet'],
    ['M. Jean Louis Masson', 'M. Jean Louis Masson', 'jean louis masson'],
    ['Mme Marie-Pierre de La Gontrie', 'Mme Marie-Pierre de La Gontrie', 'marie pierre la gontrie'],
    ['Jean Louis Masson', 'Jean Louis Masson', 'jean louis masson'],
    ['M. DUPONT', 'M. DUPONT', 'dupont'],
  ])('%s → %s', (page, jo, normalised) => {
    expect(senatorNameInJoOrder(page)).toBe(jo);
    expect(normalisedName(senatorNameInJoOrder(page))).toBe(normalised);
  });
});

describe('a senator’s follow', () => {
  it('is keyed by the senat.fr slug, else the NosSénateurs slug, else the name; not by legislature', () => {
    expect(deputyKey({ chamber: 'SENAT', legislature: 17, name: 'M. DUPONT Jean' })).toBe('deputy:SENAT:jean dupont');
    expect(deputyKey({ chamber: 'SENAT', legislature: 16, name: 'M. Jean Dupont' })).toBe('deputy:SENAT:jean dupont');
    expect(deputyKey({ chamber: 'SENAT', legislature: 17, name: 'Jean Louis Masson', slug: 'jean-louis-masson' })).toBe(
      'deputy:SENAT:jean-louis-masson',
    );
    expect(
      deputyKey({
        chamber: 'SENAT',
        legislature: 17,
        name: 'M. MASSON Jean Louis',
        slug: 'jean-louis-masson',
        senatSlug: 'masson_jean_louis01051n',
      }),
    ).toBe('deputy:SENAT:masson_jean_louis01051n');
  });

  it('keeps the JO’s name order, is found from either site, and gains their slugs and numbers', () => {
    const fromSenat = senator({ name: 'M. MASSON Jean Louis', senatSlug: 'masson_jean_louis01051n', numbers: [7406] });
    expect(fromSenat.name).toBe('M. Jean Louis MASSON');
    const nosSenateurs: DeputyIdentity = {
      chamber: 'SENAT',
      legislature: 17,
      name: 'Jean Louis Masson',
      slug: 'jean-louis-masson',
      numbers: [1],
    };
    const found = findDeputyFollow([fromSenat], nosSenateurs);
    expect(found?.id).toBe(fromSenat.id);
    const merged = followOfDeputy(found, nosSenateurs, 2);
    expect(merged).toMatchObject({ slug: 'jean-louis-masson', senatSlug: 'masson_jean_louis01051n', numbers: [7406, 1] });
    // A deputy of the same name is another person.
    expect(findDeputyFollow([fromSenat], { chamber: 'AN', legislature: 17, name: 'M. Jean Louis Masson' })).toBeUndefined();
  });

  it('moves to a later legislature with its numbers, and ignores an earlier one’s', () => {
    const follow = senator({ name: 'M. DUPONT Jean', legislature: 16, numbers: [12] });
    const later = followOfDeputy(follow, { chamber: 'SENAT', legislature: 17, name: 'M. Jean Dupont', numbers: [99999] }, 2);
    expect(later).toMatchObject({ legislature: 17, numbers: [99999] });
    const earlier = followOfDeputy(later, { chamber: 'SENAT', legislature: 15, name: 'M. Jean Dupont', numbers: [5] }, 3);
    expect(earlier).toMatchObject({ legislature: 17, numbers: [99999] });
  });

  it('tells homonyms apart by their senat.fr slugs, and never merges them', () => {
    const one = senator({ name: 'M. DUPONT Jean', senatSlug: 'dupont_jean01' });
    const other = { chamber: 'SENAT', legislature: 17, name: 'M. DUPONT Jean', senatSlug: 'dupont_jean02' } as const;
    expect(findDeputyFollow([one], other)).toBeUndefined();
    expect(deputyKey(other)).not.toBe(one.id);
  });
});

describe('matching a Senate issue', () => {
  const issue = senateIssue(
    redifFile({
      qe: [redifQuestion({ number: 4400, legislature: 17, source: 'SENAT', date: '2026-03-12', page: 3000, author: 'Mme Élise Morvan' })],
      rep: [
        answer(4321, 'M. Jean Dupont (Ain - LR)'),
        answer(4322, 'M. Jean-Noël Guérini'),
        answer(4323, 'Mme Jeanne Dupont'),
        answer(4324, 'M. Jean Dupont'),
      ],
    }),
  );
  const entries = issueEntries(issue);

  it('finds a senator’s answers by the JO’s name, whatever the page’s order, accents and civility', () => {
    const dupont = senator({ name: 'M. DUPONT Jean', numbers: [99999] });
    const guerini = senator({ name: 'M. GUÉRINI Jean-Noël' });
    const morvan = senator({ name: 'Mme MORVAN Élise' });
    const { entries: made } = matchIssue([dupont, guerini, morvan], entries, 'SENAT/x', AT);
    expect(made.map((e) => [e.followId, e.kind, e.key.chamber, e.key.number, e.match]).sort()).toEqual([
      ['deputy:SENAT:elise morvan', 'question', 'SENAT', 4400, 'name'],
      ['deputy:SENAT:jean dupont', 'answer', 'SENAT', 4321, 'name'],
      ['deputy:SENAT:jean dupont', 'answer', 'SENAT', 4324, 'name'],
      ['deputy:SENAT:jean noel guerini', 'answer', 'SENAT', 4322, 'name'],
    ]);
  });

  it('confirms a match by a number known to be theirs, and leaves the other civility alone', () => {
    const dupont = senator({ name: 'M. DUPONT Jean', numbers: [4324] });
    const { entries: made } = matchIssue([dupont], entries, 'SENAT/x', AT);
    expect(made.map((e) => [e.key.number, e.match])).toEqual([
      [4321, 'name'],
      [4324, 'confirmed'],
    ]);
  });

  it('shows homonyms as ambiguous for each, never merged', () => {
    const one = senator({ name: 'M. DUPONT Jean', senatSlug: 'dupont_jean01' });
    const two = senator({ name: 'M. Jean Dupont', senatSlug: 'dupont_jean02' });
    const { entries: made } = matchIssue([one, two], entries, 'SENAT/x', AT);
    expect(made.filter((e) => e.key.number === 4321).map((e) => [e.followId, e.match])).toEqual([
      ['deputy:SENAT:dupont_jean01', 'ambiguous'],
      ['deputy:SENAT:dupont_jean02', 'ambiguous'],
    ]);
  });

  it('never matches a senator against the Assemblée’s issue, nor a deputy against the Sénat’s', () => {
    const reading = readIssue(redifFile({ rep: [answer(4321, 'M. Jean Dupont', 'AN')] }), { chamber: 'AN' });
    if (!reading.ok) throw new Error(reading.detail);
    expect(matchIssue([senator({ name: 'M. DUPONT Jean' })], issueEntries(reading.issue), 'AN/x', AT).entries).toEqual([]);
    const deputy: DeputyFollow = { ...senator({ name: 'M. Jean Dupont' }), id: 'deputy:AN:17:jean dupont', chamber: 'AN' };
    expect(matchIssue([deputy], entries, 'SENAT/x', AT).entries).toEqual([]);
  });

  it('reads the legacy SEQ format the same way (« Mme » and « M. » in their own elements)', () => {
    const seq = senateIssue(readFileSync(new URL('../fixtures/jo/SEQ20240010.xml', import.meta.url), 'utf8'));
    const modele = followOfDeputy(undefined, { chamber: 'SENAT', legislature: 16, name: 'Mme MODÈLE Marie' }, 1);
    const exemple = followOfDeputy(undefined, { chamber: 'SENAT', legislature: 16, name: 'M. EXEMPLE Jean' }, 1);
    const wrongCivility = {
      ...followOfDeputy(undefined, { chamber: 'SENAT', legislature: 16, name: 'M. MODÈLE Marie' }, 1),
      id: 'deputy:SENAT:m',
    };
    const { entries: made } = matchIssue([modele, exemple, wrongCivility], issueEntries(seq), 'SENAT/SEQ', AT);
    expect(made.map((e) => [e.followId, e.kind, e.key.number]).sort()).toEqual([
      ['deputy:SENAT:jean exemple', 'question', 10521],
      ['deputy:SENAT:marie modele', 'answer', 9876],
    ]);
  });
});

describe('a ministry followed from a card', () => {
  const target = { chamber: 'SENAT', title: "Ministère de l'intérieur" } as const;

  it('makes a follow of that title in that chamber, then adds the other chamber to it', () => {
    const made = changeMinistryFollow([], target, true, 1).put;
    expect(made).toMatchObject([{ kind: 'ministry', titles: ["Ministère de l'intérieur"], chambers: ['SENAT'], newQuestions: true }]);
    expect(ministryFollowed(made, target)).toBe(true);
    expect(ministryFollowed(made, { ...target, chamber: 'AN' })).toBe(false);
    expect(ministryFollowed(made, { ...target, title: 'MINISTÈRE DE L’INTÉRIEUR' })).toBe(true);
    const both = changeMinistryFollow(made, { ...target, chamber: 'AN' }, true, 2).put;
    expect(both).toMatchObject([{ id: made[0]!.id, chambers: ['AN', 'SENAT'] }]);
    expect(changeMinistryFollow(both, target, true, 3)).toEqual({ put: [], remove: [] });
  });

  it('no longer followed: a one-title follow loses the chamber, then goes; a several-title one loses the title', () => {
    const both: Follow = {
      id: 'ministry:a',
      kind: 'ministry',
      createdAt: 1,
      newQuestions: true,
      titles: ["Ministère de l'intérieur"],
      chambers: ['AN', 'SENAT'],
    };
    const one = changeMinistryFollow([both], target, false, 2);
    expect(one).toEqual({ put: [{ ...both, chambers: ['AN'] }], remove: [] });
    expect(changeMinistryFollow(one.put, { ...target, chamber: 'AN' }, false, 3)).toEqual({ put: [], remove: ['ministry:a'] });
    const several: Follow = { ...both, titles: ["Ministère de l'intérieur", 'Intérieur et outre-mer'] };
    expect(changeMinistryFollow([several], target, false, 2).put).toEqual([{ ...several, titles: ['Intérieur et outre-mer'] }]);
  });
});
