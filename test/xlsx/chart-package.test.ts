import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { Io } from "../../src/cli/output";
import { rankCommand } from "../../src/cli/rank";
import { sampleCommand } from "../../src/cli/sample";
import { openXlsx, packageGrids } from "../../src/hosts/xlsx";
import { loadXlsx, saveXlsx } from "./exceljs-io";
import { parts, workbookWithChartAndImage } from "./input-chart";
import { TYPE_CHART, TYPE_DRAWING, Walk } from "./package-walk";
import { all, one, parseXml } from "./xml-tree";

/**
 * 规则 §8: `rank --out` writes 排名's bar chart into the file itself (DrawingML: ExcelJS cannot),
 * reachable sheet → drawing → chart with its content types; a person's own chart in the input
 * stays byte for byte; ranking the output again replaces our chart and leaves nothing behind.
 */

const NOW = new Date(2024, 11, 31, 9, 30);
const quiet: Io = { out: () => undefined, err: () => undefined };
/** The parts the writer patches to add sheets (the sheet list, its relationships, the types, styles, strings). */
const MANIFEST =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml)$/;

let dir = "";
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "chart-package-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** rank <input> --out <name>: the output's bytes. */
async function rankOut(input: Uint8Array | string, name: string): Promise<Buffer> {
  const from = typeof input === "string" ? input : path.join(dir, `${name}.in.xlsx`);
  if (typeof input !== "string") writeFileSync(from, input);
  const out = path.join(dir, name);
  expect(await rankCommand(parseArgs(["rank", from, "--out", out]), quiet, NOW)).toBe(0);
  return readFileSync(out);
}

let samples = 0;
/** A fresh copy of the sample for each caller (no command overwrites an existing file). */
async function sampleFile(): Promise<string> {
  const file = path.join(dir, `sample-${++samples}.xlsx`);
  expect(await sampleCommand(parseArgs(["sample", file]), quiet)).toBe(0);
  return file;
}

/** The chart's categories and values: formulas and cached points. */
function series(chartXml: string) {
  const root = parseXml(chartXml);
  const cat = one(root, "c:cat");
  const val = one(root, "c:val");
  return {
    title: one(one(root, "c:title"), "a:t").text,
    barDir: one(root, "c:barDir").attrs.val,
    names: { f: one(cat, "c:f").text, v: all(cat, "c:v").map((v) => v.text) },
    totals: { f: one(val, "c:f").text, v: all(val, "c:v").map((v) => Number(v.text)) },
  };
}

describe("规则 §8 Chart — rank --out writes 排名's chart into the package", () => {
  test("the sample: sheet → drawing → chart with their content types; the cache is the 综合得分 column as read back", async () => {
    const out = await rankOut(await sampleFile(), "ranked.xlsx");
    const walk = new Walk(await parts(out));
    const { drawing, chart } = walk.chartOf("排名");
    expect(walk.overrides().get(drawing)).toBe(TYPE_DRAWING);
    expect(walk.overrides().get(chart)).toBe(TYPE_CHART);
    expect(walk.loose()).toEqual([]);
    // The other generated sheets have no drawing.
    for (const name of ["先进个人", "计分明细", "校验结果"])
      expect(walk.text(walk.sheetPath(name))).not.toContain("<drawing");

    const grid = (await packageGrids(await openXlsx(out))).find((g) => g.name === "排名");
    if (!grid) throw new Error("no 排名");
    const header = grid.values[1];
    const community = header.indexOf("社区");
    const total = header.indexOf("综合得分");
    const rows = grid.values.slice(2).filter((r) => typeof r[0] === "number");
    const got = series(walk.text(chart));
    expect(got.title).toBe("综合得分");
    expect(got.barDir).toBe("bar");
    expect(got.names.f).toBe("'排名'!$B$3:$B$14");
    expect(got.names.v).toEqual(rows.map((r) => r[community]));
    expect(got.totals.f).toMatch(/^'排名'!\$([A-Z]+)\$3:\$\1\$14$/);
    expect(got.totals.v).toEqual(rows.map((r) => r[total]));
    expect(got.totals.v).toHaveLength(12);
    // The drawing points at its chart, anchored right of the table (past the last column).
    const anchor = parseXml(walk.text(drawing));
    expect(Number(one(one(anchor, "xdr:from"), "xdr:col").text)).toBeGreaterThan(header.length);
    // ExcelJS (the preview's reader) still opens the result.
    expect((await loadXlsx(out)).getWorksheet("排名")).toBeDefined();
  });

  test("an input's own chart and picture stay byte for byte; ours takes the next free part names", async () => {
    const input = await workbookWithChartAndImage();
    const before = await parts(input);
    const theirs = [...before.keys()].filter((p) => /^xl\/(charts|drawings)\//.test(p));
    expect(theirs).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]));
    const after = await parts(await rankOut(input, "own-chart.xlsx"));
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (!MANIFEST.test(name))
        expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    const walk = new Walk(after);
    const ours = walk.chartOf("排名");
    expect(theirs).not.toContain(ours.chart);
    expect(theirs).not.toContain(ours.drawing);
    expect(walk.chartOf("目标管理").chart).toBe("xl/charts/chart1.xml");
    expect(walk.overrides().get("xl/charts/chart1.xml")).toBe(TYPE_CHART);
    expect(walk.loose()).toEqual([]);
  });

  test("ranking the output again replaces our chart: no orphan part, relationship or content type; theirs stays", async () => {
    const input = await workbookWithChartAndImage();
    const first = await rankOut(input, "again-1.xlsx");
    const second = await rankOut(first, "again-2.xlsx");
    const third = await rankOut(second, "again-3.xlsx");
    const [a, b, c] = await Promise.all([first, second, third].map(async (x) => new Walk(await parts(x))));
    const charts = (w: Walk) =>
      [...w.files.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts(b)).toEqual(charts(a));
    expect(charts(c)).toEqual(charts(a));
    expect(charts(a)).toHaveLength(2);
    for (const w of [b, c]) {
      expect(w.loose()).toEqual([]);
      expect(w.chartOf("排名")).toEqual(a.chartOf("排名"));
      expect(
        w.files.get("xl/charts/chart1.xml")?.equals(a.files.get("xl/charts/chart1.xml") ?? Buffer.alloc(0))
      ).toBe(true);
      expect(series(w.text(w.chartOf("排名").chart))).toEqual(series(a.text(a.chartOf("排名").chart)));
    }
    const overrides = [...c.overrides().values()];
    expect(overrides.filter((t) => t === TYPE_CHART)).toHaveLength(2);
  });

  test("our chart as Excel saves it (with its style and colour parts): re-ranking drops them with the chart", async () => {
    const out = await rankOut(await sampleFile(), "styled.xlsx");
    const zip = await JSZip.loadAsync(out);
    const { chart } = new Walk(await parts(out)).chartOf("排名");
    const n = /chart(\d+)\.xml$/.exec(chart)?.[1];
    const style = `xl/charts/style${n}.xml`;
    const colors = `xl/charts/colors${n}.xml`;
    zip.file(
      style,
      `<?xml version="1.0"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>`
    );
    zip.file(
      colors,
      `<?xml version="1.0"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>`
    );
    zip.file(
      chart.replace("charts/", "charts/_rels/") + ".rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors${n}.xml"/>` +
        `<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style${n}.xml"/></Relationships>`
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/${style}" ContentType="application/vnd.ms-office.chartstyle+xml"/>` +
          `<Override PartName="/${colors}" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>`
      )
    );
    const saved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(new Walk(await parts(saved)).loose()).toEqual([]);
    const again = new Walk(await parts(await rankOut(saved, "styled-again.xlsx")));
    expect(again.files.has(style)).toBe(false);
    expect(again.files.has(colors)).toBe(false);
    expect(again.loose()).toEqual([]);
    expect(series(again.text(again.chartOf("排名").chart)).totals.v).toHaveLength(12);
  });

  test("a person's sheet named 排名 is left alone; our chart goes on 排名 (2) and its references say so", async () => {
    const wb = await loadXlsx(readFileSync(await sampleFile()));
    wb.addWorksheet("排名").getCell("A1").value = "我的排名草稿";
    const out = await rankOut(await saveXlsx(wb as ExcelJS.Workbook), "person.xlsx");
    const walk = new Walk(await parts(out));
    expect(walk.text(walk.sheetPath("排名"))).not.toContain("<drawing");
    expect(walk.rels(walk.sheetPath("排名"))).toEqual([]);
    const got = series(walk.text(walk.chartOf("排名 (2)").chart));
    expect(got.names.f).toBe("'排名 (2)'!$B$3:$B$14");
    expect(got.totals.f.startsWith("'排名 (2)'!$")).toBe(true);
    expect(walk.loose()).toEqual([]);
  });
});
