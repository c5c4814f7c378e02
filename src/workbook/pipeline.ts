import {
  assess,
  AssessmentInput,
  AssessmentResult,
  defaultRules,
  EngineIssue,
  foldKey,
  Locale,
  msg,
  Msg,
  nearestName,
  RecordSource,
  Rules,
} from "../scoring";
import { GENERATED_MARKER, isGeneratedSheet } from "./marker";
import { Locations, readAssessment } from "./read";
import {
  detailsStream,
  individualsStream,
  issuesSheet,
  rankingStream,
  fingerprint,
  ReportContext,
} from "./report";
import { sampleWorkbook } from "./sample";
import { statementsSheet } from "./statements";
import { noticeSheet } from "./sheets/notice";
import { ColumnSchema, GeneratedSheetKey, INPUT_SHEETS, InputSheetKey, SHEETS } from "./schema";
import { settingsRows } from "./settings";
import { inputGuards } from "./guards";
import { inputTable } from "./tables";
import { inputPrintSetup } from "./print";
import { chooseSheetNames } from "./sheet-names";
import { issueAt } from "./sheet-reader";
import { staleIssues, staleSheets } from "./stale";
import { AnySheet, materialize } from "./streamed";
import { Issue, OutputSheet, OutputValue, WorkbookGrids } from "./types";

export { GENERATED_MARKER, isGeneratedSheet };

/**
 * The workbook pipeline (规则 §6): grids in, located issues and generated sheets out. Hosts
 * (Office.js, the .xlsx package) read the grids and write the sheets; everything between is here.
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
  run: (input: AssessmentInput, rules: Rules) => AssessmentResult = assess,
  letGoOfRows = false
): Scored {
  const read = readAssessment(grids, letGoOfRows);
  if (letGoOfRows) keepFirstRows(grids);
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

/**
 * Every sheet cut down to its first row, in place: all that is asked of the grids once the records
 * are read (A1 tells a generated sheet and records its fingerprint; tab names and origins stay).
 * For a caller that gives its grids away (`RankOptions.letGoOfRows`): the rows of a million staff
 * are then not held through scoring and writing, nor counted in the heap V8 sizes its next
 * collection by.
 */
function keepFirstRows(grids: WorkbookGrids): void {
  for (const g of grids) if (g.values.length > 1) g.values.length = 1;
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
 * and a warning when generated sheets no longer match the inputs (规则 §8 stale results).
 */
export function validateWorkbook(grids: WorkbookGrids): Issue[] {
  const scored = scoreWorkbook(grids);
  return sortIssues([...scored.issues, ...staleIssues(grids, fingerprint(scored.input, scored.rules))]);
}

/**
 * Generated sheets that no longer match the inputs (规则 §8 stale results) without scoring: what
 * the pane checks when a workbook opens and before 共享准备.
 */
export function staleResults(grids: WorkbookGrids): Issue[] {
  const read = readAssessment(grids);
  return staleIssues(grids, fingerprint(read.input, read.rules));
}

/** The generated sheets whose recorded fingerprint no longer matches the inputs (规则 §8), by tab name. */
export function staleSheetNames(grids: WorkbookGrids): string[] {
  const read = readAssessment(grids);
  return staleSheets(grids, fingerprint(read.input, read.rules));
}

export interface RankOptions {
  now: Date;
  locale?: Locale;
  /** The workbook's sheets and whether this product generated each (A1 marker). */
  existing?: { name: string; generated: boolean }[];
  /**
   * The caller gives the grids away: once read, each keeps only its first row (`keepFirstRows`).
   * `rank` of the command line does; the pane keeps its grids.
   */
  letGoOfRows?: boolean;
}

export interface RankOutcome {
  ok: boolean;
  issues: Issue[];
  /**
   * Generated sheets already in the workbook that no longer match its inputs (规则 §8): a warning
   * about the workbook as it is, kept apart because writing `sheets` in its place clears it.
   */
  stale: Issue[];
  result: AssessmentResult | null;
  sheets: OutputSheet[];
  /** What the build left out and why (成绩单 of a big workbook), for the pane's note and the CLI. */
  notes: Msg[];
}

export const RANK_SHEETS: readonly GeneratedSheetKey[] = [
  "ranking",
  "individuals",
  "details",
  "statements",
  "issues",
];

/**
 * 一键排名 (and `rank --out`) makes 成绩单 up to this many communities, and leaves it out above. A
 * statement is ~35 rows a community: at 5,000 communities 成绩单 alone would be 175,000 rows — more
 * than every other generated sheet together, doubling the file and the time of every build (in Excel
 * on the web, several more 5 MB requests) — for pages nobody prints from a one-click build. The
 * `statement` command makes it at any size, or for one community (--community).
 */
export const STATEMENTS_IN_RANK_MAX = 200;

/** The note of a build that left 成绩单 out (STATEMENTS_IN_RANK_MAX). */
export function statementsLeftOut(communities: number): Msg {
  return msg(
    `未生成“成绩单”：共 ${communities} 个社区，超过一键排名生成成绩单的上限 ${STATEMENTS_IN_RANK_MAX} 个；请用命令 statement 生成（--community 可只生成一个社区）`,
    `"成绩单" (statements) was not made: ${communities} communities, past the ${STATEMENTS_IN_RANK_MAX} a one-click build makes them for; use the statement command (--community for one community)`
  );
}

/** The report context of a build: tab names of the inputs, names of `keys` around a person's sheets. */
function reportContext(
  grids: WorkbookGrids,
  scored: Scored,
  keys: readonly GeneratedSheetKey[],
  opts: RankOptions,
  fp: string
): ReportContext {
  const existing =
    opts.existing ?? grids.map((g) => ({ name: g.name, generated: isGeneratedSheet(g.values[0]?.[0]) }));
  const sheetNames: Partial<Record<RecordSource, string>> = {};
  for (const key of INPUT_SHEETS) {
    const grid = scored.locations[key].grid;
    if (grid && key !== "workplan") sheetNames[key] = grid.name;
  }
  return {
    now: opts.now,
    locale: opts.locale ?? "zh-CN",
    input: scored.input,
    rules: scored.rules,
    sheetNames,
    names: chooseSheetNames(keys, existing),
    fingerprint: fp,
  };
}

/** What `rankWorkbookStreamed` gives: the big sheets' rows still to be made (the .xlsx writer streams them). */
export type StreamedRankOutcome = Omit<RankOutcome, "sheets"> & { sheets: AnySheet[] };

/**
 * Validate, score and rank. Any error: ok=false, no result, no sheets (nothing is written).
 * Otherwise the generated sheets (成绩单 only up to STATEMENTS_IN_RANK_MAX communities), named so
 * a person's sheet of the same name is kept; 排名, 先进个人 and 计分明细 with their rows made only
 * as a writer asks for them (issue 9: `rank --out` of a million staff never holds them whole).
 */
export function rankWorkbookStreamed(grids: WorkbookGrids, opts: RankOptions): StreamedRankOutcome {
  const scored = scoreWorkbook(grids, assess, opts.letGoOfRows);
  const ok = !scored.issues.some((i) => i.severity === "error");
  const fp = fingerprint(scored.input, scored.rules);
  const stale = staleIssues(grids, fp);
  if (!ok) return { ok, issues: scored.issues, stale, result: null, sheets: [], notes: [] };
  const count = scored.result.communities.length;
  const withStatements = count <= STATEMENTS_IN_RANK_MAX;
  const keys = withStatements ? RANK_SHEETS : RANK_SHEETS.filter((k) => k !== "statements");
  const ctx = reportContext(grids, scored, keys, opts, fp);
  const sheets: AnySheet[] = [
    rankingStream(scored.result, ctx),
    individualsStream(scored.result, ctx),
    detailsStream(scored.result, ctx),
    ...(withStatements ? [statementsSheet(scored.result, ctx)] : []),
    issuesSheet(scored.issues, ctx),
  ];
  const notes = withStatements ? [] : [statementsLeftOut(count)];
  return { ok, issues: scored.issues, stale, result: scored.result, sheets, notes };
}

/** `rankWorkbookStreamed` with every sheet's rows made: what the Office.js host and the preview write. */
export function rankWorkbook(grids: WorkbookGrids, opts: RankOptions): RankOutcome {
  const outcome = rankWorkbookStreamed(grids, opts);
  return { ...outcome, sheets: outcome.sheets.map(materialize) };
}

export interface StatementOptions extends RankOptions {
  /** Only this community's statement (a name of 社区 as typed); all when absent. */
  community?: string;
}

export type StatementOutcome = Omit<RankOutcome, "sheets" | "notes"> & {
  /** 成绩单, whatever the size of the workbook; null when the workbook has errors or `unknown` is set. */
  sheet: OutputSheet | null;
  /** `community` names no community of 社区: why, naming the closest or the communities there are. */
  unknown?: Msg;
};

/** How many community names an unknown --community lists at most. */
const NAMES_LISTED = 20;

/**
 * The community `typed` names: as typed on 社区, else the one whose folded name matches (full-width,
 * spaces, letter case). Otherwise why not, in one line: the closest name, or the names there are.
 */
export function communityNamed(names: readonly string[], typed: string): { name: string } | { unknown: Msg } {
  if (names.includes(typed)) return { name: typed };
  const folded = names.filter((n) => foldKey(n) === foldKey(typed));
  if (folded.length === 1) return { name: folded[0] };
  // The closest: a name one slip away, or the one name that holds what was typed ("东门" → 东门社区).
  const holding = names.filter((n) => foldKey(n).includes(foldKey(typed)));
  const near = nearestName(typed, names) ?? (holding.length === 1 ? holding[0] : undefined);
  if (near !== undefined)
    return {
      unknown: msg(
        `没有名为“${typed}”的社区：是否应为“${near}”？`,
        `No community "${typed}": did you mean "${near}"?`
      ),
    };
  const listed = names.slice(0, NAMES_LISTED);
  const more = names.length > listed.length;
  return {
    unknown: msg(
      `没有名为“${typed}”的社区；社区表中有：${listed.join("、")}${more ? ` 等 ${names.length} 个` : ""}`,
      `No community "${typed}"; 社区 lists: ${listed.join(", ")}${more ? ` and ${names.length - listed.length} more` : ""}`
    ),
  };
}

/** A one-document command's start: the workbook scored, whether it has errors, its fingerprint, its stale sheets. */
function scoreForDocument(grids: WorkbookGrids) {
  const scored = scoreWorkbook(grids);
  const ok = !scored.issues.some((i) => i.severity === "error");
  const fp = fingerprint(scored.input, scored.rules);
  return { scored, ok, fp, stale: staleIssues(grids, fp) };
}

/**
 * The `statement` command (规则 §8): validate, score, rank, and 成绩单 for every community or the
 * one named — at any size (STATEMENTS_IN_RANK_MAX is the one-click build's cap only).
 */
export function statementWorkbook(grids: WorkbookGrids, opts: StatementOptions): StatementOutcome {
  const { scored, ok, fp, stale } = scoreForDocument(grids);
  if (!ok) return { ok, issues: scored.issues, stale, result: null, sheet: null };
  const result = scored.result;
  let only: Set<string> | undefined;
  if (opts.community !== undefined) {
    const named = communityNamed(
      result.communities.map((c) => c.name),
      opts.community
    );
    if ("unknown" in named)
      return { ok, issues: scored.issues, stale, result, sheet: null, unknown: named.unknown };
    only = new Set([named.name]);
  }
  const ctx = reportContext(grids, scored, ["statements"], opts, fp);
  return { ok, issues: scored.issues, stale, result, sheet: statementsSheet(result, ctx, only) };
}

export type NoticeOutcome = Omit<RankOutcome, "sheets" | "notes"> & {
  /** 公示名单; null when the workbook has errors or a place at the cut is open (`refused`). */
  sheet: OutputSheet | null;
  /** Why no notice can be posted yet: a 并列待定 at the cut, naming who (one line). */
  refused?: Msg;
};

/** Names listed in the refusal of an open tie, at most. */
const TIED_LISTED = 10;

/** Why a result with a 并列待定 at the cut cannot be posted, naming those tied; null when none is. */
export function openTie(result: AssessmentResult): Msg | null {
  const communities = result.communities.filter((c) => c.advanced === "tie").map((c) => c.name);
  const people = result.individuals
    .filter((p) => p.advanced === "tie")
    .map((p) => `${p.name}（${p.community}）`);
  if (communities.length === 0 && people.length === 0) return null;
  const list = (names: string[], sep: string) =>
    names.slice(0, TIED_LISTED).join(sep) + (names.length > TIED_LISTED ? ` …` : "");
  const zh: string[] = [];
  const en: string[] = [];
  if (communities.length > 0) {
    zh.push(`先进社区 ${list(communities, "、")}`);
    en.push(`communities ${list(communities, ", ")}`);
  }
  if (people.length > 0) {
    zh.push(`先进个人 ${list(people, "、")}`);
    en.push(`individuals ${list(people, ", ")}`);
  }
  return msg(
    `不能生成公示名单：名额线上有并列待定（${zh.join("；")}），请先由考核组决定或调整名额`,
    `No public notice while a tie at the cut is open (${en.join("; ")}): decide it first or change the places`
  );
}

/**
 * The `notice` command and the pane's 公示名单 (the rules in docs/, §10): validate, score, rank and
 * make 公示名单 — refused while the workbook has errors or a 并列待定 at the cut is unresolved.
 */
export function noticeWorkbook(grids: WorkbookGrids, opts: RankOptions): NoticeOutcome {
  const { scored, ok, fp, stale } = scoreForDocument(grids);
  if (!ok) return { ok, issues: scored.issues, stale, result: null, sheet: null };
  const result = scored.result;
  const refused = openTie(result);
  if (refused) return { ok, issues: scored.issues, stale, result, sheet: null, refused };
  const ctx = reportContext(grids, scored, ["notice"], opts, fp);
  return { ok, issues: scored.issues, stale, result, sheet: noticeSheet(result, ctx) };
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
    print: inputPrintSetup(
      key,
      schema.columns.map((c) => c.width),
      locale
    ),
  };
}

/*
 * `workplanRows` below are the 工作要点 template rows (`workplanTemplateRows()` of src/workplan).
 * The work plan sits above this layer (it reads workbooks), so the callers above both — cli,
 * taskpane, hosts — pass them in; lint refuses an import of src/workplan from here.
 */

/**
 * The empty workbook (规则 §7.2 template): every input sheet as an Excel table, 设置 with the
 * defaults, 工作要点 with the 21 points. `rules` are those the guards quote (the workbook's own
 * settings in the pane).
 */
export function templateSheets(
  workplanRows: readonly OutputValue[][],
  rules: Rules = defaultRules()
): OutputSheet[] {
  return INPUT_SHEETS.map((key) => {
    const data = key === "settings" ? settingsRows(rules) : key === "workplan" ? workplanRows : [];
    const sheet = inputSheet(key, data, "zh-CN", rules);
    // Each an Excel table over its header and rows (issue 9), the same in every writer.
    const header = sheet.rows[sheet.headerRow];
    return { ...sheet, table: inputTable(key, header, sheet.rows.length, sheet.headerRow) };
  });
}

/** Sheets as the grids a host reads back from them: the values as written, from A1. */
export function gridsOfSheets(sheets: readonly OutputSheet[]): WorkbookGrids {
  return sheets.map((s) => ({ name: s.name, values: s.rows, firstRow: 1, firstColumn: 1 }));
}

/** The built-in example (规则 §7.2 sample): 12 communities, records of every kind, every rule at work. */
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
