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

/** A word senat.fr prints in capitals for a surname (« DUPONT », « LA », « D'ESTAING »). */
const SURNAME_WORD = /^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+$/;
const SURNAME_PARTICLE = /^(?:de|du|des|d'|d’|le|la)$/i;

/**
 * A senator's name in the order the Senate JO prints it. senat.fr writes the surname first, in
 * capitals (« M. DUPONT Jean », « Mme de LA GONTRIE Marie-Pierre »), the JO and NosSénateurs the
 * first name first (« M. Jean Dupont »): the leading capitalised words (and their particles) move to
 * the end. A name that does not start with a surname in capitals is returned as it is.
 */
export function senatorNameInJoOrder(name: string): string {
  const civility = /^\s*(?:M\.|Mme|Mlle)\s+/.exec(name)?.[0] ?? '';
  const words = name.slice(civility.length).trim().split(/\s+/);
  let surname = 0;
  while (surname < words.length && (SURNAME_WORD.test(words[surname]!) || SURNAME_PARTICLE.test(words[surname]!))) surname++;
  const capitalised = words.slice(0, surname).some((word) => SURNAME_WORD.test(word));
  if (!capitalised || surname === words.length || surname === 0) return name;
  return `${civility}${[...words.slice(surname), ...words.slice(0, surname)].join(' ')}`;
}

/** The civility a name starts with, when it says one (to tell a homonym of the other sex apart). */
export function civilityOf(name: string): 'f' | 'm' | undefined {
  const m = /^\s*(mme|mlle|madame|mademoiselle|m|mr|monsieur)\b/i.exec(foldAccents(name));
  if (!m) return undefined;
  return /^m(?:r|onsieur)?$/i.test(m[1]!) ? 'm' : 'f';
}

/** A query's words folded as `searchable` folds the texts they are looked for in, spaces made single. */
function foldedTerm(text: string): string {
  return searchable(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
    const folded = foldedTerm(phrase);
    if (folded) terms.push(folded);
    return ' ';
  });
  for (const word of foldedTerm(rest).split(' ')) if (word) terms.push(word);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/**
 * Text ready for `containsTerm`: lower case, accents dropped, its punctuation and spaces left as
 * they are. Rewriting every run of them (nearly every space of an issue) cost far more than the
 * rest of matching; `containsTerm` skips them as it compares instead.
 */
export function searchable(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const isWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * Whether a term (`subjectTerms`: words joined by one space) occurs as whole words in a
 * `searchable` text, its words separated there by any run of other characters (spaces, NBSP,
 * hyphens, apostrophes).
 */
export function containsTerm(haystack: string, term: string): boolean {
  const words = term.split(' ');
  const first = words[0]!;
  for (let at = haystack.indexOf(first); at >= 0; at = haystack.indexOf(first, at + 1)) {
    if (at > 0 && isWordChar(haystack.charCodeAt(at - 1))) continue;
    let end = at + first.length;
    let whole = true;
    for (let w = 1; w < words.length && whole; w++) {
      const gap = end;
      while (end < haystack.length && !isWordChar(haystack.charCodeAt(end))) end++;
      whole = end > gap && haystack.startsWith(words[w]!, end);
      end += words[w]!.length;
    }
    if (whole && (end >= haystack.length || !isWordChar(haystack.charCodeAt(end)))) return true;
  }
  return false;
}
