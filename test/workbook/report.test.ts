import { INPUT_SHEET_NAMES } from "./helpers";
import { readWorkbook, rankWorkbook, sampleSheets, templateSheets } from "../../src/workbook/pipeline";
import { rankJson } from "../../src/workbook/json";
import { GENERATED_MARKER, isGeneratedSheet } from "../../src/workbook/marker";
import { fingerprint } from "../../src/workbook/report";
import { OutputSheet } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";
import { addRow, records, rowWhere, sampleGrids, setCell, tab } from "./helpers";

const NOW = new Date(2024, 11, 31, 9, 30);

function sheet(sheets: OutputSheet[], key: OutputSheet["key"]): OutputSheet {
  const s = sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key}`);
  return s;
}

describe("规则 §6 generated sheets", () => {
  const out = rankWorkbook(sampleGrids(), { now: NOW });

  test("rank of the sample gives 排名, 先进个人, 计分明细, 成绩单, 校验结果 with values only", () => {
    expect(out.ok).toBe(true);
    expect(out.sheets.map((s) => s.name)).toEqual(["排名", "先进个人", "计分明细", "成绩单", "校验结果"]);
    for (const s of out.sheets)
      for (const row of s.rows)
        for (const v of row)
          expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true);
  });

  test("a header line says when, from which data (fingerprint) and under which settings", () => {
    const line = String(sheet(out.sheets, "ranking").rows[0][0]);
    expect(isGeneratedSheet(line)).toBe(true);
    expect(line.startsWith(GENERATED_MARKER)).toBe(true);
    expect(line).toContain("2024-12-31 09:30");
    const read = readWorkbook(sampleGrids());
    expect(line).toContain(`数据指纹 ${fingerprint(read.input, read.rules)}`);
    expect(line).toContain("奖金总额（元）=120000");
    for (const s of out.sheets) expect(s.rows[0][0]).toEqual(expect.stringContaining(GENERATED_MARKER));
  });

  test("the fingerprint changes with the data, not with the tab order", () => {
    const a = readWorkbook(sampleGrids());
    const reordered = readWorkbook(sampleGrids().reverse());
    expect(fingerprint(reordered.input, reordered.rules)).toBe(fingerprint(a.input, a.rules));
    const g = sampleGrids();
    setCell(g, "人员", rowWhere(g, "人员", "姓名", "朱军"), "个人考核得分", 84.5);
    const b = readWorkbook(g);
    expect(fingerprint(b.input, b.rules)).not.toBe(fingerprint(a.input, a.rules));
  });

  test("规则 §4: advanced rows are marked and highlighted; 村改居 not eligible", () => {
    const s = sheet(out.sheets, "ranking");
    const rows = records(s);
    expect(rows.filter((r) => r["先进社区"] === "先进")).toHaveLength(8);
    expect(rows.filter((r) => r["类型"] === "村改居").every((r) => r["先进社区"] === "不参评")).toBe(true);
    // 规则 §8: advanced light green, 村改居不参评 grey.
    expect(s.highlight).toHaveLength(10);
    for (const h of s.highlight) {
      const r = records({ ...s, rows: [s.rows[0], s.rows[1], s.rows[h.row]] })[0];
      expect(h.color).toBe(r["先进社区"] === "先进" ? "#C6EFCE" : "#D9D9D9");
      if (h.color === "#D9D9D9") expect(r["类型"]).toBe("村改居");
    }
    expect(s.freezeRows).toBe(2);
  });

  test("规则 §4: a tie at the cut is marked 并列待定 on every tied row, with a warning", () => {
    const rows = records(sheet(out.sheets, "individuals"));
    const tied = rows.filter((r) => r["先进个人"] === "并列待定").map((r) => r["姓名"]);
    expect(tied).toEqual(["徐芳", "马红", "胡霞"]);
    expect(rows.filter((r) => r["先进个人"] === "先进")).toHaveLength(6);
    expect(out.issues.some((i) => i.severity === "warning" && i.message.zh.includes("并列待定"))).toBe(true);
  });

  test("规则 §8 距先进线 on 排名 and gapToCut in rank --json: exact value shown at 2 decimals, 0 for the advanced, blank/null for 村改居", () => {
    const s = sheet(out.sheets, "ranking");
    const rows = records(s);
    const gapCol = s.rows[1].indexOf("距先进线");
    expect(gapCol).toBeGreaterThan(s.rows[1].indexOf("先进社区"));
    expect(s.numberFormats[gapCol]).toBe("0.00");
    expect(rows.filter((r) => r["类型"] === "村改居").every((r) => r["距先进线"] === null)).toBe(true);
    expect(rows.filter((r) => r["先进社区"] === "先进").every((r) => r["距先进线"] === 0)).toBe(true);
    const last = rows.filter((r) => r["先进社区"] === "先进").pop()!;
    for (const r of rows.filter((r) => r["类型"] !== "村改居" && r["先进社区"] === null))
      expect(r["距先进线"]).toBeCloseTo(Number(last["综合得分"]) - Number(r["综合得分"]), 9);
    const j = rankJson(out).communities;
    expect(j.filter((c) => c.type === "村改居").map((c) => c.gapToCut)).toEqual([null, null]);
    expect(j[0].gapToAbove).toBeNull();
    expect(j[1].gapToAbove).toBe(Number((j[0].total - j[1].total).toFixed(4)));
  });

  test("规则 §5: money columns when a pool is set, adding up to the cent", () => {
    const ranking = records(sheet(out.sheets, "ranking"));
    const cents = ranking.map((r) => Math.round(Number(r["奖金（元）"]) * 100));
    expect(cents.reduce((a, b) => a + b, 0)).toBe(120000 * 100);
    const people = records(sheet(out.sheets, "individuals"));
    for (const c of ranking) {
      const staff = people.filter((p) => p["社区"] === c["社区"]);
      const sum = staff.reduce((a, p) => a + Math.round(Number(p["奖金（元）"]) * 100), 0);
      expect(sum).toBe(Math.round(Number(c["奖金（元）"]) * 100));
    }
  });

  test("规则 §5: no pool and no rate → no money columns", () => {
    const g = sampleGrids();
    setCell(g, "设置", rowWhere(g, "设置", "项目", "奖金总额（元）"), "值", null);
    const plain = rankWorkbook(g, { now: NOW });
    expect(sheet(plain.sheets, "ranking").rows[1]).not.toContain("奖金（元）");
    expect(rankJson(plain).communities[0].money).toBeUndefined();
  });

  test("计分明细 lists every input record with its points and reason", () => {
    const read = readWorkbook(sampleGrids()).input;
    // 规则 §8: grouped by community with a 小计 row each, then the staff under a heading row.
    const all = records(sheet(out.sheets, "details"));
    const rows = all.filter((r) => r["行号"] !== null);
    expect(all.filter((r) => r["来源表"] === "小计")).toHaveLength(read.communities.length);
    const shares = read.publicity.reduce((a, p) => a + new Set(p.communities).size, 0);
    expect(rows).toHaveLength(
      read.targets.length +
        read.honors.length +
        read.basicPublicity.length +
        shares +
        read.contributions.length +
        read.staff.length
    );
    const sameKind = rows.find((r) => r["项目"] === "市级民主法治示范社区");
    expect(sameKind).toMatchObject({ 来源表: "荣誉", 得分: 0 });
    expect(String(sameKind?.["计分依据"])).toContain("同类荣誉已按更高级别计分");
    const joint = rows.filter((r) => r["项目"] === "三社区联合举办邻里文化节");
    expect(joint.map((r) => r["社区"]).sort()).toEqual(["东门社区", "西城社区", "南苑社区"].sort());
    expect(String(joint[0]["计分依据"])).toContain("3 个社区联合报道，每个 2 ÷ 3 ≈ 0.6667 分");
    const capped = rows.find((r) => r["项目"] === "招商引资：协助引进物流企业");
    expect(capped?.["得分"]).toBe(1);
    expect(String(capped?.["计分依据"])).toContain("核减 2 分");
    const dq = rows.find((r) => r["项目"] === "中山社区广场舞大赛侧记");
    expect(dq?.["得分"]).toBe(0);
    expect(String(dq?.["计分依据"])).toContain("作者不是本社区工作人员");
  });

  test("规则 §8 text from the inputs is written back exactly as typed; only the compared copy is folded", () => {
    const g = sampleGrids();
    const title = "关于东门社区的报道（转载）";
    addRow(g, "宣传报道", { 社区: "东门社区", 标题: title, 级别: "区镇级" });
    // The same article typed with half-width brackets: the same content, counted once.
    addRow(g, "宣传报道", { 社区: "东门社区", 标题: "关于东门社区的报道(转载)", 级别: "区镇级" });
    addRow(g, "荣誉", {
      社区: "东门社区",
      荣誉名称: "“平安社区”（２０２４）",
      级别: "区级",
      文号: "Ｘ〔2024〕1号",
    });
    const r = rankWorkbook(g, { now: NOW });
    expect(r.ok).toBe(true);
    const rows = records(sheet(r.sheets, "details"));
    const typed = rows.filter((x) => x["项目"] === title);
    expect(typed).toHaveLength(1);
    const folded = rows.find((x) => x["项目"] === "关于东门社区的报道(转载)");
    expect(folded?.["得分"]).toBe(0);
    expect(String(folded?.["计分依据"])).toContain("同一篇内容已按更高得分计分");
    expect(rows.some((x) => x["项目"] === "“平安社区”（２０２４）")).toBe(true);
  });

  test("校验结果 lists the warnings with sheet, row and column", () => {
    const rows = records(sheet(out.sheets, "issues"));
    expect(rows[0]).toMatchObject({ 级别: "警告", 工作表: "荣誉", 行号: 7, 列: "考核组认可" });
  });

  test("规则 §6: text from the inputs is written as text (=1+1 stays text)", () => {
    const g = sampleGrids();
    setCell(g, "社区", 2, "社区", "=1+1");
    for (const s of ["目标管理", "荣誉", "基础宣传", "重要贡献", "人员"])
      for (const line of tab(g, s).values)
        if (line[s === "人员" ? 1 : 0] === "东门社区") line[s === "人员" ? 1 : 0] = "=1+1";
    tab(g, "宣传报道").values[1][0] = "=1+1、西城社区、南苑社区";
    const r = rankWorkbook(g, { now: NOW });
    expect(r.ok).toBe(true);
    const s = sheet(r.sheets, "ranking");
    const at = (s.rows[s.headerRow] as string[]).indexOf("社区");
    expect(s.rows.some((row) => row[at] === "=1+1")).toBe(true);
    expect(s.numberFormats[at]).toBe("@");
  });

  test("规则 §6: a person's sheet named 排名 is kept: the output takes another name; a generated one is reused", () => {
    const r = rankWorkbook(sampleGrids(), {
      now: NOW,
      existing: [
        { name: "排名", generated: false },
        { name: "计分明细", generated: true },
      ],
    });
    expect(r.sheets.map((s) => s.name)).toEqual(["排名 (2)", "先进个人", "计分明细", "成绩单", "校验结果"]);
  });

  test("any error: ok=false, no result, no sheets", () => {
    const g = sampleGrids();
    addRow(g, "荣誉", { 社区: "无名社区", 荣誉名称: "x", 级别: "区级" });
    const r = rankWorkbook(g, { now: NOW });
    expect(r).toMatchObject({ ok: false, result: null, sheets: [] });
  });

  test("规则 §7.2 rank --json shape: communities in rank order, 4 decimals", () => {
    const j = rankJson(out);
    expect(Object.keys(j)).toEqual(["communities", "individuals", "issues"]);
    expect(Object.keys(j.communities[0])).toEqual([
      "name",
      "type",
      "rank",
      "eligible",
      "advanced",
      "target",
      "categories",
      "honor",
      "basicPublicity",
      "externalPublicity",
      "contribution",
      "rewards",
      "total",
      "converted",
      "gapToCut",
      "gapToAbove",
      "money",
    ]);
    expect(j.communities.map((c) => c.rank)).toEqual(
      [...j.communities.map((c) => c.rank)].sort((a, b) => a - b)
    );
    expect(j.communities[0]).toMatchObject({ name: "西城社区", externalPublicity: 0.6667, total: 113.6667 });
    expect(Object.keys(j.individuals[0])).toEqual([
      "name",
      "community",
      "score",
      "rank",
      "advanced",
      "money",
    ]);
    expect(Object.keys(j.issues[0])).toEqual(["severity", "sheet", "row", "column", "message"]);
  });

  test("en-US: headers and messages in English", () => {
    const r = rankWorkbook(sampleGrids(), { now: NOW, locale: "en-US" });
    const s = sheet(r.sheets, "ranking");
    expect(s.rows[1]).toContain("Total");
    expect(String(s.rows[0][0])).toContain("data fingerprint");
    expect(rankJson(r, "en-US").issues[0].message).toContain("Not approved");
  });
});

describe("规则 §7.2 template and sample sheets", () => {
  test("template: every input sheet with headers and drop-downs; 设置 with defaults; 工作要点 with 21 points", () => {
    const t = templateSheets(workplanTemplateRows());
    expect(t.map((s) => s.name)).toEqual(INPUT_SHEET_NAMES);
    const honors = t.find((s) => s.name === "荣誉");
    expect(honors?.validations?.flatMap((v) => (v.rule?.kind === "list" ? [v.rule.choices] : []))).toEqual([
      ["区镇", "区级", "市级", "省级", "全国"],
      ["是", "否"],
      ["是", "否"],
    ]);
    expect(t.find((s) => s.name === "工作要点")?.rows).toHaveLength(22);
    expect(t.find((s) => s.name === "设置")?.rows.length).toBeGreaterThan(30);
    // Input text columns are text, so "=1+1" typed later stays text; number columns are not.
    expect(honors?.numberFormats[0]).toBe("@");
    expect(t.find((s) => s.name === "目标管理")?.numberFormats[1]).toBe("General");
  });

  test("sample: 12 communities, two of them 村改居, records of every kind", () => {
    const s = sampleSheets(workplanTemplateRows());
    const count = (name: string) => (s.find((x) => x.name === name)?.rows.length ?? 0) - 1;
    expect(count("社区")).toBe(12);
    expect(s.find((x) => x.name === "社区")?.rows.filter((r) => r[1] === "村改居")).toHaveLength(2);
    for (const name of ["目标管理", "荣誉", "基础宣传", "宣传报道", "重要贡献", "人员"])
      expect(count(name)).toBeGreaterThan(5);
  });
});
