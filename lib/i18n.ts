/**
 * The interface's words, French first. Not `_locales` message files: the options page lets a
 * user pick a language other than the browser's, which `browser.i18n` cannot do; `_locales`
 * still carries the extension's name and description for the stores.
 */
import { type IsoDate } from './dates';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French unless the browser speaks English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A number as the UI writes it, and whether the language puts its noun in the singular. */
export interface Count {
  text: string;
  one: boolean;
}

export interface Formatters {
  lang: Language;
  date(date: IsoDate): string;
  number(value: number): string;
  count(value: number): Count;
}

const MONTH_NAMES: Record<Language, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Thousands separators as fr-FR and en-GB write them (fr: narrow no-break space). */
const GROUP_SEPARATOR: Record<Language, string> = { fr: '\u202f', en: ',' };

/**
 * Dates and whole numbers written exactly as `Intl` writes them for fr-FR and en-GB (a test
 * compares the two over decades of dates), without `Intl`: the first `Intl.DateTimeFormat` of a
 * page costs 15–20 ms of ICU start-up in Chromium, ten times Vigie's whole budget on a page.
 */
export function formatters(lang: Language): Formatters {
  const number = (value: number) => {
    const digits = String(Math.abs(Math.trunc(value)));
    const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR[lang]) : digits;
    return value < 0 ? `-${grouped}` : grouped;
  };
  return {
    lang,
    date: (date) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      // French writes the first of the month as an ordinal: « 1er mars 2016 ».
      const day = lang === 'fr' && d === 1 ? '1er' : String(d);
      return `${day} ${MONTH_NAMES[lang][m - 1]} ${y}`;
    },
    number,
    // CLDR's cardinal rule for whole numbers: French puts 0 and 1 in the singular, English only 1.
    count: (value) => ({ text: number(value), one: lang === 'fr' ? Math.abs(value) < 2 : Math.abs(value) === 1 }),
  };
}

/** « 16th »: the suffix English puts after a number read as an ordinal. */
export function englishOrdinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export const MESSAGES = {
  fr: {
    answeredIn: (days: Count) => `Répondue en ${days.text} ${days.one ? 'jour' : 'jours'}`,
    answeredSameDay: 'Répondue le jour même',
    answered: 'Répondue',
    lateSuffix: (days: Count) => ` (${days.text} j de retard)`,
    overdue: 'En retard',
    overdueBy: (days: Count) => `En retard de ${days.text} ${days.one ? 'jour' : 'jours'}`,
    pendingUntil: (date: string) => `En attente — échéance le ${date}`,
    pending: 'En attente',
    signaledDue: (date: string) => `Signalée — réponse due le ${date}`,
    signaledLate: (days: Count) => `Signalée — en retard de ${days.text} ${days.one ? 'jour' : 'jours'}`,
    closed: 'Close sans réponse',
    closedAfter: (days: Count) => `après ${days.text} ${days.one ? 'jour' : 'jours'}`,
    lapsed: 'Caduque',
    legislatureEnd: (legislature: number, date?: string) =>
      `fin de la ${legislature}${legislature === 1 ? 're' : 'e'} législature${date ? ` (${date})` : ''}`,
    converted: 'Transformée en question orale',
    lapseTwoYear: (date: string) => `règle des deux ans (${date})`,
    lapseCollective: (date: string) => `caducité collective du ${date}`,
    announced: (date: string) => `réponse annoncée pour le ${date}`,
    unknown: 'Statut inconnu',
    badgeAssistive: 'Vigie, statut de la question :',
    timelinePublished: 'Publiée au JO',
    timelineDue: 'Échéance',
    timelineSignaled: 'Signalée',
    timelineSignalDue: (date: string) => `réponse due le ${date}`,
    timelineAnnounced: 'Réponse annoncée',
    closureInferred: 'déduite du calendrier des législatures',
    closureInferredSenate: 'date déduite des règles de caducité du Sénat',
    transmittedTo: (ministry: string) => `Transmise au ${ministry}`,
    recalls: (number: string) => `Question de rappel de la question n° ${number}`,
    convertedLink: 'Voir la question orale',
    timelineReassigned: "Changement d'attribution",
    timelineRenewed: 'Renouvelée',
    timelineAnswered: 'Réponse publiée',
    timelineClosed: 'Clôture',
    ministryAsked: 'Ministère interrogé',
    ministryAnswering: 'Ministère répondant',
    ministryChange: (asked: string, answering: string) => `${asked} → ${answering}`,
    onAn: 'Voir sur assemblee-nationale.fr',
    onNosdeputes: 'Voir sur NosDéputés.fr',
    anOnly: 'Pas de page NosDéputés pour cette législature',
    deputyOnAn: 'Fiche Assemblée nationale',
    deputyOnNosdeputes: 'Fiche NosDéputés',
    onSenat: 'Voir sur senat.fr',
    onNossenateurs: 'Voir sur NosSénateurs.fr (archive)',
    senatOnly: 'Pas de page NosSénateurs à cette date (archive close en mars 2023)',
    senatorOnSenat: 'Fiche Sénat',
    senatorOnNossenateurs: 'Fiche NosSénateurs',
    mandateSince: (date: string) => `en mandat depuis le ${date}`,
    mandateSpan: (start: string, end: string) => `mandat du ${start} au ${end}`,
    cardTitle: 'Vigie',
    unknownHelp: 'Vigie n’a pas pu lire le statut de cette page avec certitude.',
    watch: 'Suivre',
    watching: 'Suivie',
    watchHelp: 'Être prévenu par Vigie quand le statut de cette question change',
    watchedFinal: 'Suivie, mais close : Vigie ne la vérifiera plus.',
    watchedAnswered: 'Suivie, mais déjà répondue : Vigie ne la vérifiera plus.',
    watchError: 'Vigie n’a pas pu enregistrer ce suivi. Réessayez.',
  },
  en: {
    answeredIn: (days: Count) => `Answered in ${days.text} ${days.one ? 'day' : 'days'}`,
    answeredSameDay: 'Answered the same day',
    answered: 'Answered',
    lateSuffix: (days: Count) => ` (${days.text} ${days.one ? 'day' : 'days'} late)`,
    overdue: 'Overdue',
    overdueBy: (days: Count) => `Overdue by ${days.text} ${days.one ? 'day' : 'days'}`,
    pendingUntil: (date: string) => `Pending — due ${date}`,
    pending: 'Pending',
    signaledDue: (date: string) => `Signalled — answer due ${date}`,
    signaledLate: (days: Count) => `Signalled — overdue by ${days.text} ${days.one ? 'day' : 'days'}`,
    closed: 'Closed without answer',
    closedAfter: (days: Count) => `after ${days.text} ${days.one ? 'day' : 'days'}`,
    lapsed: 'Lapsed',
    legislatureEnd: (legislature: number, date?: string) =>
      `end of the ${legislature}${englishOrdinal(legislature)} legislature${date ? ` (${date})` : ''}`,
    converted: 'Converted into an oral question',
    lapseTwoYear: (date: string) => `two-year rule (${date})`,
    lapseCollective: (date: string) => `collective lapse of ${date}`,
    announced: (date: string) => `answer announced for ${date}`,
    unknown: 'Status unknown',
    badgeAssistive: 'Vigie, question status:',
    timelinePublished: 'Published in the JO',
    timelineDue: 'Due',
    timelineSignaled: 'Signalled',
    timelineSignalDue: (date: string) => `answer due ${date}`,
    timelineAnnounced: 'Answer announced',
    closureInferred: 'inferred from the calendar of legislatures',
    closureInferredSenate: "date inferred from the Sénat's lapse rules",
    transmittedTo: (ministry: string) => `Transmitted to the ${ministry}`,
    recalls: (number: string) => `Reminder of question no. ${number}`,
    convertedLink: 'See the oral question',
    timelineReassigned: 'Reassigned',
    timelineRenewed: 'Renewed',
    timelineAnswered: 'Answer published',
    timelineClosed: 'Closed',
    ministryAsked: 'Ministry asked',
    ministryAnswering: 'Ministry answering',
    ministryChange: (asked: string, answering: string) => `${asked} → ${answering}`,
    onAn: 'See on assemblee-nationale.fr',
    onNosdeputes: 'See on NosDéputés.fr',
    anOnly: 'No NosDéputés page for this legislature',
    deputyOnAn: 'Assemblée nationale profile',
    deputyOnNosdeputes: 'NosDéputés profile',
    onSenat: 'See on senat.fr',
    onNossenateurs: 'See on NosSénateurs.fr (archive)',
    senatOnly: 'No NosSénateurs page at this date (archive closed in March 2023)',
    senatorOnSenat: 'Sénat profile',
    senatorOnNossenateurs: 'NosSénateurs profile',
    mandateSince: (date: string) => `in office since ${date}`,
    mandateSpan: (start: string, end: string) => `in office ${start} – ${end}`,
    cardTitle: 'Vigie',
    unknownHelp: 'Vigie could not read this page’s status with certainty.',
    watch: 'Watch',
    watching: 'Watching',
    watchHelp: 'Get notified by Vigie when this question’s status changes',
    watchedFinal: 'Watching, but closed: Vigie will not check it again.',
    watchedAnswered: 'Watching, but already answered: Vigie will not check it again.',
    watchError: 'Vigie could not save this watch. Please try again.',
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['fr'];
