import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { openXlsx, packageGrids } from "../../src/hosts/xlsx";
import { officialFigure } from "../../src/scoring";
import { statementWorkbook } from "../../src/workbook/pipeline";
import { pdfPages, Word } from "./pdf-words";

/**
 * 规则 §8 成绩单 checked by a real reader: `statement <sample> --pdf` prints through LibreOffice
 * headless, and poppler (pdfinfo, pdftotext) reads the PDF back — one A4 page per community, in
 * rank order, each page holding that community's name, rank and total as the sheet shows them.
 * Fails with a notice when soffice or pdfinfo is absent (never skipped).
 */

const soffice = process.env.SOFFICE ?? "soffice";
const has = (cmd: string, arg: string) => spawnSync(cmd, [arg], { encoding: "utf8" }).status === 0;
const present = has(soffice, "--version") && has("pdfinfo", "-v");
if (!present)
  console.log(
    "NOTICE: LibreOffice (soffice) or poppler (pdfinfo) not found — the 成绩单 PDF check FAILS (install them: apt-get install libreoffice-calc poppler-utils). Install libreoffice-calc and poppler-utils to run it."
  );

const maybe = describe;

maybe("规则 §8 成绩单 printed to PDF by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-pdf-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet: Io = { out: () => undefined, err: () => undefined };

  const sample = path.join(dir, "sample.xlsx");
  const pdf = path.join(dir, "成绩单.pdf");
  beforeAll(async () => {
    if (!present) return;
    expect(await run(["sample", sample], quiet)).toBe(0);
    const started = Date.now();
    expect(await run(["statement", sample, "--pdf", pdf], quiet)).toBe(0);
    console.log(`statement --pdf took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test("statement <sample> --pdf: 12 A4 pages, one community each in rank order, with its rank and total", async () => {
    if (!present) throw new Error("LibreOffice (soffice) or poppler (pdfinfo) is not installed");

    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/^Pages:\s+12$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);

    const expected = statementWorkbook(await packageGrids(await openXlsx(readFileSync(sample))), {
      now: new Date(),
    }).result;
    const communities = expected?.communities ?? [];
    expect(communities).toHaveLength(12);
    communities.forEach((c, i) => {
      const page = spawnSync("pdftotext", ["-f", `${i + 1}`, "-l", `${i + 1}`, "-layout", pdf, "-"], {
        encoding: "utf8",
      }).stdout;
      const names = communities.filter((x) => page.includes(`社区：${x.name}`)).map((x) => x.name);
      expect({ page: i + 1, names }).toEqual({ page: i + 1, names: [c.name] });
      expect(page).toContain("2024年度社区目标管理考核成绩单");
      expect(page).toContain(`第 ${c.rank} 名（共 12 个社区）`);
      expect(page).toMatch(new RegExp(`综合得分\\s+${officialFigure(c.total).replace(".", "\\.")}\\b`));
      expect(page).toContain("社区负责人（签字）");
      expect(page).toContain(`第 ${i + 1} 页，共 12 页`);
    });
  });

  test("each page reads like a document a town signs: title ≥ 16 pt and centred, body ≥ 10.5 pt, signatures at the foot, the machine line last", () => {
    if (!present) throw new Error("LibreOffice (soffice) or poppler (pdfinfo) is not installed");
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(12);
    const sizes: number[] = [];
    pages.forEach((page, i) => {
      const at = (text: string) => {
        const w = page.words.find((x) => x.text.startsWith(text));
        if (!w) throw new Error(`page ${i + 1}: no word ${text}`);
        return w;
      };
      const height = (w: Word) => w.yMax - w.yMin;
      // The title: the first line below the page header, large, in the middle of the paper.
      const title = at("2024年度社区目标管理考核成绩单");
      const below = page.words.filter((w) => w.yMin > 54).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
      expect({ page: i + 1, first: below[0]?.text }).toEqual({ page: i + 1, first: title.text });
      expect(height(title)).toBeGreaterThanOrEqual(16);
      expect(Math.abs((title.xMin + title.xMax) / 2 - page.width / 2)).toBeLessThan(12);
      // The machine line (time, fingerprint): small, after the signature lines, never leading.
      const machine = at("社区考核助手生成于");
      const date = at("日期");
      expect(machine.yMin).toBeGreaterThan(date.yMax);
      expect(page.words.some((w) => w.text.includes("【社区考核助手生成】"))).toBe(false);
      // Signatures at the foot: the date line in the page's lowest quarter.
      expect(date.yMin).toBeGreaterThan(page.height * 0.75);
      // Every word of the body as printed, the machine line's words apart.
      for (const w of page.words) if (Math.abs(w.yMin - machine.yMin) > 2) sizes.push(height(w));
    });
    console.log(
      `成绩单 PDF word heights: body ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} pt`
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.5);
  });
});
