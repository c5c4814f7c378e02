import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";
import { newWorkbookBytes } from "../../src/hosts/xlsx/ooxml";
import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";

/**
 * Odd and hostile .xlsx files, made in the test from the sample workbook (nothing big is
 * committed): each one the sample with one thing changed in its XML or its zip. The sample's
 * parts: sheet2.xml is 目标管理 (row 2: 东门社区, B2 = 18; its cells without styles, so an edit
 * names a cell as `<c r="B2"><v>18</v></c>`), sheet7.xml is 人员.
 */

export const TARGETS = "xl/worksheets/sheet2.xml";
export const STAFF = "xl/worksheets/sheet7.xml";
export const SHARED = "xl/sharedStrings.xml";

let base: Record<string, Uint8Array> | null = null;

export async function sampleParts(): Promise<Record<string, Uint8Array>> {
  if (!base) {
    base = unzipSync(await newWorkbookBytes(sampleSheets(workplanTemplateRows())));
    base[TARGETS] = strToU8(strFromU8(base[TARGETS]).replace(/(<c r="[A-Z]+\d+") s="\d+"/g, "$1"));
  }
  return { ...base };
}

export function zip(parts: Record<string, Uint8Array>): Uint8Array {
  return zipSync(parts, { level: 1 });
}

/** The sample with one part's text changed; throws when the text to change is not there. */
export async function edited(path: string, from: string | RegExp, to: string): Promise<Uint8Array> {
  const parts = await sampleParts();
  const xml = strFromU8(parts[path]);
  const next = xml.replace(from, to);
  if (next === xml) throw new Error(`corpus: ${String(from)} not found in ${path}`);
  parts[path] = strToU8(next);
  return zip(parts);
}

/** UTF-16 (little-endian with a byte-order mark), as some tools write XML. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

/** Replaces every occurrence of one byte string by another of the same length. */
export function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const a = strToU8(from);
  const b = strToU8(to);
  const out = bytes.slice();
  outer: for (let i = 0; i + a.length <= out.length; i++) {
    for (let j = 0; j < a.length; j++) if (out[i + j] !== a[j]) continue outer;
    out.set(b, i);
  }
  return out;
}

/**
 * The transitional namespaces of the sample's parts and their Strict Open XML twins (ISO/IEC
 * 29500-1 Strict, as Excel's "Strict Open XML Spreadsheet" writes them); the package's own (OPC)
 * namespaces and content types are the same in both.
 */
const STRICT: [string, string][] = [
  [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
  ],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

/** The sample as a Strict Open XML workbook: every namespace rewritten, the workbook marked conformance="strict". */
export async function strictParts(): Promise<Record<string, Uint8Array>> {
  const parts = await sampleParts();
  for (const [path, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    let xml = strFromU8(bytes);
    for (const [from, to] of STRICT) xml = xml.split(from).join(to);
    if (path === "xl/workbook.xml") xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
    parts[path] = strToU8(xml);
  }
  const left = Object.values(parts).find((b) =>
    strFromU8(b).includes("schemas.openxmlformats.org/spreadsheetml")
  );
  if (left) throw new Error("corpus: a transitional namespace is left in the Strict copy");
  return parts;
}

/** The zip with the CRC-32 of one entry set to `crc`, in its local header and in the directory. */
function withCrc(bytes: Uint8Array, name: string, crc: number): Uint8Array {
  const out = Buffer.from(bytes);
  const needle = Buffer.from(name);
  let patched = 0;
  for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, at + 1)) {
    if (at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50)
      (out.writeUInt32LE(crc, at - 30 + 14), patched++);
    if (at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50)
      (out.writeUInt32LE(crc, at - 46 + 16), patched++);
  }
  if (patched !== 2) throw new Error(`corpus: ${name} not found in the zip`);
  return new Uint8Array(out);
}

/** Parts as a zip of stored (uncompressed) entries, as some tools write it. */
export function storedZip(parts: Record<string, Uint8Array>): Uint8Array {
  return zipSync(parts, { level: 0 });
}

/** Named odd files, each with the verdict a reader must give. */
export interface OddFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

export const ODD_FILES: OddFile[] = [
  {
    name: "empty <v></v> in a number cell",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><v></v></c>'),
  },
  {
    name: "blank <v> </v> in a number cell",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><v> </v></c>'),
  },
  {
    name: "0x12 in a number cell",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><v>0x12</v></c>'),
  },
  { name: 'row r="abc"', bytes: () => edited(TARGETS, '<row r="3"', '<row r="abc"') },
  {
    name: 'row r="1000000000"',
    bytes: () =>
      edited(
        TARGETS,
        /<\/sheetData>/,
        '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'
      ),
  },
  {
    name: "cell ZZZZZZ20",
    bytes: () =>
      edited(TARGETS, /<\/sheetData>/, '<row r="20"><c r="ZZZZZZ20"><v>1</v></c></row></sheetData>'),
  },
  {
    name: "shared-string index past the table",
    bytes: () => edited(STAFF, /(<c r="A2"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, "$199999$2"),
  },
  {
    name: "invalid code point &#x110000;",
    bytes: () => edited(SHARED, /<t>东门社区<\/t>/, "<t>东门社区&#x110000;</t>"),
  },
  {
    name: "control character U+0001",
    bytes: () => edited(SHARED, /<t>东门社区<\/t>/, "<t>东门社区\u0001</t>"),
  },
  {
    name: "duplicated zip entry for a sheet",
    bytes: async () => {
      const parts = await sampleParts();
      const changed = strFromU8(parts[TARGETS]).replace('<c r="B2"><v>18</v></c>', '<c r="B2"><v>2</v></c>');
      // A second entry under a name of the same length, renamed in place to the sheet's name.
      parts["xl/worksheets/sheetX.xml"] = strToU8(changed);
      return replaceBytes(zip(parts), "xl/worksheets/sheetX.xml", TARGETS);
    },
  },
  {
    // Bit rot: in a stored zip the XML lies on disk as it is, and one digit changed still reads.
    name: "a digit changed on disk in a stored zip (CRC-32 no longer matches)",
    bytes: async () =>
      replaceBytes(storedZip(await sampleParts()), '<c r="B2"><v>18</v></c>', '<c r="B2"><v>19</v></c>'),
  },
  {
    name: "a deflated part whose CRC-32 does not match its directory",
    bytes: async () => {
      const parts = await sampleParts();
      // One bit off the part's true CRC-32: the XML itself is untouched and reads as ever.
      return withCrc(zip(parts), TARGETS, (crc32(parts[TARGETS]) ^ 1) >>> 0);
    },
  },
  {
    name: "UTF-16 sheet part",
    bytes: async () => {
      const parts = await sampleParts();
      const xml = strFromU8(parts[TARGETS]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      parts[TARGETS] = utf16le(xml);
      return zip(parts);
    },
  },
];

/**
 * A zip bomb: the sample with its 目标管理 part replaced by `inflated` bytes of valid XML (a
 * sheet of comments, or of spaces), made without deflating that much: one 1 MiB block is
 * deflated once with a sync flush and its bytes repeated (each copy refers only to itself).
 * `honest`: the directory declares the real size; else it claims 1 KiB.
 */
export async function zipBomb(
  inflated: number,
  filler: "comments" | "spaces",
  honest: boolean
): Promise<Uint8Array> {
  const CHUNK = 1 << 20;
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  const tail = `</sheetData></worksheet>`;
  const unit = filler === "comments" ? "<!-- bomb -->   " : "                ";
  const block = Buffer.from(unit.repeat(CHUNK / unit.length));
  const copies = Math.ceil(inflated / CHUNK);
  const flushed = deflateRawSync(block, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const pieces: Buffer[] = [deflateRawSync(Buffer.from(head), { finishFlush: zlibConstants.Z_SYNC_FLUSH })];
  for (let i = 0; i < copies; i++) pieces.push(flushed);
  pieces.push(deflateRawSync(Buffer.from(tail)));
  const data = Buffer.concat(pieces);
  const size = head.length + copies * CHUNK + tail.length;
  const parts = await sampleParts();
  const entries = Object.entries(parts).map(([name, bytes]) =>
    name === TARGETS
      ? { name, data, size: honest ? size : 1024, crc: 0 }
      : { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) }
  );
  return rawZip(entries);
}

/** A zip written field by field (deflated entries), so a test can make its directory say anything. */
function rawZip(entries: { name: string; data: Uint8Array; size: number; crc: number }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}
