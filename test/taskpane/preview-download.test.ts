import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { rankCommand } from "../../src/cli/rank";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx, writeOutputSheets } from "../../src/hosts/xlsx";
import { rankBuild } from "../../src/taskpane/controller";
import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

/**
 * Issue 13 §3: the preview's download is the user's file through the CLI's package writer —
 * a chart, an image, a comment and a defined name of the input all survive, every input part
 * byte for byte — and the CLI and the preview write the same generated sheets for the same input.
 */

const NOW = new Date(2025, 0, 15, 9, 30);
const ROOT = path.resolve(__dirname, "../..");
/** The parts the writer must patch to add sheets: the sheet list, its relationships, the part types, styles, strings. */
const MANIFEST =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml)$/;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>我的图表</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>目标管理!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>目标管理!$B$2:$B$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const CHART_ANCHOR = `<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="9" name="我的图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart9"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

/** The sample with a person's image, comment and defined name (ExcelJS), then a chart added part by part. */
async function workbookWithChartAndImage(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  writeOutputSheets(wb, sampleSheets(workplanTemplateRows()));
  const ws = wb.getWorksheet("目标管理");
  if (!ws) throw new Error("no 目标管理");
  const image = wb.addImage({
    buffer: readFileSync(path.join(ROOT, "assets/icon-32.png")) as never,
    extension: "png",
  });
  ws.addImage(image, { tl: { col: 8, row: 18 }, ext: { width: 32, height: 32 } });
  ws.getCell("H1").note = "考核组备注：数据已核对";
  wb.definedNames.add("目标管理!$A$2:$A$13", "社区名单");
  const zip = await JSZip.loadAsync(await saveXlsx(wb));
  const drawingPath = Object.keys(zip.files).find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
  if (!drawingPath) throw new Error("ExcelJS wrote no drawing");
  const relsPath = drawingPath.replace("drawings/", "drawings/_rels/") + ".rels";
  const drawing = await zip.file(drawingPath)!.async("string");
  const withChart = drawing.replace(/<\/xdr:wsDr>\s*$/, `${CHART_ANCHOR}</xdr:wsDr>`);
  zip.file(
    drawingPath,
    withChart.includes('xmlns:r="')
      ? withChart
      : withChart.replace(
          "<xdr:wsDr ",
          `<xdr:wsDr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `
        )
  );
  const rels = await zip.file(relsPath)!.async("string");
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdChart9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`
    )
  );
  zip.file("xl/charts/chart1.xml", CHART);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir))
    out.set(name, Buffer.from(await zip.file(name)!.async("uint8array")));
  return out;
}

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
