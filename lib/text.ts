/**
 * Reading pages by their visible text. The sites' class names are utility classes that change
 * with every redesign; the labels a reader sees ("Rubrique :", "Question publiée le …") do not.
 */

const ACCENT_FOLDS: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ã: 'a',
  å: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  õ: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  œ: 'oe',
  æ: 'ae',
  À: 'A',
  Â: 'A',
  Ä: 'A',
  Á: 'A',
  Ç: 'C',
  É: 'E',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ö: 'O',
  Ù: 'U',
  Û: 'U',
  Ü: 'U',
  Œ: 'OE',
  Æ: 'AE',
};

/**
 * French text without its accents. A table rather than `normalize('NFD')`, whose Unicode data
 * costs a page several milliseconds to load the first time.
 */
export function foldAccents(text: string): string {
  // Combining accents (decomposed text) are dropped; precomposed letters are mapped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: every character past ASCII, from U+0000 on purpose
  return text.replace(/[^\u0000-\u007f]/g, (ch) => (ch >= '\u0300' && ch <= '\u036f' ? '' : (ACCENT_FOLDS[ch] ?? ch)));
}

/**
 * Runs of whitespace that are not already one plain space: rewriting only those keeps long texts
 * (a weekly issue's) cheap, where nearly every run is a single space. `\s` covers NBSP, U+202F and U+2009.
 */
const UNCLEAN_WHITESPACE = /[\s\u200b]{2,}|[^\S ]|\u200b/g;

/** Every run of whitespace, NBSP and zero-width space as one space, and none at the ends. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(UNCLEAN_WHITESPACE, ' ').trim();
}

export function textOf(node: Node | null | undefined): string {
  return cleanText(node?.textContent);
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BR',
  'BUTTON',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA']);

/** Our own overlay hosts: never read back what Vigie itself inserted. */
export const OVERLAY_ATTRIBUTE = 'data-vigie-host';

const TEXT_NODE = 3;

class ElementEnd {
  constructor(readonly block: boolean) {}
}
const BLOCK_END = new ElementEnd(true);
const INLINE_END = new ElementEnd(false);
const ELEMENT_NODE = 1;

/**
 * The visible text of `root` cut into lines the way a reader sees them: block elements and `<br>`
 * end a line, inline elements (links, spans) stay on it.
 */
export function textLines(root: ParentNode | null | undefined): string[] {
  const lines: string[] = [];
  if (!root) return lines;
  let current = '';
  const flush = () => {
    const line = cleanText(current);
    if (line) lines.push(line);
    current = '';
  };
  // A loop over an explicit stack, not recursion: fetched HTML nested thousands deep must not
  // exhaust the call stack (a closing marker ends each element once its children are read).
  const stack: (Node | ElementEnd)[] = [];
  const pushChildren = (node: Node) => {
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  // Start from the root element: linkedom links a document's doctype to nothing after it.
  pushChildren(((root as Document).documentElement ?? root) as Node);
  while (stack.length) {
    const item = stack.pop()!;
    if (item instanceof ElementEnd) {
      if (item.block) flush();
      else current += ' ';
    } else if (item.nodeType === TEXT_NODE) {
      current += item.nodeValue ?? '';
    } else if (item.nodeType === ELEMENT_NODE) {
      const element = item as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || element.hasAttribute(OVERLAY_ATTRIBUTE)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      else current += ' ';
      stack.push(block ? BLOCK_END : INLINE_END);
      pushChildren(element);
    }
  }
  flush();
  return lines;
}

/** A line that is itself "Label : value" or "Label >": never the value of the label before it. */
export const LABELLED_LINE = /^[^:>]{1,40}?\s?[:>](?:\s|$)/;

/**
 * The value written after a label, on the same line ("Rubrique : Santé") or, when the label
 * stands alone ("Date de cloture :"), on the next line unless that line is another label's
 * ("Rubrique :" left empty before "Ministère interrogé : Santé").
 */
export function valueAfterLabel(lines: readonly string[], label: RegExp): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = label.exec(lines[i]!);
    if (m?.index !== 0) continue;
    const rest = cleanText(lines[i]!.slice(m[0].length).replace(/^\s*[:>]\s*/, ''));
    if (rest) return rest;
    const next = lines[i + 1];
    return next && !LABELLED_LINE.test(next) ? next : undefined;
  }
  return undefined;
}

/** First match of `pattern` in any line. */
export function matchLine(lines: readonly string[], pattern: RegExp): RegExpExecArray | undefined {
  for (const line of lines) {
    const m = pattern.exec(line);
    if (m) return m;
  }
  return undefined;
}

/**
 * The innermost element under `root` whose whole text matches `pattern`: the heading that says
 * "Retirée le 21 juin 2022", whatever tag or class it wears.
 */
export function findByText(root: ParentNode, pattern: RegExp, selector = '*'): Element | undefined {
  let found: Element | undefined;
  for (const element of Array.from(root.querySelectorAll(selector))) {
    if (element.hasAttribute(OVERLAY_ATTRIBUTE) || !pattern.test(textOf(element))) continue;
    if (!found || found.contains(element)) found = element;
  }
  return found;
}

/** The text of the blocks that follow `heading` within its parent: a section's body. */
export function textAfter(heading: Element): string | undefined {
  const texts: string[] = [];
  for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.hasAttribute(OVERLAY_ATTRIBUTE) || SKIPPED_TAGS.has(el.tagName.toUpperCase())) continue;
    const text = textLines(el).join('\n');
    if (text) texts.push(text);
  }
  return texts.length ? texts.join('\n\n') : undefined;
}

export function stripTrailingParenthetical(text: string): string {
  return cleanText(text.replace(/\s*\([^()]*\)\s*$/, ''));
}

export function capitalized(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Every heading level, for readers that look for a title whatever its level. */
export const HEADINGS = 'h1,h2,h3,h4,h5,h6';

/** A constituency as the sites write it: « Finistère (3e circonscription) », « (1re circonscription) ». */
export function constituency(department: string, number: number): string {
  return `${cleanText(department)} (${number}${number === 1 ? 're' : 'e'} circonscription)`;
}
