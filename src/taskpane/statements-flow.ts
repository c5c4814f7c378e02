import { HostCapabilities, PaneHost, WorkbookSnapshot } from "../hosts/port";
import { generatedKeyOf } from "../workbook/marker";
import { staleSheetNames } from "../workbook/pipeline";
import { chooseSheetNames, sameSheetName } from "../workbook/sheet-names";
import { words } from "./i18n";
import { Note } from "./pane-state";

/** What 打印成绩单 needs from the pane: the host, its capabilities, and where to say the outcome. */
export interface StatementsDeps {
  host: PaneHost;
  capabilities: HostCapabilities;
  setNote: (note: Note) => void;
}

/**
 * The 成绩单 sheet of the workbook: a sheet whose header line (A1) says this product made it as
 * 成绩单, whatever its tab is called. Of several, the one a rebuild would write (the schema's name,
 * or "成绩单 (2)" beside a person's 成绩单).
 */
export function statementsSheetName(snapshot: WorkbookSnapshot): string | null {
  const found = snapshot.grids
    .filter(
      (g) => g.firstRow === 1 && g.firstColumn === 1 && generatedKeyOf(g.values[0]?.[0]) === "statements"
    )
    .map((g) => g.name);
  if (found.length === 0) return null;
  const rebuilt = chooseSheetNames(["statements"], snapshot.sheets).statements;
  return found.find((n) => sameSheetName(n, rebuilt)) ?? found[0];
}

/**
 * 打印成绩单: in Excel, shows the 成绩单 sheet (activated, A1 selected) and says how to print it;
 * in the preview, which has no sheet to show, says it is in the download and how to print it
 * there. No 成绩单 yet: says to run 一键排名 first. A 成绩单 older than the inputs is said so —
 * nobody should sign a statement of scores that have changed since.
 */
export async function showStatements(d: StatementsDeps): Promise<void> {
  const snapshot = await d.host.read();
  const name = statementsSheetName(snapshot);
  if (name === null) {
    d.setNote({ intent: "info", text: words("statementsNone") });
    return;
  }
  const excel = d.capabilities.kind === "excel";
  if (excel) await d.host.selectCell(name, "A1");
  const stale = staleSheetNames(snapshot.grids).some((n) => sameSheetName(n, name));
  d.setNote({
    intent: stale ? "warning" : "success",
    text: words(excel ? "statementsShown" : "statementsFound", { name }),
    items: [
      ...(stale ? [words("statementsStale", { name })] : []),
      excel ? words("statementsHowExcel") : words("statementsHowPreview", { name }),
    ],
  });
}
