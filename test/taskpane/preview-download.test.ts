import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { rankCommand } from "../../src/cli/rank";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx } from "../xlsx/exceljs-io";
import { rankBuild } from "../../src/taskpane/controller";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { parts, workbookWithChartAndImage } from "../xlsx/input-chart";
import { TYPE_CHART, Walk } from "../xlsx/package-walk";
import { all, one, parseXml } from "../xlsx/xml-tree";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { gridsOf, loadXlsx } from "../xlsx/exceljs-io";

/**
 * Issue 13 §3: the preview's download is the user's file through the CLI's package writer —
 * a chart, an image, a comment and a defined name of the input all survive, every input part
 * byte for byte — and the CLI and the preview write the same generated sheets for the same input.
 */

const NOW = new Date(2025, 0, 15, 9, 30);
/** The parts the writer must patch to add sheets: the sheet list, its relationships, the part types, styles, strings. */
const MANIFEST =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml)$/;

/** The file through the preview: opened, ranked (zh-CN), downloaded. */
async function throughPreview(input: Uint8Array): Promise<Uint8Array> {
  const saved: { bytes?: Uint8Array } = {};
  const host = XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
  await host.open(input.slice().buffer, "图表.xlsx");
  const { report } = await rankBuild(host, { now: NOW, locale: "zh-CN" });
  expect(report?.written).toEqual(["排名", "先进个人", "计分明细", "成绩单", "校验结果"]);
  await host.download("结果.xlsx");
  if (!saved.bytes) throw new Error("nothing downloaded");
  return saved.bytes;
}

describe("issue 13 §3: the preview's download keeps the user's file", () => {
  test("a chart, an image, a comment and a defined name survive: every input part comes back byte for byte", async () => {
    const input = await workbookWithChartAndImage();
    const before = await parts(input);
    expect([...before.keys()].some((p) => p.startsWith("xl/media/"))).toBe(true);
    expect([...before.keys()].some((p) => /^xl\/comments\d*\.xml$/.test(p))).toBe(true);
    const after = await parts(await throughPreview(input));
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (!MANIFEST.test(name))
        expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    // The patched manifest parts keep everything they listed.
    const text = (m: Map<string, Buffer>, p: string) => m.get(p)!.toString("utf8");
    expect(text(after, "[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    expect(text(after, "xl/workbook.xml")).toContain("社区名单");
    const inputRels = text(before, "xl/_rels/workbook.xml.rels").match(/<Relationship [^>]*\/>/g) ?? [];
    for (const rel of inputRels) expect(text(after, "xl/_rels/workbook.xml.rels")).toContain(rel);
    // ExcelJS reads the result: the input sheets and the five generated ones.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await throughPreview(input)) as never);
    expect(back.worksheets.map((w) => w.name).slice(-5)).toEqual([
      "排名",
      "先进个人",
      "计分明细",
      "成绩单",
      "校验结果",
    ]);
  });

  test("the CLI's rank --out and the preview's download are the same file for the same input and time", async () => {
    const input = await workbookWithChartAndImage();
    const dir = mkdtempSync(path.join(tmpdir(), "preview-cli-"));
    try {
      writeFileSync(path.join(dir, "in.xlsx"), input);
      const out = path.join(dir, "out.xlsx");
      const io = { out: () => undefined, err: () => undefined };
      expect(await rankCommand(parseArgs(["rank", path.join(dir, "in.xlsx"), "--out", out]), io, NOW)).toBe(
        0
      );
      const cli = await parts(readFileSync(out));
      const preview = await parts(await throughPreview(input));
      expect([...preview.keys()].sort()).toEqual([...cli.keys()].sort());
      for (const [name, bytes] of cli)
        expect({ name, same: preview.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("规则 §8: the download carries 排名's bar chart (sheet → drawing → chart), with the ranking's totals, beside the user's own chart", async () => {
    const input = await workbookWithChartAndImage();
    const walk = new Walk(await parts(await throughPreview(input)));
    const { chart } = walk.chartOf("排名");
    expect(chart).not.toBe("xl/charts/chart1.xml");
    expect(walk.chartOf("目标管理").chart).toBe("xl/charts/chart1.xml");
    expect(walk.overrides().get(chart)).toBe(TYPE_CHART);
    expect(walk.loose()).toEqual([]);
    const expected = rankWorkbook(gridsOf(await loadXlsx(input)), { now: NOW }).sheets[0];
    const model = expected.chart;
    if (!model) throw new Error("no chart in the model");
    const root = parseXml(walk.text(chart));
    expect(one(one(root, "c:title"), "a:t").text).toBe(model.title);
    const rows = expected.rows.slice(model.firstRow, model.lastRow + 1);
    expect(all(one(root, "c:cat"), "c:v").map((v) => v.text)).toEqual(
      rows.map((r) => r[model.categoryColumn])
    );
    expect(all(one(root, "c:val"), "c:v").map((v) => Number(v.text))).toEqual(
      rows.map((r) => r[model.valueColumn])
    );
  });

  test("共享准备 in the preview turns KH. formulas into values in the file itself; the rest stays", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("计算");
    ws.getCell("A1").value = { formula: 'KH.HONOR_POINTS("省级")', result: 10 };
    ws.getCell("A2").value = { formula: "SUM(A1,1)", result: 11 };
    ws.getCell("A3").value = { formula: 'KH.LEVEL_NAME("省级")', result: "省级" };
    const input = await saveXlsx(wb);
    const saved: { bytes?: Uint8Array } = {};
    const host = XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
    await host.open(input.slice().buffer, "f.xlsx");
    expect((await host.convertFunctionCells()).converted).toBe(2);
    await host.download();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(saved.bytes!) as never);
    const sheet = back.getWorksheet("计算")!;
    expect(sheet.getCell("A1").value).toBe(10);
    expect(sheet.getCell("A2").value).toMatchObject({ formula: "SUM(A1,1)" });
    expect(sheet.getCell("A3").value).toBe("省级");
  });
});
