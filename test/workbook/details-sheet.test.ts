import fc from "fast-check";
import { assess, defaultRules, Exact } from "../../src/scoring";
import { detailsSheet, ReportContext } from "../../src/workbook/report";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { OutputSheet } from "../../src/workbook/types";
import { article, inputArb, simpleInput } from "../scoring/fixtures";
import { sampleGrids } from "./helpers";

/**
 * 规则 §8 计分明细 grouped by community in rank order, a 小计 row each: the rule in
 * src/workbook/details-sheet.ts — a subtotal is the exact sum of the community's rows above it,
 * which is its 综合得分 on 排名; 人员 rows come after, under a heading, summed nowhere.
 */

const NOW = new Date(2025, 0, 15, 9, 30);
const COL = { sheet: 0, row: 1, community: 2, item: 3, points: 4, reason: 5 };

function ctxOf(input: ReportContext["input"]): ReportContext {
  return { now: NOW, locale: "zh-CN", input, rules: defaultRules(), sheetNames: {}, names: {} };
}

/** The groups of the sheet: each community's record rows and its subtotal row. */
function groups(s: OutputSheet) {
  const body = s.rows.slice(s.headerRow + 1);
  const out: { community: string; rows: typeof body; subtotal: (typeof body)[number]; at: number }[] = [];
  let run: typeof body = [];
  body.forEach((r, i) => {
    if (r[COL.sheet] === "小计") {
      out.push({ community: String(r[COL.community]), rows: run, subtotal: r, at: i + s.headerRow + 1 });
      run = [];
    } else run.push(r);
  });
  return { groups: out, after: run };
}

describe("规则 §8 计分明细 — grouped by community with subtotals", () => {
  test("property: each subtotal is the exact sum of its group and equals the engine's total; groups in rank order; staff after, not summed", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const result = assess(input, defaultRules());
        const s = detailsSheet(result, ctxOf(input));
        const { groups: gs, after } = groups(s);
        expect(gs.map((g) => g.community)).toEqual(result.communities.map((c) => c.name));
        gs.forEach((g, i) => {
          const c = result.communities[i];
          expect(g.rows.every((r) => r[COL.community] === c.name)).toBe(true);
          // The engine's own detail points of this community, summed exactly.
          const exact = result.details
            .filter((d) => d.community === c.name)
            .reduce((a, d) => a.add(d.points), Exact.ZERO);
          expect(exact.eq(c.total)).toBe(true);
          expect(g.subtotal[COL.points]).toBe(c.total.toNumber());
          expect(g.rows).toHaveLength(result.details.filter((d) => d.community === c.name).length);
          expect(s.boldRows).toContain(g.at);
        });
        // The staff: one heading row (bold), then one row per person.
        if (input.staff.length > 0) {
          expect(String(after[0][COL.item])).toContain("不计入任何社区的得分");
          expect(after.slice(1)).toHaveLength(input.staff.length);
        } else expect(after).toHaveLength(0);
      }),
      { numRuns: 80 }
    );
  });

  test("the sample: each 小计 equals the community's 综合得分 on 排名, bold; points shown as 0.00##", () => {
    const out = rankWorkbook(sampleGrids(), { now: NOW });
    const ranking = out.sheets[0];
    const details = out.sheets[2];
    const header = ranking.rows[ranking.headerRow];
    const total = header.indexOf("综合得分");
    const name = header.indexOf("社区");
    const onRanking = new Map(
      ranking.rows.slice(2).flatMap((r) => (typeof r[0] === "number" ? [[r[name], r[total]] as const] : []))
    );
    const { groups: gs } = groups(details);
    expect(gs).toHaveLength(12);
    for (const g of gs) expect(g.subtotal[COL.points]).toBe(onRanking.get(g.community));
    expect(details.numberFormats[COL.points]).toBe("0.00##");
    expect(details.print?.orientation).toBe("portrait");
    expect(details.autoFilter).toEqual({ firstRow: 1, lastRow: details.rows.length - 1 });
  });

  test("a joint article's share is stored exactly (0.2 ÷ 3), three of them make the subtotal's 0.2; no community, no subtotal row", () => {
    const input = simpleInput({ 甲: 80, 乙: 70, 丙: 60 });
    input.publicity = [article({ row: 2, communities: ["甲", "乙", "丙"], level: "town" })];
    const s = detailsSheet(assess(input, defaultRules()), ctxOf(input));
    const shares = s.rows.filter((r) => r[COL.item] === "报道2");
    expect(shares).toHaveLength(3);
    for (const r of shares) expect(r[COL.points]).toBe(Exact.fromNumber(0.2).div(Exact.int(3)).toNumber());
    expect(String(shares[0][COL.reason])).toContain("0.2 ÷ 3 ≈ 0.0667");
    const first = groups(s).groups[0];
    expect(first.subtotal[COL.points]).toBeCloseTo(80.0666666667, 9);
    const none = detailsSheet(assess(simpleInput({}), defaultRules()), ctxOf(simpleInput({})));
    expect(none.rows).toHaveLength(2);
  });
});
