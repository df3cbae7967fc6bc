import { addDays, addMonths, daysBetween, deadlineUnder, type IsoDate, type IssueDeadline } from './dates';
import { hasEnded, legislatureRow, outsideLegislature } from './legislatures';
import { dropUndefined } from './objects';
import { type Question, type QuestionChamber, type QuestionRef, type QuestionType } from './model';
import { chamberOf } from './question-key';
import { SENATE_DEADLINE_RULES, senateLapse, senateNumberingAllows, type SenateLapseCause } from './senate-rules';

export const QUESTION_STATES = ['answered', 'pending', 'overdue', 'closed', 'unknown'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** Answered and closed questions never change again: never checked, never late any more. */
export function isFinal(state: QuestionState): boolean {
  return state === 'answered' || state === 'closed';
}

/**
 * How a closed question ended: it lapsed with its legislature, it was converted into an oral
 * question, or the source gives another closure (a withdrawal…) in its own words.
 */
export type ClosureKind = 'lapsed' | 'converted' | 'other';

export interface QuestionStatus {
  state: QuestionState;
  /** The Règlement's deadline, the first obligation missed; written questions only. */
  dueOn?: IsoDate;
  /** A signalement's own deadline, ten days on: shown beside `dueOn`, never instead of it. */
  signalDueOn?: IsoDate;
  /** From publication to the answer, the closure, or today. */
  daysOpen?: number;
  /** Days past `dueOn` to the answer, the closure or today: it never grows after a closure. */
  daysLate?: number;
  /** Days past `signalDueOn`, counted the same way. */
  signalDaysLate?: number;
  signaled: boolean;
  answeredOn?: IsoDate;
  closedOn?: IsoDate;
  /** The closure in the source's own words; absent when the closure is inferred. */
  closedReason?: string;
  closure?: ClosureKind;
  /** The closure was deduced from the calendar of legislatures, not read on the source. */
  closureInferred?: true;
  /** The legislature whose end closed a lapsed question. */
  lapsedAtEndOf?: number;
  /** A Sénat question's lapse: under the two-year rule or a collective decision (lib/senate-rules.ts). */
  lapseCause?: SenateLapseCause;
  /** NosDéputés « Réponse à venir le … »: the date the source announces, while it is still ahead. */
  announcedOn?: IsoDate;
}

/** What the rules need to know, whether it comes from a question page or a list item. */
export interface StatusFacts {
  /** The Assemblée's rules unless said otherwise. */
  chamber?: QuestionChamber;
  type: QuestionType;
  legislature: number;
  publishedOn?: IsoDate;
  /** Filing date, days or weeks before the JO publication the deadline runs from. */
  depositedOn?: IsoDate;
  answered: boolean;
  answeredOn?: IsoDate;
  closed: boolean;
  closedOn?: IsoDate;
  closedReason?: string;
  /** A closing date the source gives ahead of time (NosDéputés « Réponse à venir le … »). */
  announcedOn?: IsoDate;
  signaledOn?: IsoDate;
  /** The source says in words that no answer has come (a list's « Sans réponse »). */
  saysPending: boolean;
  unreadable: boolean;
}

/**
 * The base deadline, by the date of the question's JO issue (docs/reference/law.md §2). Calendar
 * months, clamped to the month's end (R10), never suspended between sessions (R9), never shifted
 * off a weekend (R11). Between the issues of 9 and 16 December 2014 neither rule is certain: no
 * deadline rather than a guess.
 */
export const DEADLINE_RULES: readonly IssueDeadline[] = [
  // R2 [V]: « dans le mois suivant la publication des questions », RAN art. 139 from 1959, art. 135
  // from 2009, until the resolution of 28 November 2014. The extra month a minister could ask for
  // (R3) and, before 26 January 1994, the month after an offer of conversion into an oral question
  // (R4) postponed the answer, not the deadline first missed.
  { lastIssue: '2014-12-09', months: 1 },
  // R1 [V], R17: « dans les deux mois », resolution of 28 November 2014 (TA 437), Conseil
  // constitutionnel 2014-705 DC of 11 December 2014; first JO « Questions » issue after it [P].
  { firstIssue: '2014-12-16', months: 2 },
];

/** Art. 135 al. 7 (R5 [V]): once a group president signals a question, the minister has ten days. */
export const SIGNALED_DELAY_DAYS = 10;

/** « transformée en question orale »: a closure only the Règlement before 1994 provided for (R4). */
const CONVERTED_TO_ORAL = /\bquestion orale\b/i;
/** How the sites word a closure at the end of a legislature (« Fin de mandat », « caduque », law.md §3). */
/** « caduc », « caduque », « caducité »: a lapse, in any chamber's words. */
const LAPSE_WORDS = /\bcadu(?:c|qu)/i;
const END_OF_LEGISLATURE = new RegExp(`\\bfin de (?:mandat|(?:la )?législature)\\b|${LAPSE_WORDS.source}`, 'i');
/**
 * A closure in those words may be dated a day or so before the calendar's last day (the last days
 * of legislatures 8–14 and 16 are probable, not verified): it is the lapse all the same.
 */
const LAPSE_MARGIN_DAYS = 7;

export function answerDueOn(type: QuestionType, publishedOn: IsoDate, chamber: QuestionChamber = 'AN'): IsoDate | undefined {
  // Questions au Gouvernement and oral questions are answered in the chamber: no written deadline.
  if (type !== 'QE') return undefined;
  return deadlineUnder(chamber === 'SEN' ? SENATE_DEADLINE_RULES : DEADLINE_RULES, publishedOn);
}

/**
 * Counted from the signalement's date as the source gives it (the JO mention; ±1 day, R8 [P]). The
 * Sénat has no signalement (senat.md §3.1: the 2019 amendment proposing one was rejected).
 */
export function signalAnswerDueOn(type: QuestionType, signaledOn: IsoDate, chamber: QuestionChamber = 'AN'): IsoDate | undefined {
  return type === 'QE' && chamber === 'AN' ? addDays(signaledOn, SIGNALED_DELAY_DAYS) : undefined;
}

/** « La question est caduque » and the like: the Sénat's word for a lapse (senat.md §3.3). */

/**
 * A Sénat question's closure (senat.md §6.2): as the page says, dated by the rules where it gives no
 * date; or else inferred from the dated caducités once their day has come. `contradiction` when the
 * source says it still awaits an answer after the rules lapsed it.
 */
function senateClosureOf(facts: StatusFacts, today: IsoDate): Closure | 'contradiction' | undefined {
  const lapse = facts.publishedOn ? senateLapse(facts.publishedOn) : undefined;
  const lapsed = lapse && today >= lapse.on ? lapse : undefined;
  if (facts.closed || facts.closedOn) {
    const { closedReason } = facts;
    if (closedReason && CONVERTED_TO_ORAL.test(closedReason)) return { closedOn: facts.closedOn, closedReason, closure: 'converted' };
    if (closedReason && LAPSE_WORDS.test(closedReason)) {
      const closedOn = facts.closedOn ?? lapsed?.on;
      return dropUndefined<Closure>({
        closedOn,
        closedReason,
        closure: 'lapsed',
        lapseCause: lapsed && closedOn === lapsed.on ? lapsed.cause : undefined,
        closureInferred: !facts.closedOn && closedOn ? true : undefined,
      });
    }
    return { closedOn: facts.closedOn, closedReason, closure: 'other' };
  }
  if (!lapsed) return undefined;
  if (facts.saysPending) return 'contradiction';
  return { closedOn: lapsed.on, closure: 'lapsed', closureInferred: true, lapseCause: lapsed.cause };
}

function late(dueOn: IsoDate | undefined, end: IsoDate): number | undefined {
  return dueOn === undefined ? undefined : Math.max(0, daysBetween(dueOn, end));
}

type Closure = Pick<QuestionStatus, 'closedOn' | 'closedReason' | 'closure' | 'closureInferred' | 'lapsedAtEndOf' | 'lapseCause'>;

/**
 * How the question closed, if it has: as the source says (its date and words win), as the date
 * NosDéputés announced once it has passed, or else when its legislature ended (law.md §3).
 */
function closureOf(facts: StatusFacts, today: IsoDate): Closure | undefined {
  const { legislature } = facts;
  const lastDay = legislatureRow(legislature)?.lastDay;
  const stated = (closedOn: IsoDate | undefined, closedReason: string | undefined): Closure => {
    if (closedReason && CONVERTED_TO_ORAL.test(closedReason)) return { closedOn, closedReason, closure: 'converted' };
    // Closed on the legislature's last day or after, whatever the words (« Retirée »), or in its
    // last days in the words of a lapse: the question lapsed with it. Otherwise it was closed for
    // another reason (a withdrawal…).
    const lapsed =
      closedOn &&
      lastDay &&
      (closedOn >= lastDay ||
        (!!closedReason && END_OF_LEGISLATURE.test(closedReason) && closedOn >= addDays(lastDay, -LAPSE_MARGIN_DAYS)));
    return lapsed
      ? { closedOn, closedReason, closure: 'lapsed', lapsedAtEndOf: legislature }
      : { closedOn, closedReason, closure: 'other' };
  };
  if (facts.closed || facts.closedOn) return stated(facts.closedOn, facts.closedReason);
  if (facts.announcedOn && today > facts.announcedOn) return stated(facts.announcedOn, undefined);
  if (hasEnded(legislature, today)) return { closedOn: lastDay, closure: 'lapsed', closureInferred: true, lapsedAtEndOf: legislature };
  return undefined;
}

export function statusFromFacts(facts: StatusFacts, today: IsoDate): QuestionStatus {
  const signaled = !!facts.signaledOn;
  const unknown: QuestionStatus = { state: 'unknown', signaled };
  if (facts.unreadable) return unknown;
  const { type, legislature, publishedOn, answeredOn, closedOn, signaledOn, announcedOn } = facts;
  // Dates out of order, or in the future, mean the source was misread or is wrong: say nothing
  // rather than guess (an oral question's sitting still ahead is not an answer).
  for (const later of [answeredOn, closedOn, signaledOn]) {
    if (later && ((publishedOn && later < publishedOn) || later > today)) return unknown;
  }
  if (announcedOn && publishedOn && announcedOn < publishedOn) return unknown;
  // Published, filed or signalled on a day its legislature was not sitting: the number or the
  // date is wrong, and either would change the rules that apply.
  const numberedOutside = (day: IsoDate) =>
    facts.chamber === 'SEN' ? !senateNumberingAllows(legislature, day) : outsideLegislature(legislature, day);
  for (const day of [publishedOn, facts.depositedOn, signaledOn]) {
    if (day && numberedOutside(day)) return unknown;
  }
  const chamber = facts.chamber ?? 'AN';
  const dueOn = publishedOn ? answerDueOn(type, publishedOn, chamber) : undefined;
  const signalDueOn = signaledOn ? signalAnswerDueOn(type, signaledOn, chamber) : undefined;
  const countedTo = (end: IsoDate) => ({
    daysOpen: publishedOn ? daysBetween(publishedOn, end) : undefined,
    daysLate: late(dueOn, end),
    signalDaysLate: late(signalDueOn, end),
  });

  if (facts.answered || answeredOn) {
    return dropUndefined<QuestionStatus>({
      state: 'answered',
      signaled,
      dueOn,
      signalDueOn,
      answeredOn,
      ...(answeredOn ? countedTo(answeredOn) : {}),
    });
  }
  const closure = chamber === 'SEN' ? senateClosureOf(facts, today) : closureOf(facts, today);
  if (closure === 'contradiction') return unknown;
  if (closure) {
    return dropUndefined<QuestionStatus>({
      state: 'closed',
      signaled,
      dueOn,
      signalDueOn,
      ...closure,
      ...(closure.closedOn ? countedTo(closure.closedOn) : {}),
    });
  }
  if (!publishedOn && facts.depositedOn && type === 'QE' && today >= facts.depositedOn) {
    // The deadline is unknown, but publication follows filing within weeks: three months after
    // filing, the two months since publication have certainly passed.
    const daysOpen = daysBetween(facts.depositedOn, today);
    return { state: today > addMonths(facts.depositedOn, 3) ? 'overdue' : 'pending', signaled, daysOpen };
  }
  // A list may say « sans réponse » without the publication date: pending, deadline unknown.
  if (!publishedOn) return facts.saysPending ? dropUndefined<QuestionStatus>({ state: 'pending', signaled, announcedOn }) : unknown;
  if (today < publishedOn) return unknown;
  const overdue = dueOn !== undefined && today > dueOn;
  const counted = countedTo(today);
  return dropUndefined<QuestionStatus>({
    state: overdue ? 'overdue' : 'pending',
    signaled,
    dueOn,
    signalDueOn,
    announcedOn,
    daysOpen: counted.daysOpen,
    daysLate: overdue ? counted.daysLate : undefined,
    signalDaysLate: signalDueOn && today > signalDueOn ? counted.signalDaysLate : undefined,
  });
}

export function questionFacts(q: Question): StatusFacts {
  return {
    chamber: q.chamber,
    type: q.type,
    legislature: q.legislature,
    publishedOn: q.publishedOn,
    answered: !!(q.answeredOn || q.answerText),
    answeredOn: q.answeredOn,
    closed: !!q.closedOn || !!q.closedReason,
    closedOn: q.closedOn,
    closedReason: q.closedReason,
    announcedOn: q.announcedOn,
    signaledOn: q.signaledOn,
    saysPending: !!q.awaitingAnswer,
    unreadable: !!q.unreadableStatus,
  };
}

export function refFacts(ref: QuestionRef): StatusFacts {
  return {
    chamber: chamberOf(ref.id),
    type: ref.type,
    legislature: ref.legislature,
    publishedOn: ref.publishedOn,
    depositedOn: ref.depositedOn,
    answered: ref.answered,
    answeredOn: ref.answeredOn,
    closed: ref.closed,
    closedReason: ref.closedReason,
    signaledOn: undefined,
    saysPending: ref.pending,
    unreadable: !!ref.unreadableStatus || !(ref.answered || ref.closed || ref.pending),
  };
}

export function questionStatus(q: Question, today: IsoDate): QuestionStatus {
  return statusFromFacts(questionFacts(q), today);
}

export function refStatus(ref: QuestionRef, today: IsoDate): QuestionStatus {
  return statusFromFacts(refFacts(ref), today);
}

/** What a watch keeps: the question as last read, or else the list item it was watched from. */
export function snapshotStatus(snapshot: { question?: Question; ref?: QuestionRef }, today: IsoDate): QuestionStatus | undefined {
  if (snapshot.question) return questionStatus(snapshot.question, today);
  return snapshot.ref && refStatus(snapshot.ref, today);
}

/** The state of what a watch keeps: `unknown` when it keeps nothing readable. */
export function stateOfSnapshot(snapshot: { question?: Question; ref?: QuestionRef }, today: IsoDate): QuestionState {
  return snapshotStatus(snapshot, today)?.state ?? 'unknown';
}
