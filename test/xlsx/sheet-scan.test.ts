import { strFromU8, strToU8 } from "fflate";
import { openXlsx, packageGrids, UnreadableWorkbookError } from "../../src/hosts/xlsx";
import { CellSink, SheetScan } from "../../src/hosts/xlsx/ooxml/sheet-scan";
import { FALLBACK, STOP } from "../../src/hosts/xlsx/ooxml/xml-stream";
import { WorkbookGrids } from "../../src/workbook/types";
import { sampleParts, TARGETS, zip } from "./corpus";

/**
 * 规则 §7.2 (issue 13 §5): sheetData is read by a scanner made for it (sheet-scan.ts), which
 * hands anything it does not read back to the XML parser. The same sheet spelt otherwise in XML
 * reads the same; damage is refused in one line either way; pieces split anywhere read the same.
 */

async function gridsOf(bytes: Uint8Array): Promise<WorkbookGrids> {
  return packageGrids(await openXlsx(bytes));
}

/** The sample with 目标管理's sheetData rewritten by `edit` (the rest of the part as it was). */
async function respelt(edit: (sheetData: string) => string): Promise<Uint8Array> {
  const parts = await sampleParts();
  const xml = strFromU8(parts[TARGETS]);
  const m = /<sheetData>[\s\S]*<\/sheetData>/.exec(xml);
  if (!m) throw new Error("no sheetData in the sample's 目标管理");
  const next = xml.replace(m[0], edit(m[0]));
  if (next === xml) throw new Error("the edit changed nothing");
  parts[TARGETS] = strToU8(next);
  return zip(parts);
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await gridsOf(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return e.words.en;
    throw e;
  }
  throw new Error("read without complaint");
}

const target = (grids: WorkbookGrids) => grids.find((g) => g.name === "目标管理")?.values;

describe("规则 §7.2 sheetData read by the scanner or the XML parser: the same grids", () => {
  const spellings: [string, (s: string) => string][] = [
    ["white space and line breaks between rows and cells", (s) => s.replace(/<(row|c) /g, "\n  <$1 ")],
    ["attributes in single quotes, spaced around =", (s) => s.replace(/ r="([A-Z]*\d+)"/g, " r = '$1' ")],
    [
      "attributes in another order",
      (s) => s.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s">/g, '<c t="s"$2 r="$1">'),
    ],
    ["a comment between rows (read by the parser)", (s) => s.replace("<row ", "<!-- a note --><row ")],
    ["CR LF line breaks (read by the parser)", (s) => s.replace(/<row /g, "\r\n<row ")],
    [
      "a character reference in a value (read by the parser)",
      (s) => s.replace(/<v>1(\d*)<\/v>/, "<v>&#x31;$1</v>"),
    ],
    ["an extLst in a row (read by the parser)", (s) => s.replace("</row>", "<extLst/></row>")],
    [
      "self-closing empty cells and rows",
      (s) =>
        s
          .replace("</row>", '<c r="Z1" s="0"/></row>')
          .replace("</sheetData>", '<row r="1048576"/></sheetData>'),
    ],
  ];

  test.each(spellings)("%s", async (_, edit) => {
    const plain = await gridsOf(zip(await sampleParts()));
    const other = await gridsOf(await respelt(edit));
    expect(other).toEqual(plain);
  });

  test("a namespace prefix on every element reads the same", async () => {
    const parts = await sampleParts();
    const xml = strFromU8(parts[TARGETS])
      .replace(/<(\/?)(?!\?)([A-Za-z][\w]*)/g, "<$1x:$2")
      .replace(/xmlns="/, 'xmlns:x="');
    parts[TARGETS] = strToU8(xml);
    expect(target(await gridsOf(zip(parts)))).toEqual(target(await gridsOf(zip(await sampleParts()))));
  });

  test("entities in a formula and an inline string are read as their characters", async () => {
    const bytes = await respelt((s) =>
      s.replace(
        '<c r="G2"><v>13</v></c></row>',
        '<c r="G2"><v>13</v></c><c r="X2" t="inlineStr"><is><t>R&amp;D &lt;1&gt;</t></is></c><c r="Y2"><f>A2&amp;"x"</f></c></row>'
      )
    );
    const row = target(await gridsOf(bytes))?.[1] ?? [];
    expect(row[23]).toBe("R&D <1>");
    expect(row[24]).toEqual({ formula: 'A2&"x"' });
  });

  test.each([
    ["an attribute written twice", (s: string) => s.replace(/<c r="B2"/, '<c r="B2" r="B2"')],
    ["an end tag that does not match", (s: string) => s.replace(/<\/v><\/c>/, "</c></v>")],
    ["a value holding <", (s: string) => s.replace(/<v>(\d+)<\/v>/, "<v>1 < 2</v>")],
    ["an undeclared entity", (s: string) => s.replace(/<v>(\d+)<\/v>/, "<v>&nbsp;</v>")],
    ["the part cut inside sheetData", (s: string) => s.replace(/<\/row><\/sheetData>/, "")],
  ])("damage is refused in one line: %s", async (_, edit) => {
    const line = await refusal(await respelt(edit));
    expect(line).toMatch(/damaged|not valid XML/);
    expect(line).not.toContain("\n");
  });
});

/** A sink that writes down what the scanner tells it. */
function recorder(): { sink: CellSink; log: string[] } {
  const log: string[] = [];
  let inRow = false;
  const sink: CellSink = {
    betweenRows: () => !inRow,
    row: (r) => ((inRow = true), log.push(`row ${r}`)),
    cell: (r, t, s) => log.push(`c ${r} ${t} ${s}`),
    value: (v) => log.push(`v ${v}`),
    formula: (f) => log.push(`f ${f}`),
    inline: () => log.push("is"),
    inlineText: (t) => log.push(`t ${t}`),
    endCell: () => log.push("/c"),
    endRow: () => ((inRow = false), log.push("/row")),
    endData: () => {
      log.push("/sheetData");
      throw STOP;
    },
  };
  return { sink, log };
}

/** Feeds `pieces` to a fresh scanner: what it told, and how it ended. */
function scan(pieces: string[]): { log: string[]; ended: "stop" | "fallback" | "open" } {
  const { sink, log } = recorder();
  const scanner = new SheetScan(sink);
  scanner.begin("sheetData");
  try {
    for (const p of pieces) scanner.text(p);
    scanner.end();
  } catch (e) {
    if (e === STOP) return { log, ended: "stop" };
    if (e === FALLBACK) return { log, ended: "fallback" };
    throw e;
  }
  return { log, ended: "open" };
}

describe("规则 §7.2 the sheetData scanner: strict, and the same whatever the pieces", () => {
  const DATA =
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>1.5</v></c>' +
    '<c r="C1"><f>B1*2</f><v>3</v></c></row><row r="2"/>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c r="B3"/>' +
    "<c r = 'C3' t=\"str\"><f/><v></v></c></row></sheetData><after/>";

  test("it reads rows, cells, values, formulas and inline strings in document order", () => {
    const { log, ended } = scan([DATA]);
    expect(ended).toBe("stop");
    expect(log).toEqual([
      "row 1",
      "c A1 s undefined",
      "v 0",
      "/c",
      "c B1 undefined 2",
      "v 1.5",
      "/c",
      "c C1 undefined undefined",
      "f B1*2",
      "v 3",
      "/c",
      "/row",
      "row 2",
      "/row",
      "row 3",
      "c A3 inlineStr undefined",
      "is",
      "t  x ",
      "/c",
      "c B3 undefined undefined",
      "/c",
      "c C3 str undefined",
      "f ",
      "v ",
      "/c",
      "/row",
      "/sheetData",
    ]);
  });

  test("split into two pieces at any point, it tells the same", () => {
    const whole = scan([DATA]);
    for (let i = 1; i < DATA.length; i++) expect(scan([DATA.slice(0, i), DATA.slice(i)])).toEqual(whole);
  });

  test("one character at a time, it tells the same", () => {
    expect(scan([...DATA])).toEqual(scan([DATA]));
  });

  test.each([
    ["a comment", '<row r="1"><!-- x --></row>'],
    ["a processing instruction", '<row r="1"><?pi x?></row>'],
    ["CDATA", '<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>'],
    ["a character reference", '<row r="1"><c r="A1"><v>&#49;</v></c></row>'],
    ["a carriage return", '<row r="1">\r\n</row>'],
    ["a control character", '<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001</t></is></c></row>'],
    ["text between cells", '<row r="1">x<c r="A1"/></row>'],
    ["an element it does not know", '<row r="1"><c r="A1"><extLst/></c></row>'],
    [
      "rich text in an inline string",
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>',
    ],
    ["an attribute twice", '<row r="1" r="1"></row>'],
    ["attributes without space between", '<row r="1"spans="1:1"></row>'],
    ["a tab in an attribute value", '<row r="1\t"></row>'],
    ["an end tag of another element", '<row r="1"></c></row>'],
    ["a cell outside a row", '<c r="A1"/>'],
    ["another prefix", '<x:row r="1"></x:row>'],
    ["the end of the part inside sheetData", '<row r="1">'],
  ])("what it does not read goes to the parser: %s", (_, text) => {
    expect(scan([text]).ended).toBe("fallback");
  });
});
