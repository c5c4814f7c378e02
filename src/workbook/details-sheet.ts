import {
  AssessmentResult,
  DecisionRecord,
  Exact,
  IndividualResult,
  msg,
  officialFigure,
  RecordScore,
  RecordSource,
  say,
} from "../scoring";
import { decidedLabel } from "./marks";
import type { ReportContext } from "./report";
import { INPUT_SHEETS, SHEETS } from "./schema";
import { OutputValue } from "./types";

/**
 * 计分明细 (规则 §6, §8): every input record with the points it earned and the reason, grouped by
 * community in rank order, so a reviewer checks one community's figures on one run of rows.
 *
 * The rule of a subtotal (小计) row: the exact sum of the points of the community's rows above it
 * — its 目标管理 row (the six categories' sum) and every bonus record naming it (荣誉, 基础宣传,
 * 宣传报道 shares, 重要贡献, counted or not: a record that does not count shows 0 and its reason).
 * The engine totals each part from these very rows (caps and "same kind once" are already in
 * their points), so the subtotal is the community's 综合得分 on 排名 = 目标管理得分 + 单项奖励; the
 * row says so. test/workbook/details-sheet.test.ts holds it to the engine's totals on random inputs.
 *
 * 人员 rows (each person's 个人考核得分) are no part of any community's total: they come after the
 * communities, under a heading row that says they are not summed.
 * A record's points show as exact as stored (`0.00##`: a third of 0.2 is 0.0667, not 0.07); a
 * subtotal is the community's 综合得分 and shows its official figure (2 decimals, as on 排名).
 */

/** Records of the same community in the order the schema lists the input sheets, then by row. */
const SOURCE_ORDER: readonly RecordSource[] = INPUT_SHEETS.filter((k): k is RecordSource => k !== "workplan");
const SOURCE_RANK = new Map<RecordSource, number>(SOURCE_ORDER.map((s, i) => [s, i]));

export interface DetailsBody {
  /** Rows below the column headers. */
  count: number;
  /** The rows, made one by one as the writer asks (a million staff rows never exist whole). */
  rows(): Iterable<OutputValue[]>;
  /** Indices within the body of the subtotal rows and the staff heading (bold). */
  bold: number[];
  /** Indices within the body of the subtotal rows (a community's own figure). */
  subtotals: number[];
}

interface DecidedPlace {
  decided: DecisionRecord;
  community: string;
  item: string;
}

/** The places a 考核组决定 settled (规则 §10), in the order of the decisions' rows. */
function decidedPlaces(result: AssessmentResult): DecidedPlace[] {
  const out: DecidedPlace[] = [];
  for (const c of result.communities)
    if (c.decided !== undefined) out.push({ decided: c.decided, community: c.name, item: c.name });
  for (const p of result.individuals)
    if (p.decided !== undefined) out.push({ decided: p.decided, community: p.community, item: p.name });
  return out.sort((a, b) => a.decided.row - b.decided.row);
}

/** Staff in the order of their rows; a counting sort, since each person has a row of their own. */
function byRow(staff: readonly IndividualResult[]): IndividualResult[] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of staff) {
    if (p.row < min) min = p.row;
    if (p.row > max) max = p.row;
  }
  const span = max - min + 1;
  if (
    staff.length > 0 &&
    Number.isSafeInteger(min) &&
    Number.isSafeInteger(max) &&
    span <= 4 * staff.length + 1024
  ) {
    const slot = new Int32Array(span).fill(-1);
    let distinct = true;
    for (let i = 0; i < staff.length && distinct; i++) {
      const at = staff[i].row - min;
      if (slot[at] >= 0) distinct = false;
      else slot[at] = i;
    }
    if (distinct) {
      const out: IndividualResult[] = [];
      for (let at = 0; at < span; at++) if (slot[at] >= 0) out.push(staff[slot[at]]);
      return out;
    }
  }
  return [...staff].sort((a, b) => a.row - b.row);
}

export function detailsBody(result: AssessmentResult, ctx: ReportContext): DetailsBody {
  const columns = SHEETS.details.columns;
  // Nothing below refers to ctx: the rows are made later, and its input (every record) need not outlive the build.
  const locale = ctx.locale;
  const sheetNames = ctx.sheetNames;
  const sheetName = (s: RecordSource) => sheetNames[s] ?? SHEETS[s].zh;
  const sep = locale === "en-US" ? "; " : "；";
  // Column positions, once: a row is an array in the schema's column order.
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  const SHEET = at("sheet");
  const ROW = at("row");
  const COMMUNITY = at("community");
  const ITEM = at("item");
  const POINTS = at("points");
  const REASON = at("reason");
  const inSchemaOrder =
    columns.length === 6 && [SHEET, ROW, COMMUNITY, ITEM, POINTS, REASON].every((c, i) => c === i);
  const line = (
    sheet: OutputValue,
    row: OutputValue,
    community: OutputValue,
    item: OutputValue,
    points: OutputValue,
    reason: OutputValue
  ): OutputValue[] => {
    // The schema's own order: one array literal (most rows of the sheet go through here).
    if (inSchemaOrder)
      return [sheet ?? null, row ?? null, community ?? null, item ?? null, points ?? null, reason ?? null];
    const out = new Array<OutputValue>(columns.length).fill(null);
    if (SHEET >= 0) out[SHEET] = sheet ?? null;
    if (ROW >= 0) out[ROW] = row ?? null;
    if (COMMUNITY >= 0) out[COMMUNITY] = community ?? null;
    if (ITEM >= 0) out[ITEM] = item ?? null;
    if (POINTS >= 0) out[POINTS] = points ?? null;
    if (REASON >= 0) out[REASON] = reason ?? null;
    return out;
  };
  const names = new Map<RecordSource, string>(SOURCE_ORDER.map((s) => [s, sheetName(s)]));
  const recordLine = (d: RecordScore) =>
    line(
      names.get(d.source) ?? sheetName(d.source),
      d.row,
      d.community,
      d.label,
      d.points.toNumber(),
      d.reasons.length === 1
        ? say(d.reasons[0].text, locale)
        : d.reasons.map((r) => say(r.text, locale)).join(sep)
    );

  // 规则 §10: a decided place's row says what was decided, why and on what basis.
  const decisionLine = (p: DecidedPlace) => {
    const d = p.decided;
    const why = [
      say(decidedLabel(d.advanced), locale),
      d.reason,
      d.basis === undefined ? undefined : say(msg(`依据：${d.basis}`, `basis: ${d.basis}`), locale),
    ].filter((x) => x !== undefined);
    return line(sheetName("decisions"), d.row, p.community, p.item, null, why.join(sep));
  };

  const byCommunity = new Map<string, RecordScore[]>();
  for (const d of result.details) {
    const list = byCommunity.get(d.community);
    if (list) list.push(d);
    else byCommunity.set(d.community, [d]);
  }
  const rank = (s: RecordSource) => SOURCE_RANK.get(s) ?? -1;
  const order = (a: RecordScore, b: RecordScore) =>
    a.source === b.source ? a.row - b.row : rank(a.source) - rank(b.source) || a.row - b.row;
  // The engine lists records sheet by sheet, row by row: a list in order is taken as it is (a stable sort would not move it).
  const inOrder = (list: RecordScore[]) => {
    for (let i = 1; i < list.length; i++) if (order(list[i - 1], list[i]) > 0) return [...list].sort(order);
    return list;
  };

  // The layout first (how many rows, which are bold), the rows when asked.
  // A community's records go under its first line of the ranking (a name twice gets an empty subtotal).
  const ranked = new Set<string>();
  let count = 0;
  const bold: number[] = [];
  for (const c of result.communities) {
    if (!ranked.has(c.name)) count += byCommunity.get(c.name)?.length ?? 0;
    ranked.add(c.name);
    bold.push(count++);
  }
  const subtotals = [...bold];
  for (const [name, rows] of byCommunity) if (!ranked.has(name)) count += rows.length;
  const decisions = ctx.input.decisions === undefined ? [] : decidedPlaces(result);
  if (decisions.length > 0) bold.push(count++);
  count += decisions.length;
  const staff = result.individuals.length;
  if (staff > 0) bold.push(count++);
  count += staff;

  const subtotal = say(msg("小计", "Subtotal"), locale);
  const sumWords = say(msg("以上各行之和", "Sum of the rows above"), locale);
  // The heading above the staff says these rows are summed nowhere; each row keeps the short reason.
  const staffReason = say(
    msg(
      "个人考核得分，先进个人按此排名",
      "Individual assessment score; advanced individuals are ranked by it"
    ),
    locale
  );

  function* rows(): Iterable<OutputValue[]> {
    const done = new Set<string>();
    for (const c of result.communities) {
      const list = done.has(c.name) ? [] : inOrder(byCommunity.get(c.name) ?? []);
      done.add(c.name);
      let sum = Exact.ZERO;
      for (const d of list) {
        sum = sum.add(d.points);
        yield recordLine(d);
      }
      yield line(
        subtotal,
        null,
        c.name,
        sumWords,
        sum.toNumber(),
        // Short: 5,000 communities mean 5,000 of these rows (and Office.js reads them back in pages).
        say(
          msg(
            `综合得分 = 目标管理 ${officialFigure(c.target)} + 单项奖励 ${officialFigure(c.rewards)}`,
            `Total = target ${officialFigure(c.target)} + rewards ${officialFigure(c.rewards)}`
          ),
          locale
        )
      );
    }
    // Records naming no ranked community (none once the input is valid): listed, never summed.
    for (const [name, list] of byCommunity)
      if (!done.has(name)) for (const d of inOrder(list)) yield recordLine(d);
    if (decisions.length > 0) {
      yield line(
        sheetName("decisions"),
        null,
        null,
        say(
          msg("考核组决定（以下各行不计入任何得分）", "The group's decisions (not part of any total)"),
          locale
        ),
        null,
        null
      );
      for (const p of decisions) yield decisionLine(p);
    }
    if (staff > 0) {
      yield line(
        sheetName("staff"),
        null,
        null,
        say(
          msg(
            "个人考核得分（以下各行不计入任何社区的得分）",
            "Individual scores (not part of any community's total)"
          ),
          locale
        ),
        null,
        null
      );
      for (const p of byRow(result.individuals))
        yield line(sheetName("staff"), p.row, p.community, p.name, p.score.toNumber(), staffReason);
    }
  }
  return { count, rows, bold, subtotals };
}
