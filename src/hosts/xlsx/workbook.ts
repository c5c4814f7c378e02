import ExcelJS from "exceljs";
import { fixEarlyExcelDate } from "../../workbook/excel-date";
import { validationFormulae } from "../../workbook/guards";
import { isGeneratedSheet } from "../../workbook/marker";
import { a1, columnLetters } from "../../workbook/cells";
import { outputSheetName, sameSheetName } from "../../workbook/sheet-names";
import { freeTableName } from "../../workbook/tables";
import {
  CellLook,
  OutputSheet,
  PrintSetup,
  SheetGrid,
  SheetTable,
  WorkbookGrids,
} from "../../workbook/types";
import { bytesOf, sniffWorkbook, UNREADABLE, UnreadableWorkbookError } from "./errors";
import { openXlsx, packageGrids, VALIDATION_ROWS } from "./ooxml";

/**
 * The .xlsx host (ExcelJS): reads a workbook into grids and writes generated sheets back. It runs
 * in Node (CLI) and in the browser (preview), so it does no file I/O: bytes in, bytes out.
 */

/**
 * The input sheets' cells as the bounded package reader read them, per ExcelJS worksheet. ExcelJS
 * flattens what a cell stores before we see it ("0x12" → 0, an empty <v> → a blank cell), so the
 * cells of a loaded file are taken from the package reader — the CLI's — and the CLI and the
 * preview give the same verdict on the same file. Sheets added later (generated) are ExcelJS's own.
 */
const readFromFile = new WeakMap<ExcelJS.Worksheet, unknown[][]>();

/**
 * Loads .xlsx bytes. The bounded package reader goes first: a file it refuses (damaged, hostile,
 * too large; UnreadableWorkbookError) never reaches ExcelJS, which would read a zip bomb or a row
 * 1,000,000,000 until memory runs out and would take the last of two entries of one name.
 */
export async function loadXlsx(data: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const reason = sniffWorkbook(data);
  if (reason) throw new UnreadableWorkbookError(reason, UNREADABLE[reason]);
  const bytes = bytesOf(data);
  const pkg = await openXlsx(bytes);
  const grids = await packageGrids(pkg);
  // ExcelJS reads XML parts as UTF-8 only: a file with UTF-16 parts goes to it re-encoded.
  const forExcelJs = pkg.parts.utf8() ? pkg.parts.pack() : bytes;
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array/ArrayBuffer.
    await wb.xlsx.load(forExcelJs as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbookError("corrupt", UNREADABLE.corrupt);
  }
  if (wb.worksheets.length === 0) throw new UnreadableWorkbookError("corrupt", UNREADABLE.corrupt);
  for (const ws of wb.worksheets) {
    const grid = grids.find((g) => g.name === ws.name);
    if (grid) readFromFile.set(ws, grid.values);
  }
  return wb;
}

export async function saveXlsx(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function richTextOf(value: unknown): string | null {
  if (value && typeof value === "object" && "richText" in value) {
    const parts = (value as { richText: { text?: unknown }[] }).richText;
    if (Array.isArray(parts)) return parts.map((p) => (typeof p.text === "string" ? p.text : "")).join("");
  }
  return null;
}

/**
 * A cell's value as a grid gives it (like Excel's `range.values`): formulas → their cached result,
 * rich text and hyperlinks → their text, error cells → the error text ("#N/A"), dates → Date.
 * A formula without a cached result stays `{ formula }`, so the reader can say so.
 */
export function plainValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  // ExcelJS counts from 1899-12-30 throughout: dates before 1900-03-01 come a day early.
  if (value instanceof Date) return fixEarlyExcelDate(value);
  if (typeof value !== "object") return value;
  const rich = richTextOf(value);
  if (rich !== null) return rich;
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
    if (v.result === undefined || v.result === null) return { formula: v.formula ?? v.sharedFormula ?? "" };
    return plainValue(v.result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) {
    const t = (value as { text?: unknown }).text;
    const asRich = richTextOf(t);
    if (asRich !== null) return asRich;
    return typeof t === "string" ? t : null;
  }
  if ("text" in value) return String((value as { text: unknown }).text);
  return null;
}

/**
 * One worksheet as a grid from A1; cells inside a merge other than its top-left are blank (as in
 * Excel). For a sheet of the loaded file the values are the package reader's, laid on ExcelJS's
 * shape (its merges and empty styled cells), so both hosts read the same value from each cell.
 */
export function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const read = readFromFile.get(ws);
  const values: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: unknown[] = [];
    const stored = read ? (read[rowNumber - 1] ?? []) : null;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // ExcelJS also calls an empty cell without a style "Merge": only a cell with another master is one.
      const covered =
        cell.type === ExcelJS.ValueType.Merge && cell.master !== undefined && cell.master !== cell;
      line[col - 1] = covered ? null : stored ? (stored[col - 1] ?? null) : plainValue(cell.value);
    });
    if (stored) stored.forEach((v, i) => line[i] === undefined && v !== null && (line[i] = v));
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[rowNumber - 1] = line;
  });
  if (read) read.forEach((line, r) => values[r] === undefined && line.length > 0 && (values[r] = [...line]));
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  return { name: ws.name, values, firstRow: 1, firstColumn: 1 };
}

/** Every worksheet of the workbook, in tab order. */
export function gridsOf(wb: ExcelJS.Workbook): WorkbookGrids {
  return wb.worksheets.map(gridOf);
}

/** The workbook's sheets and whether this product generated each (its A1 starts with the marker). */
export function existingSheets(wb: ExcelJS.Workbook): { name: string; generated: boolean }[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    generated: isGeneratedSheet(plainValue(ws.getCell(1, 1).value)),
  }));
}

/** "#C6EFCE" → "FFC6EFCE". */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, "0")}`;
}

/**
 * Writes generated sheets. A sheet of the same name that this product generated is replaced; a
 * sheet a person made is never touched: the output then takes the next free name ("排名 (2)").
 * Values only (strings stay text, "=1+1" included), number formats, widths, frozen header rows,
 * highlight fills and drop-downs. Returns the tab names written.
 */
export function writeOutputSheets(wb: ExcelJS.Workbook, sheets: readonly OutputSheet[]): string[] {
  const written: string[] = [];
  for (const sheet of sheets) {
    const find = (name: string) => wb.worksheets.find((ws) => sameSheetName(ws.name, name));
    const name = outputSheetName(sheet.name, (n) => {
      const ws = find(n);
      return ws ? isGeneratedSheet(plainValue(ws.getCell(1, 1).value)) : undefined;
    });
    const replaced = find(name);
    if (replaced) wb.removeWorksheet(replaced.id);
    writeSheet(wb, { ...sheet, name });
    written.push(name);
  }
  return written;
}

/** ExcelJS has worksheet data validations but its typings omit them. */
function validationsOf(ws: ExcelJS.Worksheet): {
  add(address: string, validation: ExcelJS.DataValidation): void;
} {
  return (
    ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

/** A cell's look (types.ts CellLook) over what it has: size and colour, alignment, wrap, indent. */
function lookCell(cell: ExcelJS.Cell, look: CellLook): void {
  if (look.size !== undefined || look.color !== undefined)
    cell.font = {
      ...cell.font,
      ...(look.size !== undefined ? { size: look.size } : {}),
      ...(look.color !== undefined ? { color: { argb: argb(look.color) } } : {}),
    };
  const a: Partial<ExcelJS.Alignment> = { ...cell.alignment };
  if (look.center) a.horizontal = "center";
  else if (look.indent) a.horizontal = "left";
  if (look.middle) a.vertical = "middle";
  if (look.wrap !== undefined) a.wrapText = look.wrap;
  if (look.indent) a.indent = look.indent;
  cell.alignment = a;
}

/** SPEC §8 print setup: A4 (paperSize 9), orientation, one page wide, repeated rows, header and footer, breaks. */
function printSetup(ws: ExcelJS.Worksheet, p: PrintSetup, width: number): void {
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = p.orientation;
  if (p.onePageWide) {
    // fitToHeight 0: as many pages tall as the rows need. fitToPage must be said, or scale wins.
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
  if (p.printRows) ws.pageSetup.printArea = `A${p.printRows.first + 1}:${a1(p.printRows.last + 1, width)}`;
  if (p.centered) ws.pageSetup.horizontalCentered = true;
  // &C: the centre section; the texts are already in header/footer codes.
  ws.headerFooter.oddHeader = `&C${p.header}`;
  ws.headerFooter.oddFooter = `&C${p.footer}`;
  for (const r of p.breaksAfter ?? []) ws.getRow(r + 1).addPageBreak();
}

/** Every table name and defined name of the workbook, folded (a new table's name must differ from each). */
function namesTaken(wb: ExcelJS.Workbook): Set<string> {
  const names = wb.definedNames.model.map((n) => n.name);
  // ExcelJS's typings give getTables() a wrong shape: it returns the tables themselves.
  for (const ws of wb.worksheets)
    for (const t of ws.getTables() as unknown as { name: string }[]) names.push(t.name);
  return new Set(names.map((n) => n.toLowerCase()));
}

/**
 * The sheet's Excel table (src/workbook/tables.ts). ExcelJS writes a table's rows into its cells,
 * so it gets the rows already written — and one blank row when there is none, as Excel makes a
 * table from a lone header. Banded rows and filter buttons, as Excel's own new table.
 */
function addTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: OutputSheet, table: SheetTable): void {
  const taken = namesTaken(wb);
  const columns = table.columns;
  const rows = Array.from({ length: table.lastRow - table.headerRow }, (_, i) => {
    const row = sheet.rows[table.headerRow + 1 + i] ?? [];
    return columns.map((_, c) => row[c] ?? null);
  });
  ws.addTable({
    name: freeTableName(table.name, (folded) => taken.has(folded)),
    ref: a1(table.headerRow + 1, 1),
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: OutputSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [],
  });
  const width = Math.max(
    sheet.widths.length,
    sheet.numberFormats.length,
    ...sheet.rows.slice(0, 3).map((r) => r.length)
  );
  ws.columns = Array.from({ length: width }, (_, i) => ({
    width: sheet.widths[i] ?? 10,
    style: sheet.numberFormats[i] ? { numFmt: sheet.numberFormats[i] } : {},
  }));
  // Rows go in as plain values: ExcelJS writes strings as text, never as formulas.
  ws.addRows(sheet.rows.map((r) => r.map((v) => (v === null ? null : v))));
  if (sheet.table) addTable(wb, ws, sheet, sheet.table);
  const headerRow = ws.getRow(sheet.headerRow + 1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: "middle", wrapText: true };
  if (sheet.headerRow > 0) {
    const title = ws.getRow(1);
    title.font = { bold: true, color: { argb: "FF595959" } };
  }
  // Header lines are text whatever the column's format.
  for (let r = 1; r <= sheet.headerRow + 1; r++) ws.getRow(r).eachCell((cell) => (cell.numFmt = "@"));
  for (const h of sheet.highlight) {
    const row = ws.getRow(h.row + 1);
    for (let c = 1; c <= width; c++)
      row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(h.color) } };
  }
  for (const r of sheet.boldRows ?? []) ws.getRow(r + 1).font = { bold: true };
  for (const f of sheet.cellFills ?? [])
    ws.getCell(f.row + 1, f.column + 1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(f.color) },
    };
  for (const f of sheet.cellFormats ?? []) ws.getCell(f.row + 1, f.column + 1).numFmt = f.format;
  for (const l of sheet.columnLooks ?? [])
    for (let r = sheet.headerRow + 2; r <= sheet.rows.length; r++)
      lookCell(ws.getCell(r, l.column + 1), l.look);
  for (const l of sheet.rowLooks ?? [])
    for (let c = 1; c <= width; c++) lookCell(ws.getCell(l.row + 1, c), l.look);
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.points;
  for (const m of sheet.merges ?? [])
    ws.mergeCells(m.row + 1, m.firstColumn + 1, m.row + 1, m.lastColumn + 1);
  if (sheet.autoFilter)
    ws.autoFilter = {
      from: { row: sheet.autoFilter.firstRow + 1, column: 1 },
      to: { row: Math.max(sheet.autoFilter.firstRow, sheet.autoFilter.lastRow) + 1, column: width },
    };
  if (sheet.print) printSetup(ws, sheet.print, width);
  for (const g of sheet.validations ?? []) {
    const letter = columnLetters(g.column + 1);
    const first = sheet.headerRow + 2;
    const f = validationFormulae(g.rule);
    // ExcelJS writes type "any" (a prompt without a rule) though its typings leave it out.
    const validation = {
      type: f.type,
      ...(f.operator ? { operator: f.operator } : {}),
      allowBlank: true,
      formulae: f.formulae,
      showErrorMessage: g.rule !== undefined,
      errorStyle: g.style,
      ...(g.prompt
        ? {
            showInputMessage: true,
            promptTitle: g.prompt.title,
            prompt: g.prompt.text,
            errorTitle: g.prompt.title,
            error: g.prompt.text,
          }
        : {}),
    } as ExcelJS.DataValidation;
    validationsOf(ws).add(`${letter}${first}:${letter}${Math.max(first, VALIDATION_ROWS)}`, validation);
  }
}
