import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { applyRowPlan, newWorkbookBytes, openXlsx, packageGrids, packXlsx } from "../../src/hosts/xlsx/ooxml";
import { sampleWorkbookBytes } from "../../src/cli/sample";
import { applyPlanToGrid, planOfCells, RowPlan } from "../../src/workbook/row-plan";
import { OutputSheet, SheetGrid } from "../../src/workbook/types";

/**
 * Issue 23 §3 — one row plan, two appliers: "set these cells" applied to the grids and by the
 * package writer to the sheet's part give the same sheet when read back, while every other part,
 * every other row and each rewritten cell's style stay as they were.
 */

async function planned(
  bytes: Uint8Array,
  plan: RowPlan
): Promise<{ before: SheetGrid; after: SheetGrid; out: Uint8Array }> {
  const pkg = await openXlsx(bytes);
  const before = (await packageGrids(pkg)).find((g) => g.name === plan.sheet)!;
  await applyRowPlan(pkg, plan);
  const out = await packXlsx(pkg);
  const after = (await packageGrids(await openXlsx(out))).find((g) => g.name === plan.sheet)!;
  return { before, after, out };
}

const trimmed = (values: unknown[][]) =>
  values.map((r) => {
    const x = [...r];
    while (x.length > 0 && (x[x.length - 1] === null || x[x.length - 1] === undefined)) x.pop();
    return x;
  });

/** The zip path of 设置's worksheet part (the sample's sheet order may change). */
async function settingsPart(bytes: Uint8Array): Promise<string> {
  return (await openXlsx(bytes)).sheets.find((sh) => sh.name === "设置")!.path;
}

describe("Issue 23 §3 — a row plan applied to grids and to the package alike", () => {
  test("设置 in the sample: a value rewritten, a cell added to a row, a row added below; read back as the grids' plan", async () => {
    const plan = planOfCells("设置", [
      { cell: "B3", value: 9 },
      { cell: "D3", value: "备注" },
      { cell: "A40", value: "=1+1" },
      { cell: "B40", value: true },
    ]);
    const { before, after } = await planned(await sampleWorkbookBytes(), plan);
    expect(trimmed(after.values)).toEqual(trimmed(applyPlanToGrid(before, plan).values));
    expect(after.values[2][1]).toBe(9);
    expect(after.values[39][0]).toBe("=1+1");
  });

  test("every other part byte for byte; the sheet's other rows and the rewritten cell's style kept; <dimension> grown", async () => {
    const bytes = await sampleWorkbookBytes();
    const plan = planOfCells("设置", [
      { cell: "B3", value: "=SUM(1,2)" },
      { cell: "E50", value: 1 },
    ]);
    const { out } = await planned(bytes, plan);
    const a = unzipSync(bytes);
    const b = unzipSync(out);
    const sheetPath = await settingsPart(bytes);
    for (const path of Object.keys(a))
      if (path !== sheetPath) expect([path, b[path]]).toEqual([path, a[path]]);
    const oldXml = strFromU8(a[sheetPath]);
    const newXml = strFromU8(b[sheetPath]);
    const rowOf = (xml: string, r: number) =>
      new RegExp(`<row r="${r}"[^>]*>[\\s\\S]*?</row>`).exec(xml)?.[0];
    for (const r of [1, 2, 4, 10]) expect(rowOf(newXml, r)).toBe(rowOf(oldXml, r));
    const oldB3 = /<c r="B3"([^>]*?)(?:\/>|>)/.exec(oldXml)![1];
    const style = /s="(\d+)"/.exec(oldB3)?.[1];
    expect(newXml).toContain(
      `<c r="B3"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">=SUM(1,2)</t></is></c>`
    );
    expect(/<dimension ref="([^"]+)"/.exec(newXml)![1]).toMatch(/^A1:E50$/);
    expect(newXml).not.toMatch(/<f>/);
    // An independent reader reads the text as text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const { type, value } = wb.getWorksheet("设置")!.getCell("B3");
    expect([type, value]).toEqual([ExcelJS.ValueType.String, "=SUM(1,2)"]);
  });

  test("a sheet streamed in many pieces: cells set across the chunks land where named, nothing shifts", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`社区${i}`, i, i % 2 === 0]);
    const sheet: OutputSheet = {
      key: "communities",
      name: "大表",
      rows: [["名称", "数", "是"], ...rows],
      headerRow: 0,
      numberFormats: ["@", "0", "General"],
      widths: [12, 8, 8],
      highlight: [],
      freezeRows: 1,
    };
    const plan = planOfCells("大表", [
      { cell: "B5", value: -1 },
      { cell: "A15000", value: "改" },
      { cell: "C29999", value: null },
      { cell: "F30001", value: 7 },
      { cell: "A40000", value: "末" },
    ]);
    const { before, after } = await planned(await newWorkbookBytes([sheet]), plan);
    expect(trimmed(after.values)).toEqual(trimmed(applyPlanToGrid(before, plan).values));
    expect(after.values.length).toBe(40_000);
  });

  test("a cell that starts a shared formula is refused (the cells sharing it would lose their formula)", async () => {
    const bytes = await sampleWorkbookBytes();
    const files = unzipSync(bytes);
    const path = await settingsPart(bytes);
    const xml = strFromU8(files[path]).replace(
      /<c r="B3"([^>]*?)(\/>|>[\s\S]*?<\/c>)/,
      '<c r="B3"><f t="shared" ref="B3:B4" si="0">1+1</f><v>2</v></c>'
    );
    const { zipSync, strToU8 } = await import("fflate");
    const pkg = await openXlsx(zipSync({ ...files, [path]: strToU8(xml) }));
    await expect(applyRowPlan(pkg, planOfCells("设置", [{ cell: "B3", value: 1 }]))).rejects.toThrow(
      /shared formula/
    );
  });
});
