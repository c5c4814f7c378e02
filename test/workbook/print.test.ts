import {
  assessmentYear,
  escapeHeaderText,
  pageFooter,
  pageTitle,
  printSetup,
} from "../../src/workbook/print";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { summarizeWorkplan, workplanSummarySheet } from "../../src/workplan";
import { rowWhere, sampleGrids, setCell } from "./helpers";

/** 规则 §8 Print as data: what every generated sheet asks the writers for. */

const NOW = new Date(2025, 0, 15, 9, 30);

describe("规则 §8 Print — the page setup of each generated sheet", () => {
  test("排名 and 先进个人 landscape; 计分明细, 校验结果 and 工作要点汇总 portrait; all one page wide, header row repeated", () => {
    const out = rankWorkbook(sampleGrids(), { now: NOW });
    const byKey = Object.fromEntries(out.sheets.map((s) => [s.key, s]));
    expect(byKey.ranking.print?.orientation).toBe("landscape");
    expect(byKey.individuals.print?.orientation).toBe("landscape");
    expect(byKey.details.print?.orientation).toBe("portrait");
    expect(byKey.issues.print?.orientation).toBe("portrait");
    // 成绩单 prints block by block (its own titles, a break after each): no repeated row, no filter.
    expect(byKey.statements.print).toMatchObject({
      orientation: "portrait",
      onePageWide: true,
      header: "2024年度 成绩单",
    });
    expect(byKey.statements.print?.repeatRows).toBeUndefined();
    for (const s of out.sheets.filter((x) => x.key !== "statements")) {
      expect(s.print?.onePageWide).toBe(true);
      expect(s.print?.repeatRows).toEqual({ first: s.headerRow, last: s.headerRow });
      expect(s.print?.footer).toBe("第 &P 页，共 &N 页");
      expect(s.autoFilter?.firstRow).toBe(s.headerRow);
    }
    expect(byKey.ranking.print?.header).toBe("2024年度 排名");
    const summary = workplanSummarySheet(summarizeWorkplan([], "2025-01-15"), { now: NOW, year: 2024 });
    expect(summary.print).toMatchObject({
      orientation: "portrait",
      onePageWide: true,
      header: "2024年度 工作要点汇总",
    });
  });

  test("the header: year and title; the title alone without a year; en-US words; `&` in text doubled", () => {
    expect(pageTitle("details", 2025, "zh-CN")).toBe("2025年度 计分明细");
    expect(pageTitle("details", null, "zh-CN")).toBe("计分明细");
    expect(pageTitle("ranking", 2025, "en-US")).toBe("2025 Ranking");
    expect(pageFooter("en-US")).toBe("Page &P of &N");
    expect(escapeHeaderText("R&D 科 & 宣")).toBe("R&&D 科 && 宣");
    expect(escapeHeaderText("&&")).toBe("&&&&");
    expect(escapeHeaderText("无")).toBe("无");
    const g = sampleGrids();
    expect(assessmentYear(g)).toBe(2024);
    setCell(g, "设置", rowWhere(g, "设置", "项目", "考核年度"), "值", null);
    expect(assessmentYear(g)).toBeNull();
    expect(rankWorkbook(g, { now: NOW }).sheets[0].print?.header).toBe("排名");
  });

  test("page breaks only where asked; en-US ranking in English", () => {
    expect(printSetup("details", { year: null, locale: "zh-CN", headerRow: 1 }).breaksAfter).toBeUndefined();
    expect(
      printSetup("details", { year: null, locale: "zh-CN", headerRow: 1, breaksAfter: [5, 9] }).breaksAfter
    ).toEqual([5, 9]);
    const en = rankWorkbook(sampleGrids(), { now: NOW, locale: "en-US" });
    expect(en.sheets[0].print).toMatchObject({ header: "2024 Ranking", footer: "Page &P of &N" });
  });
});

describe("规则 §8 marks — a legend below 排名 and 先进个人", () => {
  test("a blank row, then 先进 / 并列待定 / 村改居不参评 each filled with its colour; the filter stops above it", () => {
    const out = rankWorkbook(sampleGrids(), { now: NOW });
    for (const s of out.sheets.slice(0, 2)) {
      const last = s.autoFilter?.lastRow ?? -1;
      expect(s.rows[last + 1].every((v) => v === null)).toBe(true);
      const legend = s.rows.slice(last + 2);
      expect(legend.map((r) => r[1])).toEqual(["先进", "并列待定", "村改居不参评"]);
      expect(legend[0][0]).toBe("图例");
      expect(legend.every((r) => typeof r[0] !== "number")).toBe(true);
      expect((s.cellFills ?? []).map((f) => [f.row, f.column, f.color])).toEqual([
        [last + 2, 1, "#C6EFCE"],
        [last + 3, 1, "#FFEB9C"],
        [last + 4, 1, "#D9D9D9"],
      ]);
      expect(s.highlight.every((h) => h.row <= last)).toBe(true);
    }
    const en = rankWorkbook(sampleGrids(), { now: NOW, locale: "en-US" }).sheets[0];
    expect(en.rows.slice(-3).map((r) => r[1])).toEqual([
      "Advanced",
      "Tie — needs a decision",
      "村改居: not eligible",
    ]);
  });
});
