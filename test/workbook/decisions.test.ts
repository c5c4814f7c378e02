import { assess, assessor, AssessmentResult } from "../../src/scoring";
import { rankJson } from "../../src/workbook/json";
import {
  rankWorkbook,
  readWorkbook,
  sampleSheets,
  templateSheets,
  validateWorkbook,
} from "../../src/workbook/pipeline";
import { interpretations } from "../../src/explain";
import { whatifWorkbook } from "../../src/workbook/explain";
import { parseSettingAssignmentText } from "../../src/workbook/settings";
import { fingerprint } from "../../src/workbook/report";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";
import { addRow, records, rowWhere, sampleGrids, setCell } from "./helpers";

/**
 * 规则 §10 考核组决定: the sample's 8th advanced-individual place falls in a three-way tie
 * (徐芳、马红、胡霞 at 91, two places left); the group's decisions settle it.
 */

const NOW = new Date(2024, 11, 31, 9, 30);
const SHEET = "考核组决定";

type Row = { 类别: string; 名称: string; 社区?: string; 决定: string; 理由?: string; 依据?: string };

function decide(grids: WorkbookGrids, rows: Row[]): number[] {
  return rows.map((r) => addRow(grids, SHEET, r));
}

const THE_TIE: Row[] = [
  {
    类别: "先进个人",
    名称: "徐芳",
    社区: "新华社区",
    决定: "先进",
    理由: "全年无差错",
    依据: "考核组会议纪要〔2024〕3号",
  },
  {
    类别: "先进个人",
    名称: "马红",
    社区: "文昌社区",
    决定: "先进",
    理由: "牵头创建工作",
    依据: "考核组会议纪要〔2024〕3号",
  },
  {
    类别: "先进个人",
    名称: "胡霞",
    社区: "锦绣社区",
    决定: "非先进",
    理由: "本年度已获其他表彰",
    依据: "考核组会议纪要〔2024〕3号",
  },
];

const sheetOf = (sheets: OutputSheet[], key: OutputSheet["key"]) => {
  const s = sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key}`);
  return s;
};

const errors = (grids: WorkbookGrids) => validateWorkbook(grids).filter((i) => i.severity === "error");

describe("规则 §10 考核组决定: the sheet", () => {
  test("the template has 考核组决定 as a table, with drop-downs for 类别 and 决定", () => {
    const s = templateSheets(workplanTemplateRows()).find((x) => x.name === SHEET);
    expect(s?.rows[0]).toEqual(["类别", "名称", "社区", "决定", "理由", "依据"]);
    expect(s?.table?.name).toBe("KH_Decisions");
    const list = (col: number) => s?.validations?.find((v) => v.column === col)?.rule;
    expect(list(0)).toEqual({ kind: "list", choices: ["先进社区", "先进个人"] });
    expect(list(3)).toEqual({ kind: "list", choices: ["先进", "非先进"] });
  });

  test("the sample's 考核组决定 is empty (headers only), so its tie stays 并列待定", () => {
    const s = sampleSheets(workplanTemplateRows()).find((x) => x.name === SHEET);
    expect(s?.rows).toEqual([["类别", "名称", "社区", "决定", "理由", "依据"]]);
    const out = rankWorkbook(sampleGrids(), { now: NOW });
    expect(out.result?.individuals.filter((p) => p.advanced === "tie").map((p) => p.name)).toEqual([
      "徐芳",
      "马红",
      "胡霞",
    ]);
  });

  test("a workbook without the sheet reads as no decisions, with the fingerprint it had", () => {
    const with_ = readWorkbook(sampleGrids());
    const without = readWorkbook(sampleGrids().filter((g) => g.name !== SHEET));
    expect(without.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(without.input.decisions).toBeUndefined();
    expect(fingerprint(without.input, without.rules)).toBe(fingerprint(with_.input, with_.rules));
  });

  test("decisions are an input: they count in the fingerprint", () => {
    const a = readWorkbook(sampleGrids());
    const g = sampleGrids();
    decide(g, THE_TIE);
    const b = readWorkbook(g);
    expect(fingerprint(b.input, b.rules)).not.toBe(fingerprint(a.input, a.rules));
  });
});

describe("规则 §10 a decision resolves a 并列待定 at the cut and nothing else", () => {
  test("the sample's three-way tie decided: 徐芳 先进, 马红 先进, 胡霞 非先进 → 8 advanced, each shown 先进（考核组决定）", () => {
    const g = sampleGrids();
    const rows = decide(g, THE_TIE);
    const out = rankWorkbook(g, { now: NOW });
    expect(out.ok).toBe(true);
    // No tie left, so no tie warning.
    expect(out.issues.filter((i) => i.message.zh.includes("并列待定"))).toEqual([]);
    const people = out.result!.individuals;
    expect(people.filter((p) => p.advanced === true)).toHaveLength(8);
    expect(people.some((p) => p.advanced === "tie")).toBe(false);
    const huxia = people.find((p) => p.name === "胡霞")!;
    expect(huxia.advanced).toBe(false);
    expect(huxia.decided?.row).toBe(rows[2]);

    const sheet = records(sheetOf(out.sheets, "individuals"));
    const mark = (name: string) => sheet.find((r) => r["姓名"] === name)?.["先进个人"];
    expect(mark("徐芳")).toBe("先进（考核组决定）");
    expect(mark("马红")).toBe("先进（考核组决定）");
    expect(mark("胡霞")).toBe("非先进（考核组决定）");
    expect(mark("王建国")).toBe("先进");

    // rank --json: true/false as before, plus "decided": true.
    const json = rankJson(out).individuals;
    const j = (name: string) => json.find((p) => p.name === name);
    expect(j("徐芳")).toMatchObject({ advanced: true, decided: true });
    expect(j("胡霞")).toMatchObject({ advanced: false, decided: true });
    expect(j("王建国")?.advanced).toBe(true);
    expect(j("王建国")).not.toHaveProperty("decided");

    // 计分明细: a row per decision, with the reason and the basis.
    const details = sheetOf(out.sheets, "details").rows;
    const decisionRows = details.filter((r) => r[0] === SHEET && typeof r[1] === "number");
    expect(decisionRows.map((r) => [r[1], r[2], r[3]])).toEqual([
      [rows[0], "新华社区", "徐芳"],
      [rows[1], "文昌社区", "马红"],
      [rows[2], "锦绣社区", "胡霞"],
    ]);
    expect(decisionRows[2][5]).toBe(
      "非先进（考核组决定）；本年度已获其他表彰；依据：考核组会议纪要〔2024〕3号"
    );
  });

  test("a tie of communities decided shows in 排名 and on the community's 成绩单", () => {
    const g = sampleGrids();
    // Nine places: the 9th falls in the tie of 春晖社区 and 梅园社区 (83.5, target 80 each).
    setCell(g, "设置", rowWhere(g, "设置", "项目", "先进社区名额"), "值", 9);
    expect(
      rankWorkbook(g, { now: NOW }).result!.communities.filter((c) => c.advanced === "tie")
    ).toHaveLength(2);
    decide(g, [
      { 类别: "先进社区", 名称: "春晖社区", 决定: "先进", 理由: "群众满意度第一" },
      { 类别: "先进社区", 名称: "梅园社区", 决定: "非先进" },
    ]);
    const out = rankWorkbook(g, { now: NOW });
    expect(out.ok).toBe(true);
    const ranking = records(sheetOf(out.sheets, "ranking"));
    const mark = (name: string) => ranking.find((r) => r["社区"] === name)?.["先进社区"];
    expect(mark("春晖社区")).toBe("先进（考核组决定）");
    expect(mark("梅园社区")).toBe("非先进（考核组决定）");
    const statements = sheetOf(out.sheets, "statements").rows.flat();
    expect(statements).toContain("先进（考核组决定）");
    expect(statements).toContain("非先进（考核组决定）");
    expect(rankJson(out).communities.find((c) => c.name === "梅园社区")).toMatchObject({
      advanced: false,
      decided: true,
    });
  });

  test("undecided places of the tie stay 并列待定 (a decision on one of three)", () => {
    const g = sampleGrids();
    decide(g, [THE_TIE[2]]);
    const out = rankWorkbook(g, { now: NOW });
    expect(out.ok).toBe(true);
    const people = out.result!.individuals;
    expect(people.filter((p) => p.advanced === "tie").map((p) => p.name)).toEqual(["徐芳", "马红"]);
    const warning = out.issues.find((i) => i.message.zh.includes("并列待定"));
    expect(warning?.message.zh).toContain("徐芳、马红（");
    expect(warning?.message.zh).not.toContain("胡霞");
  });

  test("refused: a decision on somebody not tied at the cut names them (sheet, row, column 名称), and the tie stays open", () => {
    const g = sampleGrids();
    const [row] = decide(g, [
      { 类别: "先进个人", 名称: "王建国", 社区: "东门社区", 决定: "非先进" },
      THE_TIE[2],
    ]);
    const out = rankWorkbook(g, { now: NOW });
    expect(out.ok).toBe(false);
    const e = out.issues.filter((i) => i.severity === "error");
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ sheet: SHEET, row, column: "名称" });
    expect(e[0].message.zh).toContain("王建国（东门社区）不在先进个人名额处的并列中");
    // None of the list's decisions is applied: the whole tie is still open.
    const read = readWorkbook(g);
    const result = assess(read.input, read.rules);
    expect(result.individuals.filter((p) => p.advanced === "tie").map((p) => p.name)).toEqual([
      "徐芳",
      "马红",
      "胡霞",
    ]);
  });

  test("refused: a name on no list at all", () => {
    const g = sampleGrids();
    const [row] = decide(g, [{ 类别: "先进社区", 名称: "不存在社区", 决定: "先进" }]);
    const e = errors(g);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ sheet: SHEET, row, column: "名称" });
    expect(e[0].message.zh).toContain("不存在社区不在社区表中");
  });

  test("refused: decisions leaving more advanced than the places say how many", () => {
    const g = sampleGrids();
    decide(g, [THE_TIE[0], THE_TIE[1], { ...THE_TIE[2], 决定: "先进" }]);
    const e = errors(g);
    expect(e.map((i) => [i.sheet, i.message.zh])).toEqual([
      [SHEET, "先进个人名额 8：决定后为 9 人，请再决定 1 人为非先进"],
    ]);
  });

  test("refused: decisions leaving fewer advanced than the places say how many", () => {
    const g = sampleGrids();
    decide(g, [{ ...THE_TIE[0], 决定: "非先进" }, { ...THE_TIE[1], 决定: "非先进" }, THE_TIE[2]]);
    expect(errors(g).map((i) => i.message.zh)).toEqual([
      "先进个人名额 8：决定后为 6 人，请再决定 2 人为先进",
    ]);
  });

  test("refused: an unknown 类别 or 决定 is an error at its cell, the row left out", () => {
    const g = sampleGrids();
    const [a, b] = decide(g, [
      { ...THE_TIE[0], 类别: "先进单位" },
      { ...THE_TIE[1], 决定: "待定" },
    ]);
    const e = errors(g);
    expect(e.map((i) => [i.row, i.column])).toEqual([
      [a, "类别"],
      [b, "决定"],
    ]);
    expect(e[0].message.zh).toContain("先进社区 或 先进个人");
    expect(e[1].message.zh).toContain("先进 或 非先进");
  });

  test("refused: the same person decided twice", () => {
    const g = sampleGrids();
    const rows = decide(g, [THE_TIE[0], THE_TIE[1], THE_TIE[2], { ...THE_TIE[2], 决定: "先进" }]);
    const e = errors(g);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ row: rows[3], column: "名称" });
    expect(e[0].message.zh).toContain(`已在第 ${rows[2]} 行决定`);
  });
});

describe("规则 §10 decisions under whatif: applied in each re-assessment, reported when their tie is gone", () => {
  const set = (text: string) => {
    const a = parseSettingAssignmentText(text);
    if (!a.ok) throw new Error(text);
    return a;
  };

  test("a change that keeps the tie keeps the decisions applied", () => {
    const g = sampleGrids();
    decide(g, THE_TIE);
    const outcome = whatifWorkbook(g, [set("先进社区名额=9")]);
    if (outcome.kind !== "ok") throw new Error(outcome.kind);
    expect(outcome.unapplied).toEqual([]);
    expect(outcome.moves.individuals).toEqual([]);
    expect(outcome.after.individuals.find((p) => p.name === "胡霞")?.decided).toBeDefined();
  });

  test("--interpretations: every reading ranks again with the decisions applied", () => {
    const g = sampleGrids();
    decide(g, THE_TIE);
    const read = readWorkbook(g);
    const inner = assessor(read.input);
    const results: AssessmentResult[] = [];
    const readings = interpretations(read.input, read.rules, (rules) => {
      const result = inner(rules);
      results.push(result);
      return result;
    });
    expect(readings.length).toBeGreaterThan(0);
    expect(results.length).toBeGreaterThan(readings.length);
    for (const result of results) {
      const marks = result.individuals
        .filter((p) => p.decided !== undefined)
        .map((p) => [p.name, p.advanced]);
      expect(marks).toEqual([
        ["徐芳", true],
        ["马红", true],
        ["胡霞", false],
      ]);
    }
    // Staff scores move with no reading: nobody's mark changes.
    for (const r of readings) {
      const moves = r.kind === "points" ? [r.below, r.above].flatMap((x) => (x ? [x.moves] : [])) : [r.moves];
      for (const m of moves) expect(m.individuals).toEqual([]);
    }
  });

  test("edge: a decision on a tie that a whatif removes is reported (a warning listing it), not applied", () => {
    const g = sampleGrids();
    decide(g, THE_TIE);
    // Ten places: 徐芳、马红、胡霞 are all advanced (and 刘洋 after them), no tie left to decide.
    const outcome = whatifWorkbook(g, [set("先进个人名额=10")]);
    if (outcome.kind !== "ok") throw new Error(outcome.kind);
    expect(outcome.unapplied.map((i) => [i.severity, i.sheet, i.column])).toEqual([
      ["warning", SHEET, "名称"],
      ["warning", SHEET, "名称"],
      ["warning", SHEET, "名称"],
    ]);
    expect(outcome.unapplied[2].message.zh).toContain("试算中此决定未采用：胡霞（锦绣社区）");
    const huxia = outcome.after.individuals.find((p) => p.name === "胡霞")!;
    expect(huxia.advanced).toBe(true);
    expect(huxia.decided).toBeUndefined();
    expect(outcome.moves.individuals.map((m) => [m.name, m.advancedBefore, m.advancedAfter])).toEqual([
      ["胡霞", false, true],
      ["刘洋", false, true],
    ]);
  });
});
