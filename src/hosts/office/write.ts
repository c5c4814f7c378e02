/* global Excel */
import { Msg } from "../../scoring";
import { address } from "../../workbook/cells";
import { sheetNameKey } from "../../workbook/sheet-names";
import { BarChart, CellLook, OutputSheet, PrintSetup } from "../../workbook/types";
import { WriteOptions } from "../port";
import { ExcelApiSupport, missingFeatures, PRINT_FEATURE } from "./api";
import {
  Block,
  chartRanges,
  columnCount,
  FormatBlock,
  formatBlocks,
  pack,
  REQUEST_BYTES,
  StyleOp,
  styleOps,
  valueBlocks,
  widthPoints,
} from "./write-plan";

/**
 * Writing generated sheets (排名, 先进个人, 计分明细, 校验结果, …).
 *
 * A sheet of an earlier build is never deleted: a person's formula `=排名!C5` would turn into
 * #REF! for good. With ExcelApi 1.9 the new result is written to a temporary sheet and, in the last
 * request only, copied over the old sheet (clear, copyFrom) and the temporary sheet removed — a
 * request that fails before the last leaves the previous results as they were, and Excel runs the
 * commands of a request in order, so the last one holds no values at all (a few commands, bytes
 * in size). Without 1.9 the old sheet is cleared and rewritten in place (references still work;
 * a failure half-way leaves it incomplete, and the pane says so among the missing features).
 *
 * Text Excel would read as a formula, number or date (`=1+1`, `0012`) is written with the text
 * number format "@" set on those cells first, in the same request, then the value with a leading
 * apostrophe (write-plan.ts, toCell). The "@" is what protects: Excel stores a string written to
 * a text-formatted cell as text. The apostrophe is Excel's typed-text prefix, kept for an Excel
 * that would not honour the format (docs/excel-acceptance.md checks both).
 */

const HEADER_FILL = "#DDEBF7";
const NOTE_COLOR = "#595959";

interface Target {
  sheet: OutputSheet;
  /** Where the values and cell formats go (a temporary sheet when swapping). */
  writeTo: Excel.Worksheet;
  /** The sheet that holds the result at the end. */
  final: Excel.Worksheet;
  mode: "new" | "swap" | "inPlace";
  tempName?: string;
  oldCharts?: Excel.ChartCollection;
}

/** A temporary sheet's name: short (≤ 31), none of \ / ? * [ ] :, unlikely to be taken. */
function tempName(i: number, stamp: string): string {
  return `~KH${stamp}-${i + 1}`;
}

export async function writeGeneratedSheets(
  context: Excel.RequestContext,
  can: ExcelApiSupport,
  sheets: readonly OutputSheet[],
  options: WriteOptions
): Promise<{ chart: boolean; syncs: number; degraded: Msg[] }> {
  const valueRequests = pack(
    sheets.flatMap((s) => valueBlocks(s)),
    REQUEST_BYTES
  );
  const formatRequests = pack<FormatBlock | StyleOp>(
    sheets.flatMap((s) => [...formatBlocks(s), ...styleOps(s, can.api1_9)]),
    REQUEST_BYTES
  );
  const total = valueRequests.length + Math.max(1, formatRequests.length);
  const replace = new Map(options.replace.map((n) => [sheetNameKey(n), n]));
  const degraded = missingFeatures(can, ["api1_6", "api1_7", "api1_2"]);
  if (replace.size > 0) degraded.push(...missingFeatures(can, ["api1_9"]));
  if (!can.api1_9 && sheets.some((s) => s.print || s.autoFilter)) degraded.push(PRINT_FEATURE);
  const book = context.workbook;
  const stamp = Date.now().toString(36).slice(-6);

  // Request 1 begins with the structure: new sheets, temporary sheets, or the old ones cleared.
  const seen = new Set<string>();
  const targets: Target[] = sheets.map((s, i) => {
    if (seen.has(sheetNameKey(s.name))) throw new Error(`two generated sheets named ${s.name}`);
    seen.add(sheetNameKey(s.name));
    const existing = replace.get(sheetNameKey(s.name));
    if (existing === undefined) {
      const ws = book.worksheets.add(s.name);
      return { sheet: s, writeTo: ws, final: ws, mode: "new" };
    }
    const final = book.worksheets.getItem(existing);
    // A navigation property (a collection), not a loaded value: its items are loaded on the next line.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const oldCharts = final.charts;
    oldCharts.load("items/name");
    if (can.api1_9) {
      const name = tempName(i, stamp);
      return { sheet: s, writeTo: book.worksheets.add(name), final, mode: "swap", tempName: name, oldCharts };
    }
    final.getRange().clear();
    return { sheet: s, writeTo: final, final, mode: "inPlace", oldCharts };
  });
  const byName = new Map(targets.map((t) => [sheetNameKey(t.sheet.name), t]));
  const target = (sheet: string) => byName.get(sheetNameKey(sheet));

  let syncs = 0;
  try {
    for (const request of valueRequests) {
      writeValues(context, request, target, can);
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request (Excel on the web rejects > 5 MB), not per item
      await context.sync();
      options.onProgress?.({ done: syncs, total, step: "write" });
    }
    const lastFormats = formatRequests[formatRequests.length - 1] ?? [];
    for (const request of formatRequests.slice(0, -1)) {
      writeFormats(request, target, can);
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request, not per item
      await context.sync();
      options.onProgress?.({ done: syncs, total, step: "format" });
    }

    // The last request: cell styles, then the swap, then what belongs to the sheet itself.
    writeFormats(lastFormats, target, can);
    for (const t of targets) styleCells(t.writeTo, t.sheet);
    for (const t of targets) {
      for (const chart of t.oldCharts?.items ?? []) chart.delete();
      if (t.mode === "swap" && can.api1_9) {
        const extent = address(1, 1, Math.max(1, t.sheet.rows.length), columnCount(t.sheet));
        t.final.getRange().clear();
        t.final.getRange(extent).copyFrom(t.writeTo.getRange(extent), "All");
        t.writeTo.delete();
      }
    }
    let chartMade = false;
    for (const t of targets) {
      layoutSheet(t.final, t.sheet, can);
      if (t.sheet.chart) chartMade = addChart(t.final, t.sheet.chart, can) || chartMade;
    }
    if (options.activate) target(options.activate)?.final.activate();
    syncs++;
    await context.sync();
    options.onProgress?.({ done: syncs, total, step: "format" });
    return { chart: chartMade, syncs, degraded };
  } catch (e) {
    await removeTemporary(context, can, targets);
    throw e;
  }
}

/** After a failure: the temporary sheets go (best effort; the previous results were never touched). */
async function removeTemporary(context: Excel.RequestContext, can: ExcelApiSupport, targets: Target[]) {
  const temps = targets.filter((t) => t.tempName !== undefined);
  if (temps.length === 0 || !can.api1_4) return;
  try {
    const found = temps.map((t) => context.workbook.worksheets.getItemOrNullObject(t.tempName ?? ""));
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await context.sync();
  } catch {
    // The workbook is unreachable: a later build's sheets are named apart, so a leftover does no harm.
  }
}

/** Values, each block after the text format of its cells that must stay text (same request). */
function writeValues(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  target: (sheet: string) => Target | undefined,
  can: ExcelApiSupport
): void {
  if (can.api1_6) context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const b of blocks) {
    const ws = target(b.sheet)?.writeTo;
    if (!ws) continue;
    for (const run of b.textRuns) ws.getRange(run.address).numberFormat = run.formats;
    ws.getRange(b.address).values = b.values;
  }
}

/** Number formats of columns, then row and cell styles (copied with the cells when swapping). */
function writeFormats(
  items: readonly (FormatBlock | StyleOp)[],
  target: (sheet: string) => Target | undefined,
  can: ExcelApiSupport
): void {
  for (const b of items) {
    const ws = target(b.sheet)?.writeTo;
    if (!ws) continue;
    if ("formats" in b) {
      ws.getRange(b.address).numberFormat = b.formats;
      continue;
    }
    if (b.style.format !== undefined) ws.getRange(b.address).numberFormat = [[b.style.format]];
    // Several rows in one command (styleOps plans them only with ExcelApi 1.9).
    let format: Excel.RangeFormat;
    if (can.api1_9 && b.address.includes(",")) format = ws.getRanges(b.address).format;
    else format = ws.getRange(b.address).format;
    if (b.style.fill !== undefined) format.fill.color = b.style.fill;
    if (b.style.bold) format.font.bold = true;
    if (b.style.look) lookFormat(format, b.style.look, can);
    if (b.style.height !== undefined && can.api1_2) format.rowHeight = b.style.height;
  }
}

/** A look (types.ts CellLook) as RangeFormat properties; the indent needs ExcelApi 1.9. */
function lookFormat(format: Excel.RangeFormat, look: CellLook, can: ExcelApiSupport): void {
  if (look.size !== undefined) format.font.size = look.size;
  if (look.color !== undefined) format.font.color = look.color;
  if (look.center) format.horizontalAlignment = "Center";
  else if (look.indent) format.horizontalAlignment = "Left";
  if (look.middle) format.verticalAlignment = "Center";
  if (look.wrap !== undefined) format.wrapText = look.wrap;
  if (look.indent && can.api1_9) format.indentLevel = look.indent;
}

/** Header line and column headers: cell formats, copied with the cells when swapping (row styles: styleOps). */
function styleCells(ws: Excel.Worksheet, s: OutputSheet): void {
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
}

/** Column widths and frozen header rows: properties of the sheet, set on the sheet that stays. */
function layoutSheet(ws: Excel.Worksheet, s: OutputSheet, can: ExcelApiSupport): void {
  if (can.api1_2)
    s.widths.forEach((w, i) => {
      ws.getRange(address(1, i + 1)).format.columnWidth = widthPoints(w);
    });
  if (can.api1_7 && s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
  if (can.api1_2)
    for (const m of s.merges ?? [])
      ws.getRange(address(m.row + 1, m.firstColumn + 1, m.row + 1, m.lastColumn + 1)).merge(false);
  printAndFilter(ws, s, can);
}

/**
 * 规则 §8 print setup and filter buttons (ExcelApi 1.9; without it the pane names the missing
 * feature). The same header/footer codes as the .xlsx writers (`&P`, `&N`, `&&`).
 */
function printAndFilter(ws: Excel.Worksheet, s: OutputSheet, can: ExcelApiSupport): void {
  if (!can.api1_9) return;
  if (s.print) pageSetup(ws, s.print, columnCount(s), can);
  const f = s.autoFilter;
  if (f)
    ws.autoFilter.apply(
      ws.getRange(address(f.firstRow + 1, 1, Math.max(f.firstRow, f.lastRow) + 1, columnCount(s)))
    );
}

/** A sheet's PrintSetup on its page layout (ExcelApi 1.9): generated sheets and 创建模板's input sheets. */
export function pageSetup(ws: Excel.Worksheet, p: PrintSetup, width: number, can: ExcelApiSupport): void {
  if (!can.api1_9) return;
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed: 0 is "automatic", as fitToHeight="0" in the file format.
  if (p.onePageWide) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.repeatRows) page.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
  const all = page.headersFooters.defaultForAllPages;
  all.centerHeader = p.header;
  all.centerFooter = p.footer;
  // A sheet rewritten in place keeps its old manual breaks: they go first.
  ws.horizontalPageBreaks.removePageBreaks();
  for (const r of p.breaksAfter ?? []) ws.horizontalPageBreaks.add(address(r + 2, 1));
  if (p.printRows) page.setPrintArea(address(p.printRows.first + 1, 1, p.printRows.last + 1, width));
  if (p.centered) page.centerHorizontally = true;
}

/** The sheet's bar chart (the model's title, ranges and place), best at the top. */
function addChart(ws: Excel.Worksheet, chart: BarChart, can: ExcelApiSupport): boolean {
  const at = chartRanges(chart);
  const made = ws.charts.add("BarClustered", ws.getRange(at.values), "Columns");
  made.title.text = chart.title;
  made.legend.visible = false;
  made.dataLabels.showValue = true;
  made.setPosition(at.topLeft, at.bottomRight);
  const series = made.series.getItemAt(0);
  series.name = chart.title;
  if (can.api1_7) {
    series.setXAxisValues(ws.getRange(at.names));
    made.axes.categoryAxis.reversePlotOrder = true;
  }
  return true;
}
