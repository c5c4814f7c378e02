import { strFromU8, strToU8 } from "fflate";
import { openXlsx, UnreadableWorkbookError } from "../../src/hosts/xlsx";
import { readSharedStringsAsync, SharedStringsPart } from "../../src/hosts/xlsx/ooxml/shared-strings";
import { SstScan } from "../../src/hosts/xlsx/ooxml/sst-scan";
import { FALLBACK } from "../../src/hosts/xlsx/ooxml/xml-stream";
import { SHARED, sampleParts, utf16le, zip } from "./corpus";

/**
 * 规则 §7.2 (issue 13 §5): the shared-strings table's entries are read by a scanner made for
 * them (sst-scan.ts), which hands anything it does not read back to the XML parser. Each table
 * below is read both ways — with the scanner, and by the parser alone — and gives the same
 * entries (texts, and which are formatted), or the same one-line refusal.
 */

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const OPEN = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">`;

type Read = { texts: string[]; formatted: number[] } | { refused: string };

async function read(part: Uint8Array, scan: boolean): Promise<Read> {
  const parts = await sampleParts();
  parts[SHARED] = part;
  try {
    const table: SharedStringsPart = await readSharedStringsAsync(await openXlsx(zip(parts)), scan);
    return { texts: table.texts, formatted: [...table.formatted].sort((a, b) => a - b) };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { refused: e.words.en };
    throw e;
  }
}

async function bothWays(part: Uint8Array): Promise<Read> {
  const fast = await read(part, true);
  expect(fast).toEqual(await read(part, false));
  return fast;
}

const table = (body: string) => strToU8(HEAD + OPEN + body + `</sst>`);

describe("规则 §7.2 shared strings read by the scanner or the XML parser: the same table", () => {
  const spellings: [string, string, string[]][] = [
    ["plain entries", `<si><t>东门社区</t></si><si><t>B</t></si>`, ["东门社区", "B"]],
    [
      "the five predefined entities",
      `<si><t>A&amp;B &lt;1&gt; &quot;q&quot; &apos;a&apos;</t></si>`,
      [`A&B <1> "q" 'a'`],
    ],
    ["a character reference (read by the parser)", `<si><t>&#x4E1C;&#38;门</t></si>`, ["东&门"]],
    ["xml:space and white space kept", `<si><t xml:space="preserve">  两头空格  </t></si>`, ["  两头空格  "]],
    ["OOXML's _xHHHH_ escapes", `<si><t>a_x000D_b_x005F_x0041_</t></si>`, ["a\rb_x0041_"]],
    [
      "rich text runs (read by the parser)",
      `<si><r><rPr><b/></rPr><t>东</t></r><r><t xml:space="preserve">门 </t></r></si><si><t>X</t></si>`,
      ["东门 ", "X"],
    ],
    [
      "a phonetic run (read by the parser)",
      `<si><t>東門</t><rPh sb="0" eb="2"><t>トウモン</t></rPh><phoneticPr fontId="1"/></si>`,
      ["東門"],
    ],
    // The parser's reading of CDATA (its text is not taken) is kept as it was: only the same either way is asked.
    ["CDATA (read by the parser, as it always was)", `<si><t><![CDATA[a<b]]></t></si>`, [""]],
    [
      "a comment between entries (read by the parser)",
      `<si><t>a</t></si><!-- c --><si><t>b</t></si>`,
      ["a", "b"],
    ],
    [
      "white space and line breaks between entries",
      `\n  <si><t>a</t></si>\n\t<si><t>b</t></si>\n`,
      ["a", "b"],
    ],
    ["CR LF within a text (read by the parser)", `<si><t>a\r\nb</t></si>`, ["a\nb"]],
    ["empty entries (read by the parser)", `<si/><si><t/></si><si><t></t></si>`, ["", "", ""]],
    ["a lone ] and > in a text", `<si><t>[1] > ]] x</t></si>`, ["[1] > ]] x"]],
    ["another attribute on <t> (read by the parser)", `<si><t foo="1">a</t></si>`, ["a"]],
  ];

  test.each(spellings)("%s", async (_, body, texts) => {
    const out = await bothWays(table(body));
    expect("texts" in out && out.texts).toEqual(texts);
  });

  test("rich text and phonetic entries are formatted, plain ones not, either way", async () => {
    const out = await bothWays(
      table(
        `<si><t>a</t></si><si><r><t>b</t></r></si><si><t>c</t><rPh sb="0" eb="1"><t>x</t></rPh></si><si/>`
      )
    );
    expect("formatted" in out && out.formatted).toEqual([1, 2, 3]);
  });

  test("a prefix on every element (x:sst) reads the same", async () => {
    const xml =
      HEAD +
      `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">` +
      `<x:si><x:t>东门</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>`;
    const out = await bothWays(strToU8(xml));
    expect("texts" in out && out.texts).toEqual(["东门", "b"]);
  });

  test("a UTF-16 table reads the same", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${OPEN}<si><t>东门</t></si></sst>`;
    const out = await bothWays(utf16le(xml));
    expect("texts" in out && out.texts).toEqual(["东门"]);
  });

  test("the sample's own table reads the same", async () => {
    const parts = await sampleParts();
    const out = await bothWays(parts[SHARED]);
    expect("texts" in out && out.texts.length).toBeGreaterThan(10);
  });

  const broken: [string, string][] = [
    ["an undeclared entity", `<si><t>a&nbsp;b</t></si></sst>`],
    ["]]> in a text", `<si><t>a]]>b</t></si></sst>`],
    ["a character XML forbids", `<si><t>a\u0001b</t></si></sst>`],
    ["no closing </sst>", `<si><t>a</t></si>`],
    ["an entry never closed", `<si><t>a</t>`],
    ["text after </sst>", `<si><t>a</t></si></sst>junk`],
    ["a second root after </sst>", `<si><t>a</t></si></sst><sst/>`],
    ["a mismatched end tag", `<si><t>a</t></sx></sst>`],
  ];

  test.each(broken)("damage is refused in the same words either way: %s", async (_, body) => {
    const out = await bothWays(strToU8(HEAD + OPEN + body));
    expect(out).toHaveProperty("refused");
  });
});

describe("规则 §7.2 the scanner alone", () => {
  const body = `<si><t>东门社区</t></si>\n<si><t xml:space="preserve"> a&amp;b </t></si><si><t>x</t></si></sst>\n`;

  const scanned = (pieces: string[]) => {
    const texts: string[] = [];
    const scan = new SstScan((t) => texts.push(t));
    scan.begin("sst");
    for (const p of pieces) scan.text(p);
    scan.end();
    return texts;
  };

  test("reads plain entries without falling back, split into pieces anywhere", () => {
    const whole = scanned([body]);
    expect(whole).toEqual(["东门社区", " a&b ", "x"]);
    for (let i = 1; i < body.length; i++) expect(scanned([body.slice(0, i), body.slice(i)])).toEqual(whole);
  });

  test("the sample's table is read by the scanner, not handed back to the parser", async () => {
    const xml = strFromU8((await sampleParts())[SHARED]);
    const open = /<sst\b[^>]*>/.exec(xml);
    if (!open) throw new Error("no <sst> in the sample");
    const texts = scanned([xml.slice(open.index + open[0].length)]);
    expect(texts.length).toBeGreaterThan(10);
  });

  test.each([
    ["a prefixed table", "x:sst", "<x:si><x:t>a</x:t></x:si></x:sst>"],
    ["a rich entry", "sst", "<si><r><t>a</t></r></si></sst>"],
    ["a comment", "sst", "<!-- c --></sst>"],
    ["text after the table", "sst", "</sst>x"],
    ["a table that never ends", "sst", "<si><t>a</t></si>"],
  ])("hands %s back to the parser (FALLBACK)", (_, tag, text) => {
    const scan = new SstScan(() => undefined);
    let thrown: unknown = null;
    try {
      scan.begin(tag);
      scan.text(text);
      scan.end();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(FALLBACK);
  });
});
