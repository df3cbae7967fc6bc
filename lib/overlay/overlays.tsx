/**
 * Mounts Vigie's overlays on a parsed page and keeps them in step with it: one card under a
 * question's title, one badge per list item, one card on a deputy's page.
 */
import { render, type VNode } from 'preact';
import { DeputyCard } from '../../components/DeputyCard';
import { ListBadge } from '../../components/ListBadge';
import { QuestionCard, type Source } from '../../components/QuestionCard';
import { OVERLAY_CSS } from '../../components/styles';
import type { IsoDate } from '../dates';
import type { Language } from '../i18n';
import { detectPage, parsePage, type PageKind, type PageParse } from '../pages';
import { questionStatus, refStatus } from '../status';
import { deputyAnchor, questionAnchor } from './anchors';
import { createHost, placeHost } from './hosts';

export interface OverlayEnv {
  lang: Language;
  today: IsoDate;
}

interface Mounted {
  key: string;
  host: HTMLElement;
  anchor: Element;
}

interface Planned {
  key: string;
  anchor: Element;
  attributes: Record<string, string>;
  inline: boolean;
  place: (host: HTMLElement) => void;
  view: VNode;
}

function sourceOf(kind: PageKind): Source {
  return kind.startsWith('an-') ? 'an' : 'nosdeputes';
}

function plan(doc: Document, kind: PageKind, page: PageParse, env: OverlayEnv): Planned[] {
  switch (page.kind) {
    case 'question': {
      const { question } = page;
      const status = questionStatus(question, env.today);
      const anchor = questionAnchor(doc, kind);
      if (!anchor) return [];
      return [{
        key: `question:${question.id}:${status.state}`,
        anchor,
        attributes: { 'data-vigie-id': question.id, 'data-vigie-state': status.state },
        inline: false,
        place: (host) => anchor.after(host),
        view: <QuestionCard question={question} status={status} lang={env.lang} source={sourceOf(kind)} />,
      }];
    }
    case 'question-list':
      return page.items.map(({ ref, element }) => {
        const status = refStatus(ref, env.today);
        return {
          key: `item:${ref.id}:${status.state}`,
          anchor: element,
          attributes: { 'data-vigie-id': ref.id, 'data-vigie-state': status.state },
          inline: true,
          place: (host) => placeHost(element, host),
          view: <ListBadge status={status} lang={env.lang} />,
        };
      });
    case 'deputy': {
      const anchor = deputyAnchor(doc);
      if (!anchor) return [];
      const { deputy } = page;
      return [{
        key: `deputy:${deputy.slug ?? deputy.name}`,
        anchor,
        attributes: { 'data-vigie-deputy': deputy.slug ?? deputy.anId ?? deputy.name },
        inline: false,
        place: (host) => anchor.after(host),
        view: <DeputyCard deputy={deputy} lang={env.lang} />,
      }];
    }
    case 'other':
      return [];
  }
}

export class Overlays {
  private mounted: Mounted[] = [];
  private url: string | undefined;

  constructor(private readonly doc: Document) {}

  /**
   * Brings the overlays in line with the page at `url`: mounts what is missing, drops what no
   * longer matches. Idempotent, so SPA pages can call it after every change.
   */
  sync(url: string, env: OverlayEnv): void {
    if (url !== this.url) {
      this.clear();
      this.url = url;
    }
    const kind = detectPage(url);
    const planned = kind ? plan(this.doc, kind, parsePage(this.doc, url), env) : [];
    const wanted = new Map(planned.map((p) => [p.key, p]));
    this.mounted = this.mounted.filter((m) => {
      const keep = wanted.get(m.key)?.anchor === m.anchor && m.host.isConnected;
      if (!keep) this.unmount(m);
      return keep;
    });
    const present = new Set(this.mounted.map((m) => m.key));
    // Build every host off-document first, then insert them in one pass: no layout in between.
    const built = planned.filter((p) => !present.has(p.key)).map((p) => {
      const { host, root } = createHost(this.doc, { attributes: p.attributes, css: OVERLAY_CSS, inline: p.inline });
      render(p.view, root);
      return { p, host };
    });
    for (const { p, host } of built) {
      p.place(host);
      this.mounted.push({ key: p.key, host, anchor: p.anchor });
    }
  }

  clear(): void {
    for (const m of this.mounted) this.unmount(m);
    this.mounted = [];
  }

  get count(): number {
    return this.mounted.length;
  }

  private unmount(m: Mounted): void {
    if (m.host.shadowRoot) render(null, m.host.shadowRoot);
    m.host.remove();
  }
}

