import { bookOf } from "./exceljs-io";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { saveXlsx } from "./exceljs-io";
import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";

/** Inputs that hold a person's own chart and picture (tests of the package writer and the preview's download). */

const ROOT = path.resolve(__dirname, "../..");

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>我的图表</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>目标管理!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>目标管理!$B$2:$B$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const CHART_ANCHOR = `<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="9" name="我的图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart9"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

/** The sample with a person's image, comment and defined name (ExcelJS), then a chart added part by part. */
export async function workbookWithChartAndImage(): Promise<Uint8Array> {
  const wb = await bookOf(sampleSheets(workplanTemplateRows()));
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

/** Every file of a zip by its path (directories left out). */
export async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir))
    out.set(name, Buffer.from(await zip.file(name)!.async("uint8array")));
  return out;
}
