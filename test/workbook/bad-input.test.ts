import { rankWorkbook, readWorkbook, validateWorkbook } from "../../src/workbook/pipeline";
import { Issue, WorkbookGrids } from "../../src/workbook/types";
import { addRow, dropSheet, rowWhere, sampleGrids, setCell, tab } from "./helpers";

/**
 * 规则 §6: every kind of bad input is answered by a located issue (sheet, Excel row, column
 * header, severity, a message that says what to fix) — never a crash, never a silent 0.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

function errorsOf(grids: WorkbookGrids): Issue[] {
  return validateWorkbook(grids).filter((i) => i.severity === "error");
}

function only(issues: Issue[], pred: (i: Issue) => boolean): Issue {
  const found = issues.filter(pred);
  if (found.length !== 1) throw new Error(`expected one issue, got ${JSON.stringify(issues, null, 1)}`);
  return found[0];
}

const totalOf = (grids: WorkbookGrids, name: string): number => {
  const out = rankWorkbook(grids, { now: NOW });
  const c = out.result?.communities.find((x) => x.name === name);
  if (!c) throw new Error(`no result for ${name}: ${JSON.stringify(out.issues)}`);
  return c.total.toNumber();
};

describe("规则 §6 bad input: each answered by a located issue", () => {
  test("the sample itself has no errors (warnings only)", () => {
    expect(errorsOf(sampleGrids())).toEqual([]);
  });

  test("规则 §1: an unknown level is an error at its cell, never 0 points", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    setCell(g, "荣誉", row, "级别", "部级");
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "荣誉", row, column: "级别", cell: `D${row}` });
    expect(e.message.zh).toContain("未知级别“部级”");
    expect(e.message.en).toContain('Unknown level "部级"');
    expect(rankWorkbook(g, { now: NOW }).ok).toBe(false);
  });

  test("规则 §1: a yes/no word not understood is an error at its cell", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    setCell(g, "荣誉", row, "考核组认可", "可能");
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "荣誉", column: "考核组认可" });
    expect(e.message.zh).toContain("“可能”");
    expect(e.message.zh).toContain("是/否");
  });

  test("规则 §1: yes/no aliases (√, Y, TRUE, 1, Excel booleans) are read", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    for (const yes of ["√", "Y", "TRUE", 1, true, "ｙｅｓ", " 是 "]) {
      setCell(g, "荣誉", row, "考核组认可", yes);
      expect(errorsOf(g)).toEqual([]);
      expect(totalOf(g, "北湖社区")).toBe(96);
    }
  });

  test("规则 §1: a number typed as text, full-width or with spaces, is read as that number", () => {
    const g = sampleGrids();
    const base = totalOf(g, "东门社区");
    const row = rowWhere(g, "目标管理", "社区", "东门社区");
    setCell(g, "目标管理", row, "社区基础", "１８．０");
    setCell(g, "目标管理", row, "社区服务", "  18.5 ");
    expect(validateWorkbook(g)).toEqual(validateWorkbook(sampleGrids()));
    expect(totalOf(g, "东门社区")).toBe(base);
  });

  test("规则 §1: text in a number column is an error, not 0", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "目标管理", "社区", "东门社区");
    setCell(g, "目标管理", row, "社区基础", "十八");
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "目标管理", column: "社区基础", cell: `B${row}` });
    expect(e.message.zh).toContain("“十八”不是数字");
    // No second complaint that the community lacks a target row or that the cell is blank.
    expect(validateWorkbook(g).filter((i) => i.sheet === "目标管理")).toHaveLength(1);
  });

  test("规则 §3.3: negative points are an error at the cell", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "重要贡献", "事项", "调处邻里纠纷");
    setCell(g, "重要贡献", row, "加分", -3);
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "重要贡献", column: "加分", cell: `D${row}` });
    expect(e.message.zh).toContain("负数");
  });

  test("规则 §1: an absurd number (1e12) is an error, not a score", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "人员", "姓名", "王建国");
    setCell(g, "人员", row, "个人考核得分", 1e12);
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "人员", column: "个人考核得分" });
    expect(e.message.zh).toContain("过大");
  });

  test.each([NaN, Infinity, -Infinity])("规则 §1: %p in a number cell is an error", (bad) => {
    const g = sampleGrids();
    const row = rowWhere(g, "基础宣传", "社区", "东门社区");
    setCell(g, "基础宣传", row, "得分", bad);
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "基础宣传", column: "得分" });
    expect(e.message.zh).toContain("不是有效数字");
  });

  test.each([
    ["#N/A", "#N/A"],
    [{ error: "#REF!" }, "#REF!"],
    ["#DIV/0!", "#DIV/0!"],
  ])("规则 §6: an Excel error value (%p) is an error at its cell", (value, shown) => {
    const g = sampleGrids();
    const row = rowWhere(g, "目标管理", "社区", "西城社区");
    setCell(g, "目标管理", row, "行政事务", value);
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "目标管理", column: "行政事务", cell: `G${row}` });
    expect(e.message.zh).toContain(`错误值 ${shown}`);
  });

  test("规则 §6: an Excel error value in a name column is an error, not a community called #N/A", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    setCell(g, "荣誉", row, "社区", "#N/A");
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "荣誉", column: "社区" });
    expect(e.message.zh).toContain("错误值 #N/A");
  });

  test("规则 §6: a formula's cached result is used; a formula without one is an error", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "目标管理", "社区", "东门社区");
    setCell(g, "目标管理", row, "社区基础", { formula: "SUM(X1:X3)" });
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e.message.zh).toContain("=SUM(X1:X3)");
    expect(e.message.zh).toContain("没有计算结果");
  });

  test("规则 §1: a date where a number belongs is an error that says so", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "目标管理", "社区", "东门社区");
    setCell(g, "目标管理", row, "社区服务", new Date(Date.UTC(2024, 0, 18)));
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ column: "社区服务" });
    expect(e.message.zh).toContain("日期 2024-01-18");
  });

  test("规则 §6: a blank required cell is an error at the cell and the record is left out", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    setCell(g, "荣誉", row, "荣誉名称", "  ");
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "荣誉", column: "荣誉名称", cell: `B${row}` });
    expect(e.message.zh).toContain("必填");
    expect(readWorkbook(g).input.honors.some((h) => h.row === row)).toBe(false);
  });

  test("规则 §6: a row whose community cell is blank is an error", () => {
    const g = sampleGrids();
    const row = addRow(g, "重要贡献", { 条线: "招商引资", 加分: 1, 分管领导意见: "是" });
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "重要贡献", column: "社区", cell: `A${row}` });
  });

  test("规则 §6: a duplicate community is an error at the repeated row", () => {
    const g = sampleGrids();
    const row = addRow(g, "社区", { 社区: "东门社区", 类型: "社区" });
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "社区", column: "社区", cell: `A${row}` });
    expect(e.message.zh).toContain("重复");
  });

  test("规则 §6: a record naming an unknown community is an error located at its row", () => {
    const g = sampleGrids();
    const row = addRow(g, "荣誉", {
      社区: "东湖社区",
      荣誉名称: "某荣誉",
      级别: "区级",
      文号: "x",
      考核组认可: "是",
    });
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "荣誉", column: "社区", cell: `A${row}` });
    expect(e.message.zh).toContain("“东湖社区”不在社区表中");
  });

  test("规则 §3.2: an unknown community inside a joint article's list is an error at the article", () => {
    const g = sampleGrids();
    const row = addRow(g, "宣传报道", {
      社区: "东门社区、幽灵社区，西城社区",
      标题: "联合活动",
      级别: "区级",
    });
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "宣传报道", column: "社区", cell: `A${row}` });
    expect(e.message.zh).toContain("幽灵社区");
  });

  test("规则 §2: a community without a target row is an error naming it", () => {
    const g = sampleGrids();
    const t = tab(g, "目标管理");
    t.values.splice(rowWhere(g, "目标管理", "社区", "梅园社区") - 1, 1);
    const e = only(errorsOf(g), (i) => i.message.zh.includes("梅园社区"));
    expect(e).toMatchObject({ sheet: "目标管理", column: "社区" });
    expect(e.message.zh).toContain("没有目标管理得分行");
  });

  test("规则 §2: a category above its maximum is an error at the cell", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "目标管理", "社区", "东门社区");
    setCell(g, "目标管理", row, "社区文化", 15.5);
    const e = only(errorsOf(g), (i) => i.row === row);
    expect(e).toMatchObject({ sheet: "目标管理", column: "社区文化", cell: `D${row}` });
    expect(e.message.zh).toContain("0–15");
  });

  test("规则 §2: category maxima that do not add up to 100 are an error on 设置", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "设置", "项目", "社区基础满分");
    setCell(g, "设置", row, "值", 25);
    const e = only(errorsOf(g), () => true);
    expect(e.sheet).toBe("设置");
    expect(e.message.zh).toContain("合计为 105");
  });

  test.each(["社区", "目标管理"])("规则 §6: a missing %s sheet is an error", (name) => {
    const g = dropSheet(sampleGrids(), name);
    const e = errorsOf(g).find(
      (i) => i.sheet === name && i.row === undefined && i.message.zh.includes("缺少工作表")
    );
    expect(e).toBeDefined();
    expect(rankWorkbook(g, { now: NOW }).ok).toBe(false);
  });

  test("规则 §6: a missing optional sheet means no records of that kind", () => {
    const g = dropSheet(sampleGrids(), "荣誉");
    expect(errorsOf(g)).toEqual([]);
    const out = rankWorkbook(g, { now: NOW });
    expect(out.ok).toBe(true);
    expect(out.result?.communities.every((c) => c.honor.isZero())).toBe(true);
  });

  test("规则 §6: a required column that is missing or renamed is an error naming it (and the stray header)", () => {
    const g = sampleGrids();
    const honors = tab(g, "荣誉");
    honors.values[0][honors.values[0].indexOf("级别")] = "等级";
    const e = only(errorsOf(g), (i) => i.sheet === "荣誉");
    expect(e).toMatchObject({ sheet: "荣誉", row: 1, column: "级别" });
    expect(e.message.zh).toContain("缺少必填列“级别”");
    expect(e.message.zh).toContain("“等级”");
  });

  test("规则 §6: a misspelt settings key is a warning naming it and the nearest key; defaults apply", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "设置", "项目", "先进社区名额");
    setCell(g, "设置", row, "项目", "先进社区明额");
    setCell(g, "设置", row, "值", 3);
    const issues = validateWorkbook(g);
    const w = only(issues, (i) => i.sheet === "设置");
    expect(w).toMatchObject({ severity: "warning", row, column: "项目" });
    expect(w.message.zh).toContain("“先进社区明额”");
    expect(w.message.zh).toContain("“先进社区名额”");
    expect(readWorkbook(g).rules.advancedCommunities).toBe(8);
  });

  test("规则 §6: a settings value that cannot be used is a warning naming the key; the default is used", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "设置", "项目", "折算比例");
    setCell(g, "设置", row, "值", "两成");
    const w = only(validateWorkbook(g), (i) => i.sheet === "设置");
    expect(w).toMatchObject({ severity: "warning", row, column: "值", cell: `B${row}` });
    expect(w.message.zh).toContain("折算比例");
    expect(w.message.zh).toContain("默认值 0.2");
    expect(readWorkbook(g).rules.conversionRate.toNumber()).toBe(0.2);
  });

  test("规则 §3.3: a line not in the settings list is a warning at the cell", () => {
    const g = sampleGrids();
    const row = rowWhere(g, "重要贡献", "事项", "调处邻里纠纷");
    setCell(g, "重要贡献", row, "条线", "矛盾化届");
    const w = only(validateWorkbook(g), (i) => i.row === row && i.sheet === "重要贡献");
    expect(w).toMatchObject({ severity: "warning", column: "条线", cell: `B${row}` });
    expect(w.message.zh).toContain("“矛盾化届”不在设置的条线清单中");
  });

  test("规则 §6: trailing and full-width spaces in names still match the community", () => {
    const g = sampleGrids();
    const base = totalOf(g, "北湖社区");
    const row = rowWhere(g, "荣誉", "荣誉名称", "市级文明社区");
    setCell(g, "荣誉", row, "社区", "\u3000北湖社区  ");
    tab(g, "荣誉").name = " 荣誉\u3000";
    expect(errorsOf(g)).toEqual([]);
    expect(totalOf(g, "北湖社区")).toBe(base);
  });

  test("规则 §6: 5,000+ rows are read, validated and ranked", () => {
    const g = sampleGrids();
    const names = ["东门社区", "西城社区", "南苑社区", "北湖社区", "中山社区", "新华社区"];
    for (let i = 0; i < 6000; i++)
      addRow(g, "宣传报道", {
        社区: names[i % names.length],
        标题: `稿件 ${i}`,
        级别: "区镇",
        媒体: "镇内部刊物",
      });
    const badRow = addRow(g, "宣传报道", { 社区: "东门社区", 标题: "最后一篇", 级别: "乡级" });
    const t0 = Date.now();
    const out = rankWorkbook(g, { now: NOW });
    expect(Date.now() - t0).toBeLessThan(10000);
    const e = only(out.issues, (i) => i.severity === "error");
    expect(e).toMatchObject({ sheet: "宣传报道", row: badRow, column: "级别" });
    setCell(g, "宣传报道", badRow, "级别", "区镇");
    const ok = rankWorkbook(g, { now: NOW });
    expect(ok.ok).toBe(true);
    // 1,000 town articles at 0.2 each on top of the sample's points.
    const dongmen = ok.result?.communities.find((c) => c.name === "东门社区");
    expect(dongmen?.externalPublicity.toFixed(4)).toBe("200.8667");
  });
});

describe("规则 §6 headers", () => {
  const communities = (values: unknown[][]): WorkbookGrids => {
    const g = sampleGrids().filter((s) => s.name !== "社区");
    g.unshift({ name: "Communities", values, firstRow: 1, firstColumn: 1 });
    return g;
  };
  const sampleRows = () => sampleGrids()[0].values.slice(1);

  test("headers match by zh or English name, in any order; extra columns ignored; blank rows skipped", () => {
    const rows = sampleRows().map(([name, type, code]) => ["备注", code, type, name]);
    rows.splice(3, 0, [null, null, null, null], ["", " ", null, null]);
    const g = communities([["Remarks", "CODE", "type", "Community"], ...rows]);
    expect(errorsOf(g)).toEqual([]);
    expect(readWorkbook(g).input.communities.map((c) => c.name)).toEqual(sampleRows().map((r) => r[0]));
  });

  test("a header row below a title row is found and Excel rows stay right", () => {
    const g = communities([["2024 年度社区名单"], [], ["社区", "类型", "编号"], ...sampleRows()]);
    const dup = communities([["2024 年度社区名单"], ["社区", "类型"], ...sampleRows(), ["东门社区", "社区"]]);
    expect(errorsOf(g)).toEqual([]);
    const e = only(errorsOf(dup), () => true);
    expect(e).toMatchObject({ sheet: "Communities", row: 15, cell: "A15" });
  });

  test("merged header cells: a two-row header with a merged group heading is read", () => {
    const g = sampleGrids();
    const t = tab(g, "目标管理");
    // Row 1 a merged title; rows 2–3 the header, 社区 merged down over both rows, the six categories
    // under a merged group heading (the cells a merge covers are blank, as Excel gives them).
    t.values = [
      ["2024 年度目标管理考核得分", null, null, null, null, null, null],
      ["社区", "目标管理考核（100 分）", null, null, null, null, null],
      [null, "社区基础", "社区服务", "社区文化", "社区环境卫生", "一居一品", "行政事务"],
      ...t.values.slice(1),
    ];
    expect(errorsOf(g)).toEqual([]);
    const targets = readWorkbook(g).input.targets;
    expect(targets[0]).toMatchObject({ row: 4, community: "东门社区" });
    expect(targets[0].scores.foundation?.toNumber()).toBe(18);
  });

  test("a header merged across two columns (blank second cell) still maps the first", () => {
    const g = communities([["社区", null, "类型"], ...sampleRows().map(([n, t]) => [n, null, t])]);
    expect(errorsOf(g)).toEqual([]);
    expect(readWorkbook(g).input.communities.filter((c) => c.type === "村改居")).toHaveLength(2);
  });

  test("no header row at all is one error that says where headers go", () => {
    const g = communities(sampleRows());
    const e = only(errorsOf(g), (i) => i.sheet === "Communities");
    expect(e.message.zh).toContain("找不到表头行");
  });
});
