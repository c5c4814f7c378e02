import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { findSoffice } from "../../src/cli/pdf";
import { statementsText } from "../../src/cli/statement";
import { loadXlsx, gridsOf } from "../xlsx/exceljs-io";
import { generatedKeyOf } from "../../src/workbook/marker";
import { statementWorkbook } from "../../src/workbook/pipeline";
import { sampleGrids } from "../workbook/helpers";
import { cli } from "./run-cli";

/** 规则 §8 `statement <in.xlsx> [--community NAME] [--out out.xlsx] [--pdf out.pdf]`. */

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-statement-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

/** Runs with SOFFICE set as given (undefined: unset), restoring it after. */
async function withSoffice<T>(value: string | undefined, body: () => Promise<T>): Promise<T> {
  const before = process.env.SOFFICE;
  if (value === undefined) delete process.env.SOFFICE;
  else process.env.SOFFICE = value;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.SOFFICE;
    else process.env.SOFFICE = before;
  }
}

const TITLE = "2024年度社区目标管理考核成绩单";

describe("规则 §8 statement: text, --community, --out", () => {
  beforeAll(async () => {
    expect((await cli("sample", file("sample.xlsx"))).code).toBe(0);
  });

  test("without --out or --pdf: every statement as text, in rank order, exit 0", async () => {
    const r = await cli("statement", file("sample.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout.split(TITLE)).toHaveLength(13);
    const names = [...r.stdout.matchAll(/社区：(\S+?)\u3000/g)].map((m) => m[1]);
    expect(names.slice(0, 3)).toEqual(["西城社区", "东门社区", "桥头社区"]);
    expect(r.stdout).toMatch(/综合得分 +113\.67 +目标管理得分 \+ 单项奖励/);
    expect(r.stdout).toContain("第 1 名（共 12 个社区）");
    expect(r.stdout).toContain("考核组（签字）：");
    expect(r.stdout).toContain("校验结果：0 个错误");
    // The header line (marker, fingerprint) is for the file, not the terminal.
    expect(r.stdout).not.toContain("数据指纹");
  });

  test("--community: that one; a near miss or an unknown name is exit 2 in one line naming the closest or the communities", async () => {
    const one = await cli("statement", file("sample.xlsx"), "--community", "新华社区");
    expect(one.code).toBe(0);
    expect(one.stdout.split(TITLE)).toHaveLength(2);
    expect(one.stdout).toContain("第 9 名（共 12 个社区）");
    expect(one.stdout).toMatch(/三社区联合|区镇媒体每篇 0\.2 分/);

    const near = await cli("statement", file("sample.xlsx"), "--community", "新华社");
    expect(near).toMatchObject({ code: 2, stdout: "" });
    expect(near.stderr.trim().split("\n")).toEqual(["没有名为“新华社”的社区：是否应为“新华社区”？"]);
    const none = await cli("statement", file("sample.xlsx"), "--community", "南湖", "--lang", "en");
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split("\n")).toHaveLength(1);
    expect(none.stderr).toMatch(/^No community "南湖"; 社区 lists: 西城社区, 东门社区, .*沙湾社区$/m);
  });

  test("--out writes the input plus 成绩单; naming the input is refused (exit 2) and the input stays as it was", async () => {
    const input = file("sample.xlsx");
    const before = readFileSync(input);
    const refused = await cli("statement", input, "--out", input);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/就是输入文件/);
    expect(readFileSync(input).equals(before)).toBe(true);

    const out = file("with-statements.xlsx");
    const r = await cli("statement", input, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已写出：${out}（生成表 成绩单）`);
    const wb = await loadXlsx(readFileSync(out));
    const ws = wb.getWorksheet("成绩单");
    expect(generatedKeyOf(String(ws?.getCell("A1").value))).toBe("statements");
    expect(ws?.getCell("A2").value).toBe(TITLE);
    // The sheet read back is the sheet made (the package writer writes what the pipeline built).
    const made = statementWorkbook(sampleGrids(), { now: new Date() }).sheet!;
    const back = gridsOf(wb).find((g) => g.name === "成绩单")!;
    // Trailing blanks aside: a merged title's covered cells read back as blank cells.
    const trimmed = (r: readonly unknown[]) => {
      const line = r.map((v) => v ?? null);
      while (line.length > 0 && line[line.length - 1] === null) line.pop();
      return line;
    };
    expect(back.values.slice(1).map(trimmed)).toEqual(made.rows.slice(1).map(trimmed));
    // The input sheets are there too.
    expect(wb.getWorksheet("社区")).toBeDefined();
  });

  test("errors in the workbook: exit 1, the issues printed, nothing written", async () => {
    const wb = await loadXlsx(readFileSync(file("sample.xlsx")));
    wb.getWorksheet("荣誉")!.getCell("D2").value = "国际级";
    writeFileSync(file("broken.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = file("never.xlsx");
    const r = await cli("statement", file("broken.xlsx"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/校验结果：[1-9]\d* 个错误/);
    expect(r.stdout).toContain(`有错误，未写出 ${out}`);
    expect(existsSync(out)).toBe(false);
  });

  test("options it does not take are usage errors (exit 2); help names the command", async () => {
    expect((await cli("statement", file("sample.xlsx"), "--json")).code).toBe(2);
    expect((await cli("rank", file("sample.xlsx"), "--pdf", file("x.pdf"))).code).toBe(2);
    expect((await cli("statement", file("sample.xlsx"), "--community")).code).toBe(2);
    const help = await cli("help");
    expect(help.stdout).toContain(
      "statement <in.xlsx> [--community 社区] [--out <out.xlsx>] [--pdf <out.pdf>]"
    );
  });
});

describe("规则 §8 statement --pdf without LibreOffice", () => {
  test("SOFFICE naming nothing: exit 2, one line saying to install LibreOffice (libreoffice-calc); nothing written", async () => {
    const pdf = file("none.pdf");
    const r = await withSoffice("/nonexistent/soffice", () =>
      cli("statement", file("sample.xlsx"), "--pdf", pdf)
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/LibreOffice.*libreoffice-calc/);
    expect(existsSync(pdf)).toBe(false);
  });

  test("no soffice on the PATH and no SOFFICE: the same one line; a soffice on the PATH is found", () => {
    expect(() => findSoffice({ PATH: "/nonexistent" })).toThrow(/libreoffice-calc/);
    const bin = mkdtempSync(path.join(dir, "bin-"));
    writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findSoffice({ PATH: `/nonexistent${path.delimiter}${bin}` })).toBe(path.join(bin, "soffice"));
    expect(findSoffice({ PATH: bin, SOFFICE: "soffice" })).toBe(path.join(bin, "soffice"));
    // A file that is there but cannot run is no soffice.
    writeFileSync(path.join(bin, "not-exec"), "", { mode: 0o644 });
    expect(() => findSoffice({ PATH: bin, SOFFICE: path.join(bin, "not-exec") })).toThrow(/SOFFICE=/);
  });

  test("--pdf naming the input, or the same file as --out, is refused before any work", async () => {
    const input = file("sample.xlsx");
    expect((await cli("statement", input, "--pdf", input)).code).toBe(2);
    const same = await cli("statement", input, "--out", file("a.out"), "--pdf", file("a.out"));
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/同一个文件/);
  });
});

describe("statementsText", () => {
  test("points as exact as stored, aligned; a rule between communities", () => {
    const sheet = statementWorkbook(sampleGrids(), { now: new Date() }).sheet!;
    const text = statementsText(sheet);
    expect(text.split("─".repeat(40))).toHaveLength(12);
    expect(text).toMatch(/三社区联合举办邻里文化节 +0\.6667 +市级媒体每篇 2 分/);
    expect(text).toMatch(/^目标管理得分 +100\.00 +88\.00$/m);
  });
});
