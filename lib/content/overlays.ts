/**
 * Mounts Vigie's overlays on a parsed page and keeps them in step with it: one card under a
 * question's title, one badge per list item, one card on a deputy's page. What the background
 * knows (watches, deputy facts) arrives later as `OverlayState` and is re-rendered in place.
 */
import { LIST_CSS, OVERLAY_CSS } from '../../components/styles';
import { type FollowChamber } from '../follows/chambers';
import { deputyKey, type DeputyIdentity } from '../follows/identity';
import { type DeputyState } from '../follows/messages';
import { ministryKey, type MinistryTarget } from '../follows/ministry';
import { type IsoDate } from '../dates';
import { type Language } from '../i18n';
import { type DeputyFacts, type Question, type QuestionChamber, type QuestionRef } from '../model';
import { type SitePage, type SiteReader } from '../sites/reader';
import { type PageParse } from '../sites/types';
import { questionStatus, refStatus } from '../status';
import { deputyCard } from './card/deputy-card';
import { type DeputyFollowSlot, type MinistryFollowSlot, type WatchProps } from './card/props';
import { questionCard } from './card/question-card';
import { createHost, placeHost } from './hosts';
import { listBadge } from './list-badge';

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
  /** The background could not say which questions are watched: no toggle is offered. */
  watchesUnavailable?: boolean;
  /** Nor who is followed: no follow button is offered. */
  followsUnavailable?: boolean;
  busy: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  deputies: ReadonlyMap<string, DeputyFacts>;
  toggle(target: WatchTarget, watched: boolean): void;
  /** Followed deputies and their records, by `deputyKey`; absent until the background has answered. */
  follows?: FollowOverlayState;
}

export interface FollowOverlayState {
  states: ReadonlyMap<string, DeputyState>;
  /** Whether each ministry title is followed in its chamber, by `ministryKey`. */
  ministries: ReadonlyMap<string, boolean>;
  busy: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  /** Records being read, and those whose reading failed. */
  sweeping: ReadonlySet<string>;
  sweepFailed: ReadonlySet<string>;
  toggle(identity: DeputyIdentity, follow: boolean): void;
  toggleMinistry(target: MinistryTarget, follow: boolean): void;
  askRecord(identity: DeputyIdentity): void;
}

/** What the overlays offer to follow: people, and ministries from question cards. */
export interface FollowTargets {
  identities: DeputyIdentity[];
  ministries: MinistryTarget[];
}

interface Mounted {
  key: string;
  host: HTMLElement;
  /** Closed: `host.shadowRoot` is null, to the page and to us. */
  root: ShadowRoot;
  anchor: Element;
  target?: WatchTarget;
  lookup?: DeputyLookup;
  /** The deputy or senator whose follow button the overlay shows. */
  deputy?: DeputyIdentity;
  /** The ministry whose follow button a question card shows. */
  ministry?: MinistryTarget;
  painter: Painter;
}

/** Draws an overlay into its shadow root, again whenever the state changes, and takes it out. */
interface Painter {
  paint(state: OverlayState): void;
  dispose(): void;
}

type Planned = Omit<Mounted, 'host' | 'root' | 'painter'> & {
  attributes: Record<string, string>;
  inline: boolean;
  place: (host: HTMLElement) => void;
  draw: (root: ShadowRoot) => Painter;
};

/** A plain-DOM view (a card, a list badge), drawn once and updated in place with what each paint says. */
const withView =
  <Input>(make: (doc: Document) => { element: HTMLElement; update(input: Input): void }, input: (state: OverlayState) => Input) =>
  (root: ShadowRoot): Painter => {
    const view = make(root.ownerDocument);
    root.append(view.element);
    return {
      paint: (state) => view.update(input(state)),
      dispose: () => view.element.remove(),
    };
  };

/** Before the background answers, a disabled toggle holds the place; none if it cannot answer. */
function watchProps(state: OverlayState, target: WatchTarget): WatchProps | undefined {
  if (state.watchesUnavailable) return undefined;
  if (!state.watched) return { watched: false, busy: false, pending: true, onToggle: () => undefined };
  const watched = state.watched.has(target.id);
  return {
    watched,
    busy: state.busy.has(target.id),
    error: state.failed.has(target.id),
    onToggle: () => state.toggle(target, !watched),
  };
}

/** Before the background answers, a disabled follow button holds the place; none if it cannot answer. */
const PENDING_FOLLOW = { followed: false, busy: false, pending: true, onToggle: () => undefined };

function followSlot(state: OverlayState, identity: DeputyIdentity | undefined): DeputyFollowSlot | undefined {
  const follows = state.follows;
  const key = identity && deputyKey(identity);
  if (identity && key && !follows && !state.followsUnavailable) return { follow: PENDING_FOLLOW };
  const known = key && follows?.states.get(key);
  if (!identity || !key || !follows || !known) return undefined;
  return {
    follow: {
      followed: known.followed,
      busy: follows.busy.has(key),
      error: follows.failed.has(key),
      onToggle: () => follows.toggle(identity, !known.followed),
    },
    // The record is the Assemblée's (a sweep of a deputy's list): a senator has none, and no button for one.
    ...(identity.chamber === 'AN'
      ? {
          record: {
            record: known.record,
            busy: follows.sweeping.has(key),
            failed: follows.sweepFailed.has(key),
            onAsk: identity.anId ? () => follows.askRecord(identity) : undefined,
          },
        }
      : {}),
  };
}

function ministrySlot(state: OverlayState, target: MinistryTarget | undefined): MinistryFollowSlot | undefined {
  const follows = state.follows;
  const key = target && ministryKey(target);
  if (target && key !== undefined && !follows && !state.followsUnavailable)
    return { title: target.title, chamber: target.chamber, ...PENDING_FOLLOW };
  const followed = key === undefined ? undefined : follows?.ministries.get(key);
  if (!target || !key || !follows || followed === undefined) return undefined;
  return {
    title: target.title,
    chamber: target.chamber,
    followed,
    busy: follows.busy.has(key),
    error: follows.failed.has(key),
    onToggle: () => follows.toggleMinistry(target, !followed),
  };
}

/** The question's chamber as follows name it. */
function followChamber(chamber: QuestionChamber): FollowChamber {
  return chamber === 'SEN' ? 'SENAT' : 'AN';
}

/** The author of a question as a follow knows them: their number confirms the JO's name matches. */
function authorIdentity(question: Question): DeputyIdentity {
  const { author, legislature } = question;
  return {
    chamber: followChamber(question.chamber),
    legislature,
    name: author.name,
    ...(author.anId ? { anId: author.anId } : {}),
    ...(author.slug ? { slug: author.slug } : {}),
    ...(author.senatSlug ? { senatSlug: author.senatSlug } : {}),
    numbers: question.type === 'QE' ? [question.number] : [],
  };
}

/** The ministry a question was asked of, as its page prints it: what « Suivre ce ministère » follows. */
function ministryTarget(question: Question): MinistryTarget | undefined {
  const title = question.ministry ?? question.answeringMinistry;
  return title ? { chamber: followChamber(question.chamber), title: title.slice(0, 300) } : undefined;
}

/** Only what the page does not say already is worth a request. */
function authorLookup(question: Question): DeputyLookup | undefined {
  const { author, legislature } = question;
  // A senator's group and department are on the question's own line; the lookups are the Assemblée's.
  if (question.chamber === 'SEN') return undefined;
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
      const deputy = authorIdentity(question);
      const ministry = ministryTarget(question);
      return [
        {
          key: `question:${question.id}:${status.state}`,
          anchor,
          target,
          lookup,
          deputy,
          ministry,
          attributes: { 'data-vigie-id': question.id, 'data-vigie-state': status.state },
          inline: false,
          place: (host) => anchor.after(host),
          draw: withView(
            (doc) => questionCard(doc, { question, status, lang: env.lang, source: definition.site.publisher }),
            (state) => ({
              watch: watchProps(state, target),
              authorFacts: lookup && state.deputies.get(lookup.key),
              follow: followSlot(state, deputy),
              ministryFollow: ministrySlot(state, ministry),
            }),
          ),
        },
      ];
    }
    case 'question-list': {
      const items: Planned[] = page.items.map(({ ref, element }) => {
        const status = refStatus(ref, env.today);
        const target = { id: ref.id, ref };
        return {
          key: `item:${ref.id}:${status.state}`,
          anchor: element,
          target,
          attributes: { 'data-vigie-id': ref.id, 'data-vigie-state': status.state },
          inline: true,
          place: (host) => placeHost(element, host),
          draw: withView(
            (doc) => listBadge(doc, status, env.lang),
            (state) => watchProps(state, target),
          ),
        };
      });
      const owner = page.owner;
      if (!owner) return items;
      const chamber = definition.site.chamber;
      const deputy: DeputyIdentity = {
        chamber: followChamber(chamber),
        legislature: owner.legislature,
        name: owner.name,
        ...(owner.anId ? { anId: owner.anId } : {}),
        ...(owner.slug ? { slug: owner.slug } : {}),
        numbers: page.items.filter(({ ref }) => ref.type === 'QE' && ref.legislature === owner.legislature).map(({ ref }) => ref.number),
      };
      const facts = { name: owner.name, ...(owner.anId ? { anId: owner.anId } : {}), ...(owner.slug ? { slug: owner.slug } : {}) };
      return [
        {
          key: `owner:${deputyKey(deputy)}`,
          anchor: owner.element,
          deputy,
          attributes: { 'data-vigie-deputy': deputyKey(deputy) },
          inline: false,
          place: (host) => owner.element.after(host),
          draw: withView(
            (doc) => deputyCard(doc, { ...facts, legislature: owner.legislature }, env.lang, chamber),
            (state) => followSlot(state, deputy),
          ),
        },
        ...items,
      ];
    }
    case 'deputy': {
      const anchor = definition.anchor?.(doc);
      if (!anchor) return [];
      const { deputy } = page;
      const identity: DeputyIdentity | undefined =
        deputy.legislature === undefined
          ? undefined
          : {
              chamber: 'AN',
              legislature: deputy.legislature,
              name: deputy.name,
              ...(deputy.anId ? { anId: deputy.anId } : {}),
              ...(deputy.slug ? { slug: deputy.slug } : {}),
            };
      return [
        {
          key: `deputy:${deputy.slug ?? deputy.name}`,
          anchor,
          deputy: identity,
          attributes: { 'data-vigie-deputy': deputy.slug ?? deputy.anId ?? deputy.name },
          inline: false,
          place: (host) => anchor.after(host),
          draw: withView(
            (doc) => deputyCard(doc, deputy, env.lang),
            (state) => followSlot(state, identity),
          ),
        },
      ];
    }
    case 'other':
      return [];
  }
}

/** Overlays built per idle callback, once those near the viewport are in. */
const PENDING_CHUNK = 100;

/**
 * Overlays whose anchor lies within a screen of the viewport, and the others. Where nothing is laid
 * out (a DOM without layout), every anchor reads as near; so does a single overlay, which need not
 * make the page lay itself out to be placed.
 */
function nearViewport(doc: Document, planned: Planned[]): { near: Planned[]; far: Planned[] } {
  if (planned.length < 2) return { near: planned, far: [] };
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

interface Built {
  mounted: Mounted;
  place: (host: HTMLElement) => void;
}

export class Overlays {
  private mounted: Mounted[] = [];
  /** Planned overlays far from the viewport, built when the page is idle. */
  private pending: Planned[] = [];
  /** Those built already, put in the page together once the last is built. */
  private staged: Built[] = [];
  private scheduled = false;
  private url: string | undefined;
  private state: OverlayState = EMPTY_STATE;

  constructor(
    private readonly doc: Document,
    private readonly sites: SiteReader,
  ) {}

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
    const definition = this.sites.pageAt(url);
    const planned =
      definition && (env.enabled?.(definition.site.id) ?? true) ? plan(this.doc, definition, this.sites.parsePage(this.doc, url), env) : [];
    const wanted = new Map(planned.map((p) => [p.key, p]));
    this.mounted = this.mounted.filter((m) => {
      const keep = wanted.get(m.key)?.anchor === m.anchor && m.host.isConnected;
      if (!keep) this.unmount(m);
      return keep;
    });
    this.pending = this.pending.filter((p) => wanted.get(p.key)?.anchor === p.anchor);
    this.staged = this.staged.filter(({ mounted }) => {
      const keep = wanted.get(mounted.key)?.anchor === mounted.anchor;
      if (!keep) mounted.painter.dispose();
      return keep;
    });
    const present = new Set([...this.mounted, ...this.pending, ...this.staged.map((b) => b.mounted)].map((m) => m.key));
    const missing = planned.filter((p) => !present.has(p.key));
    // Near the viewport first, in this task; the rest built in idle-time chunks and put in the page
    // together, so that a long list paints its first badges at once, is laid out twice in all, and
    // still gets every badge (find-in-page, screen readers).
    const nearFirst = nearViewport(this.doc, missing);
    this.place(nearFirst.near.map((p) => this.build(p)));
    this.pending.push(...nearFirst.far);
    this.schedulePending();
    return missing.length > 0;
  }

  /** A host and its overlay, drawn off-document: nothing is laid out until it is placed. */
  private build({ attributes, inline, place, draw, ...p }: Planned): Built {
    // List badges adopt a sheet of their own rules only: hundreds of shadow roots each match it.
    const { host, root } = createHost(this.doc, { attributes, css: inline ? LIST_CSS : OVERLAY_CSS, inline });
    const painter = draw(root);
    painter.paint(this.state);
    return { mounted: { ...p, host, root, painter }, place };
  }

  /** Inserts built overlays in one pass: no layout in between. */
  private place(built: Built[]): void {
    for (const { mounted, place } of built) {
      if (!mounted.anchor.isConnected) {
        mounted.painter.dispose();
        continue;
      }
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
      this.staged.push(...this.pending.splice(0, PENDING_CHUNK).map((p) => this.build(p)));
      if (this.pending.length) this.schedulePending();
      else this.place(this.staged.splice(0));
    });
  }

  /** Re-renders every overlay with what is now known. */
  update(state: OverlayState): void {
    this.state = state;
    for (const m of this.mounted) m.painter.paint(state);
    for (const { mounted } of this.staged) mounted.painter.paint(state);
  }

  /**
   * Every overlay, including those still waiting for an idle moment: the states are asked once, at
   * sync, for all of them (a list's owner card may be among those far below the viewport).
   */
  private all(): Omit<Mounted, 'host' | 'root' | 'painter'>[] {
    return [...this.mounted, ...this.pending, ...this.staged.map((b) => b.mounted)];
  }

  /** Every question with an overlay. */
  targets(): WatchTarget[] {
    return this.all().flatMap((m) => (m.target ? [m.target] : []));
  }

  /** The people and the ministries the overlays offer to follow. */
  followTargets(): FollowTargets {
    const all = this.all();
    return {
      identities: all.flatMap((m) => (m.deputy ? [m.deputy] : [])),
      ministries: all.flatMap((m) => (m.ministry ? [m.ministry] : [])),
    };
  }

  lookups(): DeputyLookup[] {
    return this.all().flatMap((m) => (m.lookup ? [m.lookup] : []));
  }

  clear(): void {
    for (const m of this.mounted) this.unmount(m);
    for (const { mounted } of this.staged) mounted.painter.dispose();
    this.mounted = [];
    this.pending = [];
    this.staged = [];
  }

  get count(): number {
    return this.mounted.length;
  }

  private unmount(m: Mounted): void {
    m.painter.dispose();
    m.host.remove();
  }
}
