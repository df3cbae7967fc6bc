/** The few words the overlays need for follows, in both languages (the content script carries only these). */
import { type Count, type Language } from '../i18n';

export const FOLLOW_OVERLAY_MESSAGES = {
  fr: {
    follow: 'Suivre ce député',
    following: 'Député suivi',
    followSenator: 'Suivre ce sénateur',
    followingSenator: 'Sénateur suivi',
    ministryLine: 'Ministère',
    followMinistry: 'Suivre ce ministère',
    followingMinistry: 'Ministère suivi',
    followMinistryHelp: (chamber: string) =>
      `Les nouvelles questions à ce ministère et ses réponses (${chamber}), chaque semaine, d’après le Journal officiel, sans autre requête. D’autres intitulés du ministère s’ajoutent dans « Suivis ».`,
    chamberNames: { AN: 'Assemblée nationale', SENAT: 'Sénat' },
    followHelp: 'Ses nouvelles questions et les réponses qu’il reçoit, chaque semaine, d’après le Journal officiel, sans autre requête.',
    followError: 'Le suivi n’a pas pu être enregistré.',
    askRecord: 'Voir son bilan de questions écrites',
    askRecordHelp: (pages: string) => `Lit la liste de ses questions sur le site de l’Assemblée nationale (${pages}), une fois.`,
    askRecordPages: '10 questions par requête',
    recordBusy: 'Lecture de la liste de ses questions…',
    recordFailed: 'La liste de ses questions n’a pas pu être lue. Réessayez plus tard.',
    recordUnavailable: 'Bilan disponible depuis sa page sur le site de l’Assemblée nationale.',
    recordFigures: (asked: Count, answered: Count, inTime: Count, pending: Count, overdue: Count) =>
      `${asked.text} ${asked.one ? 'question écrite' : 'questions écrites'} dans la législature ; ${answered.text} ${answered.one ? 'répondue' : 'répondues'}, dont ${inTime.text} dans le délai ; ${pending.text} en attente et ${overdue.text} en retard aujourd’hui.`,
    recordDelay: (days: Count) => `Délai médian de réponse : ${days.text} ${days.one ? 'jour' : 'jours'}.`,
    recordSource: (swept: string, updated: string) =>
      `Source : liste de ses questions sur le site de l’Assemblée nationale, lue le ${swept} ; tenue à jour par le Journal officiel (${updated}).`,
  },
  en: {
    follow: 'Follow this deputy',
    following: 'Deputy followed',
    followSenator: 'Follow this senator',
    followingSenator: 'Senator followed',
    ministryLine: 'Ministry',
    followMinistry: 'Follow this ministry',
    followingMinistry: 'Ministry followed',
    followMinistryHelp: (chamber: string) =>
      `New questions to this ministry and its answers (${chamber}), weekly, from the Journal officiel, with no other request. More of the ministry’s titles can be added in “Follows”.`,
    chamberNames: { AN: 'Assemblée nationale', SENAT: 'Sénat' },
    followHelp: 'Their new questions and the answers they get, weekly, from the Journal officiel, with no other request.',
    followError: 'The follow could not be saved.',
    askRecord: 'See their written-question record',
    askRecordHelp: (pages: string) => `Reads the list of their questions on the Assemblée nationale’s site (${pages}), once.`,
    askRecordPages: '10 questions per request',
    recordBusy: 'Reading the list of their questions…',
    recordFailed: 'The list of their questions could not be read. Try again later.',
    recordUnavailable: 'Record available from their page on the Assemblée nationale’s site.',
    recordFigures: (asked: Count, answered: Count, inTime: Count, pending: Count, overdue: Count) =>
      `${asked.text} written ${asked.one ? 'question' : 'questions'} in the legislature; ${answered.text} answered, ${inTime.text} of them within the deadline; ${pending.text} pending and ${overdue.text} overdue today.`,
    recordDelay: (days: Count) => `Median time to answer: ${days.text} ${days.one ? 'day' : 'days'}.`,
    recordSource: (swept: string, updated: string) =>
      `Source: the list of their questions on the Assemblée nationale’s site, read on ${swept}; kept current from the Journal officiel (${updated}).`,
  },
} satisfies Record<Language, Record<string, unknown>>;
