import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";

/**
 * 规则 §1–§6 end to end: a workbook made by `scorecard template`, filled the way a reviewer fills
 * it by hand, ranks as the rules say. Every expected figure below is worked out by hand in the
 * comments, not taken from the program.
 */
let dir = "";
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "scorecard-hand-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const io: Io = { out: (t) => (stdout += t + "\n"), err: () => undefined };
  return { code: await run(args, io), stdout };
}

function fill(wb: ExcelJS.Workbook, sheet: string, rows: unknown[][]): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`template has no ${sheet}`);
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r as ExcelJS.CellValue[]));
}

interface RankJson {
  communities: Record<string, unknown>[];
  individuals: Record<string, unknown>[];
  issues: { severity: string; sheet: string; row?: number; column?: string; message: string }[];
}

test("规则 §1–§5: a template filled by hand ranks, converts, selects and pays as the rules say", async () => {
  const template = path.join(dir, "template.xlsx");
  expect((await cli("template", template)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);

  fill(wb, "社区", [
    ["甲社区", "社区"],
    ["乙社区", ""],
    ["丙村", "村改居"],
  ]);
  fill(wb, "目标管理", [
    ["甲社区", 16.4, 16, 12, 12, 12, 12], // 80.4
    ["乙社区", "１６", 17, 12, 12, 12, 12], // 81 (full-width digits)
    ["丙村", 20, 20, 15, 15, 15, 10], // 95
  ]);
  fill(wb, "荣誉", [
    ["甲社区", "平安社区", "平安", "省级", "是", "市综治办", "综〔2026〕1号", "是"], // line dept: as 市级, 5
    ["甲社区", "文明社区", "文明", "市", "否", "市文明办", "文〔2026〕2号", "是"], // 5
    ["甲社区", "文明社区", "文明", "区级", "", "区文明办", "文〔2026〕3号", "是"], // same kind: 0
    ["甲社区", "全国示范", "", "全国", "", "部", "部〔2026〕4号", "否"], // not approved: 0, warning
  ]); // honors 10
  fill(wb, "基础宣传", [["甲社区", 3]]);
  fill(wb, "宣传报道", [
    ["甲社区、乙社区", "联合活动", "", "市级", "日报", "", "", "", ""], // 2 shared: 1 each
    ["甲社区", "社区新貌", "K1", "镇级", "镇刊"], // same content as the next: 0.2 < 0.5
    ["甲社区", "社区新貌（转载）", "K1", "区级", "区报"], // 0.5
    ["甲社区", "外稿", "", "省级", "省报", "是", "否"], // author not staff: 0
  ]); // 甲 1.5, 乙 1
  fill(wb, "重要贡献", [
    ["甲社区", "招商引资", "项目一", 4, "是"],
    ["甲社区", "招商引资", "项目二", 3, "是"], // line cap 5: cut 2
    ["甲社区", "征地拆迁", "", 6, "是"], // cut 1
    ["甲社区", "建设发展", "", 5, "是"],
    ["甲社区", "信访维稳", "", 5, "是"], // 20 reached
    ["甲社区", "矛盾化解", "", 2, "是"], // total cap: cut 2
    ["甲社区", "招商引资", "项目三", 1, "否"], // no leader agreement: 0
  ]); // 20
  fill(wb, "人员", [
    ["张三", "甲社区", 90],
    ["李四", "甲社区", 80],
    ["王五", "乙社区", 85],
    ["赵六", "丙村", 99],
  ]);
  const settings = wb.getWorksheet("设置")!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === "奖金总额（元）") row.getCell(2).value = 10000;
  });
  const filled = path.join(dir, "filled.xlsx");
  await wb.xlsx.writeFile(filled);

  const ranked = await cli("rank", filled, "--json");
  expect(ranked.code).toBe(0);
  const out = JSON.parse(ranked.stdout) as RankJson;
  const row = (name: string) => out.communities.find((c) => c.name === name)!;

  // 甲: 80.4 + (10 + 3 + 1.5 + 20) = 114.9; 丙 95; 乙 81 + 1 = 82.
  expect(out.communities.map((c) => [c.name, c.rank, c.total])).toEqual([
    ["甲社区", 1, 114.9],
    ["丙村", 2, 95],
    ["乙社区", 3, 82],
  ]);
  expect(row("甲社区")).toMatchObject({
    target: 80.4,
    honor: 10,
    basicPublicity: 3,
    externalPublicity: 1.5,
    contribution: 20,
    rewards: 34.5,
    converted: 22.98,
    advanced: true,
    eligible: true,
  });
  expect(row("乙社区")).toMatchObject({ target: 81, externalPublicity: 1, converted: 16.4, advanced: true });
  expect(row("丙村")).toMatchObject({ type: "村改居", eligible: false, advanced: false, converted: 19 });
  // Pool 1,000,000 cents by 22.98 : 19 : 16.4 → 393627.95, 325453.92, 280918.12; the 2 cents left go to .95 and .92.
  expect([row("甲社区").money, row("丙村").money, row("乙社区").money]).toEqual([3936.28, 3254.54, 2809.18]);
  // 甲's 3936.28 by 90 : 80 → 2083.9129…, 1852.3670… → the cent left goes to the larger remainder (李四).
  const person = (name: string) => out.individuals.find((p) => p.name === name)!;
  expect(out.individuals.map((p) => [p.name, p.rank, p.advanced])).toEqual([
    ["赵六", 1, false], // 村改居 staff: ranked, not eligible
    ["张三", 2, true],
    ["王五", 3, true],
    ["李四", 4, true],
  ]);
  expect([person("张三").money, person("李四").money, person("王五").money, person("赵六").money]).toEqual([
    2083.91, 1852.37, 2809.18, 3254.54,
  ]);
  // The one warning: the unapproved honor, located.
  expect(out.issues).toEqual([
    expect.objectContaining({ severity: "warning", sheet: "荣誉", row: 5, column: "考核组认可" }),
  ]);
});
