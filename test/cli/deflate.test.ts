import { inflateSync } from "fflate";
import JSZip from "jszip";
import { zlibDeflater } from "../../src/cli/deflate";
import { fflateDeflater, openXlsx, packageGrids, packXlsx, writePackageSheets } from "../../src/hosts/xlsx";
import { sampleWorkbookBytes } from "../../src/cli/sample";
import { rankWorkbook } from "../../src/workbook/pipeline";

/**
 * `rank --out` deflates the parts it writes with Node's zlib, piece by piece (src/cli/deflate.ts);
 * the preview keeps fflate's. What a reader inflates must be the same bytes either way.
 */

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** Text pieces of every size the sheet writer pushes: empty, tiny, ~1 MB, repetitive and not. */
function pieces(): Uint8Array[] {
  const enc = new TextEncoder();
  let seed = 7;
  const r = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const row = (i: number) => `<row r="${i}"><c r="A${i}" t="s"><v>${Math.floor(r() * 1e6)}</v></c></row>`;
  return [
    enc.encode('<?xml version="1.0"?>'),
    new Uint8Array(0),
    enc.encode(Array.from({ length: 40000 }, (_, i) => row(i)).join("")),
    enc.encode("社区考核"),
    Uint8Array.from({ length: 70000 }, () => Math.floor(r() * 256)),
    enc.encode("</worksheet>"),
  ];
}

describe("规则 §7.2 the command line's DEFLATE: the parts it writes inflate to what was written", () => {
  test("pieces joined into one stream: inflated bytes, CRC-32 and size as fflate's", async () => {
    const zlib = zlibDeflater();
    const reference = fflateDeflater();
    for (const p of pieces()) {
      zlib.push(p);
      reference.push(p);
    }
    const a = zlib.end();
    const b = reference.end();
    await a.ready;
    expect(a.ready).toBeUndefined();
    expect(a.size).toBe(b.size);
    expect(a.crc).toBe(b.crc);
    expect(inflateSync(joined(a.chunks))).toEqual(inflateSync(joined(b.chunks)));
    expect(inflateSync(joined(a.chunks))).toEqual(joined(pieces()));
  });

  test("big pieces are compressed in the background, at most four at a time; the stream is whole once ready", async () => {
    const enc = new TextEncoder();
    const piece = (i: number) =>
      enc.encode(
        Array.from(
          { length: 12000 },
          (_, j) => `<row r="${i * 12000 + j}"><v>${(i * j) % 977}</v></row>`
        ).join("")
      );
    const zlib = zlibDeflater();
    const pushed: Uint8Array[] = [];
    let waited = 0;
    for (let i = 0; i < 10; i++) {
      pushed.push(piece(i));
      zlib.push(pushed[i]);
      const room = zlib.room?.();
      if (room) {
        waited++;
        await room;
      }
    }
    // A small last piece is compressed at once, after the big ones, in its place.
    pushed.push(enc.encode("</sheetData>"));
    zlib.push(pushed[10]);
    const written = zlib.end();
    expect(waited).toBeGreaterThan(0);
    await written.ready;
    expect(written.ready).toBeUndefined();
    expect(written.size).toBe(joined(pushed).length);
    expect(inflateSync(joined(written.chunks))).toEqual(joined(pushed));
  });

  test("edge: an empty part is a valid empty stream", () => {
    const empty = zlibDeflater().end();
    expect(empty.size).toBe(0);
    expect(empty.crc).toBe(0);
    expect(inflateSync(joined(empty.chunks))).toEqual(new Uint8Array(0));
  });

  test("rank --out on the sample: every part of the package as with fflate, once inflated", async () => {
    const written = async (zlib: boolean) => {
      const pkg = await openXlsx(await sampleWorkbookBytes(), zlib ? zlibDeflater : undefined);
      const outcome = rankWorkbook(await packageGrids(pkg), { now: new Date(2024, 11, 31, 9, 30) });
      await writePackageSheets(pkg, outcome.sheets);
      return JSZip.loadAsync(await packXlsx(pkg));
    };
    const [a, b] = await Promise.all([written(true), written(false)]);
    expect(Object.keys(a.files)).toEqual(Object.keys(b.files));
    expect(Object.keys(a.files).length).toBeGreaterThan(10);
    // docProps/core.xml holds the second the package was written: the two writes may straddle one.
    const text = async (zip: JSZip, name: string) =>
      (await zip.file(name)?.async("string"))?.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1");
    for (const name of Object.keys(b.files)) expect(await text(a, name)).toBe(await text(b, name));
  });
});
