import { FunctionCells, HostCapabilities, PaneHost, UnsettledCell } from "../hosts/port";
import { I18n } from "./i18n";
import { Note } from "./pane-state";

/** What 共享准备 needs from the pane: the host, words, a yes/no question, and where to show results. */
export interface ShareDeps {
  host: PaneHost;
  capabilities: HostCapabilities;
  i18n: I18n;
  ask: (title: string, body: string) => Promise<boolean>;
  /** The first stale-results warning of the workbook as it is (SPEC §8), if any. */
  firstStale: () => Promise<string | undefined>;
  setNote: (note: Note) => void;
  setCells: (cells: FunctionCells) => void;
}

/**
 * 共享准备 (prepare for mailing): asks before preparing a stale 排名; refuses while any KH. cell
 * is unsettled; turns KH. formulas into values after a confirmation; sets the pane to open with
 * the file where the host can. Nothing is converted unless every KH. cell has settled.
 */
export async function prepareForSharing(d: ShareDeps): Promise<void> {
  const { t, list } = d.i18n;
  // SPEC §8: never prepare a stale 排名 for mailing without a word.
  const stale = await d.firstStale();
  if (stale && !(await d.ask(t("staleShareTitle"), t("staleShareBody", { why: stale })))) {
    d.setNote({ intent: "info", text: t("cancelled") });
    return;
  }
  const found = await d.host.countFunctionCells();
  d.setCells(found);
  const unsettledNote = (cells: UnsettledCell[]) =>
    d.setNote({
      intent: "warning",
      text: t("shareUnsettled", { n: cells.length }),
      items: cells
        .slice(0, 10)
        .map((c) =>
          t("shareUnsettledCell", { sheet: c.sheet, cell: c.cell, shows: c.shows || t("settingsBlank") })
        ),
    });
  if (found.unsettled.length > 0) {
    unsettledNote(found.unsettled);
    return;
  }
  const items: string[] = [];
  if (found.total > 0) {
    const yes = await d.ask(
      t("shareConfirmTitle"),
      t("shareConfirmBody", {
        n: found.total,
        sheets: list(found.bySheet.map((s) => `${s.sheet} ${s.count}`)),
      })
    );
    if (!yes) {
      d.setNote({ intent: "info", text: t("cancelled") });
      return;
    }
    const { converted, unsettled } = await d.host.convertFunctionCells();
    if (unsettled.length > 0) {
      unsettledNote(unsettled);
      return;
    }
    items.push(t("shareConverted", { n: converted }));
    d.setCells(await d.host.countFunctionCells());
  } else items.push(t("shareCountNone"));
  if (d.capabilities.autoOpen) {
    try {
      await d.host.setAutoOpen();
      items.push(t("shareAutoOpen"));
    } catch (e) {
      items.push(t("shareAutoOpenFailed", { why: e instanceof Error ? e.message : String(e) }));
    }
  } else items.push(t("sharePreviewNote"));
  d.setNote({ intent: "success", text: t("actionShare"), items });
}
