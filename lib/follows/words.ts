/**
 * Words of the follows in the popup, the options page and the notifications, in both languages
 * (the overlays' few words are in lib/follows/overlay-words.ts, to keep the content script small).
 */
import { type Count, type Language } from '../i18n';
import { FOLLOW_OVERLAY_MESSAGES } from './overlay-words';
import { type Follow } from './schemas';

export const FOLLOW_MESSAGES = {
  fr: {
    tabQuestions: 'Questions',
    tabFeed: 'Fil',
    tabFollows: 'Suivis',
    feedEmpty: 'Rien de nouveau pour vos suivis. Le Journal officiel paraît chaque semaine ; Vigie le lit sans rien demander de plus.',
    feedNewQuestion: 'Nouvelle question',
    feedAnswer: 'Réponse publiée',
    feedFor: (label: string) => `Suivi : ${label}`,
    matchAmbiguous: 'Homonyme : auteur à confirmer',
    matchName: 'Auteur reconnu par son nom',
    watchQuestion: 'Suivre cette question',
    watchingQuestion: 'Question suivie',
    questionLabel: (number: number, legislature: number) => `Question n° ${number} (${legislature}e législature)`,
    moreFeed: 'Plus ancien',
    followsEmpty:
      'Aucun suivi. Suivez un député ou un sénateur depuis sa page ou depuis une question, un ministère depuis une question ou ci-dessous, ou un sujet ci-dessous.',
    kindDeputy: 'Député',
    kindSenator: 'Sénateur',
    feedChamber: (chamber: string) => `Chambre : ${chamber}`,
    bothChambers: 'Les deux chambres',
    chamberScope: (chambers: string) => `Chambres : ${chambers}`,
    addTitle: 'Ajouter un intitulé',
    addTitleButton: 'Ajouter',
    kindMinistry: 'Ministère',
    kindSubject: 'Sujet',
    lastEvent: (date: string) => `dernier événement le ${date}`,
    noEvent: 'aucun événement encore',
    removeFollow: 'Ne plus suivre',
    removedFollow: (label: string) => `Suivi retiré : ${label}`,
    undo: 'Annuler',
    answersOnly: 'Réponses seulement',
    newQuestionsToo: 'Réponses et nouvelles questions',
    addMinistry: 'Suivre un ministère',
    ministryTitles: 'Intitulés du ministère au Journal officiel (un ou plusieurs)',
    noMinistryTitles: 'Vigie n’a pas encore lu de numéro du Journal officiel : les intitulés apparaîtront après la prochaine lecture.',
    addSubject: 'Suivre un sujet',
    subjectQuery: 'Mots ou « expressions entre guillemets »',
    subjectHelp:
      'Tous les mots doivent figurer, sans tenir compte des accents ni des majuscules, dans l’objet, le texte de la question ou celui de la réponse.',
    preview: 'Aperçu',
    previewResult: (matched: Count, entries: Count, issues: Count) =>
      `${matched.text} ${matched.one ? 'entrée correspond' : 'entrées correspondent'} sur ${entries.text} dans ${issues.text} ${issues.one ? 'dernier numéro lu' : 'derniers numéros lus'}.`,
    previewNothing: 'Aucun numéro du Journal officiel lu pour l’instant : pas d’aperçu possible.',
    save: 'Enregistrer le suivi',
    saved: 'Suivi enregistré.',
    chambers: 'Chambres',
    chamberNames: FOLLOW_OVERLAY_MESSAGES.fr.chamberNames,
    checkAll: 'Tout vérifier',
    actionFailed: 'L’action n’a pas abouti. Réessayez.',
    recordLine: (asked: Count, answered: Count, inTime: Count) =>
      `${asked.text} ${asked.one ? 'question écrite' : 'questions écrites'}, ${answered.text} ${answered.one ? 'répondue' : 'répondues'} (dont ${inTime.text} dans le délai)`,
    notifyDeputy: (answers: Count, questions: Count, label: string) =>
      answers.text !== '0' && questions.text !== '0'
        ? `${questions.text} ${questions.one ? 'nouvelle question' : 'nouvelles questions'} et ${answers.text} ${answers.one ? 'réponse' : 'réponses'} pour ${label}`
        : answers.text !== '0'
          ? `${answers.text} ${answers.one ? 'nouvelle réponse' : 'nouvelles réponses'} pour ${label}`
          : `${questions.text} ${questions.one ? 'nouvelle question' : 'nouvelles questions'} pour ${label}`,
    notifyChamberNumbers: (chamber: string, numbers: string) => `${chamber}, questions n° ${numbers}`,
    notifyFeedBody: (parts: string) => `${parts} — ouvrez le fil de Vigie.`,
    notifyFeedSummary: (n: Count) => `Du nouveau pour ${n.text} suivis`,
    notifyFeedSummaryBody: 'Ouvrez le fil de Vigie pour le détail.',
  },
  en: {
    tabQuestions: 'Questions',
    tabFeed: 'Feed',
    tabFollows: 'Follows',
    feedEmpty: 'Nothing new for your follows. The Journal officiel comes out weekly; Vigie reads it without asking for anything more.',
    feedNewQuestion: 'New question',
    feedAnswer: 'Answer published',
    feedFor: (label: string) => `Follow: ${label}`,
    matchAmbiguous: 'Namesake: author to be confirmed',
    matchName: 'Author recognised by name',
    watchQuestion: 'Watch this question',
    watchingQuestion: 'Question watched',
    questionLabel: (number: number, legislature: number) => `Question no. ${number} (legislature ${legislature})`,
    moreFeed: 'Older',
    followsEmpty:
      'No follows. Follow a deputy or a senator from their page or from a question, a ministry from a question or below, or a subject below.',
    kindDeputy: 'Deputy',
    kindSenator: 'Senator',
    feedChamber: (chamber: string) => `Chamber: ${chamber}`,
    bothChambers: 'Both chambers',
    chamberScope: (chambers: string) => `Chambers: ${chambers}`,
    addTitle: 'Add a title',
    addTitleButton: 'Add',
    kindMinistry: 'Ministry',
    kindSubject: 'Subject',
    lastEvent: (date: string) => `last event on ${date}`,
    noEvent: 'no event yet',
    removeFollow: 'Stop following',
    removedFollow: (label: string) => `Follow removed: ${label}`,
    undo: 'Undo',
    answersOnly: 'Answers only',
    newQuestionsToo: 'Answers and new questions',
    addMinistry: 'Follow a ministry',
    ministryTitles: 'The ministry’s titles in the Journal officiel (one or more)',
    noMinistryTitles: 'Vigie has not read an issue of the Journal officiel yet: the titles will appear after the next reading.',
    addSubject: 'Follow a subject',
    subjectQuery: 'Words or "quoted phrases"',
    subjectHelp: 'Every word must appear, regardless of accents and case, in the subject, the question’s text or the answer’s.',
    preview: 'Preview',
    previewResult: (matched: Count, entries: Count, issues: Count) =>
      `${matched.text} of ${entries.text} ${entries.one ? 'entry' : 'entries'} ${matched.one ? 'matches' : 'match'} in the last ${issues.text} ${issues.one ? 'issue' : 'issues'} read.`,
    previewNothing: 'No issue of the Journal officiel read yet: no preview possible.',
    save: 'Save the follow',
    saved: 'Follow saved.',
    chambers: 'Chambers',
    chamberNames: FOLLOW_OVERLAY_MESSAGES.en.chamberNames,
    checkAll: 'Check all',
    actionFailed: 'That did not work. Please try again.',
    recordLine: (asked: Count, answered: Count, inTime: Count) =>
      `${asked.text} written ${asked.one ? 'question' : 'questions'}, ${answered.text} answered (${inTime.text} within the deadline)`,
    notifyDeputy: (answers: Count, questions: Count, label: string) =>
      answers.text !== '0' && questions.text !== '0'
        ? `${questions.text} new ${questions.one ? 'question' : 'questions'} and ${answers.text} ${answers.one ? 'answer' : 'answers'} for ${label}`
        : answers.text !== '0'
          ? `${answers.text} new ${answers.one ? 'answer' : 'answers'} for ${label}`
          : `${questions.text} new ${questions.one ? 'question' : 'questions'} for ${label}`,
    notifyChamberNumbers: (chamber: string, numbers: string) => `${chamber}, questions no. ${numbers}`,
    notifyFeedBody: (parts: string) => `${parts} — open Vigie’s feed.`,
    notifyFeedSummary: (n: Count) => `News for ${n.text} follows`,
    notifyFeedSummaryBody: 'Open Vigie’s feed for details.',
  },
} satisfies Record<Language, Record<string, unknown>>;

/** How a follow is named: the deputy's name (a senator's with the Sénat), the ministry's first title, the subject in quotes. */
export function followLabel(follow: Follow, lang: Language): string {
  if (follow.kind === 'deputy')
    return follow.chamber === 'SENAT' ? `${follow.name} (${FOLLOW_MESSAGES[lang].chamberNames.SENAT})` : follow.name;
  if (follow.kind === 'ministry')
    return follow.titles.length > 1 ? `${follow.titles[0]} (+${follow.titles.length - 1})` : follow.titles[0]!;
  return lang === 'fr' ? `« ${follow.query} »` : `“${follow.query}”`;
}
