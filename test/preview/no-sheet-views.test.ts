import JSZip from "jszip";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx } from "../../src/hosts/xlsx";
import { rankWorkbook } from "../../src/workbook/pipeline";

/**
 * The browser preview ranks a workbook whose sheets have no <sheetViews> (written by tools that
 * leave it out; ExcelJS then reads `views` as null).
 */

async function withoutSheetViews(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/<sheetViews>[\s\S]*?<\/sheetViews>|<sheetViews\/>/, ""));
  }
  return zip.generateAsync({ type: "uint8array" });
}

test("a workbook without <sheetViews> is ranked in the preview and the ranking made the active tab", async () => {
  const bytes = await withoutSheetViews(await saveXlsx(XlsxHost.sampleWorkbook()));
  const host = new XlsxHost(XlsxHost.sampleWorkbook(), "x.xlsx");
  await host.open(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    "无视图.xlsx"
  );
  // The defect's precondition: ExcelJS gives no views at all for these sheets.
  expect(host.workbook().worksheets[0].views ?? null).toBeNull();
  const { grids, sheets } = await host.read();
  const outcome = rankWorkbook(grids, { now: new Date(2026, 0, 1), existing: sheets });
  expect(outcome.ok).toBe(true);
  const report = await host.writeGenerated(outcome.sheets, { replace: [], activate: "排名" });
  expect(report.written).toContain("排名");
  const selected = host
    .workbook()
    .worksheets.map((ws) => ((ws.views[0] ?? {}) as { tabSelected?: boolean }).tabSelected);
  expect(selected[host.workbook().worksheets.findIndex((ws) => ws.name === "排名")]).toBe(true);
  expect(selected[0]).toBe(false);
});
