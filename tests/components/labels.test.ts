/**
 * The badge's words, exactly as a reader sees them, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { formatters, MESSAGES, type Language } from '../../lib/i18n';
import { statusLabel } from '../../lib/labels';
import { statusFromFacts, type QuestionStatus } from '../../lib/status';

const NNBSP = '\u202f';

function label(status: Partial<QuestionStatus> & Pick<QuestionStatus, 'state'>, lang: Language): string {
  return statusLabel({ signaled: false, ...status }, MESSAGES[lang], formatters(lang));
}

/** Any run of white space (incl. U+00A0 / U+202F) as one plain space. */
function norm(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const fr = (s: Parameters<typeof label>[0]) => label(s, 'fr');
const en = (s: Parameters<typeof label>[0]) => label(s, 'en');

describe('statusLabel — answered', () => {
  const late: QuestionStatus = { state: 'answered', signaled: false, daysOpen: 143, daysLate: 83 };

  it('says how long it took and how late, in French', () => {
    expect(fr(late)).toBe('Répondue en 143 jours (83 j de retard)');
  });

  it('says how long it took and how late, in English', () => {
    expect(en(late)).toBe('Answered in 143 days (83 days late)');
  });

  it('adds no lateness suffix to an answer on time', () => {
    expect(fr({ state: 'answered', daysOpen: 45, daysLate: 0 })).toBe('Répondue en 45 jours');
    expect(en({ state: 'answered', daysOpen: 45, daysLate: 0 })).toBe('Answered in 45 days');
    expect(fr({ state: 'answered', daysOpen: 45 })).toBe('Répondue en 45 jours');
  });

  it('uses the singular for one day and words for the same day', () => {
    expect(fr({ state: 'answered', daysOpen: 1, daysLate: 0 })).toBe('Répondue en 1 jour');
    expect(en({ state: 'answered', daysOpen: 1, daysLate: 0 })).toBe('Answered in 1 day');
    expect(fr({ state: 'answered', daysOpen: 0, daysLate: 0 })).toBe('Répondue le jour même');
    expect(en({ state: 'answered', daysOpen: 0, daysLate: 0 })).toBe('Answered the same day');
  });

  it('says only « Répondue » when the answer date is unknown', () => {
    expect(fr({ state: 'answered' })).toBe('Répondue');
    expect(en({ state: 'answered' })).toBe('Answered');
    // Even with a lateness figure, without daysOpen there is nothing to count.
    expect(fr({ state: 'answered', daysLate: 3 })).toBe('Répondue');
  });

  it('groups thousands the French way (narrow no-break space) and the English way (comma)', () => {
    const status = { state: 'answered', daysOpen: 1200, daysLate: 1139 } as const;
    expect(fr(status)).toBe(`Répondue en 1${NNBSP}200 jours (1${NNBSP}139 j de retard)`);
    expect(norm(fr(status))).toBe('Répondue en 1 200 jours (1 139 j de retard)');
    expect(en(status)).toBe('Answered in 1,200 days (1,139 days late)');
  });

  it('reads a status computed by the rules (published 13 Dec 2022, answered 5 May 2023)', () => {
    const status = statusFromFacts(
      {
        type: 'QE',
        legislature: 16,
        publishedOn: '2022-12-13',
        answered: true,
        answeredOn: '2023-05-05',
        closed: false,
        saysPending: false,
        unreadable: false,
      },
      '2026-11-29',
    );
    expect(fr(status)).toBe('Répondue en 143 jours (81 j de retard)');
  });

  it('uses the singular for one day late in English', () => {
    expect(en({ state: 'answered', daysOpen: 62, daysLate: 1 })).toBe('Answered in 62 days (1 day late)');
  });
});

describe('statusLabel — overdue', () => {
  it('counts the days of delay', () => {
    expect(fr({ state: 'overdue', dueOn: '2024-01-07', daysOpen: 483, daysLate: 423 })).toBe('En retard de 423 jours');
    expect(en({ state: 'overdue', dueOn: '2024-01-07', daysOpen: 483, daysLate: 423 })).toBe('Overdue by 423 days');
  });

  it('uses the singular for one day', () => {
    expect(fr({ state: 'overdue', daysLate: 1 })).toBe('En retard de 1 jour');
    expect(en({ state: 'overdue', daysLate: 1 })).toBe('Overdue by 1 day');
  });

  it('groups thousands', () => {
    expect(fr({ state: 'overdue', daysLate: 1050 })).toBe(`En retard de 1${NNBSP}050 jours`);
    expect(en({ state: 'overdue', daysLate: 1050 })).toBe('Overdue by 1,050 days');
  });

  it('says a signalled question is late', () => {
    const status = { state: 'overdue', signaled: true, dueOn: '2026-11-09', daysLate: 20 } as const;
    expect(fr(status)).toBe('Signalée — en retard de 20 jours');
    expect(en(status)).toBe('Signalled — overdue by 20 days');
  });

  it('uses the singular for a signalled question one day late (fr)', () => {
    expect(fr({ state: 'overdue', signaled: true, daysLate: 1 })).toBe('Signalée — en retard de 1 jour');
  });
  it('uses the singular for a signalled question one day late (en)', () => {
    expect(en({ state: 'overdue', signaled: true, daysLate: 1 })).toBe('Signalled — overdue by 1 day');
  });
});

describe('statusLabel — pending', () => {
  it('gives the due date', () => {
    expect(fr({ state: 'pending', dueOn: '2026-12-13', daysOpen: 15 })).toBe('En attente — échéance le 13 décembre 2026');
    expect(en({ state: 'pending', dueOn: '2026-12-13', daysOpen: 15 })).toBe('Pending — due 13 December 2026');
  });

  it('writes the first of the month as « 1er »', () => {
    expect(fr({ state: 'pending', dueOn: '2026-03-01' })).toBe('En attente — échéance le 1er mars 2026');
  });

  it('says only « En attente » without a written deadline (question au Gouvernement)', () => {
    const qg = statusFromFacts(
      { type: 'QG', legislature: 17, publishedOn: '2026-11-20', answered: false, closed: false, saysPending: false, unreadable: false },
      '2026-11-29',
    );
    expect(qg.state).toBe('pending');
    expect(fr(qg)).toBe('En attente');
    expect(en(qg)).toBe('Pending');
  });

  it('says a signalled question is due at the end of its ten days', () => {
    const status = { state: 'pending', signaled: true, dueOn: '2026-12-20', signalDueOn: '2026-12-09' } as const;
    expect(fr(status)).toBe('Signalée — réponse due le 9 décembre 2026');
    expect(en(status)).toBe('Signalled — answer due 9 December 2026');
  });

  it('gives the date NosDéputés announces (« Réponse à venir le … »), before and after the deadline', () => {
    expect(fr({ state: 'pending', dueOn: '2024-05-05', announcedOn: '2024-04-09' })).toBe(
      'En attente — réponse annoncée pour le 9 avril 2024',
    );
    expect(en({ state: 'pending', dueOn: '2024-05-05', announcedOn: '2024-04-09' })).toBe('Pending — answer announced for 9 April 2024');
    expect(fr({ state: 'overdue', daysLate: 11, announcedOn: '2024-04-09' })).toBe(
      'En retard de 11 jours — réponse annoncée pour le 9 avril 2024',
    );
    expect(en({ state: 'overdue', daysLate: 11, announcedOn: '2024-04-09' })).toBe(
      'Overdue by 11 days — answer announced for 9 April 2024',
    );
  });
});

describe('statusLabel — closed', () => {
  it('gives the reason, the time open and how late', () => {
    const status = {
      state: 'closed',
      closure: 'other',
      closedOn: '2023-10-03',
      closedReason: 'retrait',
      daysOpen: 1148,
      daysLate: 1088,
    } as const;
    expect(fr(status)).toBe(`Close sans réponse — retrait, après 1${NNBSP}148 jours (1${NNBSP}088 j de retard)`);
    expect(norm(fr(status))).toBe('Close sans réponse — retrait, après 1 148 jours (1 088 j de retard)');
    expect(en(status)).toBe('Closed without answer — retrait, after 1,148 days (1,088 days late)');
  });

  it('says a question lapsed with its legislature, when, and how late it was then', () => {
    const status = {
      state: 'closed',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      closedOn: '2024-06-09',
      daysOpen: 152,
      daysLate: 92,
    } as const;
    expect(fr(status)).toBe('Caduque — fin de la 16e législature (9 juin 2024), après 152 jours (92 j de retard)');
    expect(en(status)).toBe('Lapsed — end of the 16th legislature (9 June 2024), after 152 days (92 days late)');
    // The page's own words (« fin de mandat ») belong to the card's timeline, not the badge.
    expect(
      norm(
        fr({
          ...status,
          closureInferred: undefined,
          closedReason: 'fin de mandat',
          lapsedAtEndOf: 15,
          closedOn: '2022-06-21',
          daysOpen: 1148,
          daysLate: 1087,
        }),
      ),
    ).toBe('Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)');
    expect(en({ ...status, lapsedAtEndOf: 1, closedOn: undefined, daysOpen: undefined })).toBe('Lapsed — end of the 1st legislature');
    expect(fr({ ...status, lapsedAtEndOf: 1, closedOn: undefined, daysOpen: undefined })).toBe('Caduque — fin de la 1re législature');
    expect(fr({ ...status, daysLate: 0 })).toBe('Caduque — fin de la 16e législature (9 juin 2024), après 152 jours');
  });

  it('says a question was converted into an oral question', () => {
    const status = {
      state: 'closed',
      closure: 'converted',
      closedReason: 'Transformée en question orale',
      daysOpen: 105,
      daysLate: 74,
    } as const;
    expect(fr(status)).toBe('Transformée en question orale, après 105 jours (74 j de retard)');
    expect(en(status)).toBe('Converted into an oral question, after 105 days (74 days late)');
  });

  it('lower-cases the first letter of a capitalised reason', () => {
    expect(norm(fr({ state: 'closed', closedReason: 'Fin de mandat', daysOpen: 1148 }))).toBe(
      'Close sans réponse — fin de mandat, après 1 148 jours',
    );
  });

  it('leaves out « Retirée », which says nothing more than « close »', () => {
    expect(fr({ state: 'closed', closedReason: 'Retirée', daysOpen: 120 })).toBe('Close sans réponse, après 120 jours');
    expect(fr({ state: 'closed', closedReason: 'retirée', daysOpen: 120 })).toBe('Close sans réponse, après 120 jours');
    expect(en({ state: 'closed', closedReason: 'Retirée', daysOpen: 120 })).toBe('Closed without answer, after 120 days');
  });

  it('leaves out the duration when the closure date is unknown', () => {
    expect(fr({ state: 'closed', closedReason: 'fin de mandat' })).toBe('Close sans réponse — fin de mandat');
    expect(en({ state: 'closed', closedReason: 'fin de mandat' })).toBe('Closed without answer — fin de mandat');
  });

  it('leaves out the reason when there is none', () => {
    expect(fr({ state: 'closed', daysOpen: 30 })).toBe('Close sans réponse, après 30 jours');
    expect(en({ state: 'closed', daysOpen: 30 })).toBe('Closed without answer, after 30 days');
    expect(fr({ state: 'closed' })).toBe('Close sans réponse');
    expect(en({ state: 'closed' })).toBe('Closed without answer');
    expect(fr({ state: 'closed', closedReason: 'Retirée' })).toBe('Close sans réponse');
  });

  it('reads the status the rules compute for 15-QE-19189 (30 Apr 2019 → 21 Jun 2022)', () => {
    const status = statusFromFacts(
      {
        type: 'QE',
        legislature: 15,
        publishedOn: '2019-04-30',
        answered: false,
        closed: true,
        closedOn: '2022-06-21',
        closedReason: 'fin de mandat',
        saysPending: false,
        unreadable: false,
      },
      '2026-11-29',
    );
    expect(norm(fr(status))).toBe('Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)');
  });

  it('uses the singular after one day (fr)', () => {
    expect(fr({ state: 'closed', daysOpen: 1 })).toBe('Close sans réponse, après 1 jour');
  });
  it('uses the singular after one day (en)', () => {
    expect(en({ state: 'closed', daysOpen: 1 })).toBe('Closed without answer, after 1 day');
  });
});

describe('statusLabel — unknown', () => {
  it('says so plainly', () => {
    expect(fr({ state: 'unknown' })).toBe('Statut inconnu');
    expect(en({ state: 'unknown' })).toBe('Status unknown');
    expect(fr({ state: 'unknown', signaled: true, dueOn: '2026-12-13' })).toBe('Statut inconnu');
  });
});

describe('statusLabel — every state has its own words in both languages', () => {
  const states: QuestionStatus['state'][] = ['answered', 'pending', 'overdue', 'closed', 'unknown'];
  for (const lang of ['fr', 'en'] as const) {
    it(lang, () => {
      const labels = states.map((state) => label({ state }, lang));
      for (const text of labels) expect(text.trim().length).toBeGreaterThan(3);
      expect(new Set(labels).size).toBe(states.length);
    });
  }
});
