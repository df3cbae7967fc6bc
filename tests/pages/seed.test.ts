/**
 * The page Vigie started from: the visible text of the real NosDéputés page for 15/QE/19189
 * (tests/fixtures/seed-15-QE-19189.txt). The reconstructed fixture must show the same words,
 * so that what the parser is tested on is what a reader saw.
 */
import { describe, expect, it } from 'vitest';
import { questionStatus } from '../../lib/status';
import { textLines } from '../../lib/text';
import { DOM_IMPLEMENTATIONS, fixtureDocument, fixtureText } from '../helpers/dom';
import { parseFixture, questionOf, TODAY } from '../helpers/pages';

const URL = 'https://2017-2022.nosdeputes.fr/15/question/QE/19189';
const seed = fixtureText('seed-15-QE-19189.txt')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
/** The seed is a text rendering: images show as their alt text, which is not page text. */
const ALT_TEXTS = ["Photo issue du site de l'Assemblée nationale ou de Wikipedia", 'e-mail'];
/** textLines puts a space at inline boundaries ("… en cours ."); a reader sees none. */
const tidy = (line: string) => line.replace(/\s+([.,;:!?)])/g, '$1');

describe.each(DOM_IMPLEMENTATIONS)('the seed page (%s)', (dom) => {
  it('every label and status line of the real page is in the fixture (the question text is paraphrased)', () => {
    const fixtureLines = new Set(textLines(fixtureDocument('nosdeputes/q-retiree.html', dom, URL)).map(tidy));
    const labels = seed.filter((line) => line.length < 200 && !ALT_TEXTS.includes(line));
    expect(labels).toContain('Retirée le 21 juin 2022 (fin de mandat)');
    expect(labels.filter((line) => !fixtureLines.has(tidy(line)))).toEqual([]);
  });

  it('reads as closed at the end of the mandate, after 1 148 days', () => {
    const question = questionOf(parseFixture('nosdeputes/q-retiree.html', URL, dom));
    expect(questionStatus(question, TODAY)).toMatchObject({ state: 'closed', closedReason: 'fin de mandat', daysOpen: 1148 });
  });
});
