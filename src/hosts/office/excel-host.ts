/* global Excel, Office */
import { msg } from "../../scoring";
import { parseCell } from "../../workbook/cells";
import { sheetNameKey } from "../../workbook/sheet-names";
import { OutputSheet } from "../../workbook/types";
import {
  CellWrite,
  ConvertReport,
  FunctionCells,
  HostCapabilities,
  PaneHost,
  TemplateReport,
  WorkbookSnapshot,
  WriteOptions,
  WriteReport,
} from "../port";
import { ApiFlag, excelApiSupport, FEATURE_NAMES } from "./api";
import { OPEN_PANE_SETTING, sharedRuntime } from "./office-start";
import { readWorkbook } from "./read";
import { freezeRuns, scanFunctionCells } from "./share";
import { addTemplateSheets } from "./template";
import { writeGeneratedSheets } from "./write";

export { isKhFormula } from "../function-cells";

/**
 * The task pane's door to the open workbook. Every Office.js call of the product lives in
 * src/hosts/office, one file per job: read.ts (validation and ranking input), write.ts (generated
 * sheets), share.ts (共享准备), template.ts (创建模板); api.ts says which requirement sets this
 * Excel has. The custom functions need no workbook access.
 *
 * Round trips (context.sync) for a rank build, 12 or 5,000 communities alike (npm run bench):
 *   read    1 list (+ the remembered sheets' sizes), 1 more when sheets are new, then 1 per ~4 MB
 *           of input values
 *   write   1 per ~4 MB of values, then 1 for formats, the swap over earlier results and the chart
 * Every request and every answer stays under ~4 MB (Excel on the web refuses above 5 MB).
 *
 * Requirement sets: ExcelApi 1.1 is all that is needed; 1.2 column widths, 1.4 empty-sheet
 * detection, 1.6 pausing calculation, 1.7 frozen headers and chart names, 1.8 drop-downs, 1.9 the
 * failure-proof swap of earlier results — each skipped without it, and the pane says what is missing.
 * The auto-open mark needs SharedRuntime 1.1, which the manifest requires.
 */

// The start-up half (Office.onReady, the host hint, the auto-open mark) is in office-start.ts: the
// page's first script needs it before the pane and this module are fetched.
export { OPEN_PANE_SETTING, showPaneIfMarked } from "./office-start";

export class ExcelHost implements PaneHost {
  capabilities(): HostCapabilities {
    const can = excelApiSupport();
    const flags: ApiFlag[] = ["api1_2", "api1_4", "api1_6", "api1_7", "api1_8", "api1_9"];
    const missing = flags
      .filter((f) => !can[f])
      .map((f) => {
        const version = f.replace("api1_", "1.");
        return msg(
          `${FEATURE_NAMES[f].zh}（ExcelApi ${version}）`,
          `${FEATURE_NAMES[f].en} (ExcelApi ${version})`
        );
      });
    return { kind: "excel", autoOpen: sharedRuntime(), download: false, open: false, missing };
  }

  /**
   * The tab names as this host last saw them: a read asks for their sizes together with the sheet
   * list, so a fix-and-revalidate costs no extra round trip; a sheet deleted or renamed since fails
   * that request, and the read starts again from the list alone.
   */
  private knownSheets: string[] | null = null;

  async read(): Promise<WorkbookSnapshot> {
    const can = excelApiSupport();
    const outcome = await this.run((context) => readWorkbook(context, can, this.knownSheets));
    this.knownSheets = outcome.names;
    return { grids: outcome.grids, sheets: outcome.sheets };
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

  /** Writes generated sheets (write.ts): earlier results are replaced in place, never deleted. */
  async writeGenerated(sheets: readonly OutputSheet[], options: WriteOptions): Promise<WriteReport> {
    const can = excelApiSupport();
    const done = await this.run((context) => writeGeneratedSheets(context, can, sheets, options));
    if (this.knownSheets) {
      const known = new Set(this.knownSheets.map(sheetNameKey));
      this.knownSheets.push(...sheets.map((s) => s.name).filter((n) => !known.has(sheetNameKey(n))));
    }
    return {
      written: sheets.map((s) => s.name),
      replaced: [...options.replace],
      chart: done.chart,
      degraded: done.degraded,
      syncs: done.syncs,
    };
  }

  async createTemplate(sheets: readonly OutputSheet[]): Promise<TemplateReport> {
    const can = excelApiSupport();
    const report = await this.run((context) => addTemplateSheets(context, can, sheets));
    this.knownSheets?.push(...report.created);
    return report;
  }

  /** Writes a few cells of one sheet in one request (the pane's 应用 on 设置); text stays text. */
  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    for (const c of cells) if (!parseCell(c.cell)) throw new Error(`not a cell reference: ${c.cell}`);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const c of cells) {
        const range = ws.getRange(c.cell);
        // The text format before the value, in the same request: a text never becomes a formula.
        if (typeof c.value === "string") range.numberFormat = [["@"]];
        range.values = [[c.value]];
      }
      await context.sync();
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

  /** How many cells use KH. functions, per sheet, and those that show an error or are still calculating. */
  async countFunctionCells(): Promise<FunctionCells> {
    const can = excelApiSupport();
    const scan = await Excel.run((context) => scanFunctionCells(context, can));
    return { total: scan.total, bySheet: scan.bySheet, unsettled: scan.unsettled };
  }

  /**
   * Replaces every KH. formula by the value it shows — only when none shows an error or #BUSY!:
   * then nothing is converted and those cells are returned, to be recalculated first.
   */
  async convertFunctionCells(): Promise<ConvertReport> {
    const can = excelApiSupport();
    return this.run(async (context) => {
      const scan = await scanFunctionCells(context, can);
      if (scan.unsettled.length > 0 || scan.runs.length === 0)
        return { converted: 0, unsettled: scan.unsettled };
      const { converted } = await freezeRuns(context, can, scan.runs);
      return { converted, unsettled: [] };
    });
  }

  /**
   * Marks the workbook so the add-in loads with it and shows its pane (showPaneIfMarked), for
   * colleagues who have the add-in: Office.addin.setStartupBehavior(load), the documented way for a
   * shared runtime, plus a document setting read at start-up.
   */
  async setAutoOpen(): Promise<boolean> {
    if (!sharedRuntime()) return false;
    const settings = Office.context.document.settings;
    settings.set(OPEN_PANE_SETTING, true);
    // The older mark opens the pane without the shared runtime: blank on desktop (office-js #6308,
    // Office-Add-in-samples #776). Documents marked before carry it; it goes.
    settings.remove("Office.AutoShowTaskpaneWithDocument");
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(new Error(result.error?.message ?? "saveAsync failed"))
      )
    );
    await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
    return true;
  }
}
