import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { cli } from "./run-cli";

/**
 * 规则 §10 考核组决定 from the command line: the sample written by `sample`, the group's decisions
 * typed into its 考核组决定 sheet (as a reviewer does in Excel), then `rank --json` and `whatif`.
 */

let dir = "";
let decided = "";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-decisions-"));
  const sample = path.join(dir, "sample.xlsx");
  expect((await cli("sample", sample)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const sheet = wb.getWorksheet("考核组决定");
  if (!sheet) throw new Error("the sample has no 考核组决定");
  const rows = [
    ["先进个人", "徐芳", "新华社区", "先进", "全年无差错", "会议纪要〔2024〕3号"],
    ["先进个人", "马红", "文昌社区", "先进", "牵头创建", "会议纪要〔2024〕3号"],
    ["先进个人", "胡霞", "锦绣社区", "非先进", "已获其他表彰", "会议纪要〔2024〕3号"],
  ];
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  decided = path.join(dir, "decided.xlsx");
  await wb.xlsx.writeFile(decided);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("规则 §10 a decision resolves a 并列待定 at the cut and nothing else (CLI)", () => {
  test("rank --json shows the decided places as true/false with decided: true, and no tie warning", async () => {
    const r = await cli("rank", decided, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      individuals: { name: string; advanced: boolean | "tie"; decided?: boolean }[];
      issues: { message: string }[];
    };
    const person = (name: string) => json.individuals.find((p) => p.name === name);
    expect(person("徐芳")).toMatchObject({ advanced: true, decided: true });
    expect(person("马红")).toMatchObject({ advanced: true, decided: true });
    expect(person("胡霞")).toMatchObject({ advanced: false, decided: true });
    expect(json.individuals.filter((p) => p.advanced === true)).toHaveLength(8);
    expect(json.individuals.some((p) => p.advanced === "tie")).toBe(false);
    expect(json.issues.filter((i) => i.message.includes("并列待定"))).toEqual([]);
  });

  test("rank prints 先进（考核组决定） and 非先进（考核组决定） in its table", async () => {
    const r = await cli("rank", decided);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/徐芳.*先进（考核组决定）/);
    expect(r.stdout).toMatch(/胡霞.*非先进（考核组决定）/);
  });

  test("whatif lists the decisions a change leaves without their tie, and does not apply them", async () => {
    const r = await cli("whatif", decided, "--set", "先进个人名额=10", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { unapplied: { sheet: string; row: number; message: string }[] };
    expect(json.unapplied.map((i) => [i.sheet, i.row])).toEqual([
      ["考核组决定", 2],
      ["考核组决定", 3],
      ["考核组决定", 4],
    ]);
    expect(json.unapplied[2].message).toContain("试算中此决定未采用：胡霞（锦绣社区）");
    const text = await cli("whatif", decided, "--set", "先进个人名额=10");
    expect(text.stdout).toContain("· 试算中此决定未采用：胡霞（锦绣社区）");
  });
});
