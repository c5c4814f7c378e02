import { Msg, Severity } from "../scoring";
import { SheetKey } from "./schema";

/** A sheet's cells as Excel's `range.values` gives them (row-major, first row = the sheet's row 1 unless `origin` says otherwise). */
export type Grid = unknown[][];

/** What a host reads: every sheet by its tab name, with the Excel row/column of the grid's top-left cell. */
export interface SheetGrid {
  name: string;
  values: Grid;
  /** 1-based Excel row of values[0] (used ranges may start below row 1). */
  firstRow: number;
  /** 1-based Excel column of values[0][0]. */
  firstColumn: number;
}

export type WorkbookGrids = SheetGrid[];

/** A located problem, in the words of 规则 §6: sheet, Excel row, column header, severity, message. */
export interface Issue {
  severity: Severity;
  /** Tab name as it is in the workbook (or the schema's zh name when the sheet is missing). */
  sheet: string;
  /** Excel row number, when the problem is in a row. */
  row?: number;
  /** Column header as the user wrote it (or the schema's zh name when missing). */
  column?: string;
  /** A1 address of the cell when known, for "click to select". */
  cell?: string;
  message: Msg;
}

/** A cell of a generated sheet: plain values only — never a formula of this add-in. */
export type OutputValue = string | number | boolean | null;

/**
 * A generated sheet as data (no API calls): the hosts (Office.js, the .xlsx package writer) write it.
 * Row 0 is the header line (time, fingerprint, settings), row `headerRow` the column headers.
 */
export interface OutputSheet {
  key: SheetKey;
  /** Tab name to write (the schema's zh name, or another when a person's sheet holds that name). */
  name: string;
  rows: OutputValue[][];
  /** 0-based index of the column-header row within `rows`. */
  headerRow: number;
  /** Per column: Excel number format ("@" for text that must stay text, "0.00", …). */
  numberFormats: string[];
  /** Per column: width in characters. */
  widths: number[];
  /** 0-based indices (within `rows`) of rows to highlight (advanced, ties). */
  highlight: { row: number; color: string }[];
  /** Rows above and including the column headers stay visible. */
  freezeRows: number;
  /** Data validations of the template's input columns (src/workbook/guards.ts), below the header row. */
  validations?: ColumnGuard[];
  /** The sheet as an Excel table (the template's input sheets; src/workbook/tables.ts). Never with `autoFilter`. */
  table?: SheetTable;
  /** How the sheet prints (规则 §8): A4, orientation, fit, repeated rows, page header and footer, page breaks. */
  print?: PrintSetup;
  /** Filter buttons on the header row over these rows (0-based, `rows` indices, header row included). */
  autoFilter?: { firstRow: number; lastRow: number };
  /** Single cells filled (a legend's swatches); row fills stay in `highlight`. 0-based row and column. */
  cellFills?: { row: number; column: number; color: string }[];
  /** Rows written in bold (titles, subtotals, totals); 0-based `rows` indices. The header row is always bold. */
  boldRows?: number[];
  /** Cells merged across columns (a title over a block); 0-based, inclusive. */
  merges?: { row: number; firstColumn: number; lastColumn: number }[];
  /** Number formats of single cells where a column mixes kinds (成绩单); overrides `numberFormats`. */
  cellFormats?: { row: number; column: number; format: string }[];
  /** Columns whose cells below the header row have a look of their own (a wrapped, indented reason). */
  columnLooks?: { column: number; look: CellLook }[];
  /** Whole rows in a look of their own (a title, a small grey line); over the column's look. 0-based. */
  rowLooks?: { row: number; look: CellLook }[];
  /**
   * Rows of a set height in points (a title, a reason wrapped over several lines), 0-based: readers
   * do not all grow a row to its wrapped text (LibreOffice keeps the default height).
   */
  rowHeights?: { row: number; points: number }[];
  /** A bar chart drawn on the sheet (排名: 综合得分 by community). */
  chart?: BarChart;
}

/** Everything of a generated sheet but its rows: what a writer needs before the first row. */
export type SheetLayout = Omit<OutputSheet, "rows">;

/**
 * A generated sheet whose rows are made as a writer asks for them, one at a time (issue 9): 计分明细
 * and 先进个人 of a million staff never exist whole. The .xlsx package writer streams these into
 * the deflater; every other writer (Office.js) takes `materialize(sheet)`
 * (workbook/streamed.ts), an OutputSheet with the very same rows.
 */
export interface StreamedSheet extends SheetLayout {
  /** How many rows `eachRow` yields (the header line and the column headers included). */
  rowCount: number;
  /** Cells in the longest row. */
  rowWidth: number;
  /** The rows in order, from row 0; each call starts again. Rows are fresh arrays, the caller's to keep. */
  eachRow(): Iterable<OutputValue[]>;
}

/**
 * Page setup as data; each host translates it (Office.js `pageLayout`, the OOXML `<pageSetup>`,
 * `<headerFooter>`, `<rowBreaks>` and the `_xlnm.Print_Titles` name). Paper is always A4.
 */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Fit to one page wide (any number of pages tall). */
  onePageWide: boolean;
  /** Rows repeated at the top of every printed page (0-based `rows` indices, inclusive). */
  repeatRows?: { first: number; last: number };
  /**
   * Centre page header and footer in Excel's header/footer codes (`&P` page, `&N` pages; a
   * literal `&` written `&&`), the same codes in Office.js and OOXML. See workbook/print.ts.
   */
  header: string;
  footer: string;
  /** A manual page break after each of these rows (0-based `rows` indices): the next row starts a page. */
  breaksAfter?: number[];
  /** Only these rows print (0-based, inclusive; the print area): 成绩单's machine line in A1 stays on screen. */
  printRows?: { first: number; last: number };
  /** Centred horizontally on the paper. */
  centered?: boolean;
}

/**
 * How cells look beyond number format, fill and bold, as data each writer translates (OOXML font
 * and alignment, Office.js RangeFormat, ExcelJS styles).
 */
export interface CellLook {
  /** Font size in points (absent: the workbook's own, 11). */
  size?: number;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Centred across the cell, or across its merge. */
  center?: boolean;
  /** Centred top to bottom (beside a taller, wrapped cell of its row); else at the foot, Excel's default. */
  middle?: boolean;
  /** Text wraps within the column's width and the row grows to it; false stops a column's wrap. */
  wrap?: boolean;
  /** Indent from the left edge in Excel's steps (about one character each). */
  indent?: number;
}

/** A clustered bar chart: category names and values from two columns over a run of rows (0-based `rows` indices, inclusive). */
export interface BarChart {
  title: string;
  /** Column of the category names (社区) and of the values (综合得分), 0-based. */
  categoryColumn: number;
  valueColumn: number;
  firstRow: number;
  lastRow: number;
  /** Where it is placed: top-left and bottom-right cells, 0-based (row, column). */
  from: { row: number; column: number };
  to: { row: number; column: number };
}

/**
 * An Excel table over a sheet's header and rows (src/workbook/tables.ts): its filter buttons are
 * the table's own, so a sheet with a table has no sheet `autoFilter`.
 */
export interface SheetTable {
  /** The name to give it; a writer takes the next free one (KH_Honors2) when a table or name holds it. */
  name: string;
  /** A built-in table style ("TableStyleLight9"), banded rows. */
  style: string;
  /** 0-based `rows` indices: the header row and the last row (≥ headerRow + 1, blank when no data). */
  headerRow: number;
  lastRow: number;
  /** Its columns from A, named as the header cells (Excel requires them equal); none blank, none twice. */
  columns: string[];
}

/** What an input cell accepts (a data validation, translated by each host). */
export type CellRule =
  /** One of these words (a drop-down). */
  | { kind: "list"; choices: readonly string[] }
  /**
   * Values of a range that grows with its sheet (a drop-down): `formula` is an Excel formula
   * without "=", e.g. OFFSET('社区'!$A$2,0,0,COUNTA(…)-1,1).
   */
  | { kind: "range"; formula: string }
  /** A number in [min, max]; no max: no upper bound. */
  | { kind: "decimal"; min: number; max?: number };

/** One input column's data validation: its rule, how strict, and the prompt shown on the cell. */
export interface ColumnGuard {
  /** 0-based column of the sheet. */
  column: number;
  rule?: CellRule;
  /**
   * "stop" refuses a value outside the rule; "warning" asks and lets it in (a new 条线, a name not
   * yet on 社区): the reader still reports it, so nothing typed is lost.
   */
  style: "stop" | "warning";
  /** The input prompt: a title (≤ 32 characters) and the rule in one line (≤ 255). */
  prompt?: { title: string; text: string };
}
