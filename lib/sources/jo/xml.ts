/**
 * Streams an issue file through a strict XML parser and hands each entry of its
 * `<Section part="QE">` and `<Section part="REP">` over as a small element tree, one at a time.
 *
 * saxes rather than linkedom: linkedom's XML mode reads a file cut mid-element as a shorter valid
 * one (measured: 1,175 of 1,535 questions, no error), and building its DOM of a 5 MB file took
 * longer than the whole budget. saxes checks well-formedness as the XML specification defines it
 * and keeps only the entry being read in memory.
 */
import { SaxesParser } from 'saxes';
import { SECTION_PARTS, type SectionPart } from './schemas';

export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** Text (entities decoded, CDATA included) and elements, in document order. */
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface SectionVisitor {
  /** The document's root element, before any entry. */
  root(name: string, attributes: Readonly<Record<string, string>>): void;
  /** One child element of a section; `index` counts the entries of that part, from 0, across sections. */
  entry(part: SectionPart, index: number, entry: XmlElement): void;
}

export type SectionScan = { ok: true; sections: number } | { ok: false; detail: string };

/**
 * An undeclared entity leaves the text readable and cannot hide a cut: a producer that writes
 * HTML entities (`&nbsp;`) without declaring them should not cost a whole issue. The entity
 * stays as written, and the text reader decodes it as HTML. A bare `&` is not recovered from:
 * saxes then reads on as if in an entity.
 */
const RECOVERABLE = /^(?:\d+:\d+: )?undefined entity\.$/;

class MalformedXml extends Error {}

const isSectionPart = (value: string | undefined): value is SectionPart =>
  (SECTION_PARTS as readonly (string | undefined)[]).includes(value);

export function scanSections(xml: string, visitor: SectionVisitor): SectionScan {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const counts: Record<SectionPart, number> = { QE: 0, REP: 0 };
  let sections = 0;
  let depth = 0;
  let sawRoot = false;
  let part: SectionPart | undefined;
  let sectionDepth = 0;
  /** The open elements of the entry being read, outermost first. */
  const open: XmlElement[] = [];

  parser.on('opentag', (tag) => {
    depth++;
    if (!sawRoot) {
      sawRoot = true;
      visitor.root(tag.name, tag.attributes);
    }
    const inEntry = open.length > 0;
    if (inEntry || (part && depth === sectionDepth + 1)) {
      const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [] };
      if (inEntry) open[open.length - 1]!.children.push(element);
      open.push(element);
    } else if (!part && tag.name === 'Section' && isSectionPart(tag.attributes.part)) {
      part = tag.attributes.part;
      sectionDepth = depth;
      sections++;
    }
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element && open.length === 0) visitor.entry(part!, counts[part!]++, element);
    else if (!element && part && depth === sectionDepth) part = undefined;
    depth--;
  });
  const addText = (text: string) => {
    open[open.length - 1]?.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    if (!RECOVERABLE.test(error.message)) throw new MalformedXml(error.message);
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof MalformedXml) return { ok: false, detail: error.message };
    throw error;
  }
  return { ok: true, sections };
}

export function childElement(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}
