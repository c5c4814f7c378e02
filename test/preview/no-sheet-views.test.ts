import JSZip from "jszip";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { PaneHost } from "../../src/hosts/port";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { loadXlsx } from "../xlsx/exceljs-io";

/**
 * The browser preview ranks a workbook whose sheets have no <sheetViews> (written by tools that
 * leave it out), and its download opens with the ranking in it.
 */

async function withoutSheetViews(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/<sheetViews>[\s\S]*?<\/sheetViews>|<sheetViews\/>/, ""));
  }
  return zip.generateAsync({ type: "uint8array" });
}

test("a workbook without <sheetViews> is ranked in the preview and its download holds the ranking", async () => {
  const bytes = await withoutSheetViews(await XlsxHost.sampleBytes());
  expect(new TextDecoder().decode(bytes)).not.toContain("<sheetViews");
  const host = XlsxHost.withSample();
  await host.open(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    "无视图.xlsx"
  );
  const { grids, sheets } = await host.read();
  const outcome = rankWorkbook(grids, { now: new Date(2026, 0, 1), existing: sheets });
  expect(outcome.ok).toBe(true);
  const report = await (host as PaneHost).writeGenerated(outcome.sheets, { replace: [], activate: "排名" });
  expect(report.written).toContain("排名");
  const back = await loadXlsx(await host.fileBytes());
  expect(back.worksheets.map((ws) => ws.name)).toContain("排名");
});
