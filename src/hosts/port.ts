import { Msg } from "../scoring";
import { OutputSheet, WorkbookGrids } from "../workbook/types";

/**
 * The port between the task pane and a workbook. React components never touch Office.js or
 * the .xlsx package: they call these methods. It lives beside the hosts (which sit below the front doors
 * and never import the pane), and each host declares `implements PaneHost`:
 *   - src/hosts/office/excel-host.ts — the open Excel workbook, through Office.js (all of it there);
 *   - src/hosts/browser/xlsx-host.ts — a workbook held in the page (browser preview), through the
 *     .xlsx package reader and writer (src/hosts/xlsx/ooxml).
 */

/** A tab of the workbook and whether this product generated it (its first cell carries the marker). */
export interface SheetInfo {
  name: string;
  generated: boolean;
}

/** What one read gives: every sheet's used values, and the sheet list with the generated flags. */
export interface WorkbookSnapshot {
  grids: WorkbookGrids;
  sheets: SheetInfo[];
}

/** A step of a long operation, for the progress bar: `done` of `total` steps, with a word of what runs. */
export interface Progress {
  done: number;
  total: number;
  step: "read" | "compute" | "write" | "format";
}

export interface WriteOptions {
  /** Generated sheets (by name) that this write replaces; the user confirmed it. Nothing else is deleted. */
  replace: readonly string[];
  /** Sheet to activate (show) when done. */
  activate?: string;
  onProgress?: (p: Progress) => void;
}

export interface WriteReport {
  written: string[];
  replaced: string[];
  /** A sheet's bar chart (OutputSheet.chart) was drawn, or will be in the file the host offers. */
  chart: boolean;
  /** Features left out because the host lacks them (an API requirement set, the preview). */
  degraded: Msg[];
  /** context.sync() calls the write took (Excel); 0 in the preview. */
  syncs: number;
}

export interface TemplateReport {
  created: string[];
  /** Sheets that already existed: never touched. */
  skipped: string[];
  degraded: Msg[];
}

/** A KH. cell that shows an error, #BUSY! or nothing yet: never frozen into a value. */
export interface UnsettledCell {
  sheet: string;
  cell: string;
  /** What the cell shows ("#BUSY!", "#NAME?", … or "" when nothing). */
  shows: string;
}

/** Cells whose formulas call this add-in's KH. functions. */
export interface FunctionCells {
  total: number;
  bySheet: { sheet: string; count: number }[];
  /** Those to recalculate before 共享准备 can turn them into values. */
  unsettled: UnsettledCell[];
}

/** What 共享准备's conversion did: nothing at all while any KH. cell is unsettled. */
export interface ConvertReport {
  converted: number;
  unsettled: UnsettledCell[];
}

export interface HostCapabilities {
  /** "excel": the open workbook in Excel; "browser": a workbook held in the page. */
  kind: "excel" | "browser";
  /** Can mark the document so the task pane opens with it (Excel only). */
  autoOpen: boolean;
  /** Can offer the workbook as a download (preview only). */
  download: boolean;
  /** Can load an .xlsx from disk (preview only). */
  open: boolean;
  /** Requirement sets that are missing, in words (for a note in the pane). */
  missing: Msg[];
}

/** A window of a sheet around a cell, for the preview (which has no grid to select in). */
export interface CellPeek {
  sheet: string;
  cell: string;
  /** Excel column number of each row's first cell. */
  firstColumn: number;
  /** The header row and the rows around the cell, each with its Excel row number. */
  rows: { row: number; cells: string[] }[];
  /** Position of the selected cell: index into `rows`, index into `cells`. */
  at: { row: number; column: number };
}

/** One cell to write: its A1 address and a value (text stays text). */
export interface CellWrite {
  cell: string;
  value: string | number;
}

export interface PaneHost {
  capabilities(): HostCapabilities;
  /** Every sheet's used values, plus the sheet list with generated flags (Excel: 2 syncs). */
  read(): Promise<WorkbookSnapshot>;
  /** Writes generated sheets as values; replaces only `options.replace`, never any other sheet. */
  writeGenerated(sheets: readonly OutputSheet[], options: WriteOptions): Promise<WriteReport>;
  /** Adds the template's sheets that are missing (as tables with headers, formats, drop-downs). */
  createTemplate(sheets: readonly OutputSheet[]): Promise<TemplateReport>;
  /**
   * Writes values into cells of an input sheet, in one request. The pane uses it for one thing
   * only: 应用 after 试算 writes a setting's 项目 and 值 on the 设置 sheet, because the user asked.
   * Text is written as text, never as a formula.
   */
  writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void>;
  /** Selects a cell (Excel) or returns a window around it (preview). */
  selectCell(sheet: string, cell: string): Promise<CellPeek | null>;
  countFunctionCells(): Promise<FunctionCells>;
  /** Replaces every KH. formula by its current value, unless one is unsettled (then none). */
  convertFunctionCells(): Promise<ConvertReport>;
  /** Marks the document so the task pane opens with it for colleagues who have the add-in. */
  setAutoOpen(): Promise<boolean>;
  /** Preview only: the workbook's file name. */
  fileName?(): string;
  /** Preview only: load a workbook from the bytes of an .xlsx file. */
  open?(data: ArrayBuffer, fileName: string): Promise<void>;
  /** Preview only: load the built-in sample. */
  openSample?(): Promise<void>;
  /** Preview only: start on an empty template (新建空白). */
  openBlank?(): Promise<void>;
  /** Preview only: offer the workbook (inputs plus generated sheets) as a download. */
  download?(fileName?: string): Promise<string>;
}
