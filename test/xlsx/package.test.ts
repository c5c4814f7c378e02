import ExcelJS from "exceljs";
import { newWorkbookBytes } from "../../src/hosts/xlsx/ooxml";
import JSZip from "jszip";
import {
  decodeXml,
  encodeXmlText,
  isDateFormat,
  openXlsx,
  packageGrids,
  packXlsx,
  UnreadableWorkbookError,
  UnwritableWorkbookError,
  writePackageSheets,
} from "../../src/hosts/xlsx";
import { gridsOf, loadXlsx, saveXlsx } from "./exceljs-io";
import { gridsOfSheets, rankWorkbook, sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { unzipSync } from "fflate";
import { sampleParts, strictParts, zip } from "./corpus";

/**
 * The fast .xlsx path (the CLI's): the package's parts read and patched directly. It must read
 * the same grids as ExcelJS, and write generated sheets that ExcelJS (and LibreOffice, see
 * test/libreoffice) read back, while every part of the input stays byte for byte.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

const trimmed = (grids: WorkbookGrids) =>
  grids.map((g) => ({
    ...g,
    values: g.values.map((r) => {
      const x = [...r];
      while (x.length > 0 && x[x.length - 1] === null) x.pop();
      return x;
    }),
  }));

async function sampleBytes(): Promise<Uint8Array> {
  return newWorkbookBytes(sampleSheets(workplanTemplateRows()));
}

async function oddBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("T & <odd> name");
  ws.getCell("A1").value = { formula: "1+1", result: 2 };
  ws.getCell("A2").value = { richText: [{ text: "东门" }, { text: "社区", font: { bold: true } }] };
  ws.getCell("A3").value = { text: "链接文字", hyperlink: "https://example.org" };
  ws.getCell("A4").value = { error: "#N/A" };
  ws.getCell("A5").value = new Date(Date.UTC(2024, 5, 30));
  ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("A7").value = { formula: "A1" };
  ws.getCell("A8").value = "=1+1 & <x> 'q' \"dq\"";
  ws.getCell("A9").value = "  spaced  ";
  ws.getCell("B1").value = true;
  ws.getCell("B2").value = 0.1 + 0.2;
  ws.getCell("B3").value = -1e-7;
  ws.getCell("C9").value = 3;
  ws.getCell("D1").value = "merged";
  ws.mergeCells("D1:E2");
  ws.getCell("F1").value = 45000;
  ws.getCell("F1").numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell("F2").value = 0.25;
  ws.getCell("F2").numFmt = "0.0%";
  return saveXlsx(wb);
}

describe("规则 §7.2 .xlsx package: reading", () => {
  test("packageGrids reads what ExcelJS's gridsOf reads (odd cells and the sample)", async () => {
    for (const bytes of [await oddBytes(), await sampleBytes()]) {
      const viaExcelJs = gridsOf(await loadXlsx(bytes));
      const viaPackage = await packageGrids(await openXlsx(bytes));
      expect(trimmed(viaPackage)).toEqual(trimmed(viaExcelJs));
    }
  });

  test("the built-in sample's sheets, as grids, are what the package reader reads from its .xlsx (the CLI ranks the sample from them)", async () => {
    const read = await packageGrids(await openXlsx(await sampleBytes()));
    // The work plan's deadlines are written as Excel serial days with a date format: they read back as dates.
    const serial = (v: unknown) =>
      v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v;
    const asSerials = read.map((g) => ({ ...g, values: g.values.map((r) => r.map(serial)) }));
    // An empty text is written as a blank cell (the reader's null).
    const written = gridsOfSheets(sampleSheets(workplanTemplateRows())).map((g) => ({
      ...g,
      values: g.values.map((r) => r.map((v) => (v === "" ? null : v))),
    }));
    expect(trimmed(written)).toEqual(trimmed(asSerials));
  });

  test("date formats are told from number formats", () => {
    for (const f of ["yyyy-mm-dd", "m/d/yy", 'yyyy"年"m"月"d"日"', "[$-804]yyyy/m/d", "h:mm", "[h]:mm:ss"])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ["0.00", "0.0%", "#,##0", "@", "General", '"分"0', "[Red]0.00", '0"days"'])
      expect(isDateFormat(f)).toBe(false);
  });

  test("XML text round-trips: entities, control characters, literal _xHHHH_", () => {
    for (const t of ["a & b < c > d", "tab\there", "bell\u0007", "_x0041_ stays", "中文“引号”", "\uFFFF"])
      expect(decodeXml(encodeXmlText(t))).toBe(t);
  });

  test("an unreadable package is a typed error", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(openXlsx(bytes)).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});

describe("issue 22 §7 a Strict Open XML workbook reads as its transitional original, and is not written into", () => {
  test("the Strict copy of the sample reads the same grids as the sample, and is marked strict", async () => {
    const transitional = await openXlsx(zip(await sampleParts()));
    const strict = await openXlsx(zip(await strictParts()));
    expect([transitional.strict, strict.strict]).toEqual([false, true]);
    expect(strict.sheets.map((s) => s.name)).toEqual(transitional.sheets.map((s) => s.name));
    expect(await packageGrids(strict)).toEqual(await packageGrids(transitional));
  });

  test("writing generated sheets into it is refused in one line, before any part is written", async () => {
    const parts = await strictParts();
    const pkg = await openXlsx(zip(parts));
    const outcome = rankWorkbook(await packageGrids(pkg), { now: NOW });
    expect(outcome.sheets.length).toBeGreaterThan(0);
    const e = await writePackageSheets(pkg, outcome.sheets).then(
      () => null,
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(UnwritableWorkbookError);
    expect((e as UnwritableWorkbookError).words.zh).toContain("Strict Open XML");
    expect((e as UnwritableWorkbookError).words.zh).not.toContain("\n");
    // No part written, none mixed in: the package packs to the input's parts.
    const after = unzipSync(await packXlsx(pkg));
    expect(after).toEqual(unzipSync(zip(parts)));
  });
});

describe("规则 §6 .xlsx package: writing generated sheets", () => {
  test("every part of the input stays byte for byte; generated sheets read back with their values and formats", async () => {
    const input = await sampleBytes();
    const before = await JSZip.loadAsync(input);
    const pkg = await openXlsx(input);
    const outcome = rankWorkbook(await packageGrids(pkg), { now: NOW });
    expect(await writePackageSheets(pkg, outcome.sheets)).toEqual([
      "排名",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    const bytes = await packXlsx(pkg);
    const after = await JSZip.loadAsync(bytes);
    const bookkeeping = [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
    ];
    // Shared strings: the input's entries stay as they were, the generated sheets' are appended.
    const body = (xml: string | undefined) => /<sst\b[^>]*>([\s\S]*)<\/sst>/.exec(xml ?? "")?.[1] ?? "";
    const sstBefore = body(await before.file("xl/sharedStrings.xml")?.async("string"));
    const sstAfter = body(await after.file("xl/sharedStrings.xml")?.async("string"));
    expect(sstBefore.length).toBeGreaterThan(100);
    expect(sstAfter.startsWith(sstBefore)).toBe(true);
    for (const name of Object.keys(before.files)) {
      if (bookkeeping.includes(name) || before.files[name].dir) continue;
      expect(await after.file(name)?.async("uint8array")).toEqual(
        await before.file(name)?.async("uint8array")
      );
    }

    const wb = await loadXlsx(bytes);
    const ws = wb.getWorksheet("排名");
    if (!ws) throw new Error("no 排名");
    expect(String(ws.getCell("A1").value)).toContain("【社区考核助手生成】");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("B3").value).toBe("西城社区");
    expect(ws.getCell("B3").numFmt).toBe("@");
    expect(ws.getCell("P3").value).toBeCloseTo(113.6667, 4);
    expect(ws.getCell("P3").numFmt).toBe("0.00");
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    expect(ws.getRow(2).font?.bold ?? ws.getCell("A2").font?.bold).toBe(true);
    // 排名's 社区 column at its print width (12, as Excel stores it: + 0.71).
    expect(ws.getColumn(2).width).toBeCloseTo(12.71, 1);
    // What ExcelJS reads of the generated sheets is what was generated.
    const grids = gridsOf(wb);
    for (const s of outcome.sheets) {
      const g = grids.find((x) => x.name === s.name);
      expect(
        trimmed([{ name: s.name, values: g?.values ?? [], firstRow: 1, firstColumn: 1 }])[0].values
      ).toEqual(trimmed([{ name: s.name, values: s.rows, firstRow: 1, firstColumn: 1 }])[0].values);
    }
  });

  test("a person's sheet under the same name is kept; a rebuild replaces the generated sheets in place", async () => {
    const wb = await loadXlsx(await sampleBytes());
    wb.addWorksheet("排名").getCell("A1").value = "我的草稿";
    const pkg = await openXlsx(await saveXlsx(wb));
    const first = rankWorkbook(await packageGrids(pkg), { now: NOW });
    expect(first.sheets[0].name).toBe("排名 (2)");
    expect(await writePackageSheets(pkg, first.sheets)).toEqual([
      "排名 (2)",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    const again = await openXlsx(await packXlsx(pkg));
    const second = rankWorkbook(await packageGrids(again), { now: NOW });
    expect(await writePackageSheets(again, second.sheets)).toEqual([
      "排名 (2)",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    // Rebuilding with the same data reuses the shared strings already there: the file does not grow.
    const sstSize = async (bytes: Uint8Array) =>
      ((await (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml")?.async("string")) ?? "").length;
    const secondBytes = await packXlsx(again);
    const third = await openXlsx(secondBytes);
    await writePackageSheets(third, rankWorkbook(await packageGrids(third), { now: NOW }).sheets);
    expect(await sstSize(await packXlsx(third))).toBe(await sstSize(secondBytes));
    const back = await loadXlsx(await packXlsx(again));
    expect(back.worksheets.map((w) => w.name)).toEqual([
      ...sampleSheets(workplanTemplateRows()).map((s) => s.name),
      "排名",
      "排名 (2)",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
    expect(back.getWorksheet("排名")?.getCell("A1").value).toBe("我的草稿");
  });

  test("=1+1 and other odd text from the inputs are written as text", async () => {
    const sheet: OutputSheet = {
      key: "issues",
      name: "校验结果",
      rows: [
        ["【社区考核助手生成】x"],
        ["a"],
        ["=1+1"],
        ["  lead"],
        ["_x0041_"],
        ["tab\tand\nline"],
        [true],
        [1.5],
      ],
      headerRow: 1,
      numberFormats: ["@"],
      widths: [10],
      highlight: [{ row: 2, color: "#FFEB9C" }],
      freezeRows: 2,
    };
    const pkg = await openXlsx(await sampleBytes());
    await writePackageSheets(pkg, [sheet]);
    const bytes = await packXlsx(pkg);
    const ws = (await loadXlsx(bytes)).getWorksheet("校验结果");
    expect(ws?.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    const g = (await packageGrids(await openXlsx(bytes))).find((x) => x.name === "校验结果");
    expect(g?.values.map((r) => r[0])).toEqual(sheet.rows.map((r) => r[0]));
  });

  test("a minimal package without styles gets a styles part", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    );
    zip.file(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    );
    zip.file(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="社区" sheetId="1" r:id="rId1"/></sheets></workbook>`
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>社区</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>东门社区</t></is></c><c r="B3"><v>7</v></c></row></sheetData></worksheet>`
    );
    const pkg = await openXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect((await packageGrids(pkg))[0].values).toEqual([["社区"], [], ["东门社区", 7]]);
    await writePackageSheets(pkg, [
      {
        key: "ranking",
        name: "排名",
        rows: [["x"], ["h"], [1]],
        headerRow: 1,
        numberFormats: ["0.00"],
        widths: [8],
        highlight: [],
        freezeRows: 2,
      },
    ]);
    const wb = await loadXlsx(await packXlsx(pkg));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["社区", "排名"]);
    expect(wb.getWorksheet("排名")?.getCell("A3").numFmt).toBe("0.00");
    // Rows and cells without an r attribute (allowed by OOXML) follow the one before.
    pkg.parts.set(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}"><sheetData><row><c t="inlineStr"><is><t>社区</t></is></c></row><row><c t="inlineStr"><is><t>东门社区</t></is></c><c><v>7</v></c></row></sheetData></worksheet>`
    );
    expect((await packageGrids(pkg))[0].values).toEqual([["社区"], ["东门社区", 7]]);
  });
});
