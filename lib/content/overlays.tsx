/**
 * Mounts Vigie's overlays on a parsed page and keeps them in step with it: one card under a
 * question's title, one badge per list item, one card on a deputy's page. What the background
 * knows (watches, deputy facts) arrives later as `OverlayState` and is re-rendered in place.
 */
import { render, type VNode } from 'preact';
import { DeputyCard } from '../../components/DeputyCard';
import { ListBadge } from '../../components/ListBadge';
import { QuestionCard } from '../../components/QuestionCard';
import { OVERLAY_CSS } from '../../components/styles';
import { type WatchProps } from '../../components/WatchButton';
import { type IsoDate } from '../dates';
import { type Language } from '../i18n';
import { type DeputyFacts, type Question, type QuestionRef } from '../model';
import { pageAt, parsePage, type PageParse, type SitePage } from '../sites';
import { questionStatus, refStatus } from '../status';
import { createHost, placeHost } from './hosts';

export interface OverlayEnv {
  lang: Language;
  today: IsoDate;
  /** The user may turn Vigie off for a site (by site id). */
  enabled?: (siteId: string) => boolean;
}

/** A question the user can watch, with the snapshot the background will keep. */
export interface WatchTarget {
  id: string;
  question?: Question;
  ref?: QuestionRef;
}

/** A deputy whose facts the page lacks. */
export interface DeputyLookup {
  key: string;
  slug?: string;
  anId?: string;
  legislature: number;
  questionId?: string;
}

export interface OverlayState {
  /** Watched question ids; absent until the background has answered. */
  watched?: ReadonlySet<string>;
  busy: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  deputies: ReadonlyMap<string, DeputyFacts>;
  toggle(target: WatchTarget, watched: boolean): void;
}

interface Mounted {
  key: string;
  host: HTMLElement;
  /** Closed: `host.shadowRoot` is null, to the page and to us. */
  root: ShadowRoot;
  anchor: Element;
  target?: WatchTarget;
  lookup?: DeputyLookup;
  view: (state: OverlayState) => VNode;
}

type Planned = Omit<Mounted, 'host' | 'root'> & {
  attributes: Record<string, string>;
  inline: boolean;
  place: (host: HTMLElement) => void;
};

function watchProps(state: OverlayState, target: WatchTarget): WatchProps | undefined {
  if (!state.watched) return undefined;
  const watched = state.watched.has(target.id);
  return {
    watched,
    busy: state.busy.has(target.id),
    error: state.failed.has(target.id),
    onToggle: () => state.toggle(target, !watched),
  };
}

/** Only what the page does not say already is worth a request. */
function authorLookup(question: Question): DeputyLookup | undefined {
  const { author, legislature } = question;
  if (author.group && author.constituency) return undefined;
  if (author.slug && legislature <= 16) return { key: `nd:${legislature}:${author.slug}`, slug: author.slug, legislature };
  return { key: `an:${question.id}`, anId: author.anId, legislature, questionId: question.id };
}

function plan(doc: Document, definition: SitePage, page: PageParse, env: OverlayEnv): Planned[] {
  switch (page.kind) {
    case 'question': {
      const { question } = page;
      const status = questionStatus(question, env.today);
      const anchor = definition.anchor?.(doc);
      if (!anchor) return [];
      const target = { id: question.id, question };
      const lookup = authorLookup(question);
      return [
        {
          key: `question:${question.id}:${status.state}`,
          anchor,
          target,
          lookup,
          attributes: { 'data-vigie-id': question.id, 'data-vigie-state': status.state },
          inline: false,
          place: (host) => anchor.after(host),
          view: (state) => (
            <QuestionCard
              question={question}
              status={status}
              lang={env.lang}
              source={definition.site.publisher}
              watch={watchProps(state, target)}
              authorFacts={lookup && state.deputies.get(lookup.key)}
            />
          ),
        },
      ];
    }
    case 'question-list':
      return page.items.map(({ ref, element }) => {
        const status = refStatus(ref, env.today);
        const target = { id: ref.id, ref };
        return {
          key: `item:${ref.id}:${status.state}`,
          anchor: element,
          target,
          attributes: { 'data-vigie-id': ref.id, 'data-vigie-state': status.state },
          inline: true,
          place: (host) => placeHost(element, host),
          view: (state) => <ListBadge status={status} lang={env.lang} watch={watchProps(state, target)} />,
        };
      });
    case 'deputy': {
      const anchor = definition.anchor?.(doc);
      if (!anchor) return [];
      const { deputy } = page;
      return [
        {
          key: `deputy:${deputy.slug ?? deputy.name}`,
          anchor,
          attributes: { 'data-vigie-deputy': deputy.slug ?? deputy.anId ?? deputy.name },
          inline: false,
          place: (host) => anchor.after(host),
          view: () => <DeputyCard deputy={deputy} lang={env.lang} />,
        },
      ];
    }
    case 'other':
      return [];
  }
}

/** Overlays inserted per idle callback, once those near the viewport are in. */
const PENDING_CHUNK = 100;

/**
 * Overlays whose anchor lies within a screen of the viewport, and the others. Where nothing is laid
 * out (a DOM without layout), every anchor reads as near.
 */
function nearViewport(doc: Document, planned: Planned[]): { near: Planned[]; far: Planned[] } {
  const screen = doc.defaultView?.innerHeight ?? 0;
  const near: Planned[] = [];
  const far: Planned[] = [];
  for (const p of planned) {
    const { top, bottom } = p.anchor.getBoundingClientRect();
    (top < 2 * screen && bottom > -screen) || (!top && !bottom) ? near.push(p) : far.push(p);
  }
  return { near, far };
}

export const EMPTY_STATE: OverlayState = {
  busy: new Set(),
  failed: new Set(),
  deputies: new Map(),
  toggle: () => undefined,
};

export class Overlays {
  private mounted: Mounted[] = [];
  /** Planned overlays far from the viewport, inserted when the page is idle. */
  private pending: Planned[] = [];
  private scheduled = false;
  private url: string | undefined;
  private state: OverlayState = EMPTY_STATE;

  constructor(private readonly doc: Document) {}

  /**
   * Brings the overlays in line with the page at `url`: mounts what is missing, drops what no
   * longer matches. Idempotent, so SPA pages can call it after every change. Returns whether
   * anything was mounted.
   */
  sync(url: string, env: OverlayEnv): boolean {
    if (url !== this.url) {
      this.clear();
      this.url = url;
    }
    const definition = pageAt(url);
    const planned =
      definition && (env.enabled?.(definition.site.id) ?? true) ? plan(this.doc, definition, parsePage(this.doc, url), env) : [];
    const wanted = new Map(planned.map((p) => [p.key, p]));
    this.mounted = this.mounted.filter((m) => {
      const keep = wanted.get(m.key)?.anchor === m.anchor && m.host.isConnected;
      if (!keep) this.unmount(m);
      return keep;
    });
    this.pending = this.pending.filter((p) => wanted.get(p.key)?.anchor === p.anchor);
    const present = new Set([...this.mounted, ...this.pending].map((m) => m.key));
    const missing = planned.filter((p) => !present.has(p.key));
    // Near the viewport first, in this task; the rest in idle-time chunks, so that a long list
    // paints its first badges at once and still gets every badge (find-in-page, screen readers).
    const nearFirst = nearViewport(this.doc, missing);
    this.insert(nearFirst.near);
    this.pending.push(...nearFirst.far);
    this.schedulePending();
    return missing.length > 0;
  }

  /** Builds every host off-document first, then inserts them in one pass: no layout in between. */
  private insert(planned: Planned[]): void {
    const built = planned.map(({ attributes, inline, place, ...p }) => {
      const { host, root } = createHost(this.doc, { attributes, css: OVERLAY_CSS, inline });
      render(p.view(this.state), root);
      return { mounted: { ...p, host, root }, place };
    });
    for (const { mounted, place } of built) {
      place(mounted.host);
      this.mounted.push(mounted);
    }
  }

  private schedulePending(): void {
    if (this.scheduled || !this.pending.length) return;
    const view = this.doc.defaultView;
    const later = (run: () => void) => (view?.requestIdleCallback ? view.requestIdleCallback(run, { timeout: 200 }) : setTimeout(run, 0));
    this.scheduled = true;
    later(() => {
      this.scheduled = false;
      const chunk = this.pending.splice(0, PENDING_CHUNK).filter((p) => p.anchor.isConnected);
      this.insert(chunk);
      this.schedulePending();
    });
  }

  /** Re-renders every overlay with what is now known. */
  update(state: OverlayState): void {
    this.state = state;
    for (const m of this.mounted) render(m.view(state), m.root);
  }

  /** Every question with an overlay, including those still waiting for an idle moment. */
  targets(): WatchTarget[] {
    return [...this.mounted, ...this.pending].flatMap((m) => (m.target ? [m.target] : []));
  }

  lookups(): DeputyLookup[] {
    return this.mounted.flatMap((m) => (m.lookup ? [m.lookup] : []));
  }

  clear(): void {
    for (const m of this.mounted) this.unmount(m);
    this.mounted = [];
    this.pending = [];
  }

  get count(): number {
    return this.mounted.length;
  }

  private unmount(m: Mounted): void {
    render(null, m.root);
    m.host.remove();
  }
}
