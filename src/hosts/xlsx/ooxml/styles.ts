import type { CellLook } from "../../../workbook/types";
import type { XlsxPackage } from "./package";
import { REL_STYLES, workbookPart } from "./package";
import { attr, encodeAttr, NS_MAIN } from "./xml";

/**
 * styles.xml: which cell styles show dates (for reading), and the styles generated sheets need
 * (number formats, bold headers, highlight fills) appended to it (for writing).
 */

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

export interface Styles {
  path: string | null;
  /** Per cellXfs index: does it show a date? */
  dateStyles: boolean[];
}

/** Which cell styles show dates, streamed from styles.xml. */
export function readStyles(pkg: XlsxPackage): Styles {
  const path = workbookPart(pkg, REL_STYLES);
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  if (path)
    pkg.parts.xml(path, {
      open(name, a) {
        if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
  const dateStyles = ids.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
  return { path, dateStyles };
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** A look's words in a fixed order: equal looks give equal keys. */
function lookKey(look: CellLook | undefined): string {
  if (!look) return "";
  return [
    look.size ?? "",
    look.color ?? "",
    look.center ? 1 : "",
    look.middle ? 1 : "",
    look.wrap ?? "",
    look.indent ?? "",
  ].join(",");
}

/** Styles appended to styles.xml for the generated sheets: one xf per (format, fill, bold, look). */
export class StyleBook {
  private readonly keys = new Map<string, number>();
  readonly wanted: { numFmt: string; fill: string | null; bold: boolean; look?: CellLook }[] = [];
  constructor(private readonly base: number) {}

  xf(numFmt: string, fill: string | null, bold: boolean, look?: CellLook): number {
    const key = `${numFmt}\u0000${fill ?? ""}\u0000${bold ? 1 : 0}\u0000${lookKey(look)}`;
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.base + this.wanted.length;
      this.keys.set(key, i);
      this.wanted.push(look ? { numFmt, fill, bold, look } : { numFmt, fill, bold });
    }
    return i;
  }
}

/** `<alignment>` of a look (centred, wrapped, indented), or "" when it has none. */
function alignmentXml(look: CellLook | undefined, el: (name: string) => string): string {
  if (!look) return "";
  const a: string[] = [];
  if (look.center) a.push(`horizontal="center"`);
  else if (look.indent) a.push(`horizontal="left"`);
  if (look.middle) a.push(`vertical="center"`);
  if (look.wrap) a.push(`wrapText="1"`);
  if (look.indent) a.push(`indent="${look.indent}"`);
  return a.length === 0 ? "" : `<${el("alignment")} ${a.join(" ")}/>`;
}

export function countOf(xml: string, tag: string): number {
  const block = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`).exec(xml);
  if (!block || !block[1]) return 0;
  const child = tag === "cellXfs" ? "xf" : tag.replace(/s$/, "");
  return (block[1].match(new RegExp(`<(?:\\w+:)?${child}\\b`, "g")) ?? []).length;
}

export const MINIMAL_STYLES =
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

export function patchStyles(xml: string, book: StyleBook): string {
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
  // Fonts: the workbook's default font made bold, larger or grey, each kind once.
  const fontsBlock = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml)?.[1] ?? "";
  const firstFont = /<(?:\w+:)?font\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?font>)/.exec(fontsBlock)?.[0];
  const baseFont =
    firstFont && !firstFont.endsWith("/>") && /<(?:\w+:)?sz\b/.test(firstFont)
      ? firstFont
      : `<${el("font")}><${el("sz")} val="11"/></${el("font")}>`;
  const fontBase = countOf(xml, "fonts");
  const fonts: string[] = [];
  const fontKeys: string[] = [];
  const fontId = (bold: boolean, look: CellLook | undefined): number => {
    if (!bold && look?.size === undefined && look?.color === undefined) return 0;
    const key = `${bold ? 1 : 0},${look?.size ?? ""},${look?.color ?? ""}`;
    let i = fontKeys.indexOf(key);
    if (i < 0) {
      let f = baseFont;
      if (look?.color !== undefined)
        f = f
          .replace(/<(?:\w+:)?color\b[^>]*?\/>/, "")
          .replace(
            /(<(?:\w+:)?sz\b[^>]*?\/>)/,
            `$1<${el("color")} rgb="FF${look.color.replace(/^#/, "").toUpperCase()}"/>`
          );
      if (look?.size !== undefined)
        f = f.replace(/(<(?:\w+:)?sz\b[^>]*?\bval=")[^"]*(")/, `$1${look.size}$2`);
      if (bold) f = f.replace(/^(<(?:\w+:)?font\b[^>]*>)/, `$1<${el("b")}/>`);
      fontKeys.push(key);
      fonts.push(f);
      i = fonts.length - 1;
    }
    return fontBase + i;
  };
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
    const font = fontId(w.bold, w.look);
    const alignment = alignmentXml(w.look, el);
    const head =
      `<${el("xf")} numFmtId="${id}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
      ` applyNumberFormat="1"${font !== 0 ? ' applyFont="1"' : ""}${w.fill ? ' applyFill="1"' : ""}`;
    xfs += alignment ? `${head} applyAlignment="1">${alignment}</${el("xf")}>` : `${head}/>`;
  }
  let out = xml;
  out = appendBlock(out, "numFmts", newFormats, formatCount, after("numFmts"));
  out = appendBlock(out, "fonts", fonts.join(""), fonts.length, after("fonts"));
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
