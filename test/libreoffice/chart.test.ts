import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { parseArgs } from "../../src/cli/args";
import { Io } from "../../src/cli/output";
import { rankCommand } from "../../src/cli/rank";
import { sampleCommand } from "../../src/cli/sample";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { gridsOf, loadXlsx } from "../xlsx/exceljs-io";
import { rankBuild } from "../../src/taskpane/controller";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { OutputSheet } from "../../src/workbook/types";
import { workbookWithChartAndImage } from "../xlsx/input-chart";
import { all, one, parseXml, XmlNode } from "../xlsx/xml-tree";
import { toOds as convertToOds } from "./to-ods";

/**
 * 规则 §8 checked by a real reader: LibreOffice opens `rank --out`'s file and the preview's
 * download, converts them to .ods, and the ranking sheet holds an embedded bar chart over the
 * 社区 and 综合得分 cells with one data point per ranked community. Fails with a notice
 * when soffice is absent (never skipped).
 */

const soffice = process.env.SOFFICE ?? "soffice";
const present = spawnSync(soffice, ["--version"], { encoding: "utf8" }).status === 0;
if (!present)
  console.log(
    "NOTICE: LibreOffice (soffice) not found — the chart check FAILS (install them: apt-get install libreoffice-calc poppler-utils). Install libreoffice-calc."
  );
const maybe = describe;

const NOW = new Date(2024, 11, 31, 9, 30);
const quiet: Io = { out: () => undefined, err: () => undefined };

interface OdsChart {
  /** The table (sheet) the chart sits on. */
  sheet: string;
  cls: string;
  title: string;
  categories: string;
  values: string;
  points: number;
  /** The chart's own data table as LibreOffice holds it: category → value. */
  data: [string, number][];
}

/** Every embedded chart of an .ods: where it sits, what it draws. */
async function odsCharts(file: string): Promise<OdsChart[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const content = parseXml(await zip.file("content.xml")!.async("string"));
  const out: OdsChart[] = [];
  for (const table of all(content, "table:table"))
    for (const object of all(table, "draw:object")) {
      const href = (object.attrs["xlink:href"] ?? "").replace(/^\.\//, "");
      const part = href ? zip.file(`${href}/content.xml`) : null;
      if (!part) {
        // An object LibreOffice could not make a chart of (the fixture's minimal hand-written chart).
        out.push({
          sheet: table.attrs["table:name"],
          cls: "",
          title: "",
          categories: "",
          values: "",
          points: 0,
          data: [],
        });
        continue;
      }
      const chart = one(parseXml(await part.async("string")), "chart:chart");
      const series = one(chart, "chart:series");
      const rows = all(one(chart, "table:table-rows"), "table:table-row").map((r) => {
        const cells = all(r, "table:table-cell");
        const text = (n: XmlNode) => all(n, "text:p")[0]?.text ?? "";
        return [text(cells[0]), Number(cells[1].attrs["office:value"])] as [string, number];
      });
      out.push({
        sheet: table.attrs["table:name"],
        cls: chart.attrs["chart:class"],
        title: all(one(chart, "chart:title"), "text:p")
          .map((p) => p.text)
          .join(""),
        categories: one(chart, "chart:categories").attrs["table:cell-range-address"],
        values: series.attrs["chart:values-cell-range-address"],
        points: all(series, "chart:data-point").reduce(
          (n, p) => n + Number(p.attrs["chart:repeated"] ?? 1),
          0
        ),
        data: rows,
      });
    }
  return out;
}

/** The ranking's model: its chart and the rows it covers. */
function expected(ranking: OutputSheet) {
  const chart = ranking.chart;
  if (!chart) throw new Error("no chart in the model");
  const rows = ranking.rows.slice(chart.firstRow, chart.lastRow + 1);
  return {
    title: chart.title,
    data: rows.map((r) => [String(r[chart.categoryColumn]), r[chart.valueColumn] as number]),
  };
}

maybe("规则 §8 Chart checked by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-lo-chart-"));
  afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));
  const toOds = (files: string[]) => convertToOds(soffice, dir, files);

  test("rank --out's file and the preview's download: 排名 holds a bar chart of 综合得分 over every ranked community", async () => {
    if (!present) throw new Error("LibreOffice (soffice) is not installed");
    // The CLI: the sample ranked with --out.
    const sample = path.join(dir, "sample.xlsx");
    const cli = path.join(dir, "cli.xlsx");
    expect(await sampleCommand(parseArgs(["sample", sample]), quiet)).toBe(0);
    expect(await rankCommand(parseArgs(["rank", sample, "--out", cli]), quiet, NOW)).toBe(0);
    // The preview: a file with the person's own chart opened, ranked, downloaded.
    const input = await workbookWithChartAndImage();
    const saved: { bytes?: Uint8Array } = {};
    const host = XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
    await host.open(input.slice().buffer, "mine.xlsx");
    expect((await rankBuild(host, { now: NOW, locale: "zh-CN" })).report?.chart).toBe(true);
    await host.download();
    const preview = path.join(dir, "preview.xlsx");
    writeFileSync(preview, saved.bytes ?? new Uint8Array());

    const [cliOds, previewOds] = toOds([cli, preview]);
    const model = (bytes: Uint8Array) =>
      loadXlsx(bytes).then((wb) => expected(rankWorkbook(gridsOf(wb), { now: NOW }).sheets[0]));

    for (const [ods, want, theirs] of [
      [cliOds, await model(readFileSync(sample)), 0],
      [previewOds, await model(input), 1],
    ] as const) {
      const charts = await odsCharts(ods);
      const ours = charts.filter((c) => c.sheet === "排名");
      expect(ours).toHaveLength(1);
      const [c] = ours;
      expect(c.cls).toBe("chart:bar");
      expect(c.title).toBe(want.title);
      expect(c.categories).toBe("排名.B3:排名.B14");
      expect(c.values).toMatch(/^排名\.([A-Z]+)3:排名\.\1(14)$/);
      expect(c.points).toBe(12);
      expect(c.data.map(([name]) => name)).toEqual(want.data.map(([name]) => name));
      c.data.forEach(([, v], i) => expect(v).toBeCloseTo(want.data[i][1] as number, 9));
      // The person's own chart object (on 目标管理 in the preview's input) is there too.
      expect(charts.filter((x) => x.sheet === "目标管理")).toHaveLength(theirs);
    }
  });
});
