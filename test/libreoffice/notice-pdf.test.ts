import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { writeTieFreeSample } from "../cli/notice-sample";
import { pdfPages, Word, printTools } from "./pdf-words";
import { convertTo } from "./to-ods";

/**
 * The rules in docs/, §10 公示名单 and §8 Print, checked by a real reader: `notice --pdf` of the
 * sample without an open tie (12 communities, 8 + 10 advanced) and `rank --out` of the same file
 * printed by LibreOffice headless, the words' boxes read back with poppler. A word's box is taller
 * than its font: for the font LibreOffice prints with here, an 18-pt title is a 23.1-pt box — so a
 * size as printed is the box's height / BOX_PER_POINT. Fails with a notice when soffice or
 * poppler is absent (never skipped).
 */

const BOX_PER_POINT = 1.28;

const { soffice, present, maybe } = printTools("the 公示名单 and 排名 print check");

const points = (w: Word) => (w.yMax - w.yMin) / BOX_PER_POINT;

maybe("规则 §10 公示名单 and §8 排名 printed by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-notice-pdf-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet: Io = { out: () => undefined, err: () => undefined };
  const free = path.join(dir, "free.xlsx");
  const notice = path.join(dir, "公示名单.pdf");
  const ranked = path.join(dir, "ranked.xlsx");
  let rankedPdf = "";

  beforeAll(async () => {
    if (!present) return;
    await writeTieFreeSample(free);
    expect(await run(["notice", free, "--pdf", notice], quiet)).toBe(0);
    expect(await run(["rank", free, "--out", ranked], quiet)).toBe(0);
    [rankedPdf] = convertTo(soffice, dir, [ranked], "pdf");
  }, 240_000);

  test("规则 §10 公示名单: notice --pdf is ONE portrait A4 page, every word at least 10 pt, the title 18 pt and centred", () => {
    if (!present) throw new Error("LibreOffice or poppler is not installed");
    const info = spawnSync("pdfinfo", [notice], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
    const [page] = pdfPages(notice);
    const text = page.words.map((w) => w.text).join("");
    for (const expected of [
      "西城社区",
      "113.67",
      "22.73",
      "王建国",
      "刘洋",
      "城东镇社区目标管理考核领导小组办公室",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("数据指纹");
    const title = page.words.find((w) => w.text === "2024年度社区目标管理考核先进社区和先进个人公示");
    if (!title) throw new Error("no title");
    expect(points(title)).toBeGreaterThanOrEqual(17.5);
    expect(Math.abs((title.xMin + title.xMax) / 2 - page.width / 2)).toBeLessThan(12);
    const sizes = page.words.map(points);
    console.log(`公示名单 PDF: words ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} pt`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  });

  test("规则 §8 排名 prints on one page, the chart left off the paper, its text at least 7 pt", () => {
    if (!present) throw new Error("LibreOffice or poppler is not installed");
    const pages = pdfPages(rankedPdf);
    const own = pages.filter((p) => {
      const top = Math.min(...p.words.map((w) => w.yMin));
      return (
        p.words
          .filter((w) => w.yMin === top)
          .map((w) => w.text)
          .join(" ") === "2024年度 排名"
      );
    });
    expect(own).toHaveLength(1);
    const [page] = own;
    expect(page.width).toBeGreaterThan(page.height);
    // The chart's title (the column's header) is on the page once: in the table, not over the bars.
    expect(page.words.filter((w) => w.text === "综合得分")).toHaveLength(1);
    // Table text: every word below the page header and above the footer.
    const body = page.words.filter((w) => w.yMin > 50 && w.yMax < page.height - 50);
    const sizes = body.map(points);
    console.log(`排名 PDF: words ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} pt`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
  });
});
