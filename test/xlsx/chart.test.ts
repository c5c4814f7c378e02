import { spawnSync } from "node:child_process";
import { chartXml, columnRef, drawingXml, NS_CHART } from "../../src/hosts/xlsx/ooxml/chart";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { CHART_MAX_BARS } from "../../src/workbook/report";
import { BarChart, OutputSheet } from "../../src/workbook/types";
import { addRow, sampleGrids } from "../workbook/helpers";
import { all, one, parseXml, XmlNode } from "./xml-tree";

/**
 * The DrawingML the package writer adds for 排名's chart (ooxml/chart.ts): well-formed, one bar
 * series whose references name the sheet as written and whose caches hold the sheet's values.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

function rankingOf(extra = 0): OutputSheet {
  const g = sampleGrids();
  for (let i = 0; i < extra; i++) {
    const name = `新增${i + 1}社区`;
    addRow(g, "社区", { 社区: name, 类型: "社区" });
    addRow(g, "目标管理", { 社区: name, 社区基础: 5 + (i % 11), 社区服务: 9 });
  }
  const s = rankWorkbook(g, { now: NOW }).sheets.find((x) => x.key === "ranking");
  if (!s?.chart) throw new Error("no ranking chart");
  return s;
}

const chartOf = (s: OutputSheet): BarChart => {
  if (!s.chart) throw new Error("no chart");
  return s.chart;
};

const points = (cache: XmlNode) =>
  all(cache, "c:pt").map((p) => ({ idx: Number(p.attrs.idx), v: one(p, "c:v").text }));

const xmllint = spawnSync("xmllint", ["--version"]).status === 0;

describe("规则 §8 Chart — the chart part the package writer writes", () => {
  test("the sample: a horizontal clustered bar chart, categories and values referenced and cached as on the sheet", () => {
    const s = rankingOf();
    const chart = chartOf(s);
    const xml = chartXml(s, chart, "排名");
    const root = parseXml(xml);
    expect(root.name).toBe("c:chartSpace");
    expect(root.attrs["xmlns:c"]).toBe(NS_CHART);
    expect(one(root, "c:barDir").attrs.val).toBe("bar");
    expect(all(root, "c:ser")).toHaveLength(1);
    expect(all(root, "c:legend")).toHaveLength(0);
    expect(one(one(root, "c:title"), "a:t").text).toBe("综合得分");

    const cat = one(root, "c:cat");
    expect(one(cat, "c:f").text).toBe("'排名'!$B$3:$B$14");
    expect(one(cat, "c:ptCount").attrs.val).toBe("12");
    // The ranked rows (the 规则 §8 legend below them is not charted).
    const names = s.rows.slice(chart.firstRow, chart.lastRow + 1).map((r) => r[chart.categoryColumn]);
    expect(points(one(cat, "c:strCache"))).toEqual(names.map((v, idx) => ({ idx, v })));

    const val = one(root, "c:val");
    const totalLetter = String.fromCharCode(65 + chart.valueColumn);
    expect(one(val, "c:f").text).toBe(`'排名'!$${totalLetter}$3:$${totalLetter}$14`);
    expect(one(val, "c:formatCode").text).toBe("0.00");
    const totals = s.rows.slice(chart.firstRow, chart.lastRow + 1).map((r) => r[chart.valueColumn] as number);
    expect(points(one(val, "c:numCache")).map((p) => Number(p.v))).toEqual(totals);
    expect(points(one(val, "c:numCache")).map((p) => p.idx)).toEqual(totals.map((_, i) => i));

    // Two axes that name each other; the bar chart uses both ids.
    const catAx = one(root, "c:catAx");
    const valAx = one(root, "c:valAx");
    const id = (n: XmlNode) => n.children.find((c) => c.name === "c:axId")?.attrs.val;
    expect(id(catAx)).not.toBe(id(valAx));
    expect(one(catAx, "c:crossAx").attrs.val).toBe(id(valAx));
    expect(one(valAx, "c:crossAx").attrs.val).toBe(id(catAx));
    expect(
      one(root, "c:barChart")
        .children.filter((c) => c.name === "c:axId")
        .map((c) => c.attrs.val)
    ).toEqual([id(catAx), id(valAx)]);
  });

  test("a sheet name with a quote, an ampersand and a space is quoted (' doubled) and escaped", () => {
    const s = rankingOf();
    const name = "O'Neil & 排名 (2)";
    expect(columnRef(name, 1, 2, 13)).toBe("'O''Neil & 排名 (2)'!$B$3:$B$14");
    const root = parseXml(chartXml(s, chartOf(s), name));
    expect(one(one(root, "c:cat"), "c:f").text).toBe("'O''Neil & 排名 (2)'!$B$3:$B$14");
    expect(one(one(root, "c:val"), "c:f").text.startsWith("'O''Neil & 排名 (2)'!$")).toBe(true);
  });

  test(`more communities than ${CHART_MAX_BARS}: ${CHART_MAX_BARS} cached points over rows 3 to ${CHART_MAX_BARS + 2}`, () => {
    const s = rankingOf(CHART_MAX_BARS + 5);
    const chart = chartOf(s);
    const root = parseXml(chartXml(s, chart, "排名"));
    const cat = one(root, "c:cat");
    expect(one(cat, "c:f").text).toBe(`'排名'!$B$3:$B$${CHART_MAX_BARS + 2}`);
    expect(one(cat, "c:ptCount").attrs.val).toBe(String(CHART_MAX_BARS));
    expect(all(cat, "c:pt")).toHaveLength(CHART_MAX_BARS);
    const val = one(root, "c:val");
    expect(all(val, "c:pt").map((p) => Number(one(p, "c:v").text))).toEqual(
      s.rows.slice(2, 2 + CHART_MAX_BARS).map((r) => r[chart.valueColumn])
    );
    // The 41st community is not in the chart.
    expect(all(cat, "c:v").map((v) => v.text)).not.toContain(
      s.rows[2 + CHART_MAX_BARS][chart.categoryColumn]
    );
  });

  test("community names with XML's special characters and control characters are cached exactly", () => {
    const s = rankingOf();
    const chart = chartOf(s);
    const odd = ["A&B <社区>", "tab\there", "_x0041_社区"];
    const rows = s.rows.map((r, i) =>
      i >= chart.firstRow && i < chart.firstRow + odd.length
        ? r.map((v, c) => (c === chart.categoryColumn ? odd[i - chart.firstRow] : v))
        : r
    );
    const cached = all(one(parseXml(chartXml({ ...s, rows }, chart, "排名")), "c:strCache"), "c:v")
      .slice(0, odd.length)
      .map((v) =>
        v.text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
      );
    expect(cached).toEqual(odd);
  });

  test("the drawing: one two-cell anchor at the model's cells holding the chart of the given relationship", () => {
    const s = rankingOf();
    const chart = chartOf(s);
    const root = parseXml(drawingXml(chart, "rId7"));
    expect(root.name).toBe("xdr:wsDr");
    const anchor = one(root, "xdr:twoCellAnchor");
    const at = (tag: string) => {
      const n = one(anchor, tag);
      return { row: Number(one(n, "xdr:row").text), column: Number(one(n, "xdr:col").text) };
    };
    expect(at("xdr:from")).toEqual(chart.from);
    expect(at("xdr:to")).toEqual(chart.to);
    expect(one(anchor, "c:chart").attrs["r:id"]).toBe("rId7");
    expect(one(anchor, "a:graphicData").attrs.uri).toBe(NS_CHART);
  });

  (xmllint ? test : test.skip)("xmllint finds both parts well-formed", () => {
    const s = rankingOf();
    for (const xml of [chartXml(s, chartOf(s), "O'Neil & <排名>"), drawingXml(chartOf(s), "rId1")]) {
      const run = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
  });
});
