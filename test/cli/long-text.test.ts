import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { formatTable } from "../../src/cli/table";
import { loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { CUT_MARK, EXCEL_CELL_CHARS, fitCellText } from "../../src/workbook/cell-limit";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { addRow, sampleGrids } from "../workbook/helpers";
import { cli } from "./run-cli";

/**
 * Long texts: a 32,767-character name (Excel's most) is printed in a table in linear time, and a
 * generated cell longer than Excel's limit is cut to fit with "…" (the whole text stays in --json).
 */

let dir = "";
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-long-"));
  expect((await cli("sample", file("sample.xlsx"))).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample with one community renamed everywhere (lists of joint articles included). */
export async function renamedSample(from: string, to: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file("sample.xlsx")) as unknown as ArrayBuffer);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.includes(from))
          cell.value = cell.value.split(from).join(to);
      })
    );
  return saveXlsx(wb);
}

describe("a 32,767-character name in the terminal table", () => {
  test("rank prints it whole, aligned, trailing spaces trimmed (the old /\\s+$/ took a minute)", async () => {
    const long = "幸".repeat(EXCEL_CELL_CHARS - 2) + "社区";
    writeFileSync(file("long.xlsx"), await renamedSample("西城社区", long));
    const r = await cli("rank", file("long.xlsx"));
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.some((l) => l.includes(long))).toBe(true);
    for (const l of lines) expect(l).toBe(l.trimEnd());
  });

  test("formatTable: wide and short cells, every line trimmed at its end only", () => {
    const t = formatTable(
      ["a", "b"],
      [
        ["x".repeat(40000), ""],
        ["y", "  z"],
      ],
      ["left", "left"]
    ).split("\n");
    expect(t[2]).toBe("x".repeat(40000));
    expect(t[3]).toBe("y" + " ".repeat(40000 - 1) + "    z");
  });
});

describe("a generated cell is cut to Excel's 32,767 characters with … at its end", () => {
  test("fitCellText: the limit itself is kept, one more is cut; never half a surrogate pair", () => {
    const at = "a".repeat(EXCEL_CELL_CHARS);
    expect(fitCellText(at)).toBe(at);
    const over = fitCellText(at + "b");
    expect(over).toHaveLength(EXCEL_CELL_CHARS);
    expect(over.endsWith(CUT_MARK)).toBe(true);
    const emoji = "a".repeat(EXCEL_CELL_CHARS - 2) + "😀😀";
    const cut = fitCellText(emoji);
    expect(cut.endsWith("a" + CUT_MARK)).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 0, maxLength: 40000 }), (s) => {
        const f = fitCellText(s);
        expect(f.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
        if (s.length <= EXCEL_CELL_CHARS) expect(f).toBe(s);
        else expect(s.startsWith(f.slice(0, -1))).toBe(true);
      }),
      { numRuns: 30 }
    );
  });

  test("every generated sheet of the model holds only cells that fit", () => {
    const grids = sampleGrids();
    addRow(grids, "重要贡献", { 社区: "西城社区", 条线: "线".repeat(40000), 加分: 1, 分管领导意见: "是" });
    const outcome = rankWorkbook(grids, { now: new Date(2026, 0, 1) });
    expect(outcome.ok).toBe(true);
    const long = outcome.issues.find((i) => i.message.zh.length > EXCEL_CELL_CHARS);
    expect(long).toBeDefined();
    for (const sheet of outcome.sheets)
      for (const row of sheet.rows)
        for (const v of row)
          if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    const issues = outcome.sheets.find((s) => s.key === "issues");
    const cut = issues?.rows.flat().find((v) => typeof v === "string" && v.endsWith(CUT_MARK));
    expect(cut).toHaveLength(EXCEL_CELL_CHARS);
  });

  test("rank --out writes the cut cell; rank --json keeps the whole message", async () => {
    const wb = await loadXlsx(readFileSync(file("sample.xlsx")));
    wb.getWorksheet("重要贡献")?.addRow(["西城社区", "线".repeat(40000), "", 1, "是"]);
    writeFileSync(file("long-line.xlsx"), await saveXlsx(wb));
    const r = await cli("rank", file("long-line.xlsx"), "--out", file("long-out.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { issues: { message: string }[] };
    expect(Math.max(...json.issues.map((i) => i.message.length))).toBeGreaterThan(40000);
    const out = await loadXlsx(readFileSync(file("long-out.xlsx")));
    let longest = "";
    out.getWorksheet("校验结果")?.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string" && c.value.length > longest.length) longest = c.value;
      })
    );
    expect(longest).toHaveLength(EXCEL_CELL_CHARS);
    expect(longest.endsWith(CUT_MARK)).toBe(true);
  });
});
