/** Reading fixtures through parsePage, shared by the site parsers' tests. */
import { expect } from 'vitest';
import { type Deputy, type Question } from '../../lib/model';
import { parsePage, type ListItem, type PageParse } from '../../lib/sites';
import { documentFromHtml, fixtureDocument, type DomImplementation } from './dom';

/** The day every parser test computes its statuses for. */
export const TODAY = '2026-11-29';

export function parseFixture(name: string, url: string, dom: DomImplementation): PageParse {
  return parsePage(fixtureDocument(name, dom, url), url);
}

export function parseText(html: string, url: string, dom: DomImplementation): PageParse {
  return parsePage(documentFromHtml(html, dom, url), url);
}

/** `html` with `from` replaced after the fixture's header comment; fails when nothing matched. */
export function edit(html: string, from: string | RegExp, to: string): string {
  const start = html.indexOf('-->') + 3;
  const body = html.slice(start).replace(from, to);
  expect(body, `no match for ${from}`).not.toBe(html.slice(start));
  return html.slice(0, start) + body;
}

export function questionOf(page: PageParse): Question {
  if (page.kind !== 'question') throw new Error(`Expected a question, got ${page.kind}`);
  return page.question;
}

export function itemsOf(page: PageParse): ListItem[] {
  if (page.kind !== 'question-list') throw new Error(`Expected a question list, got ${page.kind}`);
  return page.items;
}

export function deputyOf(page: PageParse): Deputy {
  if (page.kind !== 'deputy') throw new Error(`Expected a deputy, got ${page.kind}`);
  return page.deputy;
}
