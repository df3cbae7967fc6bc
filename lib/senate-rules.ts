/**
 * The Sénat's rules for written questions, as dated data with their sources
 * (docs/reference/senat.md §3). The Sénat has no signalement; its answers are published in the JO
 * « Questions » issue of Thursday; its questions lapse (« caduques ») by a standing two-year rule and
 * by collective decisions, not with the Assemblée's legislatures.
 *
 * Evidence per row as in lib/legislatures.ts: 'V' verified in a cited source, 'P' probable.
 */
import { addMonths, type IsoDate, type IssueDeadline, weekdayOf } from './dates';
import { legislatureOn, legislatureRow, type Evidence } from './legislatures';

export interface SenateDeadlineRule extends IssueDeadline {
  evidence: Evidence;
}

/**
 * Règlement du Sénat, art. 75 al. 2 (senat.md §3.1). Calendar months clamped to the month's end,
 * « Ce délai ne comporte aucune interruption » (no suspension over recess).
 */
export const SENATE_DEADLINE_RULES: readonly SenateDeadlineRule[] = [
  // Until 2019: one month (« le délai d'un mois fixé par le règlement », question of 1987; J.-L. Masson,
  // 08/03/2016: « une réponse avant un mois, délai éventuellement prolongé d'autant »). The extra month a
  // minister could take postponed the answer, not the deadline first missed (as law.md R3 at the Assemblée).
  // Last issue before the Conseil constitutionnel's decision of 11 July 2019 on the new text.
  { lastIssue: '2019-07-04', months: 1, evidence: 'V' },
  // « Les réponses des ministres sont publiées dans les deux mois suivant la publication des questions »:
  // art. 23 of the resolution « clarifier et actualiser le Règlement » (PPR n° 458, 2018-2019), adopted
  // 18 June 2019, Conseil constitutionnel 11 July 2019. The issue of 11 July itself, the decision's day,
  // gets no deadline rather than a guess; from the next one, two months [P: no transitional provision found].
  { firstIssue: '2019-07-18', months: 2, evidence: 'P' },
];

/** A decision of the Conférence des Présidents that lapsed every pending question published before a date. */
export interface CollectiveLapse {
  /** The day the questions lapsed. */
  on: IsoDate;
  /** Questions published before this day lapsed (exclusive). */
  publishedBefore: IsoDate;
  evidence: Evidence;
}

/**
 * Collective caducités « en cas de changement de Gouvernement ou de législature et à la suite d'une
 * décision ad hoc de la Conférence des Présidents » (resodinfo.fr, senat.md §3.3). Only those with a
 * source are here: whether one followed the 2024 dissolution or the governments of 2024–25 is not
 * known, and no question is lapsed on a guess.
 */
export const SENATE_COLLECTIVE_LAPSES: readonly CollectiveLapse[] = [
  // « La Conférence des Présidents du 29 juin 2017 ayant déclaré caduques les questions posées avant cette
  // date » (a minister's answer printed on senat.fr, qSEQ181007406).
  { on: '2017-06-29', publishedBefore: '2017-06-29', evidence: 'V' },
  // « la totalité des questions orales et écrites en instance au 30 juin 2022 a été rendue caduque »
  // (resodinfo.fr); qSEQ220628479, published in the JO of that day, reads « La question est caduque ».
  { on: '2022-06-30', publishedBefore: '2022-07-01', evidence: 'V' },
];

/**
 * The standing two-year rule: the Conférence des Présidents decided on 2 April 1986 « une règle
 * permanente de caducité des questions écrites déposées depuis plus de deux ans et n'ayant pas reçu
 * de réponse », applied « au début de chaque session ordinaire » (senat.md §3.3, the Sénat's fiche).
 * Since the constitutional revision of 4 August 1995 there is one ordinary session a year, opening on
 * the first working day of October (Constitution art. 28) [P]; before it there were two a year, and
 * which of them applied the rule is not known: no lapse is inferred before the first single session.
 * Counted from the JO publication, as the reference does (§6.3), « plus de deux ans » taken strictly.
 */
export const TWO_YEAR_RULE = {
  decidedOn: '1986-04-02',
  years: 2,
  /**
   * The spring session of 2 April 1995 was the old regime's last start: a question two years old
   * from that day on lapsed at the single session of 2 October 1995 or later, whichever regime applied.
   */
  certainFrom: '1995-04-02',
  evidence: 'P' as Evidence,
};

/** The first working day of October of `year`: the 1st, or the Monday after a weekend. */
export function ordinarySessionStart(year: number): IsoDate {
  const first = `${year}-10-01`;
  const weekday = weekdayOf(first);
  return weekday === 5 ? `${year}-10-03` : weekday === 6 ? `${year}-10-02` : first;
}

/** The first ordinary session to open strictly after `date`. */
function sessionStartAfter(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return ordinarySessionStart(year) > date ? ordinarySessionStart(year) : ordinarySessionStart(year + 1);
}

/** The session start at which an unanswered question published on `publishedOn` lapses, when the rule says. */
export function twoYearLapseOn(publishedOn: IsoDate): IsoDate | undefined {
  if (publishedOn < TWO_YEAR_RULE.decidedOn) return undefined;
  const twoYears = addMonths(publishedOn, 12 * TWO_YEAR_RULE.years);
  if (twoYears < TWO_YEAR_RULE.certainFrom) return undefined;
  return sessionStartAfter(twoYears);
}

export type SenateLapseCause = 'two-year' | 'collective';

/**
 * When an unanswered Sénat question lapses, as far as the dated rules tell: the first collective
 * caducité after its publication, or the two-year rule, whichever comes first.
 */
export function senateLapse(publishedOn: IsoDate): { on: IsoDate; cause: SenateLapseCause } | undefined {
  const collective = SENATE_COLLECTIVE_LAPSES.find((row) => publishedOn < row.publishedBefore);
  const twoYear = twoYearLapseOn(publishedOn);
  if (collective && (!twoYear || collective.on <= twoYear)) return { on: collective.on, cause: 'collective' };
  return twoYear ? { on: twoYear, cause: 'two-year' } : undefined;
}

/**
 * The Assemblée legislature whose numbering a Sénat question published on `date` carries, when a
 * page does not say it (senat.md §1.1: the Sénat restarts its numbers with each Assemblée
 * legislature). When it restarts is not exactly the Assemblée's first day: question 28479, published
 * on 30 June 2022, eight days into the 16th, still counts in the 15th. So a date is only trusted from
 * the first ordinary session after a legislature's first day; before that, and between a
 * dissolution and the next Assembly, nothing is derived.
 */
export function senateLegislatureOn(date: IsoDate): number | undefined {
  const legislature = legislatureOn(date);
  if (legislature === undefined) return undefined;
  return date >= sessionStartAfter(legislatureRow(legislature)!.firstDay) ? legislature : undefined;
}

/**
 * Whether a Sénat question numbered in `legislature` may be dated `date`: not before that
 * legislature's first day. Its numbering may run on past the Assemblée's last day (above).
 */
export function senateNumberingAllows(legislature: number, date: IsoDate): boolean {
  const row = legislatureRow(legislature);
  return !row || date >= row.firstDay;
}
