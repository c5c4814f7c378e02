import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { OutputSheet, SheetGrid, WorkbookGrids } from "../../src/workbook/types";

/** The built-in sample as grids (what a host would read), fresh for every test. */
export function sampleGrids(): WorkbookGrids {
  return sampleSheets(workplanTemplateRows()).map((s) => ({
    name: s.name,
    values: s.rows.map((r) => [...r]),
    firstRow: 1,
    firstColumn: 1,
  }));
}

export function tab(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.find((g) => g.name === name);
  if (!found) throw new Error(`test: no sheet ${name}`);
  return found;
}

function columnIndex(sheet: SheetGrid, header: string): number {
  const i = sheet.values[0].findIndex((h) => h === header);
  if (i < 0) throw new Error(`test: no header ${header} on ${sheet.name}`);
  return i;
}

/** Sets a cell by Excel row number and header text (header row is row 1). */
export function setCell(
  grids: WorkbookGrids,
  sheet: string,
  row: number,
  header: string,
  value: unknown
): void {
  const s = tab(grids, sheet);
  s.values[row - 1][columnIndex(s, header)] = value;
}

export function getCell(grids: WorkbookGrids, sheet: string, row: number, header: string): unknown {
  const s = tab(grids, sheet);
  return s.values[row - 1][columnIndex(s, header)];
}

/** Appends a record by header; returns its Excel row number. */
export function addRow(grids: WorkbookGrids, sheet: string, cells: Record<string, unknown>): number {
  const s = tab(grids, sheet);
  const line: unknown[] = s.values[0].map(() => null);
  for (const [h, v] of Object.entries(cells)) line[columnIndex(s, h)] = v;
  s.values.push(line);
  return s.values.length;
}

/** Excel row of the first record whose `header` cell equals `value`. */
export function rowWhere(grids: WorkbookGrids, sheet: string, header: string, value: unknown): number {
  const s = tab(grids, sheet);
  const i = columnIndex(s, header);
  const r = s.values.findIndex((line, k) => k > 0 && line[i] === value);
  if (r < 0) throw new Error(`test: no row with ${header}=${String(value)} on ${sheet}`);
  return r + 1;
}

export function dropSheet(grids: WorkbookGrids, name: string): WorkbookGrids {
  return grids.filter((g) => g.name !== name);
}

/** The input sheets of 规则 §6, in its order: what a template holds. */
export const INPUT_SHEET_NAMES = [
  "社区",
  "目标管理",
  "荣誉",
  "基础宣传",
  "宣传报道",
  "重要贡献",
  "人员",
  "考核组决定",
  "设置",
  "工作要点",
];

/**
 * Data rows as objects keyed by the sheet's own header row: the table down to the first blank row
 * (规则 §8: the legend of 排名 and 先进个人 sits below a blank row).
 */
export function records(s: OutputSheet): Record<string, unknown>[] {
  const headers = s.rows[s.headerRow] as string[];
  const body = s.rows.slice(s.headerRow + 1);
  const end = body.findIndex((r) => r.every((v) => v === null));
  return (end < 0 ? body : body.slice(0, end)).map((r) =>
    Object.fromEntries(headers.map((h, i) => [h, r[i]]))
  );
}
