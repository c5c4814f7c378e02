/**
 * The strict fake Excel's workbook model: cells, sheets, addresses, Excel's rules for sheet names
 * and for text written to `values`, and the requirement set of every member the fake offers.
 * (excel-mock.ts says what the fake does as Excel does, and where that is documented.)
 */

export interface MockSheetInput {
  name: string;
  /** Cells from A1 (or from `origin`), row-major. */
  values: unknown[][];
  /** Formulas of the same cells where they differ from the values (KH. tests). */
  formulas?: unknown[][];
  origin?: { row: number; column: number };
}

export interface WriteRecord {
  /** Index of the request (0 = the first sync). */
  request: number;
  seq: number;
  sheet: string;
  /** Address of the range, or "sheet", "chart", "table", "series", "application". */
  target: string;
  /** Property path ("values", "format.fill.color", …) or method name ("delete()", …). */
  prop: string;
  value: unknown;
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const VALUES_CELL_LIMIT = 5_000_000;
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * The requirement set of every member the fake offers ("Type.member" → ExcelApi minor version).
 * test/office/api-sets.test.ts checks each against its `[Api set: …]` note in @types/office-js.
 */
export const FAKE_API_SETS: Record<string, number> = {
  "Workbook.worksheets": 1,
  "Workbook.tables": 1,
  "Workbook.application": 1,
  "Application.suspendApiCalculationUntilNextSync": 6,
  "WorksheetCollection.getItem": 1,
  "WorksheetCollection.getItemOrNullObject": 4,
  "WorksheetCollection.add": 1,
  "WorksheetCollection.items": 1,
  "Worksheet.name": 1,
  "Worksheet.getRange": 1,
  "Worksheet.getUsedRange": 1,
  "Worksheet.getUsedRangeOrNullObject": 4,
  "Worksheet.activate": 1,
  "Worksheet.delete": 1,
  "Worksheet.freezePanes": 7,
  "Worksheet.charts": 1,
  "Worksheet.tables": 1,
  "WorksheetFreezePanes.freezeRows": 7,
  "Worksheet.pageLayout": 9,
  "Worksheet.getRanges": 9,
  "RangeAreas.format": 9,
  "Worksheet.horizontalPageBreaks": 9,
  "Worksheet.autoFilter": 9,
  "PageLayout.paperSize": 9,
  "PageLayout.orientation": 9,
  "PageLayout.zoom": 9,
  "PageLayout.setPrintTitleRows": 9,
  "PageLayout.setPrintArea": 9,
  "PageLayout.centerHorizontally": 9,
  "PageLayout.headersFooters": 9,
  "HeaderFooterGroup.defaultForAllPages": 9,
  "HeaderFooter.centerHeader": 9,
  "HeaderFooter.centerFooter": 9,
  "PageBreakCollection.add": 9,
  "PageBreakCollection.removePageBreaks": 9,
  "AutoFilter.apply": 9,
  "Range.merge": 2,
  "Range.values": 1,
  "Range.formulas": 1,
  "Range.numberFormat": 1,
  "Range.valueTypes": 1,
  "Range.rowIndex": 1,
  "Range.columnIndex": 1,
  "Range.rowCount": 1,
  "Range.columnCount": 1,
  "Range.address": 1,
  "Range.clear": 1,
  "Range.copyFrom": 9,
  "Range.select": 1,
  "Range.format": 1,
  "Range.dataValidation": 8,
  "RangeFormat.fill": 1,
  "RangeFormat.font": 1,
  "RangeFormat.wrapText": 1,
  "RangeFormat.horizontalAlignment": 1,
  "RangeFormat.verticalAlignment": 1,
  "RangeFormat.indentLevel": 9,
  "RangeFormat.rowHeight": 2,
  "RangeFont.size": 1,
  "RangeFormat.columnWidth": 2,
  "RangeFill.color": 1,
  "RangeFont.bold": 1,
  "RangeFont.italic": 1,
  "RangeFont.color": 1,
  "DataValidation.rule": 8,
  "DataValidation.prompt": 8,
  "DataValidation.errorAlert": 8,
  "ChartCollection.add": 1,
  "ChartCollection.items": 1,
  "Chart.name": 1,
  "Chart.title": 1,
  "Chart.legend": 1,
  "Chart.dataLabels": 1,
  "Chart.axes": 1,
  "Chart.series": 1,
  "Chart.setPosition": 1,
  "Chart.delete": 1,
  "ChartTitle.text": 1,
  "ChartLegend.visible": 1,
  "ChartDataLabels.showValue": 1,
  "ChartAxes.categoryAxis": 1,
  "ChartAxis.reversePlotOrder": 7,
  "ChartSeriesCollection.getItemAt": 1,
  "ChartSeries.name": 1,
  "ChartSeries.setXAxisValues": 7,
  "TableCollection.add": 1,
  "TableCollection.items": 1,
  "Table.name": 1,
  "Table.style": 1,
};

// ---------------------------------------------------------------------------------------------
// The workbook model

export type Stored = string | number | boolean;
export const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#BUSY!",
  "#CALC!",
  "#SPILL!",
];

export interface Cell {
  value?: Stored;
  formula?: string;
  format?: string;
  fill?: string;
  bold?: boolean;
}

export interface ModelChart {
  id: number;
  props: Record<string, unknown>;
}

export interface ModelSheet {
  id: number;
  name: string;
  cells: Map<string, Cell>;
  charts: ModelChart[];
  frozenRows: number;
  /** Print setup (pageLayout), as set. */
  page?: {
    paperSize?: string;
    orientation?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    printTitleRows?: string;
    printArea?: string;
    centerHorizontally?: boolean;
    centerHeader?: string;
    centerFooter?: string;
  };
  /** Rows that start a page (a manual break above each), ascending. */
  breaks?: number[];
  /** The AutoFilter's range. */
  filter?: Box;
  /** Merged areas. */
  merges?: Box[];
}

export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const key = (r: number, c: number) => `${r},${c}`;
export const fold = (s: string) => s.toLowerCase();

export function letters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function boxAddress(box: Box): string {
  const a = `${letters(box.c1)}${box.r1}`;
  const b = `${letters(box.c2)}${box.r2}`;
  return a === b ? a : `${a}:${b}`;
}

export function parseAddress(addr: string): Box {
  const cell = (ref: string) => {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
    if (!m) throw excelError("InvalidArgument", `the address "${addr}" is not valid`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    const r = Number(m[2]);
    if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLUMNS)
      throw excelError("InvalidArgument", `the address "${addr}" is off the sheet`);
    return { r, c };
  };
  const [a, b = a, extra] = addr.split(":");
  if (extra !== undefined) throw excelError("InvalidArgument", `the address "${addr}" is not valid`);
  const p = cell(a);
  const q = cell(b);
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export interface ExcelError extends Error {
  code: string;
}

export function excelError(code: string, message: string): ExcelError {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Excel's rules for a sheet name (the Rename dialog says the same). */
export function checkSheetName(name: unknown, sheets: readonly ModelSheet[], self?: ModelSheet): string {
  if (typeof name !== "string" || name.trim() === "")
    throw excelError("InvalidArgument", "a sheet name cannot be blank");
  if (name.length > 31)
    throw excelError("InvalidArgument", `the sheet name "${name}" is longer than 31 characters`);
  if (/[\\/?*[\]:]/.test(name))
    throw excelError("InvalidArgument", `the sheet name "${name}" has one of \\ / ? * [ ] :`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw excelError("InvalidArgument", `the sheet name "${name}" begins or ends with an apostrophe`);
  if (sheets.some((s) => s !== self && fold(s.name) === fold(name)))
    throw excelError(
      "ItemAlreadyExists",
      `a sheet named "${name}" exists (names are compared ignoring case)`
    );
  return name;
}

export const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel stores when `text` is written to `values` of a cell with number format `format`. */
export function typed(text: string, format: string | undefined): Cell {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (format === "@") return { value: text };
  const t = text.trim();
  if (NUMERIC.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  if (/^[=+\-@]/.test(text)) return { formula: text.startsWith("=") ? text : `=${text}` };
  return { value: text };
}

export function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null");
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface Op {
  /** "Type.member" for the requirement-set check. */
  api: string;
  /** What the request carries for it (its JSON size counts toward the 5 MB). */
  payload: unknown;
  run: () => void;
  /** A load's answer: computed when the op runs, delivered after the response passed its check. */
  answer?: () => { deliver: () => void; size: number };
}
