/* global Excel */
import { ExcelHost } from "../../src/hosts/office/excel-host";
import { PRINT_FEATURE } from "../../src/hosts/office/api";
import { rankBuild } from "../../src/taskpane/controller";
import { OutputSheet } from "../../src/workbook/types";
import { createMockExcel, MockExcel, MockExcelOptions, MockSheetInput } from "./excel-mock";
import { sampleWorkbook } from "./fixtures";

/**
 * 规则 §8 print setup, marks and filters through Office.js on the strict fake: pageLayout (A4,
 * orientation, one page wide, print titles, header and footer), page breaks, AutoFilter, bold
 * subtotals, legend swatches, merges — on the sheet that stays (after a swap too), within the
 * same number of requests, and left out with a word to the user where ExcelApi 1.9 is missing.
 */

const NOW = new Date(2025, 0, 15, 9, 30);

function setup(
  sheets: MockSheetInput[],
  options: MockExcelOptions = {}
): { mock: MockExcel; host: ExcelHost } {
  const mock = createMockExcel(sheets, options);
  mock.install();
  return { mock, host: new ExcelHost() };
}

describe("规则 §8 Print — Office.js pageLayout on the fake", () => {
  test("排名 landscape and 计分明细 portrait on A4, one page wide, row 2 on every page, year and title, page numbers", async () => {
    const { mock, host } = setup(sampleWorkbook());
    const { plan, report } = await rankBuild(host, { now: NOW });
    expect(report?.degraded).toEqual([]);
    const footer = "第 &P 页，共 &N 页";
    const sheets = plan.ok ? plan.outcome.sheets : [];
    const year = sheets[0].print?.header.replace(/ 排名$/, "");
    expect(year).toMatch(/^\d{4}年度$/);
    for (const [name, orientation] of [
      ["排名", "Landscape"],
      ["先进个人", "Landscape"],
      ["计分明细", "Portrait"],
      ["校验结果", "Portrait"],
    ])
      expect(mock.page(name)).toEqual({
        paperSize: "A4",
        orientation,
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "$2:$2",
        centerHeader: `${year} ${name}`,
        centerFooter: footer,
        // 排名 prints its table alone (the chart beside it stays on screen): a print area.
        ...(name === "排名" ? { printArea: expect.stringMatching(/^A1:[A-Z]+\d+$/) } : {}),
      });
    expect(mock.pageBreaks("排名")).toEqual([]);
    // 成绩单 (data from src/workbook/statements.ts): a page starts below each block; titles merged.
    const statements = sheets.find((x) => x.key === "statements");
    expect(statements?.print?.breaksAfter).toHaveLength(11);
    expect(mock.pageBreaks("成绩单")).toEqual((statements?.print?.breaksAfter ?? []).map((r) => r + 2));
    expect(mock.merges("成绩单")).toHaveLength(statements?.merges?.length ?? -1);
    expect(mock.page("成绩单")?.printTitleRows).toBeUndefined();
  });

  test("filter buttons over the ranked rows; legend swatches filled; 村改居 rows grey; 计分明细 subtotals bold", async () => {
    const { mock, host } = setup(sampleWorkbook());
    const { plan } = await rankBuild(host, { now: NOW });
    const sheets = plan.ok ? plan.outcome.sheets : [];
    const ranking = sheets[0];
    const width = ranking.numberFormats.length;
    expect(mock.autoFilter("排名")).toBe(`A2:${String.fromCharCode(64 + width)}14`);
    for (const f of ranking.cellFills ?? []) expect(mock.fill("排名", f.row + 1, f.column + 1)).toBe(f.color);
    const grid = mock.grid("排名");
    const villages = grid.map((r, i) => [r, i + 1] as const).filter(([r]) => r[2] === "村改居");
    expect(villages).toHaveLength(2);
    for (const [, row] of villages) expect(mock.fill("排名", row, 1)).toBe("#D9D9D9");
    const details = sheets[2];
    for (const r of details.boldRows ?? []) expect(mock.bold("计分明细", r + 1, 6)).toBe(true);
    expect(mock.bold("计分明细", 3, 1)).toBe(false);
    expect(mock.numberFormat("计分明细", 3, 5)).toBe("0.00##");
  });

  test("a rebuild (swap through a temporary sheet) leaves the page setup and filter on the sheet that stays, in as many requests", async () => {
    const { mock, host } = setup(sampleWorkbook());
    const first = await rankBuild(host, { now: NOW });
    mock.user.setCell("目标管理", 2, 2, 1);
    const second = await rankBuild(host, { now: NOW, confirm: async () => true });
    expect(second.report?.replaced).toContain("排名");
    expect(second.report?.syncs).toBe(first.report?.syncs);
    expect(mock.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
    expect(mock.page("排名")?.orientation).toBe("Landscape");
    expect(mock.autoFilter("排名")).toMatch(/^A2:/);
    // Old manual breaks are removed before new ones are added.
    const removes = mock.writes.filter((w) => w.prop === "removePageBreaks()" && w.request === mock.syncs);
    expect(removes.map((w) => w.sheet).sort()).toEqual(
      ["先进个人", "排名", "成绩单", "校验结果", "计分明细"].sort()
    );
  });

  test("ExcelApi 1.8: no pageLayout, breaks or filter asked for (the request would fail); the pane names what is missing", async () => {
    const { mock, host } = setup(sampleWorkbook(), { excelApi: "1.8" });
    const { report } = await rankBuild(host, { now: NOW });
    expect(report?.written).toContain("排名");
    expect(report?.degraded).toContainEqual(PRINT_FEATURE);
    expect(mock.page("排名")).toBeUndefined();
    expect(mock.autoFilter("排名")).toBeNull();
    expect(mock.fill("排名", 3, 1)).toBe("#C6EFCE");
  });

  test("page breaks after the given rows and merges, written through the host", async () => {
    const { mock, host } = setup(sampleWorkbook());
    const sheet: OutputSheet = {
      key: "details",
      name: "块",
      rows: [
        ["标题", null, null],
        ["a", "b", "c"],
        ["x", 1, 2],
        ["y", 3, 4],
        ["z", 5, 6],
      ],
      headerRow: 1,
      numberFormats: ["@", "0.00", "0.00"],
      widths: [10, 10, 10],
      highlight: [],
      freezeRows: 0,
      merges: [{ row: 0, firstColumn: 0, lastColumn: 2 }],
      cellFormats: [{ row: 3, column: 1, format: "0.00##" }],
      print: { orientation: "portrait", onePageWide: false, header: "h", footer: "f", breaksAfter: [2, 3] },
    };
    await host.writeGenerated([sheet], { replace: [] });
    expect(mock.pageBreaks("块")).toEqual([4, 5]);
    expect(mock.merges("块")).toEqual(["A1:C1"]);
    expect(mock.numberFormat("块", 4, 2)).toBe("0.00##");
    expect(mock.numberFormat("块", 3, 2)).toBe("0.00");
    expect(mock.page("块")).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      centerHeader: "h",
      centerFooter: "f",
    });
  });
});

describe("规则 §8 Print — the fake refuses what Excel refuses", () => {
  const run = async (batch: (context: Excel.RequestContext) => Promise<void>, excelApi = "1.17") => {
    const mock = createMockExcel([{ name: "表", values: [["a"], ["b"]] }], { excelApi });
    mock.install();
    await Excel.run(batch);
    return mock;
  };

  test("print title rows must be whole rows; a page break cannot go above row 1; zoom pages are whole numbers ≥ 0", async () => {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.pageLayout.setPrintTitleRows("A2");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.horizontalPageBreaks.add("A1");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.pageLayout.zoom = { horizontalFitToPages: 1.5 };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.horizontalPageBreaks.add("B3");
      await context.sync();
    });
  });

  test("below ExcelApi 1.9 pageLayout and autoFilter fail the request (ApiNotFound)", async () => {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.pageLayout.orientation = "Landscape";
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      ws.autoFilter.apply(ws.getRange("A1:A2"));
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    }, "1.8");
  });
});
