import ExcelJS from "exceljs";
import {
  openXlsx,
  packageGrids,
  packXlsx,
  sniffWorkbook,
  UnreadableWorkbookError,
  writePackageSheets,
} from "../../src/hosts/xlsx";
import { isGeneratedSheet } from "../../src/workbook/marker";
import { AnySheet } from "../../src/workbook/streamed";
import { bookOf, loadXlsx, plainValue, saveXlsx } from "./exceljs-io";
import { rankWorkbook, sampleSheets, templateSheets, validateWorkbook } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { WorkbookGrids } from "../../src/workbook/types";

const NOW = new Date(2024, 11, 31, 9, 30);

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadXlsx(await saveXlsx(wb));
}

async function sampleBook(): Promise<ExcelJS.Workbook> {
  return bookOf(sampleSheets(workplanTemplateRows()));
}

/** The workbook's grids as the product reads them (the package reader, since issue 23 the preview's too). */
async function gridsOf(wb: ExcelJS.Workbook): Promise<WorkbookGrids> {
  return packageGrids(await openXlsx(await saveXlsx(wb)));
}

function existingSheets(wb: ExcelJS.Workbook): { name: string; generated: boolean }[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    generated: isGeneratedSheet(plainValue(ws.getCell(1, 1).value)),
  }));
}

/** Generated sheets written into the workbook's file by the package writer; the file read back by ExcelJS. */
async function written(
  wb: ExcelJS.Workbook,
  sheets: readonly AnySheet[]
): Promise<{ names: string[]; book: ExcelJS.Workbook }> {
  const pkg = await openXlsx(await saveXlsx(wb));
  const names = await writePackageSheets(pkg, sheets);
  return { names, book: await loadXlsx(await packXlsx(pkg)) };
}

/** Every cell of every sheet as [sheet, address, value, numFmt]. */
function snapshot(wb: ExcelJS.Workbook, only?: string[]): unknown[] {
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    if (only && !only.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) =>
        out.push([ws.name, cell.address, cell.value, cell.numFmt])
      )
    );
  }
  return out;
}

describe("规则 §7.2 .xlsx: reading (the package reader, on files ExcelJS made)", () => {
  test("gridsOf: formula → cached result, rich text and hyperlinks → text, errors → #N/A text, dates → Date", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("A2").value = { richText: [{ text: "东门" }, { text: "社区", font: { bold: true } }] };
    ws.getCell("A3").value = { text: "链接文字", hyperlink: "https://example.org" };
    ws.getCell("A4").value = { error: "#N/A" };
    ws.getCell("A5").value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A7").value = { formula: "A1" };
    ws.getCell("A8").value = "=1+1";
    ws.getCell("C9").value = 3;
    const [g] = await gridsOf(wb);
    const col = g.values.map((r) => r[0]);
    expect(col.slice(0, 6)).toEqual([
      2,
      "东门社区",
      "链接文字",
      "#N/A",
      new Date(Date.UTC(2024, 5, 30)),
      "#DIV/0!",
    ]);
    expect(col[6]).toEqual({ formula: "A1" });
    expect(col[7]).toBe("=1+1");
    expect(g.values[8]).toEqual([null, null, 3]);
    expect(g).toMatchObject({ name: "T", firstRow: 1, firstColumn: 1 });
  });

  test("merged cells: only the top-left cell of a merge holds the value, as in Excel", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("目标管理");
    ws.getCell("A1").value = "2024 年度目标管理";
    ws.mergeCells("A1:G1");
    ws.getCell("A2").value = "社区";
    ws.mergeCells("A2:A3");
    ws.getCell("B2").value = "目标管理（100 分）";
    ws.mergeCells("B2:G2");
    ["社区基础", "社区服务", "社区文化", "社区环境卫生", "一居一品", "行政事务"].forEach(
      (h, i) => (ws.getCell(3, i + 2).value = h)
    );
    ws.addRow(["东门社区", 18, 18.5, 13, 13.5, 14, 13]);
    const [g] = await gridsOf(wb);
    expect(g.values[0][0]).toBe("2024 年度目标管理");
    expect(g.values[0].slice(1).every((v) => v === null)).toBe(true);
    expect(g.values[2][0]).toBeNull();
    // The reader takes the merged two-row header.
    const grids: WorkbookGrids = [
      { name: "社区", values: [["社区"], ["东门社区"]], firstRow: 1, firstColumn: 1 },
      g,
    ];
    expect(validateWorkbook(grids).filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a formula's cached result is scored like a typed number", async () => {
    const wb = await sampleBook();
    const ws = wb.getWorksheet("目标管理");
    if (!ws) throw new Error("no sheet");
    ws.getCell("B2").value = { formula: "9*2", result: 18 };
    const before = rankWorkbook(await gridsOf(await sampleBook()), { now: NOW });
    const after = rankWorkbook(await gridsOf(wb), { now: NOW });
    expect(after.ok).toBe(true);
    expect(after.result?.communities.map((c) => c.total.toString())).toEqual(
      before.result?.communities.map((c) => c.total.toString())
    );
  });

  test.each([
    ["empty", new Uint8Array(0)],
    ["notXlsx", new TextEncoder().encode("name,score\n东门,1\n")],
    ["legacyXls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    [
      "encrypted",
      Uint8Array.from([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        0,
        0,
        ...[..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]),
      ]),
    ],
    ["corrupt", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
  ])("openXlsx refuses a %s file with a typed one-line zh+en error", async (reason, bytes) => {
    const err = await openXlsx(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe(reason);
    expect((err as UnreadableWorkbookError).message).not.toContain("\n");
    expect((err as UnreadableWorkbookError).words.zh).toMatch(/[\u4e00-\u9fff]/);
    if (reason !== "corrupt") expect(sniffWorkbook(bytes)).toBe(reason);
  });
});

describe("规则 §6/§7.2 .xlsx: writing (the package writer, read back by ExcelJS)", () => {
  test("template: headers, drop-downs, widths, frozen header, text columns as text", async () => {
    const back = await bookOf(templateSheets(workplanTemplateRows()));
    const honors = back.getWorksheet("荣誉");
    if (!honors) throw new Error("no sheet");
    expect(honors.getRow(1).values).toEqual([
      undefined,
      "社区",
      "荣誉名称",
      "荣誉类别",
      "级别",
      "条线表彰",
      "发文单位",
      "文号",
      "考核组认可",
    ]);
    const dv = (honors as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(dv["D2"]).toMatchObject({ type: "list", formulae: ['"区镇,区级,市级,省级,全国"'] });
    expect(dv["H500"]).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(honors.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(Math.floor(honors.getColumn(2).width ?? 0)).toBe(30);
    expect(honors.getColumn(1).numFmt).toBe("@");
    expect(back.getWorksheet("工作要点")?.actualRowCount).toBe(22);
  });

  test("rank --out keeps every input sheet and cell as it was, and adds the generated sheets", async () => {
    const wb = await sampleBook();
    // A person's own sheet named 排名, and odd cells on an input sheet, must survive untouched.
    const mine = wb.addWorksheet("排名");
    mine.getCell("A1").value = "我自己的排名草稿";
    mine.getCell("B2").value = { formula: "1+1", result: 2 };
    const notes = wb.getWorksheet("社区");
    if (!notes) throw new Error("no sheet");
    notes.getCell("E2").value = { richText: [{ text: "备注" }] };
    notes.getCell("F2").value = new Date(Date.UTC(2024, 0, 1));
    notes.getCell("F2").numFmt = "yyyy/m/d";
    const input = await roundTrip(wb);
    const before = snapshot(input);

    const outcome = rankWorkbook(await gridsOf(input), { now: NOW, existing: existingSheets(input) });
    expect(outcome.ok).toBe(true);
    const { names, book: after } = await written(input, outcome.sheets);
    expect(names).toEqual(["排名 (2)", "先进个人", "计分明细", "成绩单", "校验结果"]);
    expect(
      snapshot(
        after,
        before.map((b) => (b as string[])[0])
      )
    ).toEqual(before);
    expect(after.getWorksheet("排名")?.getCell("A1").value).toBe("我自己的排名草稿");

    // A rebuild replaces the generated sheets (no 排名 (3)), and still keeps the person's sheet.
    const again = rankWorkbook(await gridsOf(after), { now: NOW, existing: existingSheets(after) });
    const { names: again2, book: rebuilt } = await written(after, again.sheets);
    expect(again2).toEqual(names);
    expect(rebuilt.worksheets.map((w) => w.name)).toEqual(after.worksheets.map((w) => w.name));
    expect(
      snapshot(
        rebuilt,
        before.map((b) => (b as string[])[0])
      )
    ).toEqual(before);
  });

  test("generated sheets: values, number formats, widths, frozen header, highlighted advanced rows", async () => {
    const wb = await sampleBook();
    const outcome = rankWorkbook(await gridsOf(wb), { now: NOW, existing: existingSheets(wb) });
    const { book: back } = await written(wb, outcome.sheets);
    const ws = back.getWorksheet("排名");
    if (!ws) throw new Error("no sheet");
    expect(String(ws.getCell("A1").value)).toContain("【社区考核助手生成】");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const headers = ws.getRow(2).values as unknown[];
    const total = headers.indexOf("综合得分");
    expect(ws.getCell(3, total).value).toBeCloseTo(113.6667, 4);
    expect(ws.getCell(3, total).numFmt).toBe("0.00");
    expect(ws.getCell(3, headers.indexOf("社区")).numFmt).toBe("@");
    // 排名's own width for print (report.ts RANKING_WIDTHS), narrower than the schema's 16.
    expect(Math.floor(ws.getColumn(headers.indexOf("社区")).width ?? 0)).toBe(12);
    const fill = ws.getCell(3, 1).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFC6EFCE");
    // 规则 §8: the third row is 桥头社区 (村改居, not eligible): grey.
    expect((ws.getCell(5, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9D9D9");
    // An eligible community not advanced: no fill.
    const mark = headers.indexOf("先进社区");
    let plain = 3;
    while (ws.getCell(plain, mark).value !== null) plain++;
    expect(typeof ws.getCell(plain, 1).value).toBe("number");
    expect((ws.getCell(plain, 1).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });

  test("规则 §6: a community named =1+1 is written as text, not a formula", async () => {
    const wb = await sampleBook();
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === "东门社区") cell.value = "=1+1";
          if (typeof cell.value === "string" && cell.value.startsWith("东门社区、"))
            cell.value = cell.value.replace("东门社区", "=1+1");
        })
      );
    const input = await roundTrip(wb);
    const outcome = rankWorkbook(await gridsOf(input), { now: NOW, existing: existingSheets(input) });
    expect(outcome.ok).toBe(true);
    const { book: back } = await written(input, outcome.sheets);
    const ws = back.getWorksheet("排名");
    const found: unknown[] = [];
    ws?.eachRow((row) => row.eachCell((cell) => cell.value === "=1+1" && found.push(cell.type)));
    expect(found).toEqual([ExcelJS.ValueType.String]);
  });
});
