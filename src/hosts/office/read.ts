/* global Excel */
import { isGeneratedSheet } from "../../workbook/marker";
import { SHEETS } from "../../workbook/schema";
import { sheetNameKey } from "../../workbook/sheet-names";
import { foldName } from "../../workbook/sheet-reader";
import { SheetGrid } from "../../workbook/types";
import { ExcelApiSupport } from "./api";
import { joinPages, readPaged } from "./paged";
import { Extent } from "./read-plan";

/**
 * Reading the workbook for validation and ranking. Only the input sheets (those the schema names,
 * zh or en) are read whole, in pages (read-plan.ts); every other sheet gives only its A1, the
 * cell that says whether this product generated it (marker.ts) and when. So a workbook's own
 * large sheets and earlier results cost nothing, and no answer passes ~4 MB.
 *
 * Round trips: the sheet list with the dimensions of the remembered sheets (1), the dimensions of
 * sheets not seen before (1, only then), the values (1 per ~4 MB of input, the A1 cells riding
 * along with the first).
 */

const INPUT_NAMES = new Set(
  Object.values(SHEETS)
    .filter((s) => !s.generated)
    .flatMap((s) => [foldName(s.zh), foldName(s.en)])
);

export const isInputSheet = (name: string): boolean => INPUT_NAMES.has(foldName(name));

interface Probe {
  name: string;
  ws: Excel.Worksheet;
  /** Input sheets: the used range's position and size. */
  used: Excel.Range | null;
}

export interface ReadOutcome {
  grids: SheetGrid[];
  sheets: { name: string; generated: boolean }[];
  names: string[];
  syncs: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  can: ExcelApiSupport,
  remembered: readonly string[] | null
): Promise<ReadOutcome> {
  const worksheets = context.workbook.worksheets;
  const probe = (ws: Excel.Worksheet, name: string): Probe => {
    if (!isInputSheet(name)) return { name, ws, used: null };
    const used = can.api1_4 ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, ws, used };
  };
  let syncs = 0;
  const probes = new Map<string, Probe>();
  worksheets.load("items/name");
  for (const name of remembered ?? []) probes.set(sheetNameKey(name), probe(worksheets.getItem(name), name));
  try {
    syncs++;
    await context.sync();
  } catch (e) {
    if (!remembered) throw e;
    // A remembered sheet is gone (deleted or renamed): this time the list alone.
    probes.clear();
    worksheets.load("items/name");
    syncs++;
    await context.sync();
  }
  const names = worksheets.items.map((ws) => ws.name);
  const fresh = worksheets.items.filter((ws) => !probes.has(sheetNameKey(ws.name)));
  for (const ws of fresh) probes.set(sheetNameKey(ws.name), probe(ws, ws.name));
  if (fresh.some((ws) => isInputSheet(ws.name))) {
    syncs++;
    await context.sync();
  }

  const extents: Extent[] = [];
  const markers = new Map<string, Excel.Range>();
  for (const name of names) {
    const p = probes.get(sheetNameKey(name));
    if (!p) continue;
    if (!p.used) continue;
    if (can.api1_4 && p.used.isNullObject) continue;
    extents.push({
      sheet: name,
      row0: p.used.rowIndex,
      col0: p.used.columnIndex,
      rows: p.used.rowCount,
      columns: p.used.columnCount,
    });
  }
  const byName = new Map(names.map((n) => [n, probes.get(sheetNameKey(n))?.ws ?? worksheets.getItem(n)]));
  const others = names.filter((n) => !isInputSheet(n));
  const loadMarkers = () => {
    for (const name of others) {
      const a1 = (byName.get(name) ?? worksheets.getItem(name)).getRange("A1");
      a1.load("values");
      markers.set(name, a1);
    }
  };
  const sheetOf = (n: string) => byName.get(n) ?? worksheets.getItem(n);
  const read = await readPaged(
    context,
    sheetOf,
    extents,
    "values",
    others.length > 0 ? loadMarkers : undefined
  );
  syncs += read.syncs;

  const grids: SheetGrid[] = names.map((name) => {
    const extent = extents.find((e) => e.sheet === name);
    if (extent)
      return {
        name,
        values: joinPages(read, extent),
        firstRow: extent.row0 + 1,
        firstColumn: extent.col0 + 1,
      };
    const a1 = markers.get(name)?.values[0]?.[0];
    const values = a1 === undefined || a1 === null || a1 === "" ? [] : [[a1]];
    return { name, values, firstRow: 1, firstColumn: 1 };
  });
  const sheets = grids.map((g) => ({
    name: g.name,
    generated:
      !isInputSheet(g.name) && g.firstRow === 1 && g.firstColumn === 1 && isGeneratedSheet(g.values[0]?.[0]),
  }));
  return { grids, sheets, names, syncs };
}
