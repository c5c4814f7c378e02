import ExcelJS from "exceljs";
import { UnreadableWorkbookError } from "../../src/hosts/xlsx/errors";
import { blankPackage, newWorkbookBytes, openXlsx, packageGrids } from "../../src/hosts/xlsx/ooxml";
import { sampleWorkbookBytes } from "../../src/cli/sample";
import { a1, columnLetters } from "../../src/workbook/cells";
import { validationFormulae } from "../../src/workbook/guards";
import { sampleSheets, templateSheets } from "../../src/workbook/pipeline";
import { OutputSheet } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";
import { cliTemplate } from "./template-files";

/**
 * Issue 23 §1: the package writer makes a workbook from nothing — the template and the sample
 * (and `statement --pdf`'s workbook) are written by it. Read back by an independent reader
 * (ExcelJS), each file holds what the sheets' model says: every cell, each column's format as
 * the column's style, every drop-down with its rule and prompt, the tables, the frozen header and
 * the print setup.
 */

type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };
type Tables = { table: { name: string; tableRef?: string; ref: string; columns: { name: string }[] } }[];

/** A cell's value with a date given back as the serial number the model holds (ExcelJS reads dates as Date). */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value ?? null;
  return v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Checks one sheet of the file against its model, cell by cell and validation by validation. */
function expectSheetAsModel(ws: ExcelJS.Worksheet, sheet: OutputSheet): void {
  const width = Math.max(sheet.numberFormats.length, ...sheet.rows.map((r) => r.length));
  sheet.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      const got = ws.getCell(r + 1, c + 1);
      expect([a1(r + 1, c + 1), valueOf(got)]).toEqual([a1(r + 1, c + 1), v === "" ? null : v]);
      if (r <= sheet.headerRow) expect(ws.getCell(r + 1, c + 1).numFmt).toBe("@");
    }
  });
  expect(ws.getRow(sheet.headerRow + 1).getCell(1).font?.bold).toBe(true);
  sheet.numberFormats.forEach((format, c) => {
    if (format && format !== "General") expect([c, ws.getColumn(c + 1).numFmt]).toEqual([c, format]);
  });
  sheet.widths.forEach((w, c) => expect(Math.floor(ws.getColumn(c + 1).width ?? 0)).toBe(w));
  if (sheet.freezeRows > 0) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.freezeRows });

  const model = (ws as unknown as Validations).dataValidations.model;
  const guards = sheet.validations ?? [];
  for (const g of guards) {
    const at = `${columnLetters(g.column + 1)}${sheet.headerRow + 2}`;
    const v = model[at];
    const f = validationFormulae(g.rule);
    expect([at, v?.type, (v?.formulae ?? []).map(String)]).toEqual([at, f.type, f.formulae]);
    expect(v?.errorStyle).toBe(g.style);
    if (g.prompt) expect([v?.promptTitle, v?.prompt]).toEqual([g.prompt.title, g.prompt.text]);
    // The drop-down reaches the rows below the table too (rows a person adds).
    expect(model[`${columnLetters(g.column + 1)}2000`]?.type).toBe(f.type);
  }

  const tables = ws.getTables() as unknown as Tables;
  if (sheet.table) {
    expect(tables.map((t) => t.table.name)).toEqual([sheet.table.name]);
    expect(tables[0].table.columns.map((c) => c.name)).toEqual(sheet.table.columns);
    const ref = tables[0].table.tableRef ?? tables[0].table.ref;
    expect(ref.startsWith(a1(sheet.table.headerRow + 1, 1))).toBe(true);
  } else expect(tables).toEqual([]);

  if (sheet.print) {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: sheet.print.orientation });
    expect(ws.headerFooter.oddFooter).toBe(`&C${sheet.print.footer}`);
  }
}

describe("Issue 23 §1 — the package writer makes a workbook from nothing", () => {
  const rows = workplanTemplateRows();
  test.each([
    ["template", () => templateSheets(rows), cliTemplate],
    ["sample", () => sampleSheets(rows), sampleWorkbookBytes],
  ])(
    "the %s, read back by ExcelJS, holds each cell, format, drop-down, table and print setup of its model",
    async (_label, model, bytes) => {
      const sheets = model();
      const wb = await load(await bytes());
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(sheets.map((s) => s.name));
      for (const sheet of sheets) expectSheetAsModel(wb.getWorksheet(sheet.name)!, sheet);
    }
  );

  test("the package reader reads the sample written from nothing as the sheets' values", async () => {
    const sheets = sampleSheets(workplanTemplateRows());
    const grids = await packageGrids(await openXlsx(await newWorkbookBytes(sheets)));
    expect(grids.map((g) => g.name)).toEqual(sheets.map((s) => s.name));
    const settings = sheets.find((s) => s.key === "settings")!;
    const read = grids.find((g) => g.name === settings.name)!.values;
    settings.rows.forEach((row, r) =>
      row.forEach((v, c) => expect(read[r]?.[c] ?? null).toEqual(v === "" ? null : v))
    );
  });

  test("text starting with = is written as text, never a formula", async () => {
    const sheet: OutputSheet = {
      key: "communities",
      name: "社区",
      rows: [["社区"], ["=1+1"], ["=SUM(A1:A2)"]],
      headerRow: 0,
      numberFormats: ["@"],
      widths: [16],
      highlight: [],
      freezeRows: 1,
    };
    const ws = (await load(await newWorkbookBytes([sheet]))).getWorksheet("社区")!;
    expect([ws.getCell("A2").value, ws.getCell("A3").value]).toEqual(["=1+1", "=SUM(A1:A2)"]);
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  });

  test("no sheets: refused (an .xlsx has at least one); the bare package is not a file to read", async () => {
    await expect(newWorkbookBytes([])).rejects.toThrow();
    await expect(openXlsx(blankPackage().parts.pack())).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
