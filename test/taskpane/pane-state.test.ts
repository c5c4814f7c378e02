import { assess, AssessmentResult, defaultRules } from "../../src/scoring";
import { simpleInput } from "../scoring/fixtures";
import { Issue } from "../../src/workbook/types";
import { CellPeek } from "../../src/hosts/port";
import { settingsView, workplanView } from "../../src/taskpane/controller";
import { initialPaneState, PaneAction, paneReducer, PaneState } from "../../src/taskpane/pane-state";

/** The task pane's state (规则 §7: one pane over the workbook): every change goes through the reducer. */

const issue: Issue = {
  severity: "error",
  sheet: "社区",
  row: 3,
  column: "类型",
  message: { zh: "缺", en: "missing" },
};
const peek: CellPeek = { sheet: "社区", cell: "B3", firstColumn: 1, rows: [], at: { row: 0, column: 1 } };
const result: AssessmentResult = assess(simpleInput({ 东门: 90, 西门: 85 }), defaultRules());
const workplan = workplanView([], "2026-05-01");
const settings = settingsView([]);
const at = new Date(2026, 4, 1, 9, 0);

const run = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);

/** A pane that has read everything there is to read. */
const full = run(
  initialPaneState("a.xlsx"),
  { type: "checked", issues: [issue], at, clearPeek: true },
  { type: "result", result },
  { type: "peek", peek },
  { type: "workplan", view: workplan },
  { type: "settings", view: settings },
  { type: "cells", cells: { total: 2, bySheet: [{ sheet: "计算", count: 2 }], unsettled: [] } },
  { type: "tab", tab: "share" },
  { type: "note", note: { intent: "info", text: { zh: "好", en: "ok" } } }
);

describe("task pane state", () => {
  test("starts empty on the results tab, with the host's file name", () => {
    expect(initialPaneState("a.xlsx")).toEqual({
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
      fileName: "a.xlsx",
    });
  });

  test("forget drops everything read from the workbook, and keeps the tab, the note and the file name", () => {
    const after = paneReducer(full, { type: "forget" });
    expect(after).toMatchObject({
      issues: null,
      result: null,
      peek: null,
      workplan: null,
      settings: null,
      cells: null,
    });
    expect(after).toMatchObject({
      tab: "share",
      note: { text: { zh: "好", en: "ok" } },
      fileName: "a.xlsx",
      validatedAt: at,
    });
    expect(full.issues).toEqual([issue]); // the state before is not changed
  });

  test("a check stores its issues and time; validate drops the old peek, rank keeps it", () => {
    const later = new Date(2026, 4, 1, 10, 0);
    expect(paneReducer(full, { type: "checked", issues: [], at: later, clearPeek: true })).toMatchObject({
      issues: [],
      validatedAt: later,
      peek: null,
    });
    expect(paneReducer(full, { type: "checked", issues: [], at: later, clearPeek: false }).peek).toBe(peek);
  });

  test("each action changes its own part only", () => {
    const busy = paneReducer(full, { type: "busy", busy: { label: "读取", value: 0.5 } });
    expect({ ...busy, busy: full.busy }).toEqual(full);
    const request = { title: "t", body: "b", resolve: () => undefined };
    expect(paneReducer(full, { type: "confirm", request }).confirm).toBe(request);
    expect(paneReducer(full, { type: "fileName", fileName: "b.xlsx" }).fileName).toBe("b.xlsx");
    expect(paneReducer(full, { type: "note", note: null }).note).toBeNull();
    expect(paneReducer(full, { type: "result", result: null })).toEqual({ ...full, result: null });
  });
});
