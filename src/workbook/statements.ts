import {
  AssessmentResult,
  CATEGORIES,
  CATEGORY_NAMES,
  centsToYuan,
  CommunityResult,
  Exact,
  EXACT_FORMAT,
  exactOrderNotes,
  Locale,
  msg,
  Msg,
  OFFICIAL_FORMAT,
  pts,
  RecordScore,
  RecordSource,
  say,
  sum,
} from "../scoring";
import { fitRows } from "./cell-limit";
import { decidedLabel } from "./marks";
import { printSetup } from "./print";
import { fingerprint, headerLine, ReportContext } from "./report";
import { localTime } from "./local-time";
import { SHEETS } from "./schema";
import { displayWidth } from "./text-width";
import { CellLook, OutputSheet, OutputValue } from "./types";

/**
 * 成绩单 / Statements (规则 §8): one block per community, in rank order, each on its own printed
 * page (a page break after every block), for the community to sign. A block holds the title, the
 * community and its type; the six categories with maximum and score; the target score; every
 * bonus record of the community — counted or not — with its points and the reason in the words
 * 计分明细 gives, under a subtotal per kind; rewards, total, converted, `第 N 名（共 M 个社区）`, the
 * status, 距先进线, the money when set; then the signature lines.
 *
 * Layout: a document a town signs and posts. Four columns — item (label), maximum, points, reason —
 * on portrait A4, 70 characters wide together and centred, so one-page-wide printing keeps the
 * 11 pt text at (about) full size; a long reason wraps within its column (indented off the points)
 * in a row made as tall as its lines. The title is 18 pt, centred over the block. Blank rows before
 * the signature lines take them towards the foot of the page (PAGE_LINES). The machine line
 * (marker, time, fingerprint, settings) stays in A1 for the stale check but is left out of the
 * print area; each block ends instead with a small grey line of the time and fingerprint. Printed
 * by LibreOffice, the sample gives one page per community with the title ≥ 16 pt and the text
 * ≥ 10.5 pt (test/libreoffice/statement-pdf.test.ts). A community with very many records (some 30
 * or more) runs over onto a second page; its next block still starts a new page.
 *
 * Values only; the community's figures as its official figure (2 decimals, as on 排名), a record's
 * own points as exact as stored (`0.00##`: 0.0667, not 0.07); text from the inputs as typed. Text
 * cells in the number columns carry the text format "@", and every writer writes a string as text,
 * so a title "=1+1" stays the text "=1+1".
 */

/** Columns of a block. */
const ITEM = 0;
const MAX = 1;
const POINTS = 2;
const REASON = 3;
const WIDTH = 4;

/**
 * Column widths (characters). Together 70: narrow enough to print at full size on A4 portrait even
 * where a reader measures characters wider than Excel's Calibri (LibreOffice without Calibri), and
 * centred on the page. The item column is as wide as its longest label up to ITEM_WIDTH_MAX; a
 * longer record title runs on over the empty 满分 cell. A longer reason wraps.
 */
const ITEM_WIDTH_MAX = 22;
const MAX_WIDTH = 7;
const POINTS_WIDTH = 9;
const REASON_WIDTH = 32;
/**
 * Lines of body text (11 pt, 15 pt rows) a block may fill before its signature lines: A4 portrait
 * less the margins holds 48 at full size; the rest is slack for rows taller than estimated.
 */
const PAGE_LINES = 46;

/** A row of body text (points), the title's size and the machine line's, and the machine line's grey. */
const LINE_POINTS = 15;
const TITLE_SIZE = 18;
const SMALL_SIZE = 8;
const GREY = "#808080";

/** The look of the machine lines (A1 and each block's last row): small and grey. */
export const MACHINE_LOOK: Readonly<CellLook> = { size: SMALL_SIZE, color: GREY, wrap: false };

const TEXT = "@";

type BonusSource = Extract<RecordSource, "honors" | "basicPublicity" | "publicity" | "contributions">;

/** The four kinds of bonus points, as the subtotals name them, and the community's figure of each. */
const KINDS: readonly { source: BonusSource; name: Msg; of: (c: CommunityResult) => Exact }[] = [
  { source: "honors", name: msg("业绩优秀奖", "Honors"), of: (c) => c.honor },
  { source: "basicPublicity", name: msg("基础宣传", "Basic publicity"), of: (c) => c.basicPublicity },
  { source: "publicity", name: msg("宣传报道", "Publicity"), of: (c) => c.externalPublicity },
  { source: "contributions", name: msg("重要贡献", "Contributions"), of: (c) => c.contribution },
];

const W = {
  target: msg("一、目标管理", "1. Target management"),
  max: msg("满分", "Max"),
  score: msg("得分", "Score"),
  targetTotal: msg("目标管理得分", "Target score"),
  rewards: msg("二、单项奖励", "2. Bonus points"),
  points: msg("得分", "Points"),
  reason: msg("计分依据", "Reason"),
  subtotal: msg("小计", "subtotal"),
  rewardsTotal: msg("单项奖励合计", "Bonus points in all"),
  result: msg("三、结果", "3. Result"),
  total: msg("综合得分", "Total"),
  totalIs: msg("目标管理得分 + 单项奖励", "target score + bonus points"),
  converted: msg("折算分", "Converted"),
  rank: msg("名次", "Rank"),
  order: msg("排序说明", "Order"),
  status: msg("评定", "Status"),
  gap: msg("距先进线", "Gap to the cut"),
  money: msg("奖金（元）", "Money (yuan)"),
  signGroup: msg("考核组（签字）：", "Assessment group (signature): "),
  signHead: msg("社区负责人（签字）：", "Community head (signature): "),
  date: msg("日期：", "Date: "),
};

const LINE = "______________________________";
/** The ideographic space (U+3000), a Chinese character's width: the gaps of 年 月 日. */
const GAP = "\u3000";

/** The title of a block: `{考核年度}年度社区目标管理考核成绩单`, without the year when none is set. */
export function statementTitle(year: number | null, locale: Locale): string {
  if (locale === "en-US")
    return `${year === null ? "" : `${year} `}Community Target Management Assessment Statement`;
  return `${year === null ? "" : `${year}年度`}社区目标管理考核成绩单`;
}

/** `第 N 名（共 M 个社区）`. */
export function rankText(rank: number, of: number, locale: Locale): string {
  return locale === "en-US" ? `No. ${rank} of ${of} communities` : `第 ${rank} 名（共 ${of} 个社区）`;
}

/** The status line: 先进社区, 并列待定, 村改居不参评, a 考核组决定 (规则 §10) or —. */
export function statusText(
  c: Pick<CommunityResult, "advanced" | "eligible" | "decided">,
  locale: Locale
): string {
  if (!c.eligible) return say(msg("村改居不参评", "村改居: not eligible"), locale);
  if (c.decided !== undefined && c.advanced !== "tie") return say(decidedLabel(c.advanced), locale);
  if (c.advanced === "tie") return say(msg("并列待定", "Tie — needs a decision"), locale);
  return c.advanced ? say(msg("先进社区", "Advanced community"), locale) : "—";
}

/** Printed lines a row takes, at 15 pt each: a wrapped reason several, the title two. */
function linesOf(line: readonly OutputValue[], title: boolean): number {
  if (title) return 2;
  const reason = line[REASON];
  if (typeof reason !== "string") return 1;
  return Math.max(1, Math.ceil(displayWidth(reason) / (REASON_WIDTH - 4)));
}

/** Rows of the sheet being built, with the formats, bold rows, merges and looks that go with them. */
class Rows {
  readonly rows: OutputValue[][] = [];
  readonly bold: number[] = [];
  readonly merges: { row: number; firstColumn: number; lastColumn: number }[] = [];
  readonly formats: { row: number; column: number; format: string }[] = [];
  readonly looks: { row: number; look: CellLook }[] = [];
  readonly heights: { row: number; points: number }[] = [];
  /** Estimated printed lines since the block began. */
  lines = 0;

  /** Adds a row; text in a number column gets the text format, a record's points their own. */
  add(cells: OutputValue[], opts: { bold?: boolean; record?: boolean; look?: CellLook } = {}): number {
    const row = this.rows.length;
    const line = Array.from({ length: WIDTH }, (_, c) => cells[c] ?? null);
    line.forEach((v, c) => {
      if (typeof v === "string" && (c === MAX || c === POINTS))
        this.formats.push({ row, column: c, format: TEXT });
      if (typeof v === "number" && opts.record) this.formats.push({ row, column: c, format: EXACT_FORMAT });
    });
    this.rows.push(line);
    if (opts.bold) this.bold.push(row);
    if (opts.look) this.looks.push({ row, look: opts.look });
    const lines = linesOf(line, opts.look?.size === TITLE_SIZE);
    this.lines += lines;
    if (lines > 1) this.heights.push({ row, points: lines * LINE_POINTS });
    return row;
  }

  blank(): void {
    this.add([]);
  }
}

const num = (e: Exact): number => e.toNumber();

/** Each community's bonus records by kind, in sheet order (details come grouped by rule, not by row). */
function recordsByCommunity(details: readonly RecordScore[]): Map<string, Map<BonusSource, RecordScore[]>> {
  const out = new Map<string, Map<BonusSource, RecordScore[]>>();
  for (const d of details) {
    if (!KINDS.some((k) => k.source === d.source)) continue;
    let byKind = out.get(d.community);
    if (!byKind) out.set(d.community, (byKind = new Map()));
    const list = byKind.get(d.source as BonusSource);
    if (list) list.push(d);
    else byKind.set(d.source as BonusSource, [d]);
  }
  for (const byKind of out.values()) for (const list of byKind.values()) list.sort((a, b) => a.row - b.row);
  return out;
}

/** The reason of a record in the locale's words, as 计分明细 gives it. */
function reasonText(d: RecordScore, locale: Locale): string {
  return d.reasons.map((r) => say(r.text, locale)).join(locale === "en-US" ? "; " : "；");
}

function block(
  out: Rows,
  c: CommunityResult,
  records: Map<BonusSource, RecordScore[]> | undefined,
  note: Msg | null,
  machine: string,
  result: AssessmentResult,
  ctx: ReportContext
): void {
  const L = ctx.locale;
  const t = (m: Msg) => say(m, L);
  out.lines = 0;
  const title = out.add([statementTitle(ctx.rules.year, L)], {
    bold: true,
    look: { size: TITLE_SIZE, center: true },
  });
  out.merges.push({ row: title, firstColumn: ITEM, lastColumn: REASON });
  const who =
    L === "en-US" ? [`Community: ${c.name}`, `Type: ${c.type}`] : [`社区：${c.name}`, `类型：${c.type}`];
  if (c.code) who.push(L === "en-US" ? `Code: ${c.code}` : `编号：${c.code}`);
  out.add([who.join(L === "en-US" ? "    " : GAP.repeat(2))]);
  out.blank();

  out.add([t(W.target), t(W.max), t(W.score)], { bold: true });
  for (const k of CATEGORIES)
    out.add([t(CATEGORY_NAMES[k]), num(ctx.rules.categoryMax[k]), num(c.categories[k])]);
  const maxTotal = sum(CATEGORIES.map((k) => ctx.rules.categoryMax[k]));
  out.add([t(W.targetTotal), num(maxTotal), num(c.target)], { bold: true });
  out.blank();

  out.add([t(W.rewards), null, t(W.points), t(W.reason)], { bold: true });
  for (const kind of KINDS) {
    const label = L === "en-US" ? `${t(kind.name)} ${t(W.subtotal)}` : `${t(kind.name)}${t(W.subtotal)}`;
    out.add([label, null, num(kind.of(c))], { bold: true });
    for (const d of records?.get(kind.source) ?? [])
      out.add([d.label, null, num(d.points), reasonText(d, L)], { record: true });
  }
  out.add([t(W.rewardsTotal), null, num(c.rewards)], { bold: true });
  out.blank();

  out.add([t(W.result)], { bold: true });
  out.add([t(W.total), null, num(c.total), t(W.totalIs)], { bold: true });
  const rate = `${pts(ctx.rules.conversionRate.mul(Exact.int(100)))}%`;
  out.add([t(W.converted), null, num(c.converted), `${t(W.total)} × ${rate}`]);
  out.add([t(W.rank), null, rankText(c.rank, result.communities.length, L)]);
  // Same 2-decimal total as a neighbour yet ranked apart: the exact values say why.
  if (note) out.add([t(W.order), null, null, say(note, L)]);
  out.add([t(W.status), null, statusText(c, L)]);
  // 规则 §8: exact; 0 for the advanced and those tied at the cut; blank for 村改居.
  out.add([t(W.gap), null, c.eligible && c.gapToCut !== null ? num(c.gapToCut) : null]);
  if (result.hasMoney)
    out.add([t(W.money), null, c.moneyCents === undefined ? null : centsToYuan(c.moneyCents)]);
  out.blank();
  // The signature block (6 lines) at the foot of the page when the block leaves room for it.
  while (out.lines + 6 < PAGE_LINES) out.blank();
  out.add([`${t(W.signGroup)}${LINE}`]);
  out.blank();
  out.add([`${t(W.signHead)}${LINE}`]);
  out.blank();
  out.add([
    L === "en-US"
      ? `${t(W.date)}${LINE}`
      : `${t(W.date)}${GAP.repeat(4)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`,
  ]);
  out.add([machine], { look: MACHINE_LOOK });
}

/** The small grey line that ends a block: made by this product, when, from which data. */
function machineLine(ctx: ReportContext): string {
  const fp = ctx.fingerprint ?? fingerprint(ctx.input, ctx.rules);
  return ctx.locale === "en-US"
    ? `Made by 社区考核助手 ${localTime(ctx.now)} · data fingerprint ${fp}`
    : `社区考核助手生成于 ${localTime(ctx.now)} · 数据指纹 ${fp}`;
}

/** Widest text of a column over the rows, within [floor, cap]. */
function widthOf(
  rows: readonly OutputValue[][],
  column: number,
  floor: number,
  cap: number,
  skip: Set<number>
): number {
  let w = floor;
  rows.forEach((r, i) => {
    const v = r[column];
    if (!skip.has(i) && typeof v === "string") w = Math.max(w, displayWidth(v) + 2);
  });
  return Math.min(cap, w);
}

/**
 * 成绩单 as a generated sheet: the header line (A1: marker, time, fingerprint, settings), then one
 * block per community in rank order — or only those named in `only` (the CLI's --community).
 */
export function statementsSheet(
  result: AssessmentResult,
  ctx: ReportContext,
  only?: ReadonlySet<string>
): OutputSheet {
  const out = new Rows();
  out.add([headerLine("statements", ctx)], { look: MACHINE_LOOK });
  const machine = machineLine(ctx);
  const records = recordsByCommunity(result.details);
  const notes = exactOrderNotes(result);
  const breaks: number[] = [];
  const titles = new Set<number>();
  result.communities.forEach((c, i) => {
    if (only && !only.has(c.name)) return;
    if (out.rows.length > 1) breaks.push(out.rows.length - 1);
    titles.add(out.rows.length);
    block(out, c, records.get(c.name), notes[i], machine, result, ctx);
  });
  // The signature lines and the header line overflow into the empty cells beside them: not measured.
  const long = new Set(out.rows.map((r, i) => (r[MAX] === null && r[POINTS] === null ? i : -1)));
  const columns = SHEETS.statements.columns;
  const widths = [
    widthOf(out.rows, ITEM, Math.min(columns[ITEM].width, ITEM_WIDTH_MAX), ITEM_WIDTH_MAX, long),
    MAX_WIDTH,
    POINTS_WIDTH,
    REASON_WIDTH,
  ];
  const firstTitle = titles.size > 0 ? Math.min(...titles) : 0;
  return {
    key: "statements",
    name: ctx.names.statements ?? SHEETS.statements.zh,
    rows: fitRows(out.rows),
    // The first block's title stands where other sheets have their column headers (bold, text).
    headerRow: firstTitle,
    numberFormats: [TEXT, OFFICIAL_FORMAT, OFFICIAL_FORMAT, TEXT],
    widths,
    highlight: [],
    freezeRows: 0,
    // Each block carries its own title: no row repeats on every page.
    print: printSetup("statements", {
      year: ctx.rules.year,
      locale: ctx.locale,
      headerRow: null,
      breaksAfter: breaks,
      // A1's machine line is for the stale check, not for the signed page.
      printRows: { first: 1, last: Math.max(1, out.rows.length - 1) },
      centered: true,
    }),
    boldRows: out.bold,
    merges: out.merges,
    cellFormats: out.formats,
    // The reason wraps, a little off the points beside it; a row of a wrapped reason centres the rest.
    columnLooks: [
      { column: ITEM, look: { middle: true } },
      { column: MAX, look: { middle: true } },
      { column: POINTS, look: { middle: true } },
      { column: REASON, look: { wrap: true, indent: 1, middle: true } },
    ],
    rowLooks: out.looks,
    rowHeights: out.heights,
  };
}
