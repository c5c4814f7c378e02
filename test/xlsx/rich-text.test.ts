import ExcelJS from "exceljs";
import { bookOf } from "./exceljs-io";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { packageGrids, openXlsx } from "../../src/hosts/xlsx";
import { gridsOf, loadXlsx, saveXlsx } from "./exceljs-io";
import { rankJson } from "../../src/workbook/json";
import { GENERATED_MARKER, rankWorkbook, sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { WorkbookGrids } from "../../src/workbook/types";

/**
 * 规则 §6 (input read as typed): a cell formatted in parts (ExcelJS `richText`) reads as its
 * text. The hosts flatten it; the pure layers (scoring, workbook) only ever see strings.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

/** Every text cell of every sheet rewritten as two rich-text runs (the second one bold). */
function richen(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v !== "string" || v.length < 2) return;
        const cut = Math.floor(v.length / 2);
        cell.value = { richText: [{ text: v.slice(0, cut) }, { text: v.slice(cut), font: { bold: true } }] };
        n++;
      })
    );
  return n;
}

async function sample(rich: boolean): Promise<Uint8Array> {
  const wb = await bookOf(sampleSheets(workplanTemplateRows()));
  if (rich) expect(richen(wb)).toBeGreaterThan(100);
  return saveXlsx(wb);
}

const ranked = (grids: WorkbookGrids) => rankJson(rankWorkbook(grids, { now: NOW }));

describe("规则 §6 rich text: a cell formatted in parts reads as its text", () => {
  test("headers, names and levels in rich text rank exactly as plain text (ExcelJS host, package reader, browser host)", async () => {
    const plain = ranked(gridsOf(await loadXlsx(await sample(false))));
    expect(plain.communities.length).toBeGreaterThan(0);
    const richBytes = await sample(true);
    expect(ranked(gridsOf(await loadXlsx(richBytes)))).toEqual(plain);
    expect(ranked(await packageGrids(await openXlsx(richBytes)))).toEqual(plain);
    const host = await XlsxHost.ofBytes(richBytes, "rich.xlsx");
    expect(ranked((await host.read()).grids)).toEqual(plain);
  });

  test("a generated sheet whose A1 marker is rich text is still known as generated; a person's is not", async () => {
    const outcome = rankWorkbook(await packageGrids(await openXlsx(await sample(false))), { now: NOW });
    const wb = await bookOf(outcome.sheets);
    const ranking = wb.getWorksheet("排名");
    if (!ranking) throw new Error("no 排名");
    const a1 = String(ranking.getCell("A1").value);
    ranking.getCell("A1").value = {
      richText: [{ text: GENERATED_MARKER }, { text: a1.slice(GENERATED_MARKER.length) }],
    };
    const mine = wb.addWorksheet("我的表");
    mine.getCell("A1").value = { richText: [{ text: "我的" }, { text: GENERATED_MARKER.slice(1) }] };
    const host = await XlsxHost.ofBytes(await saveXlsx(wb), "rich.xlsx");
    const sheets = (await host.read()).sheets;
    expect(sheets.find((s) => s.name === "排名")?.generated).toBe(true);
    expect(sheets.find((s) => s.name === "我的表")?.generated).toBe(false);
  });
});
