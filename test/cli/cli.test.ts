import { INPUT_SHEET_NAMES } from "../workbook/helpers";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { displayWidth, formatTable } from "../../src/cli/table";
import { Io } from "../../src/cli/output";
import { loadXlsx, saveXlsx } from "../xlsx/exceljs-io";

/** 规则 §7.2: `npm run --silent scorecard -- template|sample|validate|rank|workplan …`. */

const ROOT = path.resolve(__dirname, "../..");
// What `npm run scorecard` runs: the compiled command line (built first when missing or stale).
const LAUNCHER = path.join(ROOT, "scripts/scorecard.js");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real command line, as a child process: node on the compiled bundle, as npm starts it. */
function cli(...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [LAUNCHER, ...args],
      { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "0" } },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === "number" ? err.code : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

/** The same entry in-process, for the many small cases. */
async function inProcess(...args: string[]): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const io: Io = { out: (t) => (stdout += t + "\n"), err: (t) => (stderr += t + "\n") };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const file = (name: string) => path.join(dir, name);

describe("规则 §7.2 scorecard as a child process", () => {
  test("sample → rank --json → validate; broken, missing and non-xlsx files exit 2 in one line", async () => {
    writeFileSync(file("broken.xlsx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]));
    writeFileSync(file("table.csv"), "社区,得分\n东门社区,1\n");
    const made = await cli("sample", file("sample.xlsx"));
    expect(made).toMatchObject({ code: 0, stderr: "" });
    const [ranked, validated, broken, missing, csv, usage] = await Promise.all([
      cli("rank", file("sample.xlsx"), "--json", "--out", file("ranked.xlsx")),
      cli("validate", file("sample.xlsx")),
      cli("rank", file("broken.xlsx")),
      cli("validate", file("nope.xlsx")),
      cli("validate", file("table.csv"), "--json"),
      cli("rank", file("sample.xlsx"), "--bogus"),
    ]);
    expect(ranked.code).toBe(0);
    const json = JSON.parse(ranked.stdout) as {
      communities: { name: string; rank: number; advanced: unknown }[];
    };
    expect(json.communities).toHaveLength(12);
    expect(json.communities[0]).toMatchObject({ name: "西城社区", rank: 1, advanced: true });
    expect(existsSync(file("ranked.xlsx"))).toBe(true);

    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain("0 个错误，3 个警告");

    for (const bad of [broken, missing, csv, usage]) {
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    for (const bad of [broken, missing, csv]) expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toContain("文件已损坏");
    expect(missing.stderr).toContain("找不到文件");
    expect(csv.stderr).toContain("不是 Excel 工作簿");
  });
});

describe("规则 §7.2 scorecard commands", () => {
  let sample = "";
  beforeAll(async () => {
    sample = file("s.xlsx");
    expect((await inProcess("sample", sample)).code).toBe(0);
  });

  test("template writes every input sheet; validate on the empty template: one error, 社区 is empty (exit 1)", async () => {
    expect(await inProcess("template", file("t.xlsx"))).toMatchObject({ code: 0 });
    const wb = await loadXlsx(readFileSync(file("t.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(INPUT_SHEET_NAMES);
    const v = await inProcess("validate", file("t.xlsx"), "--json");
    // An empty template has no communities: that is the one thing to fix, at 社区 row 2.
    expect(v.code).toBe(1);
    const out = JSON.parse(v.stdout) as { issues: { sheet: string; row: number; severity: string }[] };
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ sheet: "社区", row: 2, severity: "error" });
  });

  test("rank prints an aligned table with Chinese names (double width counted)", async () => {
    const r = await inProcess("rank", sample);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const header = lines[0];
    const rows = lines.slice(2, 14);
    expect(header).toContain("综合得分");
    // The 综合得分 column ends at the same display column on every line.
    const end = (line: string, text: string) =>
      displayWidth(line.slice(0, line.lastIndexOf(text) + text.length));
    expect(rows[0]).toContain("113.67");
    expect(end(rows[0], "113.67")).toBe(end(header, "综合得分"));
    expect(end(rows[11], "75.00")).toBe(end(header, "综合得分"));
    expect(r.stdout).toContain("并列待定");
    // 规则 §8 距先进线 and 距上一名: the official figure (2 decimals); blank for 村改居.
    expect(header).toMatch(/距先进线\s+距上一名/);
    const row = (name: string) => rows.find((l) => l.includes(name)) ?? "";
    expect(row("春晖社区")).toMatch(/\s2\.50\s+2\.50\s/); // 86 − 83.5, and 86 − 83.5
    expect(row("南苑社区")).toMatch(/先进\s+0\.00\s+4\.83\s/); // 96 − 91⅙
    expect(row("桥头社区")).toMatch(/不参评\s+11\.67\s/); // 村改居: no gap to the cut
  });

  test("rank with errors: exit 1, the issues printed, nothing written", async () => {
    const wb = await loadXlsx(readFileSync(sample));
    const honors = wb.getWorksheet("荣誉");
    if (!honors) throw new Error("no sheet");
    honors.getCell("D2").value = "部级";
    writeFileSync(file("bad.xlsx"), await saveXlsx(wb));
    const r = await inProcess("rank", file("bad.xlsx"), "--out", file("bad-out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("错误  荣誉 第 2 行 级别 (D2)：未知级别“部级”");
    expect(r.stdout).toContain("未写出");
    expect(existsSync(file("bad-out.xlsx"))).toBe(false);
    const j = await inProcess("rank", file("bad.xlsx"), "--json");
    expect(JSON.parse(j.stdout)).toMatchObject({ communities: [], individuals: [] });
    const v = await inProcess("validate", file("bad.xlsx"), "--json");
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).issues[0]).toEqual({
      severity: "error",
      sheet: "荣誉",
      row: 2,
      column: "级别",
      message: "未知级别“部级”：应为 区镇/区级/市级/省级/全国",
    });
  });

  test("workplan: the summary JSON in the shape of docs/命令.md; --today validated", async () => {
    const w = await inProcess("workplan", sample, "--today", "2024-07-01", "--json");
    expect(w.code).toBe(0);
    const j = JSON.parse(w.stdout);
    expect(Object.keys(j)).toEqual([
      "total",
      "done",
      "inProgress",
      "notStarted",
      "adjusted",
      "sections",
      "overdue",
      "noOwner",
      "issues",
    ]);
    expect(j.total).toBe(21);
    expect(j.sections).toHaveLength(6);
    expect(j.overdue.map((o: { due: string }) => o.due)).toEqual(["2024-06-30"]);
    const text = await inProcess("workplan", sample, "--today", "2024-07-01");
    expect(text.stdout).toContain("逾期要点（按 2024-07-01）：1 项");
    for (const bad of ["2024-02-30", "tomorrow", "2024/07/01"]) {
      const b = await inProcess("workplan", sample, "--today", bad);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain("--today");
    }
  });

  test("usage errors exit 2 with one line: unknown command, unknown option, missing or extra argument", async () => {
    for (const args of [
      ["frobnicate"],
      ["rank", sample, "--fast"],
      ["sample"],
      ["validate", sample, "extra"],
      ["validate", sample, "--out", "x.xlsx"],
      ["rank", sample, "--out"],
    ]) {
      const r = await inProcess(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect((await inProcess("help")).code).toBe(0);
  });

  test("a password-protected workbook is refused in one line (exit 2)", async () => {
    // The start of an encrypted OOXML file: an OLE compound file holding an EncryptionInfo stream.
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const name = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);
    writeFileSync(file("locked.xlsx"), Uint8Array.from([...ole, ...new Array(504).fill(0), ...name]));
    const r = await inProcess("rank", file("locked.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("密码");
  });

  test("rank --out onto a folder that does not exist: exit 2, one line", async () => {
    const r = await inProcess("rank", sample, "--out", path.join(dir, "no-such-dir", "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件夹不存在");
  });

  test("with no file, validate/rank/workplan use the built-in sample (a note on stderr, clean JSON on stdout)", async () => {
    const r = await inProcess("rank", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).communities).toHaveLength(12);
    expect(r.stderr).toContain("内置示例");
    expect((await inProcess("validate")).code).toBe(0);
    // The sample is read from its sheets' values, not from an .xlsx: the same ranking as its file gives.
    const fromFile = await inProcess("rank", sample, "--json");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const plan = await inProcess("workplan", "--json", "--today", "2024-07-01");
    const planFromFile = await inProcess("workplan", sample, "--json", "--today", "2024-07-01");
    expect(JSON.parse(plan.stdout)).toEqual(JSON.parse(planFromFile.stdout));
  });

  test("--lang en gives English messages", async () => {
    const r = await inProcess("validate", sample, "--lang", "en");
    expect(r.stdout).toContain("0 error(s), 3 warning(s)");
    const missing = await inProcess("validate", file("none.xlsx"), "--lang", "en");
    expect(missing.stderr).toContain("File not found");
  });
});

describe("issue 13 §4: the compiled command line", () => {
  /** Runs a command in a fresh node on the compiled bundle; says whether ExcelJS got loaded. */
  function loadsExcelJs(...args: string[]): Promise<boolean> {
    const code =
      `const m = require(require("./scripts/build-cli.js").ensureCli());` +
      `m.run(${JSON.stringify(args)}, { out() {}, err() {} }).then(() => ` +
      `process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("node_modules/exceljs/")))))`;
    return new Promise((resolve, reject) =>
      execFile(process.execPath, ["-e", code], { cwd: ROOT }, (err, stdout) =>
        err ? reject(err) : resolve(stdout.trim() === "true")
      )
    );
  }

  test("rank, validate, workplan and template never load ExcelJS (issue 23: the package writer makes the template)", async () => {
    expect(await loadsExcelJs("rank", "--json")).toBe(false);
    expect(await loadsExcelJs("validate", file("s.xlsx"))).toBe(false); // made by the describe above
    expect(await loadsExcelJs("workplan", "--json")).toBe(false);
    expect(await loadsExcelJs("template", file("lazy-template.xlsx"))).toBe(false);
  });
});

describe("CLI tables", () => {
  test("CJK characters count two columns", () => {
    expect(displayWidth("东门社区")).toBe(8);
    expect(displayWidth("ab１")).toBe(4);
    const t = formatTable(
      ["名", "score"],
      [
        ["东门社区", "1.00"],
        ["A", "10.00"],
      ],
      ["left", "right"]
    ).split("\n");
    expect(t.map(displayWidth)).toEqual([15, 15, 15, 15]);
  });
});
