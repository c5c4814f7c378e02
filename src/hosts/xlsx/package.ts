import JSZip from "jszip";
import { isGeneratedSheet } from "../../workbook/marker";
import { columnLetters } from "../../workbook/sheet-reader";
import { OutputSheet, OutputValue, WorkbookGrids } from "../../workbook/types";
import { sniffWorkbook, UNREADABLE, UnreadableWorkbookError } from "./errors";

/**
 * The .xlsx file as a package of parts (OOXML), read and patched directly — the fast path used by
 * the CLI for big workbooks (2,000 communities, 200,000 records), and usable in a browser.
 *
 * Reading scans the sheet XML for cells (shared strings, inline strings, numbers, booleans, error
 * values, cached formula results, dates by their number format) into grids, as ExcelJS's
 * `gridsOf` does, without building a cell object model.
 *
 * Writing leaves every part of the input as it is (the input sheets keep every byte), replaces
 * only the parts of sheets this product generated, and adds new sheet parts for the rest, with
 * the styles they need (number formats, bold headers, highlight fills) appended to styles.xml.
 */

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TYPE_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
const TYPE_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const REL_SHARED_STRINGS = `${NS_REL}/sharedStrings`;
const REL_OFFICE_DOCUMENT = `${NS_REL}/officeDocument`;

export interface PackageSheet {
  name: string;
  /** Zip path of the worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  relId: string;
  sheetId: number;
}

export interface XlsxPackage {
  zip: JSZip;
  workbookPath: string;
  sheets: PackageSheet[];
  date1904: boolean;
  /** Every tab of the workbook (chart sheets too): names must stay unique, sheetIds too. */
  tabs: { name: string; sheetId: number }[];
  /** A1 of each sheet part (by path), kept by `packageGrids` so a write need not read the sheets again. */
  firstCells?: Map<string, unknown>;
  /** The shared strings as read by `packageGrids`. */
  sharedStrings?: SharedStringsPart;
}

// ---------------------------------------------------------------------------------------------
// XML text helpers

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities and OOXML's _xHHHH_ escapes → text. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes("&"))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e]
    );
  if (out.includes("_x"))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** Text → XML element content: escapes, OOXML _xHHHH_ for control characters, literal "_xHHHH_" kept. */
// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const NEEDS_ESCAPE = /[&<>_\u0000-\u001f\ufffe\uffff]/;

export function encodeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  out = out.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  const control = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]", "g");
  out = out.replace(control, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
  return out;
}

function encodeAttr(text: string): string {
  return encodeXmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** Joined text of the <t> elements, leaving out phonetic runs (<rPh>). */
function runsText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXml(out);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(sourcePath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  const re = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml))
    out.push({
      id: attr(m[1], "Id") ?? "",
      type: attr(m[1], "Type") ?? "",
      target: attr(m[1], "Target") ?? "",
    });
  return out;
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

// ---------------------------------------------------------------------------------------------
// Opening and reading

/** Opens .xlsx bytes as a package; throws UnreadableWorkbookError for anything that is not one. */
export async function openXlsx(data: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
  const reason = sniffWorkbook(data);
  if (reason) throw new UnreadableWorkbookError(reason, UNREADABLE[reason]);
  try {
    const zip = await JSZip.loadAsync(data);
    const root = parseRels((await text(zip, "_rels/.rels")) ?? "");
    const doc = root.find((r) => r.type === REL_OFFICE_DOCUMENT);
    const workbookPath = doc ? resolveTarget("", doc.target) : "xl/workbook.xml";
    const workbook = await text(zip, workbookPath);
    if (workbook === null) throw new Error("no workbook part");
    const rels = parseRels((await text(zip, relsPathOf(workbookPath))) ?? "");
    const sheets: PackageSheet[] = [];
    const tabs: { name: string; sheetId: number }[] = [];
    const re = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
    for (let m = re.exec(workbook); m; m = re.exec(workbook)) {
      const relId = /\s(?:\w+:)?id="([^"]*)"/.exec(m[1])?.[1] ?? "";
      const rel = rels.find((r) => r.id === relId);
      tabs.push({ name: attr(m[1], "name") ?? "", sheetId: Number(attr(m[1], "sheetId") ?? 0) });
      if (!rel || rel.type !== REL_WORKSHEET) continue; // chart sheets, dialog sheets: not grids
      sheets.push({
        name: attr(m[1], "name") ?? "",
        path: resolveTarget(workbookPath, rel.target),
        relId,
        sheetId: Number(attr(m[1], "sheetId") ?? 0),
      });
    }
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
    if (sheets.length === 0) throw new Error("no worksheets");
    return { zip, workbookPath, sheets, date1904, tabs };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    throw new UnreadableWorkbookError("corrupt", UNREADABLE.corrupt);
  }
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A number format that shows a date or time (quoted text, [colors] and escapes ignored). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "")
    .replace(/General/gi, "");
  return /[dmyhs]/i.test(bare);
}

interface Styles {
  xml: string | null;
  path: string | null;
  /** Per cellXfs index: does it show a date? */
  dateStyles: boolean[];
}

async function readStyles(pkg: XlsxPackage): Promise<Styles> {
  const rels = parseRels((await text(pkg.zip, relsPathOf(pkg.workbookPath))) ?? "");
  const rel = rels.find((r) => r.type === REL_STYLES);
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : null;
  const xml = path ? await text(pkg.zip, path) : null;
  const dateStyles: boolean[] = [];
  if (xml) {
    const custom = new Map<number, string>();
    const nf = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
    for (let m = nf.exec(xml); m; m = nf.exec(xml))
      custom.set(Number(attr(m[1], "numFmtId")), attr(m[1], "formatCode") ?? "");
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
    const xf = /<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g;
    for (let m = xf.exec(xfs); m; m = xf.exec(xfs)) {
      const id = Number(attr(m[1], "numFmtId") ?? 0);
      const code = custom.get(id);
      dateStyles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
    }
  }
  return { xml, path, dateStyles };
}

interface SharedStringsPart {
  /** Zip path of the part, when the workbook has one. */
  path: string | null;
  xml: string | null;
  texts: string[];
  /** Index of each plain (unformatted) entry, for reuse by generated sheets. */
  plain: Map<string, number>;
}

async function readSharedStrings(pkg: XlsxPackage): Promise<SharedStringsPart> {
  const rels = parseRels((await text(pkg.zip, relsPathOf(pkg.workbookPath))) ?? "");
  const rel = rels.find((r) => r.type === REL_SHARED_STRINGS);
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : null;
  return readSharedStringsFrom(path, path ? await text(pkg.zip, path) : null);
}

function readSharedStringsFrom(path: string | null, xml: string | null): SharedStringsPart {
  const texts: string[] = [];
  const plain = new Map<string, number>();
  if (xml) {
    const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const t = m[1] === undefined ? "" : runsText(m[1]);
      if (m[1] !== undefined && /^<(?:\w+:)?t\b[^>]*>[^<]*<\/(?:\w+:)?t>$/.test(m[1]) && !plain.has(t))
        plain.set(t, texts.length);
      texts.push(t);
    }
  }
  return { path, xml, texts, plain };
}

/** Strings of the generated sheets, shared: existing plain entries reused, new ones appended. */
class SharedStrings {
  private readonly index: Map<string, number>;
  readonly added: string[] = [];
  refs = 0;
  constructor(private readonly part: SharedStringsPart) {
    this.index = new Map(part.plain);
  }

  id(t: string): number {
    this.refs++;
    let i = this.index.get(t);
    if (i === undefined) {
      i = this.part.texts.length + this.added.length;
      this.index.set(t, i);
      this.added.push(t);
    }
    return i;
  }

  /** The shared-strings part with the new entries appended (existing entries untouched). */
  xml(): string {
    const entries = this.added
      .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ""}>${encodeXmlText(t)}</t></si>`)
      .join("");
    const base = this.part.xml;
    if (!base)
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.added.length}">${entries}</sst>`;
    const open = /<((?:\w+:)?)sst\b([^>]*?)(\/?)>/.exec(base);
    if (!open) return base;
    const prefix = open[1];
    const count = Number(/\bcount="(\d+)"/.exec(open[2])?.[1] ?? this.part.texts.length);
    const attrs = open[2].replace(/\s*\b(?:count|uniqueCount)="\d*"/g, "");
    const head = `<${prefix}sst${attrs} count="${count + this.refs}" uniqueCount="${this.part.texts.length + this.added.length}">`;
    const withEntries = entries.replace(/<(\/?)(si|t)\b/g, `<$1${prefix}$2`);
    if (open[3] === "/") return base.replace(open[0], `${head}${withEntries}</${prefix}sst>`);
    const close = base.lastIndexOf(`</${prefix}sst>`);
    return (
      base.slice(0, open.index) +
      head +
      base.slice(open.index + open[0].length, close) +
      withEntries +
      base.slice(close)
    );
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((date1904 ? EPOCH_1904_MS : EXCEL_EPOCH_MS) + serial * 86_400_000));
}

function parseSheet(
  xml: string,
  sst: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean
): unknown[][] {
  const values: unknown[][] = [];
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return values;
  const body = xml.slice(start);
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let rowNumber = 0;
  for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
    const r = attr(m[1], "r");
    rowNumber = r ? Number(r) : rowNumber + 1;
    const content = m[2];
    if (!content) continue;
    const line: unknown[] = [];
    let col = 0;
    cellRe.lastIndex = 0;
    for (let c = cellRe.exec(content); c; c = cellRe.exec(content)) {
      const a = c[1];
      const ref = /\br="([A-Z]+)\d*"/.exec(a);
      col = ref ? columnNumber(ref[1]) : col + 1;
      const inner = c[2];
      if (!inner) continue;
      const value = cellValue(a, inner, sst, dateStyles, date1904);
      if (value !== null) line[col - 1] = value;
    }
    if (line.length === 0) continue;
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[rowNumber - 1] = line;
  }
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  return values;
}

function cellValue(
  attrs: string,
  inner: string,
  sst: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean
): unknown {
  const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "n";
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return is ? runsText(is[1]) : v !== undefined ? decodeXml(v) : null;
  }
  if (v === undefined) {
    const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    return f ? { formula: decodeXml(f[1] ?? "") } : null;
  }
  switch (type) {
    case "s":
      return sst[Number(v)] ?? "";
    case "str":
      return decodeXml(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return decodeXml(v).trim();
    case "d": {
      const d = new Date(decodeXml(v));
      return Number.isNaN(d.getTime()) ? decodeXml(v) : d;
    }
    default: {
      const n = Number(v);
      const s = /\bs="(\d+)"/.exec(attrs);
      if (s && dateStyles[Number(s[1])] && Number.isFinite(n)) return serialToDate(n, date1904);
      return n;
    }
  }
}

/** Every worksheet of the package as a grid from A1, in tab order (like Excel's used ranges). */
export async function packageGrids(pkg: XlsxPackage): Promise<WorkbookGrids> {
  const [shared, styles] = await Promise.all([readSharedStrings(pkg), readStyles(pkg)]);
  pkg.sharedStrings = shared;
  const sst = shared.texts;
  const grids: WorkbookGrids = [];
  pkg.firstCells = new Map();
  for (const s of pkg.sheets) {
    const xml = (await text(pkg.zip, s.path)) ?? "";
    grids.push({
      name: s.name,
      values: parseSheet(xml, sst, styles.dateStyles, pkg.date1904),
      firstRow: 1,
      firstColumn: 1,
    });
    pkg.firstCells.set(s.path, grids[grids.length - 1].values[0]?.[0] ?? null);
  }
  return grids;
}

// ---------------------------------------------------------------------------------------------
// Writing generated sheets into the package

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** Styles appended to styles.xml for the generated sheets: one xf per (format, fill, bold). */
class StyleBook {
  private readonly keys = new Map<string, number>();
  readonly wanted: { numFmt: string; fill: string | null; bold: boolean }[] = [];
  constructor(private readonly base: number) {}

  xf(numFmt: string, fill: string | null, bold: boolean): number {
    const key = `${numFmt}\u0000${fill ?? ""}\u0000${bold ? 1 : 0}`;
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.base + this.wanted.length;
      this.keys.set(key, i);
      this.wanted.push({ numFmt, fill, bold });
    }
    return i;
  }
}

function countOf(xml: string, tag: string): number {
  const block = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`).exec(xml);
  if (!block || !block[1]) return 0;
  const child = tag === "cellXfs" ? "xf" : tag.replace(/s$/, "");
  return (block[1].match(new RegExp(`<(?:\\w+:)?${child}\\b`, "g")) ?? []).length;
}

const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Appends `children` to the block `tag` (creating it before `before` when missing), fixing its count. */
function appendBlock(
  xml: string,
  tag: string,
  children: string,
  added: number,
  before: readonly string[]
): string {
  if (added === 0) return xml;
  const open = new RegExp(`<((?:\\w+:)?)${tag}\\b([^>]*?)(/?)>`).exec(xml);
  if (open) {
    const prefix = open[1];
    const attrs = open[2].replace(/\s*count="\d+"/, "");
    const existing = countOf(xml, tag);
    const head = `<${prefix}${tag}${attrs} count="${existing + added}">`;
    if (open[3] === "/") return xml.replace(open[0], `${head}${children}</${prefix}${tag}>`);
    const close = `</${prefix}${tag}>`;
    const at = xml.indexOf(close, open.index);
    return (
      xml.slice(0, open.index) + head + xml.slice(open.index + open[0].length, at) + children + xml.slice(at)
    );
  }
  const prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  const block = `<${prefix}${tag} count="${added}">${children}</${prefix}${tag}>`;
  for (const b of before) {
    const at = xml.search(new RegExp(`<(?:\\w+:)?${b}\\b`));
    if (at >= 0) return xml.slice(0, at) + block + xml.slice(at);
  }
  const end = xml.search(/<\/(?:\w+:)?styleSheet>/);
  return xml.slice(0, end) + block + xml.slice(end);
}

const STYLE_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const after = (tag: string) => STYLE_ORDER.slice(STYLE_ORDER.indexOf(tag) + 1);

function patchStyles(xml: string, book: StyleBook): string {
  if (book.wanted.length === 0) return xml;
  const prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  const el = (name: string) => prefix + name;
  // Number formats: built-in ids where they exist, else an existing custom id, else a new one.
  const customs = new Map<string, number>();
  let maxId = 163;
  const nf = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  for (let m = nf.exec(xml); m; m = nf.exec(xml)) {
    const id = Number(attr(m[1], "numFmtId"));
    customs.set(attr(m[1], "formatCode") ?? "", id);
    maxId = Math.max(maxId, id);
  }
  let newFormats = "";
  let formatCount = 0;
  const fmtId = (code: string): number => {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    let id = customs.get(code);
    if (id === undefined) {
      id = ++maxId;
      customs.set(code, id);
      newFormats += `<${el("numFmt")} numFmtId="${id}" formatCode="${encodeAttr(code)}"/>`;
      formatCount++;
    }
    return id;
  };
  // The bold font: the workbook's default font made bold.
  const fontsBlock = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml)?.[1] ?? "";
  const firstFont = /<(?:\w+:)?font\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?font>)/.exec(fontsBlock)?.[0];
  const boldFont =
    firstFont && !firstFont.endsWith("/>")
      ? firstFont.replace(/^(<(?:\w+:)?font\b[^>]*>)/, `$1<${el("b")}/>`)
      : `<${el("font")}><${el("b")}/><${el("sz")} val="11"/></${el("font")}>`;
  const fontId = countOf(xml, "fonts");
  const fillBase = countOf(xml, "fills");
  const fills: string[] = [];
  const fillId = (color: string | null): number => {
    if (color === null) return 0;
    const argb = color.replace(/^#/, "").toUpperCase();
    const rgb = argb.length === 8 ? argb : `FF${argb.padStart(6, "0")}`;
    let i = fills.indexOf(rgb);
    if (i < 0) {
      fills.push(rgb);
      i = fills.length - 1;
    }
    return fillBase + i;
  };
  let xfs = "";
  for (const w of book.wanted) {
    const id = fmtId(w.numFmt);
    const fill = fillId(w.fill);
    xfs +=
      `<${el("xf")} numFmtId="${id}" fontId="${w.bold ? fontId : 0}" fillId="${fill}" borderId="0" xfId="0"` +
      ` applyNumberFormat="1"${w.bold ? ' applyFont="1"' : ""}${w.fill ? ' applyFill="1"' : ""}/>`;
  }
  let out = xml;
  out = appendBlock(out, "numFmts", newFormats, formatCount, after("numFmts"));
  out = appendBlock(out, "fonts", boldFont, 1, after("fonts"));
  const fillXml = fills
    .map(
      (rgb) =>
        `<${el("fill")}><${el("patternFill")} patternType="solid"><${el("fgColor")} rgb="${rgb}"/><${el("bgColor")} indexed="64"/></${el("patternFill")}></${el("fill")}>`
    )
    .join("");
  out = appendBlock(out, "fills", fillXml, fills.length, after("fills"));
  out = appendBlock(out, "cellXfs", xfs, book.wanted.length, after("cellXfs"));
  return out;
}

/** UTF-8 bytes written piece by piece: big sheets never become one huge string. */
class ByteWriter {
  private static readonly encoder = new TextEncoder();
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly chunks: Uint8Array[] = [];

  push(...texts: string[]): void {
    for (const t of texts) {
      this.pending.push(t);
      this.pendingLength += t.length;
    }
    if (this.pendingLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(ByteWriter.encoder.encode(this.pending.join("")));
    this.pending = [];
    this.pendingLength = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The worksheet XML of a generated sheet: values (strings inline, as text), styles, widths, frozen rows, drop-downs. */
function sheetXml(sheet: OutputSheet, book: StyleBook, strings: SharedStrings): Uint8Array {
  let width = Math.max(sheet.widths.length, sheet.numberFormats.length, 1);
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  const fillOf = new Map(sheet.highlight.map((h) => [h.row, h.color]));
  // Style ids per column, for each (fill, header) pair met: one lookup per cell.
  const styleRows = new Map<string, number[]>();
  const stylesFor = (fill: string | null, header: boolean): number[] => {
    const key = `${fill ?? ""}|${header ? 1 : 0}`;
    let ids = styleRows.get(key);
    if (!ids) {
      ids = Array.from({ length: width }, (_, c) =>
        book.xf(header ? "@" : (sheet.numberFormats[c] ?? "General"), fill, header)
      );
      styleRows.set(key, ids);
    }
    return ids;
  };
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const parts = new ByteWriter();
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    `<dimension ref="A1:${letters[width - 1]}${Math.max(1, sheet.rows.length)}"/>`
  );
  if (sheet.freezeRows > 0) {
    const top = `A${sheet.freezeRows + 1}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    );
  }
  parts.push(`<sheetFormatPr defaultRowHeight="15"/><cols>`);
  for (let c = 0; c < width; c++)
    parts.push(
      `<col min="${c + 1}" max="${c + 1}" width="${(sheet.widths[c] ?? 10) + 0.7109375}" customWidth="1"/>`
    );
  parts.push(`</cols><sheetData>`);
  sheet.rows.forEach((row, r) => {
    const header = r <= sheet.headerRow;
    const fill = fillOf.get(r) ?? null;
    const ids = stylesFor(fill, header);
    const n = r + 1;
    let line = `<row r="${n}">`;
    for (let c = 0; c < row.length; c++) {
      const v: OutputValue = row[c];
      if (v === null || v === "") {
        if (fill !== null) line += `<c r="${letters[c]}${n}" s="${ids[c]}"/>`;
        continue;
      }
      const head = `<c r="${letters[c]}${n}" s="${ids[c]}"`;
      if (typeof v === "number" && Number.isFinite(v)) line += `${head}><v>${v}</v></c>`;
      else if (typeof v === "boolean") line += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      else line += `${head} t="s"><v>${strings.id(String(v))}</v></c>`;
    }
    // Highlighted rows are filled across the whole width, blank cells included.
    if (fill !== null)
      for (let c = row.length; c < width; c++) line += `<c r="${letters[c]}${n}" s="${ids[c]}"/>`;
    parts.push(line + `</row>`);
  });
  parts.push(`</sheetData>`);
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    parts.push(`<dataValidations count="${validations.length}">`);
    for (const v of validations) {
      const l = columnLetters(v.column + 1);
      const first = sheet.headerRow + 2;
      parts.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${l}${first}:${l}${Math.max(first, VALIDATION_ROWS)}">` +
          `<formula1>${encodeXmlText(`"${v.choices.join(",")}"`)}</formula1></dataValidation>`
      );
    }
    parts.push(`</dataValidations>`);
  }
  parts.push(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
  return parts.bytes();
}

const fold = (name: string) => name.normalize("NFKC").trim().toLowerCase();

/** Rows of a sheet that carry its drop-downs (template). */
export const VALIDATION_ROWS = 2000;

/**
 * Writes generated sheets into the package. A sheet of the same name that this product generated
 * (A1 marker) has its part replaced in place; a sheet a person made is never touched and the
 * output takes the next free name ("排名 (2)"). All other parts stay byte for byte. Returns the
 * tab names written.
 */
export async function writePackageSheets(
  pkg: XlsxPackage,
  sheets: readonly OutputSheet[]
): Promise<string[]> {
  if (sheets.length === 0) return [];
  const zip = pkg.zip;
  const relsPath = relsPathOf(pkg.workbookPath);
  let relsXml =
    (await text(zip, relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let workbook = (await text(zip, pkg.workbookPath)) ?? "";
  let types = (await text(zip, "[Content_Types].xml")) ?? "";
  let styles = await readStyles(pkg);
  if (!styles.xml || !styles.path) {
    const path = resolveTarget(pkg.workbookPath, "styles.xml");
    relsXml = addRel(relsXml, REL_STYLES, "styles.xml");
    types = addOverride(types, `/${path}`, TYPE_STYLES);
    styles = { xml: MINIMAL_STYLES, path, dateStyles: [] };
  }
  const book = new StyleBook(countOf(styles.xml ?? "", "cellXfs"));
  const sharedPart = pkg.sharedStrings ?? (await readSharedStrings(pkg));
  const strings = new SharedStrings(sharedPart);
  const firstCells = await packageFirstCells(pkg);
  const written: string[] = [];

  for (const sheet of sheets) {
    let name = sheet.name;
    let target: PackageSheet | undefined;
    for (let n = 2; ; n++) {
      const existing = pkg.sheets.find((s) => fold(s.name) === fold(name));
      const tab = pkg.tabs.find((t) => fold(t.name) === fold(name));
      if (!existing && !tab) break;
      if (existing && isGeneratedSheet(firstCells.get(existing.path))) {
        target = existing;
        break;
      }
      name = `${sheet.name} (${n})`;
    }
    const xml = sheetXml(sheet, book, strings);
    if (target) {
      zip.file(target.path, xml);
      zip.remove(relsPathOf(target.path));
    } else {
      let k = pkg.sheets.length + 1;
      const dir = resolveTarget(pkg.workbookPath, "worksheets/x").replace(/x$/, "");
      while (zip.file(`${dir}sheet${k}.xml`)) k++;
      const path = `${dir}sheet${k}.xml`;
      zip.file(path, xml);
      const relTarget = path.startsWith(dirOf(pkg.workbookPath))
        ? path.slice(dirOf(pkg.workbookPath).length)
        : `/${path}`;
      const relId = nextRelId(relsXml);
      relsXml = addRel(relsXml, REL_WORKSHEET, relTarget, relId);
      types = addOverride(types, `/${path}`, TYPE_WORKSHEET);
      const sheetId = pkg.tabs.reduce((n, t) => Math.max(n, t.sheetId), 0) + 1;
      workbook = addSheetEntry(workbook, name, sheetId, relId);
      pkg.sheets.push({ name, path, relId, sheetId });
      pkg.tabs.push({ name, sheetId });
    }
    firstCells.set(pkg.sheets.find((s) => s.name === name)?.path ?? "", sheet.rows[0]?.[0] ?? null);
    written.push(name);
  }
  zip.file(styles.path ?? "xl/styles.xml", patchStyles(styles.xml ?? MINIMAL_STYLES, book));
  if (strings.added.length > 0 || strings.refs > 0) {
    let path = sharedPart.path;
    if (!path) {
      path = resolveTarget(pkg.workbookPath, "sharedStrings.xml");
      relsXml = addRel(relsXml, REL_SHARED_STRINGS, "sharedStrings.xml");
      types = addOverride(types, `/${path}`, TYPE_SHARED_STRINGS);
    }
    const xml = strings.xml();
    zip.file(path, xml);
    // A second write into the same package sees the strings added by the first.
    for (const t of strings.added) {
      if (!sharedPart.plain.has(t)) sharedPart.plain.set(t, sharedPart.texts.length);
      sharedPart.texts.push(t);
    }
    pkg.sharedStrings = { ...sharedPart, path, xml };
  }
  zip.file(relsPath, relsXml);
  zip.file(pkg.workbookPath, workbook);
  zip.file("[Content_Types].xml", types);
  return written;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** A1 of each sheet, to tell generated sheets (marker) from a person's. */
async function packageFirstCells(pkg: XlsxPackage): Promise<Map<string, unknown>> {
  if (pkg.firstCells) return pkg.firstCells;
  const sst = (pkg.sharedStrings ?? (await readSharedStrings(pkg))).texts;
  const out = new Map<string, unknown>();
  for (const s of pkg.sheets) {
    const xml = (await text(pkg.zip, s.path)) ?? "";
    const a1 = /<(?:\w+:)?c\b([^>]*\br="A1"[^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/.exec(xml);
    out.set(s.path, a1 && a1[2] ? cellValue(a1[1], a1[2], sst, [], false) : null);
  }
  return out;
}

function nextRelId(relsXml: string): string {
  let max = 0;
  for (const m of relsXml.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return `rId${max + 1}`;
}

function addRel(relsXml: string, type: string, target: string, id = nextRelId(relsXml)): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${encodeAttr(target)}"/>`;
  const close = relsXml.search(/<\/(?:\w+:)?Relationships>/);
  return relsXml.slice(0, close) + rel + relsXml.slice(close);
}

function addOverride(types: string, partName: string, contentType: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  const close = types.search(/<\/(?:\w+:)?Types>/);
  return (
    types.slice(0, close) +
    `<Override PartName="${partName}" ContentType="${contentType}"/>` +
    types.slice(close)
  );
}

function addSheetEntry(workbook: string, name: string, sheetId: number, relId: string): string {
  const rootPrefix = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? "";
  const relPrefix = new RegExp(`xmlns:(\\w+)="${NS_REL.replace(/[.]/g, "\\.")}"`).exec(workbook)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
  const entry = `<${rootPrefix}sheet name="${encodeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const close = workbook.search(/<\/(?:\w+:)?sheets>/);
  return workbook.slice(0, close) + entry + workbook.slice(close);
}

/** The package as .xlsx bytes; parts left untouched keep their compressed bytes. */
export async function packXlsx(pkg: XlsxPackage): Promise<Uint8Array> {
  return pkg.zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 1 },
  });
}
