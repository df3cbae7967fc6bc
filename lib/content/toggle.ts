/**
 * The page's toggles as plain DOM: « Suivre » on a list item and a card, « Suivre ce député / ce
 * sénateur / ce ministère ». A real `<button aria-pressed>`, drawn disabled until the background
 * answers, then updated in place: the same button through every state, so keyboard focus stays.
 *
 * Only the user acts: a real click, or Enter / Space on the focused button, which the browser turns
 * into a trusted click. A page script that reaches the button and calls `click()` or dispatches a
 * click gets an untrusted event, and nothing happens.
 */
import { MESSAGES, type Language } from '../i18n';
import { FOLLOW_OVERLAY_MESSAGES } from '../follows/overlay-words';
import { isFinal, type QuestionState } from '../status';
import { element, setAttribute, setChildren, setText } from './dom';

export interface ToggleProps {
  pressed: boolean;
  busy: boolean;
  error?: boolean;
  /** Shown, disabled, until the background says: the layout stays put. */
  pending?: boolean;
  onToggle: () => void;
}

/** What a toggle says and how it is styled. */
export interface ToggleKind {
  wrapperClass: string;
  buttonClass: string;
  help: string;
  /** Mark and words, not pressed then pressed. */
  marks: readonly [string, string];
  words: readonly [string, string];
  error: string;
  /** A remark shown next to the button while pressed. */
  pressedNote?: string;
}

export function watchToggle(lang: Language, state?: QuestionState, explain = false): ToggleKind {
  const t = MESSAGES[lang];
  return {
    wrapperClass: 'watch',
    buttonClass: 'watch__button',
    help: t.watchHelp,
    marks: ['☆', '★'],
    words: [t.watch, t.watching],
    error: t.watchError,
    // A finished question is not checked again: the card says so next to its toggle.
    pressedNote: explain && state && isFinal(state) ? (state === 'answered' ? t.watchedAnswered : t.watchedFinal) : undefined,
  };
}

/** Who or what a follow button follows: its words say so. */
export type FollowSubject = 'deputy' | 'senator' | 'ministry';

export function followToggle(lang: Language, subject: FollowSubject, help?: string): ToggleKind {
  const t = FOLLOW_OVERLAY_MESSAGES[lang];
  const words = {
    deputy: [t.follow, t.following],
    senator: [t.followSenator, t.followingSenator],
    ministry: [t.followMinistry, t.followingMinistry],
  } as const;
  return {
    wrapperClass: 'watch follow',
    buttonClass: `watch__button follow__button follow__button--${subject}`,
    help: help ?? t.followHelp,
    marks: ['○', '●'],
    words: words[subject],
    error: t.followError,
  };
}

/** The toggle's markup before the background answers: disabled, not pressed. Clone it freely. */
export function toggleMarkup(doc: Document, kind: ToggleKind): HTMLElement {
  const button = element(
    doc,
    'button',
    { type: 'button', class: kind.buttonClass, 'aria-pressed': 'false', title: kind.help, disabled: '' },
    element(doc, 'span', { 'aria-hidden': 'true', class: 'watch__mark' }, kind.marks[0]),
    ` ${kind.words[0]}`,
  );
  return element(doc, 'span', { class: kind.wrapperClass }, button);
}

export interface ToggleView {
  element: HTMLElement;
  update(props: ToggleProps): void;
}

/** Brings a toggle made by `toggleMarkup` to life. */
export function bindToggle(wrapper: HTMLElement, kind: ToggleKind): ToggleView {
  const doc = wrapper.ownerDocument;
  const button = wrapper.firstElementChild as HTMLButtonElement;
  const mark = button.firstChild!;
  const words = button.lastChild!;
  let current: ToggleProps | undefined;
  let note: HTMLElement | undefined;
  let error: HTMLElement | undefined;
  button.addEventListener('click', (event) => {
    if (event.isTrusted && current && !current.busy && !current.pending) current.onToggle();
  });
  return {
    element: wrapper,
    update(props) {
      current = props;
      const pressed = Number(props.pressed);
      if (button.disabled !== !!props.pending) button.disabled = !!props.pending;
      setAttribute(button, 'aria-pressed', String(props.pressed));
      setAttribute(button, 'aria-busy', props.busy ? 'true' : undefined);
      setText(mark, kind.marks[pressed]!);
      setText(words, ` ${kind.words[pressed]}`);
      const showNote = props.pressed && kind.pressedNote;
      if (showNote) note ??= element(doc, 'span', { class: 'watch__note' }, kind.pressedNote!);
      if (props.error) error ??= element(doc, 'span', { class: 'watch__error', role: 'alert' }, kind.error);
      setChildren(wrapper, [button, ...(showNote && note ? [note] : []), ...(props.error && error ? [error] : [])]);
    },
  };
}

export function toggleView(doc: Document, kind: ToggleKind): ToggleView {
  return bindToggle(toggleMarkup(doc, kind), kind);
}
