import { address } from "./cells";
import { InputSheetKey, SHEETS } from "./schema";
import { OutputValue, SheetTable } from "./types";

/**
 * Inputs as Excel Tables (issue 9): every sheet of the template — from the CLI, the pane's
 * 创建模板 and the preview alike — is one table over its header and its rows, so Excel grows it
 * as rows are typed below, with banded rows and filter buttons. One definition here; each writer
 * translates it (the OOXML package writer's table part, Office.js `tables.add`). LibreOffice keeps a table as a database range of the same name.
 */

/** Excel's built-in light style with banded rows (what Office.js gives a new table by default, in blue). */
export const INPUT_TABLE_STYLE = "TableStyleLight9";

/**
 * The table of an input sheet whose header (`header`, as written) is at `headerRow` (0-based) of
 * `rowCount` rows: the header down to the last row written — at least one row below the header,
 * empty when there is no data, as Excel itself makes a table from a lone header. Its columns are
 * named as the header cells, which Excel requires of a table.
 */
export function inputTable(
  key: InputSheetKey,
  header: readonly OutputValue[],
  rowCount: number,
  headerRow = 0
): SheetTable {
  return {
    name: `KH_${SHEETS[key].en}`,
    style: INPUT_TABLE_STYLE,
    headerRow,
    lastRow: Math.max(rowCount - 1, headerRow + 1),
    columns: SHEETS[key].columns.map((_, c) => String(header[c] ?? "")),
  };
}

/** The table's A1 range: its header row down to its last row, over its columns ("A1:H2"). */
export function tableRef(table: SheetTable): string {
  return address(table.headerRow + 1, 1, table.lastRow + 1, table.columns.length);
}

/**
 * `base`, or `base2`, `base3` … — the first that `taken` refuses. A table's name must differ from
 * every other table's and defined name's in the workbook, case aside (Excel's rule); a workbook
 * that already holds a KH_Honors (an earlier 创建模板) gets KH_Honors2.
 */
export function freeTableName(base: string, taken: (folded: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}
