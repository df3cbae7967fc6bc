import { type Language } from '../i18n';
import { questionRefSchema, validated, type Deputy, type Question, type QuestionChamber, type QuestionRef } from '../model';

export interface ListItem {
  ref: QuestionRef;
  /** Where the item's badge belongs: the item's title. */
  element: Element;
}

/** Whose list a page is, where it says so: « Suivre ce député » (or « ce sénateur ») goes beside `element`. */
export interface ListOwner {
  name: string;
  anId?: string;
  /** NosSénateurs' slug of a senator. */
  slug?: string;
  legislature: number;
  element: Element;
}

export type PageParse =
  | { kind: 'question'; question: Question }
  | { kind: 'question-list'; items: ListItem[]; owner?: ListOwner }
  | { kind: 'deputy'; deputy: Deputy }
  | { kind: 'other' };

export const OTHER: PageParse = Object.freeze({ kind: 'other' });

/** A list page's items as they are read: each question once, and only items that validate. */
export class ListReading {
  private readonly items: ListItem[] = [];
  private readonly ids = new Set<string>();

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(ref: QuestionRef, element: Element): void {
    const valid = validated(questionRefSchema, ref);
    if (!valid || this.ids.has(valid.id)) return;
    this.ids.add(valid.id);
    this.items.push({ ref: valid, element });
  }

  /** A list, or `OTHER` when no item could be read: not the page its URL promised. */
  result(owner?: (items: readonly ListItem[]) => ListOwner | undefined): PageParse {
    if (!this.items.length) return OTHER;
    const found = owner?.(this.items);
    return found ? { kind: 'question-list', items: this.items, owner: found } : { kind: 'question-list', items: this.items };
  }
}

/** One kind of page on one site: a pure URL test, a pure DOM reader, and where its overlay goes. */
export interface PageDefinition<Kind extends string = string> {
  kind: Kind;
  detect(url: URL): boolean;
  /** Never throws for a page that is not what its URL promises: it reads as `OTHER`. */
  parse(doc: Document, url: URL): PageParse;
  /**
   * Where the card of a question or a deputy page goes, right under the title the reader looks at.
   * List pages anchor each badge on its own item and need none (the conventions test checks which).
   */
  anchor?(doc: Document): Element | undefined;
  /**
   * Real URLs of this kind: the documentation of `detect` and the input of the conventions test,
   * which requires every other detector to refuse them.
   */
  examples: readonly string[];
}

/** Who publishes a page: a question card links to the other publisher's page of the same question. */
export type Publisher = 'an' | 'nosdeputes' | 'senat' | 'nossenateurs';

/** One website Vigie reads, described whole: everything else about sites is derived from these. */
export interface SiteDefinition<Id extends string = string, Kind extends string = string> {
  id: Id;
  /** The site as the options page names it, in every language. */
  name: Record<Language, string>;
  chamber: QuestionChamber;
  publisher: Publisher;
  /** Hosts its pages are served on: the content script's, and the test browsers' host maps. */
  hosts: readonly string[];
  /**
   * The hosts the background reads this site's pages from, where that is not every one of `hosts`:
   * the extension asks permission for these only (the content script needs none).
   */
  fetchedHosts?: readonly string[];
  /**
   * Where the content script runs (manifest match patterns), as narrow as the pages allow; over
   * `http:` too, where an old link leads and the site does not redirect.
   */
  matches: readonly string[];
  pages: readonly PageDefinition<Kind>[];
  /** A client-rendered app: overlays follow its navigation and re-renders. */
  isSinglePageApp?(doc: Document): boolean;
}

/** Keeps the literal id and kinds, so that `SiteId` and `PageKind` are unions the compiler checks. */
export function defineSite<const Id extends string, const Kind extends string>(site: SiteDefinition<Id, Kind>): SiteDefinition<Id, Kind> {
  return site;
}
