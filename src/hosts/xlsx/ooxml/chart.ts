import { address } from "../../../workbook/cells";
import { BarChart, OutputSheet, OutputValue } from "../../../workbook/types";
import { encodeXmlText, NS_REL } from "./xml";

/**
 * A generated sheet's bar chart (OutputSheet.chart) as DrawingML: the
 * chart part (c:chartSpace: one clustered horizontal bar series, the categories and values as
 * references to the sheet's cells with their values cached, so a reader that does not recalculate
 * still draws it), and the drawing part that anchors it on the sheet. write.ts adds the parts,
 * their relationships and content types.
 */

export const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;

/** Axis ids: any two distinct numbers, unique within the chart. */
const CAT_AXIS = 500100001;
const VAL_AXIS = 500100002;

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** Element text of a plain xsd:string (formulas, titles): entities only. */
function text(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** What a chart reads of its sheet: the rows it shows (others may be absent) and the value column's format. */
export type ChartSource = Pick<OutputSheet, "rows" | "numberFormats">;

/** An absolute reference to a column's cells in Excel's formula syntax: the sheet name always quoted, ' doubled. */
export function columnRef(sheetName: string, column: number, firstRow: number, lastRow: number): string {
  const a = address(firstRow + 1, column + 1, lastRow + 1, column + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheetName.replace(/'/g, "''")}'!${a}`;
}

function cells(sheet: ChartSource, chart: BarChart, column: number): OutputValue[] {
  const out: OutputValue[] = [];
  for (let r = chart.firstRow; r <= chart.lastRow; r++) out.push(sheet.rows[r]?.[column] ?? null);
  return out;
}

/** The chart part: `sheetName` is the tab name the sheet is written under (the references name it). */
export function chartXml(sheet: ChartSource, chart: BarChart, sheetName: string): string {
  const names = cells(sheet, chart, chart.categoryColumn);
  const values = cells(sheet, chart, chart.valueColumn);
  const count = names.length;
  const format = sheet.numberFormats[chart.valueColumn] ?? "General";
  const strPts = names
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${encodeXmlText(String(v))}</c:v></c:pt>`))
    .join("");
  const numPts = values
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""
    )
    .join("");
  const title = text(chart.title);
  const noLabels =
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:v>${encodeXmlText(chart.title)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="${text(format).replace(/"/g, "&quot;")}" sourceLinked="1"/>${noLabels}</c:dLbls>` +
    `<c:cat><c:strRef><c:f>${text(columnRef(sheetName, chart.categoryColumn, chart.firstRow, chart.lastRow))}</c:f>` +
    `<c:strCache><c:ptCount val="${count}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${text(columnRef(sheetName, chart.valueColumn, chart.firstRow, chart.lastRow))}</c:f>` +
    `<c:numCache><c:formatCode>${text(format)}</c:formatCode><c:ptCount val="${count}"/>${numPts}</c:numCache>` +
    `</c:numRef></c:val></c:ser><c:gapWidth val="60"/>` +
    `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    // The best at the top: categories run top-down, and the value axis crosses at the last one (the bottom).
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${text(format).replace(/"/g, "&quot;")}" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: one two-cell anchor holding the chart of relationship `chartRelId`. */
export function drawingXml(chart: BarChart, chartRelId: string): string {
  const cell = (tag: string, at: { row: number; column: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const name = text(chart.title).replace(/"/g, "&quot;");
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor>${cell("from", chart.from)}${cell("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${name}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_CHART}">` +
    `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
