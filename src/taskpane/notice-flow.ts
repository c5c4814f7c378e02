import { Locale } from "../scoring";
import { HostCapabilities, PaneHost } from "../hosts/port";
import { noticeWorkbook } from "../workbook/pipeline";
import { sameSheetName } from "../workbook/sheet-names";
import { words } from "./i18n";
import { Note } from "./pane-state";

/** What 公示名单 needs from the pane: the host, where to say the outcome, and the question before a rebuild. */
export interface NoticeDeps {
  host: PaneHost;
  capabilities: HostCapabilities;
  setNote: (note: Note) => void;
  now: Date;
  locale: Locale;
  /** Asks before an earlier 公示名单 is replaced; false: nothing is written. */
  confirm: (replace: string[]) => Promise<boolean>;
}

/**
 * 公示名单 (the rules in docs/, §10): makes the notice sheet from the workbook as it is and shows it,
 * saying how to print it. Refused — nothing written, the reason said — while the inputs have
 * errors or a 并列待定 at the cut is open; an earlier 公示名单 is replaced only when confirmed.
 */
export async function makeNotice(d: NoticeDeps): Promise<void> {
  const snapshot = await d.host.read();
  const outcome = noticeWorkbook(snapshot.grids, { now: d.now, locale: d.locale, existing: snapshot.sheets });
  if (!outcome.ok) {
    const errors = outcome.issues.filter((i) => i.severity === "error").length;
    d.setNote({ intent: "error", text: words("noticeErrors", { errors }) });
    return;
  }
  if (outcome.refused || !outcome.sheet) {
    d.setNote({ intent: "error", text: outcome.refused ?? words("noticeErrors", { errors: 0 }) });
    return;
  }
  const sheet = outcome.sheet;
  const there = snapshot.sheets.find((s) => sameSheetName(s.name, sheet.name));
  // The pipeline names around a person's sheet, so this is a guard only.
  if (there && !there.generated)
    throw new Error(`refusing to overwrite the sheet "${there.name}", which a person made`);
  const replace = there ? [there.name] : [];
  if (replace.length > 0 && !(await d.confirm(replace))) {
    d.setNote({ intent: "info", text: words("cancelled") });
    return;
  }
  await d.host.writeGenerated([sheet], { replace, activate: sheet.name });
  const excel = d.capabilities.kind === "excel";
  d.setNote({
    intent: "success",
    text: words(excel ? "noticeShown" : "noticeFound", { name: sheet.name }),
    items: [excel ? words("noticeHowExcel") : words("statementsHowPreview", { name: sheet.name })],
  });
}
