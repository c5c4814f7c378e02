import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gridsOf, loadXlsx } from "../xlsx/exceljs-io";
import { generatedKeyOf } from "../../src/workbook/marker";
import { cli } from "./run-cli";
import { writeTieFreeSample } from "./notice-sample";

/** The rules in docs/, §10: `notice <in.xlsx> [--out <out.xlsx>] [--pdf <out.pdf>] [--force]`. */

let dir = "";
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-notice-"));
  expect((await cli("sample", file("sample.xlsx"))).code).toBe(0);
  await writeTieFreeSample(file("free.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = "2024年度社区目标管理考核先进社区和先进个人公示";

describe("规则 §10 公示名单: the notice command", () => {
  test("without --out or --pdf: the notice as text, exit 0", async () => {
    const r = await cli("notice", file("free.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(TITLE)).toBe(true);
    expect(r.stdout).toContain("公示时间为2025年1月6日至2025年1月10日（共5天）");
    expect(r.stdout).toMatch(
      /一、先进社区（8个）\n名次 +社区 +综合得分 +折算分\n1 +西城社区 +113\.67 +22\.73\n/
    );
    expect(r.stdout).toMatch(/二、先进个人（10名）\n序号 +姓名 +社区\n1 +王建国 +东门社区\n/);
    expect(r.stdout).not.toContain("数据指纹");
  });

  test("an open tie at the cut: exit 1, one line naming those tied, nothing written", async () => {
    const out = file("tied.xlsx");
    const r = await cli("notice", file("sample.xlsx"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^不能生成公示名单：名额线上有并列待定（先进个人 徐芳（新华社区）、马红（文昌社区）、胡霞（锦绣社区））/
      ),
    ]);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  test("errors in the inputs: exit 1, the issues printed, nothing written", async () => {
    const wb = await loadXlsx(readFileSync(file("free.xlsx")));
    wb.getWorksheet("荣誉")!.getCell("D2").value = "国际级";
    writeFileSync(file("broken.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = file("never.xlsx");
    const r = await cli("notice", file("broken.xlsx"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/校验结果：[1-9]\d* 个错误/);
    expect(existsSync(out)).toBe(false);
  });

  test("--out writes the workbook with 公示名单; an existing --out without --force is exit 2 and left as it was", async () => {
    const out = file("with-notice.xlsx");
    expect((await cli("notice", file("free.xlsx"), "--out", out)).code).toBe(0);
    const grids = gridsOf(await loadXlsx(readFileSync(out)));
    const notice = grids.find((g) => g.name === "公示名单");
    expect(notice && generatedKeyOf(notice.values[0]?.[0])).toBe("notice");
    expect(notice?.values.some((r) => r[0] === TITLE)).toBe(true);
    const before = readFileSync(out);
    const again = await cli("notice", file("free.xlsx"), "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli("notice", file("free.xlsx"), "--out", out, "--force")).code).toBe(0);
  });

  test("--pdf without LibreOffice (SOFFICE naming nothing): exit 2 in one line saying to install it; nothing written", async () => {
    const before = process.env.SOFFICE;
    process.env.SOFFICE = file("no-soffice-here");
    try {
      const pdf = file("never.pdf");
      const r = await cli("notice", file("free.xlsx"), "--pdf", pdf);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringContaining("libreoffice-calc")]);
      expect(existsSync(pdf)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = before;
    }
  });

  test("a writing option needs an input file; options it does not take are usage errors (exit 2); help names it", async () => {
    const noFile = await cli("notice", "--out", file("x.xlsx"));
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--out 需要输入文件");
    expect((await cli("notice", file("free.xlsx"), "--json")).code).toBe(2);
    expect((await cli("notice", file("free.xlsx"), "--community", "东门社区")).code).toBe(2);
    expect((await cli("help")).stdout).toContain("notice <in.xlsx> [--out <out.xlsx>] [--pdf <out.pdf>]");
  });
});
