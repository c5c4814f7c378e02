import { address } from "../../workbook/cells";
import { BarChart, CellLook, CellRule, OutputSheet, OutputValue } from "../../workbook/types";

/**
 * How generated sheets are cut into Office.js writes — pure arithmetic, no Office.js, so the
 * plan can be tested and benchmarked without Excel. excel-host.ts applies it.
 *
 * Excel on the web rejects a request (one context.sync) above 5 MB. Writes are whole ranges
 * ("blocks" of rows) of at most BLOCK_BYTES each, packed into requests of at most REQUEST_BYTES,
 * which leaves room for the request envelope and the structural commands of the same batch.
 */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const REQUEST_BYTES = 4_000_000;
export const BLOCK_BYTES = 1_000_000;

export type CellValue = string | number | boolean;

const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * True when Excel would not keep `text` as the text it is if it were written to `range.values`:
 * a formula (`=1+1`), a number, date, time, percentage, boolean or error literal. Such text is
 * written with a leading apostrophe, Excel's "this is text" prefix (not part of the value), into a
 * cell given the text format "@" first in the same request (textRuns): the format is what Excel
 * documents for keeping text as text; the apostrophe is the typed-text convention, kept as a second
 * guard. docs/excel-acceptance.md has a person confirm both in real Excel.
 */
export function needsTextPrefix(text: string): boolean {
  const s = text.normalize("NFKC").trim();
  if (s === "") return false;
  if (/^[=+\-@'#.(]/.test(s)) return true;
  if (/^[\d$¥€£]/.test(s)) return true;
  if (/^(true|false)$/i.test(s)) return true;
  return MONTH_START.test(s);
}

/** A value of a generated sheet as Office.js takes it: text kept as text, blank as "". */
export function toCell(value: OutputValue): CellValue {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

/** UTF-8 bytes of `text` as it travels in a JSON request (quotes and escapes included). */
export function jsonBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

export function cellBytes(value: CellValue): number {
  if (typeof value === "string") return jsonBytes(value) + 1;
  return String(value).length + 1;
}

/** A whole-range write: the values of `rowCount` rows starting at Excel row `firstRow`, all columns. */
export interface Block {
  sheet: string;
  address: string;
  firstRow: number;
  rowCount: number;
  columnCount: number;
  values: CellValue[][];
  /**
   * Runs of cells (down one column) holding text that Excel would not keep as text: the hosts set
   * their number format to text ("@") before writing the values, in the same request.
   */
  textRuns: { address: string; formats: string[][] }[];
  bytes: number;
}

/** Text written with the "this is text" apostrophe (toCell): the cells that need the text format. */
const needsTextFormat = (v: CellValue) => typeof v === "string" && v.startsWith("'");

/** Runs of text cells down each column of rows starting at Excel row `firstRow`. */
export function textRunsOf(rows: readonly CellValue[][], firstRow: number): Block["textRuns"] {
  const runs: Block["textRuns"] = [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < rows.length) {
      if (!needsTextFormat(rows[r][c])) {
        r++;
        continue;
      }
      const start = r;
      while (r < rows.length && needsTextFormat(rows[r][c])) r++;
      runs.push({
        address: address(firstRow + start, c + 1, firstRow + r - 1, c + 1),
        formats: Array.from({ length: r - start }, () => [TEXT_FORMAT]),
      });
    }
  }
  return runs;
}

/** Excel's text number format. */
export const TEXT_FORMAT = "@";

/** A number-format write of one column over a run of data rows. */
export interface FormatBlock {
  sheet: string;
  address: string;
  formats: string[][];
  bytes: number;
}

export function columnCount(sheet: OutputSheet): number {
  return Math.max(sheet.numberFormats.length, ...sheet.rows.map((r) => r.length), 1);
}

/** Cuts a sheet's rows into blocks of at most `blockBytes` (a single row is never cut). */
export function valueBlocks(sheet: OutputSheet, blockBytes: number = BLOCK_BYTES): Block[] {
  const width = columnCount(sheet);
  const blocks: Block[] = [];
  let rows: CellValue[][] = [];
  let bytes = 0;
  let first = 1;
  const flush = () => {
    if (rows.length === 0) return;
    const textRuns = textRunsOf(rows, first);
    blocks.push({
      sheet: sheet.name,
      address: address(first, 1, first + rows.length - 1, width),
      firstRow: first,
      rowCount: rows.length,
      columnCount: width,
      values: rows,
      textRuns,
      bytes: bytes + textRuns.reduce((n, t) => n + t.address.length + 8 + t.formats.length * 6, 0),
    });
    first += rows.length;
    rows = [];
    bytes = 0;
  };
  for (const source of sheet.rows) {
    const row: CellValue[] = [];
    let rowBytes = 2;
    for (let c = 0; c < width; c++) {
      const v = toCell(c < source.length ? source[c] : null);
      row.push(v);
      rowBytes += cellBytes(v);
    }
    if (rows.length > 0 && bytes + rowBytes > blockBytes) flush();
    rows.push(row);
    bytes += rowBytes;
  }
  flush();
  return blocks;
}

const GENERAL = /^(general|)$/i;

/** A single cell's own number format that rides in its column's format block (not a command of its own). */
function inFormattedColumn(sheet: OutputSheet, f: { row: number; column: number }): boolean {
  const format = sheet.numberFormats[f.column];
  return f.row > sheet.headerRow && format !== undefined && !GENERAL.test(format);
}

/**
 * Number formats of the data rows (below the header row), one column at a time, cut like the
 * values; a cell with its own format (a subtotal among records) has it in its column's array.
 * Columns in the General format are left alone (that is what a new sheet has).
 */
export function formatBlocks(sheet: OutputSheet, blockBytes: number = BLOCK_BYTES): FormatBlock[] {
  const firstData = sheet.headerRow + 2; // Excel row below the header row
  const lastRow = sheet.rows.length;
  const out: FormatBlock[] = [];
  if (lastRow < firstData) return out;
  const own = new Map<string, string>();
  for (const f of sheet.cellFormats ?? [])
    if (inFormattedColumn(sheet, f)) own.set(`${f.row + 1}:${f.column}`, f.format);
  sheet.numberFormats.forEach((format, i) => {
    if (GENERAL.test(format)) return;
    const perRow = jsonBytes(format) + 3;
    const rowsPerBlock = Math.max(1, Math.floor(blockBytes / perRow));
    for (let start = firstData; start <= lastRow; start += rowsPerBlock) {
      const end = Math.min(lastRow, start + rowsPerBlock - 1);
      const count = end - start + 1;
      const formats = Array.from({ length: count }, (_, k) => [own.get(`${start + k}:${i}`) ?? format]);
      out.push({
        sheet: sheet.name,
        address: address(start, i + 1, end, i + 1),
        formats,
        bytes: own.size === 0 ? count * perRow : formats.reduce((n, [f]) => n + jsonBytes(f) + 3, 0),
      });
    }
  });
  return out;
}

/** A style set on a range of data cells: a row fill, bold rows, a single cell's fill or number format. */
export interface StyleOp {
  sheet: string;
  address: string;
  style: { fill?: string; bold?: true; format?: string; look?: CellLook; height?: number };
  bytes: number;
}

/** Rows in runs: consecutive rows with the same key become one range (fewer commands). */
function runs<K>(rows: readonly { row: number; key: K }[]): { first: number; last: number; key: K }[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const out: { first: number; last: number; key: K }[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.last + 1 === r.row && prev.key === r.key) prev.last = r.row;
    else out.push({ first: r.row, last: r.row, key: r.key });
  }
  return out;
}

/** Areas per multi-area command (Worksheet.getRanges): a short address, far below any limit. */
export const AREAS_PER_COMMAND = 50;

/**
 * The cell styles of a sheet's rows (规则 §8 marks, bold subtotals, a legend's swatches, single
 * cells' formats) as commands with their size, packed into requests like the number formats. A
 * sheet of 5,000 communities has 5,000 subtotal rows: with ExcelApi 1.9 (`multiArea`) rows of one
 * style go AREAS_PER_COMMAND at a time in one multi-area command ("A3:F3,A9:F9,…"), so the
 * styles of a big build stay a small part of one request.
 */
export function styleOps(sheet: OutputSheet, multiArea: boolean): StyleOp[] {
  const width = columnCount(sheet);
  const out: StyleOp[] = [];
  const op = (address: string, style: StyleOp["style"]) =>
    out.push({ sheet: sheet.name, address, style, bytes: 160 + jsonBytes(sheet.name) + address.length });
  const rowsOf = (list: { first: number; last: number }[], style: StyleOp["style"]) => {
    const addresses = list.map((r) => address(r.first + 1, 1, r.last + 1, width));
    const per = multiArea ? AREAS_PER_COMMAND : 1;
    for (let i = 0; i < addresses.length; i += per) op(addresses.slice(i, i + per).join(","), style);
  };
  const fills = runs(sheet.highlight.map((h) => ({ row: h.row, key: h.color })));
  for (const color of new Set(fills.map((r) => r.key)))
    rowsOf(
      fills.filter((r) => r.key === color),
      { fill: color }
    );
  rowsOf(runs((sheet.boldRows ?? []).map((row) => ({ row, key: true as const }))), { bold: true });
  for (const f of sheet.cellFills ?? []) op(address(f.row + 1, f.column + 1), { fill: f.color });
  for (const f of sheet.cellFormats ?? [])
    if (!inFormattedColumn(sheet, f)) op(address(f.row + 1, f.column + 1), { format: f.format });
  // Looks: a column's below the header row, then whole rows over it (the same look in one command);
  // set row heights, rows of one height together.
  const lastRow = sheet.rows.length;
  for (const l of sheet.columnLooks ?? [])
    if (lastRow >= sheet.headerRow + 2)
      op(address(sheet.headerRow + 2, l.column + 1, lastRow, l.column + 1), { look: l.look });
  const looks = new Map<string, { look: CellLook; rows: number[] }>();
  for (const l of sheet.rowLooks ?? []) {
    const key = JSON.stringify(l.look);
    const entry = looks.get(key) ?? { look: l.look, rows: [] };
    entry.rows.push(l.row);
    looks.set(key, entry);
  }
  for (const { look, rows } of looks.values())
    rowsOf(runs(rows.map((row) => ({ row, key: true as const }))), { look });
  const heights = runs((sheet.rowHeights ?? []).map((h) => ({ row: h.row, key: h.points })));
  for (const points of new Set(heights.map((r) => r.key)))
    rowsOf(
      heights.filter((r) => r.key === points),
      { height: points }
    );
  return out;
}

/** Packs items into requests of at most `budget` bytes, in order; an item is never split. */
export function pack<T extends { bytes: number }>(
  items: readonly T[],
  budget: number = REQUEST_BYTES
): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budget) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** A sheet's bar chart (OutputSheet.chart) in Office.js terms: the A1 ranges of names and values, and where it sits. */
export interface ChartRanges {
  names: string;
  values: string;
  topLeft: string;
  bottomRight: string;
}

export function chartRanges(chart: BarChart): ChartRanges {
  const first = chart.firstRow + 1;
  const last = chart.lastRow + 1;
  return {
    names: address(first, chart.categoryColumn + 1, last, chart.categoryColumn + 1),
    values: address(first, chart.valueColumn + 1, last, chart.valueColumn + 1),
    topLeft: address(chart.from.row + 1, chart.from.column + 1),
    bottomRight: address(chart.to.row + 1, chart.to.column + 1),
  };
}

/** Column width in points (Office.js) from a width in characters (the schema's unit). */
export function widthPoints(chars: number): number {
  return Math.round(chars * 6 + 6);
}

/** A template column's data validation in Office.js terms (plain objects, assigned as they are). */
export interface OfficeValidation {
  address: string;
  rule?:
    | { list: { inCellDropDown: true; source: string } }
    | { decimal: { formula1: number; formula2?: number; operator: "Between" | "GreaterThanOrEqualTo" } };
  prompt?: { showPrompt: true; title: string; message: string };
  errorAlert?: { showAlert: true; style: "Stop" | "Warning"; title: string; message: string };
}

function officeRule(rule: CellRule): NonNullable<OfficeValidation["rule"]> {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.choices.join(",") } };
    case "range":
      return { list: { inCellDropDown: true, source: `=${rule.formula}` } };
    case "decimal":
      return rule.max === undefined
        ? { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } }
        : { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
  }
}

/**
 * Whole-range writes of a template sheet's data validations (src/workbook/guards.ts): rows below
 * the header, down to `lastRow`; the rule, the prompt and the alert that quotes the prompt.
 */
export function validationRanges(sheet: OutputSheet, lastRow: number): OfficeValidation[] {
  const first = sheet.headerRow + 2;
  return (sheet.validations ?? []).map((g) => {
    const v: OfficeValidation = { address: address(first, g.column + 1, lastRow, g.column + 1) };
    if (g.rule) v.rule = officeRule(g.rule);
    if (g.prompt) {
      v.prompt = { showPrompt: true, title: g.prompt.title, message: g.prompt.text };
      if (g.rule)
        v.errorAlert = {
          showAlert: true,
          style: g.style === "stop" ? "Stop" : "Warning",
          title: g.prompt.title,
          message: g.prompt.text,
        };
    }
    return v;
  });
}

/** The number of rows a template sheet prepares (formats and drop-downs) below its header. */
export const TEMPLATE_ROWS = 500;
