import { formatters, MESSAGES, type Formatters, type Language, type Messages } from '../lib/i18n';
import { type DeputyFacts, type Question } from '../lib/model';
import { type FollowChamber } from '../lib/follows/chambers';
import { FOLLOW_OVERLAY_MESSAGES } from '../lib/follows/overlay-words';
import { type Publisher } from '../lib/sites/types';
import { type QuestionStatus } from '../lib/status';
import { senatQuestionUrl } from '../lib/urls';
import { Badge } from './Badge';
import { DeputyLine, type DeputyFollowSlot } from './DeputyLine';
import { FollowButton, type FollowProps } from './FollowButton';
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
  /** « Suivre ce ministère », on the ministry's line. */
  ministryFollow?: MinistryFollowSlot;
}

/** The ministry a card offers to follow, in the card's chamber, and whether it is followed. */
export interface MinistryFollowSlot extends FollowProps {
  title: string;
  chamber: FollowChamber;
}

function MinistryLine({ slot, lang }: { slot: MinistryFollowSlot; lang: Language }) {
  const words = FOLLOW_OVERLAY_MESSAGES[lang];
  const { title, chamber, ...follow } = slot;
  return (
    <p class="ministries ministry-line">
      <span class="ministry-line__title">
        {words.ministryLine} : {title}
      </span>{' '}
      <FollowButton {...follow} lang={lang} subject="ministry" help={words.followMinistryHelp(words.chamberNames[chamber])} />
    </p>
  );
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

function Linked({ href, children }: { href?: string; children: string }) {
  return href ? (
    <a href={href} rel="noopener">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

export function QuestionCard({ question, status, lang, source, watch, authorFacts, follow, ministryFollow }: QuestionCardProps) {
  const t = MESSAGES[lang];
  const f = formatters(lang);
  const steps = timeline(question, status, t, f);
  const asked = question.ministry;
  const answering = question.answeringMinistry;
  const other = otherPublisher(question, source, t);
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
      {question.transmittedTo && <p class="ministries">{t.transmittedTo(question.transmittedTo)}</p>}
      {ministryFollow && <MinistryLine slot={ministryFollow} lang={lang} />}
      {question.recalls && (
        <p class="ministries">
          <Linked href={question.recalls.senatReference && senatQuestionUrl(question.recalls.senatReference)}>
            {t.recalls(String(question.recalls.number).padStart(5, '0'))}
          </Linked>
        </p>
      )}
      {question.convertedTo && (
        <p class="ministries">
          <Linked href={senatQuestionUrl(question.convertedTo)}>{t.convertedLink}</Linked>
        </p>
      )}
      <DeputyLine
        deputy={{ ...authorFacts, ...question.author }}
        legislature={question.legislature}
        chamber={question.chamber}
        lang={lang}
        follow={follow}
      />
      <p class="links">
        {other.url ? (
          <a href={other.url} rel="noopener">
            {other.label}
          </a>
        ) : (
          other.label && <span class="muted">{other.label}</span>
        )}
      </p>
    </section>
  );
}
