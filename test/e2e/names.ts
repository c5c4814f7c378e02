import { SHEETS } from "../../src/workbook/schema";
import { SETTINGS } from "../../src/workbook/settings";
import { WorkbookGrids } from "../../src/workbook/types";

/**
 * The names a sentence of the pane may quote as the workbook spells them, in either language:
 * the sheets, columns, drop-down and setting words of the schema, and every sheet name and cell
 * text of the workbook shown (issue 22 §12's rule, test/e2e/english-labels.cjs).
 */
export function workbookNames(grids: WorkbookGrids): string[] {
  const schema = Object.values(SHEETS).flatMap((s) => [
    s.zh,
    ...s.columns.flatMap((c) => [c.zh, ...(c.choices ?? [])]),
  ]);
  const settings = SETTINGS.flatMap((s) => [
    s.zh,
    ...(s.type.kind === "choice" ? Object.values(s.type.choices).map((m) => m.zh) : []),
  ]);
  const data = grids.flatMap((g) => [
    g.name,
    ...g.values.flatMap((row) => row.map((v) => (v === null || v === undefined ? "" : String(v)))),
  ]);
  return [...new Set([...schema, ...settings, ...data])].filter((n) => n.trim() !== "");
}
