// Shrinks a screenshot PNG (8-bit RGB/RGBA, not interlaced, as Chromium writes them) to an
// 8-bit palette PNG: the 256 most used colours, every other pixel mapped to its nearest palette
// colour. Screenshots of a flat web page have few dominant colours (text, backgrounds, links);
// only anti-aliased edges move slightly. Typically 50–70 % smaller, so docs/screenshots/ stays
// small without an image tool. Pure node (zlib), no dependencies.
import fs from 'node:fs';
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Decodes an 8-bit truecolour (with or without alpha) PNG to { width, height, rgb }. */
function decode(buf) {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('ascii', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) return null;
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = px.subarray(y * stride, (y + 1) * stride);
    const prev = y ? px.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev ? prev[i] : 0;
      const c = prev && i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < px.length; i += channels, j += 3) {
    // composite any transparency on white (screenshots are opaque anyway)
    const alpha = channels === 4 ? px[i + 3] / 255 : 1;
    rgb[j] = Math.round(px[i] * alpha + 255 * (1 - alpha));
    rgb[j + 1] = Math.round(px[i + 1] * alpha + 255 * (1 - alpha));
    rgb[j + 2] = Math.round(px[i + 2] * alpha + 255 * (1 - alpha));
  }
  return { width, height, rgb };
}

/** Rewrites the PNG at file as a 256-colour palette PNG when that is smaller; returns the
 *  sizes { before, after } in bytes. */
export function shrinkPng(file) {
  const before = fs.statSync(file).size;
  const img = decode(fs.readFileSync(file));
  if (!img) return { before, after: before };
  const { width, height, rgb } = img;
  const counts = new Map();
  for (let j = 0; j < rgb.length; j += 3) {
    const k = (rgb[j] << 16) | (rgb[j + 1] << 8) | rgb[j + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const palette = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 256).map((e) => e[0]);
  const index = new Map(palette.map((k, i) => [k, i]));
  const nearest = (k) => {
    let hit = index.get(k);
    if (hit !== undefined) return hit;
    const r = k >> 16;
    const g = (k >> 8) & 0xff;
    const b = k & 0xff;
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i];
      // weighted distance: the eye is most sensitive to green, least to blue
      const dr = r - (p >> 16);
      const dg = g - ((p >> 8) & 0xff);
      const db = b - (p & 0xff);
      const d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < bestD) { bestD = d; best = i; }
    }
    index.set(k, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none (best for palette images)
    for (let x = 0; x < width; x++) {
      const j = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = nearest((rgb[j] << 16) | (rgb[j + 1] << 8) | rgb[j + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((k, i) => { plte[i * 3] = k >> 16; plte[i * 3 + 1] = (k >> 8) & 0xff; plte[i * 3 + 2] = k & 0xff; });
  const png = Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', plte),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })), chunk('IEND', Buffer.alloc(0))]);
  if (png.length < before) fs.writeFileSync(file, png);
  return { before, after: Math.min(png.length, before) };
}
