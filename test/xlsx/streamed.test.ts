import fc from "fast-check";
import { newWorkbookBytes } from "../../src/hosts/xlsx/ooxml";
import { unzipSync } from "fflate";
import {
  DeflaterFactory,
  fflateDeflater,
  openXlsx,
  packXlsx,
  writePackageSheets,
  XlsxPackage,
} from "../../src/hosts/xlsx";
import { assess, defaultRules, Exact } from "../../src/scoring";
import { inputSheet, rankWorkbook, rankWorkbookStreamed } from "../../src/workbook/pipeline";
import { detailsSheet, ReportContext } from "../../src/workbook/report";
import { AnySheet, materialize } from "../../src/workbook/streamed";
import { OutputValue, StreamedSheet } from "../../src/workbook/types";
import { simpleInput } from "../scoring/fixtures";
import { sampleGrids } from "../workbook/helpers";

/**
 * 规则 §7.2 `rank --out` on a big workbook (issues 9 and 13 §5): 排名, 先进个人 and 计分明细 are
 * made as the package writer asks for their rows (StreamedSheet), and their XML goes to the
 * deflater in pieces of about a megabyte, so neither the rows nor the XML of a sheet of a million
 * staff is ever held whole. What is written is what the whole rows (materialize) write, byte for byte.
 */

const NOW = new Date(2025, 0, 15, 9, 30);
/** The writer's piece (sheet-xml.ts): a megabyte, and the slack a last row may take. */
const PIECE_MAX = (1 << 20) + 4096;

let base: Uint8Array;
beforeAll(async () => {
  base = await newWorkbookBytes([inputSheet("communities", [["甲社区", "社区"]])]);
});

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = new TextDecoder().decode(data);
  return out;
}

function sheetText(pkg: XlsxPackage, name: string): string {
  const path = pkg.sheets.find((s) => s.name === name)?.path ?? "";
  return pkg.parts.text(path) ?? "";
}

/** A one-column generated-looking sheet over `values`, its rows made on demand; `made` counts them. */
function streamed(values: readonly OutputValue[][], counter = { made: 0 }): StreamedSheet {
  return {
    key: "details",
    name: "明细",
    headerRow: 0,
    numberFormats: ["General", "@", "@"],
    widths: [10, 10, 10],
    highlight: [],
    freezeRows: 1,
    rowCount: values.length,
    rowWidth: values.reduce((w, r) => Math.max(w, r.length), 0),
    *eachRow() {
      for (const r of values) {
        counter.made++;
        yield [...r];
      }
    },
  };
}

async function written(sheet: AnySheet, deflater?: DeflaterFactory) {
  const pkg = await openXlsx(base, deflater);
  await writePackageSheets(pkg, [sheet]);
  return { pkg, xml: sheetText(pkg, sheet.name), bytes: await packXlsx(pkg) };
}

/** `<v>` text of column A per 1-based row. */
function valuesOf(xml: string): Map<number, { type: string; v: string }> {
  const out = new Map<number, { type: string; v: string }>();
  for (const m of xml.matchAll(/<c r="A(\d+)" s="\d+"( t="\w")?><v>([^<]*)<\/v><\/c>/g))
    out.set(Number(m[1]), { type: m[2] ?? "", v: m[3] });
  return out;
}

describe("规则 §7.2 rank --out streams its big sheets: the same package, never a sheet held whole", () => {
  test("the sample ranked: streamed sheets write every part as their whole rows do", async () => {
    const outcome = rankWorkbookStreamed(sampleGrids(), { now: NOW });
    expect(outcome.sheets.filter((s) => "eachRow" in s).map((s) => s.key)).toEqual([
      "ranking",
      "individuals",
      "details",
    ]);
    const a = await openXlsx(base);
    const b = await openXlsx(base);
    await writePackageSheets(a, outcome.sheets);
    await writePackageSheets(b, outcome.sheets.map(materialize));
    const pa = parts(await packXlsx(a));
    const pb = parts(await packXlsx(b));
    expect(Object.keys(pa)).toEqual(Object.keys(pb));
    for (const name of Object.keys(pb)) expect([name, pa[name]]).toEqual([name, pb[name]]);
    // And what the other hosts take is what rankWorkbook gives.
    expect(outcome.sheets.map(materialize)).toEqual(rankWorkbook(sampleGrids(), { now: NOW }).sheets);
  });

  test("a big sheet goes to the deflater in pieces of at most a megabyte, while its rows are still being made", async () => {
    const rows: OutputValue[][] = [["名次", "社区", "姓名"]];
    for (let i = 1; i <= 60_000; i++) rows.push([i, `社区${i % 40}`, `人员${i}`]);
    const counter = { made: 0 };
    // Each part's pieces as the deflater got them, with how many rows had been made by then.
    const parts: { first: string; pieces: { bytes: number; made: number }[] }[] = [];
    const recording: DeflaterFactory = () => {
      const inner = fflateDeflater();
      const part: (typeof parts)[number] = { first: "", pieces: [] };
      parts.push(part);
      return {
        push: (bytes) => {
          if (part.pieces.length === 0) part.first = new TextDecoder().decode(bytes.subarray(0, 200));
          part.pieces.push({ bytes: bytes.length, made: counter.made });
          inner.push(bytes);
        },
        end: () => inner.end(),
      };
    };
    const sheet = streamed(rows, counter);
    const { xml } = await written(sheet, recording);
    const pieces = parts.find((p) => p.first.includes("<worksheet"))?.pieces ?? [];
    expect(pieces.length).toBeGreaterThan(4);
    expect(Math.max(...pieces.map((p) => p.bytes))).toBeLessThanOrEqual(PIECE_MAX);
    // The first piece left before a fifth of the rows were made: the XML is never whole.
    expect(pieces[0].made).toBeLessThan(rows.length / 5);
    expect(counter.made).toBe(rows.length);
    // The same bytes as the whole rows write.
    const whole = await written(materialize(streamed(rows)));
    expect(xml).toBe(whole.xml);
    expect(xml).toContain(`<dimension ref="A1:C${rows.length}"/>`);
  });

  test("refused: a sheet that yields another number of rows than it announced is an error, not a wrong file", async () => {
    const rows: OutputValue[][] = [["a"], ["b"], ["c"]];
    const liar = { ...streamed(rows), rowCount: 5 };
    await expect(writePackageSheets(await openXlsx(base), [liar])).rejects.toThrow(
      /明细: 3 rows made, 5 announced/
    );
    expect(() => materialize(liar)).toThrow(/3 rows made, 5 announced/);
  });

  test("edge: a sheet of no rows is an empty sheetData over A1", async () => {
    const { xml } = await written(streamed([]));
    expect(xml).toContain(`<dimension ref="A1:C1"/>`);
    expect(xml).toContain(`<sheetData></sheetData>`);
  });

  test("property: every number is written as JavaScript writes it (whole, two decimals, any double)", async () => {
    const special = [0, -0, 1, -1, 0.1 + 0.2, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER];
    const more = [1e21, -1e21, 5e-7, 1e-7, 1e13 - 0.01, -1e13 + 0.01, 1e13, 99999999999999.98, 0.05, 100.5];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100),
            fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 100),
            fc.maxSafeInteger(),
            fc.constantFrom(...special, ...more)
          ),
          { minLength: 1, maxLength: 200 }
        ),
        async (values) => {
          const { xml } = await written(streamed(values.map((v) => [v])));
          const got = valuesOf(xml);
          values.forEach((v, i) => expect([v, got.get(i + 1)?.v]).toEqual([v, `${v}`]));
        }
      ),
      { numRuns: 25 }
    );
  });

  test("edge: a number that is not finite is written as text, as before", async () => {
    const { xml } = await written(streamed([[NaN], [Infinity], [1]]));
    const got = valuesOf(xml);
    expect(got.get(1)?.type).toBe(' t="s"');
    expect(got.get(2)?.type).toBe(' t="s"');
    expect(got.get(3)).toEqual({ type: "", v: "1" });
  });

  test("a column's repeated text is one shared string, each cell still counted (count, uniqueCount)", async () => {
    const texts = ["甲", "甲", "乙", "甲", 5, "甲", "", "乙"];
    const pkg = await openXlsx(base);
    const head = (xml: string | null) => /<sst\b[^>]*>/.exec(xml ?? "")?.[0];
    const before = head(pkg.parts.text("xl/sharedStrings.xml"));
    const count = (tag: string | undefined, attr: string) =>
      Number(new RegExp(`${attr}="(\\d+)"`).exec(tag ?? "")?.[1] ?? 0);
    await writePackageSheets(pkg, [streamed(texts.map((t) => [t]))]);
    const sst = pkg.parts.text("xl/sharedStrings.xml") ?? "";
    const after = /<sst\b[^>]*>/.exec(sst)?.[0];
    const strings = texts.filter((t) => typeof t === "string" && t !== "").length;
    expect(count(after, "count") - count(before, "count")).toBe(strings);
    expect(count(after, "uniqueCount") - count(before, "uniqueCount")).toBe(2);
    const table = [...sst.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    const got = valuesOf(sheetText(pkg, "明细"));
    texts.forEach((t, i) => {
      const cell = got.get(i + 1);
      if (typeof t === "number") expect(cell).toEqual({ type: "", v: "5" });
      else if (t === "") expect(cell).toBeUndefined();
      else expect(table[Number(cell?.v)]).toBe(t);
    });
  });
});

describe("规则 §8 计分明细: staff rows in the order of their rows, people of one row in rank order", () => {
  const ctxOf = (input: ReportContext["input"]): ReportContext => ({
    now: NOW,
    locale: "zh-CN",
    input,
    rules: defaultRules(),
    sheetNames: {},
    names: {},
  });

  test("property: rows close together, far apart (10^9) and repeated", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            row: fc.oneof(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 1e9 })),
            score: fc.integer({ min: 600, max: 1000 }),
          }),
          { maxLength: 40 }
        ),
        (staff) => {
          const input = simpleInput({ 甲社区: 80, 乙社区: 70 });
          input.staff = staff.map((p, i) => ({
            row: p.row,
            name: `人员${i}`,
            community: i % 2 ? "甲社区" : "乙社区",
            score: Exact.int(p.score).div(Exact.int(10)),
          }));
          const result = assess(input, defaultRules());
          const sheet = detailsSheet(result, ctxOf(input));
          const shown = sheet.rows.slice(sheet.rows.length - staff.length).map((r) => r[3]);
          // The rule: a stable sort of the ranked people by row.
          const expected = [...result.individuals].sort((a, b) => a.row - b.row).map((p) => p.name);
          expect(shown).toEqual(expected);
          expect(sheet.rows.length).toBe(
            2 + result.details.length + 2 + (staff.length > 0 ? 1 + staff.length : 0)
          );
        }
      ),
      { numRuns: 120 }
    );
  });
});
