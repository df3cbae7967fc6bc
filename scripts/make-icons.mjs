// Draws Vigie's icon (an open eye on a navy tile) at every size the stores ask for, as PNG,
// with no dependency: run `node scripts/make-icons.mjs` after changing the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [11, 44, 94];
const WHITE = [255, 255, 255];
const GOLD = [245, 184, 46];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Colour of the point (x, y) in a unit square, with 4×4 supersampling done by the caller. */
function colourAt(x, y) {
  const r = 0.18; // corner radius of the tile
  const cx = Math.min(Math.max(x, r), 1 - r),
    cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const ex = (x - 0.5) / 0.4,
    ey = (y - 0.52) / 0.24; // the eye's almond
  const almond = Math.abs(ey) <= (1 - ex * ex) * 1.0 && Math.abs(ex) <= 1;
  const d = Math.hypot(x - 0.5, y - 0.52);
  if (almond && d < 0.085) return NAVY;
  if (almond && d < 0.17) return GOLD;
  if (almond) return WHITE;
  return NAVY;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0],
        alpha = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const c = colourAt((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          if (c) {
            acc = acc.map((v, i) => v + c[i]);
            alpha++;
          }
        }
      row.push(...(alpha ? acc.map((v) => Math.round(v / alpha)) : [0, 0, 0]), Math.round((alpha / 16) * 255));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size));
