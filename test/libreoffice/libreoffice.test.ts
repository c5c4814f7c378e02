import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { rankCommand } from "../../src/cli/rank";
import { sampleCommand } from "../../src/cli/sample";
import { parseArgs } from "../../src/cli/args";
import { Io } from "../../src/cli/output";
import { openXlsx, packageGrids } from "../../src/hosts/xlsx";
import { gridsOf, loadXlsx } from "../xlsx/exceljs-io";
import { Exact } from "../../src/scoring";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { OutputSheet } from "../../src/workbook/types";

/**
 * Checked by a real spreadsheet application: the sample is ranked with --out, LibreOffice opens
 * the result headless and exports every sheet as CSV (cells as shown), and the generated sheets
 * must read back with the same values — and the input sheets unchanged. Fails with a notice when soffice is absent (never skipped).
 */

const soffice = process.env.SOFFICE ?? "soffice";
const present = spawnSync(soffice, ["--version"], { encoding: "utf8" }).status === 0;
if (!present)
  console.log(
    "NOTICE: LibreOffice (soffice) not found — the LibreOffice check FAILS (install them: apt-get install libreoffice-calc poppler-utils). Install libreoffice-calc to run it."
  );

const maybe = describe;

/** RFC 4180 CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** How a cell of a generated sheet shows under its number format. */
function shown(value: unknown, format: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (format === "0.00") return Exact.fromNumber(value).toFixed(2);
    if (format === "0") return Exact.fromNumber(value).toFixed(0);
    // 2 decimals, and up to 2 more where they are not zero (规则 §8 距先进线).
    if (format === "0.00##")
      return Exact.fromNumber(value)
        .toFixed(4)
        .replace(/0{1,2}$/, "");
    return String(value);
  }
  return String(value);
}

/** 44 comma, 34 quote, 76 UTF-8, from line 1, …, true = cells as shown, -1 = every sheet (LibreOffice ≥ 7.2). */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

maybe("规则 §6 checked by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-lo-"));
  const office = (args: string[]) =>
    spawnSync(
      soffice,
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, ...args],
      { encoding: "utf8", timeout: 100_000 }
    );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet: Io = { out: () => undefined, err: () => undefined };
  const now = new Date(2024, 11, 31, 9, 30);

  test("LibreOffice reads the generated sheets with the same values, and the inputs unchanged", async () => {
    if (!present) throw new Error("LibreOffice (soffice) is not installed");
    const sample = path.join(dir, "sample.xlsx");
    const ranked = path.join(dir, "ranked.xlsx");
    expect(await sampleCommand(parseArgs(["sample", sample]), quiet)).toBe(0);
    expect(await rankCommand(parseArgs(["rank", sample, "--out", ranked]), quiet, now)).toBe(0);

    const csvDir = path.join(dir, "csv");
    const convert = office(["--convert-to", CSV_ALL_SHEETS, "--outdir", csvDir, ranked]);
    expect(convert.status).toBe(0);
    expect(`${convert.stdout}\n${convert.stderr}`).not.toMatch(/error|repair|corrupt/i);

    const files = readdirSync(csvDir);
    const csv = (sheet: string): string[][] => {
      const f = files.find((x) => x === `ranked-${sheet}.csv`);
      if (!f) throw new Error(`LibreOffice wrote no sheet ${sheet}: ${files.join(", ")}`);
      return parseCsv(readFileSync(path.join(csvDir, f), "utf8"));
    };

    const input = await loadXlsx(readFileSync(sample));
    const expected = rankWorkbook(gridsOf(input), { now });
    expect(expected.sheets.map((s) => s.name)).toEqual([
      "排名",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    const check = (s: OutputSheet) => {
      const got = csv(s.name);
      // A cell's own format (成绩单 mixes points, money and words in a column) overrides its column's.
      const own = new Map((s.cellFormats ?? []).map((f) => [`${f.row}:${f.column}`, f.format]));
      const format = (r: number, c: number) =>
        own.get(`${r}:${c}`) ?? (r <= s.headerRow ? "@" : s.numberFormats[c]);
      expect(got).toHaveLength(s.rows.length);
      // The header line (marker, time, fingerprint, settings) is A1 as written.
      expect(got[0][0]).toBe(s.rows[0][0]);
      for (let r = 1; r < s.rows.length; r++)
        for (let c = 0; c < s.rows[r].length; c++)
          expect(`${s.name}!R${r + 1}C${c + 1}=${got[r][c] ?? ""}`).toBe(
            `${s.name}!R${r + 1}C${c + 1}=${shown(s.rows[r][c], format(r, c))}`
          );
    };
    for (const s of expected.sheets) check(s);

    // The input sheets are as they were: the same cells as LibreOffice reads the sample itself.
    const sampleGrids = gridsOf(input);
    for (const g of sampleGrids) {
      const got = csv(g.name);
      g.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v === null || typeof v === "number") return;
          expect(`${g.name}!R${r + 1}C${c + 1}=${got[r][c]}`).toBe(
            `${g.name}!R${r + 1}C${c + 1}=${v instanceof Date ? v.toISOString().slice(0, 10) : String(v)}`
          );
        })
      );
    }
  });

  test("a workbook LibreOffice wrote is read alike and ranked; LibreOffice reads the result back", async () => {
    if (!present) throw new Error("LibreOffice (soffice) is not installed");
    const sample = path.join(dir, "sample2.xlsx");
    expect(await sampleCommand(parseArgs(["sample", sample]), quiet)).toBe(0);
    const loDir = path.join(dir, "lo");
    // LibreOffice writes the sample again with its own writer (its shared strings, styles, dates).
    const resave = office(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", loDir, sample]);
    expect(resave.status).toBe(0);
    const loFile = path.join(loDir, "sample2.xlsx");
    const ours = rankWorkbook(gridsOf(await loadXlsx(readFileSync(sample))), { now });
    const theirs = rankWorkbook(await packageGrids(await openXlsx(readFileSync(loFile))), { now });
    expect(theirs.ok).toBe(true);
    expect(theirs.sheets.map((s) => s.rows.slice(1))).toEqual(ours.sheets.map((s) => s.rows.slice(1)));

    const ranked = path.join(dir, "lo-ranked.xlsx");
    expect(await rankCommand(parseArgs(["rank", loFile, "--out", ranked]), quiet, now)).toBe(0);
    const csvDir = path.join(dir, "csv2");
    const convert = office(["--convert-to", CSV_ALL_SHEETS, "--outdir", csvDir, ranked]);
    expect(convert.status).toBe(0);
    expect(`${convert.stdout}\n${convert.stderr}`).not.toMatch(/error|repair|corrupt/i);
    const got = parseCsv(readFileSync(path.join(csvDir, "lo-ranked-排名.csv"), "utf8"));
    const s = theirs.sheets[0];
    // Blank cells (the row above the 规则 §8 legend) read back as "".
    expect(got.slice(1).map((r) => r[1] ?? "")).toEqual(s.rows.slice(1).map((r) => shown(r[1], "@")));
  });
});
