import { templateSheets, inputSheet } from "../../src/workbook/pipeline";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";
import { freeTableName, INPUT_TABLE_STYLE, inputTable, tableRef } from "../../src/workbook/tables";
import { workplanTemplateRows } from "../../src/workplan";

/**
 * Issue 9, inputs as Excel Tables: one definition of the template's tables that every writer
 * translates (ExcelJS, the OOXML package writer, Office.js) — names, style, ranges.
 */

describe("Issue 9 — the template's tables as data", () => {
  const sheets = templateSheets(workplanTemplateRows());

  test("every input sheet of the template is a table named KH_<English name>, in the light banded style", () => {
    expect(sheets.map((s) => s.key)).toEqual(INPUT_SHEETS);
    expect(sheets.map((s) => s.table?.name)).toEqual(INPUT_SHEETS.map((k) => `KH_${SHEETS[k].en}`));
    expect(sheets.every((s) => s.table?.style === INPUT_TABLE_STYLE)).toBe(true);
    // Names Excel takes: a letter first, letters, digits and "_" after, not a cell address, unique.
    for (const s of sheets) expect(s.table!.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(new Set(sheets.map((s) => s.table!.name.toLowerCase())).size).toBe(sheets.length);
    // A sheet with a table has no filter of its own: the table's buttons are its filter.
    expect(sheets.some((s) => s.autoFilter)).toBe(false);
  });

  test("the range: the header and every row written; one blank row below a lone header, as Excel makes it", () => {
    const ranges = Object.fromEntries(sheets.map((s) => [s.key, tableRef(s.table!)]));
    expect(ranges).toMatchObject({
      communities: "A1:C2",
      honors: "A1:H2",
      staff: "A1:C2",
      workplan: "A1:I22",
    });
    expect(ranges.settings).toBe(`A1:C${sheets.find((s) => s.key === "settings")!.rows.length}`);
    const header = SHEETS.honors.columns.map((c) => c.zh);
    expect(inputTable("honors", header, 1)).toMatchObject({ headerRow: 0, lastRow: 1 });
    expect(inputTable("honors", header, 2)).toMatchObject({ lastRow: 1 });
    expect(inputTable("honors", header, 3)).toMatchObject({ lastRow: 2 });
    expect(inputTable("honors", header, 1, 2)).toMatchObject({ headerRow: 2, lastRow: 3 });
    expect(tableRef(inputTable("honors", header, 1, 2))).toBe("A3:H4");
  });

  test("the columns are named as the header cells, none blank, none twice (Excel's rule, case aside)", () => {
    for (const s of sheets) {
      const names = s.table!.columns;
      expect(names).toEqual(s.rows[s.headerRow]);
      expect(names.every((n) => n.trim() !== "")).toBe(true);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
    // An English header row names the columns in English; a missing header cell is a blank name.
    const en = inputSheet("staff", [], "en-US");
    expect(inputTable("staff", en.rows[0], en.rows.length).columns).toEqual(
      SHEETS.staff.columns.map((c) => c.en)
    );
    expect(inputTable("staff", ["姓名"], 1).columns).toEqual(["姓名", "", ""]);
  });

  test("a name already in the workbook (a table or a defined name, case aside) takes the next number", () => {
    expect(freeTableName("KH_Honors", () => false)).toBe("KH_Honors");
    const taken = new Set(["kh_honors", "kh_honors2"]);
    expect(freeTableName("KH_Honors", (n) => taken.has(n))).toBe("KH_Honors3");
    expect(freeTableName("KH_Staff", (n) => taken.has(n))).toBe("KH_Staff");
  });
});
