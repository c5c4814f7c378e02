import {
  AssessmentResult,
  CATEGORIES,
  CATEGORY_NAMES,
  centsToYuan,
  EXACT_FORMAT,
  Locale,
  say,
} from "../../src/scoring";
import { generatedKeyOf, GENERATED_MARKER } from "../../src/workbook/marker";
import {
  communityNamed,
  rankWorkbook,
  readWorkbook,
  STATEMENTS_IN_RANK_MAX,
  statementWorkbook,
} from "../../src/workbook/pipeline";
import { fingerprint } from "../../src/workbook/report";
import { statementTitle } from "../../src/workbook/statements";
import { OutputSheet, OutputValue, WorkbookGrids } from "../../src/workbook/types";
import { generatedWorkbook } from "../office/fixtures";
import { addRow, rowWhere, sampleGrids, setCell, tab } from "./helpers";

/** 规则 §8 成绩单: one signed page per community (src/workbook/statements.ts). */

const NOW = new Date(2024, 11, 31, 9, 30);

function statements(grids: WorkbookGrids, locale: Locale = "zh-CN", community?: string) {
  const out = statementWorkbook(grids, { now: NOW, locale, community });
  if (!out.sheet || !out.result) throw new Error(`no statements: ${JSON.stringify(out.issues.slice(0, 2))}`);
  return { sheet: out.sheet, result: out.result };
}

interface Block {
  /** Index in the sheet's rows of the block's first row (its title). */
  first: number;
  rows: OutputValue[][];
}

/** The blocks of the sheet, cut at its page breaks (the header line, row 0, belongs to none). */
function blocks(sheet: OutputSheet): Block[] {
  const ends = [...(sheet.print?.breaksAfter ?? []), sheet.rows.length - 1];
  let first = 1;
  return ends.map((end) => {
    const b = { first, rows: sheet.rows.slice(first, end + 1) };
    first = end + 1;
    return b;
  });
}

/** The first row of a block whose label (column A) is `label`. */
function line(b: Block, label: string): OutputValue[] {
  const found = b.rows.find((r) => r[0] === label);
  if (!found) throw new Error(`no row ${label} in ${String(b.rows[1]?.[0])}`);
  return found;
}

/** The format a cell is shown with: its own, else its column's. */
function formatOf(sheet: OutputSheet, row: number, column: number): string {
  const own = sheet.cellFormats?.find((f) => f.row === row && f.column === column);
  return own?.format ?? sheet.numberFormats[column];
}

const community = (b: Block) =>
  String(b.rows[1][0])
    .replace(/^社区：/, "")
    .split("\u3000")[0];

/** Expected bonus records of a community, kind by kind, as the engine scored them. */
function recordsOf(result: AssessmentResult, name: string, source: string) {
  return result.details
    .filter((d) => d.community === name && d.source === source)
    .sort((a, b) => a.row - b.row);
}

const KINDS = [
  ["honors", "业绩优秀奖小计", "honor"],
  ["basicPublicity", "基础宣传小计", "basicPublicity"],
  ["publicity", "宣传报道小计", "externalPublicity"],
  ["contributions", "重要贡献小计", "contribution"],
] as const;

describe("规则 §8 成绩单 on the sample", () => {
  const { sheet, result } = statements(sampleGrids());
  const all = blocks(sheet);

  test("one block per community, in rank order, a page break after each but the last", () => {
    expect(all).toHaveLength(12);
    expect(all.map(community)).toEqual(result.communities.map((c) => c.name));
    expect(sheet.print?.breaksAfter).toHaveLength(11);
    // Each block starts with its title, merged across the four columns and bold.
    for (const b of all) {
      expect(b.rows[0][0]).toBe("2024年度社区目标管理考核成绩单");
      expect(sheet.merges).toContainEqual({ row: b.first, firstColumn: 0, lastColumn: 3 });
      expect(sheet.boldRows).toContain(b.first);
    }
  });

  test("the header line like every generated sheet: marker, fingerprint; the stale check finds it", () => {
    const a1 = String(sheet.rows[0][0]);
    expect(a1.startsWith(`${GENERATED_MARKER}成绩单 2024 年度`)).toBe(true);
    const read = readWorkbook(sampleGrids());
    expect(a1).toContain(`数据指纹 ${fingerprint(read.input, read.rules)}`);
    expect(generatedKeyOf(a1)).toBe("statements");
    expect(sheet.name).toBe("成绩单");
  });

  test("prints on A4 portrait, one page wide, the year and title in the page header, page numbers below", () => {
    expect(sheet.print).toMatchObject({
      orientation: "portrait",
      onePageWide: true,
      header: "2024年度 成绩单",
      footer: "第 &P 页，共 &N 页",
    });
    // No repeated rows: each page is one community's statement, with its own title.
    expect(sheet.print?.repeatRows).toBeUndefined();
    expect(sheet.freezeRows).toBe(0);
    // Narrow enough to print at full size on A4 portrait (70 characters), centred; reasons wrap.
    expect(sheet.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(70);
    expect(sheet.print?.centered).toBe(true);
    const reason = sheet.columnLooks?.find((l) => l.column === 3)?.look;
    expect(reason).toMatchObject({ wrap: true, indent: 1 });
  });

  test("the six categories with maximum and score, the target score, bold", () => {
    for (const b of all) {
      const c = result.communities.find((x) => x.name === community(b))!;
      for (const k of CATEGORIES)
        expect(line(b, say(CATEGORY_NAMES[k]))).toEqual([
          say(CATEGORY_NAMES[k]),
          20 - (["foundation", "service"].includes(k) ? 0 : 5),
          c.categories[k].toNumber(),
          null,
        ]);
      const target = b.rows.findIndex((r) => r[0] === "目标管理得分");
      expect(b.rows[target]).toEqual(["目标管理得分", 100, c.target.toNumber(), null]);
      expect(sheet.boldRows).toContain(b.first + target);
    }
  });

  test("every bonus record of the community, counted or not, with points and reason, under a subtotal per kind", () => {
    for (const b of all) {
      const c = result.communities.find((x) => x.name === community(b))!;
      for (const [source, subtotal, field] of KINDS) {
        const at = b.rows.findIndex((r) => r[0] === subtotal);
        expect(b.rows[at][2]).toBe(c[field].toNumber());
        expect(sheet.boldRows).toContain(b.first + at);
        const expected = recordsOf(result, c.name, source);
        const shown = b.rows.slice(at + 1, at + 1 + expected.length);
        expect(shown).toEqual(
          expected.map((d) => [
            d.label,
            null,
            d.points.toNumber(),
            d.reasons.map((r) => r.text.zh).join("；"),
          ])
        );
      }
      expect(line(b, "单项奖励合计")[2]).toBe(c.rewards.toNumber());
      expect(line(b, "综合得分")[2]).toBe(c.total.toNumber());
      expect(line(b, "折算分").slice(2)).toEqual([c.converted.toNumber(), "综合得分 × 20%"]);
    }
    // The counted and the uncounted: 东门社区's second 民主法治示范社区 is there with 0 and why.
    const dongmen = all.find((b) => community(b) === "东门社区")!;
    expect(line(dongmen, "市级民主法治示范社区")[2]).toBe(0);
    expect(line(dongmen, "市级民主法治示范社区")[3]).toMatch(/不计分/);
    expect(line(dongmen, "省级民主法治示范社区")[2]).toBe(10);
  });

  test("rank of all, status, 距先进线 (0 for the advanced, blank for 村改居), money in yuan", () => {
    for (const b of all) {
      const c = result.communities.find((x) => x.name === community(b))!;
      expect(line(b, "名次")[2]).toBe(`第 ${c.rank} 名（共 12 个社区）`);
      const status = line(b, "评定")[2];
      const gap = line(b, "距先进线")[2];
      if (c.type === "村改居") {
        expect(status).toBe("村改居不参评");
        expect(gap).toBeNull();
      } else if (c.advanced === true) {
        expect(status).toBe("先进社区");
        expect(gap).toBe(0);
      } else {
        expect(status).toBe("—");
        expect(gap).toBe(c.gapToCut?.toNumber());
        expect(gap).toBeGreaterThan(0);
      }
      expect(line(b, "奖金（元）")[2]).toBe(centsToYuan(c.moneyCents!));
    }
    const [qiaotou] = all.filter((b) => community(b) === "桥头社区");
    expect(String(qiaotou.rows[1][0])).toContain("类型：村改居");
  });

  test("a record's points as exact as stored (0.00##), the community's figures and money in 0.00, words in the number columns as text", () => {
    expect(sheet.numberFormats).toEqual(["@", "0.00", "0.00", "@"]);
    const xicheng = all[0];
    const joint = xicheng.rows.findIndex((r) => r[0] === "三社区联合举办邻里文化节");
    expect(xicheng.rows[joint][2]).toBeCloseTo(2 / 3, 12);
    expect(formatOf(sheet, xicheng.first + joint, 2)).toBe(EXACT_FORMAT);
    const money = xicheng.rows.findIndex((r) => r[0] === "奖金（元）");
    expect(formatOf(sheet, xicheng.first + money, 2)).toBe("0.00");
    const rank = xicheng.rows.findIndex((r) => r[0] === "名次");
    expect(formatOf(sheet, xicheng.first + rank, 2)).toBe("@");
    // Every text cell is shown as text, every number cell with a number format.
    sheet.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (i === 0 || v === null) return;
        expect(`${i}:${c} ${formatOf(sheet, i, c) === "@"}`).toBe(`${i}:${c} ${typeof v === "string"}`);
      })
    );
  });

  test("signature lines close every block, above its small grey machine line", () => {
    for (const b of all) {
      const texts = b.rows.map((r) => String(r[0] ?? ""));
      const group = texts.findIndex((t) => t.startsWith("考核组（签字）"));
      const head = texts.findIndex((t) => t.startsWith("社区负责人（签字）"));
      const date = texts.findIndex((t) => t.startsWith("日期"));
      expect(group).toBeGreaterThan(texts.indexOf("距先进线"));
      expect(head).toBeGreaterThan(group);
      expect(date).toBe(b.rows.length - 2);
      expect(String(b.rows[b.rows.length - 1][0])).toMatch(/^社区考核助手生成于 .* · 数据指纹 [0-9A-F]{12}$/);
    }
  });

  test("--community: only that community's block", () => {
    const one = statements(sampleGrids(), "zh-CN", "新华社区");
    const [b] = blocks(one.sheet);
    expect(blocks(one.sheet)).toHaveLength(1);
    expect(community(b)).toBe("新华社区");
    expect(line(b, "名次")[2]).toBe("第 9 名（共 12 个社区）");
    expect(one.sheet.print?.breaksAfter).toBeUndefined();
  });

  test("en-US: the same blocks in English words", () => {
    const en = statements(sampleGrids(), "en-US");
    const [b] = blocks(en.sheet);
    expect(b.rows[0][0]).toBe("2024 Community Target Management Assessment Statement");
    expect(b.rows[1][0]).toBe("Community: 西城社区    Type: 社区    Code: SQ02");
    expect(line(b, "Rank")[2]).toBe("No. 1 of 12 communities");
    expect(line(b, "Status")[2]).toBe("Advanced community");
    expect(line(b, "Honors subtotal")[2]).toBe(1);
    expect(b.rows.some((r) => String(r[0]).startsWith("Assessment group (signature): "))).toBe(true);
    expect(en.sheet.print?.footer).toBe("Page &P of &N");
    expect(String(en.sheet.rows[0][0]).startsWith(`${GENERATED_MARKER}Statements 2024`)).toBe(true);
  });
});

describe("规则 §8 成绩单 on hand-made workbooks", () => {
  test("a tie at the cut: both 并列待定, 距先进线 0; the next one short of the cut by the exact gap", () => {
    const g = sampleGrids();
    // 新华社区 ties 锦绣社区 exactly: the same target (81) and total (86); 7 places, the 7th inside the tie.
    setCell(g, "目标管理", rowWhere(g, "目标管理", "社区", "新华社区"), "一居一品", 12.5);
    for (const title of ["新华社区开展老年助餐服务", "新华社区举办暑期托管班", "新华社区志愿者走访独居老人"])
      setCell(g, "宣传报道", rowWhere(g, "宣传报道", "标题", title), "以社区建设为主", "否");
    setCell(g, "设置", rowWhere(g, "设置", "项目", "先进社区名额"), "值", 7);
    const { sheet } = statements(g);
    const byName = new Map(blocks(sheet).map((b) => [community(b), b]));
    for (const name of ["锦绣社区", "新华社区"]) {
      expect(line(byName.get(name)!, "评定")[2]).toBe("并列待定");
      expect(line(byName.get(name)!, "距先进线")[2]).toBe(0);
      expect(line(byName.get(name)!, "名次")[2]).toBe("第 8 名（共 12 个社区）");
    }
    expect(line(byName.get("春晖社区")!, "距先进线")[2]).toBe(2.5);
    // The three articles are there, counted 0, with the reason.
    const xinhua = byName.get("新华社区")!;
    expect(line(xinhua, "宣传报道小计")[2]).toBe(0);
    expect(line(xinhua, "新华社区举办暑期托管班").slice(2)).toEqual([
      0,
      "区镇媒体每篇 0.2 分；内容不是以社区建设为主，不计分",
    ]);
  });

  test("money: a row when a pool is set, none when neither pool nor rate is", () => {
    const g = sampleGrids();
    const withMoney = statements(g).sheet;
    expect(withMoney.rows.filter((r) => r[0] === "奖金（元）")).toHaveLength(12);
    setCell(g, "设置", rowWhere(g, "设置", "项目", "奖金总额（元）"), "值", null);
    const without = statements(g).sheet;
    expect(without.rows.filter((r) => r[0] === "奖金（元）")).toHaveLength(0);
    expect(without.cellFormats?.some((f) => f.format === "0.00")).toBe(false);
  });

  test("a joint article of three with a 1/3 share of 0.2 shows 0.0667 on each, exactly, with the share in the reason", () => {
    const g = sampleGrids();
    addRow(g, "宣传报道", {
      社区: "春晖社区、梅园社区、沙湾社区",
      标题: "三社区联办社区运动会（转载）",
      级别: "区镇",
    });
    const { sheet, result } = statements(g);
    for (const name of ["春晖社区", "梅园社区", "沙湾社区"]) {
      const b = blocks(sheet).find((x) => community(x) === name)!;
      const at = b.rows.findIndex((r) => r[0] === "三社区联办社区运动会（转载）");
      // The title as typed: full-width brackets stay full-width.
      expect(at).toBeGreaterThan(0);
      expect(b.rows[at][2]).toBeCloseTo(0.2 / 3, 15);
      expect(formatOf(sheet, b.first + at, 2)).toBe(EXACT_FORMAT);
      expect(String(b.rows[at][3])).toMatch(/3 个社区/);
      const c = result.communities.find((x) => x.name === name)!;
      expect(line(b, "宣传报道小计")[2]).toBe(c.externalPublicity.toNumber());
    }
    // 计分明细 shows the title as typed too (the reader keeps it; only comparisons fold a copy).
    const details = rankWorkbook(g, { now: NOW }).sheets.find((x) => x.key === "details")!;
    expect(details.rows.filter((r) => r.includes("三社区联办社区运动会（转载）"))).toHaveLength(3);
  });

  test("text from the inputs as typed: a title =1+1 stays the text =1+1 in a text cell", () => {
    const g = sampleGrids();
    addRow(g, "荣誉", {
      社区: "春晖社区",
      荣誉名称: "=1+1",
      级别: "区级",
      文号: "X〔2024〕1号",
      考核组认可: "是",
    });
    addRow(g, "荣誉", { 社区: "春晖社区", 荣誉名称: "  两端有空格 ", 级别: "区级" });
    const { sheet } = statements(g);
    const at = sheet.rows.findIndex((r) => r[0] === "=1+1");
    expect(at).toBeGreaterThan(0);
    expect(formatOf(sheet, at, 0)).toBe("@");
    expect(sheet.rows.some((r) => r[0] === "  两端有空格 ")).toBe(true);
  });

  test("no 考核年度: the title without the year, the page header the sheet's name alone", () => {
    const g = sampleGrids();
    setCell(g, "设置", rowWhere(g, "设置", "项目", "考核年度"), "值", null);
    const { sheet } = statements(g);
    expect(sheet.rows[1][0]).toBe("社区目标管理考核成绩单");
    expect(statementTitle(null, "en-US")).toBe("Community Target Management Assessment Statement");
    expect(sheet.print?.header).toBe("成绩单");
  });

  test("errors: no statements, nothing to write", () => {
    const g = sampleGrids();
    addRow(g, "荣誉", { 社区: "无名社区", 荣誉名称: "x", 级别: "区级" });
    const out = statementWorkbook(g, { now: NOW });
    expect(out).toMatchObject({ ok: false, sheet: null, result: null });
  });
});

describe("规则 §8 成绩单 in 一键排名 and the statement command", () => {
  test(`一键排名 makes it up to ${STATEMENTS_IN_RANK_MAX} communities and leaves it out above, saying so; the command always makes it`, () => {
    const gridsOf = (n: number): WorkbookGrids =>
      generatedWorkbook(n).map((s) => ({ name: s.name, values: s.values, firstRow: 1, firstColumn: 1 }));
    const at = rankWorkbook(gridsOf(STATEMENTS_IN_RANK_MAX), { now: NOW });
    expect(at.sheets.map((s) => s.key)).toContain("statements");
    expect(at.notes).toEqual([]);
    const above = rankWorkbook(gridsOf(STATEMENTS_IN_RANK_MAX + 1), { now: NOW });
    expect(above.ok).toBe(true);
    expect(above.sheets.map((s) => s.key)).toEqual(["ranking", "individuals", "details", "issues"]);
    expect(above.notes.map((m) => m.zh)).toEqual([expect.stringContaining("statement")]);
    expect(above.notes[0].zh).toContain(`${STATEMENTS_IN_RANK_MAX + 1} 个社区`);
    const command = statementWorkbook(gridsOf(STATEMENTS_IN_RANK_MAX + 1), { now: NOW });
    expect(blocks(command.sheet!)).toHaveLength(STATEMENTS_IN_RANK_MAX + 1);
  });

  test("a community named as typed, folded, or not at all: the closest, else the names there are", () => {
    const names = ["东门社区", "西城社区", "ＡＢ社区"];
    expect(communityNamed(names, "西城社区")).toEqual({ name: "西城社区" });
    expect(communityNamed(names, " ab社区")).toEqual({ name: "ＡＢ社区" });
    expect(communityNamed(names, "西城社")).toEqual({
      unknown: expect.objectContaining({ zh: expect.stringContaining("是否应为“西城社区”") }),
    });
    expect(communityNamed(names, "东门")).toEqual({
      unknown: expect.objectContaining({ zh: expect.stringContaining("“东门社区”") }),
    });
    const none = communityNamed(names, "南湖");
    expect("unknown" in none && none.unknown.zh).toBe(
      "没有名为“南湖”的社区；社区表中有：东门社区、西城社区、ＡＢ社区"
    );
    const many = Array.from({ length: 30 }, (_, i) => `社区${i + 1}号`);
    const listed = communityNamed(many, "北湖");
    expect("unknown" in listed && listed.unknown.zh).toMatch(/社区20号 等 30 个$/);
  });

  test("the generated sheet is named around a person's 成绩单", () => {
    const g = sampleGrids();
    g.push({ name: "成绩单", values: [["我的成绩单草稿"]], firstRow: 1, firstColumn: 1 });
    const out = rankWorkbook(g, { now: NOW });
    expect(out.sheets.find((s) => s.key === "statements")?.name).toBe("成绩单 (2)");
    expect(tab(g, "成绩单").values).toEqual([["我的成绩单草稿"]]);
  });
});
