import { WorkbookGrids } from "../../../workbook/types";
import type { XlsxPackage } from "./package";
import { text } from "./package";
import { readSharedStrings } from "./shared-strings";
import { readStyles } from "./styles";
import { decodeXml, runsText, attr } from "./xml";

/**
 * Reading cells: scans the sheet XML for cells (shared strings, inline strings, numbers, booleans,
 * error values, cached formula results, dates by their number format) into grids, as ExcelJS's
 * `gridsOf` does, without building a cell object model.
 */

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
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

/** A1 of each sheet, to tell generated sheets (marker) from a person's. */
export async function packageFirstCells(pkg: XlsxPackage): Promise<Map<string, unknown>> {
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
