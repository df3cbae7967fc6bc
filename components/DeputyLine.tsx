import { type ComponentChildren } from 'preact';
import { groupFrom } from '../lib/groups';
import { formatters, MESSAGES, type Language } from '../lib/i18n';
import { type DeputyFacts, type Group, type QuestionChamber } from '../lib/model';
import { foldAccents } from '../lib/text';
import { anDeputyUrl, nosdeputesDeputyUrl, nossenateursSenatorUrl, senatSenatorUrl } from '../lib/urls';
import { DeputyRecord, type DeputyRecordProps } from './DeputyRecord';
import { FollowButton, type FollowProps } from './FollowButton';

/** « Suivre ce député » (or « ce sénateur ») and, for a deputy, their record, where the background has answered. */
export interface DeputyFollowSlot {
  follow: FollowProps;
  /** Absent for a senator: no record is read for the Sénat. */
  record?: DeputyRecordProps;
}

export interface DeputyLineProps {
  deputy: DeputyFacts & { name: string; senatSlug?: string };
  legislature?: number;
  /** A senator's group and department as the Sénat writes them, and links to the Sénat and NosSénateurs. */
  chamber?: QuestionChamber;
  lang: Language;
  /** Leave the name out where the page already shows it above. */
  showName?: boolean;
  follow?: DeputyFollowSlot;
}

function groupText(group: Group | undefined, legislature: number | undefined): string | undefined {
  if (!group) return undefined;
  const full = group.acronym && !group.name ? (groupFrom(group.acronym, undefined, legislature) ?? group) : group;
  if (full.acronym && full.name && full.acronym !== full.name) return `${full.acronym} — ${full.name}`;
  return full.name ?? full.acronym;
}

/** ND slugs are the name, lower-cased, unaccented and hyphenated (myTools::slugify). */
export function slugFromName(name: string): string | undefined {
  const slug = foldAccents(name)
    .replace(/^(?:M\.|Mme|Mlle|Monsieur|Madame)\s+/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || undefined;
}

interface PersonLink {
  href: string;
  label: string;
}

/** The one layout both chambers share: name, facts, links to the person's pages, then the follow slot. */
function PersonLine({
  name,
  facts,
  links,
  children,
}: {
  name?: string;
  facts: (string | undefined)[];
  links: (PersonLink | false | '' | undefined)[];
  children?: ComponentChildren;
}) {
  return (
    <p class="deputy">
      {name && <strong class="deputy__name">{name}</strong>}
      {(facts.filter(Boolean) as string[]).map((fact) => (
        <span class="deputy__fact" key={fact}>
          {fact}
        </span>
      ))}
      <span class="deputy__links">
        {(links.filter(Boolean) as PersonLink[]).map((link) => (
          <a href={link.href} rel="noopener" key={link.href}>
            {link.label}
          </a>
        ))}
      </span>
      {children}
    </p>
  );
}

/** A senator: « (Moselle - NI) » as the Sénat prints it, no Assemblée group table, the senator's pages. */
function SenatorLine({ deputy, lang, showName = true, follow }: DeputyLineProps) {
  const t = MESSAGES[lang];
  return (
    <PersonLine
      name={showName ? deputy.name : undefined}
      facts={[deputy.group && (deputy.group.name ?? deputy.group.acronym), deputy.constituency]}
      links={[
        deputy.senatSlug && { href: senatSenatorUrl(deputy.senatSlug), label: t.senatorOnSenat },
        deputy.slug && { href: nossenateursSenatorUrl(deputy.slug), label: t.senatorOnNossenateurs },
      ]}
    >
      {follow && <FollowButton {...follow.follow} lang={lang} subject="senator" />}
    </PersonLine>
  );
}

export function DeputyLine(props: DeputyLineProps) {
  if (props.chamber === 'SEN') return <SenatorLine {...props} />;
  const { deputy, legislature, lang, showName = true, follow } = props;
  const t = MESSAGES[lang];
  const f = formatters(lang);
  const slug = deputy.slug ?? slugFromName(deputy.name);
  const mandate =
    deputy.mandateStart && deputy.mandateEnd
      ? t.mandateSpan(f.date(deputy.mandateStart), f.date(deputy.mandateEnd))
      : deputy.mandateStart
        ? t.mandateSince(f.date(deputy.mandateStart))
        : undefined;
  return (
    <PersonLine
      name={showName ? deputy.name : undefined}
      facts={[groupText(deputy.group, legislature), deputy.constituency, mandate]}
      links={[
        deputy.anId && { href: anDeputyUrl(deputy.anId), label: t.deputyOnAn },
        slug && { href: nosdeputesDeputyUrl(slug, legislature), label: t.deputyOnNosdeputes },
      ]}
    >
      {follow && <FollowButton {...follow.follow} lang={lang} />}
      {follow?.record && <DeputyRecord {...follow.record} lang={lang} />}
    </PersonLine>
  );
}
