/**
 * The cards' and list badges' inputs in every state the page goes through, in both languages:
 * the plain-DOM views are held to the markup the Preact components drew for the same inputs
 * (tests/fixtures/overlays/markup.json, recorded from the components of 2071c66).
 */
import { type RecordView } from '../../lib/follows/messages';
import { type Language } from '../../lib/i18n';
import { type DeputyFacts, type Question, type QuestionChamber } from '../../lib/model';
import { type Publisher } from '../../lib/sites/types';
import { type QuestionState } from '../../lib/status';
import { type DeputyFollowSlot, type MinistryFollowSlot, type WatchProps } from '../../lib/content/card/props';

const noop = () => undefined;

export const RECORD: RecordView = {
  legislature: 17,
  sweptAt: Date.UTC(2026, 2, 1),
  updatedAt: Date.UTC(2026, 2, 10),
  source: 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions',
  pages: 3,
  today: '2026-03-10',
  stats: { asked: 25, answered: 12, answeredInTime: 4, medianDelayDays: 97, pending: 6, overdue: 7 },
};

export const IMG = '<img src=x onerror=alert(1)>';
export const SCRIPT = '<script>alert(2)</script>';

/** Every branch of the card: reassignment, renewal, signalement, recalls, conversion, transmission, both chambers. */
export const QUESTIONS: Record<string, { question: Question; sources: Publisher[] }> = {
  closed: {
    sources: ['nosdeputes', 'an'],
    question: {
      id: 'AN-15-QE-19189',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 19189,
      author: { name: 'M. Julien Dive', anId: 'PA720000', group: { acronym: 'LR' }, constituency: 'Aisne (2e circonscription)' },
      ministry: 'Solidarités et santé',
      answeringMinistry: 'Solidarités et santé',
      publishedOn: '2019-04-30',
      closedOn: '2022-06-21',
      closedReason: 'Fin de mandat',
      urls: {
        an: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
        nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
      },
    },
  },
  answered: {
    sources: ['an', 'nosdeputes'],
    question: {
      id: 'AN-14-QE-47351',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 47351,
      author: { name: 'M. François Cornut-Gentille', anId: 'PA923' },
      ministry: 'Défense',
      answeringMinistry: 'Anciens combattants',
      publishedOn: '2014-01-07',
      reassignedOn: '2014-04-03',
      renewedOn: '2014-04-15',
      signaledOn: '2014-03-01',
      answeredOn: '2014-05-13',
      urls: {
        an: 'https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE47351',
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/47351',
      },
    },
  },
  waiting: {
    sources: ['an'],
    question: {
      id: 'AN-17-QE-1234',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 1234,
      author: { name: 'Mme Élise Morvan' },
      publishedOn: '2026-10-13',
      announcedOn: '2026-12-01',
      urls: { an: 'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1234' },
    },
  },
  undated: {
    sources: ['an'],
    question: {
      id: 'AN-17-QE-1235',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 1235,
      author: { name: '—' },
      urls: { an: 'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1235' },
    },
  },
  senate: {
    sources: ['senat', 'nossenateurs'],
    question: {
      id: 'SEN-13-QE-3308',
      chamber: 'SEN',
      legislature: 13,
      type: 'QE',
      number: 3308,
      author: { name: 'M. MASSON Jean Louis', group: { acronym: 'NI' }, constituency: 'Moselle', senatSlug: 'masson_jean_louis84002m' },
      ministry: 'Intérieur',
      answeringMinistry: 'Intérieur',
      transmittedTo: 'Ministère de la justice',
      recalls: { number: 1234, senatReference: 'SEQ070901234' },
      convertedTo: 'SEQ080303308',
      publishedOn: '2008-02-07',
      senatReference: 'SEQ080203308',
      urls: { senat: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html' },
    },
  },
  'senate without links': {
    sources: ['nossenateurs', 'senat'],
    question: {
      id: 'SEN-16-QE-4208',
      chamber: 'SEN',
      legislature: 16,
      type: 'QE',
      number: 4208,
      author: { name: 'Mme Anne Exemple' },
      recalls: { number: 12 },
      publishedOn: '2023-01-12',
      urls: {},
    },
  },
  hostile: {
    sources: ['nosdeputes', 'an'],
    question: {
      id: 'AN-15-QE-19190',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 19190,
      author: {
        name: `M. ${IMG} ${SCRIPT}`,
        group: { acronym: 'X', name: `${SCRIPT} groupe` },
        constituency: `${IMG} (1re circonscription)`,
      },
      title: `Titre ${IMG} ${SCRIPT}`,
      ministry: `Ministère ${IMG}`,
      answeringMinistry: `Ministère ${SCRIPT}`,
      publishedOn: '2019-04-30',
      // Mid-term, so that the badge repeats the closure's own words.
      closedOn: '2021-06-21',
      closedReason: `${IMG} ${SCRIPT}`,
      text: `Texte ${IMG} ${SCRIPT}`,
      urls: {
        an: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19190',
        nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19190',
      },
    },
  },
};

export const TODAY = '2026-11-29';
export const LANGUAGES: Language[] = ['fr', 'en'];

/** What arrives from the background after the card is drawn. */
export interface CardState {
  watch?: WatchProps;
  authorFacts?: DeputyFacts;
  follow?: DeputyFollowSlot;
  ministryFollow?: MinistryFollowSlot;
}

const PENDING = { busy: false, pending: true, onToggle: noop };

/**
 * The states a card goes through, in the order the page may meet them: nothing known, then the
 * background's answers, a click being saved, a failure, a record read, the background gone, and back.
 */
export function cardStates(chamber: QuestionChamber, ministry: string | undefined): [string, CardState][] {
  const withRecord = (record: NonNullable<DeputyFollowSlot['record']>) => (chamber === 'AN' ? { record } : {});
  const ministrySlot = (props: Omit<MinistryFollowSlot, 'title' | 'chamber'>): MinistryFollowSlot | undefined =>
    ministry ? { title: ministry, chamber: chamber === 'SEN' ? 'SENAT' : 'AN', ...props } : undefined;
  const known: CardState = {
    watch: { watched: false, busy: false, onToggle: noop },
    authorFacts: { group: { acronym: 'LR' }, constituency: 'Aisne (2e circonscription)', mandateStart: '2017-06-21', slug: 'julien-dive' },
    follow: { follow: { followed: false, busy: false, onToggle: noop }, ...withRecord({ busy: false, onAsk: noop }) },
    ministryFollow: ministrySlot({ followed: false, busy: false, onToggle: noop }),
  };
  return [
    [
      'nothing known',
      {
        watch: { watched: false, ...PENDING },
        follow: { follow: { followed: false, ...PENDING } },
        ministryFollow: ministrySlot({ followed: false, ...PENDING }),
      },
    ],
    ['known', known],
    [
      'busy',
      {
        ...known,
        watch: { watched: true, busy: true, onToggle: noop },
        follow: { follow: { followed: true, busy: true, onToggle: noop }, ...withRecord({ busy: true, onAsk: noop }) },
        ministryFollow: ministrySlot({ followed: true, busy: true, onToggle: noop }),
      },
    ],
    [
      'failed',
      {
        ...known,
        watch: { watched: false, busy: false, error: true, onToggle: noop },
        follow: {
          follow: { followed: false, busy: false, error: true, onToggle: noop },
          ...withRecord({ busy: false, failed: true, onAsk: noop }),
        },
        ministryFollow: ministrySlot({ followed: false, busy: false, error: true, onToggle: noop }),
      },
    ],
    [
      'watched, record read',
      {
        ...known,
        authorFacts: { ...known.authorFacts, mandateEnd: '2020-07-03', anId: 'PA720001' },
        watch: { watched: true, busy: false, onToggle: noop },
        follow: { follow: { followed: true, busy: false, onToggle: noop }, ...withRecord({ busy: false, record: RECORD }) },
        ministryFollow: ministrySlot({ followed: true, busy: false, onToggle: noop }),
      },
    ],
    ['background unavailable', { authorFacts: known.authorFacts }],
    [
      'record not readable here',
      { ...known, follow: { follow: { followed: true, busy: false, onToggle: noop }, ...withRecord({ busy: false }) } },
    ],
    ['known again', known],
  ];
}

/** Deputy cards: a deputy's own page (name above, not repeated) and a list owner's card on either chamber. */
export const DEPUTIES: Record<string, { deputy: DeputyFacts & { name: string; legislature?: number }; chamber?: QuestionChamber }> = {
  deputy: {
    deputy: {
      name: 'Élise Morvan',
      slug: 'elise-morvan',
      anId: 'PA795321',
      group: { acronym: 'REN', name: 'Renaissance' },
      constituency: 'Finistère (3e circonscription)',
      mandateStart: '2022-06-22',
      legislature: 16,
    },
  },
  'list owner': { deputy: { name: 'Élise Morvan', slug: 'elise-morvan', legislature: 17 }, chamber: 'AN' },
  senator: { deputy: { name: 'M. Jean Dupont', slug: 'jean-dupont', legislature: 16 }, chamber: 'SEN' },
  'no legislature': { deputy: { name: 'Mme Élise Morvan' } },
  hostile: { deputy: { name: IMG, group: { name: SCRIPT }, constituency: IMG, legislature: 16 } },
};

/** A list item's toggle in each state. */
export const LIST_WATCHES: Record<string, WatchProps> = {
  'not yet known': { watched: false, ...PENDING },
  'not watched': { watched: false, busy: false, onToggle: noop },
  watched: { watched: true, busy: false, onToggle: noop },
  'being saved': { watched: true, busy: true, onToggle: noop },
  'failed to save': { watched: false, busy: false, error: true, onToggle: noop },
};

export const LIST_STATES: QuestionState[] = ['answered', 'pending', 'overdue', 'closed', 'unknown'];
