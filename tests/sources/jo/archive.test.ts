import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveResultSchema, MAX_TAR_BYTES, openArchive, type ArchiveResult } from '../../../lib/sources/jo/archive';
import { readTar } from '../../../lib/sources/jo/tar';
import { gzip, redifFile, redifQuestion, sealHeader, tar, type TarEntry } from '../../../harness/jo-archives';

const fixturePath = (name: string) => new URL(`../../fixtures/jo/${name}`, import.meta.url);
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');

const REDIF = redifFile({ qe: [redifQuestion({ number: 13382, date: '2026-03-10', text: 'Texte accentué : été.' })] });
const REDIF_ENTRY: TarEntry = { name: 'REDIF_ANQ20260010.xml', content: REDIF };
const LIGHT_INDEX: TarEntry = { name: 'XML1JO_AN20260010.xml', content: '<?xml version="1.0"?><index/>' };

async function open(bytes: Uint8Array): Promise<ArchiveResult> {
  const result = await openArchive(bytes);
  expect(archiveResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe('openArchive', () => {
  it('runs where DecompressionStream exists, as in browsers and Node 20', () => {
    expect(typeof DecompressionStream).toBe('function');
  });

  it('opens a gzip archive written by GNU tar and takes its REDIF member', async () => {
    expect(await open(fixtureBytes('ANQ20260010.taz'))).toEqual({
      ok: true,
      compression: 'gzip',
      member: { name: 'REDIF_ANQ20260010.xml', xml: fixtureText('REDIF_ANQ20260010.xml') },
    });
  });

  it("opens a plain tar written by Python's tarfile, past its pax header, and takes the legacy SEQ member", async () => {
    expect(await open(fixtureBytes('SEQ20240010.taz'))).toEqual({
      ok: true,
      compression: 'none',
      member: { name: 'SEQ20240010.xml', xml: fixtureText('SEQ20240010.xml') },
    });
  });

  it('prefers REDIF to SEQ and finds it inside a folder', async () => {
    const archive = tar([
      { name: 'ANQ20260010', content: '', type: '5' },
      { name: 'SEQ20260010.xml', content: '<x/>' },
      { ...REDIF_ENTRY, name: 'ANQ20260010/REDIF_ANQ20260010.xml' },
      LIGHT_INDEX,
    ]);
    expect(await open(gzip(archive))).toMatchObject({ ok: true, member: { name: 'ANQ20260010/REDIF_ANQ20260010.xml', xml: REDIF } });
  });

  it("joins a POSIX ustar prefix to the member's name", async () => {
    const archive = tar([{ ...REDIF_ENTRY, prefix: 'OPENDATA/AN' }]);
    expect(await open(archive)).toMatchObject({ ok: true, member: { name: 'OPENDATA/AN/REDIF_ANQ20260010.xml' } });
  });

  it.each([
    [
      'ISO-8859-1',
      '<?xml version="1.0" encoding="ISO-8859-1"?><r>été</r>',
      new Uint8Array([
        ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><r>'),
        0xe9,
        0x74,
        0xe9,
        ...new TextEncoder().encode('</r>'),
      ]),
    ],
    ['UTF-8 with a byte-order mark', '<r>été</r>', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<r>été</r>')])],
    [
      'UTF-16 with its byte-order mark',
      '<r>été</r>',
      new Uint8Array([0xff, 0xfe, ...Array.from('<r>été</r>', (c) => [c.charCodeAt(0), 0]).flat()]),
    ],
  ])('decodes a member written in %s', async (_label, xml, content) => {
    expect(await open(tar([{ name: 'REDIF_X.xml', content }]))).toMatchObject({ ok: true, member: { xml } });
  });
});

describe('openArchive failures', () => {
  const redifTar = () => tar([REDIF_ENTRY, LIGHT_INDEX]);

  it('reports a gzip stream cut short', async () => {
    const archive = gzip(redifTar());
    for (const length of [archive.length - 9, Math.floor(archive.length / 2), 12]) {
      expect(await open(archive.subarray(0, length)), `cut at ${length}`).toEqual({
        ok: false,
        reason: 'gzip-corrupt',
        detail: expect.stringMatching(/^the gzip stream is truncated or damaged \(.+\)$/),
      });
    }
  });

  it('reports a damaged gzip stream', async () => {
    const archive = gzip(redifTar());
    archive[archive.length - 20] = archive[archive.length - 20]! ^ 0xff;
    expect(await open(archive)).toMatchObject({ ok: false, reason: 'gzip-corrupt' });
  });

  it('reports a header whose checksum does not match, whether the tar is compressed or not', async () => {
    const archive = redifTar();
    const second = 512 + Math.ceil(new TextEncoder().encode(REDIF).length / 512) * 512;
    archive[second + 10] = 0x58;
    const failure = { ok: false, reason: 'tar-bad-checksum', detail: `header at byte ${second}: checksum does not match` };
    expect(await open(archive)).toEqual(failure);
    expect(await open(gzip(archive))).toEqual(failure);
  });

  it('reports a header whose size is not a number', async () => {
    const archive = redifTar();
    archive.set(new TextEncoder().encode('zzzzzzzzzzz'), 124);
    sealHeader(archive, 0);
    expect(await open(archive)).toEqual({
      ok: false,
      reason: 'tar-bad-header',
      detail: 'REDIF_ANQ20260010.xml: size field is not an octal number',
    });
  });

  it('reports a tar cut inside a member or before its end-of-archive block', async () => {
    const archive = redifTar();
    const size = new TextEncoder().encode(REDIF).length;
    expect(await open(gzip(archive.subarray(0, 600)))).toEqual({
      ok: false,
      reason: 'tar-truncated',
      detail: `REDIF_ANQ20260010.xml: ${size} bytes announced, 88 present`,
    });
    expect(await open(gzip(archive.subarray(0, archive.length - 1024)))).toEqual({
      ok: false,
      reason: 'tar-truncated',
      detail: 'no end-of-archive block after 2 file(s)',
    });
  });

  it.each([
    ['bzip2', new TextEncoder().encode('BZh91AY&SY'), 'bzip2, which browsers cannot inflate'],
    ['xz', new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]), 'xz, which browsers cannot inflate'],
    [
      'an HTML page',
      new TextEncoder().encode('<html><body>Not Found</body></html>'),
      'neither gzip nor tar (starts 3c 68 74 6d 6c 3e 3c 62)',
    ],
    ['nothing', new Uint8Array(), 'empty file'],
  ])('reports an unknown compression: %s', async (_label, bytes, detail) => {
    expect(await open(bytes)).toEqual({ ok: false, reason: 'compression-unknown', detail });
  });

  it('reports an archive without an issue member, naming what it holds', async () => {
    const archive = tar([LIGHT_INDEX, { name: 'XML2JO_AN20260010.xml', content: '' }]);
    expect(await open(gzip(archive))).toEqual({
      ok: false,
      reason: 'no-issue-member',
      detail: 'members: XML1JO_AN20260010.xml, XML2JO_AN20260010.xml',
    });
    expect(await open(gzip(new Uint8Array(1024)))).toEqual({ ok: false, reason: 'no-issue-member', detail: 'the archive holds no file' });
  });

  it('reports an archive with two REDIF members rather than picking one', async () => {
    const archive = tar([REDIF_ENTRY, { ...REDIF_ENTRY, name: 'REDIF_ANQ20260011.xml' }]);
    expect(await open(archive)).toEqual({
      ok: false,
      reason: 'several-issue-members',
      detail: 'REDIF_ANQ20260010.xml, REDIF_ANQ20260011.xml',
    });
  });

  it('reports a member that is not text in its declared encoding', async () => {
    const content = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><r>'),
      0xe9,
      ...new TextEncoder().encode('</r>'),
    ]);
    expect(await open(tar([{ name: 'REDIF_X.xml', content }]))).toMatchObject({
      ok: false,
      reason: 'member-undecodable',
      detail: expect.stringMatching(/^REDIF_X\.xml is not UTF-8 text/),
    });
  });

  it('stops inflating past the size limit', async () => {
    const bomb = gzip(new Uint8Array(MAX_TAR_BYTES + 1024));
    expect(await open(bomb)).toEqual({ ok: false, reason: 'archive-too-large', detail: `inflates beyond ${MAX_TAR_BYTES} bytes` });
  });
});

describe('readTar', () => {
  it('skips the bodies of entries that are not files', () => {
    const pax = '30 path=ignored/by/this/reader\n';
    const reading = readTar(tar([{ name: 'PaxHeader', content: pax, type: 'x' }, REDIF_ENTRY]));
    expect(reading).toMatchObject({ ok: true, members: [{ name: 'REDIF_ANQ20260010.xml' }] });
  });

  it("does not take a GNU header's access times for a ustar prefix", () => {
    const archive = tar([REDIF_ENTRY]);
    archive.set(new TextEncoder().encode('ustar  \u0000'), 257);
    archive.set(new TextEncoder().encode('15000000000\u000015000000000'), 345);
    sealHeader(archive, 0);
    expect(readTar(archive)).toMatchObject({ ok: true, members: [{ name: 'REDIF_ANQ20260010.xml' }] });
  });

  it('accepts a checksum summed over signed bytes, as old writers did', () => {
    const archive = tar([{ ...REDIF_ENTRY, name: 'REDIF_é.xml' }]);
    const header = archive.subarray(0, 512);
    header.fill(0x20, 148, 156);
    const signed = header.reduce((sum, byte) => sum + (byte > 127 ? byte - 256 : byte), 0);
    header.set(new TextEncoder().encode(`${signed.toString(8).padStart(6, '0')}\u0000 `), 148);
    expect(readTar(archive)).toMatchObject({ ok: true, members: [{ name: 'REDIF_é.xml' }] });
  });
});
