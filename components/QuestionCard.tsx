import { formatters, MESSAGES, type Formatters, type Language, type Messages } from '../lib/i18n';
import { type DeputyFacts, type Question } from '../lib/model';
import { type Publisher } from '../lib/sites/types';
import { type QuestionStatus } from '../lib/status';
import { Badge } from './Badge';
import { DeputyLine, type DeputyFollowSlot } from './DeputyLine';
import { WatchButton, type WatchProps } from './WatchButton';

export interface QuestionCardProps {
  question: Question;
  status: QuestionStatus;
  lang: Language;
  /** The site the card sits on: it links to the other one. */
  source: Publisher;
  watch?: WatchProps;
  /** What the background learnt about the author, where the page says less. */
  authorFacts?: DeputyFacts;
  /** « Suivre ce député » and the record, on the author's line. */
  follow?: DeputyFollowSlot;
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

export function QuestionCard({ question, status, lang, source, watch, authorFacts, follow }: QuestionCardProps) {
  const t = MESSAGES[lang];
  const f = formatters(lang);
  const steps = timeline(question, status, t, f);
  const asked = question.ministry;
  const answering = question.answeringMinistry;
  const otherUrl = source === 'an' ? question.urls.nosdeputes : question.urls.an;
  return (
    <section class="card" aria-label={t.cardTitle}>
      <div class="card__head">
        <Badge status={status} lang={lang} />
        {watch && <WatchButton {...watch} lang={lang} state={status.state} explain />}
      </div>
      {steps.length > 0 && (
        <ol class="timeline">
          {steps.map((step) => (
            <li key={step.label}>
              <span class="timeline__label">{step.label}</span> <time dateTime={step.date}>{f.date(step.date)}</time>
              {step.detail && <span class="timeline__detail"> — {step.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {asked && answering && asked !== answering && (
        <p class="ministries">
          <span class="visually-hidden">
            {t.ministryAsked} / {t.ministryAnswering} :{' '}
          </span>
          {t.ministryChange(asked, answering)}
        </p>
      )}
      <DeputyLine deputy={{ ...authorFacts, ...question.author }} legislature={question.legislature} lang={lang} follow={follow} />
      <p class="links">
        {otherUrl ? (
          <a href={otherUrl} rel="noopener">
            {source === 'an' ? t.onNosdeputes : t.onAn}
          </a>
        ) : (
          <span class="muted">{t.anOnly}</span>
        )}
      </p>
    </section>
  );
}
