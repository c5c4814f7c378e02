import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { Io } from "../../src/cli/output";
import { rankCommand } from "../../src/cli/rank";
import { sampleCommand } from "../../src/cli/sample";
import { gridsOf, loadXlsx } from "../xlsx/exceljs-io";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { pdfPages, printTools } from "./pdf-words";

/**
 * 规则 §8 Print checked by a real reader: the sample ranked with `rank --out`, printed to PDF by
 * LibreOffice headless, the pages read with poppler (pdfinfo, pdftotext). The page header carries
 * each sheet's year and title, so a sheet's pages are those whose header says so: 排名 on exactly
 * one page, every sheet one page wide (each page holds the first and the last column header —
 * the header row repeated), page numbers in the footer. The fills and filters are read back from
 * LibreOffice's own flat ODS. Fails with a notice when soffice or poppler is absent (never skipped).
 */

const { soffice, present, maybe } = printTools("the print check");

maybe("规则 §8 Print checked by LibreOffice and poppler", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-print-"));
  const office = (args: string[]) =>
    spawnSync(
      soffice,
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, ...args],
      { encoding: "utf8", timeout: 120_000 }
    );
  const quiet: Io = { out: () => undefined, err: () => undefined };
  const now = new Date(2024, 11, 31, 9, 30);
  const sample = path.join(dir, "sample.xlsx");
  const ranked = path.join(dir, "ranked.xlsx");
  let pages: string[] = [];

  beforeAll(async () => {
    if (!present) return;
    expect(await sampleCommand(parseArgs(["sample", sample]), quiet)).toBe(0);
    expect(await rankCommand(parseArgs(["rank", sample, "--out", ranked]), quiet, now)).toBe(0);
    const pdf = office(["--convert-to", "pdf", "--outdir", dir, ranked]);
    expect(pdf.status).toBe(0);
    const file = path.join(dir, "ranked.pdf");
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
    const count = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
    pages = Array.from(
      { length: count },
      (_, i) =>
        spawnSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", file, "-"], {
          encoding: "utf8",
        }).stdout
    );
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The pages whose page header (the first line with text) names this sheet. */
  const pagesOf = (title: string) =>
    pages.filter((p) => (p.split("\n").find((l) => l.trim() !== "") ?? "").trim() === `2024年度 ${title}`);

  test("排名 prints on exactly one page; every generated sheet one page wide with its header row on each page", async () => {
    if (!present) throw new Error("LibreOffice or poppler-utils is not installed");
    expect(pages.length).toBeGreaterThan(5);
    const expected = rankWorkbook(gridsOf(await loadXlsx(readFileSync(sample))), { now });
    expect(pagesOf("排名")).toHaveLength(1);
    for (const s of expected.sheets.filter((x) => x.key !== "statements")) {
      const own = pagesOf(s.name);
      expect(`${s.name}: ${own.length} pages`).not.toBe(`${s.name}: 0 pages`);
      const header = s.rows[s.headerRow].filter((v): v is string => typeof v === "string");
      // One page wide: the first and the last column of the table on every page of the sheet.
      for (const page of own) {
        expect(page).toContain(header[0]);
        expect(page).toContain(header[header.length - 1]);
      }
    }
    // The legend and the last community on the one page of 排名.
    const ranking = pagesOf("排名")[0];
    for (const word of ["图例", "先进", "并列待定", "村改居不参评"]) expect(ranking).toContain(word);
    const last = expected.sheets[0].rows[expected.sheets[0].headerRow + 12][1];
    expect(ranking).toContain(String(last));
  });

  test("计分明细: the reason starts clear of the points beside it (≥ 4 pt as printed)", () => {
    if (!present) throw new Error("LibreOffice or poppler-utils is not installed");
    const details = pdfPages(path.join(dir, "ranked.pdf")).filter((p) =>
      p.words.some((w) => w.yMin < 40 && w.text === "计分明细")
    );
    expect(details.length).toBeGreaterThan(0);
    const gaps: number[] = [];
    for (const page of details) {
      // The points column: numbers right-aligned under its header 得分.
      const head = page.words.find((w) => w.text === "得分");
      if (!head) throw new Error("no 得分 header on a 计分明细 page");
      for (const w of page.words) {
        if (!/^\d+\.\d{2,4}$/.test(w.text) || Math.abs(w.xMax - head.xMax) > 20) continue;
        const next = page.words
          .filter((x) => x.xMin > w.xMax && Math.abs(x.yMin - w.yMin) < 1.5)
          .sort((a, b) => a.xMin - b.xMin)[0];
        if (next) gaps.push(next.xMin - w.xMax);
      }
    }
    expect(gaps.length).toBeGreaterThan(20);
    console.log(`计分明细 points → reason gap: ${Math.min(...gaps).toFixed(1)} pt at least`);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4);
  });

  test("page numbers in the footer of every page: 第 N 页，共 M 页", () => {
    if (!present) throw new Error("LibreOffice or poppler-utils is not installed");
    const generated = pages.filter((p) => /^\s*2024年度 /.test(p));
    expect(generated.length).toBeGreaterThan(0);
    for (const p of generated) expect(p).toMatch(/第 \d+ 页，共 \d+ 页\s*$/);
  });

  test("LibreOffice keeps the row fills, the legend's swatches, the filters and the repeated header rows", async () => {
    if (!present) throw new Error("LibreOffice or poppler-utils is not installed");
    const conv = office(["--convert-to", "fods", "--outdir", dir, ranked]);
    expect(conv.status).toBe(0);
    const fods = readFileSync(path.join(dir, "ranked.fods"), "utf8");
    // Cell styles by name → background colour.
    const colour = new Map<string, string>();
    for (const m of fods.matchAll(
      /<style:style style:name="([^"]+)"[^>]*style:family="table-cell"[^>]*>([\s\S]*?)<\/style:style>/g
    )) {
      const bg = /fo:background-color="(#[0-9a-fA-F]{6})"/.exec(m[2]);
      if (bg) colour.set(m[1], bg[1].toUpperCase());
    }
    // The chart (a frame holding its own little table) is taken out before the sheet's rows are read.
    const sheets = fods.replace(/<draw:frame\b[\s\S]*?<\/draw:frame>/g, "");
    const table = /<table:table table:name="排名"[\s\S]*?<\/table:table>/.exec(sheets)?.[0] ?? "";
    const rows = [...table.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((m) =>
      [...m[1].matchAll(/<table:table-cell\b([^>]*)/g)].map(
        (c) => /table:style-name="([^"]+)"/.exec(c[1])?.[1] ?? ""
      )
    );
    const expected = rankWorkbook(gridsOf(await loadXlsx(readFileSync(sample))), { now }).sheets[0];
    for (const h of expected.highlight) expect(colour.get(rows[h.row][0])).toBe(h.color.toUpperCase());
    for (const f of expected.cellFills ?? [])
      expect(colour.get(rows[f.row][f.column])).toBe(f.color.toUpperCase());
    // A ranked line not marked has no fill.
    const plain = expected.rows.findIndex(
      (r, i) =>
        i > expected.headerRow && typeof r[0] === "number" && !expected.highlight.some((h) => h.row === i)
    );
    expect(colour.get(rows[plain][0])).toBeUndefined();
    expect(fods).toMatch(
      /table:target-range-address="'?排名'?\.A2:'?排名'?\.[A-Z]+14" table:display-filter-buttons="true"/
    );
    expect(table).toContain("<table:table-header-rows>");
  });
});
