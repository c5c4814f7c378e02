import { AssessmentResult, Exact, exactText, msg, RecordScore, RecordSource, say } from "../scoring";
import type { ReportContext } from "./report";
import { INPUT_SHEETS, SHEETS } from "./schema";
import { OutputValue } from "./types";

/**
 * 计分明细 (SPEC §6, §8): every input record with the points it earned and the reason, grouped by
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
 * Points show as exact as stored (`0.00##`: a third of 0.2 is 0.0667, not 0.07).
 */

/** Records of the same community in the order the schema lists the input sheets, then by row. */
const SOURCE_ORDER: readonly RecordSource[] = INPUT_SHEETS.filter((k): k is RecordSource => k !== "workplan");

export interface DetailsBody {
  /** Rows below the column headers. */
  body: OutputValue[][];
  /** Indices within `body` of the subtotal rows and the staff heading (bold). */
  bold: number[];
}

export function detailsBody(result: AssessmentResult, ctx: ReportContext): DetailsBody {
  const columns = SHEETS.details.columns;
  const locale = ctx.locale;
  const sheetName = (s: RecordSource) => ctx.sheetNames[s] ?? SHEETS[s].zh;
  const sep = locale === "en-US" ? "; " : "；";
  const body: OutputValue[][] = [];
  const bold: number[] = [];
  const line = (values: Record<string, OutputValue>) => body.push(columns.map((c) => values[c.key] ?? null));
  const recordLine = (d: RecordScore) =>
    line({
      sheet: sheetName(d.source),
      row: d.row,
      community: d.community,
      item: d.label,
      points: d.points.toNumber(),
      reason: d.reasons.map((r) => say(r.text, locale)).join(sep),
    });

  const byCommunity = new Map<string, RecordScore[]>();
  for (const d of result.details) {
    const list = byCommunity.get(d.community);
    if (list) list.push(d);
    else byCommunity.set(d.community, [d]);
  }
  const inOrder = (list: RecordScore[]) =>
    [...list].sort(
      (a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || a.row - b.row
    );

  for (const c of result.communities) {
    const rows = inOrder(byCommunity.get(c.name) ?? []);
    byCommunity.delete(c.name);
    rows.forEach(recordLine);
    const sum = rows.reduce((a, d) => a.add(d.points), Exact.ZERO);
    bold.push(body.length);
    line({
      sheet: say(msg("小计", "Subtotal"), locale),
      community: c.name,
      item: say(msg("以上各行之和", "Sum of the rows above"), locale),
      points: sum.toNumber(),
      // Short: 5,000 communities mean 5,000 of these rows (and Office.js reads them back in pages).
      reason: say(
        msg(
          `综合得分 = 目标管理 ${exactText(c.target)} + 单项奖励 ${exactText(c.rewards)}`,
          `Total = target ${exactText(c.target)} + rewards ${exactText(c.rewards)}`
        ),
        locale
      ),
    });
  }
  // Records naming no ranked community (none once the input is valid): listed, never summed.
  for (const rows of byCommunity.values()) inOrder(rows).forEach(recordLine);

  if (result.individuals.length > 0) {
    bold.push(body.length);
    line({
      sheet: sheetName("staff"),
      item: say(
        msg(
          "个人考核得分（以下各行不计入任何社区的得分）",
          "Individual scores (not part of any community's total)"
        ),
        locale
      ),
    });
  }
  // The heading above says these rows are summed nowhere; each row keeps the short reason.
  const staffReason = say(
    msg(
      "个人考核得分，先进个人按此排名",
      "Individual assessment score; advanced individuals are ranked by it"
    ),
    locale
  );
  for (const p of [...result.individuals].sort((a, b) => a.row - b.row))
    line({
      sheet: sheetName("staff"),
      row: p.row,
      community: p.community,
      item: p.name,
      points: p.score.toNumber(),
      reason: staffReason,
    });
  return { body, bold };
}
