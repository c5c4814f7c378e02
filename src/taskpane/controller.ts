import { cellText, defaultRules, Locale, Msg } from "../scoring";
import {
  rankWorkbook,
  RankOutcome,
  staleResults,
  templateSheets,
  validateWorkbook,
} from "../workbook/pipeline";
import { INPUT_SHEETS, SHEETS } from "../workbook/schema";
import { findSetting, readSettings, SETTINGS, showSetting } from "../workbook/settings";
import { localDate } from "../workbook/local-time";
import { assessmentYear } from "../workbook/print";
import { chooseSheetNames, sameSheetName, sheetNameKey } from "../workbook/sheet-names";
import { findSheet, foldName, readRows } from "../workbook/sheet-reader";
import { Issue, OutputValue, WorkbookGrids } from "../workbook/types";
import {
  readWorkplan,
  summarizeWorkplan,
  WorkplanSummary,
  workplanSummarySheet,
  workplanTemplateRows,
} from "../workplan";
import { PaneHost, Progress, TemplateReport, WorkbookSnapshot, WriteReport } from "../hosts/port";

/**
 * What the task pane does, without React: each action reads through the host, runs the
 * workbook pipeline and writes back through the host. The components call these and show
 * the results; tests and the bench call them with a mock host.
 */

// ---------------------------------------------------------------------------------------------
// Issues

export interface IssueGroup {
  sheet: string;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Issues grouped by sheet, the sheets in the schema's order (others after), errors first within. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const order = (name: string) => {
    const i = INPUT_SHEETS.findIndex(
      (k) => foldName(SHEETS[k].zh) === foldName(name) || foldName(SHEETS[k].en) === foldName(name)
    );
    return i < 0 ? INPUT_SHEETS.length : i;
  };
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    let g = groups.get(issue.sheet);
    if (!g) {
      g = { sheet: issue.sheet, errors: 0, warnings: 0, issues: [] };
      groups.set(issue.sheet, g);
    }
    g.issues.push(issue);
    if (issue.severity === "error") g.errors++;
    else g.warnings++;
  }
  const bySeverity = (a: Issue, b: Issue) =>
    (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0);
  return [...groups.values()]
    .map((g) => ({ ...g, issues: [...g.issues].sort(bySeverity) }))
    .sort((a, b) => order(a.sheet) - order(b.sheet));
}

export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors };
}

/**
 * 校验: the assessment's issues (stale results included), then those of 工作要点, which
 * `groupIssues` shows as a section of their own. A workbook without 工作要点 adds none.
 */
export async function validate(host: PaneHost): Promise<{ issues: Issue[]; snapshot: WorkbookSnapshot }> {
  const snapshot = await host.read();
  const plan = readWorkplan(snapshot.grids, { missingSheet: "ignore" }).issues;
  return { issues: [...validateWorkbook(snapshot.grids), ...plan], snapshot };
}

/**
 * The stale-results warning (规则 §8) of the workbook as it is: shown when the pane opens a
 * workbook and asked about before 共享准备, so a stale 排名 is never mailed without a word.
 */
export async function checkStale(host: PaneHost): Promise<Issue[]> {
  const snapshot = await host.read();
  return staleResults(snapshot.grids);
}

// ---------------------------------------------------------------------------------------------
// Rank

export type RankPlan =
  | { ok: false; issues: Issue[]; snapshot: WorkbookSnapshot }
  | {
      ok: true;
      outcome: RankOutcome;
      issues: Issue[];
      snapshot: WorkbookSnapshot;
      /** Generated sheets of an earlier build that this one replaces (ask first). */
      replace: string[];
      /** People's sheets under a generated name: kept; the output went to `other`. */
      kept: { name: string; other: string }[];
    };

/** Reads, validates and ranks; decides which earlier generated sheets the result replaces. Writes nothing. */
export async function planRank(
  host: PaneHost,
  opts: { now: Date; locale: Locale; onProgress?: (p: Progress) => void }
): Promise<RankPlan> {
  opts.onProgress?.({ done: 0, total: 4, step: "read" });
  const snapshot = await host.read();
  opts.onProgress?.({ done: 2, total: 4, step: "compute" });
  const outcome = rankWorkbook(snapshot.grids, {
    now: opts.now,
    locale: opts.locale,
    existing: snapshot.sheets,
  });
  if (!outcome.ok) return { ok: false, issues: outcome.issues, snapshot };
  const existing = new Map(snapshot.sheets.map((s) => [sheetNameKey(s.name), s]));
  const replace: string[] = [];
  for (const s of outcome.sheets) {
    const there = existing.get(sheetNameKey(s.name));
    if (!there) continue;
    // A person's sheet is never replaced; the pipeline names around it, so this is a guard only.
    if (!there.generated)
      throw new Error(`refusing to overwrite the sheet "${there.name}", which a person made`);
    replace.push(there.name);
  }
  const kept = outcome.sheets
    .filter((s) => sheetNameKey(s.name) !== sheetNameKey(SHEETS[s.key].zh))
    .map((s) => ({ name: SHEETS[s.key].zh, other: s.name }));
  return { ok: true, outcome, issues: outcome.issues, snapshot, replace, kept };
}

/**
 * Writes the planned sheets: values, highlights, the ranking's chart of totals (its own
 * OutputSheet.chart, the same in every host); the ranking is activated.
 */
export async function applyRank(
  host: PaneHost,
  plan: Extract<RankPlan, { ok: true }>,
  opts: { onProgress?: (p: Progress) => void } = {}
): Promise<WriteReport> {
  const ranking = plan.outcome.sheets.find((s) => s.key === "ranking");
  return host.writeGenerated(plan.outcome.sheets, {
    replace: plan.replace,
    activate: ranking?.name,
    onProgress: (p) => opts.onProgress?.({ ...p, done: p.done + 2, total: p.total + 2 }),
  });
}

/** The whole build without a person in the loop (tests, bench): read, rank, write if allowed. */
export async function rankBuild(
  host: PaneHost,
  opts: { now: Date; locale?: Locale; confirm?: (replace: string[]) => Promise<boolean> }
): Promise<{ plan: RankPlan; report: WriteReport | null }> {
  const locale = opts.locale ?? "zh-CN";
  const plan = await planRank(host, { now: opts.now, locale });
  if (!plan.ok) return { plan, report: null };
  if (plan.replace.length > 0 && opts.confirm && !(await opts.confirm(plan.replace)))
    return { plan, report: null };
  const report = await applyRank(host, plan);
  return { plan, report };
}

// ---------------------------------------------------------------------------------------------
// Template

/**
 * 创建模板: the missing input sheets, their guards (drop-downs, ranges, prompts) quoting the
 * workbook's own 设置 when it has one, else the defaults.
 */
export async function createTemplate(host: PaneHost): Promise<TemplateReport> {
  const { grids } = await host.read();
  const { rules } = readSettings(findSheet(grids, SHEETS.settings));
  return host.createTemplate(templateSheets(workplanTemplateRows(), rules));
}

// ---------------------------------------------------------------------------------------------
// Settings in force

export interface SettingRow {
  id: string;
  name: Msg;
  value: OutputValue;
  defaultValue: OutputValue;
  /** Excel row of the 设置 sheet the value comes from; null = the default. */
  sheetRow: number | null;
  interpretation: boolean;
  note: Msg;
}

export interface SettingsView {
  sheetName: string | null;
  rows: SettingRow[];
  issues: Issue[];
}

/** The rules in force and where each comes from (the 设置 sheet or the default), with the sheet's problems. */
export function settingsView(grids: WorkbookGrids): SettingsView {
  const sheet = findSheet(grids, SHEETS.settings);
  const { rules, issues } = readSettings(sheet);
  const defaults = defaultRules();
  const rowOf = new Map<string, number>();
  if (sheet) {
    const problemRows = new Set(issues.map((i) => i.row));
    for (const r of readRows(sheet, SHEETS.settings).rows) {
      const def = findSetting(cellText(r.cells.key));
      const value = r.cells.value;
      const blank = value === null || value === undefined || cellText(value) === "";
      if (def && !blank && !problemRows.has(r.row) && !rowOf.has(def.id)) rowOf.set(def.id, r.row);
    }
  }
  return {
    sheetName: sheet?.name ?? null,
    rows: SETTINGS.map((s) => ({
      id: s.id,
      name: { zh: s.zh, en: s.label },
      value: showSetting(s, rules),
      defaultValue: showSetting(s, defaults),
      sheetRow: rowOf.get(s.id) ?? null,
      interpretation: s.interpretation,
      note: s.note,
    })),
    issues,
  };
}

// ---------------------------------------------------------------------------------------------
// Work plan

export interface WorkplanView {
  sheetName: string | null;
  summary: WorkplanSummary | null;
  issues: Issue[];
  today: string;
}

export function workplanView(grids: WorkbookGrids, today: string): WorkplanView {
  const sheet = findSheet(grids, SHEETS.workplan);
  if (!sheet) return { sheetName: null, summary: null, issues: [], today };
  const { records, issues } = readWorkplan(grids, { missingSheet: "ignore" });
  return { sheetName: sheet.name, summary: summarizeWorkplan(records, today), issues, today };
}

/** Writes the 工作要点汇总 sheet (replacing only an earlier generated one). */
export async function writeWorkplanSummary(
  host: PaneHost,
  opts: { now: Date; confirm?: (replace: string[]) => Promise<boolean> }
): Promise<{ view: WorkplanView; report: WriteReport | null; cancelled: boolean }> {
  const snapshot = await host.read();
  const today = localDate(opts.now);
  const view = workplanView(snapshot.grids, today);
  if (!view.summary) return { view, report: null, cancelled: false };
  const name = chooseSheetNames(["workplanSummary"], snapshot.sheets).workplanSummary;
  const sheet = workplanSummarySheet(view.summary, {
    now: opts.now,
    name,
    today,
    year: assessmentYear(snapshot.grids),
  });
  const there = snapshot.sheets.find((s) => sameSheetName(s.name, sheet.name));
  if (there && !there.generated)
    throw new Error(`refusing to overwrite the sheet "${there.name}", which a person made`);
  const replace = there ? [there.name] : [];
  if (replace.length > 0 && opts.confirm && !(await opts.confirm(replace)))
    return { view, report: null, cancelled: true };
  const report = await host.writeGenerated([sheet], { replace, activate: sheet.name });
  return { view, report, cancelled: false };
}
