import { FunctionCells, HostCapabilities, PaneHost, UnsettledCell } from "../hosts/port";
import { Msg } from "../scoring";
import { hostEffect } from "./host-words";
import { firstItems, I18n, listWords, sentences, words } from "./i18n";
import { Note } from "./pane-state";

/** What 共享准备 needs from the pane: the host, words, a yes/no question, and where to show results. */
export interface ShareDeps {
  host: PaneHost;
  capabilities: HostCapabilities;
  i18n: I18n;
  ask: (title: string, body: string) => Promise<boolean>;
  /** The first stale-results warning of the workbook as it is (规则 §8), if any. */
  firstStale: () => Promise<Msg | undefined>;
  setNote: (note: Note) => void;
  setCells: (cells: FunctionCells) => void;
}

/**
 * 共享准备 (prepare for mailing): asks before preparing a stale 排名; refuses while any KH. cell
 * is unsettled; turns KH. formulas into values after a confirmation; sets the pane to open with
 * the file where the host can. Nothing is converted unless every KH. cell has settled.
 */
export async function prepareForSharing(d: ShareDeps): Promise<void> {
  const { t, say } = d.i18n;
  // 规则 §8: never prepare a stale 排名 for mailing without a word.
  const stale = await d.firstStale();
  if (stale && !(await d.ask(t("staleShareTitle"), t("staleShareBody", { why: stale })))) {
    d.setNote({ intent: "info", text: words("cancelled") });
    return;
  }
  const found = await d.host.countFunctionCells();
  d.setCells(found);
  const unsettledNote = (cells: UnsettledCell[]) =>
    d.setNote({
      intent: "warning",
      text: words("shareUnsettled", { n: cells.length }),
      items: firstItems(cells, 10, (c) =>
        words("shareUnsettledCell", {
          sheet: c.sheet,
          cell: c.cell,
          shows: c.shows || words("settingsBlank"),
        })
      ),
    });
  if (found.unsettled.length > 0) {
    unsettledNote(found.unsettled);
    return;
  }
  const items: Msg[] = [];
  if (found.total > 0) {
    const sheets = listWords(found.bySheet.map((s) => `${s.sheet} ${s.count}`));
    const body = sentences([
      words("shareConfirmBody", { n: found.total, sheets }),
      hostEffect(d.capabilities),
    ]);
    const yes = await d.ask(t("shareConfirmTitle"), say(body));
    if (!yes) {
      d.setNote({ intent: "info", text: words("cancelled") });
      return;
    }
    const { converted, unsettled } = await d.host.convertFunctionCells();
    if (unsettled.length > 0) {
      unsettledNote(unsettled);
      return;
    }
    items.push(words("shareConverted", { n: converted }));
    d.setCells(await d.host.countFunctionCells());
  } else items.push(words("shareCountNone"));
  if (d.capabilities.autoOpen) {
    try {
      await d.host.setAutoOpen();
      items.push(words("shareAutoOpen"));
    } catch (e) {
      items.push(words("shareAutoOpenFailed", { why: e instanceof Error ? e.message : String(e) }));
    }
  } else items.push(words("sharePreviewNote"));
  d.setNote({ intent: "success", text: words("actionShare"), items });
}
