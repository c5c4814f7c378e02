import {
  ExcelHost,
  isKhFormula,
  OPEN_PANE_SETTING,
  showPaneIfMarked,
} from "../../src/hosts/office/excel-host";
import {
  formatBlocks,
  pack,
  REQUEST_LIMIT_BYTES,
  toCell,
  valueBlocks,
} from "../../src/hosts/office/write-plan";
import { PaneHost } from "../../src/hosts/port";
import { planRank, rankBuild } from "../../src/taskpane/controller";
import { GENERATED_MARKER, templateSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { column, INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";
import { columnLetters } from "../../src/workbook/cells";
import { INPUT_TABLE_STYLE, tableRef } from "../../src/workbook/tables";
import { say } from "../../src/scoring";
import { PRINT_FEATURE } from "../../src/hosts/office/api";
import { createMockExcel, MockExcel, MockExcelOptions, MockSheetInput, WriteRecord } from "./excel-mock";
import { generatedWorkbook, sampleWorkbook } from "./fixtures";

/**
 * The Office.js host against the strict fake Excel (excel-mock.ts), at the lowest ExcelApi the
 * manifest allows (1.1) and at the newest: what each needs is named in the test.
 */
const NOW = new Date(2025, 0, 15, 9, 30);
const INPUT_NAMES = new Set(INPUT_SHEETS.map((k) => SHEETS[k].zh));
const GENERATED = ["排名", "先进个人", "计分明细", "成绩单", "校验结果"];
const MIN = "1.1";
const NEWEST = "1.17";

function setup(
  sheets: MockSheetInput[],
  options: MockExcelOptions = {}
): { mock: MockExcel; host: PaneHost } {
  const mock = createMockExcel(sheets, options);
  mock.install();
  return { mock, host: new ExcelHost() };
}

const isFormat = (w: WriteRecord) => w.prop === "numberFormat" || w.prop.startsWith("format.");
const maxOf = (xs: number[]) => Math.max(0, ...xs);

describe.each([MIN, NEWEST])("ExcelHost.read at ExcelApi %s", (excelApi) => {
  test("reads the input sheets whole and only A1 of every other sheet, with positions and generated flags", async () => {
    const notes = Array.from({ length: 3000 }, (_, i) => [`备注${i}`, "很长的说明".repeat(20)]);
    const { mock, host } = setup(
      [
        {
          name: "社区",
          values: [
            ["社区", "类型"],
            ["东门社区", "社区"],
          ],
        },
        { name: "我的笔记", values: notes },
        {
          name: "目标管理",
          values: [
            ["社区", "社区基础"],
            ["东门社区", 18],
          ],
          origin: { row: 3, column: 2 },
        },
        { name: "排名", values: [[`${GENERATED_MARKER}排名 · 生成于 …`], ["名次"]] },
        { name: "空表", values: [] },
      ],
      { excelApi }
    );
    const snap = await host.read();
    expect(mock.syncs).toBe(3); // the list; the input sheets' sizes; their values with the A1 cells
    expect(snap.grids).toEqual([
      {
        name: "社区",
        values: [
          ["社区", "类型"],
          ["东门社区", "社区"],
        ],
        firstRow: 1,
        firstColumn: 1,
      },
      { name: "我的笔记", values: [["备注0"]], firstRow: 1, firstColumn: 1 },
      {
        name: "目标管理",
        values: [
          ["社区", "社区基础"],
          ["东门社区", 18],
        ],
        firstRow: 3,
        firstColumn: 2,
      },
      { name: "排名", values: [[`${GENERATED_MARKER}排名 · 生成于 …`]], firstRow: 1, firstColumn: 1 },
      { name: "空表", values: [], firstRow: 1, firstColumn: 1 },
    ]);
    expect(snap.sheets.filter((s) => s.generated).map((s) => s.name)).toEqual(["排名"]);
    // The 3,000-row note sheet was never read: no answer comes near its size.
    expect(maxOf(mock.responseBytes)).toBeLessThan(10_000);
    expect(mock.writes).toEqual([]);
  });

  test("revalidation: sizes ride with the sheet list (2 syncs); a deleted sheet starts over from the list", async () => {
    const { mock, host } = setup(sampleWorkbook(), { excelApi });
    await host.read();
    mock.user.setCell("荣誉", 2, 4, "国际级");
    mock.resetCounters();
    let snap = await host.read();
    expect(mock.syncs).toBe(2);
    expect(snap.grids.find((g) => g.name === "荣誉")?.values[1][3]).toBe("国际级");

    mock.user.deleteSheet("人员");
    mock.resetCounters();
    snap = await host.read();
    expect(mock.outcomes[0]).toBe("ItemNotFound");
    expect(mock.requestTexts[1]).not.toBe(mock.requestTexts[0]); // never the same request again
    expect(snap.grids.map((g) => g.name)).not.toContain("人员");
  });

  test("an answer refused as too large is asked again only in smaller pieces; values null above the cell limit are read in halves", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`社区${i}`, "说明".repeat(60)]);
    const { mock, host } = setup([{ name: "社区", values: [["社区", "备注"], ...rows] }], {
      excelApi,
      payloadLimit: 40_000,
      valuesCellLimit: 150,
    });
    const snap = await host.read();
    expect(snap.grids[0].values).toEqual(mock.grid("社区"));
    const refused = mock.outcomes.flatMap((o, i) => (o === "ResponsePayloadSizeLimitExceeded" ? [i] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const i of refused) expect(mock.requestTexts.slice(i + 1)).not.toContain(mock.requestTexts[i]);
    expect(maxOf(mock.responseBytes.filter((_, i) => mock.outcomes[i] === ""))).toBeLessThanOrEqual(40_000);
  });
});

test("ExcelHost.read, 5,000 communities: every answer under 4.2 MB, the grids exactly as in the workbook; earlier results cost nothing", async () => {
  const book = generatedWorkbook(5000);
  const { mock, host } = setup(book, { excelApi: NEWEST });
  const snap = await host.read();
  for (const sheet of book)
    expect(snap.grids.find((g) => g.name === sheet.name)?.values).toEqual(mock.grid(sheet.name));
  const bytes = () => mock.responseBytes.reduce((a, b) => a + b, 0);
  const before = bytes();
  expect(maxOf(mock.responseBytes)).toBeLessThan(4.2e6);
  await rankBuild(host, { now: NOW });
  mock.resetCounters();
  await host.read();
  expect(bytes()).toBeLessThan(before * 1.01);
  expect(maxOf(mock.responseBytes)).toBeLessThan(4.2e6);
  expect(mock.outcomes.every((o) => o === "")).toBe(true);
});

/**
 * 规则 §8: 排名's one chart draws the 综合得分 column over the ranked rows, titled with that
 * header, names on the category axis (ExcelApi 1.7), placed right of the table past a blank column.
 */
function expectRankingChart(mock: MockExcel, title: string, names: boolean): void {
  const grid = mock.grid("排名");
  const headerAt = grid.findIndex((r) => r.includes(title));
  const header = grid[headerAt];
  const rows = grid.slice(headerAt + 1).filter((r) => typeof r[0] === "number").length;
  const first = headerAt + 2;
  const span = (name: string) => {
    const l = columnLetters(header.indexOf(name) + 1);
    return `${l}${first}:${l}${first + rows - 1}`;
  };
  const width = header.reduce((n: number, v, i) => (v === null || v === "" ? n : i + 1), 0);
  const [chart] = mock.charts("排名");
  expect(rows).toBe(12);
  expect(chart).toMatchObject({
    type: "BarClustered",
    source: span(title),
    "title.text": title,
    "series0.name": title,
    "legend.visible": false,
  });
  expect((chart.position as string[])[0]).toBe(`${columnLetters(width + 2)}${first}`);
  if (names) expect(chart).toMatchObject({ "series0.xValues": span(header[1] as string) });
  else expect(chart["series0.xValues"]).toBeUndefined();
}

describe.each([MIN, NEWEST])("ExcelHost.writeGenerated through the rank build at ExcelApi %s", (excelApi) => {
  test("the five sheets: values before formats, input sheets untouched, the ranking in rank order", async () => {
    const inputs = sampleWorkbook();
    const { mock, host } = setup(inputs, { excelApi });
    const before = inputs.map((s) => [s.name, mock.grid(s.name)] as const);
    const { plan, report } = await rankBuild(host, { now: NOW });
    expect(report?.written).toEqual(GENERATED);
    expect(mock.writes.filter((w) => INPUT_NAMES.has(w.sheet))).toEqual([]);
    for (const [name, grid] of before) expect(mock.grid(name)).toEqual(grid);
    for (const name of GENERATED) {
      const own = mock.writes.filter((w) => w.sheet === name);
      const values = own.filter((w) => w.prop === "values");
      const formats = own.filter(
        (w) => isFormat(w) && w.value !== "@" && JSON.stringify(w.value).indexOf('"@"') < 0
      );
      expect(Math.min(...formats.map((w) => w.request))).toBeGreaterThan(
        Math.max(...values.map((w) => w.request))
      );
    }
    const ranking = mock.grid("排名");
    expect(String(ranking[0][0]).startsWith(GENERATED_MARKER)).toBe(true);
    const rows = ranking
      .slice(ranking.findIndex((r) => r[0] === "名次") + 1)
      .filter((r) => typeof r[0] === "number");
    if (plan.ok) expect(rows.map((r) => r[1])).toEqual(plan.outcome.result?.communities.map((c) => c.name));
    expect(mock.charts("排名")).toHaveLength(1);
    expectRankingChart(mock, "综合得分", excelApi === NEWEST);
    const fills = rows.map((_, i) => mock.fill("排名", ranking.findIndex((r) => r[0] === "名次") + 2 + i, 1));
    expect(fills.filter(Boolean).length).toBeGreaterThanOrEqual(8);
    // 规则 §8: below ExcelApi 1.9 the print setup and filters are named too.
    expect(report?.degraded.length).toBe(excelApi === MIN ? 4 : 0);
  });

  test("in English the chart is titled with the English header: the model's title, as in every writer", async () => {
    const { mock, host } = setup(sampleWorkbook(), { excelApi });
    const { report } = await rankBuild(host, { now: NOW, locale: "en-US" });
    expect(report?.chart).toBe(true);
    const title = say(column("ranking", "total"), "en-US");
    expect(title).not.toBe("综合得分");
    expectRankingChart(mock, title, excelApi === NEWEST);
  });

  test("a rebuild keeps the sheets: a person's =排名!C5 still works and shows the new result", async () => {
    const { mock, host } = setup([...sampleWorkbook(), { name: "我的表", values: [["引用"]] }], { excelApi });
    await rankBuild(host, { now: NOW });
    mock.user.setFormula("我的表", 2, 1, "=排名!C5");
    const firstC5 = mock.grid("排名")[4][2];
    expect(mock.grid("我的表")[1][0]).toBe(firstC5);

    // A reviewer corrects a score: the ranking changes, and the sheets are rebuilt.
    mock.user.setCell("目标管理", 2, 2, 1);
    const asked: string[][] = [];
    const second = await rankBuild(host, { now: NOW, confirm: async (names) => (asked.push(names), true) });
    expect(asked).toEqual([GENERATED]);
    expect(second.report?.replaced).toEqual(GENERATED);
    expect(
      mock.writes
        .filter((w) => w.prop === "delete()" && w.target === "sheet")
        .map((w) => w.sheet)
        .filter((n) => GENERATED.includes(n))
    ).toEqual([]);
    expect(mock.formula("我的表", 2, 1)).toBe("=排名!C5");
    expect(mock.grid("我的表")[1][0]).toBe(mock.grid("排名")[4][2]);
    expect(mock.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
    expect(mock.charts("排名")).toHaveLength(1);
    expectRankingChart(mock, "综合得分", excelApi === NEWEST);
  });

  test("text starting with = + - @ (and numeric-looking text) stays text: the text format is set first, in the same request", async () => {
    const odd = ["=1+1", "+86 123", "-东门", "@东门", "0012"];
    const names = sampleWorkbook()[0]
      .values.slice(1, 1 + odd.length)
      .map((r) => r[0]);
    // Every mention, joint-article lists included ("东门社区、西城社区").
    const rename = (v: unknown) =>
      typeof v === "string" ? names.reduce((t: string, n, i) => t.split(String(n)).join(odd[i]), v) : v;
    const inputs = sampleWorkbook().map((s) => ({ ...s, values: s.values.map((r) => r.map(rename)) }));
    const { mock, host } = setup(inputs, { excelApi });
    const { plan, report } = await rankBuild(host, { now: NOW });
    expect(plan.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report).not.toBeNull();
    const grid = mock.grid("排名");
    for (const text of odd) {
      const row = grid.findIndex((r) => r.includes(text));
      expect(row).toBeGreaterThan(0);
      const col = grid[row].indexOf(text);
      expect(mock.formula("排名", row + 1, col + 1)).toBeNull();
      // Where it was written: "@" on that cell before its value, in the same request.
      const sheetWrites = mock.writes.filter((w) => w.prop === "values" || w.prop === "numberFormat");
      const valueWrite = sheetWrites.find(
        (w) =>
          w.prop === "values" && JSON.stringify(w.value).includes(JSON.stringify(toCell(text)).slice(1, -1))
      );
      expect(valueWrite).toBeDefined();
      const textFormat = sheetWrites.find(
        (w) =>
          w.prop === "numberFormat" &&
          w.request === valueWrite?.request &&
          w.seq < (valueWrite?.seq ?? 0) &&
          JSON.stringify(w.value).includes('"@"')
      );
      expect(textFormat).toBeDefined();
    }
  });
});

describe("a failed rebuild leaves the previous results as they were (ExcelApi 1.9: build apart, swap in the last request)", () => {
  test("whichever request of the write fails, the earlier results and references are intact and no temporary sheet stays", async () => {
    const probe = setup(sampleWorkbook());
    await rankBuild(probe.host, { now: NOW });
    probe.mock.user.setCell("目标管理", 2, 2, 1);
    probe.mock.resetCounters();
    const full = await rankBuild(probe.host, { now: NOW, confirm: async () => true });
    const writeRequests = full.report?.syncs ?? 0;
    const readRequests = probe.mock.syncs - writeRequests;
    expect(writeRequests).toBeGreaterThanOrEqual(2);

    for (let k = 0; k < writeRequests; k++) {
      const { mock, host } = setup([...sampleWorkbook(), { name: "我的表", values: [["引用"]] }]);
      await rankBuild(host, { now: NOW });
      mock.user.setFormula("我的表", 2, 1, "=排名!C5");
      const before = GENERATED.map((n) => mock.grid(n));
      mock.user.setCell("目标管理", 2, 2, 1);
      mock.resetCounters();
      mock.failRequest(readRequests + k, 1);
      await expect(rankBuild(host, { now: NOW, confirm: async () => true })).rejects.toThrow(
        /GeneralException/
      );
      expect(GENERATED.map((n) => mock.grid(n))).toEqual(before);
      expect(mock.formula("我的表", 2, 1)).toBe("=排名!C5");
      expect(mock.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
    }
  });

  test("without ExcelApi 1.9 the pane is told the rebuild is not failure-proof", async () => {
    const { host } = setup(sampleWorkbook(), { excelApi: "1.8" });
    await rankBuild(host, { now: NOW });
    const second = await rankBuild(host, { now: NOW, confirm: async () => true });
    expect(second.report?.degraded.map((m) => m.en).join(" ")).toMatch(/protection when replacing results/);
  });
});

describe("round trips and payloads", () => {
  async function build(inputs: MockSheetInput[]) {
    const { mock, host } = setup(inputs);
    const { report } = await rankBuild(host, { now: NOW });
    expect(report).not.toBeNull();
    const cold = {
      syncs: mock.syncs,
      request: maxOf(mock.requestBytes),
      response: maxOf(mock.responseBytes),
    };
    mock.resetCounters();
    const again = await rankBuild(host, { now: NOW, confirm: async () => true });
    // 成绩单 only up to STATEMENTS_IN_RANK_MAX communities: 5,000 get the other four sheets.
    expect(again.report?.replaced).toEqual(
      report?.written.length === 5 ? GENERATED : GENERATED.filter((n) => n !== "成绩单")
    );
    const warm = {
      syncs: mock.syncs,
      request: maxOf(mock.requestBytes),
      response: maxOf(mock.responseBytes),
    };
    // 共享准备 reads the formulas of every sheet, results included: in pages too.
    mock.resetCounters();
    await host.countFunctionCells();
    return {
      written: report?.written.length,
      cold,
      warm: warm.syncs,
      request: warm.request,
      response: warm.response,
      share: maxOf(mock.responseBytes),
    };
  }

  test("a rank build takes at most 6 syncs for 12 and 5,000 communities; no request or answer (共享准备 included) passes 4.2 MB", async () => {
    for (const [inputs, sheets] of [
      [sampleWorkbook(), 5],
      [generatedWorkbook(5000), 4],
    ] as const) {
      const r = await build(inputs);
      expect(r.written).toBe(sheets);
      expect(r.cold.syncs).toBeLessThanOrEqual(6);
      expect(r.warm).toBeLessThanOrEqual(6);
      for (const bytes of [r.cold.request, r.cold.response, r.request, r.response, r.share])
        expect(bytes).toBeLessThan(4.2e6);
    }
    expect(REQUEST_LIMIT_BYTES).toBe(5 * 1024 * 1024);
  });

  test("with errors nothing is written", async () => {
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
  });

  test("values are cut into whole-range blocks; requests stay under budget", () => {
    const [sheet] = templateSheets(workplanTemplateRows()).filter((s) => s.key === "workplan");
    const blocks = valueBlocks(sheet, 2000);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map((b) => b.rowCount).reduce((a, b) => a + b, 0)).toBe(sheet.rows.length);
    blocks.forEach((b, i) => {
      expect(b.values).toHaveLength(b.rowCount);
      if (i > 0) expect(b.firstRow).toBe(blocks[i - 1].firstRow + blocks[i - 1].rowCount);
    });
    for (const r of pack(blocks, 5000)) expect(r.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(5000);
    expect(formatBlocks(sheet, 100).length).toBeGreaterThan(
      sheet.numberFormats.filter((f) => f !== "General").length
    );
  });
});

describe.each([MIN, NEWEST])("ExcelHost.createTemplate at ExcelApi %s", (excelApi) => {
  test("adds only the missing input sheets as tables with formats; drop-downs with ExcelApi 1.8; existing ones untouched", async () => {
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
      {
        excelApi,
        tables: ["KH_Honors"],
      }
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
    // Issue 9: each sheet one table over the ranges, names and style every writer takes (src/workbook/tables.ts).
    const template = templateSheets(workplanTemplateRows()).filter((s) => report.created.includes(s.name));
    expect(mock.writes.filter((w) => w.prop === "tables.add()").map((w) => [w.sheet, w.value])).toEqual(
      template.map((s) => [s.name, [tableRef(s.table!), true]])
    );
    const tableNames = mock.writes
      .filter((w) => w.target === "table" && w.prop === "name")
      .map((w) => w.value);
    expect(tableNames).toEqual(template.map((s) => (s.key === "honors" ? "KH_Honors2" : s.table!.name)));
    expect(mock.writes.filter((w) => w.target === "table" && w.prop === "style").map((w) => w.value)).toEqual(
      template.map(() => INPUT_TABLE_STYLE)
    );
    expect(mock.grid("荣誉")).toEqual([SHEETS.honors.columns.map((c) => c.zh)]);
    const dropDowns = mock.writes.filter((w) => w.sheet === "荣誉" && w.prop === "dataValidation.rule");
    if (excelApi === MIN) {
      expect(dropDowns).toEqual([]);
      expect(report.degraded.map((m) => m.en)).toEqual(["drop-down lists", PRINT_FEATURE.en]);
      expect(mock.page("荣誉")).toBeUndefined();
    } else {
      expect(dropDowns.map((w) => w.value)).toContainEqual({
        list: { inCellDropDown: true, source: "区镇,区级,市级,省级,全国" },
      });
      // The guards' prompts quote the rule (issue 9: inputs guarded where typed).
      const prompts = mock.writes.filter((w) => w.sheet === "荣誉" && w.prop === "dataValidation.prompt");
      expect(prompts.map((w) => w.value)).toContainEqual({
        showPrompt: true,
        title: "文号",
        message: "以发文单位文件为准：没有文号不计分",
      });
    }
    expect(mock.grid("工作要点").length).toBe(22);
  });
});

describe("ExcelHost.createTemplate: print setup", () => {
  test("the input sheets print on A4, one page wide, landscape where wide, header row on every page (ExcelApi 1.9)", async () => {
    const { mock, host } = setup([], { excelApi: NEWEST });
    await host.createTemplate(templateSheets(workplanTemplateRows()));
    for (const [name, orientation] of [
      ["社区", "Portrait"],
      ["宣传报道", "Landscape"],
      ["工作要点", "Landscape"],
    ])
      expect(mock.page(name)).toMatchObject({
        paperSize: "A4",
        orientation,
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "$1:$1",
        centerHeader: name,
        centerFooter: "第 &P 页，共 &N 页",
      });
  });
});

describe.each([MIN, NEWEST])("ExcelHost: select, 共享准备, auto-open at ExcelApi %s", (excelApi) => {
  const khBook = (shown: unknown[]): MockSheetInput[] => [
    {
      name: "计算",
      values: [
        ["级别", "分"],
        ["省级", shown[0]],
        ["市级", shown[1]],
        ["合计", 15],
      ],
      formulas: [
        ["级别", "分"],
        ["省级", "=KH.HONOR_POINTS(A2)"],
        ["市级", "=KH.荣誉分(A3)"],
        ["合计", "=SUM(B2:B3)"],
      ],
    },
    { name: "其他", values: [[1]], formulas: [["=kh.converted_score(100)"]] },
  ];

  test("selecting an issue's cell activates its sheet and selects the cell in one sync", async () => {
    const { mock, host } = setup(sampleWorkbook(), { excelApi });
    await host.selectCell("荣誉", "D2");
    expect(mock.syncs).toBe(1);
    expect(mock.writes.map((w) => [w.sheet, w.target, w.prop])).toEqual([
      ["荣誉", "sheet", "activate()"],
      ["荣誉", "D2", "select()"],
    ]);
    await expect(host.selectCell("没有这张表", "A1")).rejects.toThrow(/ItemNotFound/);
  });

  test("应用 writes a setting's cells in one sync: the text format before a text value, a number as a number", async () => {
    const { mock, host } = setup(sampleWorkbook(), { excelApi });
    await host.writeCells("设置", [
      { cell: "A40", value: "排名方式" },
      { cell: "B40", value: 9 },
    ]);
    expect(mock.syncs).toBe(1);
    expect(mock.writes.map((w) => [w.sheet, w.target, w.prop])).toEqual([
      ["设置", "A40", "numberFormat"],
      ["设置", "A40", "values"],
      ["设置", "B40", "values"],
    ]);
    await expect(host.writeCells("设置", [{ cell: "not a cell", value: 1 }])).rejects.toThrow(/cell/);
  });

  test("KH. cells — English and localized names (KH.荣誉分) — are counted, then turned into their values", async () => {
    const { mock, host } = setup(khBook([10, 5]), { excelApi });
    expect(await host.countFunctionCells()).toEqual({
      total: 3,
      bySheet: [
        { sheet: "计算", count: 2 },
        { sheet: "其他", count: 1 },
      ],
      unsettled: [],
    });
    expect(await host.convertFunctionCells()).toEqual({ converted: 3, unsettled: [] });
    expect(mock.formula("计算", 2, 2)).toBeNull();
    expect(mock.formula("计算", 3, 2)).toBeNull();
    expect(mock.formula("计算", 4, 2)).toBe("=SUM(B2:B3)");
    expect(mock.grid("计算")[1][1]).toBe(10);
    expect(isKhFormula("=SUM(B2:B3)")).toBe(false);
    expect(isKhFormula("=MYKH.X(1)")).toBe(false);
  });

  test("#BUSY!, #NAME? or any error is never frozen: those cells are listed and nothing is converted", async () => {
    for (const shown of [
      ["#BUSY!", 5],
      [10, "#NAME?"],
      ["#VALUE!", "#N/A"],
    ]) {
      const { mock, host } = setup(khBook(shown), { excelApi });
      const count = await host.countFunctionCells();
      expect(count.unsettled.map((c) => c.shows)).toEqual(shown.filter((v) => typeof v === "string"));
      const done = await host.convertFunctionCells();
      expect(done.converted).toBe(0);
      expect(done.unsettled).toEqual(count.unsettled);
      expect(mock.writes.filter((w) => w.prop === "values")).toEqual([]);
      expect(mock.formula("计算", 2, 2)).toBe("=KH.HONOR_POINTS(A2)");
    }
  });

  test("marking for colleagues: the add-in loads with the document and shows its pane (shared runtime)", async () => {
    const { mock, host } = setup([], { excelApi });
    mock.settings.set("Office.AutoShowTaskpaneWithDocument", true);
    expect(await host.setAutoOpen()).toBe(true);
    expect(mock.startup).toEqual(["Load"]);
    expect(mock.settings.get(OPEN_PANE_SETTING)).toBe(true);
    expect(mock.settings.has("Office.AutoShowTaskpaneWithDocument")).toBe(false);
    expect(await showPaneIfMarked()).toBe(true);
    expect(mock.startup).toEqual(["Load", "showAsTaskpane"]);
  });

  test("an unmarked workbook does not show the pane by itself", async () => {
    const { mock } = setup([], { excelApi });
    expect(await showPaneIfMarked()).toBe(false);
    expect(mock.startup).toEqual([]);
  });
});
