import {
  Advanced,
  AssessmentInput,
  AssessmentResult,
  CATEGORIES,
  centsToYuan,
  Exact,
  EXACT_FORMAT,
  Locale,
  msg,
  Msg,
  RecordSource,
  Rules,
  say,
} from "../scoring";
import { fitRows } from "./cell-limit";
import { detailsBody } from "./details-sheet";
import { GENERATED_MARKER } from "./marker";
import { ADVANCED_COLOR, markColor, TIE_COLOR, withLegend } from "./marks";
import { printSetup } from "./print";
import { ColumnSchema, GeneratedSheetKey, SheetKey, SHEETS } from "./schema";
import { settingsSummary } from "./settings";
import { localTime } from "./local-time";
import { BarChart, Issue, OutputSheet, OutputValue } from "./types";

/**
 * Results → generated sheets as data (SPEC §6): 排名, 先进个人, 计分明细, 校验结果. Values only,
 * never formulas; a header line (A1) carries the marker, the time, a fingerprint of the input
 * data and the settings used. No API calls here: the hosts write these.
 */

export { ADVANCED_COLOR, TIE_COLOR };
export const ERROR_COLOR = "#FFC7CE";

export interface ReportContext {
  now: Date;
  locale: Locale;
  input: AssessmentInput;
  rules: Rules;
  /** Tab name of each input sheet as found (for 计分明细's 来源表). */
  sheetNames: Partial<Record<RecordSource, string>>;
  /** Tab name for each generated sheet. */
  names: Partial<Record<GeneratedSheetKey, string>>;
  /** The input's fingerprint, computed once for all sheets (computed when absent). */
  fingerprint?: string;
}

/**
 * The staff a summary shows: everyone down to the last advanced (or tied) person, so staff of
 * 村改居 ranked above them appear as 不参评 rather than leaving a gap in the ranks.
 */
export function individualsToShow(result: AssessmentResult): AssessmentResult["individuals"] {
  let last = -1;
  result.individuals.forEach((p, i) => {
    if (p.advanced !== false) last = i;
  });
  return result.individuals.slice(0, last + 1);
}

/** cyrb53 fed piece by piece: a fast 53-bit string hash, the same in Node and browsers. */
class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  update(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** Feeds a value to the hash in a compact, unambiguous form (records and rules). */
function feed(v: unknown, h: Hash53): void {
  if (v instanceof Exact) h.update(`#${v.n}/${v.d}`);
  else if (Array.isArray(v)) {
    h.update("[");
    for (const x of v) feed(x, h);
    h.update("]");
  } else if (v && typeof v === "object") {
    h.update("{");
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      h.update(k);
      h.update(":");
      feed(x, h);
    }
    h.update("}");
  } else if (typeof v === "string") {
    h.update(`"${v.length}:`);
    h.update(v);
  } else h.update(`${String(v)},`);
}

/**
 * A fingerprint of the data that was scored: the records as read (not their formatting or
 * position in the tab list) and the rules. Same data and settings → same fingerprint, in Excel
 * and in the .xlsx host alike.
 */
export function fingerprint(input: AssessmentInput, rules: Rules): string {
  const h = new Hash53();
  feed(rules, h);
  feed(input, h);
  return h.digest().toString(16).padStart(14, "0").slice(-12).toUpperCase();
}

export function headerLine(sheet: SheetKey, ctx: ReportContext): string {
  const title = ctx.locale === "en-US" ? SHEETS[sheet].en : SHEETS[sheet].zh;
  const year =
    ctx.rules.year !== null
      ? ctx.locale === "en-US"
        ? ` ${ctx.rules.year}`
        : ` ${ctx.rules.year} 年度`
      : "";
  const fp = ctx.fingerprint ?? fingerprint(ctx.input, ctx.rules);
  const settings = say(settingsSummary(ctx.rules), ctx.locale);
  return ctx.locale === "en-US"
    ? `${GENERATED_MARKER}${title}${year} · made ${localTime(ctx.now)} · data fingerprint ${fp} · ${settings}`
    : `${GENERATED_MARKER}${title}${year} · 生成于 ${localTime(ctx.now)} · 数据指纹 ${fp} · ${settings}`;
}

function header(c: ColumnSchema, locale: Locale): string {
  return locale === "en-US" ? c.en : c.zh;
}

/** Number formats per column: text stays text ("@"), so "=1+1" from an input is never a formula. */
export function columnFormat(c: ColumnSchema): string {
  if (c.numberFormat) return c.numberFormat;
  if (c.type === "number") return "0.00";
  if (c.type === "date") return "yyyy-mm-dd";
  return "@";
}

const num = (e: Exact): number => e.toNumber();
const money = (cents: bigint | undefined): OutputValue => (cents === undefined ? null : centsToYuan(cents));

/** The advanced mark of a ranked line in SPEC §4's words; null for an eligible one not advanced. */
export function advancedLabel(a: Advanced, eligible: boolean): Msg | null {
  if (!eligible) return msg("不参评", "not eligible");
  if (a === "tie") return msg("并列待定", "tie — needs a decision");
  return a ? msg("先进", "advanced") : null;
}

function advancedText(a: Advanced, eligible: boolean, locale: Locale): string | null {
  const m = advancedLabel(a, eligible);
  return m === null ? null : say(m, locale);
}

interface SheetExtras {
  /** Per column number formats, when not the schema's. */
  numberFormats?: string[];
  /** Bold rows, 0-based within `body`. */
  bold?: number[];
}

/**
 * A generated sheet from its body rows: the header line, the column headers, the body; print
 * setup (SPEC §8) and filter buttons on the header row over the body.
 */
function sheetOf(
  key: GeneratedSheetKey,
  ctx: ReportContext,
  columns: readonly ColumnSchema[],
  body: OutputValue[][],
  highlight: { row: number; color: string }[],
  extras: SheetExtras = {}
): OutputSheet {
  const width = columns.length;
  const first: OutputValue[] = [headerLine(key, ctx), ...Array<OutputValue>(width - 1).fill(null)];
  const headerRow = 1;
  const sheet: OutputSheet = {
    key,
    name: ctx.names[key] ?? SHEETS[key].zh,
    rows: fitRows([first, columns.map((c) => header(c, ctx.locale)), ...body]),
    headerRow,
    numberFormats: extras.numberFormats ?? columns.map(columnFormat),
    widths: columns.map((c) => c.width),
    highlight: highlight.map((h) => ({ row: h.row + 2, color: h.color })),
    freezeRows: 2,
    print: printSetup(key, { year: ctx.rules.year, locale: ctx.locale, headerRow }),
    autoFilter: { firstRow: headerRow, lastRow: headerRow + Math.max(1, body.length) },
  };
  if (extras.bold && extras.bold.length > 0) sheet.boldRows = extras.bold.map((r) => r + headerRow + 1);
  return sheet;
}

/** Row fills of ranked lines (SPEC §8): advanced, tie, not eligible. */
function marks<T extends { advanced: Advanced; eligible: boolean }>(
  lines: readonly T[]
): { row: number; color: string }[] {
  const out: { row: number; color: string }[] = [];
  lines.forEach((x, i) => {
    const color = markColor(x.advanced, x.eligible);
    if (color !== null) out.push({ row: i, color });
  });
  return out;
}

/** Bars in the chart of totals: beyond this a bar chart is unreadable; the top ones are shown. */
export const CHART_MAX_BARS = 40;

/**
 * The bar chart of 综合得分 by community on 排名 (SPEC §8), the same in every writer: the first
 * `ranked` data rows (at most CHART_MAX_BARS, the top ones), titled with the column's header as
 * written, placed to the right of the table (one blank column between) and tall enough for its
 * bars. None when there is no community or the columns are missing.
 */
export function rankingChart(
  sheet: OutputSheet,
  columns: readonly ColumnSchema[],
  ranked: number
): BarChart | undefined {
  const categoryColumn = columns.findIndex((c) => c.key === "community");
  const valueColumn = columns.findIndex((c) => c.key === "total");
  const bars = Math.min(ranked, CHART_MAX_BARS);
  if (categoryColumn < 0 || valueColumn < 0 || bars === 0) return undefined;
  const firstRow = sheet.headerRow + 1;
  const height = Math.max(16, Math.ceil(bars * 1.2) + 4);
  return {
    title: String(sheet.rows[sheet.headerRow][valueColumn]),
    categoryColumn,
    valueColumn,
    firstRow,
    lastRow: firstRow + bars - 1,
    from: { row: firstRow, column: columns.length + 1 },
    to: { row: firstRow + height, column: columns.length + 8 },
  };
}

export function rankingSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  const columns = SHEETS.ranking.columns.filter((c) => c.key !== "money" || result.hasMoney);
  const body = result.communities.map((c) => {
    const values: Record<string, OutputValue> = {
      rank: c.rank,
      community: c.name,
      type: c.type,
      target: num(c.target),
      honor: num(c.honor),
      basicPublicity: num(c.basicPublicity),
      externalPublicity: num(c.externalPublicity),
      contribution: num(c.contribution),
      rewards: num(c.rewards),
      total: num(c.total),
      converted: num(c.converted),
      advanced: advancedText(c.advanced, c.eligible, ctx.locale),
      gapToCut: c.gapToCut === null ? null : num(c.gapToCut),
      gapToAbove: c.gapToAbove === null ? null : num(c.gapToAbove),
      money: money(c.moneyCents),
    };
    for (const k of CATEGORIES) values[k] = num(c.categories[k]);
    return columns.map((col) => values[col.key] ?? null);
  });
  const sheet = withLegend(sheetOf("ranking", ctx, columns, body, marks(result.communities)), ctx.locale);
  const chart = rankingChart(sheet, columns, body.length);
  return chart ? { ...sheet, chart } : sheet;
}

export function individualsSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  const columns = SHEETS.individuals.columns.filter((c) => c.key !== "money" || result.hasMoney);
  const body = result.individuals.map((p) => {
    const values: Record<string, OutputValue> = {
      rank: p.rank,
      name: p.name,
      community: p.community,
      score: num(p.score),
      advanced: advancedText(p.advanced, p.eligible, ctx.locale),
      money: money(p.moneyCents),
    };
    return columns.map((col) => values[col.key] ?? null);
  });
  return withLegend(sheetOf("individuals", ctx, columns, body, marks(result.individuals)), ctx.locale);
}

/** 计分明细: grouped by community in rank order with a subtotal each (details-sheet.ts). */
export function detailsSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  const { body, bold } = detailsBody(result, ctx);
  const columns = SHEETS.details.columns;
  // Points as exact as stored (SPEC §8): 0.0667, not 0.07.
  const numberFormats = columns.map((c) => (c.key === "points" ? EXACT_FORMAT : columnFormat(c)));
  return sheetOf("details", ctx, columns, body, [], { numberFormats, bold });
}

export function severityText(severity: Issue["severity"], locale: Locale): string {
  return say(severity === "error" ? msg("错误", "error") : msg("警告", "warning"), locale);
}

/** 校验结果: one row per issue (errors highlighted); "no problems found" when there are none. */
export function issuesSheet(issues: readonly Issue[], ctx: ReportContext): OutputSheet {
  const columns = SHEETS.issues.columns;
  const highlight: { row: number; color: string }[] = [];
  const body: OutputValue[][] = issues.map((issue, i) => {
    if (issue.severity === "error") highlight.push({ row: i, color: ERROR_COLOR });
    const values: Record<string, OutputValue> = {
      severity: severityText(issue.severity, ctx.locale),
      sheet: issue.sheet,
      row: issue.row ?? null,
      column: issue.column ?? null,
      message: say(issue.message, ctx.locale),
    };
    return columns.map((c) => values[c.key] ?? null);
  });
  if (body.length === 0) {
    const none = say(msg("没有发现问题", "No problems found"), ctx.locale);
    body.push(columns.map((c) => (c.key === "message" ? none : null)));
  }
  return sheetOf("issues", ctx, columns, body, highlight);
}
