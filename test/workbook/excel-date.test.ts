import fc from "fast-check";
import ExcelJS from "exceljs";
import { openXlsx, packageGrids } from "../../src/hosts/xlsx";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx } from "../xlsx/exceljs-io";
import { sampleWorkbookBytes } from "../../src/cli/sample";
import { excelSerialToDate } from "../../src/workbook/excel-date";
import { validateWorkbook } from "../../src/workbook/pipeline";

/**
 * Dates before 1900-03-01 (Excel's 1900 leap-year quirk): one conversion, right in every reader,
 * so a message quotes the day the cell shows.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("excelSerialToDate: the 1900 system's phantom 29 February", () => {
  test("before, at and after serial 60", () => {
    expect(iso(excelSerialToDate(1))).toBe("1900-01-01");
    expect(iso(excelSerialToDate(59))).toBe("1900-02-28");
    // The phantom day has no real date: the day Excel shows before it.
    expect(iso(excelSerialToDate(60))).toBe("1900-02-28");
    expect(iso(excelSerialToDate(61))).toBe("1900-03-01");
    expect(iso(excelSerialToDate(45000))).toBe("2023-03-15");
    expect(excelSerialToDate(1.5).toISOString()).toBe("1900-01-01T12:00:00.000Z");
    expect(iso(excelSerialToDate(0, true))).toBe("1904-01-01");
  });

  test("from serial 60 on, counting from 1899-12-30 is right", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 2_958_465 }), (serial) => {
        const naive = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(excelSerialToDate(serial)).toEqual(naive);
      })
    );
  });
});

describe("a date before 1900-03-01 in a number column: the message quotes the day the cell shows", () => {
  test("the CLI and the preview agree: 1900-01-05, not 1900-01-04", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sampleWorkbookBytes()) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("目标管理")!.getCell("B2");
    cell.value = 5;
    cell.numFmt = "yyyy-mm-dd";
    const bytes = await saveXlsx(wb);
    const cli = validateWorkbook(await packageGrids(await openXlsx(bytes)));
    const preview = validateWorkbook((await (await XlsxHost.ofBytes(bytes, "早.xlsx")).read()).grids);
    for (const issues of [cli, preview]) {
      const at = issues.find((i) => i.cell === "B2");
      expect(at?.message.zh).toContain("却是日期 1900-01-05");
    }
  });
});
