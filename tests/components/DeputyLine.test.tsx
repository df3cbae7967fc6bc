// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeputyCard } from '../../components/DeputyCard';
import { DeputyLine, slugFromName } from '../../components/DeputyLine';
import { type Language } from '../../lib/i18n';
import { type DeputyFacts } from '../../lib/model';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function line(
  deputy: DeputyFacts & { name: string },
  legislature: number | undefined,
  lang: Language = 'fr',
  showName?: boolean,
): HTMLElement {
  render(<DeputyLine deputy={deputy} legislature={legislature} lang={lang} showName={showName} />, container);
  const p = container.querySelector<HTMLElement>('p.deputy');
  expect(p).not.toBeNull();
  return p!;
}

const facts = (p: Element) => Array.from(p.querySelectorAll('.deputy__fact')).map((f) => f.textContent);
const links = (p: Element) => Array.from(p.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);

const DIVE: DeputyFacts & { name: string } = {
  name: 'M. Julien Dive',
  anId: 'PA720000',
  group: { acronym: 'LR' },
  constituency: 'Aisne (2e circonscription)',
  mandateStart: '2017-06-21',
};

describe('slugFromName', () => {
  it('drops the civility, accents and case', () => {
    expect(slugFromName('M. Julien Dive')).toBe('julien-dive');
    expect(slugFromName('Mme Élise Morvan')).toBe('elise-morvan');
    expect(slugFromName('M. François Cornut-Gentille')).toBe('francois-cornut-gentille');
    expect(slugFromName('Madame Marie-George Buffet')).toBe('marie-george-buffet');
    expect(slugFromName('Hélène Vasseur')).toBe('helene-vasseur');
  });

  it('gives nothing for a name with no letters', () => {
    expect(slugFromName('M. ')).toBeUndefined();
    expect(slugFromName('—')).toBeUndefined();
  });
});

describe('DeputyLine', () => {
  it('completes a group known only by its acronym for the legislature (15th: LR)', () => {
    expect(facts(line(DIVE, 15))[0]).toBe('LR — Les Républicains');
  });

  it('shows name, group, constituency and mandate start, in that order', () => {
    const p = line(DIVE, 15);
    expect(p.querySelector('.deputy__name')?.textContent).toBe('M. Julien Dive');
    expect(facts(p)).toEqual(['LR — Les Républicains', 'Aisne (2e circonscription)', 'en mandat depuis le 21 juin 2017']);
  });

  it('shows a finished mandate as a span', () => {
    const p = line({ ...DIVE, mandateEnd: '2020-07-03' }, 15);
    expect(facts(p)[2]).toBe('mandat du 21 juin 2017 au 3 juillet 2020');
    const en = line({ ...DIVE, mandateEnd: '2020-07-03' }, 15, 'en');
    expect(facts(en)[2]).toBe('in office 21 June 2017 – 3 July 2020');
    expect(facts(line(DIVE, 15, 'en'))[2]).toBe('in office since 21 June 2017');
  });

  it('keeps a group the page named in full, and an acronym unknown for the legislature as is', () => {
    expect(facts(line({ name: 'Élise Morvan', group: { acronym: 'REN', name: 'Renaissance' } }, 16))).toEqual(['REN — Renaissance']);
    expect(facts(line({ name: 'Élise Morvan', group: { name: 'Renaissance' } }, 16))).toEqual(['Renaissance']);
    expect(facts(line({ name: 'X', group: { acronym: 'XYZ' } }, 15))).toEqual(['XYZ']);
    expect(facts(line({ name: 'X', group: { acronym: 'LR' } }, undefined))).toEqual(['LR']);
  });

  it('links to the Assemblée by PA id and to the legislature’s NosDéputés archive by slug', () => {
    expect(links(line(DIVE, 15))).toEqual([
      ['Fiche Assemblée nationale', 'https://www.assemblee-nationale.fr/dyn/deputes/PA720000'],
      ['Fiche NosDéputés', 'https://2017-2022.nosdeputes.fr/julien-dive'],
    ]);
  });

  it('uses the slug it is given over one derived from the name', () => {
    expect(links(line({ name: 'Mme Élise Morvan', slug: 'elise-morvan-2' }, 16))).toEqual([
      ['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan-2'],
    ]);
  });

  it('derives the slug from the name when there is none (Mme Élise Morvan → elise-morvan)', () => {
    expect(links(line({ name: 'Mme Élise Morvan' }, 16))).toEqual([['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan']]);
  });

  it('links to the new NosDéputés site from the 17th legislature, or with no legislature', () => {
    expect(links(line({ name: 'Mme Élise Morvan' }, 17))[0]![1]).toBe('https://www.nosdeputes.fr/depute/elise-morvan');
    expect(links(line({ name: 'Mme Élise Morvan' }, undefined))[0]![1]).toBe('https://www.nosdeputes.fr/depute/elise-morvan');
  });

  it('has no Assemblée link without a PA id', () => {
    const p = line({ name: 'M. Julien Dive' }, 15);
    expect(p.querySelector('a[href*="assemblee-nationale.fr"]')).toBeNull();
  });

  it('speaks English', () => {
    expect(links(line(DIVE, 15, 'en')).map(([text]) => text)).toEqual(['Assemblée nationale profile', 'NosDéputés profile']);
  });

  it('can leave the name out', () => {
    expect(line(DIVE, 15, 'fr', false).querySelector('.deputy__name')).toBeNull();
  });
});

describe('DeputyCard', () => {
  it('shows the deputy line without the name, for the deputy’s legislature', () => {
    render(
      <DeputyCard
        deputy={{
          name: 'Élise Morvan',
          slug: 'elise-morvan',
          anId: 'PA795321',
          group: { acronym: 'REN', name: 'Renaissance' },
          constituency: 'Finistère (3e circonscription)',
          mandateStart: '2022-06-22',
          legislature: 16,
        }}
        lang="fr"
      />,
      container,
    );
    const section = container.querySelector('section.card.card--deputy')!;
    expect(section).not.toBeNull();
    expect(section.getAttribute('aria-label')).toBe('Vigie');
    expect(section.querySelector('.deputy__name')).toBeNull();
    expect(facts(section)).toEqual(['REN — Renaissance', 'Finistère (3e circonscription)', 'en mandat depuis le 22 juin 2022']);
    expect(links(section)).toEqual([
      ['Fiche Assemblée nationale', 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321'],
      ['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan'],
    ]);
  });
});
