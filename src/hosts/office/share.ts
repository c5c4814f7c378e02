/* global Excel */
import { isKhFormula, unsettledShown } from "../function-cells";
import { ExcelApiSupport } from "./api";
import { joinPages, readPaged } from "./paged";
import { Extent } from "./read-plan";
import { address } from "../../workbook/cells";
import { CellValue, pack, REQUEST_BYTES, toCell, cellBytes } from "./write-plan";

/**
 * 共享准备 (prepare to share): finds the cells whose formulas call the KH. functions and turns
 * them into the values they show, so a colleague without the add-in sees numbers, not #NAME?.
 *
 * A cell still calculating (#BUSY!), one whose function Excel does not know (#NAME?) or one that
 * shows any other error is never frozen: freezing would keep the error as if it were the result.
 * Such cells are listed and nothing is converted until Excel has recalculated them.
 *
 * Reads are paged like the workbook read (read-plan.ts): the formulas of every sheet in pages of
 * ~4 MB of answer, then the values of the KH. cells only.
 */

export interface KhRun {
  sheet: string;
  /** Excel row and first/last column (1-based) of a run of adjacent KH. cells in one row. */
  row: number;
  col1: number;
  col2: number;
}

export interface KhScan {
  total: number;
  bySheet: { sheet: string; count: number }[];
  unsettled: { sheet: string; cell: string; shows: string }[];
  runs: { run: KhRun; values: unknown[] }[];
  syncs: number;
}

export async function scanFunctionCells(
  context: Excel.RequestContext,
  can: ExcelApiSupport
): Promise<KhScan> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  let syncs = 1;
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = can.api1_4 ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, name: ws.name, range };
  });
  syncs++;
  await context.sync();
  const byName = new Map(used.map((u) => [u.name, u.ws]));
  const sheetOf = (name: string) => byName.get(name) ?? worksheets.getItem(name);
  const extents: Extent[] = used
    .filter((u) => !(can.api1_4 && u.range.isNullObject))
    .map((u) => ({
      sheet: u.name,
      row0: u.range.rowIndex,
      col0: u.range.columnIndex,
      rows: u.range.rowCount,
      columns: u.range.columnCount,
    }));
  const formulas = await readPaged(context, sheetOf, extents, "formulas");
  syncs += formulas.syncs;

  const runs: KhRun[] = [];
  for (const e of extents)
    joinPages(formulas, e).forEach((row, r) => {
      let c = 0;
      while (c < row.length) {
        if (!isKhFormula(row[c])) {
          c++;
          continue;
        }
        const start = c;
        while (c < row.length && isKhFormula(row[c])) c++;
        runs.push({ sheet: e.sheet, row: e.row0 + r + 1, col1: e.col0 + start + 1, col2: e.col0 + c });
      }
    });
  if (runs.length === 0) return { total: 0, bySheet: [], unsettled: [], runs: [], syncs };

  const shown = await readPaged(
    context,
    sheetOf,
    runs.map((r) => ({
      sheet: r.sheet,
      row0: r.row - 1,
      col0: r.col1 - 1,
      rows: 1,
      columns: r.col2 - r.col1 + 1,
    })),
    "values"
  );
  syncs += shown.syncs;
  const withValues = runs.map((run) => ({
    run,
    values:
      joinPages(shown, {
        sheet: run.sheet,
        row0: run.row - 1,
        col0: run.col1 - 1,
        rows: 1,
        columns: run.col2 - run.col1 + 1,
      })[0] ?? [],
  }));
  const counts = new Map<string, number>();
  const unsettled: KhScan["unsettled"] = [];
  for (const { run, values } of withValues) {
    counts.set(run.sheet, (counts.get(run.sheet) ?? 0) + run.col2 - run.col1 + 1);
    values.forEach((v, i) => {
      const shows = unsettledShown(v);
      if (shows !== null) unsettled.push({ sheet: run.sheet, cell: address(run.row, run.col1 + i), shows });
    });
  }
  const bySheet = [...counts].map(([sheet, count]) => ({ sheet, count }));
  return { total: bySheet.reduce((n, s) => n + s.count, 0), bySheet, unsettled, runs: withValues, syncs };
}

/** Writes each run's values over its formulas: whole ranges, requests of at most ~4 MB. */
export async function freezeRuns(
  context: Excel.RequestContext,
  can: ExcelApiSupport,
  runs: KhScan["runs"]
): Promise<{ converted: number; syncs: number }> {
  const writes = runs.map(({ run, values }) => {
    const cells: CellValue[] = values.map((v) => toCell(v as string | number | boolean | null));
    return { run, cells, bytes: cells.reduce((n: number, v) => n + cellBytes(v), 16) };
  });
  let syncs = 0;
  for (const request of pack(writes, REQUEST_BYTES)) {
    if (can.api1_6) context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const w of request)
      context.workbook.worksheets
        .getItem(w.run.sheet)
        .getRange(address(w.run.row, w.run.col1, w.run.row, w.run.col2)).values = [w.cells];
    syncs++;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request (Excel on the web rejects > 5 MB), not per item
    await context.sync();
  }
  return { converted: writes.reduce((n, w) => n + w.cells.length, 0), syncs };
}
