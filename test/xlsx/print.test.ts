import ExcelJS from "exceljs";
import JSZip from "jszip";
import { newWorkbookBytes, openXlsx, packageGrids, packXlsx, writePackageSheets } from "../../src/hosts/xlsx";
import { bookOf, saveXlsx } from "./exceljs-io";
import { withDefinedNames } from "../../src/hosts/xlsx/ooxml/print";
import { decodeXml } from "../../src/hosts/xlsx/ooxml/xml";
import { rankWorkbook, sampleSheets } from "../../src/workbook/pipeline";
import { OutputSheet } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";

/**
 * 规则 §8 print setup, marks and filters as the two .xlsx writers translate them: the package
 * writer (CLI `rank --out`, the preview's download) and ExcelJS (the preview's workbook). Each
 * output is read back by ExcelJS as a second reader; LibreOffice prints it in test/libreoffice.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

/** CT_Worksheet's children in the order ECMA-376 Part 1 §18.3.1.99 requires (those we may write). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "autoFilter",
  "mergeCells",
  "dataValidations",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "drawing",
];

/** The top-level children of <worksheet>, in document order. */
function children(xml: string): string[] {
  const body = xml.slice(xml.indexOf(">", xml.indexOf("<worksheet")) + 1, xml.lastIndexOf("</worksheet>"));
  const out: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1] === "/") depth--;
    else {
      if (depth === 0) out.push(m[2]);
      if (m[3] !== "/") depth++;
    }
  }
  return out;
}

async function sampleBytes(): Promise<Uint8Array> {
  return newWorkbookBytes(sampleSheets(workplanTemplateRows()));
}

/** The sample ranked by the package writer (the CLI's path): its zip and the sheets written. */
async function rankedPackage(input?: Uint8Array) {
  const pkg = await openXlsx(input ?? (await sampleBytes()));
  const grids = await packageGrids(pkg);
  const outcome = rankWorkbook(grids, { now: NOW });
  await writePackageSheets(pkg, outcome.sheets);
  const bytes = await packXlsx(pkg);
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const partOf = async (name: string) => {
    const id = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
  };
  return { bytes, workbook, names, partOf, outcome };
}

describe("规则 §8 Print — the package writer (rank --out)", () => {
  let ranked: Awaited<ReturnType<typeof rankedPackage>>;
  beforeAll(async () => {
    ranked = await rankedPackage();
  });

  test("排名: A4 landscape, one page wide, fit to page on, header with year and title, page numbers in the footer", async () => {
    const xml = await ranked.partOf("排名");
    expect(xml).toContain(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toContain(`<oddHeader>&amp;C2024年度 排名</oddHeader>`);
    expect(xml).toContain(`<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>`);
  });

  test("计分明细, 校验结果, 先进个人: portrait, portrait, landscape — all one page wide", async () => {
    for (const [name, orientation] of [
      ["计分明细", "portrait"],
      ["校验结果", "portrait"],
      ["先进个人", "landscape"],
    ]) {
      const xml = await ranked.partOf(name);
      expect(xml).toContain(`orientation="${orientation}" fitToWidth="1" fitToHeight="0"`);
      expect(xml).toContain(`<oddHeader>&amp;C2024年度 ${name}</oddHeader>`);
    }
  });

  test("every generated part keeps CT_Worksheet's element order", async () => {
    for (const name of ["排名", "先进个人", "计分明细", "校验结果"]) {
      const order = children(await ranked.partOf(name));
      const at = order.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  test("filter on the header row over the 12 ranked rows, with its hidden _FilterDatabase name; print titles row 2", async () => {
    const xml = await ranked.partOf("排名");
    const width = ranked.outcome.sheets[0].numberFormats.length;
    const last = String.fromCharCode(64 + width);
    expect(xml).toContain(`<autoFilter ref="A2:${last}14"/>`);
    const index = ranked.names.indexOf("排名");
    expect(ranked.workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'排名'!$A$2:$${last}$14</definedName>`
    );
    expect(ranked.workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'排名'!$2:$2</definedName>`
    );
    const d = ranked.names.indexOf("计分明细");
    expect(ranked.workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${d}">'计分明细'!$2:$2</definedName>`
    );
  });

  test("ExcelJS reads the page setup, filter, fills, bold subtotals and exact formats back", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ranked.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("排名")!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?2:\$?2$/);
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    // The legend: three swatches in column B, each its colour, below a blank row.
    const sheet = ranked.outcome.sheets[0];
    for (const f of sheet.cellFills ?? [])
      expect((ws.getCell(f.row + 1, f.column + 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
        `FF${f.color.slice(1)}`
      );
    expect((sheet.cellFills ?? []).map((f) => ws.getCell(f.row + 1, 2).value)).toEqual([
      "先进",
      "并列待定",
      "村改居不参评",
    ]);
    const details = wb.getWorksheet("计分明细")!;
    const spec = ranked.outcome.sheets[2];
    for (const r of spec.boldRows ?? []) expect(details.getCell(r + 1, 1).font?.bold).toBe(true);
    expect(details.getCell(3, 5).numFmt).toBe("0.00##");
  });
});

describe("规则 §8 Print — defined names kept and replaced", () => {
  const sheet = (over: Partial<OutputSheet> = {}): OutputSheet => ({
    key: "ranking",
    name: "排名",
    rows: [["x"], ["h"], [1], [2]],
    headerRow: 1,
    numberFormats: ["0", "@"],
    widths: [6, 10],
    highlight: [],
    freezeRows: 2,
    autoFilter: { firstRow: 1, lastRow: 3 },
    print: {
      orientation: "portrait",
      onePageWide: true,
      repeatRows: { first: 1, last: 1 },
      header: "t",
      footer: "f",
    },
    ...over,
  });
  const theirs = `<definedName name="社区名单">目标管理!$A$2:$A$13</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'社区'!$A$1:$C$9</definedName>`;

  test("a person's names (and the built-in names of other sheets) stay byte for byte; ours are added", () => {
    const wb = `<workbook><sheets><sheet name="社区"/><sheet name="排名"/></sheets><definedNames>${theirs}</definedNames><calcPr/></workbook>`;
    const out = withDefinedNames(wb, [{ sheet: sheet(), name: "排名", index: 1, width: 2 }]);
    expect(out).toContain(theirs);
    expect(out.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(out).toContain(`localSheetId="1">'排名'!$2:$2<`);
    expect(out.indexOf("</definedNames>")).toBeLessThan(out.indexOf("<calcPr"));
  });

  test("a rebuild replaces the built-in names of the sheet it regenerates, not duplicates them", () => {
    const wb = `<workbook><sheets><sheet name="社区"/><sheet name="排名"/></sheets><definedNames>${theirs}</definedNames></workbook>`;
    const once = withDefinedNames(wb, [{ sheet: sheet(), name: "排名", index: 1, width: 2 }]);
    const twice = withDefinedNames(once, [
      { sheet: sheet({ autoFilter: { firstRow: 1, lastRow: 9 } }), name: "排名", index: 1, width: 2 },
    ]);
    expect(twice.match(/_xlnm\._FilterDatabase/g)).toHaveLength(1);
    expect(twice).toContain(`'排名'!$A$2:$B$10`);
    expect(twice).not.toContain(`'排名'!$A$2:$B$4`);
    expect(twice).toContain(theirs);
  });

  test("no <definedNames> yet: one is made before calcPr; a sheet with no print setup or filter adds none", () => {
    const wb = `<x:workbook><x:sheets><x:sheet name="排名"/></x:sheets><x:calcPr/></x:workbook>`;
    const out = withDefinedNames(wb, [{ sheet: sheet(), name: "排名", index: 0, width: 2 }]);
    expect(out).toMatch(/<\/x:sheets><x:definedNames><x:definedName name="_xlnm\._FilterDatabase"/);
    const bare = sheet({ autoFilter: undefined, print: undefined });
    expect(withDefinedNames(wb, [{ sheet: bare, name: "排名", index: 0, width: 2 }])).toBe(wb);
  });

  test("input names survive a rank --out of a workbook that has them (localSheetId of the input's sheets unchanged)", async () => {
    const wb = await bookOf(sampleSheets(workplanTemplateRows()));
    wb.definedNames.add("'目标管理'!$A$2:$A$13", "社区名单");
    const input = await saveXlsx(wb);
    const before = await (await JSZip.loadAsync(input)).file("xl/workbook.xml")!.async("string");
    const kept = /<definedName name="社区名单"[^>]*>[^<]*<\/definedName>/.exec(before)![0];
    const ranked = await rankedPackage(input);
    expect(ranked.workbook).toContain(kept);
    expect(ranked.workbook.match(/<definedNames>/g)).toHaveLength(1);
  });
});

describe("规则 §8 Print — breaks and merges (成绩单's blocks)", () => {
  test("rowBreaks after the given rows, merges, cell formats, in the package writer (read back by ExcelJS)", async () => {
    const rows = [
      ["标题", null, null],
      ["a", "b", "c"],
      ["x", 1, 2],
      ["y", 3, 4],
      ["z", 5, 6],
    ];
    const sheet: OutputSheet = {
      key: "details",
      name: "块",
      rows,
      headerRow: 1,
      numberFormats: ["@", "0.00", "0.00"],
      widths: [10, 10, 10],
      highlight: [],
      freezeRows: 0,
      merges: [{ row: 0, firstColumn: 0, lastColumn: 2 }],
      cellFormats: [{ row: 3, column: 1, format: "0.00##" }],
      boldRows: [4],
      print: { orientation: "portrait", onePageWide: true, header: "h", footer: "f", breaksAfter: [2, 3] },
    };
    const base = new ExcelJS.Workbook();
    base.addWorksheet("其它").getCell("A1").value = "x";
    const pkg = await openXlsx(await saveXlsx(base));
    await writePackageSheets(pkg, [sheet]);
    const zip = await JSZip.loadAsync(await packXlsx(pkg));
    const part = Object.keys(zip.files).find((f) => /worksheets\/sheet2\.xml$/.test(f))!;
    const xml = await zip.file(part)!.async("string");
    expect(xml).toContain(`<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`);
    expect(xml).toContain(
      `<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="4" max="16383" man="1"/></rowBreaks>`
    );
    const viaPackage = new ExcelJS.Workbook();
    await viaPackage.xlsx.load((await zip.generateAsync({ type: "uint8array" })) as unknown as ArrayBuffer);
    // A workbook made from nothing (statement --pdf's) holds the same.
    const fromNothing = await bookOf([sheet]);
    for (const back of [viaPackage, fromNothing]) {
      const ws = back.getWorksheet("块")!;
      expect(ws.getCell("B4").numFmt).toBe("0.00##");
      expect(ws.getCell("B3").numFmt).toBe("0.00");
      expect(ws.getCell("A5").font?.bold).toBe(true);
      expect(ws.getCell("A4").font?.bold).toBeFalsy();
      expect((ws.model as { merges?: string[] }).merges).toEqual(["A1:C1"]);
    }
  });
});
