import { parseCell } from "./cells";
import { SheetGrid } from "./types";

/**
 * Writing input cells as a plan: "on this sheet, set these cells" — data, no I/O. One plan, several
 * appliers: `applyPlanToGrid` (the preview's grids, tests) and the package writer
 * (src/hosts/xlsx/ooxml/row-plan.ts), which rewrites only the cells named in the sheet's part.
 * 应用 (试算) makes one from the setting's cells; collecting forms will make them with more rows.
 * A plan never shifts rows: a cell is set where it is, or cleared (null), nothing moves.
 */

/** A value a plan writes: text stays text (never a formula, "=1+1" included); null clears the cell. */
export type PlannedValue = string | number | boolean | null;

export interface PlannedCell {
  /** 0-based row and column. */
  row: number;
  column: number;
  value: PlannedValue;
}

export interface RowPlan {
  sheet: string;
  /** In any order; a cell named twice takes its last value. */
  cells: PlannedCell[];
}

/** A plan from A1 addresses (the port's CellWrite); throws on what is not one cell's address. */
export function planOfCells(sheet: string, cells: readonly { cell: string; value: PlannedValue }[]): RowPlan {
  return {
    sheet,
    cells: cells.map((c) => {
      const at = parseCell(c.cell);
      if (!at) throw new Error(`not a cell reference: ${c.cell}`);
      return { row: at.row - 1, column: at.column - 1, value: c.value };
    }),
  };
}

/**
 * The plan's cells by row then column, the last value of a cell named twice winning: what an
 * applier walks in the order the sheet stores its rows and cells.
 */
export function plannedRows(plan: RowPlan): { row: number; cells: PlannedCell[] }[] {
  const byRow = new Map<number, Map<number, PlannedCell>>();
  for (const c of plan.cells) {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map()));
    row.set(c.column, c);
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({ row, cells: [...cells.values()].sort((a, b) => a.column - b.column) }));
}

/**
 * The grid with the plan applied (rows touched are copies; the others shared with `grid`). An
 * empty text is a blank, as the package writer writes it and the reader reads it back.
 */
export function applyPlanToGrid(grid: SheetGrid, plan: RowPlan): SheetGrid {
  const values = grid.values.slice();
  for (const planned of plannedRows(plan)) {
    const row = planned.row - (grid.firstRow - 1);
    if (row < 0) throw new Error(`row ${planned.row + 1} is above the grid of ${grid.name}`);
    while (values.length <= row) values.push([]);
    const line = values[row].slice();
    for (const c of planned.cells) {
      const column = c.column - (grid.firstColumn - 1);
      if (column < 0) throw new Error(`column ${c.column + 1} is left of the grid of ${grid.name}`);
      while (line.length <= column) line.push(null);
      line[column] = c.value === "" ? null : c.value;
    }
    values[row] = line;
  }
  return { ...grid, values };
}
