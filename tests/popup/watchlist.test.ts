/** The popup's list as pure functions: rows from records, the search box, the state filter, the orders. */
import { describe, expect, it } from 'vitest';
import { filterRows, mergeSorted, normalizeForSearch, sortRows, toRow, type SortOrder, type WatchRow } from '../../lib/watchlist';
import { type WatchRecord } from '../../lib/records';
import { makeQuestion, makeRecord, makeRef, NOW, TODAY } from '../store/helpers';

const DAY = 86_400_000;

/** Default question: 16-QE-4020, published 15 Jan 2024, due 15 Mar 2024: 78 days late, open 138 days on TODAY. */
const QUESTION_RECORD = makeRecord({ note: 'Relancer le Cabinet' });

const REF = makeRef({ number: 512, title: 'Écoles rurales' });
const REF_RECORD: WatchRecord = { id: REF.id, ref: REF, watchedAt: NOW, state: 'pending', failures: 0, seen: true };

describe('normalizeForSearch', () => {
  it('lower-cases and strips accents', () => {
    expect(normalizeForSearch('ÉLISE Morvan — Ministère de la Santé, prévention, Hôpital, Noël, ça')).toBe(
      'elise morvan — ministere de la sante, prevention, hopital, noel, ca',
    );
  });
});

describe('toRow', () => {
  it('reads a full question: number, legislature, deputy, asked ministry, title, urls, status and haystack', () => {
    const row = toRow(QUESTION_RECORD, TODAY);
    expect(row.record).toBe(QUESTION_RECORD);
    expect(row.status).toEqual({ state: 'overdue', signaled: false, dueOn: '2024-03-15', daysOpen: 138, daysLate: 78 });
    expect(row.number).toBe(4020);
    expect(row.legislature).toBe(16);
    expect(row.deputy).toBe('Élise Morvan');
    expect(row.ministry).toBe('Ministère de la santé et de la prévention');
    expect(row.title).toBe('Prise de rendez-vous en ligne');
    expect(row.url).toBe('https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020');
    expect(row.chamber).toBe('AN');
    expect(row.pages).toStrictEqual([
      { publisher: 'an', url: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020' },
      { publisher: 'nosdeputes', url: 'https://2022-2024.nosdeputes.fr/16/question/QE/4020' },
    ]);
    expect(row.haystack).toBe(
      '4020 16 an-16-qe-4020 elise morvan ministere de la sante et de la prevention ministere de la sante et de la prevention' +
        ' prise de rendez-vous en ligne relancer le cabinet',
    );
    expect(row.haystack).toBe(normalizeForSearch(row.haystack));
  });

  it('shows the answering ministry when the question was reassigned, and still finds the asked one', () => {
    const question = makeQuestion({
      ministry: 'Ministère du Travail',
      answeringMinistry: 'Ministère de l’Économie',
      urls: {
        an: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/4020',
      },
    });
    const row = toRow(makeRecord({ question }), TODAY);
    expect(row.ministry).toBe('Ministère de l’Économie');
    expect(row.pages[1]).toStrictEqual({ publisher: 'nosdeputes', url: 'https://2022-2024.nosdeputes.fr/16/question/QE/4020' });
    expect(row.haystack).toContain('ministere de l’economie');
    expect(row.haystack).toContain('ministere du travail');
  });

  it('takes the title from the start of the text when the question has none', () => {
    const question = makeQuestion({ title: undefined, text: `Mme Élise Morvan ${'a'.repeat(200)}` });
    const row = toRow(makeRecord({ question }), TODAY);
    expect(row.title).toBe(`Mme Élise Morvan ${'a'.repeat(140 - 17)}`);
    expect(row.title).toHaveLength(140);
  });

  it('reads a list-only watch from its ref: no deputy, no ministry, the list url', () => {
    const row = toRow(REF_RECORD, TODAY);
    expect(row.status).toEqual({ state: 'pending', signaled: false, dueOn: '2024-07-01', daysOpen: 31 });
    expect(row.number).toBe(512);
    expect(row.legislature).toBe(16);
    expect(row.deputy).toBeUndefined();
    expect(row.ministry).toBeUndefined();
    expect(row.title).toBe('Écoles rurales');
    expect(row.url).toBe('https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE512');
    expect(row.pages).toStrictEqual([{ publisher: 'an', url: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE512' }]);
    expect(row.haystack).toBe('512 16 an-16-qe-512 ecoles rurales');
  });

  it('does not show a deputy name that is only an Assemblée actor id, nor search it', () => {
    const question = makeQuestion({ author: { name: 'PA795321', anId: 'PA795321' } });
    const row = toRow(makeRecord({ question }), TODAY);
    expect(row.deputy).toBeUndefined();
    expect(row.haystack).not.toContain('pa795321');
    // A name that merely contains such an id is a name.
    const named = toRow(makeRecord({ question: makeQuestion({ author: { name: 'M. PA795321 Dupont' } }) }), TODAY);
    expect(named.deputy).toBe('M. PA795321 Dupont');
  });
});

const ids = (rows: readonly WatchRow[]) => rows.map((row) => row.record.id);

describe('filterRows', () => {
  const santé = makeRecord({ number: 1, note: 'Voir avec l’hôpital de Brest' });
  const travail = makeRecord({
    number: 2,
    question: makeQuestion({ number: 2, ministry: 'Ministère du travail', author: { name: 'Jean Dupont' }, title: 'Chômage partiel' }),
  });
  const answered = makeRecord({
    number: 3,
    question: makeQuestion({ number: 3, answeredOn: '2024-04-01', answerText: 'Réponse.', author: { name: 'Zoé Lefèvre' } }),
  });
  const rows = [santé, travail, answered, REF_RECORD].map((r) => toRow(r, TODAY));
  const all = { text: '', state: 'all' as const };

  it('keeps every row for an empty or blank search', () => {
    expect(ids(filterRows(rows, all))).toEqual(['AN-16-QE-1', 'AN-16-QE-2', 'AN-16-QE-3', 'AN-16-QE-512']);
    expect(ids(filterRows(rows, { text: '   ', state: 'all' }))).toHaveLength(4);
  });

  it('ignores accents and case, on both sides', () => {
    expect(ids(filterRows(rows, { text: 'LEFEVRE', state: 'all' }))).toEqual(['AN-16-QE-3']);
    expect(ids(filterRows(rows, { text: 'zoé lefèvre', state: 'all' }))).toEqual(['AN-16-QE-3']);
    expect(ids(filterRows(rows, { text: 'ecoles', state: 'all' }))).toEqual(['AN-16-QE-512']);
    expect(ids(filterRows(rows, { text: 'Chômage', state: 'all' }))).toEqual(['AN-16-QE-2']);
  });

  it('requires every word, in any order', () => {
    expect(ids(filterRows(rows, { text: 'dupont  travail', state: 'all' }))).toEqual(['AN-16-QE-2']);
    expect(ids(filterRows(rows, { text: 'travail dupont', state: 'all' }))).toEqual(['AN-16-QE-2']);
    expect(ids(filterRows(rows, { text: 'dupont santé', state: 'all' }))).toEqual([]);
  });

  it('finds by number, by ministry and by note', () => {
    expect(ids(filterRows(rows, { text: '512', state: 'all' }))).toEqual(['AN-16-QE-512']);
    expect(ids(filterRows(rows, { text: 'an-16-qe-2', state: 'all' }))).toEqual(['AN-16-QE-2']);
    expect(ids(filterRows(rows, { text: 'ministère de la santé', state: 'all' }))).toEqual(['AN-16-QE-1', 'AN-16-QE-3']);
    expect(ids(filterRows(rows, { text: 'hopital brest', state: 'all' }))).toEqual(['AN-16-QE-1']);
  });

  it('filters by state, and by state and text together', () => {
    expect(ids(filterRows(rows, { text: '', state: 'overdue' }))).toEqual(['AN-16-QE-1', 'AN-16-QE-2']);
    expect(ids(filterRows(rows, { text: '', state: 'answered' }))).toEqual(['AN-16-QE-3']);
    expect(ids(filterRows(rows, { text: '', state: 'pending' }))).toEqual(['AN-16-QE-512']);
    expect(ids(filterRows(rows, { text: '', state: 'closed' }))).toEqual([]);
    expect(ids(filterRows(rows, { text: 'dupont', state: 'overdue' }))).toEqual(['AN-16-QE-2']);
    expect(ids(filterRows(rows, { text: 'dupont', state: 'answered' }))).toEqual([]);
  });

  it('returns a new array and leaves its input alone', () => {
    const before = [...rows];
    const out = filterRows(rows, all);
    expect(out).not.toBe(rows);
    expect(rows).toEqual(before);
  });
});

describe('sortRows', () => {
  /** Published `publishedOn`, due two months later: the later the publication, the less late. */
  function record(number: number, publishedOn: string, extra: Partial<WatchRecord> = {}): WatchRecord {
    return makeRecord({ number, question: makeQuestion({ number, publishedOn }), ...extra });
  }
  const veryLate = record(10, '2023-06-01', { watchedAt: NOW - 30 * DAY, lastChangeAt: NOW - 20 * DAY });
  const late = record(11, '2024-01-15', { watchedAt: NOW - 40 * DAY });
  const pendingLong = record(12, '2024-04-15', { watchedAt: NOW - 10 * DAY, lastChangeAt: NOW - 1 * DAY });
  const pendingShort = record(13, '2024-05-20', { watchedAt: NOW - 50 * DAY, lastChangeAt: NOW - 5 * DAY });
  const unseenA = record(20, '2024-05-25', { seen: false, watchedAt: NOW - 1 * DAY, lastChangeAt: NOW - 3 * DAY });
  const unseenB = record(21, '2023-01-02', { seen: false, watchedAt: NOW - 2 * DAY, lastChangeAt: NOW - 2 * DAY });
  const rows = [late, pendingShort, unseenA, veryLate, pendingLong, unseenB].map((r) => toRow(r, TODAY));

  const order = (sort: SortOrder) => ids(sortRows(rows, sort)).map((id) => Number(id.split('-').pop()));

  it('puts unseen rows first, then the most late (days late, then days open)', () => {
    expect(order('late')).toEqual([21, 20, 10, 11, 12, 13]);
  });

  it('puts unseen rows first, then the most recent change (or watch date when nothing changed)', () => {
    // 11 never changed: its watch date (40 days ago) stands in.
    expect(order('change')).toEqual([21, 20, 12, 13, 10, 11]);
  });

  it('puts unseen rows first, then the oldest watched', () => {
    expect(order('oldest')).toEqual([21, 20, 13, 11, 10, 12]);
  });

  it('breaks ties by id, whatever the input order', () => {
    const a = makeRecord({ number: 101 });
    const b = makeRecord({ number: 102 });
    const c = makeRecord({ number: 103 });
    for (const sort of ['late', 'change', 'oldest'] as const) {
      expect(
        ids(
          sortRows(
            [c, a, b].map((r) => toRow(r, TODAY)),
            sort,
          ),
        ),
      ).toEqual(['AN-16-QE-101', 'AN-16-QE-102', 'AN-16-QE-103']);
      expect(
        ids(
          sortRows(
            [b, c, a].map((r) => toRow(r, TODAY)),
            sort,
          ),
        ),
      ).toEqual(['AN-16-QE-101', 'AN-16-QE-102', 'AN-16-QE-103']);
    }
  });

  it('ranks a question with no deadline after late ones, by days open', () => {
    const ref = makeRef({ number: 30, publishedOn: undefined, depositedOn: '2024-05-02', pending: true });
    const refRecord: WatchRecord = { id: ref.id, ref, watchedAt: NOW, state: 'pending', failures: 0, seen: true };
    const sorted = ids(sortRows([toRow(refRecord, TODAY), toRow(pendingShort, TODAY), toRow(late, TODAY)], 'late'));
    // 11 is late; the ref has been open 30 days, 13 only 12.
    expect(sorted).toEqual(['AN-16-QE-11', 'AN-16-QE-30', 'AN-16-QE-13']);
  });

  it('ranks any days late above any days open', () => {
    // Due 20 May: 12 days late, open 73 days.
    const late = record(40, '2024-03-20');
    // A question au Gouvernement has no written deadline: open 138 days, never late.
    const question = makeQuestion({ number: 41, type: 'QG' });
    const waiting: WatchRecord = { ...makeRecord(), id: question.id, question, state: 'pending' };
    expect(toRow(late, TODAY).status).toMatchObject({ state: 'overdue', daysLate: 12, daysOpen: 73 });
    expect(toRow(waiting, TODAY).status).toMatchObject({ state: 'pending', daysOpen: 138 });
    expect(
      ids(
        sortRows(
          [waiting, late].map((r) => toRow(r, TODAY)),
          'late',
        ),
      ),
    ).toEqual(['AN-16-QE-40', 'AN-16-QG-41']);
  });

  it('does not reorder its input', () => {
    const before = ids(rows);
    sortRows(rows, 'late');
    expect(ids(rows)).toEqual(before);
  });
});

describe('mergeSorted', () => {
  /** Late by different amounts, many on the same day (ties broken by id), one in five unseen. */
  const many = Array.from({ length: 240 }, (_, i) =>
    toRow(
      makeRecord({
        number: 500 + i,
        question: makeQuestion({ number: 500 + i, publishedOn: `2024-0${1 + (i % 5)}-1${i % 3}` }),
        seen: i % 5 !== 0,
        watchedAt: NOW - (i % 17) * DAY,
        ...(i % 4 ? { lastChangeAt: NOW - (i % 13) * DAY } : {}),
      }),
      TODAY,
    ),
  );

  it('sorting page by page and merging gives the whole sort, in every order', () => {
    for (const sort of ['late', 'change', 'oldest'] as const) {
      let merged: WatchRow[] = [];
      for (let start = 0; start < many.length; start += 70)
        merged = mergeSorted(merged, sortRows(many.slice(start, start + 70), sort), sort);
      expect(ids(merged)).toEqual(ids(sortRows(many, sort)));
    }
  });
});

describe('the chamber filter', () => {
  it('keeps both chambers by default, or the one chosen; a Sénat row opens the Sénat first', () => {
    const an = toRow(makeRecord({}), TODAY);
    const senate = toRow(
      {
        id: 'SEN-13-QE-3308',
        watchedAt: 0,
        state: 'unknown',
        failures: 0,
        seen: true,
        ref: {
          id: 'SEN-13-QE-3308',
          legislature: 13,
          type: 'QE',
          number: 3308,
          url: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
          senatReference: 'SEQ080203308',
          answered: false,
          closed: false,
          pending: false,
          unreadableStatus: 'x',
        },
      },
      TODAY,
    );
    expect(senate.chamber).toBe('SEN');
    expect(senate.pages).toStrictEqual([{ publisher: 'senat', url: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html' }]);
    const ids = (chamber?: 'AN' | 'SEN' | 'all') => filterRows([an, senate], { text: '', state: 'all', chamber }).map((row) => row.chamber);
    expect(ids()).toStrictEqual(['AN', 'SEN']);
    expect(ids('all')).toStrictEqual(['AN', 'SEN']);
    expect(ids('SEN')).toStrictEqual(['SEN']);
    expect(ids('AN')).toStrictEqual(['AN']);
  });
});
