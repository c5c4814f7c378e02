jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

import { ExcelHost, isKhFormula } from "../../src/hosts/office/excel-host";
import {
  REQUEST_LIMIT_BYTES,
  valueBlocks,
  formatBlocks,
  pack,
  toCell,
} from "../../src/hosts/office/write-plan";
import { PaneHost } from "../../src/hosts/port";
import { rankBuild, planRank } from "../../src/taskpane/controller";
import { GENERATED_MARKER, templateSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";
import { createMockExcel, MockExcel, MockSheetInput, WriteRecord } from "./excel-mock";
import { generatedWorkbook, sampleWorkbook } from "./fixtures";

const NOW = new Date(2025, 0, 15, 9, 30);
const INPUT_NAMES = new Set(INPUT_SHEETS.map((k) => SHEETS[k].zh));

function setup(
  sheets: MockSheetInput[],
  excelApi?: string,
  tables?: string[]
): { mock: MockExcel; host: PaneHost } {
  const mock = createMockExcel(sheets, { excelApi, tables });
  mock.install();
  const host: PaneHost = new ExcelHost();
  return { mock, host };
}

const isFormat = (w: WriteRecord) => w.prop === "numberFormat" || w.prop.startsWith("format.");

describe("ExcelHost.read", () => {
  test("reads every sheet's used range in one sync after the sheet list, with its position", async () => {
    const { mock, host } = setup([
      {
        name: "社区",
        values: [
          ["社区", "类型"],
          ["东门社区", "社区"],
        ],
      },
      { name: "空表", values: [] },
      {
        name: "目标管理",
        values: [
          ["社区", "社区基础"],
          ["东门社区", 18],
        ],
        origin: { row: 3, column: 2 },
      },
      { name: "排名", values: [[`${GENERATED_MARKER}排名 · 生成于 …`], ["名次"]] },
    ]);
    const snap = await host.read();
    expect(mock.syncs).toBe(2);
    expect(snap.grids.map((g) => g.name)).toEqual(["社区", "空表", "目标管理", "排名"]);
    expect(snap.grids[0]).toEqual({
      name: "社区",
      values: [
        ["社区", "类型"],
        ["东门社区", "社区"],
      ],
      firstRow: 1,
      firstColumn: 1,
    });
    expect(snap.grids[1].values).toEqual([]);
    expect(snap.grids[2]).toMatchObject({
      firstRow: 3,
      firstColumn: 2,
      values: [
        ["社区", "社区基础"],
        ["东门社区", 18],
      ],
    });
    expect(snap.sheets).toEqual([
      { name: "社区", generated: false },
      { name: "空表", generated: false },
      { name: "目标管理", generated: false },
      { name: "排名", generated: true },
    ]);
    expect(mock.writes.filter((w) => !w.prop.endsWith("()"))).toEqual([]);
  });

  test("revalidation after a fix is one sync; a sheet added costs one more; one deleted starts over", async () => {
    const { mock, host } = setup(sampleWorkbook());
    await host.read();
    expect(mock.syncs).toBe(2);

    // Fix-and-revalidate: a person corrects a cell; the read is a single round trip.
    mock.user.setCell("荣誉", 2, 4, "国际级");
    mock.resetCounters();
    let snap = await host.read();
    expect(mock.syncs).toBe(1);
    expect(snap.grids.find((g) => g.name === "荣誉")?.values[1][3]).toBe("国际级");

    mock.user.addSheet({ name: "备注", values: [["新表"]] });
    mock.resetCounters();
    snap = await host.read();
    expect(mock.syncs).toBe(2);
    expect(snap.grids.find((g) => g.name === "备注")?.values).toEqual([["新表"]]);

    mock.user.deleteSheet("备注");
    mock.resetCounters();
    snap = await host.read();
    expect(mock.syncs).toBe(3);
    expect(snap.grids.map((g) => g.name)).not.toContain("备注");
    expect(snap.grids).toHaveLength(sampleWorkbook().length);
  });

  test("reads the same two syncs for 2,000 communities", async () => {
    const { mock, host } = setup(generatedWorkbook(2000));
    const snap = await host.read();
    expect(mock.syncs).toBe(2);
    expect(snap.grids.find((g) => g.name === "社区")?.values).toHaveLength(2001);
  });
});

describe("ExcelHost.writeGenerated through the rank build", () => {
  test("writes the four generated sheets: values first, formats after, input sheets untouched", async () => {
    const inputs = sampleWorkbook();
    const { mock, host } = setup(inputs);
    const before = inputs.map((s) => [s.name, mock.grid(s.name)] as const);
    const { plan, report } = await rankBuild(host, { now: NOW });
    expect(plan.ok).toBe(true);
    expect(report?.written).toEqual(["排名", "先进个人", "计分明细", "校验结果"]);

    // No write of any kind on an input sheet, and their cells are as they were.
    expect(mock.writes.filter((w) => INPUT_NAMES.has(w.sheet))).toEqual([]);
    for (const [name, grid] of before) expect(mock.grid(name)).toEqual(grid);

    // Per sheet: every value write comes before every format write, in an earlier request.
    for (const name of report?.written ?? []) {
      const own = mock.writes.filter((w) => w.sheet === name);
      const values = own.filter((w) => w.prop === "values");
      const formats = own.filter(isFormat);
      expect(values.length).toBeGreaterThan(0);
      expect(formats.length).toBeGreaterThan(0);
      const lastValue = Math.max(...values.map((w) => w.seq));
      expect(Math.min(...formats.map((w) => w.seq))).toBeGreaterThan(lastValue);
      expect(Math.min(...formats.map((w) => w.request))).toBeGreaterThan(
        Math.max(...values.map((w) => w.request))
      );
    }

    // The ranking: the 12 communities in rank order, the first cell marks it as generated.
    const ranking = mock.grid("排名");
    expect(String(ranking[0][0]).startsWith(GENERATED_MARKER)).toBe(true);
    const header = ranking.findIndex((r) => r[0] === "名次");
    const rows = ranking.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(rows).toHaveLength(12);
    const ranks = rows.map((r) => r[0] as number);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    if (plan.ok) expect(rows.map((r) => r[1])).toEqual(plan.outcome.result?.communities.map((c) => c.name));

    // Highlights of the advanced, a bar chart of totals with community names, the sheet activated.
    const fills = mock.writes.filter((w) => w.sheet === "排名" && w.prop === "format.fill.color");
    expect(fills.length).toBeGreaterThan(8);
    expect(mock.writes.some((w) => w.sheet === "排名" && w.prop === "charts.add()")).toBe(true);
    expect(mock.writes.some((w) => w.sheet === "排名" && w.prop === "setXAxisValues()")).toBe(true);
    expect(mock.writes.find((w) => w.prop === "activate()")?.sheet).toBe("排名");
    expect(
      mock.writes.filter((w) => w.prop === "suspendApiCalculationUntilNextSync()").map((w) => w.request)
    ).toEqual([2]);
  });

  test("a second build replaces only the generated sheets; a person's sheet under a generated name is kept", async () => {
    const inputs = [...sampleWorkbook(), { name: "计分明细", values: [["我自己的笔记"]] }];
    const { mock, host } = setup(inputs);
    const first = await rankBuild(host, { now: NOW });
    expect(first.report?.written).toEqual(["排名", "先进个人", "计分明细 (2)", "校验结果"]);
    expect(mock.grid("计分明细")).toEqual([["我自己的笔记"]]);

    mock.resetCounters();
    const asked: string[][] = [];
    const second = await rankBuild(host, {
      now: NOW,
      confirm: async (names) => {
        asked.push(names);
        return true;
      },
    });
    expect(asked).toEqual([["排名", "先进个人", "计分明细 (2)", "校验结果"]]);
    expect(second.report?.replaced).toEqual(["排名", "先进个人", "计分明细 (2)", "校验结果"]);
    expect(mock.writes.filter((w) => w.prop === "delete()").map((w) => w.sheet)).toEqual(asked[0]);
    expect(mock.grid("计分明细")).toEqual([["我自己的笔记"]]);
    // The sheets are as the host left them: the read is one sync, the write two.
    expect(mock.syncs).toBe(3);
  });

  test("declining the confirmation writes nothing", async () => {
    const { mock, host } = setup(sampleWorkbook());
    await rankBuild(host, { now: NOW });
    mock.resetCounters();
    const { report } = await rankBuild(host, { now: NOW, confirm: async () => false });
    expect(report).toBeNull();
    expect(mock.writes).toEqual([]);
    expect(mock.syncs).toBe(1);
  });

  test("with errors nothing is written (only the two read syncs)", async () => {
    const inputs = sampleWorkbook().map((s) =>
      s.name === "荣誉"
        ? { ...s, values: s.values.map((r, i) => (i === 1 ? r.map((v, j) => (j === 3 ? "国际级" : v)) : r)) }
        : s
    );
    const { mock, host } = setup(inputs);
    const plan = await planRank(host, { now: NOW, locale: "zh-CN" });
    expect(plan.ok).toBe(false);
    expect(plan.issues.some((i) => i.severity === "error" && i.sheet === "荣誉" && i.cell === "D2")).toBe(
      true
    );
    expect(mock.writes).toEqual([]);
    expect(mock.syncs).toBe(2);
  });

  test("text that Excel would turn into a formula or number is written as text", async () => {
    const inputs = sampleWorkbook().map((s) => ({
      ...s,
      values: s.values.map((r) => r.map((v) => (typeof v === "string" ? v.replace("东门社区", "=1+1") : v))),
    }));
    const { mock, host } = setup(inputs);
    const { report } = await rankBuild(host, { now: NOW });
    expect(report).not.toBeNull();
    const written = mock.writes
      .filter((w) => w.sheet === "排名" && w.prop === "values")
      .flatMap((w) => (w.value as unknown[][]).flat());
    expect(written).toContain("'=1+1");
    expect(written).not.toContain("=1+1");
    expect(mock.grid("排名").flat()).toContain("=1+1");
    expect(toCell("0012")).toBe("'0012");
    expect(toCell("东门社区")).toBe("东门社区");
  });
});

describe("round trips", () => {
  async function buildSyncs(
    inputs: MockSheetInput[]
  ): Promise<{ cold: number; afterValidate: number; maxRequest: number }> {
    const { mock, host } = setup(inputs);
    const { report } = await rankBuild(host, { now: NOW });
    expect(report).not.toBeNull();
    const cold = mock.syncs;
    const maxRequest = Math.max(...mock.requestBytes);
    // Validate, then rank again (replacing the sheets just made): the usual second pass.
    await host.read();
    mock.resetCounters();
    const again = await rankBuild(host, { now: NOW, confirm: async () => true });
    expect(again.report?.replaced).toHaveLength(4);
    return { cold, afterValidate: mock.syncs, maxRequest };
  }

  test("a whole rank build takes the same number of syncs (≤ 6) for 12 and 2,000 communities", async () => {
    const small = await buildSyncs(sampleWorkbook());
    const large = await buildSyncs(generatedWorkbook(2000));
    expect(small).toMatchObject({ cold: 4, afterValidate: 3 });
    expect(large.cold).toBe(small.cold);
    expect(large.afterValidate).toBe(small.afterValidate);
    expect(large.cold).toBeLessThanOrEqual(6);
    // Excel on the web refuses a request above 5 MB: none comes near.
    expect(large.maxRequest).toBeLessThan(REQUEST_LIMIT_BYTES);
  });

  test("values are cut into whole-range blocks; requests stay under budget", () => {
    const [sheet] = templateSheets(workplanTemplateRows()).filter((s) => s.key === "workplan");
    const blocks = valueBlocks(sheet, 2000);
    expect(blocks.length).toBeGreaterThan(1);
    // Blocks tile the rows exactly, each a whole range of every column.
    expect(blocks.map((b) => b.rowCount).reduce((a, b) => a + b, 0)).toBe(sheet.rows.length);
    blocks.forEach((b, i) => {
      expect(b.values).toHaveLength(b.rowCount);
      expect(b.bytes).toBeLessThanOrEqual(2000 + 2000); // a block may exceed only by its last row
      if (i > 0) expect(b.firstRow).toBe(blocks[i - 1].firstRow + blocks[i - 1].rowCount);
    });
    const requests = pack(blocks, 5000);
    for (const r of requests) expect(r.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(5000);
    expect(formatBlocks(sheet, 100).length).toBeGreaterThan(
      sheet.numberFormats.filter((f) => f !== "General").length
    );
  });
});

describe("ExcelHost.createTemplate", () => {
  test("adds only the missing input sheets as tables with formats and drop-downs; existing ones untouched", async () => {
    const { mock, host } = setup(
      [
        {
          name: "社区",
          values: [
            ["社区", "类型"],
            ["我的社区", "社区"],
          ],
        },
      ],
      undefined,
      ["KH_Honors"]
    );
    const report = await host.createTemplate(templateSheets(workplanTemplateRows()));
    expect(report.skipped).toEqual(["社区"]);
    expect(report.created).toEqual(INPUT_SHEETS.filter((k) => k !== "communities").map((k) => SHEETS[k].zh));
    expect(mock.syncs).toBe(2);
    expect(mock.writes.filter((w) => w.sheet === "社区")).toEqual([]);
    expect(mock.grid("社区")).toEqual([
      ["社区", "类型"],
      ["我的社区", "社区"],
    ]);
    expect(mock.writes.filter((w) => w.prop === "tables.add()")).toHaveLength(report.created.length);
    // Table names are free ones: KH_Honors is taken by a table already in the workbook.
    const tableNames = mock.writes
      .filter((w) => w.target === "table" && w.prop === "name")
      .map((w) => w.value);
    expect(tableNames).toContain("KH_Honors2");
    expect(tableNames).not.toContain("KH_Honors");
    const honorsDropDowns = mock.writes.filter((w) => w.sheet === "荣誉" && w.prop === "dataValidation.rule");
    expect(honorsDropDowns.map((w) => w.value)).toContainEqual({
      list: { inCellDropDown: true, source: "区镇,区级,市级,省级,全国" },
    });
    expect(mock.grid("设置").length).toBeGreaterThan(10);
    expect(mock.grid("工作要点").length).toBe(22);
    // Values before formats.
    const firstFormat = Math.min(...mock.writes.filter(isFormat).map((w) => w.seq));
    const lastValue = Math.max(...mock.writes.filter((w) => w.prop === "values").map((w) => w.seq));
    expect(firstFormat).toBeGreaterThan(lastValue);
  });

  test("without ExcelApi 1.8 the sheets come without drop-downs, and the pane is told", async () => {
    const { mock, host } = setup([], "1.7");
    const report = await host.createTemplate(templateSheets(workplanTemplateRows()));
    expect(report.created.length).toBe(INPUT_SHEETS.length);
    expect(mock.writes.filter((w) => w.prop === "dataValidation.rule")).toEqual([]);
    expect(report.degraded.map((m) => m.en)).toEqual(["drop-down lists"]);
  });
});

describe("ExcelHost: select, KH. cells, auto-open", () => {
  test("selecting an issue's cell activates its sheet and selects the cell in one sync", async () => {
    const { mock, host } = setup(sampleWorkbook());
    await host.selectCell("荣誉", "D2");
    expect(mock.syncs).toBe(1);
    expect(mock.writes.map((w) => [w.sheet, w.target, w.prop])).toEqual([
      ["荣誉", "sheet", "activate()"],
      ["荣誉", "D2", "select()"],
    ]);
    await expect(host.selectCell("没有这张表", "A1")).rejects.toThrow(/ItemNotFound/);
  });

  test("KH. formula cells are counted, then turned into their values", async () => {
    const { mock, host } = setup([
      {
        name: "计算",
        values: [
          ["级别", "分"],
          ["省级", 10],
          ["市级", 5],
          ["合计", 15],
        ],
        formulas: [
          ["级别", "分"],
          ["省级", "=KH.HONOR_POINTS(A2)"],
          ["市级", "=kh.honor_points(A3)"],
          ["合计", "=SUM(B2:B3)"],
        ],
      },
      { name: "其他", values: [[1]], formulas: [["=KH.CONVERTED_SCORE(100)"]] },
    ]);
    const count = await host.countFunctionCells();
    expect(count).toEqual({
      total: 3,
      bySheet: [
        { sheet: "计算", count: 2 },
        { sheet: "其他", count: 1 },
      ],
    });
    expect(mock.syncs).toBe(2);
    mock.resetCounters();
    expect(await host.convertFunctionCells()).toBe(3);
    expect(mock.syncs).toBe(3);
    const values = mock.writes.filter((w) => w.prop === "values").map((w) => [w.sheet, w.target, w.value]);
    expect(values).toEqual([
      ["计算", "B2", [[10]]],
      ["计算", "B3", [[5]]],
      ["其他", "A1", [[1]]],
    ]);
    expect(isKhFormula("=SUM(B2:B3)")).toBe(false);
    expect(isKhFormula("=MYKH.X(1)")).toBe(false);
  });

  test("the document is marked so the pane opens with it", async () => {
    const { mock, host } = setup([]);
    expect(await host.setAutoOpen()).toBe(true);
    expect(mock.settings.get("Office.AutoShowTaskpaneWithDocument")).toBe(true);
  });
});
