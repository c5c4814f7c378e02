import ExcelJS from "exceljs";
import { isKhFormulaText, XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { bookOf, loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { applyRank, planRank, rankBuild } from "../../src/taskpane/controller";
import { PaneHost } from "../../src/hosts/port";
import { GENERATED_MARKER, sampleSheets, templateSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";

const NOW = new Date(2025, 0, 15, 9, 30);

function sampleHost(saved: { bytes?: Uint8Array; name?: string } = {}) {
  const host = XlsxHost.withSample({
    sampleName: "示例.xlsx",
    save: (bytes, name) => Object.assign(saved, { bytes, name }),
  });
  const pane: PaneHost = host;
  return { host, pane };
}

/** The preview opened on the sample as a person changed it in another program (ExcelJS here). */
async function changedSampleHost(change: (wb: ExcelJS.Workbook) => void): Promise<XlsxHost> {
  const wb = await bookOf(sampleSheets(workplanTemplateRows()));
  change(wb);
  return XlsxHost.ofBytes(await saveXlsx(wb), "改过的示例.xlsx");
}

async function hostOf(wb: ExcelJS.Workbook, name: string): Promise<XlsxHost> {
  return XlsxHost.ofBytes(await saveXlsx(wb), name);
}

async function cellOf(pane: PaneHost, sheet: string, row: number, column: number): Promise<unknown> {
  const grid = (await pane.read()).grids.find((g) => g.name === sheet);
  return grid?.values[row - 1]?.[column - 1] ?? null;
}

describe("XlsxHost (browser preview)", () => {
  test("starts on the sample: every input sheet, nothing generated", async () => {
    const { pane } = sampleHost();
    const snap = await pane.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(INPUT_SHEETS.map((k) => SHEETS[k].zh));
    expect(snap.sheets.every((s) => !s.generated)).toBe(true);
    expect(pane.fileName?.()).toBe("示例.xlsx");
    expect(pane.capabilities()).toMatchObject({
      kind: "browser",
      download: true,
      open: true,
      autoOpen: false,
    });
  });

  test("rank writes the generated sheets and shows the ranking; the download holds them", async () => {
    const saved: { bytes?: Uint8Array; name?: string } = {};
    const { host, pane } = sampleHost(saved);
    const { report } = await rankBuild(pane, { now: NOW });
    expect(report?.written).toEqual(["排名", "先进个人", "计分明细", "成绩单", "校验结果"]);
    // 规则 §8: the download carries 排名's chart (preview-download.test.ts looks inside), nothing is left out.
    expect(report?.chart).toBe(true);
    expect(report?.degraded).toEqual([]);
    expect(await pane.download?.("结果.xlsx")).toBe("结果.xlsx");
    expect(saved.name).toBe("结果.xlsx");
    const back = await loadXlsx(saved.bytes ?? new Uint8Array());
    expect(back.worksheets.map((w) => w.name)).toEqual([
      ...INPUT_SHEETS.map((k) => SHEETS[k].zh),
      ...report!.written,
    ]);
    expect(String(back.getWorksheet("排名")?.getCell(1, 1).value)).toContain(GENERATED_MARKER);
    // What the page reads back is what it wrote.
    expect(String(await cellOf(host, "排名", 1, 1))).toContain(GENERATED_MARKER);
  });

  test("a second rank replaces only the generated sheets (after confirmation)", async () => {
    const pane: PaneHost = await changedSampleHost((wb) => wb.addWorksheet("先进个人 (备注)"));
    await rankBuild(pane, { now: NOW });
    const plan = await planRank(pane, { now: NOW, locale: "zh-CN" });
    if (!plan.ok) throw new Error("not ok");
    expect(plan.replace).toEqual(["排名", "先进个人", "计分明细", "成绩单", "校验结果"]);
    const report = await applyRank(pane, plan);
    expect(report.replaced).toEqual(plan.replace);
    const names = (await pane.read()).sheets.map((w) => w.name);
    expect(names.filter((n) => n === "排名")).toHaveLength(1);
    expect(names).toContain("先进个人 (备注)");
  });

  test("a person's sheet under a generated name is kept; the result goes beside it", async () => {
    const pane: PaneHost = await changedSampleHost(
      (wb) => (wb.addWorksheet("排名").getCell("A1").value = "我的排名草稿")
    );
    const plan = await planRank(pane, { now: NOW, locale: "zh-CN" });
    if (!plan.ok) throw new Error("not ok");
    expect(plan.replace).toEqual([]);
    expect(plan.kept).toEqual([{ name: "排名", other: "排名 (2)" }]);
    await applyRank(pane, plan);
    expect(await cellOf(pane, "排名", 1, 1)).toBe("我的排名草稿");
    expect(String(await cellOf(pane, "排名 (2)", 1, 1))).toContain(GENERATED_MARKER);
  });

  test("the template adds only missing sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Communities").getCell("A1").value = "Community";
    const host = await hostOf(wb, "mine.xlsx");
    const report = await host.createTemplate(templateSheets(workplanTemplateRows()));
    expect(report.skipped).toEqual(["社区"]);
    expect(report.created).toHaveLength(INPUT_SHEETS.length - 1);
    expect(await cellOf(host, "Communities", 1, 1)).toBe("Community");
    const back = await loadXlsx(await host.fileBytes());
    expect(back.worksheets.map((w) => w.name)).toEqual(["Communities", ...report.created]);
  });

  test("selecting a cell gives the header row and the rows around it, the cell marked", async () => {
    const { pane } = sampleHost();
    const peek = await pane.selectCell("荣誉", "D4");
    expect(peek?.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    const at = peek!.at;
    expect(peek!.rows[0].cells[at.column]).toBe("级别");
    expect(peek!.rows[at.row].row).toBe(4);
    await expect(pane.selectCell("没有", "A1")).rejects.toThrow();
  });

  test("KH. formula cells (English or localized names) are counted and turned into their saved values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("计算");
    ws.getCell("A1").value = { formula: 'KH.HONOR_POINTS("省级")', result: 10 };
    ws.getCell("A2").value = { formula: "SUM(A1,1)", result: 11 };
    ws.getCell("A3").value = { formula: 'KH.荣誉分("市级")', result: 5 };
    const host = await hostOf(wb, "f.xlsx");
    expect(await host.countFunctionCells()).toEqual({
      total: 2,
      bySheet: [{ sheet: "计算", count: 2 }],
      unsettled: [],
    });
    expect(await host.convertFunctionCells()).toEqual({ converted: 2, unsettled: [] });
    const back = (await loadXlsx(await host.fileBytes())).getWorksheet("计算")!;
    expect([back.getCell("A1").value, back.getCell("A2").formula, back.getCell("A3").value]).toEqual([
      10,
      "SUM(A1,1)",
      5,
    ]);
    expect(await host.countFunctionCells()).toEqual({ total: 0, bySheet: [], unsettled: [] });
    expect(await host.setAutoOpen()).toBe(false);
    expect(isKhFormulaText("_xldudf_KH_HONOR_POINTS(A1)")).toBe(true);
    expect(isKhFormulaText("MYKH.X(1)")).toBe(false);
  });

  test("a KH. cell never calculated or showing an error is listed, and nothing is converted", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("计算");
    ws.getCell("A1").value = { formula: 'KH.HONOR_POINTS("省级")', result: 10 };
    ws.getCell("A2").value = { formula: "KH.CONVERTED_SCORE(100)", result: undefined } as ExcelJS.CellValue;
    ws.getCell("A3").value = {
      formula: 'KH.HONOR_POINTS("乡级")',
      result: { error: "#VALUE!" },
    } as ExcelJS.CellValue;
    const host = await hostOf(wb, "f.xlsx");
    const unsettled = [
      { sheet: "计算", cell: "A2", shows: "" },
      { sheet: "计算", cell: "A3", shows: "#VALUE!" },
    ];
    expect((await host.countFunctionCells()).unsettled).toEqual(unsettled);
    expect(await host.convertFunctionCells()).toEqual({ converted: 0, unsettled });
    const back = (await loadXlsx(await host.fileBytes())).getWorksheet("计算")!;
    expect(back.getCell("A1").formula).toBe('KH.HONOR_POINTS("省级")');
  });

  test("an unreadable file is refused with words, and the workbook held stays", async () => {
    const { pane } = sampleHost();
    await expect(
      pane.open?.(new TextEncoder().encode("not a workbook").buffer, "x.xlsx")
    ).rejects.toMatchObject({
      reason: "notXlsx",
    });
    expect(pane.fileName?.()).toBe("示例.xlsx");
  });
});
