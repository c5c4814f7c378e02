import { HostCapabilities } from "../hosts/port";
import { Msg } from "../scoring";
import { listWords, sentences, words } from "./i18n";

/**
 * What a change the pane is about to make does to the user's file, in the host it runs in:
 * Excel cannot undo an add-in's edits; the browser preview changes only its copy in the page
 * (the file on disk never), and the download carries the change.
 */
export function hostEffect(capabilities: HostCapabilities): Msg {
  return words(capabilities.kind === "excel" ? "hostExcelNoUndo" : "hostPreviewCopy");
}

/** Cells 应用 wrote on 设置 before the ranking that asks. */
export interface AppliedSetting {
  sheet: string;
  cells: readonly string[];
}

/**
 * The question before generated sheets are rebuilt: which go, what happens to the input sheets
 * (untouched, or only 设置 after 应用), and what the host can undo.
 */
export function replaceQuestion(
  capabilities: HostCapabilities,
  names: readonly string[],
  applied?: AppliedSetting
): Msg {
  return sentences([
    words("confirmReplaceBody", { list: listWords(names) }),
    applied
      ? words("confirmSettingsApplied", { sheet: applied.sheet, cells: listWords(applied.cells) })
      : words("confirmInputsKept"),
    hostEffect(capabilities),
  ]);
}
