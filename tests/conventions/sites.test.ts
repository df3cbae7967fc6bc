/**
 * Every site module is self-describing (ARCHITECTURE.md, "to add a site"): at least four example
 * URLs per page kind that its detector accepts and every other refuses, within its match patterns;
 * a saved page of each kind read the same in both DOMs, with an anchor for its card; a page in the
 * browser suites; a name in every language. The second block shows the check catching a bad module.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from '../../harness/site';
import { SITES } from '../../lib/sites';
import { defineSite, OTHER } from '../../lib/sites/types';
import { fixtureDocument } from '../helpers/dom';
import { SITE_FIXTURES } from '../sites/fixtures';
import { siteConventionViolations } from './sites';

const document = (file: string, url: string, dom: 'linkedom' | 'happy-dom') => fixtureDocument(file, dom, url);

describe('site conventions', () => {
  it('hold for every registered site', () => {
    expect(siteConventionViolations({ sites: SITES, fixtures: SITE_FIXTURES, e2ePages: FIXTURE_PAGES, document })).toStrictEqual([]);
  }, 60_000);
});

describe('the site conventions check', () => {
  /** A careless module: too few examples, one of them another site's page, no fixture, no English name. */
  const careless = defineSite({
    id: 'careless',
    name: { fr: 'Un site', en: ' ' },
    chamber: 'AN',
    publisher: 'an',
    hosts: ['careless.example'],
    matches: ['https://careless.example/questions/*'],
    pages: [
      {
        kind: 'careless-question',
        detect: (url) => url.hostname === 'careless.example' || url.pathname.startsWith('/q15/'),
        parse: () => OTHER,
        examples: [
          'https://careless.example/questions/1',
          'https://careless.example/elsewhere/2',
          'https://questions.assemblee-nationale.fr/q15/15-19189QE.htm',
        ],
      },
    ],
  });
  const violations = siteConventionViolations({
    sites: [...SITES, careless],
    fixtures: {
      ...SITE_FIXTURES,
      'careless-question': [{ file: 'nosdeputes/q-repondue.html', url: 'https://careless.example/questions/24567' }],
    },
    e2ePages: FIXTURE_PAGES,
    document,
  });

  it.each([
    'careless: no name in en',
    'careless/careless-question: 3 example URLs, fewer than 4',
    "careless/careless-question: example https://careless.example/elsewhere/2 is outside the site's match patterns",
    'careless/careless-question: example https://questions.assemblee-nationale.fr/q15/15-19189QE.htm is also accepted by anOld/an-old-question',
    "careless/careless-question: example https://questions.assemblee-nationale.fr/q15/15-19189QE.htm is outside the site's match patterns",
    'careless/careless-question: example https://questions.assemblee-nationale.fr/q15/15-19189QE.htm is on a host the site does not declare',
    'careless/careless-question: fixture nosdeputes/q-repondue.html reads as nothing in linkedom',
    'careless/careless-question: no page in the browser suites',
  ])('reports « %s »', (violation) => {
    expect(violations).toContain(violation);
  });

  it('reports the careless detector on every page of other sites it accepts', () => {
    expect(violations).toContain(
      'anOld/an-old-question: example https://questions.assemblee-nationale.fr/q15/15-19189QE.htm is also accepted by careless/careless-question',
    );
  });

  it('reports a question page without an anchor for its card, and a kind without a fixture', () => {
    const anchorless = defineSite({ ...SITES[0], id: 'anchorless', pages: SITES[0].pages.map((page) => ({ ...page, anchor: undefined })) });
    const found = siteConventionViolations({
      sites: [anchorless],
      fixtures: { 'nosdeputes-question': SITE_FIXTURES['nosdeputes-question'] },
      e2ePages: FIXTURE_PAGES,
      document,
    });
    expect(found).toContain('anchorless/nosdeputes-question: no anchor for the card on fixture nosdeputes/q-repondue.html in linkedom');
    expect(found).toContain('anchorless/nosdeputes-deputy: no fixture page');
  }, 30_000);
});
