import { execFile } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { cli } from "./run-cli";

/**
 * 规则 §8 "`rank --out` naming the input file itself is refused (exit 2): the input is never
 * overwritten", for every spelling of the same file, and the true reason when a file cannot be
 * written.
 */

let dir = "";
let sample = "";
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-out-"));
  sample = file("input.xlsx");
  expect((await cli("sample", sample)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("规则 §8 --out naming the input is refused, exit 2, the input untouched", () => {
  test.each([
    ["the same path", () => sample],
    ["with ./ and ..", () => path.join(dir, ".", "sub-that-is-not-there", "..", "input.xlsx")],
    ["a relative path", () => path.relative(process.cwd(), sample)],
    [
      "a symbolic link to it",
      () => {
        symlinkSync(sample, file("link.xlsx"));
        return file("link.xlsx");
      },
    ],
    [
      "a hard link to it",
      () => {
        linkSync(sample, file("hard.xlsx"));
        return file("hard.xlsx");
      },
    ],
  ])("rank --out %s", async (_case, out) => {
    const before = readFileSync(sample);
    const r = await cli("rank", sample, "--out", out());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  test("another letter case of the input's name, where the disk ignores case", async () => {
    const upper = file("INPUT.xlsx");
    // On a case-sensitive disk INPUT.xlsx is another file: writing it is the allowed case.
    const caseInsensitive = existsSync(upper);
    const r = await cli("rank", sample, "--out", upper);
    expect(r.code).toBe(caseInsensitive ? 2 : 0);
    if (!caseInsensitive) rmSync(upper);
  });

  test("a read-only (0444) input stays read-only and unchanged; another file is written", async () => {
    const ro = file("readonly.xlsx");
    writeFileSync(ro, readFileSync(sample));
    chmodSync(ro, 0o444);
    const r = await cli("rank", ro, "--out", ro);
    expect(r.code).toBe(2);
    expect(statSync(ro).mode & 0o777).toBe(0o444);
    // The edge: the same name in another folder is another file, and is written.
    const other = path.join(mkdtempSync(path.join(dir, "o-")), "readonly.xlsx");
    expect((await cli("rank", ro, "--out", other)).code).toBe(0);
    expect(existsSync(other)).toBe(true);
  });

  test("the English message says the same", async () => {
    const r = await cli("rank", sample, "--out", sample, "--lang", "en");
    expect(r.stderr).toContain("is the input file itself");
  });

  test("workplan --out naming the input is refused too; another file gets the 工作要点汇总 sheet", async () => {
    expect((await cli("workplan", sample, "--out", sample)).code).toBe(2);
    const out = file("plan.xlsx");
    const r = await cli("workplan", sample, "--today", "2026-12-31", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写出");
    const wb = await loadXlsx(readFileSync(out));
    const sheet = wb.getWorksheet("工作要点汇总");
    expect(sheet).toBeDefined();
    expect(String(sheet?.getCell("A1").value)).toContain("工作要点汇总");
    // The input's own sheets are still there.
    expect(wb.getWorksheet("工作要点")).toBeDefined();
  });

  test("workplan --out with errors in the work plan: exit 1, nothing written", async () => {
    const wb = await loadXlsx(readFileSync(sample));
    const plan = wb.getWorksheet("工作要点");
    if (!plan) throw new Error("no sheet");
    plan.getCell("F2").value = "明年";
    writeFileSync(file("bad-plan.xlsx"), await saveXlsx(wb));
    const r = await cli("workplan", file("bad-plan.xlsx"), "--out", file("bad-plan-out.xlsx"));
    expect(r.code).toBe(1);
    expect(existsSync(file("bad-plan-out.xlsx"))).toBe(false);
  });
});

describe("an output that cannot be written names the true reason (exit 2, one line)", () => {
  const proc = existsSync("/proc/version") ? test : test.skip;

  proc("--out /proc/version: read-only, not 文件夹不存在", async () => {
    const r = await cli("rank", sample, "--out", "/proc/version");
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("文件夹不存在");
    expect(r.stderr).toContain("只读");
  });

  proc("--out /proc/new.xlsx: a folder that takes no new files", async () => {
    const r = await cli("rank", sample, "--out", "/proc/scorecard-new.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不允许新建文件");
  });

  test("a folder as --out; a file as the folder; a missing folder", async () => {
    expect((await cli("rank", sample, "--out", dir)).stderr).toContain("是文件夹");
    expect((await cli("rank", sample, "--out", path.join(sample, "x.xlsx"))).stderr).toContain("不是文件夹");
    expect((await cli("template", path.join(dir, "none", "t.xlsx"))).stderr).toContain("文件夹不存在");
  });
});

describe("规则 §7.2 a closed pipe ends the command quietly", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const TSX = path.join(ROOT, "node_modules/.bin/tsx");
  const MAIN = path.join(ROOT, "src/cli/main.ts");

  test("validate … | head -1: no EPIPE, no stack trace; the exit code is the command's", async () => {
    // Thousands of issue lines: far more than a pipe holds, so writing goes on after head exits.
    const wb = await loadXlsx(readFileSync(sample));
    const staff = wb.getWorksheet("人员");
    if (!staff) throw new Error("no sheet");
    for (let i = 0; i < 4000; i++) staff.addRow([`员工${i}`, `无此社区${i}`, 90]);
    writeFileSync(file("many.xlsx"), await saveXlsx(wb));
    const script = `"${TSX}" "${MAIN}" validate "${file("many.xlsx")}" 2>"${file("err.txt")}" | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const out = await new Promise<string>((resolve) =>
      execFile("bash", ["-c", script], { cwd: ROOT }, (_e, stdout) => resolve(stdout))
    );
    expect(out).toContain("校验结果");
    expect(out).toContain("exit=1");
    expect(readFileSync(file("err.txt"), "utf8")).toBe("");
  }, 60_000);
});

describe("工作要点 problems are listed by validate, as a section of their own", () => {
  test("a bad due date and status: the section after the assessment's issues, exit 1; JSON apart", async () => {
    const wb = await loadXlsx(readFileSync(sample));
    const plan = wb.getWorksheet("工作要点");
    if (!plan) throw new Error("no sheet");
    plan.getCell("F3").value = "明年";
    plan.getCell("G4").value = "搁置";
    writeFileSync(file("plan-issues.xlsx"), await saveXlsx(wb));
    const r = await cli("validate", file("plan-issues.xlsx"));
    expect(r.code).toBe(1);
    const [assessment, section] = r.stdout.split("\n\n");
    expect(assessment).toContain("校验结果：0 个错误");
    expect(section.split("\n")[0]).toBe("工作要点：2 个错误，0 个警告");
    expect(section).toContain("工作要点 第 3 行 完成时限 (F3)");
    expect(section).toContain("状态“搁置”无法识别");
    const j = JSON.parse((await cli("validate", file("plan-issues.xlsx"), "--json")).stdout);
    expect(j.issues.some((i: { sheet: string }) => i.sheet === "工作要点")).toBe(false);
    expect(j.workplanIssues.map((i: { row: number }) => i.row)).toEqual([3, 4]);
  });

  test("the edge: a clean work plan adds no section; no 工作要点 sheet is not a problem", async () => {
    const r = await cli("validate", sample);
    expect(r.stdout).not.toContain("工作要点：");
    const wb = await loadXlsx(readFileSync(sample));
    wb.removeWorksheet(wb.getWorksheet("工作要点")!.id);
    writeFileSync(file("no-plan.xlsx"), await saveXlsx(wb));
    const v = await cli("validate", file("no-plan.xlsx"), "--json");
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).workplanIssues).toEqual([]);
  });
});
