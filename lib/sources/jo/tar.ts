/**
 * A reader for the tar archives the DILA publishes (docs/reference/dila.md, « Archive »): the whole
 * archive is already in memory, so it only walks the 512-byte headers and hands out views of the
 * regular files, checking every header's checksum on the way.
 *
 * Written here rather than taken from a package: tar-stream needs Node's streams, and modern-tar,
 * which fits a worker, reports damage by throwing free-text messages, whereas a wrong checksum, a
 * cut archive and a bad size field must each come out as their own reason, with nothing thrown.
 */

const BLOCK = 512;
const NAME = { at: 0, length: 100 };
const SIZE = { at: 124, length: 12 };
const CHECKSUM = { at: 148, length: 8 };
const TYPE_AT = 156;
const MAGIC = { at: 257, length: 6 };
const PREFIX = { at: 345, length: 155 };
const SPACE = 0x20;

/** Type flags of file contents: regular ('0'), old regular (NUL), contiguous ('7'). */
const FILE_TYPES = new Set([0x30, 0x00, 0x37]);

export interface TarMember {
  /** The path inside the archive. */
  name: string;
  /** A view into the archive's bytes, not a copy. */
  bytes: Uint8Array;
}

export type TarFailure = 'tar-truncated' | 'tar-bad-checksum' | 'tar-bad-header';

export type TarReading = { ok: true; members: TarMember[] } | { ok: false; reason: TarFailure; detail: string };

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function field(header: Uint8Array, { at, length }: { at: number; length: number }): Uint8Array {
  const bytes = header.subarray(at, at + length);
  const end = bytes.indexOf(0);
  return end === -1 ? bytes : bytes.subarray(0, end);
}

/** An octal number field, padded with spaces or NULs; `undefined` when it is anything else. */
function octal(header: Uint8Array, place: { at: number; length: number }): number | undefined {
  const digits = latin1.decode(field(header, place)).trim();
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : undefined;
}

/**
 * POSIX sums the header's bytes as unsigned, with the checksum field counted as spaces; some
 * old writers summed signed bytes, and GNU tar and Python accept both, so this does too.
 */
function checksumMatches(header: Uint8Array, stored: number): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= CHECKSUM.at && i < CHECKSUM.at + CHECKSUM.length ? SPACE : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

function isZeroBlock(header: Uint8Array): boolean {
  return header.every((byte) => byte === 0);
}

/** POSIX ustar splits long paths into a prefix and a name; GNU tar's magic (`ustar  `) uses those bytes for other things. */
function memberName(header: Uint8Array): string {
  const name = utf8.decode(field(header, NAME));
  const isPosixUstar = latin1.decode(header.subarray(MAGIC.at, MAGIC.at + MAGIC.length)) === 'ustar\0';
  const prefix = isPosixUstar ? utf8.decode(field(header, PREFIX)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The regular files of a tar archive, in order; an archive that stops before its end-of-archive block is truncated. */
export function readTar(archive: Uint8Array): TarReading {
  const members: TarMember[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (isZeroBlock(header)) return { ok: true, members };
    const stored = octal(header, CHECKSUM);
    if (stored === undefined || !checksumMatches(header, stored)) {
      return { ok: false, reason: 'tar-bad-checksum', detail: `header at byte ${offset}: checksum does not match` };
    }
    const name = memberName(header);
    const size = octal(header, SIZE);
    if (size === undefined) {
      return { ok: false, reason: 'tar-bad-header', detail: `${name}: size field is not an octal number` };
    }
    const start = offset + BLOCK;
    const end = start + size;
    if (end > archive.length) {
      return { ok: false, reason: 'tar-truncated', detail: `${name}: ${size} bytes announced, ${archive.length - start} present` };
    }
    if (FILE_TYPES.has(header[TYPE_AT]!)) members.push({ name, bytes: archive.subarray(start, end) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return { ok: false, reason: 'tar-truncated', detail: `no end-of-archive block after ${members.length} file(s)` };
}
