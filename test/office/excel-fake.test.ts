/* global Excel */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop -- these tests make the mistakes on purpose, to show the fake refuses them */
import { createMockExcel, FAKE_API_SETS, MockExcelOptions, MockSheetInput } from "./excel-mock";

/**
 * The strict fake refuses what Excel refuses (excel-mock.ts lists the sources). Each test is a
 * mistake the Office.js host could make and office-addin-mock let through.
 */
async function run<T>(
  sheets: MockSheetInput[],
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: MockExcelOptions = {}
) {
  const mock = createMockExcel(sheets, options);
  mock.install();
  const result = await Excel.run(batch);
  return { mock, result };
}
const book = (): MockSheetInput[] => [
  {
    name: "表",
    values: [
      ["a", 1],
      ["b", 2],
    ],
  },
];

describe("the strict fake Excel", () => {
  test("a property read before load + sync throws PropertyNotLoaded; isNullObject too", async () => {
    await run(book(), async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      const maybe = context.workbook.worksheets.getItemOrNullObject("没有");
      expect(() => maybe.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
      expect(maybe.isNullObject).toBe(true);
    });
  });

  test("reads are answered in queue order at the sync: a load before a write sees the cells before it", async () => {
    await run(book(), async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      const before = ws.getRange("A1").load("values");
      ws.getRange("A1").values = [["新"]];
      const after = ws.getRange("A1").load("values");
      await context.sync();
      expect(before.values).toEqual([["a"]]);
      expect(after.values).toEqual([["新"]]);
    });
  });

  test("a request or a response above the limit is refused; a request refused applies nothing", async () => {
    const { mock } = await run(
      book(),
      async (context) => {
        const ws = context.workbook.worksheets.getItem("表");
        ws.getRange("A1:A3000").values = Array.from({ length: 3000 }, () => ["x".repeat(20)]);
        await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
        const read = ws.getRange("A1:A2").load("values");
        await context.sync();
        expect(read.values).toEqual([["a"], ["b"]]);
        ws.getRange("C1:C3000").values = Array.from({ length: 3000 }, () => ["y"]);
        await context.sync();
        ws.getRange("C1:C3000").load("values");
        ws.getRange("C1:C3000").load("values");
        await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      },
      { payloadLimit: 30_000 }
    );
    expect(mock.outcomes).toEqual([
      "RequestPayloadSizeLimitExceeded",
      "",
      "",
      "ResponsePayloadSizeLimitExceeded",
    ]);
  });

  test("more cells than the limit: values, formulas, numberFormat come back null", async () => {
    await run(
      book(),
      async (context) => {
        const range = context.workbook.worksheets.getItem("表").getRange("A1:B2").load("values");
        const small = context.workbook.worksheets.getItem("表").getRange("A1").load("values");
        await context.sync();
        expect(range.values).toBeNull();
        expect(small.values).toEqual([["a"]]);
      },
      { valuesCellLimit: 3 }
    );
  });

  test("a values or numberFormat array of the wrong shape, and a member Excel does not have, are refused", async () => {
    await run(book(), async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("A1:B1").values = [["only one"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange("A1:A2").numberFormat = [["@"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(() => ((ws as unknown as { valuez: unknown }).valuez = 1)).toThrow(/cannot be set/);
      expect(() => (ws.getRange("A1") as unknown as { text2: unknown }).text2).toThrow(/does not exist/);
    });
  });

  test("null in values leaves the cell; a commands' failure keeps what ran before it (no rollback)", async () => {
    const { mock } = await run(book(), async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("A1:B1").values = [[null, "新"]];
      ws.getRange("A2").values = [["改"]];
      context.workbook.worksheets.getItem("没有").getRange("A1").values = [["x"]];
      ws.getRange("B2").values = [["不会写"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(mock.grid("表")).toEqual([
      ["a", "新"],
      ["改", 2],
    ]);
  });

  test("sheet names: 31 characters, none of \\ / ? * [ ] :, unique ignoring case", async () => {
    for (const name of [
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二",
      "a/b",
      "a[1]",
      "x:y",
      "what?",
      "表",
      "TABLE",
    ]) {
      const { mock } = await run([{ name: "table", values: [] }, ...book()], async (context) => {
        context.workbook.worksheets.add(name);
        await expect(context.sync()).rejects.toMatchObject({
          code: expect.stringMatching(/InvalidArgument|ItemAlreadyExists/),
        });
      });
      expect(mock.sheetNames()).toEqual(["table", "表"]);
    }
  });

  test("text starting with = + - @ becomes a formula unless the cell is text-formatted first or the text has an apostrophe", async () => {
    const { mock } = await run([{ name: "表", values: [] }], async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("A1:D1").values = [["=1+1", "+1+1", "-x", "@x"]];
      ws.getRange("A2:D2").numberFormat = [["@", "@", "@", "@"]];
      ws.getRange("A2:D2").values = [["=1+1", "+1+1", "-x", "@x"]];
      ws.getRange("A3").values = [["'=1+1"]];
      ws.getRange("A4").values = [["=1+1"]];
      ws.getRange("A4").numberFormat = [["@"]]; // too late: the formula is in
      await context.sync();
    });
    for (let c = 1; c <= 4; c++) expect(mock.formula("表", 1, c)).not.toBeNull();
    for (let c = 1; c <= 4; c++) expect(mock.formula("表", 2, c)).toBeNull();
    expect(mock.grid("表")[1]).toEqual(["=1+1", "+1+1", "-x", "@x"]);
    expect(mock.grid("表")[2][0]).toBe("=1+1");
    expect(mock.formula("表", 3, 1)).toBeNull();
    expect(mock.formula("表", 4, 1)).toBe("=1+1");
  });

  test("a member above the fake's ExcelApi fails the request with ApiNotFound", async () => {
    await run(
      book(),
      async (context) => {
        context.workbook.worksheets.getItem("表").freezePanes.freezeRows(1); // ExcelApi 1.7
        await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
        context.workbook.worksheets.getItem("表").getRange("A1").format.fill.color = "#FFFF00"; // 1.1
        await context.sync();
      },
      { excelApi: "1.6" }
    );
    expect(FAKE_API_SETS["WorksheetFreezePanes.freezeRows"]).toBe(7);
  });

  test("deleting a sheet turns formulas that refer to it into #REF! for good; renaming rewrites them", async () => {
    const { mock } = await run(
      [...book(), { name: "排名", values: [[5]] }, { name: "引用", values: [] }],
      async (context) => {
        context.workbook.worksheets.getItem("排名").name = "排名2";
        await context.sync();
      }
    );
    mock.user.setFormula("引用", 1, 1, "=排名2!A1");
    expect(mock.grid("引用")[0][0]).toBe(5);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("排名2").delete();
      context.workbook.worksheets.add("排名2");
      await context.sync();
    });
    expect(mock.formula("引用", 1, 1)).toBe("=#REF!A1");
    expect(mock.grid("引用")[0][0]).toBe("#REF!");
  });
  test("a table's name must be a valid name, free in the workbook; its style a built-in one", async () => {
    await run(
      book(),
      async (context) => {
        const tables = context.workbook.worksheets.getItem("表").tables;
        tables.add("A1:B2", true).name = "KH_Honors";
        tables.add("D1:E2", true).style = "TableStyleLight9";
        await context.sync();
        for (const name of ["KH_honors", "有 空格", "A1", "1表", "R"]) {
          tables.add("G1:H2", true).name = name;
          await expect(context.sync()).rejects.toMatchObject({
            code: name === "KH_honors" ? "ItemAlreadyExists" : "InvalidArgument",
          });
        }
        for (const style of ["TableStyleLight22", "TableStyleMedium28", "表格样式"]) {
          tables.add("J1:K2", true).style = style;
          if (style === "TableStyleMedium28") await context.sync();
          else await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
        }
        tables.add("M1:N2", true).name = "KH_Honors2";
        await context.sync();
      },
      { tables: [] }
    );
  });
});
