/**
 * The status badge, wherever it shows: overlays, popup. Colours: every text/background pair is
 * ≥ 7:1; states also differ by icon and words.
 */
export const BADGE_CSS = `
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.badge { display: inline-flex; align-items: center; gap: .35em; padding: .2em .6em; border: 1px solid currentColor; border-radius: 999px; font-weight: 600; font-size: 13px; line-height: 1.3; white-space: normal; }
.badge--compact { font-size: 12px; padding: .1em .5em; }
.icon { flex: none; }
.badge--answered { color: #14532d; background: #dcfce7; }
.badge--pending { color: #1e3a8a; background: #dbeafe; }
.badge--overdue { color: #7f1d1d; background: #fee2e2; }
.badge--closed { color: #27272a; background: #f4f4f5; }
.badge--unknown { color: #3f3f46; background: #ffffff; border-style: dashed; }
`;

/**
 * Every overlay's host: page CSS stops at the shadow boundary, and ours starts from nothing but the
 * page's font family. Asking for system-ui made each page look up fonts it had not used (measured:
 * style, layout and paint 0.5× on a question page and 0.92× on a 500-item list with the page's own).
 */
const HOST_CSS = `
:host { all: initial !important; display: block !important; font: 13px/1.45 sans-serif !important; font-family: inherit !important; color: #1f2328 !important; }
:host([data-vigie-inline]) { display: inline-block !important; vertical-align: middle; margin-inline-start: .5em; }
* { box-sizing: border-box; }
button:focus-visible { outline: 2px solid #0b4fb3; outline-offset: 2px; border-radius: 3px; }
@media (prefers-reduced-motion: no-preference) { .badge { transition: background-color .15s; } }
`;

/** The watch toggle, in cards and list items. */
const WATCH_CSS = `
.list-item { display: inline-flex; align-items: center; gap: .4em; }
.watch { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .4em; }
.watch[hidden] { display: none; }
.watch__button { font: inherit; font-size: 12px; font-weight: 600; min-height: 24px; min-width: 24px; padding: .15em .7em; border: 1px solid #0b4fb3; border-radius: 999px; background: #ffffff; color: #0b4fb3; cursor: pointer; }
.watch__button[aria-pressed="true"] { background: #0b4fb3; color: #ffffff; }
.watch__button[aria-busy="true"] { cursor: progress; }
.watch__button:disabled { cursor: default; }
.watch__note { font-size: 12px; color: #4b5563; }
.watch__error { font-size: 12px; color: #7f1d1d; }
`;

/** A list item's badge: hundreds of shadow roots adopt it, so it holds their rules and no others. */
export const LIST_CSS = `${HOST_CSS}${BADGE_CSS}${WATCH_CSS}`;

/** One stylesheet for the cards (question, deputy), adopted by each of their shadow roots. */
export const OVERLAY_CSS = `${HOST_CSS}${BADGE_CSS}${WATCH_CSS}
.card { margin: .5em 0 1em; padding: .6em .8em; border: 1px solid #d0d7de; border-radius: 8px; background: #ffffff; max-width: 46em; }
.card > * + * { margin-top: .45em; }
.timeline { list-style: none; margin: .5em 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25em 1.2em; }
.timeline__label { color: #4b5563; }
.timeline time { font-weight: 600; }
.ministries, .links, .deputy { margin: 0; }
.deputy { display: flex; flex-wrap: wrap; gap: .2em .9em; align-items: baseline; }
.deputy__links { display: inline-flex; gap: .9em; }
.deputy__links a, .links a { display: inline-block; min-height: 24px; line-height: 24px; }
a { color: #0b4fb3; text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid #0b4fb3; outline-offset: 2px; border-radius: 3px; }
.muted { color: #4b5563; }
.record { display: block; font-size: 12px; margin: 0; flex-basis: 100%; }
.record__figures, .record__source { display: block; }
.record__source { color: #4b5563; }
.link-button { font: inherit; font-size: 12px; min-height: 24px; padding: 0; border: 0; background: none; color: #0b4fb3; text-decoration: underline; cursor: pointer; }
.card__head { display: flex; flex-wrap: wrap; align-items: center; gap: .5em; }
`;
