// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupShell } from '../../components/popup/PopupShell';
import { type FollowsReader } from '../../lib/follows/reader';
import { type FeedEntry, type Follow } from '../../lib/follows/schemas';
import { byText, click, fakeBackground, fakeList, norm, settle, settleUntil, typeInto } from './fake';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const DEPUTY: Follow = {
  id: 'deputy:AN:17:PA795321',
  kind: 'deputy',
  createdAt: 1,
  newQuestions: true,
  chamber: 'AN',
  legislature: 17,
  name: 'M. Fabrice Exemple',
  anId: 'PA795321',
  numbers: [4512],
  lastEventAt: Date.UTC(2026, 2, 10),
};

function entry(number: number, at: number, overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: `${DEPUTY.id}|answer|AN-17-QE-${number}`,
    followId: DEPUTY.id,
    at,
    kind: 'answer',
    key: { chamber: 'AN', legislature: 17, type: 'QE', number },
    issue: 'AN/x',
    on: '2026-03-10',
    subject: `Sujet ${number}`,
    match: 'confirmed',
    unseen: 1,
    ...overrides,
  };
}

function reader(follows: Follow[], feed: FeedEntry[]): FollowsReader & { pages: number[] } {
  const sorted = [...feed].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  const pages: number[] = [];
  return {
    pages,
    follows: async () => follows,
    feed: async (limit, before) => {
      const start = before ? sorted.findIndex((e) => e.id === before.id) + 1 : 0;
      pages.push(limit);
      return sorted.slice(start, start + limit);
    },
  };
}

async function mount(follows: FollowsReader, handlers: Parameters<typeof fakeBackground>[0], initial?: 'feed' | 'follows') {
  const background = fakeBackground({ 'events.recent': () => ({ events: [] }), ...handlers });
  render(
    <PopupShell
      request={background.request}
      list={fakeList([])}
      follows={follows}
      lang="fr"
      openOptions={() => undefined}
      download={() => undefined}
      initial={initial}
    />,
    container,
  );
  await settle();
  return background;
}

describe('« Fil »', () => {
  it('shows the newest events first, a page at a time, marks them seen and watches a question in one click', async () => {
    const feed = Array.from({ length: 120 }, (_, i) => entry(1000 + i, 1_000 + i));
    const follows = reader([DEPUTY], feed);
    const background = await mount(
      follows,
      { 'feed.seen': () => ({ seen: 120 }), 'watch.set': () => ({ watched: true, state: 'answered' }) },
      'feed',
    );
    await settleUntil(() => container.querySelectorAll('.feed > li').length > 0);
    const rows = container.querySelectorAll('.feed > li');
    expect(rows).toHaveLength(50);
    expect(rows[0]!.textContent).toContain('Question n° 1119 (17e législature)');
    expect(rows[0]!.textContent).toContain('Suivi : M. Fabrice Exemple');
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1119');
    expect(background.callsOf('feed.seen')).toHaveLength(1);

    await click(byText(rows[0]!, 'button', 'Suivre cette question'));
    await settle();
    expect(background.callsOf('watch.set')[0]).toMatchObject({
      id: 'AN-17-QE-1119',
      watched: true,
      ref: { answered: true, answeredOn: '2026-03-10', title: 'Sujet 1119' },
    });
    expect(container.querySelector('.feed > li button')!.getAttribute('aria-pressed')).toBe('true');

    await click(byText(container, 'button', 'Plus ancien'));
    await settleUntil(() => container.querySelectorAll('.feed > li').length === 100);
    expect(container.querySelectorAll('.feed > li')[50]!.textContent).toContain('Question n° 1069');
  });

  it('says an ambiguous author is to be confirmed', async () => {
    await mount(reader([DEPUTY], [entry(1, 1, { match: 'ambiguous' })]), { 'feed.seen': () => ({ seen: 1 }) }, 'feed');
    await settleUntil(() => !!container.querySelector('.feed > li'));
    expect(container.querySelector('.feed > li')!.textContent).toContain('Homonyme : auteur à confirmer');
  });
});

describe('« Suivis »', () => {
  it('lists the follows, removes one with undo, previews and saves a subject', async () => {
    const subject: Follow = { id: 'subject:1', kind: 'subject', createdAt: 1, newQuestions: true, query: 'Doctolib', chambers: ['AN'] };
    const background = await mount(
      reader([DEPUTY, subject], []),
      {
        'follow.titles': () => ({ titles: ['Santé', 'Intérieur'] }),
        'follow.remove': () => ({ removed: subject }),
        'follow.restore': () => ({ added: 1, updated: 0, unchanged: 0 }),
        'follow.preview': () => ({ matched: 3, entries: 1200, issues: 4 }),
        'follow.save': ({ draft }) => ({ follow: { ...subject, id: 'subject:2', query: draft.kind === 'subject' ? draft.query : '' } }),
      },
      'follows',
    );
    await settleUntil(() => container.querySelectorAll('.follows > li').length === 2);
    expect(container.querySelector('.follows > li')!.textContent).toContain('dernier événement le 10 mars 2026');
    await click(byText(container.querySelector('[data-follow="subject:1"]')!, 'button', 'Ne plus suivre'));
    await settle();
    expect(background.callsOf('follow.remove')).toEqual([{ type: 'follow.remove', id: 'subject:1' }]);
    await click(byText(container, '.toast button', 'Annuler'));
    await settle();
    expect(background.callsOf('follow.restore')[0]!.follows).toEqual([subject]);

    await typeInto(container.querySelector<HTMLInputElement>('.new-follow input[type="text"]')!, '"maisons France services"');
    const subjectForm = container.querySelectorAll('.new-follow fieldset')[1]!;
    await click(byText(subjectForm, 'button', 'Aperçu'));
    await settle();
    expect(norm(container.textContent)).toContain('3 entrées correspondent sur 1 200 dans 4 derniers numéros lus.');
    await click(byText(subjectForm, 'button', 'Enregistrer le suivi'));
    await settle();
    expect(background.callsOf('follow.save')[0]!.draft).toEqual({
      kind: 'subject',
      query: '"maisons France services"',
      chambers: ['AN', 'SENAT'],
      newQuestions: true,
    });
  });
});
