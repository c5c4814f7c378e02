import {
  assess,
  AssessmentInput,
  AssessmentResult,
  CATEGORIES,
  centsToYuan,
  defaultRules,
  EngineIssue,
  Exact,
  Locale,
  RecordSource,
  Rules,
  say,
} from "../scoring";
import { GENERATED_MARKER, isGeneratedSheet } from "./marker";
import { Locations, readAssessment } from "./read";
import {
  detailsSheet,
  individualsSheet,
  issuesSheet,
  rankingSheet,
  fingerprint,
  ReportContext,
} from "./report";
import { sampleWorkbook } from "./sample";
import { ColumnSchema, GeneratedSheetKey, INPUT_SHEETS, InputSheetKey, SHEETS } from "./schema";
import { settingsRows } from "./settings";
import { inputGuards } from "./guards";
import { chooseSheetNames } from "./sheet-names";
import { issueAt } from "./sheet-reader";
import { staleIssues } from "./stale";
import { Issue, OutputSheet, OutputValue, WorkbookGrids } from "./types";

export { GENERATED_MARKER, isGeneratedSheet };

/**
 * The workbook pipeline (SPEC §6): grids in, located issues and generated sheets out. Hosts
 * (Office.js, ExcelJS) read the grids and write the sheets; everything between is here.
 */

/** The order issues are listed in: errors first, then by sheet as the schema lists them, then row. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const sheetOrder = (name: string) => {
    const i = INPUT_SHEETS.findIndex((k) => SHEETS[k].zh === name || SHEETS[k].en === name);
    return i < 0 ? INPUT_SHEETS.length : i;
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.severity === b.issue.severity ? 0 : a.issue.severity === "error" ? -1 : 1) ||
        sheetOrder(a.issue.sheet) - sheetOrder(b.issue.sheet) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        a.i - b.i
    )
    .map((x) => x.issue);
}

/** An engine issue located on its sheet: the tab name as found, the header as written, the A1 cell. */
export function locateEngineIssue(e: EngineIssue, locations: Locations): Issue {
  const key: InputSheetKey = e.source;
  const where = locations[key];
  const sheet = where.grid ?? SHEETS[key].zh;
  const ref = e.field !== undefined ? where.headers.get(e.field) : undefined;
  const col: ColumnSchema | undefined =
    e.field !== undefined ? SHEETS[key].columns.find((c) => c.key === e.field) : undefined;
  return issueAt(sheet, e.row, ref ?? col, e.severity, e.message);
}

export interface Scored {
  input: AssessmentInput;
  rules: Rules;
  issues: Issue[];
  result: AssessmentResult;
  locations: Locations;
}

/**
 * Reads and scores the workbook, issues located. `run` does the scoring (the explaining answers
 * pass one that keeps an assessor, to ask again under other rules without reading again).
 */
export function scoreWorkbook(
  grids: WorkbookGrids,
  run: (input: AssessmentInput, rules: Rules) => AssessmentResult = assess
): Scored {
  const read = readAssessment(grids);
  const result = run(read.input, read.rules);
  const engine = result.issues
    .filter(
      (e) =>
        e.row === undefined ||
        e.field === undefined ||
        !read.failedCells.has(`${e.source}\u0000${e.row}\u0000${e.field}`)
    )
    .map((e) => locateEngineIssue(e, read.locations));
  return {
    input: read.input,
    rules: read.rules,
    issues: sortIssues([...read.issues, ...engine]),
    result,
    locations: read.locations,
  };
}

/** Grids → the engine's records and rules, with the issues of reading (cells, headers, sheets, settings). */
export function readWorkbook(grids: WorkbookGrids): {
  input: AssessmentInput;
  rules: Rules;
  issues: Issue[];
} {
  const read = readAssessment(grids);
  return { input: read.input, rules: read.rules, issues: sortIssues(read.issues) };
}

/**
 * Every issue of the assessment's input sheets: reading and the engine's cross-checks, located;
 * and a warning when generated sheets no longer match the inputs (SPEC §8 stale results).
 */
export function validateWorkbook(grids: WorkbookGrids): Issue[] {
  const scored = scoreWorkbook(grids);
  return sortIssues([...scored.issues, ...staleIssues(grids, fingerprint(scored.input, scored.rules))]);
}

/**
 * Generated sheets that no longer match the inputs (SPEC §8 stale results) without scoring: what
 * the pane checks when a workbook opens and before 共享准备.
 */
export function staleResults(grids: WorkbookGrids): Issue[] {
  const read = readAssessment(grids);
  return staleIssues(grids, fingerprint(read.input, read.rules));
}

export interface RankOptions {
  now: Date;
  locale?: Locale;
  /** The workbook's sheets and whether this product generated each (A1 marker). */
  existing?: { name: string; generated: boolean }[];
}

export interface RankOutcome {
  ok: boolean;
  issues: Issue[];
  /**
   * Generated sheets already in the workbook that no longer match its inputs (SPEC §8): a warning
   * about the workbook as it is, kept apart because writing `sheets` in its place clears it.
   */
  stale: Issue[];
  result: AssessmentResult | null;
  sheets: OutputSheet[];
}

export const RANK_SHEETS: readonly GeneratedSheetKey[] = ["ranking", "individuals", "details", "issues"];

/**
 * Validate, score and rank. Any error: ok=false, no result, no sheets (nothing is written).
 * Otherwise the four generated sheets, named so a person's sheet of the same name is kept.
 */
export function rankWorkbook(grids: WorkbookGrids, opts: RankOptions): RankOutcome {
  const scored = scoreWorkbook(grids);
  const ok = !scored.issues.some((i) => i.severity === "error");
  const fp = fingerprint(scored.input, scored.rules);
  const stale = staleIssues(grids, fp);
  if (!ok) return { ok, issues: scored.issues, stale, result: null, sheets: [] };
  const existing =
    opts.existing ?? grids.map((g) => ({ name: g.name, generated: isGeneratedSheet(g.values[0]?.[0]) }));
  const sheetNames: Partial<Record<RecordSource, string>> = {};
  for (const key of INPUT_SHEETS) {
    const grid = scored.locations[key].grid;
    if (grid && key !== "workplan") sheetNames[key] = grid.name;
  }
  const ctx: ReportContext = {
    now: opts.now,
    locale: opts.locale ?? "zh-CN",
    input: scored.input,
    rules: scored.rules,
    sheetNames,
    names: chooseSheetNames(RANK_SHEETS, existing),
    fingerprint: fp,
  };
  const sheets = [
    rankingSheet(scored.result, ctx),
    individualsSheet(scored.result, ctx),
    detailsSheet(scored.result, ctx),
    issuesSheet(scored.issues, ctx),
  ];
  return { ok, issues: scored.issues, stale, result: scored.result, sheets };
}

// ---------------------------------------------------------------------------------------------
// Template and sample

/** Input columns in the template: text stays text, numbers general, dates as dates. */
function inputFormat(sheet: InputSheetKey, c: ColumnSchema): string {
  if (sheet === "settings" && c.key === "value") return "General";
  if (c.type === "number") return c.numberFormat && c.numberFormat !== "0.00" ? c.numberFormat : "General";
  if (c.type === "date") return c.numberFormat ?? "yyyy-mm-dd";
  return "@";
}

/**
 * An input sheet as the template writes it: headers in row 1, then `data`, data validations
 * (drop-downs, number ranges and prompts quoting the rules in force), widths.
 */
export function inputSheet(
  key: InputSheetKey,
  data: readonly OutputValue[][],
  locale: Locale = "zh-CN",
  rules: Rules = defaultRules()
): OutputSheet {
  const schema = SHEETS[key];
  return {
    key,
    name: schema.zh,
    rows: [schema.columns.map((c) => (locale === "en-US" ? c.en : c.zh)), ...data],
    headerRow: 0,
    numberFormats: schema.columns.map((c) => inputFormat(key, c)),
    widths: schema.columns.map((c) => c.width),
    highlight: [],
    freezeRows: 1,
    validations: inputGuards(key, rules, locale),
  };
}

/*
 * `workplanRows` below are the 工作要点 template rows (`workplanTemplateRows()` of src/workplan).
 * The work plan sits above this layer (it reads workbooks), so the callers above both — cli,
 * taskpane, hosts — pass them in; lint refuses an import of src/workplan from here.
 */

/**
 * The empty workbook (SPEC §7.2 template): every input sheet, 设置 with the defaults, 工作要点 with
 * the 21 points. `rules` are those the guards quote (the workbook's own settings in the pane).
 */
export function templateSheets(
  workplanRows: readonly OutputValue[][],
  rules: Rules = defaultRules()
): OutputSheet[] {
  return INPUT_SHEETS.map((key) => {
    if (key === "settings") return inputSheet(key, settingsRows(rules), "zh-CN", rules);
    if (key === "workplan") return inputSheet(key, workplanRows, "zh-CN", rules);
    return inputSheet(key, [], "zh-CN", rules);
  });
}

/** Sheets as the grids a host reads back from them: the values as written, from A1. */
export function gridsOfSheets(sheets: readonly OutputSheet[]): WorkbookGrids {
  return sheets.map((s) => ({ name: s.name, values: s.rows, firstRow: 1, firstColumn: 1 }));
}

/** The built-in example (SPEC §7.2 sample): 12 communities, records of every kind, every rule at work. */
export function sampleSheets(workplanRows: readonly OutputValue[][]): OutputSheet[] {
  const sample = sampleWorkbook(workplanRows);
  return INPUT_SHEETS.map((key) => {
    if (key === "settings") return inputSheet(key, settingsRows(sample.rules), "zh-CN", sample.rules);
    if (key === "workplan") return inputSheet(key, sample.workplan, "zh-CN", sample.rules);
    const schema = SHEETS[key];
    const rows = (sample.records[key] ?? []).map((r) => schema.columns.map((c) => r[c.key] ?? null));
    return inputSheet(key, rows, "zh-CN", sample.rules);
  });
}

// ---------------------------------------------------------------------------------------------
// JSON (SPEC §7.2)

export interface IssueJson {
  severity: Issue["severity"];
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export function issuesJson(issues: readonly Issue[], locale: Locale = "zh-CN"): IssueJson[] {
  return issues.map((i) => ({
    severity: i.severity,
    sheet: i.sheet,
    row: i.row ?? null,
    column: i.column ?? null,
    message: say(i.message, locale),
  }));
}

const n4 = (e: Exact): number => e.toRoundedNumber(4);

export interface CommunityJson {
  name: string;
  type: string;
  rank: number;
  eligible: boolean;
  advanced: boolean | "tie";
  target: number;
  categories: Record<string, number>;
  honor: number;
  basicPublicity: number;
  externalPublicity: number;
  contribution: number;
  rewards: number;
  total: number;
  converted: number;
  /** SPEC §8 距先进线; null for 村改居 (and when no place is advanced). */
  gapToCut: number | null;
  /** 距上一名; null for rank 1. */
  gapToAbove: number | null;
  money?: number;
}

export interface IndividualJson {
  name: string;
  community: string;
  score: number;
  rank: number;
  advanced: boolean | "tie";
  money?: number;
}

export interface RankJson {
  communities: CommunityJson[];
  individuals: IndividualJson[];
  issues: IssueJson[];
}

/** `rank --json` (SPEC §7.2): communities in rank order, numbers to 4 decimals, money in yuan. */
export function rankJson(
  outcome: Pick<RankOutcome, "result" | "issues">,
  locale: Locale = "zh-CN"
): RankJson {
  const r = outcome.result;
  const communities: CommunityJson[] = (r?.communities ?? []).map((c) => ({
    name: c.name,
    type: c.type,
    rank: c.rank,
    eligible: c.eligible,
    advanced: c.advanced,
    target: n4(c.target),
    categories: Object.fromEntries(CATEGORIES.map((k) => [k, n4(c.categories[k])])),
    honor: n4(c.honor),
    basicPublicity: n4(c.basicPublicity),
    externalPublicity: n4(c.externalPublicity),
    contribution: n4(c.contribution),
    rewards: n4(c.rewards),
    total: n4(c.total),
    converted: n4(c.converted),
    gapToCut: c.gapToCut === null ? null : n4(c.gapToCut),
    gapToAbove: c.gapToAbove === null ? null : n4(c.gapToAbove),
    ...(r?.hasMoney && c.moneyCents !== undefined ? { money: centsToYuan(c.moneyCents) } : {}),
  }));
  const individuals: IndividualJson[] = (r?.individuals ?? []).map((p) => ({
    name: p.name,
    community: p.community,
    score: n4(p.score),
    rank: p.rank,
    advanced: p.advanced,
    ...(r?.hasMoney && p.moneyCents !== undefined ? { money: centsToYuan(p.moneyCents) } : {}),
  }));
  return { communities, individuals, issues: issuesJson(outcome.issues, locale) };
}
