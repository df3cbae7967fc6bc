/**
 * The interface's words, French first. Not `_locales` message files: the options page lets a
 * user pick a language other than the browser's, which `browser.i18n` cannot do; `_locales`
 * still carries the extension's name and description for the stores.
 */
import type { IsoDate } from './dates';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French unless the browser speaks English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export interface Formatters {
  lang: Language;
  date(date: IsoDate): string;
  number(value: number): string;
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function formatters(lang: Language): Formatters {
  if (!dateFormats.has(lang)) {
    dateFormats.set(lang, new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    numberFormats.set(lang, new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB'));
  }
  return {
    lang,
    date: (date) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return dateFormats.get(lang)!.format(new Date(Date.UTC(y, m - 1, d)));
    },
    number: (value) => numberFormats.get(lang)!.format(value),
  };
}

export const MESSAGES = {
  fr: {
    answeredIn: (days: string) => `Répondue en ${days} jours`,
    answeredInOne: 'Répondue en 1 jour',
    answeredSameDay: 'Répondue le jour même',
    answered: 'Répondue',
    lateSuffix: (days: string) => ` (${days} j de retard)`,
    overdueBy: (days: string) => `En retard de ${days} jours`,
    overdueByOne: 'En retard de 1 jour',
    pendingUntil: (date: string) => `En attente — échéance le ${date}`,
    pending: 'En attente',
    signaledDue: (date: string) => `Signalée — réponse due le ${date}`,
    signaledLate: (days: string) => `Signalée — en retard de ${days} jours`,
    closed: 'Close sans réponse',
    closedAfter: (days: string) => `après ${days} jours`,
    unknown: 'Statut inconnu',
    badgeAssistive: 'Vigie, statut de la question :',
    timelinePublished: 'Publiée au JO',
    timelineDue: 'Échéance',
    timelineSignaled: 'Signalée',
    timelineReassigned: "Changement d'attribution",
    timelineRenewed: 'Renouvelée',
    timelineAnswered: 'Réponse publiée',
    timelineClosed: 'Clôture',
    daysOpen: (days: string) => `${days} jours`,
    ministryAsked: 'Ministère interrogé',
    ministryAnswering: 'Ministère répondant',
    ministryChange: (asked: string, answering: string) => `${asked} → ${answering}`,
    onAn: 'Voir sur assemblee-nationale.fr',
    onNosdeputes: 'Voir sur NosDéputés.fr',
    anOnly: 'Pas de page NosDéputés pour cette législature',
    deputyOnAn: 'Fiche Assemblée nationale',
    deputyOnNosdeputes: 'Fiche NosDéputés',
    mandateSince: (date: string) => `en mandat depuis le ${date}`,
    mandateSpan: (start: string, end: string) => `mandat du ${start} au ${end}`,
    cardTitle: 'Vigie',
    unknownHelp: 'Vigie n’a pas pu lire le statut de cette page avec certitude.',
  },
  en: {
    answeredIn: (days: string) => `Answered in ${days} days`,
    answeredInOne: 'Answered in 1 day',
    answeredSameDay: 'Answered the same day',
    answered: 'Answered',
    lateSuffix: (days: string) => ` (${days} days late)`,
    overdueBy: (days: string) => `Overdue by ${days} days`,
    overdueByOne: 'Overdue by 1 day',
    pendingUntil: (date: string) => `Pending — due ${date}`,
    pending: 'Pending',
    signaledDue: (date: string) => `Signalled — answer due ${date}`,
    signaledLate: (days: string) => `Signalled — overdue by ${days} days`,
    closed: 'Closed without answer',
    closedAfter: (days: string) => `after ${days} days`,
    unknown: 'Status unknown',
    badgeAssistive: 'Vigie, question status:',
    timelinePublished: 'Published in the JO',
    timelineDue: 'Due',
    timelineSignaled: 'Signalled',
    timelineReassigned: 'Reassigned',
    timelineRenewed: 'Renewed',
    timelineAnswered: 'Answer published',
    timelineClosed: 'Closed',
    daysOpen: (days: string) => `${days} days`,
    ministryAsked: 'Ministry asked',
    ministryAnswering: 'Ministry answering',
    ministryChange: (asked: string, answering: string) => `${asked} → ${answering}`,
    onAn: 'See on assemblee-nationale.fr',
    onNosdeputes: 'See on NosDéputés.fr',
    anOnly: 'No NosDéputés page for this legislature',
    deputyOnAn: 'Assemblée nationale profile',
    deputyOnNosdeputes: 'NosDéputés profile',
    mandateSince: (date: string) => `in office since ${date}`,
    mandateSpan: (start: string, end: string) => `in office ${start} – ${end}`,
    cardTitle: 'Vigie',
    unknownHelp: 'Vigie could not read this page’s status with certainty.',
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['fr'];
