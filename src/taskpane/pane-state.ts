import { AssessmentResult, Msg } from "../scoring";
import { Issue } from "../workbook/types";
import { ConfirmRequest } from "./ConfirmDialog";
import { SettingsView, WorkplanView } from "./controller";
import { StringKey } from "./i18n";
import { CellPeek, FunctionCells } from "../hosts/port";

/**
 * Everything the task pane shows, in one value, and the only ways it changes. A pure reducer:
 * React's `useReducer` runs it in the pane, and the tests run it without React.
 */

export type TabValue = "ranking" | "issues" | "workplan" | "settings" | "share";

/** Each tab's name (the tab panel's label). */
export const TAB_WORDS: Record<TabValue, StringKey> = {
  ranking: "tabResults",
  issues: "tabIssues",
  workplan: "tabWorkplan",
  settings: "tabSettings",
  share: "tabShare",
};

/**
 * The message bar above the tabs. Its words are kept in both languages (i18n `words`), so a
 * switch of language shows the message again in the new one.
 */
export interface Note {
  intent: "success" | "warning" | "error" | "info";
  title?: Msg;
  text: Msg;
  items?: Msg[];
}

export interface PaneState {
  /** The progress bar while an action runs (`value` 0–1 when the step is known). */
  busy: { label: string; value?: number } | null;
  note: Note | null;
  tab: TabValue;
  /** Issues of the last check (validate or rank); null before the first. */
  issues: Issue[] | null;
  validatedAt: Date | null;
  result: AssessmentResult | null;
  /** The cells around the issue last clicked (the preview cannot select a cell). */
  peek: CellPeek | null;
  workplan: WorkplanView | null;
  settings: SettingsView | null;
  cells: FunctionCells | null;
  confirm: ConfirmRequest | null;
  /** Preview only: the workbook's file name. */
  fileName: string;
}

export type PaneAction =
  | { type: "busy"; busy: PaneState["busy"] }
  | { type: "note"; note: Note | null }
  | { type: "tab"; tab: TabValue }
  /** A check ran: its issues and when. `clearPeek` drops the peek of an earlier issue. */
  | { type: "checked"; issues: Issue[]; at: Date; clearPeek: boolean }
  | { type: "result"; result: AssessmentResult | null }
  | { type: "peek"; peek: CellPeek | null }
  | { type: "workplan"; view: WorkplanView }
  | { type: "settings"; view: SettingsView }
  | { type: "cells"; cells: FunctionCells }
  | { type: "confirm"; request: ConfirmRequest | null }
  /** The workbook changed under the pane (template added, another file opened): what was read from it goes. */
  | { type: "forget" }
  | { type: "fileName"; fileName: string };

export function initialPaneState(fileName: string): PaneState {
  return {
    busy: null,
    note: null,
    tab: "ranking",
    issues: null,
    validatedAt: null,
    result: null,
    peek: null,
    workplan: null,
    settings: null,
    cells: null,
    confirm: null,
    fileName,
  };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "busy":
      return { ...state, busy: action.busy };
    case "note":
      return { ...state, note: action.note };
    case "tab":
      return { ...state, tab: action.tab };
    case "checked":
      return {
        ...state,
        issues: action.issues,
        validatedAt: action.at,
        peek: action.clearPeek ? null : state.peek,
      };
    case "result":
      return { ...state, result: action.result };
    case "peek":
      return { ...state, peek: action.peek };
    case "workplan":
      return { ...state, workplan: action.view };
    case "settings":
      return { ...state, settings: action.view };
    case "cells":
      return { ...state, cells: action.cells };
    case "confirm":
      return { ...state, confirm: action.request };
    case "forget":
      // The validation time stays: it is shown only beside issues, which go with it.
      return {
        ...state,
        issues: null,
        result: null,
        peek: null,
        workplan: null,
        settings: null,
        cells: null,
      };
    case "fileName":
      return { ...state, fileName: action.fileName };
  }
}
