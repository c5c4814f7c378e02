import { strFromU8 } from "fflate";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { openXlsx, packageGrids, UnreadableWorkbookError } from "../../src/hosts/xlsx";
import { validateWorkbook } from "../../src/workbook/pipeline";
import { edited, ODD_FILES, sampleParts, SHARED, storedZip, strictParts, TARGETS, zip } from "./corpus";

/**
 * 规则 §6 and §7.2: the CLI (the package reader) and the browser preview (XlsxHost, on the same
 * reader since issue 23) give the same verdict on the same file — refused as unreadable by both, or the
 * same issues at the same cells. The corpus is odd files made in the test; before issue 9 the
 * preview read "0x12" as 0, an empty <v> as a blank, a UTF-16 part not at all, and a duplicated
 * entry from its last copy, while the CLI read them otherwise.
 */

type Verdict = { unreadable: true } | { issues: string[] };

function verdictOf(run: () => Promise<ReturnType<typeof validateWorkbook>>): Promise<Verdict> {
  return run().then(
    (issues) => ({
      issues: issues.map((i) => `${i.severity} ${i.sheet} ${i.cell ?? i.row ?? ""} ${i.message.en}`),
    }),
    (e: unknown) => {
      if (e instanceof UnreadableWorkbookError) return { unreadable: true } as const;
      throw e;
    }
  );
}

const cliVerdict = (bytes: Uint8Array) =>
  verdictOf(async () => validateWorkbook(await packageGrids(await openXlsx(bytes))));

const previewVerdict = (bytes: Uint8Array) =>
  verdictOf(async () => {
    const host = XlsxHost.withSample();
    await host.open(bytes.slice().buffer, "odd.xlsx");
    return validateWorkbook((await host.read()).grids);
  });

/** Further odd files that both readers read (not damage): the verdicts must still agree. */
const READABLE_ODDITIES: { name: string; bytes: () => Promise<Uint8Array> }[] = [
  { name: "the sample as it is", bytes: async () => zip(await sampleParts()) },
  {
    name: "the sample as a zip of stored (uncompressed) entries",
    bytes: async () => storedZip(await sampleParts()),
  },
  { name: "the sample as a Strict Open XML workbook", bytes: async () => zip(await strictParts()) },
  {
    name: "a number as text in a number column",
    bytes: () =>
      edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2" t="inlineStr"><is><t>１８</t></is></c>'),
  },
  {
    name: "an error value in a number cell",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2" t="e"><v>#N/A</v></c>'),
  },
  {
    name: "a formula without a cached value",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><f>1+1</f></c>'),
  },
  {
    name: "a formula with its cached value",
    bytes: () => edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><f>9+9</f><v>18</v></c>'),
  },
  {
    name: "rich text and a phonetic run in a shared string",
    bytes: async () => {
      const xml = strFromU8((await sampleParts())[SHARED]);
      const from = /<si><t>东门社区<\/t><\/si>/;
      if (!from.test(xml)) throw new Error("corpus: 东门社区 not in the shared strings");
      return edited(
        SHARED,
        from,
        "<si><r><t>东门</t></r><r><rPr><b/></rPr><t>社区</t></r><rPh><t>ドン</t></rPh></si>"
      );
    },
  },
  {
    name: "an XML entity and an _x000D_ escape in a name",
    bytes: () => edited(SHARED, /<t>东门社区<\/t>/, "<t>东门&amp;社区_x000D_</t>"),
  },
  {
    name: "a blank row and a cell without r",
    bytes: () => edited(TARGETS, '<c r="C2">', "<c>"),
  },
];

describe("规则 §6/§7.2 the CLI and the preview agree on every odd file", () => {
  test.each([...ODD_FILES, ...READABLE_ODDITIES].map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    const bytes = await f.bytes();
    const cli = await cliVerdict(bytes);
    expect(await previewVerdict(bytes)).toEqual(cli);
  });

  test("the corpus is not trivial: it holds refusals, located errors and clean reads", async () => {
    const verdicts = await Promise.all(ODD_FILES.map(async (f) => cliVerdict(await f.bytes())));
    expect(verdicts.filter((v) => "unreadable" in v).length).toBeGreaterThanOrEqual(7);
    expect(verdicts.filter((v) => "issues" in v && v.issues.some((i) => i.startsWith("error"))).length).toBe(
      3
    );
  });
});
