import ExcelJS from "exceljs";
import { sampleSheets } from "../../workbook/pipeline";
import { SHEETS } from "../../workbook/schema";
import { a1, parseCell } from "../../workbook/cells";
import { sameSheetName, sheetNameKey } from "../../workbook/sheet-names";
import { foldName } from "../../workbook/sheet-reader";
import { OutputSheet } from "../../workbook/types";
import { workplanTemplateRows } from "../../workplan";
import {
  CellPeek,
  CellWrite,
  ConvertReport,
  FunctionCells,
  HostCapabilities,
  PaneHost,
  TemplateReport,
  UnsettledCell,
  WorkbookSnapshot,
  WriteOptions,
  WriteReport,
} from "../port";
import { isKhFormula, unsettledShown } from "../function-cells";
import {
  existingSheets,
  gridOf,
  gridsOf,
  loadXlsx,
  openXlsx,
  packXlsx,
  plainValue,
  saveXlsx,
  writeOutputSheets,
  writePackageSheets,
} from "../xlsx";
import { convertFormulasToValues } from "../xlsx/ooxml/formulas";

/**
 * The browser preview's host: a workbook held in the page (ExcelJS, in memory), so the same task
 * pane runs outside Office — the built-in sample at first, then any .xlsx the user opens, with
 * the result offered as a download. Nothing leaves the page. This is how people without Excel
 * (WPS, LibreOffice) use the product.
 *
 * The download is the file the user opened, through the same package writer as the CLI: every
 * part of it byte for byte (charts, pivot tables, images, comments, defined names — whatever
 * ExcelJS does not model), plus the sheets this page generated. ExcelJS only holds the workbook
 * for reading in the page; it never writes the user's file.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A KH. formula as ExcelJS gives it (no leading "="), or as Excel stores a custom function in a file. */
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
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object")
    return "formula" in value ? `=${String((value as { formula: unknown }).formula)}` : "";
  return String(value);
}

export class XlsxHost implements PaneHost {
  private wb: ExcelJS.Workbook;
  private name: string;
  private readonly options: XlsxHostOptions;
  /** The file as opened (the bytes the download starts from). */
  private source: Promise<Uint8Array>;
  /** Sheets written since opening (generated or from the template), latest per name, in first-written order. */
  private added: OutputSheet[] = [];
  /** KH. formulas were turned into values (共享准备): the download does the same to the file. */
  private converted = false;

  /** `source`: the file's bytes; without them, the workbook as it is now, saved. */
  constructor(wb: ExcelJS.Workbook, name: string, options: XlsxHostOptions = {}, source?: Uint8Array) {
    this.wb = wb;
    this.name = name;
    this.options = options;
    // ExcelJS takes its model when saving starts, so later writes into `wb` are not in these bytes.
    this.source = source ? Promise.resolve(source) : saveXlsx(wb);
  }

  private reset(wb: ExcelJS.Workbook, name: string, source: Promise<Uint8Array>): void {
    this.wb = wb;
    this.name = name;
    this.source = source;
    this.added = [];
    this.converted = false;
  }

  /** Remembers sheets written, for the download: a later sheet of the same name replaces the earlier. */
  private remember(sheets: readonly OutputSheet[], names: readonly string[]): void {
    sheets.forEach((sheet, i) => {
      const named = { ...sheet, name: names[i] ?? sheet.name };
      const at = this.added.findIndex((s) => foldName(s.name) === foldName(named.name));
      if (at >= 0) this.added[at] = named;
      else this.added.push(named);
    });
  }

  /** The built-in sample (12 communities, every rule at work) as an in-page workbook. */
  static sampleWorkbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    writeOutputSheets(wb, sampleSheets(workplanTemplateRows()));
    return wb;
  }

  static withSample(options: XlsxHostOptions = {}): XlsxHost {
    return new XlsxHost(XlsxHost.sampleWorkbook(), options.sampleName ?? "sample.xlsx", options);
  }

  capabilities(): HostCapabilities {
    return { kind: "browser", autoOpen: false, download: true, open: true, missing: [] };
  }

  fileName(): string {
    return this.name;
  }

  /** The workbook as ExcelJS holds it (tests). */
  workbook(): ExcelJS.Workbook {
    return this.wb;
  }

  async open(data: ArrayBuffer, fileName: string): Promise<void> {
    const bytes = new Uint8Array(data.slice(0));
    const wb = await loadXlsx(bytes);
    this.reset(wb, fileName, Promise.resolve(bytes));
  }

  async openSample(): Promise<void> {
    const wb = XlsxHost.sampleWorkbook();
    this.reset(wb, this.options.sampleName ?? "sample.xlsx", saveXlsx(wb));
  }

  async read(): Promise<WorkbookSnapshot> {
    return { grids: gridsOf(this.wb), sheets: existingSheets(this.wb) };
  }

  /** Writes generated sheets into the in-page workbook; only this product's earlier sheets are replaced. */
  async writeGenerated(sheets: readonly OutputSheet[], options: WriteOptions): Promise<WriteReport> {
    const before = new Set(
      existingSheets(this.wb)
        .filter((s) => s.generated)
        .map((s) => sheetNameKey(s.name))
    );
    const written = writeOutputSheets(this.wb, sheets);
    this.remember(sheets, written);
    if (options.activate) {
      const index = this.wb.worksheets.findIndex((ws) => sameSheetName(ws.name, options.activate ?? ""));
      if (index >= 0) {
        this.wb.views = [
          { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" },
        ];
        this.wb.worksheets.forEach((ws, i) => {
          // A sheet saved without <sheetViews> comes back from ExcelJS with views = null.
          const views: Partial<ExcelJS.WorksheetView>[] = ws.views ?? [];
          ws.views = (views.length > 0 ? views : [{}]).map((v) => ({ ...v, tabSelected: i === index }));
        });
      }
    }
    return {
      written,
      replaced: written.filter((name) => before.has(sheetNameKey(name))),
      // ExcelJS cannot draw charts: the page shows none, the download has it (writePackageSheets).
      chart: sheets.some((s) => s.chart !== undefined),
      degraded: [],
      syncs: 0,
    };
  }

  /** Adds the template's missing sheets; a sheet already there (zh or en name) is never touched. */
  async createTemplate(sheets: readonly OutputSheet[]): Promise<TemplateReport> {
    // A sheet the reader would find under a schema name counts as there (the reader's fold).
    const present = new Set(this.wb.worksheets.map((ws) => foldName(ws.name)));
    const isPresent = (s: OutputSheet) =>
      [s.name, SHEETS[s.key].zh, SHEETS[s.key].en].some((n) => present.has(foldName(n)));
    const missing = sheets.filter((s) => !isPresent(s));
    const created = missing.length > 0 ? writeOutputSheets(this.wb, missing) : [];
    this.remember(missing, created);
    // The sheets are Excel tables here too: in the page (ExcelJS) and in the download (the package writer).
    return { created, skipped: sheets.filter(isPresent).map((s) => s.name), degraded: [] };
  }

  /** Writes a few cells of one sheet (the pane's 应用 on 设置); ExcelJS writes a string as text. */
  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    const ws = this.wb.worksheets.find((w) => foldName(w.name) === foldName(sheet));
    if (!ws) throw new Error(`no sheet ${sheet}`);
    for (const c of cells) {
      if (!/^[A-Z]+\d+$/i.test(c.cell)) throw new Error(`not a cell reference: ${c.cell}`);
      ws.getCell(c.cell).value = c.value;
    }
  }

  /** No grid to select in a page: a window of the sheet (its header row and the rows around the cell). */
  async selectCell(sheet: string, cell: string): Promise<CellPeek> {
    const ws = this.wb.worksheets.find((w) => sameSheetName(w.name, sheet));
    const at = parseCell(cell);
    if (!ws || !at) throw new Error(`no cell ${sheet}!${cell}`);
    const { row, column } = at;
    const grid = gridOf(ws).values;
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
      sheet: ws.name,
      cell: a1(row, column),
      firstColumn,
      rows,
      at: { row: wanted.indexOf(row), column: column - firstColumn },
    };
  }

  private khCells(): { sheet: string; cell: ExcelJS.Cell }[] {
    const out: { sheet: string; cell: ExcelJS.Cell }[] = [];
    for (const ws of this.wb.worksheets)
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && isKhFormulaText(cell.formula))
            out.push({ sheet: ws.name, cell });
        })
      );
    return out;
  }

  /** KH. cells whose saved result is an error or missing: never frozen (see share.ts of the Office host). */
  private unsettled(): UnsettledCell[] {
    const out: UnsettledCell[] = [];
    for (const { sheet, cell } of this.khCells()) {
      const shows = unsettledShown(this.savedResult(cell));
      if (shows !== null) out.push({ sheet, cell: cell.address, shows });
    }
    return out;
  }

  private savedResult(cell: ExcelJS.Cell): unknown {
    const result = (cell.value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
    return result !== null && typeof result === "object" && "error" in result ? result : plainValue(result);
  }

  async countFunctionCells(): Promise<FunctionCells> {
    const counts = new Map<string, number>();
    for (const c of this.khCells()) counts.set(c.sheet, (counts.get(c.sheet) ?? 0) + 1);
    const bySheet = [...counts].map(([sheet, count]) => ({ sheet, count }));
    return { total: bySheet.reduce((n, s) => n + s.count, 0), bySheet, unsettled: this.unsettled() };
  }

  /**
   * Replaces KH. formulas by the values saved in the file — only when every one has a saved
   * result that is not an error; otherwise nothing changes and those cells are returned.
   */
  async convertFunctionCells(): Promise<ConvertReport> {
    const unsettled = this.unsettled();
    if (unsettled.length > 0) return { converted: 0, unsettled };
    let converted = 0;
    for (const { cell } of this.khCells()) {
      cell.value = this.savedResult(cell) as ExcelJS.CellValue;
      converted++;
    }
    if (converted > 0) this.converted = true;
    return { converted, unsettled: [] };
  }

  async setAutoOpen(): Promise<boolean> {
    return false;
  }

  /**
   * The file as opened plus the sheets written since, through the CLI's package writer (its
   * parts byte for byte, the sheets added or replaced in place); KH. formulas turned into their
   * values when 共享准备 did so. Returns the file name.
   */
  async download(fileName?: string): Promise<string> {
    const name = fileName ?? this.name;
    (this.options.save ?? browserSave)(await this.fileBytes(), name);
    return name;
  }

  /** The bytes `download` offers. */
  async fileBytes(): Promise<Uint8Array> {
    const pkg = await openXlsx(await this.source);
    if (this.converted) await convertFormulasToValues(pkg, isKhFormulaText);
    await writePackageSheets(pkg, this.added);
    return packXlsx(pkg);
  }
}
