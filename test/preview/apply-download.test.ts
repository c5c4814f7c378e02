import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { newWorkbookBytes, openXlsx, packageGrids } from "../../src/hosts/xlsx/ooxml";
import { createTemplate, rankBuild } from "../../src/taskpane/controller";
import { applySetting } from "../../src/taskpane/explain";
import { readWorkbook, templateSheets } from "../../src/workbook/pipeline";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";
import { WorkbookGrids } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";
import { loadXlsx } from "../xlsx/exceljs-io";

/**
 * Issue 22 §0 and §12, issue 23 §2: whatever the page writes into the workbook is in the file it
 * offers — 应用's 设置 cells included (before, the download said 8 while its 排名 was made with 9)
 * — and a person without Excel can start from a blank template written by the package writer.
 */

const NOW = new Date(2025, 0, 15, 9, 30);

function downloadingHost(saved: { bytes?: Uint8Array }): XlsxHost {
  return XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
}

const gridsOfBytes = async (bytes: Uint8Array): Promise<WorkbookGrids> => packageGrids(await openXlsx(bytes));

describe("Issue 22 §0 — 应用 is in the download", () => {
  test("试算 先进社区名额 = 9, 应用并排名, 下载结果: the file's 设置 says 9, as its 排名 was made with", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const host = downloadingHost(saved);
    const before = readWorkbook((await host.read()).grids).rules.advancedCommunities;
    expect(before).toBe(8);
    expect(await applySetting(host, "先进社区名额", "9")).toMatchObject({ kind: "written", sheet: "设置" });
    const { report } = await rankBuild(host, { now: NOW });
    expect(report?.written).toContain("排名");
    await host.download("结果.xlsx");

    const grids = await gridsOfBytes(saved.bytes!);
    expect(readWorkbook(grids).rules.advancedCommunities).toBe(9);
    // The page's 设置 and the file's agree cell for cell.
    const inPage = (await host.read()).grids.find((g) => g.name === "设置")!.values;
    const inFile = grids.find((g) => g.name === "设置")!.values;
    expect(inFile.map((r) => r.slice(0, 2))).toEqual(inPage.map((r) => r.slice(0, 2)));
    // An independent reader sees the number too.
    const ws = (await loadXlsx(saved.bytes!)).getWorksheet("设置")!;
    let shown: unknown = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "先进社区名额") shown = row.getCell(2).value;
    });
    expect(shown).toBe(9);
  });

  test("a value typed as text starting with = stays text in the file", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const host = downloadingHost(saved);
    await host.writeCells("设置", [{ cell: "C3", value: "=1+1" }]);
    await host.download();
    const ws = (await loadXlsx(saved.bytes!)).getWorksheet("设置")!;
    const { value, formula } = ws.getCell("C3");
    expect([value, formula]).toEqual(["=1+1", undefined]);
  });
});

describe("Issue 22 §12 — 新建空白", () => {
  test("a blank workbook: every input sheet with headers only, as the CLI's template; downloadable and read back", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const host = downloadingHost(saved);
    await host.openBlank();
    const snap = await host.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(INPUT_SHEETS.map((k) => SHEETS[k].zh));
    const template = templateSheets(workplanTemplateRows());
    for (const sheet of template) {
      const grid = snap.grids.find((g) => g.name === sheet.name)!;
      expect(grid.values[sheet.headerRow]).toEqual(sheet.rows[sheet.headerRow]);
    }
    await host.download();
    const back = await loadXlsx(saved.bytes!);
    expect(back.worksheets.map((w) => w.name)).toEqual(template.map((s) => s.name));
    const honors = back.getWorksheet("荣誉")!;
    expect(honors.getTables()).toHaveLength(1);
  });

  test("应用 on a 设置 the page made itself (创建模板 on a file without one) is in the download too", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const communities = templateSheets(workplanTemplateRows()).filter((s) => s.key === "communities");
    const host = await XlsxHost.ofBytes(await newWorkbookBytes(communities), "只有社区.xlsx", {
      save: (bytes) => (saved.bytes = bytes),
    });
    expect((await createTemplate(host)).created).toContain("设置");
    expect(await applySetting(host, "先进社区名额", "5")).toMatchObject({ kind: "written" });
    await host.download();
    expect(readWorkbook(await gridsOfBytes(saved.bytes!)).rules.advancedCommunities).toBe(5);
  });
});
