import { sampleSheets, templateSheets } from "../../workbook/pipeline";
import { SHEETS } from "../../workbook/schema";
import { a1, parseCell } from "../../workbook/cells";
import { isGeneratedSheet } from "../../workbook/marker";
import { applyPlanToGrid, planOfCells, RowPlan } from "../../workbook/row-plan";
import { outputSheetName, sameSheetName, sheetNameKey } from "../../workbook/sheet-names";
import { foldName } from "../../workbook/sheet-reader";
import { OutputSheet, SheetGrid } from "../../workbook/types";
import { workplanTemplateRows } from "../../workplan";
import {
  CellPeek,
  CellWrite,
  ConvertReport,
  FunctionCells,
  HostCapabilities,
  PaneHost,
  SheetInfo,
  TemplateReport,
  WorkbookSnapshot,
  WriteReport,
} from "../port";
import { isKhFormula } from "../function-cells";
import {
  applyRowPlan,
  newWorkbookBytes,
  openXlsx,
  packageGrids,
  packXlsx,
  writePackageSheets,
} from "../xlsx/ooxml";
import { convertFormulasToValues, FormulaCell, formulaCells } from "../xlsx/ooxml/formulas";

/**
 * The browser preview's host: a workbook held in the page, so the same task pane runs outside
 * Office — the built-in sample at first, a blank template, or any .xlsx the user opens, with the
 * result offered as a download. Nothing leaves the page. This is how people without Excel (WPS,
 * LibreOffice) use the product.
 *
 * The page holds the file as its bytes plus the grids the package reader — the CLI's, with its
 * limits — reads from them; what the pane writes is kept as data (generated and template sheets,
 * 应用's row plans) and laid on the grids at once. The download is the file through the CLI's
 * package writer: every part byte for byte, the sheets added or replaced in place, the planned
 * cells rewritten in their sheet's part.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A KH. formula as a file stores it (no leading "="). */
export function isKhFormulaText(formula: unknown): boolean {
  return typeof formula === "string" && isKhFormula(`=${formula}`);
}

/** Offers bytes as a file download (an object URL on a temporary link). */
export function browserSave(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface XlsxHostOptions {
  /** Where downloads go (default: the browser's download). */
  save?: (bytes: Uint8Array, fileName: string) => void;
  /** File name shown for the built-in sample. */
  sampleName?: string;
  /** File name shown for a blank workbook (新建空白). */
  blankName?: string;
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object")
    return "formula" in value ? `=${String((value as { formula: unknown }).formula)}` : "";
  return String(value);
}

/** The workbook held: the file's bytes, and its sheets as the reader read them with the pane's writes laid on. */
interface Held {
  name: string;
  source: Uint8Array;
  grids: SheetGrid[];
  /** Every tab, chart sheets too (a name the output must not take). */
  sheets: SheetInfo[];
}

/** Reads .xlsx bytes with the package reader (refusing what the CLI refuses: UnreadableWorkbookError). */
async function held(source: Uint8Array, name: string): Promise<Held> {
  const pkg = await openXlsx(source);
  const grids = await packageGrids(pkg);
  const sheets = pkg.tabs.map((t) => {
    const grid = grids.find((g) => g.name === t.name);
    return { name: t.name, generated: grid ? isGeneratedSheet(grid.values[0]?.[0]) : false };
  });
  return { name, source, grids, sheets };
}

/** An output sheet's rows as the grid the reader would read back. */
function gridOfSheet(sheet: OutputSheet): SheetGrid {
  return { name: sheet.name, values: sheet.rows, firstRow: 1, firstColumn: 1 };
}

export class XlsxHost implements PaneHost {
  private book: Promise<Held>;
  private readonly options: XlsxHostOptions;
  /** Sheets written since opening (generated or from the template), latest per name, in first-written order. */
  private added: OutputSheet[] = [];
  /** Cells written into input sheets since opening (应用), in the order written. */
  private plans: RowPlan[] = [];
  /** KH. formulas were turned into values (共享准备): the download does the same to the file. */
  private converted = false;

  /** The workbook's file name, known before the sample is built. */
  private name: string;

  private constructor(book: Promise<Held>, name: string, options: XlsxHostOptions) {
    this.book = book;
    this.name = name;
    this.options = options;
    // A sample that failed to build is reported by the first call that needs it.
    book.catch(() => undefined);
  }

  /** The built-in sample (12 communities, every rule at work) as .xlsx bytes, written by the package writer. */
  static sampleBytes(): Promise<Uint8Array> {
    return newWorkbookBytes(sampleSheets(workplanTemplateRows()));
  }

  /** An empty template (every input sheet with its headers, guards and tables) as .xlsx bytes. */
  static blankBytes(): Promise<Uint8Array> {
    return newWorkbookBytes(templateSheets(workplanTemplateRows()));
  }

  static withSample(options: XlsxHostOptions = {}): XlsxHost {
    const name = options.sampleName ?? "sample.xlsx";
    return new XlsxHost(
      XlsxHost.sampleBytes().then((bytes) => held(bytes, name)),
      name,
      options
    );
  }

  /** A host on the bytes of an .xlsx file (rejects as `open` does). */
  static async ofBytes(
    bytes: Uint8Array,
    fileName: string,
    options: XlsxHostOptions = {}
  ): Promise<XlsxHost> {
    const book = await held(bytes, fileName);
    return new XlsxHost(Promise.resolve(book), fileName, options);
  }

  private reset(book: Held): void {
    this.book = Promise.resolve(book);
    this.name = book.name;
    this.added = [];
    this.plans = [];
    this.converted = false;
  }

  capabilities(): HostCapabilities {
    return { kind: "browser", autoOpen: false, download: true, open: true, missing: [] };
  }

  /** The workbook's file name (the sample's until a file is opened). */
  fileName(): string {
    return this.name;
  }

  private current(): Promise<Held> {
    return this.book;
  }

  async open(data: ArrayBuffer, fileName: string): Promise<void> {
    // The workbook held stays when the file is refused.
    this.reset(await held(new Uint8Array(data.slice(0)), fileName));
  }

  async openSample(): Promise<void> {
    const name = this.options.sampleName ?? "sample.xlsx";
    this.reset(await held(await XlsxHost.sampleBytes(), name));
  }

  /** 新建空白: an empty template, made from nothing by the package writer. */
  async openBlank(): Promise<void> {
    const name = this.options.blankName ?? "blank.xlsx";
    this.reset(await held(await XlsxHost.blankBytes(), name));
  }

  async read(): Promise<WorkbookSnapshot> {
    const book = await this.current();
    return { grids: book.grids.slice(), sheets: book.sheets.map((s) => ({ ...s })) };
  }

  /** Sheets into the page's workbook (grids and sheet list) and into what the download writes. */
  private put(book: Held, sheets: readonly OutputSheet[]): string[] {
    const written: string[] = [];
    for (const sheet of sheets) {
      const find = (name: string) => book.sheets.findIndex((s) => sameSheetName(s.name, name));
      const name = outputSheetName(sheet.name, (n) => {
        const at = find(n);
        return at < 0 ? undefined : book.sheets[at].generated;
      });
      const named = { ...sheet, name };
      const grid = gridOfSheet(named);
      const info = { name, generated: isGeneratedSheet(sheet.rows[0]?.[0]) };
      const at = find(name);
      if (at >= 0) {
        const g = book.grids.findIndex((x) => sameSheetName(x.name, name));
        if (g >= 0) book.grids[g] = { ...grid, name: book.grids[g].name };
        else book.grids.push(grid);
        book.sheets[at] = { ...info, name: book.sheets[at].name };
      } else {
        book.grids.push(grid);
        book.sheets.push(info);
      }
      const i = this.added.findIndex((s) => foldName(s.name) === foldName(name));
      if (i >= 0) this.added[i] = named;
      else this.added.push(named);
      written.push(name);
    }
    return written;
  }

  /** Writes generated sheets; only this product's earlier sheets are replaced. */
  async writeGenerated(sheets: readonly OutputSheet[]): Promise<WriteReport> {
    const book = await this.current();
    const before = new Set(book.sheets.filter((s) => s.generated).map((s) => sheetNameKey(s.name)));
    const written = this.put(book, sheets);
    return {
      written,
      replaced: written.filter((name) => before.has(sheetNameKey(name))),
      // The page draws no chart; the download has it (the package writer).
      chart: sheets.some((s) => s.chart !== undefined),
      degraded: [],
      syncs: 0,
    };
  }

  /** Adds the template's missing sheets; a sheet already there (zh or en name) is never touched. */
  async createTemplate(sheets: readonly OutputSheet[]): Promise<TemplateReport> {
    const book = await this.current();
    // A sheet the reader would find under a schema name counts as there (the reader's fold).
    const present = new Set(book.sheets.map((s) => foldName(s.name)));
    const isPresent = (s: OutputSheet) =>
      [s.name, SHEETS[s.key].zh, SHEETS[s.key].en].some((n) => present.has(foldName(n)));
    const missing = sheets.filter((s) => !isPresent(s));
    const created = missing.length > 0 ? this.put(book, missing) : [];
    // Excel tables, drop-downs and print setup in the download (the package writer).
    return { created, skipped: sheets.filter(isPresent).map((s) => s.name), degraded: [] };
  }

  /** Writes a few cells of one input sheet (the pane's 应用 on 设置): a row plan, text as text. */
  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    const book = await this.current();
    const at = book.grids.findIndex((g) => foldName(g.name) === foldName(sheet));
    if (at < 0) throw new Error(`no sheet ${sheet}`);
    const plan = planOfCells(book.grids[at].name, cells);
    book.grids[at] = applyPlanToGrid(book.grids[at], plan);
    this.plans.push(plan);
  }

  /** No grid to select in a page: a window of the sheet (its header row and the rows around the cell). */
  async selectCell(sheet: string, cell: string): Promise<CellPeek> {
    const book = await this.current();
    const found = book.grids.find((g) => sameSheetName(g.name, sheet));
    const at = parseCell(cell);
    if (!found || !at) throw new Error(`no cell ${sheet}!${cell}`);
    const { row, column } = at;
    const grid = found.values;
    const firstColumn = Math.max(1, column - 2);
    const lastColumn = Math.max(column + 2, Math.min(firstColumn + 5, grid[0]?.length ?? column));
    const wanted = [1, ...Array.from({ length: 5 }, (_, i) => row - 2 + i)].filter(
      (r, i, all) => r >= 1 && all.indexOf(r) === i
    );
    const rows = wanted.map((r) => ({
      row: r,
      cells: Array.from({ length: lastColumn - firstColumn + 1 }, (_, j) =>
        shownValue(grid[r - 1]?.[firstColumn - 1 + j])
      ),
    }));
    return {
      sheet: found.name,
      cell: a1(row, column),
      firstColumn,
      rows,
      at: { row: wanted.indexOf(row), column: column - firstColumn },
    };
  }

  /** The KH. cells of the file held (generated sheets hold values only). */
  private async khCells(): Promise<FormulaCell[]> {
    // Once converted, the download holds none: they count as gone, as in Excel.
    if (this.converted) return [];
    return formulaCells(await openXlsx((await this.current()).source), isKhFormulaText);
  }

  async countFunctionCells(): Promise<FunctionCells> {
    const cells = await this.khCells();
    const counts = new Map<string, number>();
    for (const c of cells) counts.set(c.sheet, (counts.get(c.sheet) ?? 0) + 1);
    const bySheet = [...counts].map(([sheet, count]) => ({ sheet, count }));
    const unsettled = cells.flatMap((c) =>
      c.unsettled === null ? [] : [{ sheet: c.sheet, cell: c.cell, shows: c.unsettled }]
    );
    return { total: cells.length, bySheet, unsettled };
  }

  /**
   * Replaces KH. formulas by the values saved in the file — only when every one has a saved
   * result that is not an error; otherwise nothing changes and those cells are returned. The
   * grids already hold the saved values; the download turns the formulas into them.
   */
  async convertFunctionCells(): Promise<ConvertReport> {
    const { total, unsettled } = await this.countFunctionCells();
    if (unsettled.length > 0) return { converted: 0, unsettled };
    if (total > 0) this.converted = true;
    return { converted: total, unsettled: [] };
  }

  async setAutoOpen(): Promise<boolean> {
    return false;
  }

  /** Offers `fileBytes` as a download. Returns the file name. */
  async download(fileName?: string): Promise<string> {
    const name = fileName ?? (await this.current()).name;
    (this.options.save ?? browserSave)(await this.fileBytes(), name);
    return name;
  }

  /**
   * The file as opened with everything the pane wrote since, through the CLI's package writer:
   * KH. formulas turned into their values when 共享准备 did so, the sheets added or replaced in
   * place, then 应用's cells rewritten in their sheet. Every other part byte for byte.
   */
  async fileBytes(): Promise<Uint8Array> {
    const pkg = await openXlsx((await this.current()).source);
    if (this.converted) await convertFormulasToValues(pkg, isKhFormulaText);
    await writePackageSheets(pkg, this.added);
    for (const plan of this.plans) await applyRowPlan(pkg, plan);
    return packXlsx(pkg);
  }
}
