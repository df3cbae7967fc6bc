/**
 * How a follow compares the words of the Journal officiel with its own: a deputy's name and a
 * subject's words, accent-, case- and punctuation-insensitive. Pure and cheap: an issue of 2,000
 * entries is folded once per read (bench/follows.ts).
 */
import { foldAccents } from '../text';

/** Civilities the JO and the sites print before a name (dila.md: « Mme Corinne Vignon »). */
const CIVILITY = /^(?:m|mme|mlle|mr|monsieur|madame|mademoiselle)\b\.?\s*/;
/**
 * Particles that one source prints and another leaves out or runs together (« de », « d’ »):
 * dropped on both sides, so that « Marie de La Roche » and « Marie La Roche » compare equal.
 */
const PARTICLES = new Set(['de', 'du', 'des', 'd']);

/** Lower case, no accents, every run of other characters (hyphens, apostrophes, NBSP, dots) as one space. */
export function foldedWords(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A person's name as matching sees it: without civility, a trailing « (Ardèche) », accents,
 * case, hyphens and particles. « Mme Marie-Noëlle d’Estaing » → « marie noelle estaing ».
 */
export function normalisedName(name: string): string {
  const withoutPlace = name.replace(/\s*\([^)]*\)\s*$/, '');
  const lowered = foldAccents(withoutPlace).toLowerCase().trim().replace(CIVILITY, '');
  return lowered
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !PARTICLES.has(word))
    .join(' ');
}

/** The civility a name starts with, when it says one (to tell a homonym of the other sex apart). */
export function civilityOf(name: string): 'f' | 'm' | undefined {
  const m = /^\s*(mme|mlle|madame|mademoiselle|m|mr|monsieur)\b/i.exec(foldAccents(name));
  if (!m) return undefined;
  return /^m(?:r|onsieur)?$/i.test(m[1]!) ? 'm' : 'f';
}

/** The most words or phrases a subject follow holds. */
export const MAX_TERMS = 10;

/**
 * A subject as typed: words and "quoted phrases" (straight or French quotes), each folded. Every
 * term must appear, as whole words, for an entry to match. Empty when nothing is left to search.
 */
export function subjectTerms(query: string): string[] {
  const terms: string[] = [];
  const quoted = /["«“”»]([^"«“”»]*)["«“”»]?/g;
  const rest = query.replace(quoted, (_all, phrase: string) => {
    const folded = foldedWords(phrase);
    if (folded) terms.push(folded);
    return ' ';
  });
  for (const word of foldedWords(rest).split(' ')) if (word) terms.push(word);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** Text folded and padded, ready for `containsTerm`: `' ' + foldedWords(text) + ' '`. */
export function searchable(text: string): string {
  return ` ${foldedWords(text)} `;
}

/** Whether a folded term occurs as whole words in a `searchable` text. */
export function containsTerm(haystack: string, term: string): boolean {
  return haystack.includes(` ${term} `);
}
