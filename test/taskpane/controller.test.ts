import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx } from "../xlsx/exceljs-io";
import { localDate } from "../../src/workbook/local-time";
import {
  countIssues,
  groupIssues,
  planRank,
  rankBuild,
  settingsView,
  validate,
  workplanView,
  writeWorkplanSummary,
} from "../../src/taskpane/controller";
import { msg } from "../../src/scoring";
import { Issue } from "../../src/workbook/types";

const NOW = new Date(2025, 0, 15, 9, 30);

async function workbookWithErrors(): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  };
  add("社区", [
    ["社区", "类型"],
    ["东门社区", "社区"],
    ["西城社区", "社区"],
  ]);
  add("目标管理", [
    ["社区", "社区基础", "社区服务", "社区文化", "社区环境卫生", "一居一品", "行政事务"],
    ["东门社区", 18, 18, 13, 13, 14, 13],
    ["西城社区", 25, 17, 12, 12, 12, 12],
  ]);
  add("荣誉", [
    ["社区", "荣誉名称", "荣誉类别", "级别", "条线表彰", "发文单位", "文号", "考核组认可"],
    ["东门社区", "文明社区", "", "国际级", "否", "市文明办", "1号", "是"],
  ]);
  return XlsxHost.ofBytes(await saveXlsx(wb), "errors.xlsx");
}

describe("issues", () => {
  test("grouped by sheet in the schema's order, errors first, with counts", () => {
    const issue = (severity: Issue["severity"], sheet: string, row?: number): Issue => ({
      severity,
      sheet,
      row,
      message: msg("x", "x"),
    });
    const groups = groupIssues([
      issue("warning", "荣誉", 3),
      issue("error", "社区", 5),
      issue("error", "荣誉", 9),
      issue("warning", "我的表"),
      issue("warning", "社区", 2),
    ]);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
      ["社区", 1, 1],
      ["荣誉", 1, 1],
      ["我的表", 0, 1],
    ]);
    expect(groups[1].issues.map((i) => i.row)).toEqual([9, 3]);
  });

  test("validation of a workbook with mistakes locates each at its cell", async () => {
    const { issues } = await validate(await workbookWithErrors());
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => `${i.sheet}!${i.cell}`)).toEqual(
      expect.arrayContaining(["荣誉!D2", "目标管理!B3"])
    );
    expect(countIssues(issues).errors).toBe(errors.length);
  });

  test("rank refuses with the errors and writes nothing", async () => {
    const host = await workbookWithErrors();
    const before = (await host.read()).sheets.map((s) => s.name);
    const { plan, report } = await rankBuild(host, { now: NOW });
    expect(plan.ok).toBe(false);
    expect(report).toBeNull();
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(before);
  });
});

describe("settings in force", () => {
  test("each rule shows its value, its default and where it comes from", async () => {
    const host = XlsxHost.withSample();
    const view = settingsView((await host.read()).grids);
    expect(view.sheetName).toBe("设置");
    const pool = view.rows.find((r) => r.id === "bonusPool");
    expect(pool).toMatchObject({ value: 120000, defaultValue: null });
    expect(pool?.sheetRow).toBeGreaterThan(1);
    const rate = view.rows.find((r) => r.id === "conversionRate");
    expect(rate?.value).toBe(0.2);
    expect(view.rows.filter((r) => r.interpretation).length).toBeGreaterThan(0);
  });

  test("without a 设置 sheet every rule is the default", () => {
    const view = settingsView([]);
    expect(view.sheetName).toBeNull();
    expect(view.rows.every((r) => r.sheetRow === null && r.value === r.defaultValue)).toBe(true);
  });
});

describe("work plan", () => {
  test("the summary of the sample's 工作要点 and the generated summary sheet", async () => {
    const host = XlsxHost.withSample();
    const view = workplanView((await host.read()).grids, "2025-01-15");
    expect(view.summary?.total).toBe(21);
    expect(view.summary?.sections).toHaveLength(6);
    const out = await writeWorkplanSummary(host, { now: NOW });
    expect(out.report?.written).toEqual(["工作要点汇总"]);
    const again = await writeWorkplanSummary(host, { now: NOW, confirm: async () => false });
    expect(again.cancelled).toBe(true);
  });

  test("no 工作要点 sheet: no summary, nothing written", async () => {
    const out = await writeWorkplanSummary(await workbookWithErrors(), { now: NOW });
    expect(out.view.summary).toBeNull();
    expect(out.report).toBeNull();
    expect(localDate(new Date(2025, 0, 5))).toBe("2025-01-05");
  });
});

test("planRank on the sample plans the five sheets and replaces nothing the first time", async () => {
  const plan = await planRank(XlsxHost.withSample(), { now: NOW, locale: "zh-CN" });
  expect(plan.ok).toBe(true);
  if (plan.ok) {
    expect(plan.outcome.sheets.map((s) => s.name)).toEqual([
      "排名",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    expect(plan.replace).toEqual([]);
    expect(plan.outcome.result?.communities).toHaveLength(12);
  }
});
