import ExcelJS from "exceljs";
import { newWorkbookBytes } from "../../src/hosts/xlsx/ooxml";
import { AnySheet } from "../../src/workbook/streamed";
import { SheetGrid, WorkbookGrids } from "../../src/workbook/types";

/**
 * ExcelJS in the tests only: the independent reader that checks what the package writer wrote,
 * and a way to make odd input files (rich text, merges, a person's sheets) as another program
 * would. The product reads and writes files through src/hosts/xlsx/ooxml alone.
 */

/** .xlsx bytes as ExcelJS reads them. */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // A file without a theme part (the package writer writes none): ExcelJS would save a
  // relationship to a theme it does not write; with none read, it writes its default theme.
  const book = wb as unknown as { _themes?: Record<string, unknown> };
  if (book._themes && Object.keys(book._themes).length === 0) book._themes = undefined;
  return wb;
}

/** The workbook as ExcelJS saves it. */
export async function saveXlsx(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Sheets written from nothing by the package writer, opened in ExcelJS (to be changed as a person would). */
export async function bookOf(sheets: readonly AnySheet[]): Promise<ExcelJS.Workbook> {
  return loadXlsx(await newWorkbookBytes(sheets));
}

/** A cell's value as Excel's `range.values` gives it, by ExcelJS: formulas → cached result, rich text → text, errors → their text. */
export function plainValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((p) => p.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
    if (v.result === undefined || v.result === null) return { formula: v.formula ?? v.sharedFormula ?? "" };
    return plainValue(v.result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return plainValue((value as { text?: ExcelJS.CellValue }).text);
  if ("text" in value) return String((value as { text: unknown }).text);
  return null;
}

/** A worksheet as a grid from A1, by ExcelJS (cells inside a merge other than its top-left blank). */
export function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const values: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const covered = cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
      line[c - 1] = covered ? null : plainValue(cell.value);
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[r - 1] = line;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  return { name: ws.name, values, firstRow: 1, firstColumn: 1 };
}

export function gridsOf(wb: ExcelJS.Workbook): WorkbookGrids {
  return wb.worksheets.map(gridOf);
}
