import { workplanTemplateRows } from "../../src/workplan";
import { gridsOfSheets, rankWorkbook, templateSheets, validateWorkbook } from "../../src/workbook/pipeline";
import { Issue, WorkbookGrids } from "../../src/workbook/types";
import { addRow, rowWhere, sampleGrids, tab } from "./helpers";

/**
 * 规则 §1 and §6, reading the inputs: nothing typed is lost and nothing is read silently as
 * something else — each doubtful cell or row gets a located issue.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

const errorsOf = (grids: WorkbookGrids): Issue[] =>
  validateWorkbook(grids).filter((i) => i.severity === "error");

describe("规则 §6 社区 is required: a workbook without a community is an error", () => {
  test("the empty template: one error at 社区 row 2, column 社区, saying how to fix it; nothing ranked", () => {
    const grids = gridsOfSheets(templateSheets(workplanTemplateRows()));
    const errors = errorsOf(grids);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: "社区", row: 2, column: "社区", cell: "A2" });
    expect(errors[0].message.zh).toContain("没有社区");
    expect(errors[0].message.zh).toContain("从第 2 行起");
    const ranked = rankWorkbook(grids, { now: NOW });
    expect(ranked.ok).toBe(false);
    expect(ranked.sheets).toHaveLength(0);
  });

  test("社区 with only its header, in a filled workbook: the same error", () => {
    const grids = sampleGrids();
    tab(grids, "社区").values.length = 1;
    const errors = errorsOf(grids).filter((i) => i.sheet === "社区");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: "社区" });
  });

  test("rows of 社区 that are in error say so themselves: no second error that 社区 is empty", () => {
    const grids = sampleGrids();
    const s = tab(grids, "社区");
    s.values.length = 1;
    addRow(grids, "社区", { 社区: "#N/A", 类型: "社区" });
    const errors = errorsOf(grids).filter((i) => i.sheet === "社区");
    expect(errors).toHaveLength(1);
    expect(errors[0].message.zh).toContain("#N/A");
  });
});

describe("规则 §1 a space inside a number makes it no number", () => {
  test.each(["9 1", "1 8"])(
    "个人考核得分 %p is a located 不是数字 error, never the number without its space",
    (typed) => {
      const grids = sampleGrids();
      const row = addRow(grids, "人员", { 姓名: "测试员", 社区: "东门社区", 个人考核得分: typed });
      const errors = errorsOf(grids).filter((i) => i.row === row);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ sheet: "人员", column: "个人考核得分", cell: `C${row}` });
      expect(errors[0].message.zh).toContain(`“${typed}”不是数字`);
    }
  );

  test("surrounding spaces and full-width digits are still read as the number", () => {
    const grids = sampleGrids();
    addRow(grids, "人员", { 姓名: "甲", 社区: "东门社区", 个人考核得分: " 91 " });
    addRow(grids, "人员", { 姓名: "乙", 社区: "东门社区", 个人考核得分: "\u3000９１\u3000" });
    expect(errorsOf(grids)).toHaveLength(0);
    const result = rankWorkbook(grids, { now: NOW }).result!;
    const score = (name: string) => result.individuals.find((s) => s.name === name)!.score.toNumber();
    expect([score("甲"), score("乙")]).toEqual([91, 91]);
  });
});

describe("规则 §4 advanced individuals: the same person twice on one community", () => {
  test("王建国 of 东门社区 typed again with 60: a warning at the new row's 姓名 naming both rows", () => {
    const grids = sampleGrids();
    const first = rowWhere(grids, "人员", "姓名", "王建国");
    const again = addRow(grids, "人员", { 姓名: "王建国", 社区: "东门社区", 个人考核得分: 60 });
    const warnings = validateWorkbook(grids).filter((i) => i.message.zh.includes("各列了一次"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", sheet: "人员", row: again, column: "姓名" });
    expect(warnings[0].message.zh).toContain(`第 ${first} 行和第 ${again} 行`);
  });
});

describe("规则 §6 a key twice on 设置: the filled one counts", () => {
  test("the template's blank 奖金总额（元） row and a typed 奖金总额 row: the money is computed, with a warning", () => {
    const grids = gridsOfSheets(templateSheets(workplanTemplateRows()));
    const settings = tab(grids, "设置");
    const blankRow = settings.values.findIndex((line) => line[0] === "奖金总额（元）") + 1;
    expect(blankRow).toBeGreaterThan(1);
    settings.values.push(["奖金总额", 100000, null]);
    addRow(grids, "社区", { 社区: "东门社区" });
    addRow(grids, "目标管理", { 社区: "东门社区", 社区基础: 20 });
    addRow(grids, "人员", { 姓名: "王建国", 社区: "东门社区", 个人考核得分: 90 });
    const ranked = rankWorkbook(grids, { now: NOW });
    expect(ranked.ok).toBe(true);
    expect(ranked.result!.communities[0].moneyCents).toBe(10_000_000n);
    const warnings = ranked.issues.filter((i) => i.sheet === "设置");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", row: blankRow });
  });
});

describe("规则 §6 messages: a line break inside a name is shown visibly, as other invisible characters are", () => {
  test("a record's 社区 typed 东门⏎社区: quoted as 东门[U+000A]社区, not with a space, and 东门社区 suggested", () => {
    const grids = sampleGrids();
    const row = addRow(grids, "人员", { 姓名: "测试员", 社区: "东门\n社区", 个人考核得分: 90 });
    const errors = errorsOf(grids).filter((i) => i.row === row);
    expect(errors).toHaveLength(1);
    expect(errors[0].message.zh).toBe("社区“东门[U+000A]社区”不在社区表中：是否应为“东门社区”？");
  });

  test("a listed name with a line break is suggested visibly too", () => {
    const grids = sampleGrids();
    const s = tab(grids, "社区");
    const row = s.values.findIndex((line) => line[0] === "东门社区");
    s.values[row][0] = "东门\r\n社区";
    const errors = errorsOf(grids).filter((i) => i.sheet === "荣誉" && i.message.zh.includes("不在社区表中"));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors)
      expect(e.message.zh).toBe("社区“东门社区”不在社区表中：是否应为“东门[U+000A]社区”？");
  });

  test("规则 §3.2: communities of a joint article on two lines of one cell are two communities", () => {
    const grids = sampleGrids();
    addRow(grids, "宣传报道", { 社区: "东门社区\n西城社区", 标题: "联合报道", 级别: "市级" });
    expect(errorsOf(grids)).toHaveLength(0);
  });
});
