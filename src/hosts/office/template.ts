/* global Excel */
import { Msg } from "../../scoring";
import { SHEETS } from "../../workbook/schema";
import { address } from "../../workbook/cells";
import { foldName } from "../../workbook/sheet-reader";
import { freeTableName, tableRef } from "../../workbook/tables";
import { OutputSheet } from "../../workbook/types";
import { ExcelApiSupport, missingFeatures, PRINT_FEATURE } from "./api";
import { pageSetup } from "./write";
import { TEMPLATE_ROWS, validationRanges, valueBlocks, widthPoints } from "./write-plan";

/**
 * Adds the template's sheets that are missing (a sheet counts as present under its zh or en
 * name): values (text that Excel would read otherwise gets the text format first, as in
 * write.ts), then the sheet's Excel table (src/workbook/tables.ts, as every writer makes it),
 * number formats and drop-downs for TEMPLATE_ROWS rows, widths, a frozen header and the print
 * setup (A4, one page wide). Existing
 * sheets are never touched. Two round trips.
 */
export async function addTemplateSheets(
  context: Excel.RequestContext,
  can: ExcelApiSupport,
  sheets: readonly OutputSheet[]
): Promise<{ created: string[]; skipped: string[]; degraded: Msg[] }> {
  const degraded = missingFeatures(can, ["api1_8"]);
  if (!can.api1_9 && sheets.some((s) => s.print)) degraded.push(PRINT_FEATURE);
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load("items/name");
  tables.load("items/name");
  await context.sync();

  // A sheet the reader would find under a schema name counts as there (the reader's fold).
  const present = new Set(worksheets.items.map((ws) => foldName(ws.name)));
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  /** KH_Honors, or KH_Honors2 … when a table of that name is already in the workbook. */
  const tableName = (base: string) => {
    const name = freeTableName(base, (folded) => tableNames.has(folded));
    tableNames.add(name.toLowerCase());
    return name;
  };
  const isPresent = (s: OutputSheet) => {
    const schema = SHEETS[s.key];
    return [s.name, schema.zh, schema.en].some((n) => present.has(foldName(n)));
  };
  const missing = sheets.filter((s) => !isPresent(s));
  const skipped = sheets.filter((s) => isPresent(s)).map((s) => s.name);
  if (missing.length === 0) return { created: [], skipped, degraded };

  const added = missing.map((s) => ({ s, ws: worksheets.add(s.name) }));
  // Values first, whole ranges, each after the text format of its cells that must stay text.
  for (const { s, ws } of added)
    for (const b of valueBlocks(s)) {
      for (const run of b.textRuns) ws.getRange(run.address).numberFormat = run.formats;
      ws.getRange(b.address).values = b.values;
    }
  // Then tables, formats, drop-downs, widths.
  for (const { s, ws } of added) {
    const lastRow = Math.max(s.rows.length, s.headerRow + 1 + TEMPLATE_ROWS);
    if (s.table) {
      const table = ws.tables.add(tableRef(s.table), true);
      table.name = tableName(s.table.name);
      table.style = s.table.style;
    }
    s.numberFormats.forEach((format, i) => {
      if (/^(general|)$/i.test(format)) return;
      const count = lastRow - (s.headerRow + 1);
      ws.getRange(address(s.headerRow + 2, i + 1, lastRow, i + 1)).numberFormat = Array.from(
        { length: count },
        () => [format]
      );
    });
    if (can.api1_8)
      for (const v of validationRanges(s, lastRow)) {
        const dv = ws.getRange(v.address).dataValidation;
        if (v.rule) dv.rule = v.rule;
        if (v.prompt) dv.prompt = v.prompt;
        if (v.errorAlert) dv.errorAlert = v.errorAlert;
      }
    if (can.api1_2)
      s.widths.forEach((w, i) => {
        ws.getRange(address(1, i + 1)).format.columnWidth = widthPoints(w);
      });
    if (can.api1_7 && s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
    // A4, one page wide, landscape where wide (workbook/print.ts); without 1.9 the pane says so.
    if (s.print) pageSetup(ws, s.print, s.widths.length, can);
  }
  await context.sync();
  return { created: added.map((a) => a.s.name), skipped, degraded };
}
