import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { columnLetters } from "../../src/workbook/cells";
import { templateSheets } from "../../src/workbook/pipeline";
import { SHEETS } from "../../src/workbook/schema";
import { workplanTemplateRows } from "../../src/workplan";
import { cliTemplate, previewTemplate } from "../xlsx/template-files";
import { all, parseXml } from "../xlsx/xml-tree";
import { toOds } from "./to-ods";

/**
 * Issue 9: the template's input tables are kept by LibreOffice. It opens the CLI's template and
 * the preview's (headless), saves each as .ods, and every input sheet holds a database range — how
 * LibreOffice keeps an Excel table — under the table's name, over its header and rows, with its
 * filter buttons. Fails with a notice when soffice is absent (never skipped).
 */

const soffice = process.env.SOFFICE ?? "soffice";
const present = spawnSync(soffice, ["--version"], { encoding: "utf8" }).status === 0;
if (!present)
  console.log(
    "NOTICE: LibreOffice (soffice) not found — the tables check FAILS (install them: apt-get install libreoffice-calc poppler-utils). Install libreoffice-calc."
  );
const maybe = describe;

interface DatabaseRange {
  name: string;
  /** "社区.A1:社区.C2" → sheet 社区, A1:C2. */
  sheet: string;
  range: string;
  buttons: boolean;
}

async function databaseRanges(ods: string): Promise<DatabaseRange[]> {
  const zip = await JSZip.loadAsync(readFileSync(ods));
  const content = parseXml(await zip.file("content.xml")!.async("string"));
  return all(content, "table:database-range").map((r) => {
    const [from, to] = r.attrs["table:target-range-address"].split(":");
    const [sheet, a] = from.split(/\.(?=[^.]+$)/);
    const b = to.split(/\.(?=[^.]+$)/)[1];
    return {
      name: r.attrs["table:name"],
      sheet: sheet.replace(/^\$?'(.*)'$/, "$1").replace(/^\$/, ""),
      range: `${a}:${b}`.replace(/\$/g, ""),
      buttons: r.attrs["table:display-filter-buttons"] === "true",
    };
  });
}

maybe("Issue 9 — inputs as Excel Tables, kept by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-lo-tables-"));
  afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));

  test("the CLI's template and the preview's: one database range per input sheet, the table's name over its header and rows", async () => {
    if (!present) throw new Error("LibreOffice (soffice) is not installed");
    const files = [
      ["cli.xlsx", await cliTemplate()],
      ["preview.xlsx", await previewTemplate()],
    ] as const;
    for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
    toOds(
      soffice,
      dir,
      files.map(([name]) => path.join(dir, name))
    );

    const want = templateSheets(workplanTemplateRows())
      .map((s) => ({
        name: `KH_${SHEETS[s.key].en}`,
        sheet: s.name,
        range: `A1:${columnLetters(SHEETS[s.key].columns.length)}${Math.max(2, s.rows.length)}`,
        buttons: true,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(want).toHaveLength(10);
    for (const [name] of files) {
      const ranges = await databaseRanges(path.join(dir, "ods", name.replace(/\.xlsx$/, ".ods")));
      expect(ranges.sort((a, b) => a.name.localeCompare(b.name))).toEqual(want);
    }
  }, 150_000);
});
