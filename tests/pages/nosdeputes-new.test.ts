/**
 * New NosDéputés site (17th legislature): a deputy's "Questions" tab, one MUI accordion per
 * question, with no status words. Every parse runs under both DOM implementations, and every
 * status is checked for a fixed day.
 */
import { TODAY, itemsOf } from '../helpers/pages';
import { describe, expect, it } from 'vitest';
import { type QuestionRef } from '../../lib/model';
import { detectPage, parsePage, type PageParse } from '../../lib/sites';
import { parseNosdeputesNewDeputyQuestions } from '../../lib/sites/nosdeputes-new';
import { refStatus, type QuestionStatus } from '../../lib/status';
import { textOf } from '../../lib/text';
import { DOM_IMPLEMENTATIONS, documentFromHtml, fixtureDocument, fixtureText, type DomImplementation } from '../helpers/dom';

const KIND = 'nosdeputes-new-deputy-questions';

function read(file: string, url: string, dom: DomImplementation): PageParse {
  return parsePage(fixtureDocument(`nosdeputes/${file}`, dom, url), url);
}

/** The parser itself, without parsePage's try/catch: bad input must not make it throw either. */
function parseDirect(html: string, url: string, dom: DomImplementation): PageParse {
  const doc = documentFromHtml(html, dom, url);
  try {
    return parseNosdeputesNewDeputyQuestions(doc);
  } finally {
    if (dom === 'happy-dom') void (doc.defaultView as unknown as { close?: () => unknown } | null)?.close?.();
  }
}

function ref(uid: string, rest: Partial<QuestionRef>): QuestionRef {
  const [, legislature, type, number] = /^QANR5L(\d+)(QE|QG|QOSD)(\d+)$/.exec(uid)!;
  return {
    id: `AN-${legislature}-${type}-${number}`,
    legislature: Number(legislature),
    type: type as QuestionRef['type'],
    number: Number(number),
    url: `https://www.assemblee-nationale.fr/dyn/${legislature}/questions/${uid}`,
    answered: false,
    closed: false,
    pending: false,
    ...rest,
  };
}

interface Item {
  ref: QuestionRef;
  status: QuestionStatus;
  /** The title paragraph the badge goes on; absent when the card has no title. */
  title?: string;
}

interface Case {
  title: string;
  file: string;
  url: string;
  items: Item[];
}

const CASES: Case[] = [
  {
    title: 'answered QE: question and answer blocks',
    file: 'qag-repondue.html',
    url: 'https://www.nosdeputes.fr/depute/claire-lemoine/qag',
    items: [
      {
        ref: ref('QANR5L17QE2417', {
          depositedOn: '2024-12-10',
          answered: true,
          title: 'Pénurie de médecins scolaires en Ille-et-Vilaine',
        }),
        status: { state: 'answered', signaled: false },
        title: 'Pénurie de médecins scolaires en Ille-et-Vilaine',
      },
    ],
  },
  {
    title: 'pending QE: a single plain-text question block, inside <div id="__next">',
    file: 'qag-en-attente.html',
    url: 'https://www.nosdeputes.fr/depute/yann-le-goff/qag',
    items: [
      {
        ref: ref('QANR5L17QE8731', {
          depositedOn: '2026-10-20',
          pending: true,
          title: 'Indemnisation des pêcheurs affectés par les parcs éoliens en mer',
        }),
        status: { state: 'pending', signaled: false, daysOpen: 40 },
        title: 'Indemnisation des pêcheurs affectés par les parcs éoliens en mer',
      },
    ],
  },
  {
    title: 'erratum to the question only → still waiting; answer + erratum to the answer → answered',
    file: 'qag-erratum.html',
    url: 'https://www.nosdeputes.fr/depute/sophie-marchal/qag',
    items: [
      {
        ref: ref('QANR5L17QE5092', { depositedOn: '2025-03-04', pending: true, title: 'Ouverture à la concurrence des lignes TER' }),
        status: { state: 'overdue', signaled: false, daysOpen: 635 },
        title: 'Ouverture à la concurrence des lignes TER',
      },
      {
        ref: ref('QANR5L17QE3318', { depositedOn: '2025-01-14', answered: true, title: 'Accès aux soins dentaires en zone rurale' }),
        status: { state: 'answered', signaled: false },
        title: 'Accès aux soins dentaires en zone rurale',
      },
    ],
  },
  {
    title: 'QG: answered in the chamber, no written deadline',
    file: 'qag-qg.html',
    url: 'https://www.nosdeputes.fr/depute/karim-benhaddou/qag',
    items: [
      {
        ref: ref('QANR5L17QG214', { depositedOn: '2024-12-17', answered: true, title: 'Situation à Mayotte après le passage du cyclone' }),
        status: { state: 'answered', signaled: false },
        title: 'Situation à Mayotte après le passage du cyclone',
      },
    ],
  },
  {
    title: 'several items, MUI 6 heading wrapper, duplicate card, untitled card, inconsistent card, empty date',
    file: 'qag-plusieurs.html',
    url: 'https://www.nosdeputes.fr/depute/elise-morvan/qag',
    items: [
      {
        ref: ref('QANR5L17QE1580', {
          depositedOn: '2024-10-15',
          answered: true,
          title: 'Remplacement des enseignants absents en milieu rural',
        }),
        status: { state: 'answered', signaled: false },
        title: 'Remplacement des enseignants absents en milieu rural',
      },
      {
        ref: ref('QANR5L17QE6120', {
          depositedOn: '2025-06-03',
          pending: true,
          title: 'Attaques de chiens errants sur les troupeaux ovins',
        }),
        status: { state: 'overdue', signaled: false, daysOpen: 544 },
        title: 'Attaques de chiens errants sur les troupeaux ovins',
      },
      {
        ref: ref('QANR5L17QOSD412', { depositedOn: '2025-01-28', answered: true, title: 'Avenir de la ligne ferroviaire Quimper-Brest' }),
        status: { state: 'answered', signaled: false },
        title: 'Avenir de la ligne ferroviaire Quimper-Brest',
      },
      {
        // No title: the chips (rubrique, type) are not taken for one.
        ref: ref('QANR5L17QE9034', { depositedOn: '2026-10-21', pending: true }),
        status: { state: 'pending', signaled: false, daysOpen: 39 },
      },
      {
        ref: ref('QANR5L17QE6122', { unreadableStatus: 'number differs from the card id', title: 'Fermeture de classes en zone rurale' }),
        status: { state: 'unknown', signaled: false },
        title: 'Fermeture de classes en zone rurale',
      },
      {
        // "Date de dépôt:" with no date: no answer shown, but nothing to count from.
        ref: ref('QANR5L17QE7345', { unreadableStatus: 'deposit date not found', title: 'Desserte aérienne de Brest' }),
        status: { state: 'unknown', signaled: false },
        title: 'Desserte aérienne de Brest',
      },
    ],
  },
  {
    title: 'unknown card layout (redesign): every item unreadable, none guessed',
    file: 'qag-autre-maquette.html',
    url: 'https://www.nosdeputes.fr/depute/claire-lemoine/qag',
    items: [
      {
        ref: ref('QANR5L17QE2417', {
          unreadableStatus: 'question details not found',
          title: 'Pénurie de médecins scolaires en Ille-et-Vilaine',
        }),
        status: { state: 'unknown', signaled: false },
        title: 'Pénurie de médecins scolaires en Ille-et-Vilaine',
      },
      {
        ref: ref('QANR5L17QE9950', { unreadableStatus: 'question details not found', title: 'Question N°9950' }),
        status: { state: 'unknown', signaled: false },
        title: 'Question N°9950',
      },
    ],
  },
];

describe.each(DOM_IMPLEMENTATIONS)('new NosDéputés "Questions" tab (%s)', (dom) => {
  it.each(CASES)('$title', ({ file, url, items: expected }) => {
    expect(detectPage(url)).toBe(KIND);
    const doc = fixtureDocument(`nosdeputes/${file}`, dom, url);
    const items = itemsOf(parsePage(doc, url));
    expect(items.map((item) => item.ref)).toStrictEqual(expected.map((e) => e.ref));
    expect(items.map((item) => refStatus(item.ref, TODAY))).toStrictEqual(expected.map((e) => e.status));
    items.forEach((item, i) => {
      const header = doc.getElementById(`QANR5L${item.ref.legislature}${item.ref.type}${item.ref.number}-header`)!;
      const title = expected[i]!.title;
      if (title === undefined) {
        // An untitled card: the badge goes on its summary.
        expect(item.element).toBe(header);
      } else {
        // The badge goes on the card's title, inside the first card with that id.
        expect(textOf(item.element)).toBe(title);
        expect(header.contains(item.element)).toBe(true);
      }
    });
  });

  it('keeps one item for a card listed twice', () => {
    const url = 'https://www.nosdeputes.fr/depute/elise-morvan/qag';
    const items = itemsOf(read('qag-plusieurs.html', url, dom));
    expect(items.filter((item) => item.ref.id === 'AN-17-QE-1580')).toHaveLength(1);
  });
});

describe.each(DOM_IMPLEMENTATIONS)('new NosDéputés bad input (%s)', (dom) => {
  const URL_QAG = 'https://www.nosdeputes.fr/depute/elise-morvan/qag';

  it.each(['qag-repondue.html', 'qag-erratum.html', 'qag-plusieurs.html'])(
    '%s cut anywhere: each item whole or unknown, never another status',
    (file) => {
      const html = fixtureText(`nosdeputes/${file}`);
      const full = itemsOf(parseDirect(html, URL_QAG, dom));
      const step = dom === 'linkedom' ? 7 : 61;
      for (let cut = 0; cut < html.length; cut += step) {
        const page = parseDirect(html.slice(0, cut), URL_QAG, dom);
        if (page.kind === 'other') continue;
        for (const item of itemsOf(page)) {
          const status = refStatus(item.ref, TODAY);
          if (status.state === 'unknown') continue;
          const whole = full.find((f) => f.ref.id === item.ref.id)!;
          // A cut right after "Date de dépôt:" loses the date, never changes it.
          const dateKept = item.ref.depositedOn === whole.ref.depositedOn || item.ref.depositedOn === undefined;
          if (status.state !== refStatus(whole.ref, TODAY).state || !dateKept) {
            throw new Error(`${file} cut at ${cut}: ${item.ref.id} reads as ${status.state} from ${item.ref.depositedOn}`);
          }
        }
      }
    },
    60_000,
  );

  it('reads a page cut in half: no item gets another status', () => {
    const html = fixtureText('nosdeputes/qag-plusieurs.html');
    const page = parseDirect(html.slice(0, Math.floor(html.length / 2)), URL_QAG, dom);
    const full = itemsOf(parseDirect(html, URL_QAG, dom));
    for (const item of page.kind === 'question-list' ? page.items : []) {
      const state = refStatus(item.ref, TODAY).state;
      expect([refStatus(full.find((f) => f.ref.id === item.ref.id)!.ref, TODAY).state, 'unknown']).toContain(state);
    }
  });

  it('reads a card cut inside its deposit date as unknown, not as an older date', () => {
    const html = fixtureText('nosdeputes/qag-en-attente.html');
    const cut = html.indexOf('20/10/2026') + '20/10/20'.length;
    const [item] = itemsOf(parseDirect(html.slice(0, cut), 'https://www.nosdeputes.fr/depute/yann-le-goff/qag', dom));
    expect(item!.ref.depositedOn).toBeUndefined();
    expect(item!.ref.unreadableStatus).toBe('question details incomplete');
    expect(refStatus(item!.ref, TODAY).state).toBe('unknown');
  });

  it('reads an answered card whose answer block was cut off as unknown, not pending', () => {
    const html = fixtureText('nosdeputes/qag-repondue.html');
    const cut = html.indexOf('La revalorisation indemnitaire');
    const [item] = itemsOf(parseDirect(html.slice(0, cut), 'https://www.nosdeputes.fr/depute/claire-lemoine/qag', dom));
    expect(item!.ref.unreadableStatus).toBe('question details incomplete');
    expect(refStatus(item!.ref, TODAY).state).toBe('unknown');
  });

  it('reads a card without its details panel as unknown', () => {
    const html = fixtureText('nosdeputes/qag-en-attente.html').replace(
      /<div class="MuiCollapse-root[\s\S]*<\/div><\/div><\/div><\/div><\/div><\/div>\n/,
      '</div>\n',
    );
    expect(html).not.toContain('id="QANR5L17QE8731-pannel"');
    const [item] = itemsOf(parseDirect(html, 'https://www.nosdeputes.fr/depute/yann-le-goff/qag', dom));
    expect(item!.ref.unreadableStatus).toBe('question details not found');
    expect(refStatus(item!.ref, TODAY).state).toBe('unknown');
  });

  it('reads the Next.js 404 page and other error pages at a "Questions" tab URL as other', () => {
    const url = 'https://www.nosdeputes.fr/depute/jean-inconnu/qag';
    expect(detectPage(url)).toBe(KIND);
    for (const file of ['qag-404.html', 'err-503.html', 'err-404.html', 'err-symfony.html']) {
      expect(parseDirect(fixtureText(`nosdeputes/${file}`), url, dom)).toStrictEqual({ kind: 'other' });
    }
    // The tab's own "unknown deputy" fallback (qag/page.tsx).
    expect(parseDirect('<!DOCTYPE html><html><body><main><div><p>Deputé inconnu</p></div></main></body></html>', url, dom)).toStrictEqual({
      kind: 'other',
    });
  });

  it('reads an empty document as other', () => {
    for (const html of ['', '<html></html>', '<!DOCTYPE html><html><head></head><body><div id="__next"></div></body></html>']) {
      expect(parseDirect(html, URL_QAG, dom)).toStrictEqual({ kind: 'other' });
    }
  });

  it('only reads the "Questions" tab of the new site', () => {
    expect(detectPage('https://www.nosdeputes.fr/depute/elise-morvan/qag/')).toBe(KIND);
    expect(detectPage('https://www.nosdeputes.fr/depute/elise-morvan')).toBeNull();
    expect(detectPage('https://www.nosdeputes.fr/depute/elise-morvan/votes')).toBeNull();
    expect(detectPage('https://2022-2024.nosdeputes.fr/depute/elise-morvan/qag')).toBeNull();
    expect(detectPage('http://www.nosdeputes.fr/depute/elise-morvan/qag')).toBe(KIND);
    // A legacy question page served at the tab's URL has no accordion: nothing to read.
    expect(read('q-retiree.html', URL_QAG, dom)).toStrictEqual({ kind: 'other' });
  });
});
