import { strFromU8, strToU8 } from "fflate";
import { openXlsx, packageGrids, writePackageSheets } from "../../src/hosts/xlsx";
import { zlibDeflater } from "../../src/cli/deflate";
import { OutputValue, StreamedSheet } from "../../src/workbook/types";
import { sampleParts, SHARED, zip } from "./corpus";

/**
 * 规则 §6 writing into a workbook keeps every byte of the input: the shared-strings table of the
 * input is streamed into the output (sst-write.ts), its counts brought up to date and the
 * generated sheets' new texts appended before its closing tag — whatever its prefix, its form
 * (`<sst/>`) or its size. Nothing else in it changes.
 */

function sheetOf(texts: readonly OutputValue[]): StreamedSheet {
  return {
    key: "details",
    name: "明细",
    headerRow: 0,
    numberFormats: ["@"],
    widths: [10],
    highlight: [],
    freezeRows: 0,
    rowCount: texts.length,
    rowWidth: 1,
    *eachRow() {
      for (const t of texts) yield [t];
    },
  };
}

/** The sample with its table rewritten by `edit`; the table as written after a sheet of `texts`. */
async function tableAfter(edit: (sst: string) => string, texts: readonly OutputValue[], read = true) {
  const parts = await sampleParts();
  const before = edit(strFromU8(parts[SHARED]));
  parts[SHARED] = strToU8(before);
  const pkg = await openXlsx(zip(parts), zlibDeflater);
  // Without reading (the sample's sheets point into the table an edit emptied): no tab is a generated one.
  if (read) await packageGrids(pkg);
  else pkg.firstCells = new Map();
  const existing = pkg.sharedStrings?.texts.length ?? 0;
  await writePackageSheets(pkg, [sheetOf(texts)]);
  return { before, after: pkg.parts.text(SHARED) ?? "", existing };
}

const headOf = (xml: string) => /<(?:\w+:)?sst\b[^>]*>/.exec(xml)?.[0] ?? "";
const attr = (tag: string, name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(tag)?.[1]);

describe("规则 §6 .xlsx package: the shared-strings table streams into the output, new texts appended", () => {
  test("the sample's table: counts up to date, the new texts before </sst>, every other byte as it was", async () => {
    const { before, after, existing } = await tableAfter(
      (x) => x,
      ["新文本一", "东门社区", "新文本一", " 两边有空格 "]
    );
    const oldHead = headOf(before);
    const newHead = headOf(after);
    expect(attr(newHead, "count")).toBe(attr(oldHead, "count") + 4);
    expect(attr(newHead, "uniqueCount")).toBe(existing + 2);
    const added = `<si><t>新文本一</t></si><si><t xml:space="preserve"> 两边有空格 </t></si>`;
    expect(after.replace(newHead, oldHead).replace(`${added}</sst>`, "</sst>")).toBe(before);
  });

  test("a prefixed table (x:sst) gets prefixed entries", async () => {
    const prefixed = (x: string) =>
      x
        .replace(/<sst xmlns=/, "<x:sst xmlns:x=")
        .replace(/<(\/?)(sst|si|t)\b/g, "<$1x:$2")
        .replace("<x:x:sst", "<x:sst");
    const { before, after } = await tableAfter(prefixed, ["新文本二"]);
    expect(before).toContain("<x:si>");
    expect(after.endsWith(`<x:si><x:t>新文本二</x:t></x:si></x:sst>`)).toBe(true);
    expect(after.replace(headOf(after), headOf(before)).replace(`<x:si><x:t>新文本二</x:t></x:si>`, "")).toBe(
      before
    );
  });

  test("edge: a table that closes itself (<sst/>) is opened to take the entries", async () => {
    const empty = (x: string) => x.replace(/<sst\b([^>]*)>[\s\S]*<\/sst>/, "<sst$1/>");
    const { before, after } = await tableAfter(empty, ["甲", "乙", "甲"], false);
    expect(before).toMatch(/<sst\b[^>]*\/>$/);
    expect(after).toMatch(
      /^<\?xml[^>]*\?>\s*<sst\b[^>]*\buniqueCount="2"><si><t>甲<\/t><\/si><si><t>乙<\/t><\/si><\/sst>$/
    );
  });

  test("a table bigger than a piece (a megabyte) streams through unchanged, the entries at its end", async () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `<si><t>人员${i}</t></si>`).join("");
    const grow = (x: string) =>
      x
        .replace(/uniqueCount="(\d+)"/, (_m, n: string) => `uniqueCount="${Number(n) + 60_000}"`)
        .replace("</sst>", `${many}</sst>`);
    const { before, after } = await tableAfter(grow, ["人员59999", "新文本三"]);
    expect(before.length).toBeGreaterThan(1 << 20);
    expect(
      after.replace(headOf(after), headOf(before)).replace(`<si><t>新文本三</t></si></sst>`, "</sst>")
    ).toBe(before);
  });
});
