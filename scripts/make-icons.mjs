// Draws the add-in icons (assets/icon-<size>.png) with nothing but Node's zlib, so the
// repository needs no image tool: a blue rounded square with a white three-bar chart.
// Run once after changing the design: `node scripts/make-icons.mjs`; the PNGs are committed.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x1f, 0x6f, 0xb8]; // Office-like blue
const BARS = [0xff, 0xff, 0xff];

// CRC-32 as the PNG spec defines it (polynomial 0xEDB88320).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA pixel array (rows top to bottom) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace = 0
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter "none" for every scanline
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of pixel (x, y) by the rounded square, 4×4 supersampled for smooth corners. */
function squareCoverage(size, x, y) {
  const r = size * 0.2;
  let inside = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, r), size - r);
      const cy = Math.min(Math.max(py, r), size - r);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= r * r) inside++;
    }
  return inside / 16;
}

/** True when pixel (x, y) lies on one of the three bars (heights 40 %, 65 %, 90 % of the chart area). */
function onBar(size, x, y) {
  const margin = Math.round(size * 0.2);
  const area = size - 2 * margin;
  const gap = Math.max(1, Math.round(area * 0.1));
  const barWidth = Math.floor((area - 2 * gap) / 3);
  const heights = [0.4, 0.65, 0.9];
  for (let i = 0; i < 3; i++) {
    const left = margin + i * (barWidth + gap);
    const top = size - margin - Math.round(area * heights[i]);
    if (x >= left && x < left + barWidth && y >= top && y < size - margin) return true;
  }
  return false;
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const colour = onBar(size, x, y) ? BARS : BACKGROUND;
      rgba[i] = colour[0];
      rgba[i + 1] = colour[1];
      rgba[i + 2] = colour[2];
      rgba[i + 3] = Math.round(255 * squareCoverage(size, x, y));
    }
  return encodePng(size, size, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(join(outDir, `icon-${size}.png`), drawIcon(size));
    console.log(`assets/icon-${size}.png`);
  }
}
