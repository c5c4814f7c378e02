import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { rankWorkbook, validateWorkbook } from "../../src/workbook/pipeline";
import { recordedFingerprint, staleSheets } from "../../src/workbook/stale";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { addRow, rowWhere, sampleGrids, setCell } from "./helpers";

/** 规则 §8 Stale results: generated sheets that no longer match the inputs are reported; a rebuild clears it. */

const NOW = new Date(2026, 0, 15, 9, 30);
const STALE = "“排名”等结果已过期：输入在生成后有改动，请重新排名";

/** The workbook after a rank: its inputs plus the generated sheets as a host would read them back. */
function ranked(grids: WorkbookGrids, locale: "zh-CN" | "en-US" = "zh-CN"): WorkbookGrids {
  const outcome = rankWorkbook(grids, { now: NOW, locale });
  expect(outcome.ok).toBe(true);
  const written = new Set(outcome.sheets.map((s) => s.name));
  const asGrid = (s: OutputSheet) => ({
    name: s.name,
    values: s.rows.map((r) => [...r]),
    firstRow: 1,
    firstColumn: 1,
  });
  return [...grids.filter((g) => !written.has(g.name)), ...outcome.sheets.map(asGrid)];
}

const staleWarnings = (grids: WorkbookGrids) =>
  validateWorkbook(grids).filter((i) => i.message.zh.includes("结果已过期"));

describe("规则 §8 stale results", () => {
  test("just ranked: no warning; the header line records the fingerprint", () => {
    const grids = ranked(sampleGrids());
    expect(staleWarnings(grids)).toEqual([]);
    expect(recordedFingerprint(grids.find((g) => g.name === "排名")?.values[0][0])).toMatch(/^[0-9A-F]{12}$/);
  });

  test("an input changed after ranking: one warning on 排名 naming it, in both languages", () => {
    const grids = ranked(sampleGrids());
    setCell(grids, "目标管理", 2, "社区基础", 19.5);
    const [w] = staleWarnings(grids);
    expect(w).toMatchObject({ severity: "warning", sheet: "排名" });
    expect(w.message.zh).toBe(STALE);
    expect(w.message.en).toMatch(/"排名" and 4 other result sheet\(s\) are out of date/);
    expect(staleSheets(grids, "000000000000")).toEqual([
      "排名",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    // rank reports it apart: the sheets it makes in their place clear it.
    const outcome = rankWorkbook(grids, { now: NOW });
    expect(outcome.stale.map((i) => i.message.zh)).toEqual([STALE]);
    expect(outcome.issues.some((i) => i.message.zh.includes("已过期"))).toBe(false);
  });

  test("a settings change makes results stale too; a rebuild clears the warning", () => {
    const grids = ranked(sampleGrids());
    setCell(grids, "设置", rowWhere(grids, "设置", "项目", "折算比例"), "值", 0.25);
    expect(staleWarnings(grids)).toHaveLength(1);
    expect(staleWarnings(ranked(grids))).toEqual([]);
  });

  test("the edge: a change that leaves the records as read (a blank row, spaces around a name) is not stale", () => {
    const grids = ranked(sampleGrids());
    addRow(grids, "荣誉", {});
    const name = grids.find((g) => g.name === "社区")?.values[1][0];
    setCell(grids, "社区", 2, "社区", `  ${String(name)} `);
    expect(staleWarnings(grids)).toEqual([]);
  });

  test("English header lines are read too; a person's sheet named 排名 is never judged", () => {
    const grids = ranked(sampleGrids(), "en-US");
    setCell(grids, "人员", 2, "个人考核得分", 1);
    expect(staleWarnings(grids)).toHaveLength(1);
    const own = sampleGrids();
    own.push({ name: "排名", values: [["我的排名 数据指纹 ABCDEFABCDEF"]], firstRow: 1, firstColumn: 1 });
    expect(staleWarnings(own)).toEqual([]);
  });
});

describe("规则 §8 stale results on the command line", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "scorecard-stale-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = async (...args: string[]) => {
    let stdout = "";
    const io: Io = { out: (t) => (stdout += t + "\n"), err: () => undefined };
    return { code: await run(args, io), stdout };
  };

  test("validate and rank warn on the ranked file once its inputs change; a rebuild clears it", async () => {
    const f = (n: string) => path.join(dir, n);
    await cli("sample", f("s.xlsx"));
    expect((await cli("rank", f("s.xlsx"), "--out", f("r.xlsx"))).code).toBe(0);
    expect((await cli("validate", f("r.xlsx"))).stdout).not.toContain("已过期");
    const wb = await loadXlsx(readFileSync(f("r.xlsx")));
    wb.getWorksheet("目标管理")!.getCell("B2").value = 17;
    writeFileSync(f("changed.xlsx"), await saveXlsx(wb));
    const v = await cli("validate", f("changed.xlsx"));
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`警告  排名：${STALE}`);
    const r = await cli("rank", f("changed.xlsx"), "--json");
    expect(JSON.parse(r.stdout).issues).toContainEqual(
      expect.objectContaining({ sheet: "排名", message: STALE })
    );
    await cli("rank", f("changed.xlsx"), "--out", f("again.xlsx"));
    expect((await cli("validate", f("again.xlsx"))).stdout).not.toContain("已过期");
  });
});
