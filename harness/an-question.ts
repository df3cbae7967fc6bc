/** A 17th-legislature written question on the Assemblée's side, as page and open-data record, pending or answered. */
import { formatters } from '../lib/i18n';

export interface AnQuestionState {
  number: number;
  publishedOn: string;
  answer?: { on: string; text: string };
  /** Closed without an answer (a withdrawal), with the Assemblée's label. */
  closure?: { on: string; label: string };
}

const uid = (number: number) => `QANR5L17QE${number}`;

export function anQuestionPage({ number, publishedOn, answer, closure }: AnQuestionState): string {
  const date = formatters('fr').date;
  const closed = closure && !answer ? `<p>Date de cloture : ${date(closure.on)} - ${closure.label}</p>` : '';
  const dates = answer
    ? `<p class="_bold">Dates :</p>
       <span class="_regular">Question publiée le <a class="link">${date(publishedOn)}</a></span>
       <span class="_regular">Réponse publiée le <a class="link">${date(answer.on)}</a></span>`
    : `<p class="_bold">Date :</p><span class="_regular">Question publiée le <a class="link">${date(publishedOn)}</a></span>`;
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Question n° ${number} : Délais de délivrance des titres d'identité - 17e législature - Assemblée nationale</title></head>
<body><main id="main"><div class="ha-grid"><section class="question-content">
<p>17ème législature</p><h1>Délais de délivrance des titres d'identité</h1>
<div class="question-auteur _colored-primary"><span class="_bold">Question de :</span>
<a class="link" href="https://www.assemblee-nationale.fr/dyn/deputes/PA999903">Mme Claire Exemple</a>
<span class="_regular">Cantal (1re circonscription) - Droite Républicaine</span></div>
<p class="_pa-small">Mme Claire Exemple attire l'attention de M. le ministre de l'intérieur sur les délais de délivrance des titres d'identité.</p>
</section><aside class="question-infos">
<p>Auteur : <span>Mme Claire Exemple</span></p><p>Type de question : <span>Question écrite</span></p>
<p>Rubrique : <span>Papiers d'identité</span></p><p>Ministère interrogé : <span>Intérieur</span></p>
<p id="blocMinistereAttributaire">Ministère répondant : <span>Intérieur</span></p>
<div class="question-dates">${dates}</div>${closed}</aside></div>
${answer ? `<section class="question-reponse _colored-ultralightgrey"><p class="_bold">Texte de la réponse</p><p class="_pa-small">${answer.text}</p></section>` : ''}
</main></body></html>`;
}

export function anQuestionRecord({ number, publishedOn, answer, closure }: AnQuestionState): unknown {
  const infoJO = (dateJO: string) => ({
    typeJO: 'JO_QUESTION',
    dateJO,
    pageJO: '100',
    numJO: '3',
    urlLegifrance: null,
    referenceNOR: null,
  });
  return {
    question: {
      '@xsi:type': 'QuestionEcrite_Type',
      uid: uid(number),
      identifiant: { numero: String(number), regime: '5eme Republique', legislature: '17' },
      type: 'QE',
      indexationAN: {
        rubrique: "papiers d'identité",
        teteAnalyse: null,
        analyses: { analyse: "Délais de délivrance des titres d'identité" },
      },
      auteur: {
        identite: { acteurRef: 'PA999903', mandatRef: 'PM999903' },
        groupe: { organeRef: 'PO1', abrege: 'DR', developpe: 'Droite Républicaine' },
      },
      minInt: { organeRef: 'PO2', abrege: 'Intérieur', developpe: "Ministère de l'intérieur" },
      minAttribs: {
        minAttrib: {
          infoJO: infoJO(publishedOn),
          denomination: { organeRef: 'PO2', abrege: 'Intérieur', developpe: "Ministère de l'intérieur" },
        },
      },
      textesQuestion: {
        texteQuestion: {
          infoJO: infoJO(publishedOn),
          texte: "Mme Claire Exemple attire l'attention de M. le ministre de l'intérieur.",
          erratum: null,
        },
      },
      textesReponse: answer ? { texteReponse: { infoJO: infoJO(answer.on), texte: `<p>${answer.text}</p>`, erratum: null } } : null,
      cloture: answer
        ? { codeCloture: 'REP_PUB', libelleCloture: 'Réponse publiée', dateCloture: answer.on, infoJO: infoJO(answer.on) }
        : closure
          ? { codeCloture: 'RET', libelleCloture: closure.label, dateCloture: closure.on, infoJO: null }
          : null,
      signalement: null,
      renouvellements: null,
    },
  };
}

export const anQuestionPath = (number: number) => `www.assemblee-nationale.fr/dyn/17/questions/${uid(number)}`;
export const anRecordPath = (number: number) => `www.assemblee-nationale.fr/dyn/opendata/${uid(number)}.json`;
export const anQuestionUrl = (number: number) => `https://${anQuestionPath(number)}`;
