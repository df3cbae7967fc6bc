/**
 * Sources that misbehave, for the reliability suites in both browsers (the reliability probe of issue 17): an
 * answer nested far deeper than any real one (D1), a record that redirects to a foreign host
 * serving a believable answer with CORS open (D4), a list item linking to that host (D8).
 */
import { questionId } from '../lib/model';
import { anQuestionRecord, anRecordPath } from './an-question';
import { json, type FixtureServer } from './server';

export const FOREIGN_HOST = 'evil.test';
export const DEEP = 5101;
export const HEALTHY = 5102;
export const REDIRECTED = 5103;
const PUBLISHED = '2025-01-14';
const ANSWERED = '2025-06-03';

/** Each question as a page showed it when the user watched it: pending, and overdue by now. */
export function watchedQuestion(number: number) {
  const id = questionId(17, 'QE', number);
  return {
    id,
    chamber: 'AN',
    legislature: 17,
    type: 'QE',
    number,
    author: { name: 'Mme Claire Exemple' },
    publishedOn: PUBLISHED,
    urls: { an: '' },
  };
}

/** A list item of the 16th legislature whose link points at the foreign host. */
export function foreignListItem() {
  const id = questionId(16, 'QE', 15230);
  return {
    id,
    legislature: 16,
    type: 'QE',
    number: 15230,
    url: `https://${FOREIGN_HOST}/16/question/QE/15230`,
    answered: false,
    closed: false,
    pending: true,
  };
}

function answeredRecord(number: number, text: string) {
  return anQuestionRecord({ number, publishedOn: PUBLISHED, answer: { on: ANSWERED, text } }) as {
    question: { textesReponse: { texteReponse: { texte: string } } };
  };
}

export function serveHostileSources(server: FixtureServer): void {
  const deep = answeredRecord(DEEP, 'x');
  deep.question.textesReponse.texteReponse.texte = `${'<div>'.repeat(20_000)}La ministre répond.${'</div>'.repeat(20_000)}`;
  server.routes.set(anRecordPath(DEEP), json(deep));
  server.routes.set(anRecordPath(HEALTHY), json(answeredRecord(HEALTHY, 'Les délais ont été réduits.')));
  server.routes.set(anRecordPath(REDIRECTED), { status: 302, headers: { location: `https://${FOREIGN_HOST}/rec.json` }, body: '' });
  server.routes.set(`${FOREIGN_HOST}/rec.json`, {
    status: 200,
    headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    body: JSON.stringify(answeredRecord(REDIRECTED, 'Une réponse qui ne vient pas de l’Assemblée.')),
  });
}
