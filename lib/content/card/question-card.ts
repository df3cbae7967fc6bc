/**
 * The card under a question's title: badge and watch toggle, timeline, ministries, the author's
 * line, the other publisher's page. The question and its status are fixed for the card's life (a
 * new status is a new card); what the background says arrives through `update`.
 */
import { FOLLOW_OVERLAY_MESSAGES } from '../../follows/overlay-words';
import { formatters, MESSAGES, type Formatters, type Language, type Messages } from '../../i18n';
import { type DeputyFacts, type Question } from '../../model';
import { type Publisher } from '../../sites/types';
import { type QuestionStatus } from '../../status';
import { senatQuestionUrl } from '../../urls';
import { badgeTemplate, fillBadge } from '../badge';
import { element, setChildren, setText } from '../dom';
import { followToggle, type ToggleView, toggleView, watchToggle } from '../toggle';
import { personLine } from './person-line';
import { type DeputyFollowSlot, type MinistryFollowSlot, type WatchProps } from './props';

export interface QuestionCardProps {
  question: Question;
  status: QuestionStatus;
  lang: Language;
  /** The site the card sits on: it links to the other one. */
  source: Publisher;
}

export interface QuestionCardState {
  watch?: WatchProps;
  /** What the background learnt about the author, where the page says less. */
  authorFacts?: DeputyFacts;
  /** « Suivre ce député » and the record, on the author's line. */
  follow?: DeputyFollowSlot;
  /** « Suivre ce ministère », on the ministry's line. */
  ministryFollow?: MinistryFollowSlot;
}

interface Step {
  date: string;
  label: string;
  detail?: string;
}

/** The signalement's own deadline, and how late the answer came against it. */
function signalDetail(status: QuestionStatus, t: Messages, f: Formatters): string | undefined {
  if (!status.signalDueOn) return undefined;
  const late = status.signalDaysLate ? t.lateSuffix(f.count(status.signalDaysLate)) : '';
  return t.timelineSignalDue(f.date(status.signalDueOn)) + late;
}

function timeline(question: Question, status: QuestionStatus, t: Messages, f: Formatters): Step[] {
  const step = (date: string | undefined, label: string, detail?: string): Step | undefined => (date ? { date, label, detail } : undefined);
  const steps = [
    step(question.publishedOn, t.timelinePublished),
    step(question.reassignedOn, t.timelineReassigned),
    step(question.renewedOn, t.timelineRenewed),
    step(question.signaledOn, t.timelineSignaled, signalDetail(status, t, f)),
    step(status.dueOn, t.timelineDue),
    step(status.announcedOn, t.timelineAnnounced),
    status.state === 'answered' ? step(question.answeredOn, t.timelineAnswered) : undefined,
    status.state === 'closed'
      ? step(status.closedOn, t.timelineClosed, status.closedReason ?? (status.closureInferred ? t.closureInferred : undefined))
      : undefined,
  ];
  return (steps.filter(Boolean) as Step[]).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The other publisher's page of the same question, or why there is none. */
function otherPublisher(question: Question, source: Publisher, t: Messages): { url?: string; label?: string } {
  const { urls } = question;
  switch (source) {
    case 'an':
      return urls.nosdeputes ? { url: urls.nosdeputes, label: t.onNosdeputes } : { label: t.anOnly };
    case 'nosdeputes':
      return { url: urls.an, label: t.onAn };
    case 'senat':
      return urls.nossenateurs ? { url: urls.nossenateurs, label: t.onNossenateurs } : { label: t.senatOnly };
    case 'nossenateurs':
      return urls.senat ? { url: urls.senat, label: t.onSenat } : {};
  }
}

function linked(doc: Document, href: string | undefined, text: string): Node {
  return href ? element(doc, 'a', { href, rel: 'noopener' }, text) : doc.createTextNode(text);
}

/** The parts drawn once: they depend on the question only. */
function fixedParts(doc: Document, { question, status, lang, source }: QuestionCardProps) {
  const t = MESSAGES[lang];
  const f = formatters(lang);
  const steps = timeline(question, status, t, f);
  const { ministry: asked, answeringMinistry: answering, recalls, convertedTo, transmittedTo } = question;
  const other = otherPublisher(question, source, t);
  const ministries = (...children: (Node | string)[]) => element(doc, 'p', { class: 'ministries' }, ...children);
  return {
    timeline:
      steps.length > 0
        ? element(
            doc,
            'ol',
            { class: 'timeline' },
            ...steps.map((step) =>
              element(
                doc,
                'li',
                {},
                element(doc, 'span', { class: 'timeline__label' }, step.label),
                ' ',
                element(doc, 'time', { datetime: step.date }, f.date(step.date)),
                ...(step.detail ? [element(doc, 'span', { class: 'timeline__detail' }, ` — ${step.detail}`)] : []),
              ),
            ),
          )
        : undefined,
    ministryChange:
      asked && answering && asked !== answering
        ? ministries(
            element(doc, 'span', { class: 'visually-hidden' }, `${t.ministryAsked} / ${t.ministryAnswering} : `),
            t.ministryChange(asked, answering),
          )
        : undefined,
    transmitted: transmittedTo ? ministries(t.transmittedTo(transmittedTo)) : undefined,
    recalls: recalls
      ? ministries(
          linked(
            doc,
            recalls.senatReference && senatQuestionUrl(recalls.senatReference),
            t.recalls(String(recalls.number).padStart(5, '0')),
          ),
        )
      : undefined,
    converted: convertedTo ? ministries(linked(doc, senatQuestionUrl(convertedTo), t.convertedLink)) : undefined,
    links: element(
      doc,
      'p',
      { class: 'links' },
      ...(other.url
        ? [element(doc, 'a', { href: other.url, rel: 'noopener' }, other.label ?? '')]
        : other.label
          ? [element(doc, 'span', { class: 'muted' }, other.label)]
          : []),
    ),
  };
}

/** « Ministère : … » and its follow button. */
function ministryLine(doc: Document, lang: Language) {
  const words = FOLLOW_OVERLAY_MESSAGES[lang];
  const title = element(doc, 'span', { class: 'ministry-line__title' });
  let button: ToggleView | undefined;
  const line = element(doc, 'p', { class: 'ministries ministry-line' }, title, ' ');
  return {
    element: line,
    update({ title: ministry, chamber, followed, ...rest }: MinistryFollowSlot) {
      setText(title, `${words.ministryLine} : ${ministry}`);
      button ??= toggleView(doc, followToggle(lang, 'ministry', words.followMinistryHelp(words.chamberNames[chamber])));
      button.update({ pressed: followed, ...rest });
      if (!button.element.parentNode) line.append(button.element);
    },
  };
}

export interface QuestionCardView {
  element: HTMLElement;
  update(state: QuestionCardState): void;
}

export function questionCard(doc: Document, props: QuestionCardProps): QuestionCardView {
  const { question, status, lang } = props;
  const badge = badgeTemplate(doc, lang);
  fillBadge(badge, status, lang, false);
  const head = element(doc, 'div', { class: 'card__head' }, badge);
  const watch = toggleView(doc, watchToggle(lang, status.state, true));
  const fixed = fixedParts(doc, props);
  const ministry = ministryLine(doc, lang);
  const author = personLine(doc, lang, question.chamber, true);
  const card = element(doc, 'section', { class: 'card', 'aria-label': MESSAGES[lang].cardTitle });
  const present = (...nodes: (Node | false | undefined)[]) => nodes.filter(Boolean) as Node[];
  return {
    element: card,
    update({ watch: watchProps, authorFacts, follow, ministryFollow }) {
      if (watchProps) {
        const { watched, ...rest } = watchProps;
        watch.update({ pressed: watched, ...rest });
      }
      setChildren(head, present(badge, watchProps && watch.element));
      if (ministryFollow) ministry.update(ministryFollow);
      author.update({ deputy: { ...authorFacts, ...question.author }, legislature: question.legislature, follow });
      setChildren(
        card,
        present(
          head,
          fixed.timeline,
          fixed.ministryChange,
          fixed.transmitted,
          ministryFollow && ministry.element,
          fixed.recalls,
          fixed.converted,
          author.element,
          fixed.links,
        ),
      );
    },
  };
}
