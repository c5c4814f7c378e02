import { excelSerialToDate } from "../../../workbook/excel-date";
import { WorkbookGrids } from "../../../workbook/types";
import { damaged, MAX_CELLS, MAX_COLUMNS, MAX_GRID_SLOTS, MAX_ROWS, tooLarge } from "./limits";
import type { PackageSheet, XlsxPackage } from "./package";
import { readSharedStrings, readSharedStringsAsync } from "./shared-strings";
import { readStyles } from "./styles";
import { unescapeOoxml } from "./xml";
import { CellSink, SheetScan } from "./sheet-scan";
import { FALLBACK, STOP, XmlHandlers } from "./xml-stream";

/**
 * Reading cells: each sheet part streamed through the XML parser, cell by cell (shared strings,
 * inline strings, numbers, booleans, error values, cached formula results, dates by their number
 * format), into grids as ExcelJS's `gridsOf` gives them, without building a cell object model.
 *
 * Every address is checked against Excel's limits before a grid grows: a row past 1,048,576, a
 * column past XFD, a row number that is not a number, a row or cell out of order or twice, a
 * shared-string index past the table is damage, told in one line. A number cell whose value is
 * not a number (empty, blank, "0x12") reads as NaN, which the workbook reader reports on its
 * cell — never as 0.
 */

// Module-level copies of the caps: read per cell, without going through the import binding.
const ROWS = MAX_ROWS;
const COLUMNS = MAX_COLUMNS;
const CELLS = MAX_CELLS;
const SLOTS = MAX_GRID_SLOTS;

/** xsd:double as Excel writes it (no hex, no "Infinity", no thousands separators). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A shared-string index as written (digits, white space around allowed), or -1. */
function index(v: string): number {
  let n = 0;
  const len = v.length;
  if (len === 0 || len > 10) return /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : -1;
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Cells and grid slots counted over all sheets of a read (CELLS, SLOTS). */
interface Budget {
  cells: number;
  slots: number;
}

interface Context {
  sheet: string;
  sst: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  budget: Budget;
}

/**
 * The sheet part's SAX handlers, filling `values` (rows from row 1, cells from column A); within
 * sheetData, the scanner of sheet-scan.ts calls the same steps (CellSink) in their place.
 */
class SheetReader implements XmlHandlers, CellSink {
  readonly values: unknown[][] = [];
  private inData = false;
  private line: unknown[] | null = null;
  private rowNumber = 0;
  private col = 0;
  private cellRef = "";
  private type = "n";
  private style: string | undefined;
  private v: string | null = null;
  private f: string | null = null;
  /** The inline string (<is>) of the cell, as read. */
  private str: string | null = null;
  private into: "v" | "f" | "t" | null = null;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly cx: Context,
    private readonly firstRowOnly = false
  ) {}

  private where(): string {
    return `工作表“${this.cx.sheet}”`;
  }

  open(name: string, a: Record<string, string>): void {
    switch (name) {
      case "sheetData":
        this.inData = true;
        return;
      case "row":
        if (this.inData) this.row(a.r);
        return;
      case "c":
        if (this.line) this.cell(a.r, a.t, a.s);
        return;
      case "v":
        if (this.line) ((this.v = ""), (this.into = "v"));
        return;
      case "f":
        if (this.line) ((this.f = ""), (this.into = "f"));
        return;
      case "is":
        if (this.line) ((this.str = ""), (this.inInline = true));
        return;
      case "t":
        if (this.inInline && this.phonetic === 0) this.into = "t";
        return;
      case "rPh":
        this.phonetic++;
        return;
    }
  }

  text(t: string): void {
    if (this.into === "v") this.v += t;
    else if (this.into === "f") this.f += t;
    else if (this.into === "t") this.str += t;
  }

  close(name: string): void {
    switch (name) {
      case "v":
      case "f":
      case "t":
        this.into = null;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline = false;
        return;
      case "c":
        if (this.line) this.endCell();
        return;
      case "row":
        if (this.line) this.endRow();
        return;
      case "sheetData":
        this.endData();
    }
  }

  // The steps of reading sheetData, in document order: the SAX handlers above and the scanner both call them.

  betweenRows(): boolean {
    return this.inData && this.line === null;
  }

  value(text: string): void {
    this.v = text;
  }

  formula(text: string): void {
    this.f = text;
  }

  inline(): void {
    this.str = "";
  }

  inlineText(text: string): void {
    this.str += text;
  }

  endData(): never {
    // Nothing after the cells is read: stop here rather than parse the rest of the part.
    throw STOP;
  }

  row(r: string | undefined): void {
    let n = this.rowNumber + 1;
    if (r !== undefined) {
      if (!/^\s*\d{1,10}\s*$/.test(r))
        throw damaged(
          `${this.where()}第 ${this.rowNumber} 行之后一行的行号“${r.slice(0, 20)}”不是数字`,
          `sheet "${this.cx.sheet}" has a row numbered "${r.slice(0, 20)}" after row ${this.rowNumber}, not a number`
        );
      n = Number(r);
    }
    if (n < 1 || n > ROWS)
      throw damaged(
        `${this.where()}的行号 ${n} 超出 Excel 的范围（1 至 ${ROWS}）`,
        `sheet "${this.cx.sheet}" has row ${n}, past Excel's rows 1 to ${ROWS}`
      );
    if (n <= this.rowNumber)
      throw damaged(
        `${this.where()}的第 ${n} 行重复或顺序颠倒`,
        `sheet "${this.cx.sheet}" has row ${n} twice or out of order`
      );
    this.rowNumber = n;
    this.line = [];
    this.col = 0;
  }

  cell(ref: string | undefined, type: string | undefined, style: string | undefined): void {
    let col = this.col + 1;
    if (ref !== undefined) {
      // Letters read here rather than through workbook/cells.ts: the stream must stop at the
      // letter that passes XFD (a 14 KB "ZZZZZZ20" is refused before anything grows), and this
      // runs once per cell of a million-row sheet, so no slice or regex per cell.
      let i = 0;
      col = 0;
      for (; i < ref.length; i++) {
        const c = ref.charCodeAt(i);
        if (c < 65 || c > 90) break;
        col = col * 26 + (c - 64);
        if (col > COLUMNS)
          throw damaged(
            `${this.where()}的单元格地址 ${ref.slice(0, 20)} 超出 Excel 的范围（最后一列 XFD）`,
            `sheet "${this.cx.sheet}" has the cell ${ref.slice(0, 20)}, past Excel's last column XFD`
          );
      }
      // The row digits, if any: 1 to 7 of them, naming this row.
      let row = 0;
      let d = i;
      for (; d < ref.length; d++) {
        const c = ref.charCodeAt(d);
        if (c < 48 || c > 57) break;
        row = row * 10 + (c - 48);
      }
      const digits = ref.length - i;
      if (i === 0 || (digits > 0 && (d < ref.length || digits > 7 || row !== this.rowNumber)))
        throw damaged(
          `${this.where()}第 ${this.rowNumber} 行有无效的单元格地址“${ref.slice(0, 20)}”`,
          `sheet "${this.cx.sheet}" row ${this.rowNumber} has the invalid cell address "${ref.slice(0, 20)}"`
        );
    }
    if (col > COLUMNS || col <= this.col)
      throw damaged(
        `${this.where()}第 ${this.rowNumber} 行的单元格重复、顺序颠倒或超出最后一列`,
        `sheet "${this.cx.sheet}" row ${this.rowNumber} has a cell twice, out of order or past the last column`
      );
    this.col = col;
    this.cellRef = ref ?? "";
    this.type = type ?? "n";
    this.style = style;
    this.v = this.f = this.str = null;
  }

  endCell(): void {
    const value = this.cellValue();
    if (value === null) return;
    const line = this.line as unknown[];
    if (++this.cx.budget.cells > CELLS) throw tooLarge(`单元格超过 ${CELLS} 个`, `more than ${CELLS} cells`);
    line[this.col - 1] = value;
  }

  endRow(): void {
    const line = this.line as unknown[];
    this.line = null;
    if (this.firstRowOnly) {
      if (this.rowNumber === 1) this.values[0] = line;
      throw STOP;
    }
    if (line.length === 0) return;
    this.cx.budget.slots += line.length + (this.rowNumber - this.values.length);
    if (this.cx.budget.slots > SLOTS)
      throw tooLarge(`表格范围超过 ${SLOTS} 个单元格`, `the sheets span more than ${SLOTS} cells`);
    // A copy of its own length: the row grew cell by cell, and a growing array keeps room for
    // more (a 3-cell row held 17 slots, 110 MB over a million rows).
    const row = line.slice();
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    this.values[this.rowNumber - 1] = row;
  }

  private cellValue(): unknown {
    const { v, f, type } = this;
    if (type === "inlineStr") {
      if (this.str !== null) return unescapeOoxml(this.str);
      return v !== null ? unescapeOoxml(v) : null;
    }
    if (v === null) return f !== null ? { formula: unescapeOoxml(f) } : null;
    switch (type) {
      case "s": {
        const i = index(v);
        if (i < 0 || i >= this.cx.sst.length)
          throw damaged(
            `${this.where()}单元格 ${this.cellRef || `第 ${this.rowNumber} 行`} 引用的共享字符串“${v.slice(0, 20)}”不存在`,
            `sheet "${this.cx.sheet}" cell ${this.cellRef || `in row ${this.rowNumber}`} refers to a shared string "${v.slice(0, 20)}" that does not exist`
          );
        return this.cx.sst[i];
      }
      case "str":
        return unescapeOoxml(v);
      case "b": {
        const b = v.trim();
        return b === "1" || b === "true" ? true : b === "0" || b === "false" ? false : NaN;
      }
      case "e":
        return unescapeOoxml(v).trim();
      case "d": {
        const d = new Date(unescapeOoxml(v));
        return Number.isNaN(d.getTime()) ? unescapeOoxml(v) : d;
      }
      default: {
        const t = v.trim();
        const n = NUMBER.test(t) ? Number(t) : NaN;
        const s = this.style;
        if (s !== undefined && this.cx.dateStyles[Number(s)] && Number.isFinite(n))
          return excelSerialToDate(n, this.cx.date1904);
        return n;
      }
    }
  }

  grid(): unknown[][] {
    const values = this.values;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
    return values;
  }
}

function readSheet(pkg: XlsxPackage, s: PackageSheet, cx: Context, firstRowOnly = false): unknown[][] {
  const reader = new SheetReader({ ...cx, sheet: s.name }, firstRowOnly);
  pkg.parts.xml(s.path, reader);
  return reader.grid();
}

/** A whole sheet: sheetData through the scanner, or — when it falls back — the part again through saxes alone. */
async function readWholeSheet(pkg: XlsxPackage, s: PackageSheet, cx: Context): Promise<unknown[][]> {
  const { cells, slots } = cx.budget;
  const reader = new SheetReader({ ...cx, sheet: s.name });
  try {
    await pkg.parts.xmlAsync(s.path, reader, new SheetScan(reader));
    return reader.grid();
  } catch (e) {
    if (e !== FALLBACK) throw e;
  }
  cx.budget.cells = cells;
  cx.budget.slots = slots;
  const again = new SheetReader({ ...cx, sheet: s.name });
  await pkg.parts.xmlAsync(s.path, again);
  return again.grid();
}

/** Every worksheet of the package as a grid from A1, in tab order (like Excel's used ranges). */
export async function packageGrids(pkg: XlsxPackage): Promise<WorkbookGrids> {
  const shared = await readSharedStringsAsync(pkg);
  const styles = readStyles(pkg);
  pkg.sharedStrings = shared;
  const cx: Context = {
    sheet: "",
    sst: shared.texts,
    dateStyles: styles.dateStyles,
    date1904: pkg.date1904,
    budget: { cells: 0, slots: 0 },
  };
  const grids: WorkbookGrids = [];
  pkg.firstCells = new Map();
  for (const s of pkg.sheets) {
    const values = await readWholeSheet(pkg, s, cx);
    grids.push({ name: s.name, values, firstRow: 1, firstColumn: 1 });
    pkg.firstCells.set(s.path, values[0]?.[0] ?? null);
  }
  return grids;
}

/** A1 of each sheet, to tell generated sheets (marker) from a person's: only each sheet's first row is read. */
export function packageFirstCells(pkg: XlsxPackage): Map<string, unknown> {
  if (pkg.firstCells) return pkg.firstCells;
  const sst = (pkg.sharedStrings ?? readSharedStrings(pkg)).texts;
  const cx: Context = { sheet: "", sst, dateStyles: [], date1904: false, budget: { cells: 0, slots: 0 } };
  const out = new Map<string, unknown>();
  for (const s of pkg.sheets) out.set(s.path, readSheet(pkg, s, cx, true)[0]?.[0] ?? null);
  return out;
}
