/**
 * Opens one weekly `.taz` archive (docs/reference/dila.md, « Archive ») and returns the XML of its
 * issue file. Only web-platform APIs: it runs in Chrome's service worker and Firefox's background.
 */
import * as z from 'zod/mini';
import { readTar, type TarMember } from './tar';

/**
 * An archive holds a few MB of XML (dila.md, « Unknown »); a gzip stream that inflates far beyond
 * that is damaged or hostile, and would otherwise fill the worker's memory.
 */
export const MAX_TAR_BYTES = 64 * 1024 * 1024;

export const ARCHIVE_FAILURES = [
  /** Neither gzip nor a plain tar: the detail names bzip2, xz, zstd or compress when it is one of those. */
  'compression-unknown',
  /** The gzip stream is cut short or damaged. */
  'gzip-corrupt',
  /** Inflates beyond `MAX_TAR_BYTES`. */
  'archive-too-large',
  'tar-truncated',
  'tar-bad-checksum',
  'tar-bad-header',
  /** No `REDIF_*.xml` and no legacy `SEQ*.xml`: older Assemblée archives hold only the light `XML1JO` index. */
  'no-issue-member',
  /** More than one `REDIF_*.xml` (or, without any, `SEQ*.xml`): which one is the issue is not known. */
  'several-issue-members',
  /** The member's bytes are not text in the encoding its XML declaration names. */
  'member-undecodable',
] as const;
export const archiveFailureSchema = z.enum(ARCHIVE_FAILURES);
export type ArchiveFailure = z.infer<typeof archiveFailureSchema>;

export const archiveResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    compression: z.enum(['gzip', 'none']),
    member: z.object({ name: z.string(), xml: z.string() }),
  }),
  z.object({ ok: z.literal(false), reason: archiveFailureSchema, detail: z.string().check(z.minLength(1)) }),
]);
export type ArchiveResult = z.infer<typeof archiveResultSchema>;

type Failure = Extract<ArchiveResult, { ok: false }>;
const fail = (reason: ArchiveFailure, detail: string): Failure => ({ ok: false, reason, detail });

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);
const GZIP = [0x1f, 0x8b];
const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72]; // "ustar", at byte 257 of a tar's first header
/** Compressions a `.taz` might use that browsers cannot inflate, named so the failure says which. */
const UNSUPPORTED: ReadonlyArray<[string, readonly number[]]> = [
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['Unix compress', [0x1f, 0x9d]],
];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array | Failure> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // A damaged stream rejects these too; the reader below reports it once. (The cast only narrows
  // TypeScript's buffer type: a fetched body is never a SharedArrayBuffer.)
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_TAR_BYTES) {
        await reader.cancel();
        return fail('archive-too-large', `inflates beyond ${MAX_TAR_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    return fail('gzip-corrupt', `the gzip stream is truncated or damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  const tar = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    tar.set(chunk, at);
    at += chunk.length;
  }
  return tar;
}

const REDIF_MEMBER = /^REDIF_[^/]*\.xml$/i;
const SEQ_MEMBER = /^SEQ\d*\.xml$/i;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function issueMember(members: TarMember[]): TarMember | Failure {
  for (const pattern of [REDIF_MEMBER, SEQ_MEMBER]) {
    const found = members.filter((m) => pattern.test(baseName(m.name)));
    if (found.length > 1) return fail('several-issue-members', found.map((m) => m.name).join(', '));
    if (found[0]) return found[0];
  }
  const names = members.map((m) => m.name).join(', ');
  return fail('no-issue-member', names ? `members: ${names}` : 'the archive holds no file');
}

const XML_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The encoding a byte-order mark or the XML declaration names; UTF-8 otherwise, as XML says. */
function declaredEncoding(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  const prolog = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return XML_ENCODING.exec(prolog)?.[1] ?? 'utf-8';
}

function decodeXml(member: TarMember): string | Failure {
  const encoding = declaredEncoding(member.bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(member.bytes);
  } catch (error) {
    return fail('member-undecodable', `${member.name} is not ${encoding} text (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The issue file of an archive, as text: gzip or plain tar by magic bytes, every tar header
 * checked, `REDIF_*.xml` preferred to the Senate's legacy `SEQ*.xml`. Every failure is a value.
 */
export async function openArchive(bytes: Uint8Array): Promise<ArchiveResult> {
  let tar: Uint8Array;
  let compression: 'gzip' | 'none';
  if (startsWith(bytes, GZIP)) {
    const inflated = await gunzip(bytes);
    if (!(inflated instanceof Uint8Array)) return inflated;
    tar = inflated;
    compression = 'gzip';
  } else if (startsWith(bytes.subarray(257), USTAR)) {
    tar = bytes;
    compression = 'none';
  } else {
    const known = UNSUPPORTED.find(([, magic]) => startsWith(bytes, magic));
    const detail =
      bytes.length === 0
        ? 'empty file'
        : known
          ? `${known[0]}, which browsers cannot inflate`
          : `neither gzip nor tar (starts ${hex(bytes)})`;
    return fail('compression-unknown', detail);
  }
  const reading = readTar(tar);
  if (!reading.ok) return fail(reading.reason, reading.detail);
  const member = issueMember(reading.members);
  if ('ok' in member) return member;
  const xml = decodeXml(member);
  if (typeof xml !== 'string') return xml;
  return { ok: true, compression, member: { name: member.name, xml } };
}
