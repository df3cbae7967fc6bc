/**
 * Issue files and archives for the JO reader's tests and bench, written from
 * docs/reference/dila.md (« REDIF format »). Texts are XML fragments, inserted as given, so a
 * test can put entities and markup in them; everything else is escaped.
 */
import { gzipSync } from 'node:zlib';
import { formatters } from '../lib/i18n';
import { seededRandom } from './random';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const element = (name: string, value: string | number | undefined, raw = false) =>
  value === undefined ? '' : `<${name}>${raw ? value : escapeXml(String(value))}</${name}>`;

export interface RedifQuestionSpec {
  number?: number | string;
  type?: string;
  legislature?: number | string;
  source?: string;
  date?: string;
  page?: number | string;
  ministry?: string;
  author?: string;
  subject?: string;
  /** An XML fragment. */
  text?: string;
}

export function redifQuestion(spec: RedifQuestionSpec): string {
  const reference =
    spec.date === undefined && spec.page === undefined
      ? ''
      : `<referencePublication>${element('datePublication', spec.date)}${element('pageJO', spec.page)}<noPublication>10</noPublication></referencePublication>`;
  return (
    `<question><idQuestion>${element('numeroQuestion', spec.number)}${element('type', spec.type ?? 'QE')}` +
    `${element('legislature', spec.legislature ?? 17)}${element('source', spec.source ?? 'AN')}</idQuestion>${reference}` +
    `${element('ministreJO', spec.ministry)}${element('parlementaire', spec.author)}${element('Objet', spec.subject)}` +
    `${element('texteQuestion', spec.text, true)}</question>`
  );
}

export interface RedifAnswerSpec {
  questions: RedifQuestionSpec[];
  date?: string;
  page?: number;
  /** An XML fragment. */
  text?: string;
  /** The entry's element: its name is not documented. */
  entry?: string;
}

export function redifAnswer(spec: RedifAnswerSpec): string {
  const name = spec.entry ?? 'questionReponse';
  const reference =
    spec.date === undefined
      ? ''
      : `<referencePublication>${element('datePublication', spec.date)}${element('pageJO', spec.page)}</referencePublication>`;
  const questions = spec.questions.map((q) => redifQuestion({ type: 'REP', ...q })).join('');
  return `<${name}>${questions}<reponse>${element('texteReponse', spec.text, true)}${reference}</reponse></${name}>`;
}

export interface RedifFileSpec {
  root?: string;
  /** Entries of `<Section part="QE">`, as XML; the section is left out when undefined. */
  qe?: string[];
  rep?: string[];
}

export function redifFile(spec: RedifFileSpec): string {
  const root = spec.root ?? 'REDIF';
  const section = (part: string, entries: string[] | undefined) =>
    entries ? `<Section part="${part}">\n${entries.join('\n')}\n</Section>\n` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${section('QE', spec.qe)}${section('REP', spec.rep)}</${root}>\n`;
}

// ——— archives ———

export interface TarEntry {
  name: string;
  content: string | Uint8Array;
  /** Type flag; '0' for a regular file. */
  type?: string;
  /** POSIX ustar's path prefix, for names longer than 100 bytes. */
  prefix?: string;
}

const encoder = new TextEncoder();

function writeField(header: Uint8Array, at: number, length: number, value: string): void {
  header.set(encoder.encode(value).subarray(0, length), at);
}

const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');

/** Writes the checksum of the header at `offset`, after a test changed it on purpose. */
export function sealHeader(archive: Uint8Array, offset: number): void {
  const header = archive.subarray(offset, offset + 512);
  header.fill(0x20, 148, 156);
  const sum = header.reduce((a, b) => a + b, 0);
  writeField(header, 148, 8, `${octal(sum, 7)}\u0000`);
}

/** A POSIX ustar archive, ended by its two zero blocks. */
export function tar(entries: TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const body = typeof entry.content === 'string' ? encoder.encode(entry.content) : entry.content;
    const header = new Uint8Array(512);
    writeField(header, 0, 100, entry.name);
    writeField(header, 100, 8, octal(0o644, 8));
    writeField(header, 108, 8, octal(0, 8));
    writeField(header, 116, 8, octal(0, 8));
    writeField(header, 124, 12, octal(body.length, 12));
    writeField(header, 136, 12, octal(1773100800, 12));
    writeField(header, 156, 1, entry.type ?? '0');
    writeField(header, 257, 8, 'ustar\u000000');
    writeField(header, 345, 155, entry.prefix ?? '');
    sealHeader(header, 0);
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
    padded.set(body);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

/** The `.taz` of an Assemblée issue as the DILA is described to publish it: a gzip'd tar with `REDIF_ANQ{number}.xml`. */
export function issueArchive(fileName: string, xml: string): Uint8Array {
  const number = fileName.replace(/^ANQ/i, '').replace(/\.taz$/i, '');
  return gzip(tar([{ name: `REDIF_ANQ${number}.xml`, content: xml }]));
}

/**
 * A folder of the DILA as a plain Apache directory listing (dila.md, « Where »), in the layout of
 * tests/fixtures/jo/listing-AN-Annee_en_cours.html: navigation links, then one row per file.
 */
export function folderListing(path: string, names: readonly string[]): string {
  const rows = names
    .map(
      (name) =>
        `<tr><td valign="top"><img src="/icons/unknown.gif" alt="[   ]"></td><td><a href="${escapeXml(name)}">${escapeXml(name)}</a></td><td align="right">2026-03-11 06:02  </td><td align="right">1.1M</td><td>&nbsp;</td></tr>`,
    )
    .join('\n');
  return (
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html><head><title>Index of ${path}</title></head><body>\n` +
    `<h1>Index of ${path}</h1><table>\n<tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>\n` +
    `<tr><td><a href="${path.replace(/[^/]+\/?$/, '')}">Parent Directory</a></td></tr>\n${rows}\n</table>\n` +
    '<address>Apache Server at echanges.dila.gouv.fr Port 443</address>\n</body></html>\n'
  );
}

// ——— a realistic issue of any size, for the bench ———

const WORDS = (
  'attire attention ministre situation établissements santé accès soins communes rurales élèves collèges ' +
  'financement dispositif réforme médecins hôpitaux départements collectivités territoriales agriculteurs ' +
  'exploitations prix énergie logement social bailleurs transition écologique entreprises emploi ' +
  'formation professionnelle apprentissage handicap accompagnement familles retraites pensions fiscalité ' +
  'taxe foncière budget dotation gendarmerie sécurité routière justice délais procédure numérique réseaux'
).split(' ');
const LINKS = ['de la', 'des', 'du', 'pour les', 'dans les', "à l'égard des", 'sur le', 'en matière de'];
const MINISTRIES = [
  'Santé et accès aux soins',
  'Éducation nationale',
  'Agriculture et souveraineté alimentaire',
  'Intérieur',
  'Économie, finances et souveraineté industrielle et numérique',
  'Logement',
  'Travail et emplois',
  'Justice',
];
const PEOPLE = ['Mme Élise Morvan', 'M. Paul Ledoux', 'Mme Anne Ferrand', 'M. Karim Belaïd', 'Mme Chloé Garnier', 'M. Yves Le Goff'];

export interface GeneratedIssue {
  xml: string;
  questions: number;
  answers: number;
}

/**
 * A REDIF issue of about `targetBytes` (UTF-8): roughly two questions for one answer, answers
 * twice as long, one answer in twenty joint, French typography (NBSP before « : », apostrophes
 * as entities), as the weekly issues are described in dila.md.
 */
export function generateRedif(targetBytes: number, seed = 20260310): GeneratedIssue {
  const random = seededRandom(seed);
  const frenchDate = formatters('fr').date;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (words: number) => {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(i % 5 === 4 ? pick(LINKS) : pick(WORDS));
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => `${sentence(18 + Math.floor(random() * 14))}.`).join(' ');
  const date = '2026-03-10';
  let number = 12000;
  const question = (type: string): RedifQuestionSpec => {
    const n = number++;
    const author = pick(PEOPLE);
    const asked = frenchDate(
      `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    );
    return {
      number: n,
      type,
      date,
      page: 1800 + Math.floor(random() * 400),
      ministry: pick(MINISTRIES),
      author,
      subject: sentence(5),
      text:
        `${n}. — ${type === 'QE' ? '10 mars 2026' : asked}. — ${escapeXml(author)} attire l&apos;attention de M. le ministre sur ${escapeXml(paragraph(3))}\n` +
        `${escapeXml(paragraph(4))}&#160;: ${escapeXml(paragraph(2))}\nIl lui demande de bien vouloir lui indiquer les mesures envisagées.`,
    };
  };
  const qe: string[] = [];
  const rep: string[] = [];
  let size = 200;
  let answers = 0;
  while (size < targetBytes) {
    const entry =
      random() < 0.62
        ? redifQuestion(question('QE'))
        : redifAnswer({
            questions: random() < 0.05 ? [question('REP'), question('REP')] : [question('REP')],
            date,
            page: 1900 + Math.floor(random() * 300),
            text: Array.from({ length: 4 + Math.floor(random() * 4) }, () => escapeXml(paragraph(4))).join('\n'),
          });
    if (entry.startsWith('<question>')) qe.push(entry);
    else {
      rep.push(entry);
      answers++;
    }
    size += encoder.encode(entry).length + 1;
  }
  return { xml: redifFile({ qe, rep }), questions: qe.length, answers };
}
