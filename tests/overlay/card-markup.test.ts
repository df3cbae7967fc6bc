// @vitest-environment happy-dom
/**
 * The cards are plain DOM for speed; these tests hold them to the markup the Preact components
 * drew for the same inputs (tests/fixtures/overlays/markup.json, recorded from components/ at
 * 2071c66), so that the overlay's CSS applies unchanged: the same elements, classes, attributes and
 * words, in every state, both languages, each chamber and publisher. Each card is drawn once and
 * taken through the states in turn: updating in place must end where a fresh card would.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deputyCard } from '../../lib/content/card/deputy-card';
import { questionCard } from '../../lib/content/card/question-card';
import { listBadge } from '../../lib/content/list-badge';
import { questionStatus } from '../../lib/status';
import { canonical } from '../helpers/markup';
import { cardStates, DEPUTIES, LANGUAGES, LIST_STATES, LIST_WATCHES, QUESTIONS, TODAY } from '../helpers/overlay-cases';
import { STATUSES } from '../helpers/statuses';

// A path, not `new URL()`: under happy-dom the global URL is not Node's.
const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/overlays/markup.json');
const RECORDED: Record<string, string> = JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('the cards’ markup is the components’', () => {
  const seen = new Set<string>();
  const expectRecorded = (key: string, element: Element) => {
    seen.add(key);
    expect(RECORDED[key], key).toBeDefined();
    expect(canonical(element), key).toBe(RECORDED[key]);
  };

  for (const lang of LANGUAGES) {
    for (const [name, { question, sources }] of Object.entries(QUESTIONS)) {
      const status = questionStatus(question, TODAY);
      for (const source of sources) {
        it(`question card: ${name} on ${source} (${lang})`, () => {
          const states = cardStates(question.chamber, question.ministry ?? question.answeringMinistry);
          const card = questionCard(document, { question, status, lang, source });
          for (const [stateName, state] of states) {
            card.update(state);
            expectRecorded(`question ${name} on ${source}, ${stateName} (${lang})`, card.element);
            const fresh = questionCard(document, { question, status, lang, source });
            fresh.update(state);
            expect(canonical(fresh.element)).toBe(canonical(card.element));
          }
        });
      }
    }
    for (const [name, { deputy, chamber }] of Object.entries(DEPUTIES)) {
      it(`deputy card: ${name} (${lang})`, () => {
        const card = deputyCard(document, deputy, lang, chamber);
        for (const [stateName, state] of cardStates(chamber ?? 'AN', undefined)) {
          card.update(state.follow);
          expectRecorded(`deputy ${name}, ${stateName} (${lang})`, card.element);
        }
      });
    }
    for (const state of LIST_STATES) {
      it(`list item: ${state} (${lang})`, () => {
        const view = listBadge(document, STATUSES[state], lang);
        for (const [watchName, watch] of Object.entries(LIST_WATCHES)) {
          view.update(watch);
          expectRecorded(`list item ${state}, ${watchName} (${lang})`, view.element);
        }
      });
    }
  }

  it('covers every recorded case', () => {
    expect([...Object.keys(RECORDED)].filter((key) => !seen.has(key))).toEqual([]);
  });
});
