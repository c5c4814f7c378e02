import { SHEETS } from "../../src/workbook/schema";
import { SheetGrid, WorkbookGrids } from "../../src/workbook/types";

/** The 工作要点 headers in the template's order. */
export const HEADERS = SHEETS.workplan.columns.map((c) => c.zh);

/** One sheet row given by header: `{ 部分: "一、…", 要点: "…", 状态: "推进中" }`. */
export function row(cells: Partial<Record<string, unknown>>): unknown[] {
  return HEADERS.map((h) => cells[h] ?? "");
}

/** A workbook holding only a 工作要点 sheet: headers in row 1, then `rows` from row 2. */
export function workplanBook(rows: unknown[][], name = SHEETS.workplan.zh): WorkbookGrids {
  const sheet: SheetGrid = { name, values: [HEADERS, ...rows], firstRow: 1, firstColumn: 1 };
  return [sheet];
}
