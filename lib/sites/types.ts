import type { Deputy, Question, QuestionRef } from '../model';

export const PAGE_KINDS = [
  'nosdeputes-question',
  'nosdeputes-deputy-questions',
  'nosdeputes-search',
  'nosdeputes-deputy',
  'nosdeputes-new-deputy-questions',
  'an-question',
  'an-old-question',
  'an-deputy-questions',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface ListItem {
  ref: QuestionRef;
  /** Where the item's badge belongs: the item's title. */
  element: Element;
}

export type PageParse =
  | { kind: 'question'; question: Question }
  | { kind: 'question-list'; items: ListItem[] }
  | { kind: 'deputy'; deputy: Deputy }
  | { kind: 'other' };

export const OTHER: PageParse = Object.freeze({ kind: 'other' });

/** One kind of page on one site: a pure URL test and a pure DOM reader. */
export interface PageDefinition {
  kind: PageKind;
  detect(url: URL): boolean;
  parse(doc: Document, url: URL): PageParse;
}
