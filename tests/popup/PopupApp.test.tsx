// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_QUESTION } from '../../components/popup/EmptyState';
import { PAGE_SIZE, PopupApp } from '../../components/popup/PopupApp';
import { exportedWatch } from '../../lib/exchange';
import { type Language } from '../../lib/i18n';
import { type ResponseOf } from '../../lib/messages';
import { type EventRecord, type WatchRecord } from '../../lib/records';
import { watchListReader } from '../../lib/background/store/pages';
import { freshIndexedDb, makeQuestion, makeRecord, makeRef, NOW, openTestDb, TODAY } from '../store/helpers';
import { FIRST_SCREEN_ROWS, filterRows, sortRows, toRow, type FirstPage } from '../../lib/watchlist';
import {
  byText,
  choose,
  click,
  deferred,
  fakeBackground,
  fakeList,
  norm,
  queryByText,
  settle,
  settleUntil,
  typeInto,
  type FakeHandlers,
} from './fake';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Overdue by 78 days, open 138 days, seen, checked two hours ago. */
const OVERDUE = makeRecord({ number: 4020, watchedAt: NOW - 10 * DAY, lastCheckedAt: NOW - 2 * HOUR, note: 'Relancer le cabinet' });
/** Answered on 1 April 2024 (77 days, 17 late), reassigned, an unseen change. */
const ANSWERED = makeRecord({
  number: 4021,
  question: makeQuestion({
    number: 4021,
    author: { name: 'Jean Dupont' },
    ministry: 'Ministère du travail',
    answeringMinistry: 'Ministère de l’économie',
    title: 'Chômage partiel',
    answeredOn: '2024-04-01',
    answerText: 'Le Gouvernement…',
  }),
  state: 'answered',
  seen: false,
  watchedAt: NOW - 15 * DAY,
  lastCheckedAt: NOW - HOUR,
  lastChangeAt: NOW - HOUR,
});
/** Watched from a list: pending, due 1 July 2024, never checked. */
const REF = makeRef({ number: 512, title: 'Écoles rurales' });
const LISTED: WatchRecord = { id: REF.id, ref: REF, watchedAt: NOW - 5 * DAY, state: 'pending', failures: 0, seen: true };
/** Closed « Fin de mandat » on 1 May 2024, weeks before the dissolution: a closure in the page's words (after 107 days, 47 late). */
const CLOSED = makeRecord({
  number: 4022,
  question: makeQuestion({
    number: 4022,
    author: { name: 'PA123456', anId: 'PA123456' },
    closedOn: '2024-05-01',
    closedReason: 'Fin de mandat',
  }),
  state: 'closed',
  watchedAt: NOW - 20 * DAY,
  lastChangeAt: NOW - 2 * DAY,
  lastCheckedAt: NOW - 3 * DAY,
});
const RECORDS = [OVERDUE, ANSWERED, LISTED, CLOSED];

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

type Records = readonly WatchRecord[] | (() => readonly WatchRecord[]);

/** The fake background, and the list the popup reads from the store itself (no message carries it). */
function background(records: Records = RECORDS, handlers: FakeHandlers = {}, list = fakeList(records)) {
  const bg = fakeBackground({
    'watch.check': (m) => ({ checked: m.ids?.length ?? 4, failed: 0, changed: 0, remaining: 0 }),
    'watch.set': (m) => ({ watched: m.watched }),
    'watch.seen': (m) => ({ seen: m.ids.length }),
    'import.stage': (m) => ({ added: m.watches.length, updated: 0, unchanged: 0 }),
    'import.commit': () => ({ added: 1, updated: 0, unchanged: 0 }),
    'poll.progress': () => ({ running: false, done: 0, total: 0 }),
    'events.recent': () => ({ events: [] }),
    ...handlers,
  });
  return Object.assign(bg, { list });
}

async function open(
  bg: ReturnType<typeof background>,
  lang: Language = 'fr',
  openOptions = () => undefined,
  download: (name: string, text: string) => void = vi.fn(),
  firstScreen?: FirstPage,
) {
  await act(() => {
    render(
      <PopupApp
        request={bg.request}
        list={bg.list}
        firstScreen={firstScreen}
        lang={lang}
        now={() => NOW}
        openOptions={openOptions}
        download={download}
      />,
      container,
    );
  });
  await settle();
}

const rows = () => [...container.querySelectorAll<HTMLLIElement>('li.row')];
const rowIds = () => rows().map((row) => row.dataset.id);
const row = (id: string) => {
  const found = container.querySelector<HTMLLIElement>(`li.row[data-id="${id}"]`);
  expect(found, id).not.toBeNull();
  return found!;
};
const text = (root: ParentNode | null, selector: string) => norm(root?.querySelector(selector)?.textContent).trim();
const count = () => text(container, '.count');
const searchBox = () => container.querySelector<HTMLInputElement>('input[type="search"]')!;
const selects = () => [...container.querySelectorAll<HTMLSelectElement>('select')];
const tab = (name: 'watches' | 'history') => container.querySelector<HTMLButtonElement>(`#tab-${name}`)!;

describe('PopupApp: the list', () => {
  it('reads the list from the store once, without a message, and shows one row per record', async () => {
    const bg = background();
    await open(bg);
    // Reliability D5: the list no longer crosses messaging (where 64 MiB was the limit).
    expect(bg.calls).toEqual([]);
    expect(bg.list.reads).toBe(1);
    expect(bg.list.setAsideCalls).toBe(1);
    expect(rows()).toHaveLength(4);
    expect(text(container, 'h1')).toBe('Vigie — questions suivies');
    expect(count()).toBe('4 sur 4');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('writes each row: badge words, number and legislature, title, deputy, ministry, days open, last check', async () => {
    await open(background());

    const overdue = row(OVERDUE.id);
    expect(text(overdue, '.badge__label')).toBe('En retard de 78 jours');
    expect(overdue.querySelector('.badge')!.getAttribute('data-state')).toBe('overdue');
    expect(text(overdue, '.row__title a')).toBe('n° 4020 · 16e législature');
    expect(overdue.querySelector('.row__title a')!.getAttribute('href')).toBe(
      'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
    );
    expect(text(overdue, '.row__subject')).toBe('— Prise de rendez-vous en ligne');
    expect(text(overdue, '.row__meta')).toBe(
      'Élise Morvan · Ministère de la santé et de la prévention · ouverte depuis 138 jours · vérifiée il y a 2 heures',
    );
    expect(text(overdue, '.row__note')).toBe('Relancer le cabinet');
    expect(overdue.querySelector('.row__new')).toBeNull();

    const answered = row(ANSWERED.id);
    expect(text(answered, '.badge__label')).toBe('Répondue en 77 jours (17 j de retard)');
    expect(text(answered, '.row__title a')).toBe('n° 4021 · 16e législature');
    // The answering ministry; no days open for a question that is answered.
    expect(text(answered, '.row__meta')).toBe('Jean Dupont · Ministère de l’économie · vérifiée il y a 1 heure');

    const listed = row(LISTED.id);
    expect(text(listed, '.badge__label')).toBe('En attente — échéance le 1er juillet 2024');
    expect(text(listed, '.row__title a')).toBe('n° 512 · 16e législature');
    expect(text(listed, '.row__subject')).toBe('— Écoles rurales');
    expect(norm(listed.querySelector('.row__meta')!.textContent)).toContain('ouverte depuis 31 jours · pas encore vérifiée');

    const closed = row(CLOSED.id);
    expect(text(closed, '.badge__label')).toBe('Close sans réponse — fin de mandat, après 107 jours (47 j de retard)');
    // A bare actor id is not a name to show.
    expect(text(closed, '.row__meta')).toBe('Ministère de la santé et de la prévention · vérifiée il y a 3 jours');
    expect(closed.textContent).not.toContain('PA123456');
  });

  it('says a question of a finished legislature lapsed with it, how late it was then, and never checks it again', async () => {
    const question = makeQuestion({ legislature: 15, number: 44001, publishedOn: '2022-01-18' });
    const lapsed: WatchRecord = { ...makeRecord(), id: question.id, question, state: 'closed' };
    await open(background([lapsed]));
    expect(text(row(lapsed.id), '.badge__label')).toBe(
      'Caduque — fin de la 15e législature (21 juin 2022), après 154 jours (95 j de retard)',
    );
    expect(row(lapsed.id).querySelector('.badge')!.getAttribute('data-state')).toBe('closed');
    expect(byText<HTMLButtonElement>(row(lapsed.id), 'button', 'Vérifier maintenant').disabled).toBe(true);
  });

  // Bug: WatchRow prints « · » before days open and last check even when no deputy or ministry precedes them.
  it('starts the meta line of a list-only watch without a dangling separator', async () => {
    await open(background());
    expect(text(row(LISTED.id), '.row__meta')).toBe('ouverte depuis 31 jours · pas encore vérifiée');
  });

  it('links to NosDéputés when the question has that page', async () => {
    const question = makeQuestion({
      number: 7,
      urls: {
        an: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE7',
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/7',
      },
    });
    await open(background([makeRecord({ number: 7, question })]));
    const links = [...row('AN-16-QE-7').querySelectorAll<HTMLAnchorElement>('.row__actions a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Assemblée nationale', 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE7'],
      ['NosDéputés', 'https://2022-2024.nosdeputes.fr/16/question/QE/7'],
    ]);
  });

  it('puts unseen rows first, marked « Nouveau », then the most late', async () => {
    await open(background());
    expect(rowIds()).toEqual([ANSWERED.id, OVERDUE.id, CLOSED.id, LISTED.id]);
    expect(rows()[0]!.classList.contains('row--unseen')).toBe(true);
    expect(text(rows()[0]!, '.row__new')).toBe('Nouveau');
    expect(container.querySelectorAll('.row__new')).toHaveLength(1);
    expect(container.querySelectorAll('.row--unseen')).toHaveLength(1);
  });

  it('filters on what is typed in the search box, accents and case ignored, and counts « X sur Y »', async () => {
    const bg = background();
    await open(bg);
    await typeInto(searchBox(), 'ÉCONOMIE');
    expect(rowIds()).toEqual([ANSWERED.id]);
    expect(count()).toBe('1 sur 4');
    await typeInto(searchBox(), 'sante prevention');
    expect(rowIds()).toEqual([OVERDUE.id, CLOSED.id]);
    expect(count()).toBe('2 sur 4');
    await typeInto(searchBox(), 'cabinet');
    expect(rowIds()).toEqual([OVERDUE.id]);
    await typeInto(searchBox(), '512');
    expect(rowIds()).toEqual([LISTED.id]);
    await typeInto(searchBox(), '');
    expect(rowIds()).toHaveLength(4);
    // Filtering happens here, not in the store.
    expect(bg.list.reads).toBe(1);
  });

  it('says so when nothing matches', async () => {
    await open(background());
    await typeInto(searchBox(), 'introuvable');
    expect(rows()).toHaveLength(0);
    expect(text(container, 'p.empty')).toBe('Aucune question ne correspond à ces filtres.');
    expect(count()).toBe('0 sur 4');
    expect(container.querySelector('.empty-state')).toBeNull();
  });

  it('filters by state with the state select', async () => {
    await open(background());
    const [state] = selects();
    expect([...state!.options].map((o) => [o.value, o.textContent])).toEqual([
      ['all', 'Tous les statuts'],
      ['answered', 'Répondues'],
      ['pending', 'En attente'],
      ['overdue', 'En retard'],
      ['closed', 'Closes ou caduques'],
      ['unknown', 'Statut inconnu'],
    ]);
    await choose(state!, 'closed');
    expect(rowIds()).toEqual([CLOSED.id]);
    expect(count()).toBe('1 sur 4');
    await choose(state!, 'pending');
    expect(rowIds()).toEqual([LISTED.id]);
    await choose(state!, 'unknown');
    expect(rowIds()).toEqual([]);
    expect(text(container, 'p.empty')).toBe('Aucune question ne correspond à ces filtres.');
    await choose(state!, 'all');
    expect(rowIds()).toHaveLength(4);
  });

  it('orders the rows with the sort select, unseen first', async () => {
    await open(background());
    const sort = selects()[2]!;
    expect([...sort.options].map((o) => [o.value, o.textContent])).toEqual([
      ['late', 'Plus en retard'],
      ['change', 'Changement le plus récent'],
      ['oldest', 'Plus anciennes'],
    ]);
    await choose(sort, 'change');
    expect(rowIds()).toEqual([ANSWERED.id, CLOSED.id, LISTED.id, OVERDUE.id]);
    await choose(sort, 'oldest');
    expect(rowIds()).toEqual([ANSWERED.id, CLOSED.id, OVERDUE.id, LISTED.id]);
    await choose(sort, 'late');
    expect(rowIds()).toEqual([ANSWERED.id, OVERDUE.id, CLOSED.id, LISTED.id]);
  });

  it('shows the empty state, with the example link, when nothing is watched', async () => {
    await open(background([]));
    const empty = container.querySelector('.empty-state')!;
    expect(empty).not.toBeNull();
    expect(text(empty, 'h2')).toBe('Aucune question suivie');
    expect(norm(empty.textContent)).toContain('appuyez sur « Suivre »');
    const link = empty.querySelector<HTMLAnchorElement>('a')!;
    expect(link.textContent).toBe('Exemple : une question de la 17e législature');
    expect(link.getAttribute('href')).toBe('https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1');
    expect(link.getAttribute('href')).toBe(EXAMPLE_QUESTION);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(rows()).toHaveLength(0);
    expect(container.querySelector('input[type="search"]')).toBeNull();
    expect(queryByText(container, 'button', 'Tout vérifier')).toBeUndefined();
  });

  it('shows an alert when the list cannot be read, and no empty state', async () => {
    const bg = background();
    bg.list.error = new Error('db closed');
    await open(bg);
    expect(text(container, '[role="alert"]')).toBe('Vigie n’a pas pu lire la liste. Réessayez.');
    expect(container.querySelector('.empty-state')).toBeNull();
    expect(rows()).toHaveLength(0);
  });

  it('reads a long list page by page and shows all of it', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => makeRecord({ number: i + 1 }));
    const bg = background(many, {}, fakeList(many, { pageSize: 500 }));
    await open(bg);
    expect(bg.list.pageSizes).toEqual([500, 500, 200]);
    expect(count()).toBe('1 200 sur 1 200');
    expect(rows()).toHaveLength(PAGE_SIZE);
  });

  it('shows nothing about unreadable questions when there are none', async () => {
    await open(background());
    expect(container.querySelector('.warning')).toBeNull();
    expect(queryByText(container, 'button', 'Exporter ces données')).toBeUndefined();
  });

  it('opens the options page from the header', async () => {
    const openOptions = vi.fn();
    await open(background(), 'fr', openOptions);
    await click(byText(container, 'button', 'Réglages'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('PopupApp: questions that could not be read (reliability D10)', () => {
  /** Set aside at an upgrade: a version-1 record no repair could make valid. */
  const BROKEN = { id: 'AN-16-QE-9', question: { id: 'AN-16-QE-9', title: 'sans auteur' }, addedAt: 1_600_000_000_000 };

  // At 1968cb7 the popup counted only what its own read had just set aside (« N enregistrements
  // invalides ont été mis de côté »), never what the upgrade had quarantined, and offered no way
  // to keep or recover it.
  it('counts what does not validate and what was set aside, and offers to export it or try again', async () => {
    const list = fakeList([OVERDUE], { unreadable: [{ id: 'AN-16-QE-7', state: 'lost' }], setAside: [BROKEN] });
    await open(background([OVERDUE], {}, list));
    const warning = container.querySelector('.warning')!;
    expect(warning.getAttribute('role')).toBe('status');
    expect(text(warning, 'p')).toBe('2 questions n’ont pas pu être lues.');
    expect(byText(warning, 'button', 'Exporter ces données')).toBeTruthy();
    expect(byText(warning, 'button', 'Réessayer')).toBeTruthy();
    expect(rowIds()).toEqual([OVERDUE.id]);
  });

  it('uses the singular for one', async () => {
    await open(background([OVERDUE], {}, fakeList([OVERDUE], { setAside: [BROKEN] })));
    expect(text(container, '.warning p')).toBe('1 question n’a pas pu être lue.');
  });

  it('« Exporter ces données » downloads the records as they were stored', async () => {
    const download = vi.fn();
    const bg = background([OVERDUE], {}, fakeList([OVERDUE], { setAside: [BROKEN] }));
    await open(bg, 'fr', () => undefined, download);
    await click(byText(container, '.warning button', 'Exporter ces données'));
    expect(download).toHaveBeenCalledOnce();
    const [name, data] = download.mock.calls[0] as [string, string];
    expect(name).toBe('vigie-illisibles-2024-06-01.json');
    expect(JSON.parse(data)).toEqual([BROKEN]);
    expect(bg.calls).toEqual([]);
  });

  it('« Réessayer » asks the background to repair them again, says how many came back and reads the list again', async () => {
    let records: WatchRecord[] = [OVERDUE];
    const list = fakeList(() => records, { setAside: [BROKEN] });
    const restored = makeRecord({ number: 9 });
    const bg = background(
      () => records,
      {
        'quarantine.retry': () => {
          records = [OVERDUE, restored];
          list.setAsideRecords = [];
          return { restored: 1, remaining: 0 };
        },
      },
      list,
    );
    await open(bg);
    await click(byText(container, '.warning button', 'Réessayer'));
    expect(bg.callsOf('quarantine.retry')).toEqual([{ type: 'quarantine.retry' }]);
    expect(list.reads).toBe(2);
    expect(text(container, 'p.status')).toBe('1 question retrouvée.');
    expect(container.querySelector('.warning')).toBeNull();
    expect(rowIds()).toContain(restored.id);
  });

  // Bug: the count adds the records of `watches` that do not validate (read in place, not yet set
  // aside: the background moves them at its next listing) to those in quarantine, but « Exporter
  // ces données » downloads `list.setAside()` only, the quarantine: here the popup says one question
  // could not be read and the file holds nothing. Drop `.fails` once the export holds what is counted.
  it('« Exporter ces données » holds every record it counted, those still in the list included', async () => {
    freshIndexedDb();
    const db = await openTestDb();
    await db.put('watches', OVERDUE);
    const unreadable = { ...makeRecord({ number: 9 }), state: 'lost' };
    await db.put('watches', unreadable as unknown as WatchRecord);
    const download = vi.fn();
    const bg = background([], {}, watchListReader(db) as ReturnType<typeof fakeList>);
    try {
      await open(bg, 'fr', () => undefined, download);
      await settleUntil(() => !!container.querySelector('.warning'));
      expect(text(container, '.warning p')).toBe('1 question n’a pas pu être lue.');
      await click(byText(container, '.warning button', 'Exporter ces données'));
      await settleUntil(() => download.mock.calls.length > 0);
      expect(JSON.parse(download.mock.calls[0]![1] as string)).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('« Réessayer » says when it failed', async () => {
    const bg = background([OVERDUE], {}, fakeList([OVERDUE], { setAside: [BROKEN] }));
    await open(bg);
    await click(byText(container, '.warning button', 'Réessayer'));
    expect(text(container, 'p.status')).toBe('Vigie n’a pas pu faire cette action. Réessayez.');
    expect(text(container, '.warning p')).toBe('1 question n’a pas pu être lue.');
  });
});

describe('PopupApp: actions', () => {
  it('« Vérifier maintenant » checks that one question, then reloads the list', async () => {
    const check = deferred<ResponseOf<'watch.check'>>();
    const bg = background(RECORDS, { 'watch.check': () => check.promise });
    await open(bg);
    const button = byText<HTMLButtonElement>(row(OVERDUE.id), 'button', 'Vérifier maintenant');
    expect(button.disabled).toBe(false);
    await click(button);
    expect(bg.callsOf('watch.check')).toEqual([{ type: 'watch.check', ids: [OVERDUE.id] }]);
    const busy = byText<HTMLButtonElement>(row(OVERDUE.id), 'button', 'Vérifier maintenant');
    expect(busy.disabled).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    check.resolve({ checked: 1, failed: 0, changed: 0, remaining: 0 });
    await settle();
    expect(byText<HTMLButtonElement>(row(OVERDUE.id), 'button', 'Vérifier maintenant').disabled).toBe(false);
    expect(bg.list.reads).toBe(2);
  });

  it('disables « Vérifier maintenant » for answered and closed questions, and says why', async () => {
    await open(background());
    for (const id of [ANSWERED.id, CLOSED.id]) {
      const button = byText<HTMLButtonElement>(row(id), 'button', 'Vérifier maintenant');
      expect(button.disabled, id).toBe(true);
      expect(button.title).toBe('Close, caduque ou répondue : plus vérifiée');
    }
    for (const id of [OVERDUE.id, LISTED.id]) {
      const button = byText<HTMLButtonElement>(row(id), 'button', 'Vérifier maintenant');
      expect(button.disabled, id).toBe(false);
      expect(button.hasAttribute('title')).toBe(false);
    }
  });

  it('« Tout vérifier » checks everything and shows the progress while it runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const check = deferred<ResponseOf<'watch.check'>>();
    let progress = { running: true, done: 0, total: 0 };
    const bg = background(RECORDS, { 'watch.check': () => check.promise, 'poll.progress': () => progress });
    await open(bg);
    await click(byText(container, 'button', 'Tout vérifier'));
    expect(bg.callsOf('watch.check')).toEqual([{ type: 'watch.check' }]);
    const button = container.querySelector<HTMLButtonElement>('button.primary')!;
    expect(norm(button.textContent)).toBe('Vérification… 0 / 0');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');

    progress = { running: true, done: 3, total: 7 };
    await act(() => {
      vi.advanceTimersByTime(400);
    });
    await settle();
    expect(bg.callsOf('poll.progress')).toEqual([{ type: 'poll.progress' }]);
    expect(norm(button.textContent)).toBe('Vérification… 3 / 7');

    progress = { running: true, done: 6, total: 7 };
    await act(() => {
      vi.advanceTimersByTime(400);
    });
    await settle();
    expect(norm(button.textContent)).toBe('Vérification… 6 / 7');

    check.resolve({ checked: 7, failed: 0, changed: 1, remaining: 0 });
    await settle();
    expect(norm(button.textContent)).toBe('Tout vérifier');
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(text(container, 'p.status')).toBe('7 questions vérifiées');
    expect(bg.list.reads).toBe(2);
    // The progress polling stops with the check.
    await act(() => {
      vi.advanceTimersByTime(4000);
    });
    await settle();
    expect(bg.callsOf('poll.progress')).toHaveLength(2);
  });

  it('« Tout vérifier » says when the check failed', async () => {
    const bg = background(RECORDS, {
      'watch.check': () => {
        throw new Error('offline');
      },
    });
    await open(bg);
    await click(byText(container, 'button', 'Tout vérifier'));
    expect(text(container, 'p.status')).toBe('La vérification n’a pas pu se faire. Réessayez plus tard.');
    expect(norm(container.querySelector('button.primary')!.textContent)).toBe('Tout vérifier');
  });

  it('« Ne plus suivre » unwatches, removes the row and offers to undo; « Annuler » imports exactly that record back', async () => {
    const removed: WatchRecord = { ...OVERDUE, failures: 2, nextCheckAt: NOW + DAY, lastChangeAt: NOW - 4 * DAY };
    let list = [removed, ANSWERED, LISTED];
    const bg = background(() => list);
    await open(bg);
    expect(count()).toBe('3 sur 3');

    list = [ANSWERED, LISTED];
    await click(byText(row(removed.id), 'button', 'Ne plus suivre'));
    expect(bg.callsOf('watch.set')).toEqual([{ type: 'watch.set', id: removed.id, watched: false }]);
    expect(rowIds()).toEqual([ANSWERED.id, LISTED.id]);
    expect(count()).toBe('2 sur 2');
    const toast = container.querySelector('.toast')!;
    expect(toast.getAttribute('role')).toBe('status');
    expect(text(toast, 'span')).toBe('Question n° 4020 retirée de la liste.');

    list = [removed, ANSWERED, LISTED];
    await click(byText(toast, 'button', 'Annuler'));
    // The one record, staged then committed: note, dates and flags included, the poller's bookkeeping not.
    const stages = bg.callsOf('import.stage');
    expect(stages).toEqual([
      {
        type: 'import.stage',
        importId: `undo-${NOW}`,
        watches: [
          {
            id: removed.id,
            question: removed.question,
            watchedAt: removed.watchedAt,
            state: removed.state,
            seen: removed.seen,
            lastCheckedAt: removed.lastCheckedAt,
            lastChangeAt: removed.lastChangeAt,
            note: 'Relancer le cabinet',
          },
        ],
      },
    ]);
    expect(stages[0]!.watches[0]).toEqual(exportedWatch(removed));
    expect(bg.callsOf('import.commit')).toEqual([{ type: 'import.commit', importId: `undo-${NOW}` }]);
    expect(bg.calls.map((c) => c.type)).toEqual(['watch.set', 'import.stage', 'import.commit']);
    expect(container.querySelector('.toast')).toBeNull();
    expect(bg.list.reads).toBe(2);
    expect(rowIds()).toContain(removed.id);
  });

  it('an undo the background refuses is said, and nothing is committed', async () => {
    const bg = background(RECORDS, {
      'import.stage': () => {
        throw new Error('import:refused: another import is being written');
      },
    });
    await open(bg);
    await click(byText(row(OVERDUE.id), 'button', 'Ne plus suivre'));
    await click(byText(container.querySelector('.toast')!, 'button', 'Annuler'));
    expect(bg.callsOf('import.commit')).toEqual([]);
    expect(text(container, 'p.status')).toBe('Vigie n’a pas pu faire cette action. Réessayez.');
  });

  it('the undo toast goes away by itself after ten seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const bg = background();
    await act(() => {
      render(
        <PopupApp request={bg.request} list={bg.list} lang="fr" now={() => NOW} openOptions={() => undefined} download={vi.fn()} />,
        container,
      );
    });
    await microtasks();
    await click2(byText(row(OVERDUE.id), 'button', 'Ne plus suivre'));
    expect(container.querySelector('.toast')).not.toBeNull();
    await act(() => {
      vi.advanceTimersByTime(9_999);
    });
    expect(container.querySelector('.toast')).not.toBeNull();
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(container.querySelector('.toast')).toBeNull();
    expect(bg.callsOf('import.stage')).toHaveLength(0);
    expect(bg.callsOf('import.commit')).toHaveLength(0);
  });

  it('« Marquer comme vu » on a row marks that question seen, then reloads', async () => {
    const bg = background();
    await open(bg);
    await click(byText(row(ANSWERED.id), 'button', 'Marquer comme vu'));
    expect(bg.callsOf('watch.seen')).toEqual([{ type: 'watch.seen', ids: [ANSWERED.id] }]);
    expect(bg.list.reads).toBe(2);
    // Only unseen rows offer it.
    expect(queryByText(row(OVERDUE.id), 'button', 'Marquer comme vu')).toBeUndefined();
  });

  it('the toolbar marks every unseen question seen at once', async () => {
    const other = { ...LISTED, seen: false };
    const bg = background([OVERDUE, ANSWERED, other]);
    await open(bg);
    await click(byText(container.querySelector('.toolbar--actions')!, 'button', 'Marquer comme vu (2)'));
    expect(bg.callsOf('watch.seen')).toEqual([{ type: 'watch.seen', ids: [ANSWERED.id, other.id] }]);
  });
});

/** Microtask-only settling, for tests that fake setTimeout. */
async function microtasks(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await act(async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    });
  }
}

async function click2(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
  await microtasks();
}

describe('PopupApp: history and tabs', () => {
  const EVENTS: EventRecord[] = [
    { seq: 3, at: NOW - HOUR, type: 'change', questionId: ANSWERED.id, source: 'an-opendata', from: 'overdue', to: 'answered' },
    { seq: 2, at: NOW - 2 * HOUR, type: 'check', questionId: OVERDUE.id, source: 'an-page', ok: false, detail: 'HTTP 503' },
    { seq: 1, at: NOW - 3 * HOUR, type: 'import', detail: '3' },
  ];

  it('the history tab asks for recent events and lists them', async () => {
    const bg = background(RECORDS, { 'events.recent': () => ({ events: EVENTS }) });
    await open(bg);
    expect(bg.callsOf('events.recent')).toHaveLength(0);
    await click(tab('history'));
    expect(bg.callsOf('events.recent')).toEqual([{ type: 'events.recent', limit: 200 }]);
    expect(container.querySelector('#panel-watches')).toBeNull();
    const items = [...container.querySelectorAll('#panel-history li.history__item')];
    expect(items.map((li) => li.className)).toEqual([
      'history__item history__item--change',
      'history__item history__item--check',
      'history__item history__item--import',
    ]);
    expect(items.map((li) => text(li, '.history__what'))).toEqual(['Changement : répondue', 'Vérification échec (HTTP 503)', 'Import']);
    expect(items.map((li) => text(li, '.history__question'))).toEqual(['n° 4021 · 16e législature', 'n° 4020 · 16e législature', '']);
    expect(items.map((li) => text(li, '.history__source'))).toEqual(['données ouvertes AN', 'page AN', '']);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe(new Date(NOW - HOUR).toISOString());
  });

  it('the history tab says when there is nothing yet', async () => {
    await open(background());
    await click(tab('history'));
    expect(text(container, '#panel-history p.empty')).toBe('Rien encore : chaque vérification et chaque changement apparaîtront ici.');
  });

  it('tabs are a tablist with aria-selected, and the arrow keys switch them', async () => {
    await open(background());
    expect(container.querySelector('[role="tablist"]')!.querySelectorAll('[role="tab"]')).toHaveLength(2);
    expect([tab('watches').textContent, tab('history').textContent]).toEqual(['Questions suivies', 'Historique']);
    expect(tab('watches').getAttribute('aria-selected')).toBe('true');
    expect(tab('history').getAttribute('aria-selected')).toBe('false');
    expect(tab('watches').tabIndex).toBe(0);
    expect(tab('history').tabIndex).toBe(-1);
    expect(container.querySelector('[role="tabpanel"]')!.id).toBe('panel-watches');
    expect(container.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-watches');

    await act(() => {
      tab('watches').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await settle();
    expect(tab('history').getAttribute('aria-selected')).toBe('true');
    expect(tab('watches').getAttribute('aria-selected')).toBe('false');
    expect(tab('history').tabIndex).toBe(0);
    expect(document.activeElement).toBe(tab('history'));
    expect(container.querySelector('[role="tabpanel"]')!.id).toBe('panel-history');

    await act(() => {
      tab('history').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    await settle();
    expect(tab('watches').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('watches'));
    expect(container.querySelector('[role="tabpanel"]')!.id).toBe('panel-watches');
    expect(rows()).toHaveLength(4);

    // Other keys do nothing.
    await act(() => {
      tab('watches').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await settle();
    expect(tab('watches').getAttribute('aria-selected')).toBe('true');
  });
});

describe('PopupApp: paging', () => {
  const MANY = Array.from({ length: 250 }, (_, i) => makeRecord({ number: i + 1 }));

  it(`renders ${PAGE_SIZE} rows at once and adds ${PAGE_SIZE} more on demand`, async () => {
    expect(PAGE_SIZE).toBe(100);
    await open(background(MANY));
    expect(rows()).toHaveLength(100);
    expect(count()).toBe('250 sur 250');
    await click(byText(container, 'button.more', 'Afficher 100 de plus'));
    expect(rows()).toHaveLength(200);
    await click(byText(container, 'button.more', 'Afficher 50 de plus'));
    expect(rows()).toHaveLength(250);
    expect(container.querySelector('button.more')).toBeNull();
    expect(new Set(rowIds()).size).toBe(250);
  });

  it('a new search starts again from the first page', async () => {
    await open(background(MANY));
    await click(byText(container, 'button.more', 'Afficher 100 de plus'));
    expect(rows()).toHaveLength(200);
    await typeInto(searchBox(), 'morvan');
    expect(rows()).toHaveLength(100);
    expect(text(container, 'button.more')).toBe('Afficher 100 de plus');
  });
});

describe('PopupApp: English', () => {
  it('speaks English when lang is en', async () => {
    await open(background(), 'en');
    expect(text(container, 'h1')).toBe('Vigie — watched questions');
    expect([tab('watches').textContent, tab('history').textContent]).toEqual(['Watched questions', 'History']);
    expect(count()).toBe('4 of 4');
    expect(norm(container.querySelector('button.primary')!.textContent)).toBe('Check all');
    const overdue = row(OVERDUE.id);
    expect(text(overdue, '.badge__label')).toBe('Overdue by 78 days');
    expect(text(overdue, '.row__title a')).toBe('no. 4020 · 16th legislature');
    expect(text(overdue, '.row__meta')).toBe(
      'Élise Morvan · Ministère de la santé et de la prévention · open for 138 days · checked 2 hours ago',
    );
    expect(text(row(ANSWERED.id), '.row__new')).toBe('New');
    expect(byText(overdue, 'button', 'Check now')).toBeTruthy();
    expect(byText(overdue, 'button', 'Stop watching')).toBeTruthy();
    expect(byText(row(ANSWERED.id), 'button', 'Mark as seen')).toBeTruthy();
    await typeInto(searchBox(), 'nothing like this');
    expect(text(container, 'p.empty')).toBe('No question matches these filters.');
  });

  it('shows the English empty state and error', async () => {
    await open(background([]), 'en');
    expect(text(container, '.empty-state h2')).toBe('No watched question yet');
    render(null, container);
    const unreadable = background();
    unreadable.list.error = new Error('db closed');
    await open(unreadable, 'en');
    expect(text(container, '[role="alert"]')).toBe('Vigie could not read the list. Please try again.');
  });
});

describe('PopupApp: the first rows kept ready by the background', () => {
  /** Late by different amounts, ties on the same day, one in six unseen: 250 watches in key order. */
  const MANY = Array.from({ length: 250 }, (_, i) =>
    makeRecord({
      number: 700 + i,
      question: makeQuestion({ number: 700 + i, publishedOn: `2024-0${1 + (i % 4)}-0${1 + (i % 9)}` }),
      seen: i % 6 !== 0,
    }),
  );
  const SORTED = sortRows(
    MANY.map((record) => toRow(record, TODAY)),
    'late',
  ).map((row) => row.record.id);
  const kept = (count = PAGE_SIZE): FirstPage => ({
    records: SORTED.slice(0, count).map((id) => MANY.find((record) => record.id === id)!),
  });

  it('shows them in the first render, before any page of the list, and the whole list keeps them where they are', async () => {
    const held = deferred<void>();
    const bg = background(MANY, {}, fakeList(MANY, { pagesHeld: held.promise, firstPage: kept() }));
    await act(() => {
      render(
        <PopupApp
          request={bg.request}
          list={bg.list}
          firstScreen={kept(FIRST_SCREEN_ROWS)}
          lang="fr"
          now={() => NOW}
          openOptions={vi.fn()}
          download={vi.fn()}
        />,
        container,
      );
    });
    // A screen and more at once; the other rows kept ready follow a few at a time, the list still unread.
    expect(rowIds()).toEqual(SORTED.slice(0, FIRST_SCREEN_ROWS));
    await settleUntil(() => rows().length === PAGE_SIZE);
    expect(bg.list.pageSizes).toEqual([]);
    expect(rowIds()).toEqual(SORTED.slice(0, PAGE_SIZE));
    expect(container.querySelector('ul.rows')?.getAttribute('aria-busy')).toBe('true');
    // Not counted until the whole list is there.
    expect(count()).toBe('');
    const firstRows = rows();

    held.resolve();
    await settle();
    expect(bg.list.pageSizes).toEqual([250]);
    expect(rowIds()).toEqual(SORTED.slice(0, PAGE_SIZE));
    // The same elements: nothing on screen was replaced.
    expect(rows().slice(0, 10)).toEqual(firstRows.slice(0, 10));
    expect(container.querySelector('ul.rows')?.hasAttribute('aria-busy')).toBe(false);
    expect(count()).toBe('250 sur 250');
  });

  it('rows kept ready that the list no longer bears out give way to the list', async () => {
    const gone = makeRecord({ number: 9999, seen: false });
    const bg = background(MANY);
    await open(bg, 'fr', undefined, undefined, { records: [gone, ...kept(FIRST_SCREEN_ROWS - 1).records] });
    expect(rowIds()).toEqual(SORTED.slice(0, PAGE_SIZE));
    expect(count()).toBe('250 sur 250');
  });

  it('a search typed before the list has come shows only matching rows, then every match', async () => {
    const held = deferred<void>();
    const bg = background(MANY, {}, fakeList(MANY, { pagesHeld: held.promise, firstPage: kept() }));
    await open(bg, 'fr', undefined, undefined, kept(FIRST_SCREEN_ROWS));
    await settleUntil(() => rows().length === PAGE_SIZE);
    await typeInto(searchBox(), '71');
    const all = filterRows(
      sortRows(
        MANY.map((record) => toRow(record, TODAY)),
        'late',
      ),
      { text: '71', state: 'all' },
    ).map((row) => row.record.id);
    const early = rowIds();
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(all.length);
    expect(early).toEqual(all.slice(0, early.length));
    held.resolve();
    await settle();
    expect(rowIds()).toEqual(all);
    expect(count()).toBe(`${all.length} sur 250`);
  });
});
