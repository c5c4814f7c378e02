import { rankJson } from "../../src/workbook/json";
import { rankWorkbook, sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { workbookNames } from "./names";

/**
 * The engine's ranking of the built-in sample, straight from the pipeline (no browser, no UI):
 * what the end-to-end test expects the preview pane to show. Prints JSON on stdout.
 */
const grids = sampleSheets(workplanTemplateRows()).map((s) => ({
  name: s.name,
  values: s.rows,
  firstRow: 1,
  firstColumn: 1,
}));
const outcome = rankWorkbook(grids, { now: new Date(2025, 0, 15) });
const json = rankJson(outcome);
process.stdout.write(
  JSON.stringify({
    ok: outcome.ok,
    communities: json.communities.map((c) => ({
      name: c.name,
      rank: c.rank,
      advanced: c.advanced,
      eligible: c.eligible,
    })),
    // What the pane may quote in an English sentence as the workbook spells it (english-labels.cjs).
    names: workbookNames(grids),
  })
);
