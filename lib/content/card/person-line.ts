/**
 * The line about a deputy or a senator, on a question's card (the author) and on their own card:
 * name, facts, links to their pages, then « Suivre ce député / ce sénateur » and, for a deputy,
 * their record. Facts the background learns later are filled in; the buttons stay the same nodes.
 */
import { groupFrom } from '../../groups';
import { formatters, MESSAGES, type Language } from '../../i18n';
import { type DeputyFacts, type Group, type QuestionChamber } from '../../model';
import { foldAccents } from '../../text';
import { anDeputyUrl, nosdeputesDeputyUrl, nossenateursSenatorUrl, senatSenatorUrl } from '../../urls';
import { element, keyed, setChildren, setText } from '../dom';
import { followToggle, type ToggleView, toggleView } from '../toggle';
import { type DeputyFollowSlot } from './props';
import { type RecordView, recordView } from './record';

export interface PersonLineProps {
  deputy: DeputyFacts & { name: string; senatSlug?: string };
  legislature?: number;
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

interface Described {
  facts: (string | undefined)[];
  links: (PersonLink | false | '' | undefined)[];
}

/** A senator: « (Moselle - NI) » as the Sénat prints it, no Assemblée group table, the senator's pages. */
function senatorFacts({ deputy }: PersonLineProps, lang: Language): Described {
  const t = MESSAGES[lang];
  return {
    facts: [deputy.group && (deputy.group.name ?? deputy.group.acronym), deputy.constituency],
    links: [
      deputy.senatSlug && { href: senatSenatorUrl(deputy.senatSlug), label: t.senatorOnSenat },
      deputy.slug && { href: nossenateursSenatorUrl(deputy.slug), label: t.senatorOnNossenateurs },
    ],
  };
}

function deputyFacts({ deputy, legislature }: PersonLineProps, lang: Language): Described {
  const t = MESSAGES[lang];
  const f = formatters(lang);
  const slug = deputy.slug ?? slugFromName(deputy.name);
  const mandate =
    deputy.mandateStart && deputy.mandateEnd
      ? t.mandateSpan(f.date(deputy.mandateStart), f.date(deputy.mandateEnd))
      : deputy.mandateStart
        ? t.mandateSince(f.date(deputy.mandateStart))
        : undefined;
  return {
    facts: [groupText(deputy.group, legislature), deputy.constituency, mandate],
    links: [
      deputy.anId && { href: anDeputyUrl(deputy.anId), label: t.deputyOnAn },
      slug && { href: nosdeputesDeputyUrl(slug, legislature), label: t.deputyOnNosdeputes },
    ],
  };
}

export interface PersonLineView {
  element: HTMLElement;
  update(props: PersonLineProps): void;
}

/** `showName: false` where the page already shows the name above. */
export function personLine(doc: Document, lang: Language, chamber: QuestionChamber | undefined, showName: boolean): PersonLineView {
  const senator = chamber === 'SEN';
  const line = element(doc, 'p', { class: 'deputy' });
  const name = element(doc, 'strong', { class: 'deputy__name' });
  const linksSpan = element(doc, 'span', { class: 'deputy__links' });
  let facts: HTMLElement[] = [];
  let links = new Map<string, HTMLAnchorElement>();
  let follow: ToggleView | undefined;
  let record: RecordView | undefined;
  return {
    element: line,
    update(props) {
      const described = senator ? senatorFacts(props, lang) : deputyFacts(props, lang);
      setText(name, props.deputy.name);
      const factTexts = described.facts.filter((fact): fact is string => !!fact);
      if (factTexts.length !== facts.length || factTexts.some((fact, i) => fact !== facts[i]!.textContent))
        facts = factTexts.map((fact) => element(doc, 'span', { class: 'deputy__fact' }, fact));
      const shownLinks = new Map((described.links.filter(Boolean) as PersonLink[]).map((link) => [link.href, link.label]));
      links = keyed(links, [...shownLinks.keys()], (href) => element(doc, 'a', { href, rel: 'noopener' }));
      for (const [href, anchor] of links) setText(anchor, shownLinks.get(href)!);
      setChildren(linksSpan, [...links.values()]);
      const slot = props.follow;
      if (slot) {
        follow ??= toggleView(doc, followToggle(lang, senator ? 'senator' : 'deputy'));
        const { followed, ...rest } = slot.follow;
        follow.update({ pressed: followed, ...rest });
      }
      // The record is the Assemblée's: a senator's line has none.
      const recordProps = !senator && slot?.record;
      if (recordProps) {
        record ??= recordView(doc, lang);
        record.update(recordProps);
      }
      setChildren(line, [
        ...(showName && props.deputy.name ? [name] : []),
        ...facts,
        linksSpan,
        ...(slot && follow ? [follow.element] : []),
        ...(recordProps && record ? [record.element] : []),
      ]);
    },
  };
}
