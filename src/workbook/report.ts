import {
  Advanced,
  AssessmentInput,
  AssessmentResult,
  CATEGORIES,
  CommunityResult,
  centsToYuan,
  Exact,
  EXACT_FORMAT,
  exactOrderNotes,
  IndividualResult,
  Locale,
  msg,
  Msg,
  OFFICIAL_FORMAT,
  RecordSource,
  Rules,
  say,
} from "../scoring";
import { fitRow, fitRows } from "./cell-limit";
import { detailsBody } from "./details-sheet";
import { GENERATED_MARKER } from "./marker";
import { ADVANCED_COLOR, decidedLabel, markColor, TIE_COLOR, withLegend } from "./marks";
import { printSetup } from "./print";
import { ColumnSchema, GeneratedSheetKey, SheetKey, SHEETS } from "./schema";
import { settingsSummary } from "./settings";
import { localTime } from "./local-time";
import { materialize } from "./streamed";
import { BarChart, CellLook, Issue, OutputSheet, OutputValue, StreamedSheet } from "./types";

/**
 * Results → generated sheets as data (规则 §6): 排名, 先进个人, 计分明细, 校验结果. Values only,
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
 * The staff a summary shows: everyone down to the last advanced (or tied, or decided) person, so
 * staff of 村改居 ranked above them appear as 不参评 rather than leaving a gap in the ranks, and
 * one the 考核组 decided 非先进 is seen with the others of the tie.
 */
export function individualsToShow(result: AssessmentResult): AssessmentResult["individuals"] {
  let last = -1;
  result.individuals.forEach((p, i) => {
    if (p.advanced !== false || p.decided !== undefined) last = i;
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
  // Document settings (公示单位, 考核编号 …) are words for documents, not rules of the result:
  // typing them makes no result stale (the rules in docs/, §10).
  feed({ ...rules, document: undefined }, h);
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
  if (c.type === "number") return OFFICIAL_FORMAT;
  if (c.type === "date") return "yyyy-mm-dd";
  return "@";
}

const num = (e: Exact): number => e.toNumber();
const money = (cents: bigint | undefined): OutputValue => (cents === undefined ? null : centsToYuan(cents));

/**
 * The advanced mark of a ranked line in 规则 §4's words; null for an eligible one not advanced.
 * A place the 考核组 decided (规则 §10) says so, advanced or not.
 */
export function advancedLabel(a: Advanced, eligible: boolean, decided = false): Msg | null {
  if (!eligible) return msg("不参评", "not eligible");
  if (decided && a !== "tie") return decidedLabel(a);
  if (a === "tie") return msg("并列待定", "tie — needs a decision");
  return a ? msg("先进", "advanced") : null;
}

function advancedText(a: Advanced, eligible: boolean, decided: boolean, locale: Locale): string | null {
  const m = advancedLabel(a, eligible, decided);
  return m === null ? null : say(m, locale);
}

interface SheetExtras {
  /** Per column number formats, when not the schema's. */
  numberFormats?: string[];
  /** Bold rows, 0-based within the body. */
  bold?: number[];
}

/** The body of a generated sheet: how many rows, and the rows made one by one (fresh arrays). */
export interface SheetBody {
  count: number;
  rows(): Iterable<OutputValue[]>;
}

/** A body of one row per item, each made only when the writer comes to it. */
function bodyOf<T>(items: readonly T[], row: (item: T) => OutputValue[]): SheetBody {
  return {
    count: items.length,
    *rows() {
      for (const item of items) yield row(item);
    },
  };
}

/**
 * Cells of a row by column key: `cells` gives each key's value (a key it lacks is blank). The
 * getters are picked once per sheet, not looked up per row.
 */
function rowMaker<T>(
  columns: readonly ColumnSchema[],
  cells: Record<string, (item: T) => OutputValue>
): (item: T) => OutputValue[] {
  const getters = columns.map((c) => cells[c.key]);
  const n = getters.length;
  return (item) => {
    const out: OutputValue[] = new Array<OutputValue>(n);
    for (let i = 0; i < n; i++) {
      const g = getters[i];
      out[i] = g === undefined ? null : (g(item) ?? null);
    }
    return out;
  };
}

/**
 * A generated sheet from its body: the header line, the column headers, the body; print setup
 * (规则 §8) and filter buttons on the header row over the body. The rows are made as a writer
 * asks for them (streamed.ts), every text fitted to a cell.
 */
function sheetOf(
  key: GeneratedSheetKey,
  ctx: ReportContext,
  columns: readonly ColumnSchema[],
  body: SheetBody,
  highlight: { row: number; color: string }[],
  extras: SheetExtras = {}
): StreamedSheet {
  // Nothing made lazily below refers to ctx: its input (every record) need not outlive the build.
  const locale = ctx.locale;
  const width = columns.length;
  const first: OutputValue[] = [headerLine(key, ctx), ...Array<OutputValue>(width - 1).fill(null)];
  const head = fitRows([first, columns.map((c) => header(c, locale))]);
  const headerRow = 1;
  const sheet: StreamedSheet = {
    key,
    name: ctx.names[key] ?? SHEETS[key].zh,
    headerRow,
    numberFormats: extras.numberFormats ?? columns.map(columnFormat),
    widths: columns.map((c) => c.width),
    highlight: highlight.map((h) => ({ row: h.row + 2, color: h.color })),
    freezeRows: 2,
    print: printSetup(key, { year: ctx.rules.year, locale: ctx.locale, headerRow }),
    autoFilter: { firstRow: headerRow, lastRow: headerRow + Math.max(1, body.count) },
    rowCount: head.length + body.count,
    rowWidth: width,
    *eachRow() {
      for (const r of head) yield [...r];
      for (const r of body.rows()) yield fitRow(r);
    },
  };
  if (extras.bold && extras.bold.length > 0) sheet.boldRows = extras.bold.map((r) => r + headerRow + 1);
  return sheet;
}

/** Row fills of ranked lines (规则 §8): advanced, tie, not eligible. */
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
 * The bar chart of 综合得分 by community on 排名 (规则 §8), the same in every writer: the first
 * `ranked` data rows (at most CHART_MAX_BARS, the top ones), titled with the column's header as
 * written, placed to the right of the table (one blank column between) and tall enough for its
 * bars. None when there is no community or the columns are missing.
 */
export function rankingChart(
  sheet: Pick<OutputSheet, "headerRow">,
  columns: readonly ColumnSchema[],
  ranked: number,
  locale: Locale
): BarChart | undefined {
  const categoryColumn = columns.findIndex((c) => c.key === "community");
  const valueColumn = columns.findIndex((c) => c.key === "total");
  const bars = Math.min(ranked, CHART_MAX_BARS);
  if (categoryColumn < 0 || valueColumn < 0 || bars === 0) return undefined;
  const firstRow = sheet.headerRow + 1;
  const height = Math.max(16, Math.ceil(bars * 1.2) + 4);
  return {
    title: header(columns[valueColumn], locale),
    categoryColumn,
    valueColumn,
    firstRow,
    lastRow: firstRow + bars - 1,
    from: { row: firstRow, column: columns.length + 1 },
    to: { row: firstRow + height, column: columns.length + 8 },
  };
}

/**
 * Column widths of 排名 (characters) narrower than the schema's, for print: its 20-odd columns,
 * printed one page wide on landscape A4, shrink with the sum of their widths. A figure (113.67,
 * 5 digits and a point) fits in 7; the header over it wraps onto two lines. At these widths the
 * 12-community sample prints with its text at about 7 pt in LibreOffice (about 5 pt before:
 * test/libreoffice/notice-pdf.test.ts).
 */
const RANKING_WIDTHS: Readonly<Record<string, number>> = {
  rank: 4,
  community: 12,
  type: 6,
  foundation: 7,
  service: 7,
  culture: 7,
  environment: 7,
  brand: 7,
  admin: 7,
  target: 7,
  honor: 7,
  basicPublicity: 7,
  externalPublicity: 7,
  contribution: 7,
  rewards: 7,
  total: 7,
  converted: 7,
  advanced: 8,
  gapToCut: 7,
  gapToAbove: 7,
  money: 9,
};
const RANKING_HEADER_LOOK: Readonly<CellLook> = { wrap: true, center: true, middle: true };
/** Two lines of 11 pt text. */
const RANKING_HEADER_POINTS = 30;

/**
 * 排名: one row per community in rank order, marks and legend, the chart of totals. Every figure
 * shows 2 decimals (the official figure); where two show the same 综合得分 yet rank apart on the
 * exact values, a 说明 column says so on both rows.
 */
export function rankingStream(result: AssessmentResult, ctx: ReportContext): StreamedSheet {
  const locale = ctx.locale;
  const notes = new Map<CommunityResult, Msg>();
  exactOrderNotes(result).forEach((n, i) => {
    if (n) notes.set(result.communities[i], n);
  });
  const columns = SHEETS.ranking.columns.filter(
    (c) => (c.key !== "money" || result.hasMoney) && (c.key !== "note" || notes.size > 0)
  );
  const cells: Record<string, (c: CommunityResult) => OutputValue> = {
    rank: (c) => c.rank,
    community: (c) => c.name,
    type: (c) => c.type,
    target: (c) => num(c.target),
    honor: (c) => num(c.honor),
    basicPublicity: (c) => num(c.basicPublicity),
    externalPublicity: (c) => num(c.externalPublicity),
    contribution: (c) => num(c.contribution),
    rewards: (c) => num(c.rewards),
    total: (c) => num(c.total),
    converted: (c) => num(c.converted),
    advanced: (c) => advancedText(c.advanced, c.eligible, c.decided !== undefined, locale),
    gapToCut: (c) => (c.gapToCut === null ? null : num(c.gapToCut)),
    gapToAbove: (c) => (c.gapToAbove === null ? null : num(c.gapToAbove)),
    money: (c) => money(c.moneyCents),
    note: (c) => {
      const n = notes.get(c);
      return n ? say(n, locale) : null;
    },
  };
  for (const k of CATEGORIES) cells[k] = (c) => num(c.categories[k]);
  const body = bodyOf(result.communities, rowMaker(columns, cells));
  const table = withLegend(sheetOf("ranking", ctx, columns, body, marks(result.communities)), ctx.locale);
  // Headers wrap onto two lines over narrow columns (RANKING_WIDTHS): 排名 prints legibly.
  const sheet: StreamedSheet = {
    ...table,
    widths: columns.map((c) => RANKING_WIDTHS[c.key] ?? c.width),
    rowLooks: [...(table.rowLooks ?? []), { row: table.headerRow, look: RANKING_HEADER_LOOK }],
    rowHeights: [...(table.rowHeights ?? []), { row: table.headerRow, points: RANKING_HEADER_POINTS }],
  };
  const chart = rankingChart(sheet, columns, body.count, ctx.locale);
  if (!chart) return sheet;
  // The print area ends at the table's last column (the rules in docs/, §8): the chart beside it
  // stays on screen, so one-page-wide printing scales the paper for the table alone.
  const print = sheet.print && { ...sheet.print, printRows: { first: 0, last: sheet.rowCount - 1 } };
  return { ...sheet, chart, ...(print ? { print } : {}) };
}

export function rankingSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  return materialize(rankingStream(result, ctx));
}

/** 先进个人: every person in rank order, marks and legend. */
export function individualsStream(result: AssessmentResult, ctx: ReportContext): StreamedSheet {
  const locale = ctx.locale;
  const columns = SHEETS.individuals.columns.filter((c) => c.key !== "money" || result.hasMoney);
  const body = bodyOf(
    result.individuals,
    rowMaker<IndividualResult>(columns, {
      rank: (p) => p.rank,
      name: (p) => p.name,
      community: (p) => p.community,
      score: (p) => num(p.score),
      advanced: (p) => advancedText(p.advanced, p.eligible, p.decided !== undefined, locale),
      money: (p) => money(p.moneyCents),
    })
  );
  return withLegend(sheetOf("individuals", ctx, columns, body, marks(result.individuals)), ctx.locale);
}

export function individualsSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  return materialize(individualsStream(result, ctx));
}

/** 计分明细: grouped by community in rank order with a subtotal each (details-sheet.ts). */
export function detailsStream(result: AssessmentResult, ctx: ReportContext): StreamedSheet {
  const body = detailsBody(result, ctx);
  const columns = SHEETS.details.columns;
  // A record's points as exact as stored (规则 §8): 0.0667, not 0.07; a subtotal, the community's
  // 综合得分, as its official figure.
  const numberFormats = columns.map((c) => (c.key === "points" ? EXACT_FORMAT : columnFormat(c)));
  const points = columns.findIndex((c) => c.key === "points");
  const reason = columns.findIndex((c) => c.key === "reason");
  const sheet = sheetOf("details", ctx, columns, body, [], { numberFormats, bold: body.bold });
  // The reason starts a little off the right-aligned points beside it.
  if (reason >= 0) sheet.columnLooks = [{ column: reason, look: { indent: 1 } }];
  if (points < 0) return sheet;
  const first = sheet.headerRow + 1;
  const cellFormats = body.subtotals.map((r) => ({
    row: r + first,
    column: points,
    format: OFFICIAL_FORMAT,
  }));
  return { ...sheet, cellFormats };
}

export function detailsSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  return materialize(detailsStream(result, ctx));
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
  return materialize(sheetOf("issues", ctx, columns, { count: body.length, rows: () => body }, highlight));
}
