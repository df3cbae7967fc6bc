/**
 * Plain text of an issue's fields. Texts come three ways (docs/reference/dila.md): plain, with
 * HTML elements inside the XML, or with HTML escaped or wrapped in CDATA (the Senate's legacy
 * `TexteQ` « HTML inside »). Whichever it is, Vigie keeps paragraphs as lines and never markup.
 */
import { Parser } from 'htmlparser2';
import { cleanText } from '../../text';
import { type XmlElement, type XmlNode } from './xml';

const BLOCK_ELEMENTS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'hr',
]);
/** U+2029 stands for a block boundary until the text is cut into paragraphs. */
const BREAK = '\u2029';
/** Markup or an HTML entity still in the character data: the text is escaped HTML. */
const ESCAPED_HTML = /<[A-Za-z/!]|&(?:#\d+|#x[\dA-Fa-f]+|[A-Za-z][A-Za-z\d]*);/;

interface Flattened {
  text: string;
  hasBlocks: boolean;
}

function flattenXml(node: XmlNode, out: string[]): boolean {
  if (typeof node === 'string') {
    out.push(node);
    return false;
  }
  const block = BLOCK_ELEMENTS.has(node.name.toLowerCase());
  if (block) out.push(BREAK);
  let hasBlocks = block;
  for (const child of node.children) hasBlocks = flattenXml(child, out) || hasBlocks;
  if (block) out.push(BREAK);
  return hasBlocks;
}

/** htmlparser2's tokenizer, not a DOM: a DOM per text cost 0.3 ms each, ten times as much. */
function flattenHtml(html: string): Flattened {
  const out: string[] = [];
  let hasBlocks = false;
  const onBlock = (name: string) => {
    if (BLOCK_ELEMENTS.has(name)) {
      out.push(BREAK);
      hasBlocks = true;
    }
  };
  const parser = new Parser({ ontext: (text) => out.push(text), onopentag: onBlock, onclosetag: onBlock });
  parser.end(html);
  return { text: out.join(''), hasBlocks };
}

function flatten(element: XmlElement): Flattened {
  const only = element.children.length === 1 ? element.children[0] : undefined;
  // Most fields are a single run of text, with nothing to walk.
  let flat: Flattened;
  if (typeof only === 'string') flat = { text: only, hasBlocks: false };
  else {
    const out: string[] = [];
    flat = { hasBlocks: flattenXml(element, out), text: out.join('') };
  }
  if (!ESCAPED_HTML.test(flat.text)) return flat;
  const html = flattenHtml(flat.text);
  return { text: html.text, hasBlocks: flat.hasBlocks || html.hasBlocks };
}

/**
 * The paragraphs of a field. Where markup marks the blocks, line breaks in the source are mere
 * wrapping; in a text without markup they are the only paragraph marks there are.
 */
export function paragraphsOf(element: XmlElement | undefined): string[] {
  if (!element) return [];
  const flat = flatten(element);
  // An XML parser turns every line ending into \n: no \r is left to split on.
  return flat.text
    .split(flat.hasBlocks ? BREAK : '\n')
    .map(cleanText)
    .filter(Boolean);
}

/** A one-line field (number, date, name, title): its text on one line, or nothing when empty. */
export function lineOf(element: XmlElement | undefined): string | undefined {
  // Paragraph marks, BREAK included, are whitespace: they collapse into spaces.
  return (element && cleanText(flatten(element).text)) || undefined;
}
