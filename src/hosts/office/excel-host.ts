/* global Excel, Office */
import { msg, Msg } from "../../scoring";
import { isGeneratedSheet } from "../../workbook/marker";
import { SHEETS } from "../../workbook/schema";
import { foldName } from "../../workbook/sheet-reader";
import { OutputSheet, SheetGrid } from "../../workbook/types";
import {
  FunctionCells,
  HostCapabilities,
  PaneHost,
  TemplateReport,
  WorkbookSnapshot,
  WriteOptions,
  WriteReport,
} from "../port";
import {
  address,
  Block,
  CellValue,
  chartSource,
  columnCount,
  FormatBlock,
  formatBlocks,
  pack,
  parseCell,
  REQUEST_BYTES,
  TEMPLATE_ROWS,
  toCell,
  validationRanges,
  valueBlocks,
  widthPoints,
} from "./write-plan";

/**
 * Every Office.js call of the product lives in this file (the task pane reaches Excel only
 * through an ExcelHost; the custom functions need no workbook access).
 *
 * Round trips (context.sync), whatever the size of the workbook:
 *   read            1  — the sheet list and every sheet's used values in ONE sync, when the sheets
 *                        are those last seen (revalidation); 2 the first time (list, then values)
 *   writeGenerated  2  — values (structure + values), then formats/chart/activation;
 *                        one more per extra 4 MB of values or formats (none up to ~2,000 communities)
 *   rank build      3–4 = read + writeGenerated (the pane computes in between)
 *   createTemplate  2, selectCell 1, countFunctionCells 2, convertFunctionCells 3
 *
 * API requirement sets used (checked at run time; a missing one degrades, never fails):
 *   ExcelApi 1.1  worksheets, ranges (values, numberFormat, format), charts, tables, select, activate
 *   ExcelApi 1.2  format.columnWidth (widths skipped without it)
 *   ExcelApi 1.4  getUsedRangeOrNullObject (falls back to getUsedRange)
 *   ExcelApi 1.6  application.suspendApiCalculationUntilNextSync (skipped without it)
 *   ExcelApi 1.7  freezePanes, chart series x-values and category order (skipped without them)
 *   ExcelApi 1.8  dataValidation drop-downs in the template (skipped without it)
 *   Common API    document.settings (Office.AutoShowTaskpaneWithDocument)
 */

type ApiVersion = "1.2" | "1.4" | "1.6" | "1.7" | "1.8";

const FEATURE_NAMES: Record<ApiVersion, Msg> = {
  "1.2": msg("列宽", "column widths"),
  "1.4": msg("空表检测", "empty-sheet detection"),
  "1.6": msg("写入时暂停计算", "pausing calculation while writing"),
  "1.7": msg("冻结表头、图表社区名称", "frozen headers, community names on the chart"),
  "1.8": msg("下拉选项", "drop-down lists"),
};

const HEADER_FILL = "#DDEBF7";
const NOTE_COLOR = "#595959";
const TABLE_STYLE = "TableStyleLight9";

function supports(version: ApiVersion): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/**
 * Calls `ready` once office.js has said where the page runs: in Excel (with Office's display
 * language) or elsewhere (a plain browser: Office.onReady gives host null). When office.js is not
 * there at all, says "elsewhere" at once.
 */
export function whenOfficeReady(ready: (where: { excel: boolean; language: string | null }) => void): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    ready({ excel: false, language: null });
    return;
  }
  void Office.onReady((info) => {
    const excel = info.host === Office.HostType.Excel;
    ready({ excel, language: excel ? Office.context.displayLanguage : null });
  });
}

/**
 * True when the page was opened by Office: office.js found Office's host information (the
 * `_host_Info` that Office passes in the URL, the window name or the host bridge) — known before
 * Office.onReady answers, so a slow start inside Excel is never mistaken for a plain browser.
 */
export function officeHostHint(): boolean {
  const factory = (
    globalThis as { OSF?: { _OfficeAppFactory?: { getHostInfo?: () => { hostType?: string } | null } } }
  ).OSF?._OfficeAppFactory;
  try {
    if (factory?.getHostInfo?.()?.hostType) return true;
  } catch {
    // An office.js without the factory: fall back to the URL.
  }
  return typeof location !== "undefined" && /[?&#]_host_Info=/i.test(location.search + location.hash);
}

/**
 * Outside Office (the browser preview), office.js would still open its telemetry frame from
 * telemetryservice.firstpartyapps.oaspapps.com three seconds after loading. The preview promises
 * that nothing leaves the page, so once Office.onReady has said "no host", the frame is given a
 * detached stand-in and never loads. Inside Office this is never called.
 */
export function keepOfficeJsLocal(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && (endpoint.proxyFrame === null || endpoint.proxyFrame === undefined))
    endpoint.proxyFrame = document.createElement("iframe");
}

/** True when a formula calls this add-in's KH. functions (as `formulas` gives it, in English). */
export function isKhFormula(formula: unknown): boolean {
  return (
    typeof formula === "string" &&
    formula.startsWith("=") &&
    /(^|[^A-Za-z0-9_.])(KH\.[A-Za-z_]|_xldudf_KH_)/i.test(formula)
  );
}

const nameKey = (name: string) => foldName(name);

interface SheetFormulas {
  name: string;
  ws: Excel.Worksheet;
  formulas: unknown[][];
  values: unknown[][];
  /** 0-based row and column of the used range's top-left cell. */
  row0: number;
  col0: number;
}

export class ExcelHost implements PaneHost {
  capabilities(): HostCapabilities {
    const missing = (["1.2", "1.4", "1.6", "1.7", "1.8"] as const)
      .filter((v) => !supports(v))
      .map((v) => msg(`${FEATURE_NAMES[v].zh}（ExcelApi ${v}）`, `${FEATURE_NAMES[v].en} (ExcelApi ${v})`));
    return { kind: "excel", autoOpen: true, download: false, open: false, missing };
  }

  /**
   * The tab names as this host last saw them. A read loads the sheet list and, in the same
   * request, the used values of these sheets: when the workbook still has them, that one sync is
   * the whole read (fix-and-revalidate). A sheet added since costs one more sync (its values); a
   * sheet deleted or renamed since fails that request, and the read starts over from the list.
   */
  private knownSheets: string[] | null = null;

  /** Every sheet's used values: 1 sync when the sheet list is as last seen, otherwise 2 (list, then values). */
  async read(): Promise<WorkbookSnapshot> {
    const nullable = supports("1.4");
    const usedRange = (ws: Excel.Worksheet) => {
      const range = nullable ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
      range.load("values,rowIndex,columnIndex");
      return range;
    };
    return Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const byName = new Map<string, Excel.Range>();
      worksheets.load("items/name");
      const guess = this.knownSheets ?? [];
      for (const name of guess) byName.set(nameKey(name), usedRange(worksheets.getItem(name)));
      try {
        await context.sync();
      } catch {
        // A remembered sheet is gone (deleted or renamed): list the sheets afresh.
        byName.clear();
        worksheets.load("items/name");
        await context.sync();
      }

      const names = worksheets.items.map((ws) => ws.name);
      const fresh = worksheets.items.filter((ws) => !byName.has(nameKey(ws.name)));
      for (const ws of fresh) byName.set(nameKey(ws.name), usedRange(ws));
      if (fresh.length > 0) await context.sync();
      this.knownSheets = names;

      const grids: SheetGrid[] = names.map((name) => {
        const range = byName.get(nameKey(name));
        if (!range || (nullable && range.isNullObject))
          return { name, values: [], firstRow: 1, firstColumn: 1 };
        return {
          name,
          values: range.values as unknown[][],
          firstRow: range.rowIndex + 1,
          firstColumn: range.columnIndex + 1,
        };
      });
      const sheets = grids.map((g) => ({
        name: g.name,
        generated: g.firstRow === 1 && g.firstColumn === 1 && isGeneratedSheet(g.values[0]?.[0]),
      }));
      return { grids, sheets };
    });
  }

  /** Excel.run; when a batch fails half-way, the remembered sheet list may be wrong: forget it. */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(batch);
    } catch (e) {
      this.knownSheets = null;
      throw e;
    }
  }

  /** Keeps the remembered sheet list in step with this host's own writes. */
  private remember(removed: readonly string[], added: readonly string[]): void {
    if (!this.knownSheets) return;
    const gone = new Set(removed.map(nameKey));
    this.knownSheets = [...this.knownSheets.filter((n) => !gone.has(nameKey(n))), ...added];
  }

  /**
   * Writes generated sheets: deletes the confirmed `replace` sheets, adds one sheet per output,
   * writes the values as whole ranges (in blocks, requests ≤ 4 MB) with calculation suspended,
   * then the formats, highlights, chart and activation in the last request.
   */
  async writeGenerated(sheets: readonly OutputSheet[], options: WriteOptions): Promise<WriteReport> {
    const valueRequests = pack(
      sheets.flatMap((s) => valueBlocks(s)),
      REQUEST_BYTES
    );
    const formatRequests = pack(
      sheets.flatMap((s) => formatBlocks(s)),
      REQUEST_BYTES
    );
    const total = valueRequests.length + Math.max(1, formatRequests.length);
    const degraded: Msg[] = [];
    const canSuspend = supports("1.6");
    const v17 = supports("1.7");
    const widths = supports("1.2");
    if (!canSuspend) degraded.push(FEATURE_NAMES["1.6"]);
    if (!v17) degraded.push(FEATURE_NAMES["1.7"]);
    if (!widths) degraded.push(FEATURE_NAMES["1.2"]);
    let chartMade = false;

    const syncs = await this.run(async (context) => {
      let count = 0;
      const book = context.workbook;
      const targets = new Map<string, Excel.Worksheet>();

      // Request 1: structure (the confirmed replacements go, the new sheets come), then values.
      for (const name of options.replace) book.worksheets.getItem(name).delete();
      for (const s of sheets) {
        if (targets.has(nameKey(s.name))) throw new Error(`two generated sheets named ${s.name}`);
        targets.set(nameKey(s.name), book.worksheets.add(s.name));
      }
      const writeValues = (blocks: readonly Block[]) => {
        if (canSuspend) book.application.suspendApiCalculationUntilNextSync();
        for (const b of blocks) {
          const ws = targets.get(nameKey(b.sheet));
          if (ws) ws.getRange(b.address).values = b.values;
        }
      };
      const writeFormats = (blocks: readonly FormatBlock[]) => {
        for (const b of blocks) {
          const ws = targets.get(nameKey(b.sheet));
          if (ws) ws.getRange(b.address).numberFormat = b.formats;
        }
      };

      // Values: one request per ≤ 4 MB (one for a town's workbook, and for 2,000 communities).
      for (const request of valueRequests) {
        writeValues(request);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request (Excel on the web rejects > 5 MB), not per item
        await context.sync();
        count++;
        options.onProgress?.({ done: count, total, step: "write" });
      }

      // Formats: number formats (any beyond the first 4 MB go first), then styles and the chart.
      const lastFormats = formatRequests[formatRequests.length - 1] ?? [];
      for (const request of formatRequests.slice(0, -1)) {
        writeFormats(request);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request, not per item
        await context.sync();
        count++;
        options.onProgress?.({ done: count, total, step: "format" });
      }
      writeFormats(lastFormats);
      for (const s of sheets) {
        const ws = targets.get(nameKey(s.name));
        if (!ws) continue;
        this.styleSheet(ws, s, { widths, freeze: v17 });
        if (options.chart && nameKey(options.chart.sheet) === nameKey(s.name))
          chartMade = this.addChart(ws, s, options.chart, v17);
      }
      if (options.activate) targets.get(nameKey(options.activate))?.activate();
      await context.sync();
      count++;
      options.onProgress?.({ done: count, total, step: "format" });
      return count;
    });

    this.remember(
      options.replace,
      sheets.map((s) => s.name)
    );
    return {
      written: sheets.map((s) => s.name),
      replaced: [...options.replace],
      chart: chartMade,
      degraded,
      syncs,
    };
  }

  /** Header line, column headers, highlights, widths, frozen rows: whole ranges, after the values. */
  private styleSheet(ws: Excel.Worksheet, s: OutputSheet, can: { widths: boolean; freeze: boolean }): void {
    const width = columnCount(s);
    if (s.headerRow > 0) {
      const note = ws.getRange(address(1, 1, s.headerRow, width)).format.font;
      note.color = NOTE_COLOR;
      note.italic = true;
    }
    const header = ws.getRange(address(s.headerRow + 1, 1, s.headerRow + 1, width)).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.wrapText = true;
    for (const h of s.highlight)
      ws.getRange(address(h.row + 1, 1, h.row + 1, width)).format.fill.color = h.color;
    if (can.widths)
      s.widths.forEach((w, i) => {
        ws.getRange(address(1, i + 1)).format.columnWidth = widthPoints(w);
      });
    if (can.freeze && s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
  }

  /** A bar chart of the totals, beside the ranking table, best at the top. */
  private addChart(
    ws: Excel.Worksheet,
    s: OutputSheet,
    chart: { title: string; maxBars: number },
    v17: boolean
  ): boolean {
    const ranking = SHEETS.ranking.columns;
    const community = ranking.find((c) => c.key === "community");
    const totalCol = ranking.find((c) => c.key === "total");
    if (!community || !totalCol) return false;
    const src = chartSource(s, [community.zh, community.en], [totalCol.zh, totalCol.en], chart.maxBars);
    if (!src) return false;
    const made = ws.charts.add("BarClustered", ws.getRange(src.totals), "Columns");
    made.title.text = chart.title;
    made.legend.visible = false;
    made.dataLabels.showValue = true;
    made.setPosition(src.topLeft, src.bottomRight);
    const series = made.series.getItemAt(0);
    series.name = totalCol.zh;
    if (v17) {
      series.setXAxisValues(ws.getRange(src.names));
      made.axes.categoryAxis.reversePlotOrder = true;
    }
    return true;
  }

  /**
   * Adds the template's sheets that are missing (a sheet counts as present under its zh or en
   * name): values, then an Excel table over the header, number formats and drop-downs for
   * TEMPLATE_ROWS rows, widths and a frozen header. Existing sheets are never touched.
   */
  async createTemplate(sheets: readonly OutputSheet[]): Promise<TemplateReport> {
    const validations = supports("1.8");
    const widths = supports("1.2");
    const freeze = supports("1.7");
    const degraded: Msg[] = [];
    if (!validations) degraded.push(FEATURE_NAMES["1.8"]);
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const tables = context.workbook.tables;
      worksheets.load("items/name");
      tables.load("items/name");
      await context.sync();

      const present = new Set(worksheets.items.map((ws) => nameKey(ws.name)));
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      /** KH_Honors, or KH_Honors2 … when a table of that name is already in the workbook. */
      const tableName = (base: string) => {
        let name = base;
        for (let n = 2; tableNames.has(name.toLowerCase()); n++) name = `${base}${n}`;
        tableNames.add(name.toLowerCase());
        return name;
      };
      const isPresent = (s: OutputSheet) => {
        const schema = SHEETS[s.key];
        return [s.name, schema.zh, schema.en].some((n) => present.has(nameKey(n)));
      };
      const missing = sheets.filter((s) => !isPresent(s));
      const skipped = sheets.filter((s) => isPresent(s)).map((s) => s.name);
      if (missing.length === 0) return { created: [], skipped, degraded };

      const added = missing.map((s) => ({ s, ws: worksheets.add(s.name) }));
      // Values first, whole ranges.
      for (const { s, ws } of added) for (const b of valueBlocks(s)) ws.getRange(b.address).values = b.values;
      // Then tables, formats, drop-downs, widths.
      for (const { s, ws } of added) {
        const width = columnCount(s);
        const lastRow = Math.max(s.rows.length, s.headerRow + 1 + TEMPLATE_ROWS);
        const table = ws.tables.add(
          address(s.headerRow + 1, 1, Math.max(s.rows.length, s.headerRow + 2), width),
          true
        );
        table.name = tableName(`KH_${SHEETS[s.key].en}`);
        table.style = TABLE_STYLE;
        s.numberFormats.forEach((format, i) => {
          if (/^(general|)$/i.test(format)) return;
          const count = lastRow - (s.headerRow + 1);
          ws.getRange(address(s.headerRow + 2, i + 1, lastRow, i + 1)).numberFormat = Array.from(
            { length: count },
            () => [format]
          );
        });
        if (validations)
          for (const v of validationRanges(s, lastRow))
            ws.getRange(v.address).dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
        if (widths)
          s.widths.forEach((w, i) => {
            ws.getRange(address(1, i + 1)).format.columnWidth = widthPoints(w);
          });
        if (freeze && s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
      }
      await context.sync();
      this.remember(
        [],
        added.map((a) => a.s.name)
      );
      return { created: added.map((a) => a.s.name), skipped, degraded };
    });
  }

  /** Shows the sheet and selects the cell (one sync). */
  async selectCell(sheet: string, cell: string): Promise<null> {
    if (!parseCell(cell)) throw new Error(`not a cell reference: ${cell}`);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
    return null;
  }

  /** Formulas of every sheet's used range (2 syncs), with their values. */
  private async loadFormulas(context: Excel.RequestContext): Promise<SheetFormulas[]> {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const nullable = supports("1.4");
    const used = worksheets.items.map((ws) => {
      const range = nullable ? ws.getUsedRangeOrNullObject() : ws.getUsedRange();
      range.load("formulas,values,rowIndex,columnIndex");
      return { ws, name: ws.name, range };
    });
    await context.sync();
    return used
      .filter(({ range }) => !(nullable && range.isNullObject))
      .map(({ ws, name, range }) => ({
        ws,
        name,
        formulas: range.formulas as unknown[][],
        values: range.values as unknown[][],
        row0: range.rowIndex,
        col0: range.columnIndex,
      }));
  }

  /** How many cells use KH. functions, per sheet. */
  async countFunctionCells(): Promise<FunctionCells> {
    return Excel.run(async (context) => {
      const sheets = await this.loadFormulas(context);
      const bySheet = sheets
        .map((s) => ({ sheet: s.name, count: s.formulas.flat().filter(isKhFormula).length }))
        .filter((s) => s.count > 0);
      return { total: bySheet.reduce((n, s) => n + s.count, 0), bySheet };
    });
  }

  /** Replaces every KH. formula by the value it shows, one whole range per run of adjacent cells. */
  async convertFunctionCells(): Promise<number> {
    const canSuspend = supports("1.6");
    return this.run(async (context) => {
      const sheets = await this.loadFormulas(context);
      // Runs of adjacent KH. cells in a row, each written back as one range of its values.
      const runs: { ws: Excel.Worksheet; address: string; values: CellValue[][] }[] = [];
      for (const s of sheets)
        s.formulas.forEach((row, r) => {
          let c = 0;
          while (c < row.length) {
            if (!isKhFormula(row[c])) {
              c++;
              continue;
            }
            const start = c;
            while (c < row.length && isKhFormula(row[c])) c++;
            const excelRow = s.row0 + r + 1;
            runs.push({
              ws: s.ws,
              address: address(excelRow, s.col0 + start + 1, excelRow, s.col0 + c),
              values: [s.values[r].slice(start, c).map((v) => toCell(v as string | number | boolean | null))],
            });
          }
        });
      if (runs.length === 0) return 0;
      if (canSuspend) context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const run of runs) run.ws.getRange(run.address).values = run.values;
      await context.sync();
      return runs.reduce((n, run) => n + run.values[0].length, 0);
    });
  }

  /** Office.AutoShowTaskpaneWithDocument: the pane opens with the document for people who have the add-in. */
  async setAutoOpen(): Promise<boolean> {
    const settings = Office.context.document.settings;
    settings.set("Office.AutoShowTaskpaneWithDocument", true);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(new Error(result.error?.message ?? "saveAsync failed"))
      )
    );
    return true;
  }
}
