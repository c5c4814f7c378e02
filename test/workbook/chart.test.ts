import { CHART_MAX_BARS, rankingChart } from "../../src/workbook/report";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { column, SHEETS } from "../../src/workbook/schema";
import { say } from "../../src/scoring";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { addRow, sampleGrids } from "./helpers";

const NOW = new Date(2024, 11, 31, 9, 30);

/** The sample with `extra` more communities, each with a target score, so all are ranked. */
function withCommunities(extra: number): WorkbookGrids {
  const g = sampleGrids();
  for (let i = 0; i < extra; i++) {
    const name = `新增${String(i + 1).padStart(2, "0")}社区`;
    addRow(g, "社区", { 社区: name, 类型: "社区" });
    addRow(g, "目标管理", { 社区: name, 社区基础: 10 + (i % 7), 社区服务: 10, 社区文化: 8 });
  }
  return g;
}

function ranking(grids: WorkbookGrids, locale: "zh-CN" | "en-US" = "zh-CN"): OutputSheet {
  const out = rankWorkbook(grids, { now: NOW, locale });
  const s = out.sheets.find((x) => x.key === "ranking");
  if (!s) throw new Error("no ranking");
  return s;
}

describe("规则 §8 Chart — 排名 carries a bar chart of 综合得分 by community, one model for every writer", () => {
  test("the sample: every ranked community, names and totals from their columns, titled with the column's header", () => {
    const s = ranking(sampleGrids());
    const chart = s.chart;
    if (!chart) throw new Error("no chart");
    const header = s.rows[s.headerRow];
    expect(header[chart.categoryColumn]).toBe("社区");
    expect(header[chart.valueColumn]).toBe("综合得分");
    expect(chart.title).toBe("综合得分");
    expect(chart.firstRow).toBe(s.headerRow + 1);
    // The last ranked row (the 规则 §8 legend follows the table, uncharted).
    expect(chart.lastRow).toBe(s.autoFilter?.lastRow);
    expect(chart.lastRow - chart.firstRow + 1).toBe(12);
    // Placed to the right of the table with a blank column between, below the header, not over it.
    const width = header.length;
    expect(chart.from).toEqual({ row: s.headerRow + 1, column: width + 1 });
    expect(chart.to.column).toBeGreaterThan(chart.from.column);
    expect(chart.to.row).toBeGreaterThanOrEqual(chart.from.row + 12);
  });

  test("in English the title is the English header", () => {
    const s = ranking(sampleGrids(), "en-US");
    expect(s.chart?.title).toBe(say(column("ranking", "total"), "en-US"));
    expect(s.rows[s.headerRow][s.chart?.valueColumn ?? -1]).toBe(s.chart?.title);
  });

  test(`more communities than ${CHART_MAX_BARS}: the top ${CHART_MAX_BARS} only, in rank order`, () => {
    const s = ranking(withCommunities(CHART_MAX_BARS));
    const chart = s.chart;
    if (!chart) throw new Error("no chart");
    expect((s.autoFilter?.lastRow ?? 0) - s.headerRow).toBe(12 + CHART_MAX_BARS);
    expect(chart.lastRow - chart.firstRow + 1).toBe(CHART_MAX_BARS);
    expect(chart.firstRow).toBe(s.headerRow + 1);
    expect(s.rows[chart.firstRow][0]).toBe(1);
    // Tall enough for its bars.
    expect(chart.to.row - chart.from.row).toBeGreaterThanOrEqual(CHART_MAX_BARS);
  });

  test(`exactly ${CHART_MAX_BARS} communities: all of them`, () => {
    const s = ranking(withCommunities(CHART_MAX_BARS - 12));
    expect((s.chart?.lastRow ?? 0) - (s.chart?.firstRow ?? 0) + 1).toBe(CHART_MAX_BARS);
    expect(s.chart?.lastRow).toBe(s.autoFilter?.lastRow);
  });

  test("one ranked community: one bar; none ranked: no chart", () => {
    const s = ranking(sampleGrids());
    const columns = SHEETS.ranking.columns.filter((c) => s.rows[s.headerRow].includes(c.zh));
    expect(columns).toHaveLength(s.rows[s.headerRow].length);
    const one = rankingChart(s, columns, 1, "zh-CN");
    expect(one?.lastRow).toBe(one?.firstRow);
    expect(rankingChart(s, columns, 0, "zh-CN")).toBeUndefined();
  });

  test("only 排名 has a chart", () => {
    const out = rankWorkbook(sampleGrids(), { now: NOW });
    expect(out.sheets.filter((x) => x.chart).map((x) => x.key)).toEqual(["ranking"]);
  });
});
