import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";

/**
 * The input sheets print on A4 too (issue 22 §11): in the template and the sample the CLI writes,
 * every input sheet has paper size 9 (A4), fits one page wide, repeats its header row and turns
 * landscape where its columns are wider than portrait holds. Read back from the file's own XML
 * with JSZip, not through the writer's code.
 */

const quiet: Io = { out: () => undefined, err: () => undefined };

/** Each worksheet's XML by tab name, and the workbook's defined names. */
async function sheetsOf(file: string): Promise<{ xml: Map<string, string>; names: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1],
      /Target="([^"]+)"/.exec(m[0])?.[1],
    ])
  );
  const xml = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const part = (target.get(id) ?? "").replace(/^\/?(xl\/)?/, "xl/");
    xml.set(name, await text(part));
  }
  return { xml, names: /<definedNames>[\s\S]*<\/definedNames>/.exec(workbook)?.[0] ?? "" };
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

describe("input sheets print on A4, one page wide, landscape where wide", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-input-print-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(["template", "sample"])(
    "%s: paperSize 9, fit to one page wide, header row repeated",
    async (command) => {
      const file = path.join(dir, `${command}.xlsx`);
      expect(await run([command, file], quiet)).toBe(0);
      const { xml, names } = await sheetsOf(file);
      const seen: Record<string, string | undefined> = {};
      for (const key of INPUT_SHEETS) {
        const name = SHEETS[key].zh;
        const sheet = xml.get(name) ?? "";
        const setup = /<pageSetup\b[^>]*>/.exec(sheet)?.[0] ?? "";
        expect({ name, paperSize: attr(setup, "paperSize"), fitToWidth: attr(setup, "fitToWidth") }).toEqual({
          name,
          paperSize: "9",
          fitToWidth: "1",
        });
        expect({ name, fitToPage: /<pageSetUpPr\b[^>]*fitToPage="1"/.test(sheet) }).toEqual({
          name,
          fitToPage: true,
        });
        expect(names).toMatch(
          new RegExp(`_xlnm\\.Print_Titles"[^>]*>(?:'|&apos;)?${name}(?:'|&apos;)?!\\$1:\\$1<`)
        );
        seen[name] = attr(setup, "orientation");
      }
      // Wide sheets (more columns than portrait A4 holds at full size) turn; narrow ones stay upright.
      expect(seen).toMatchObject({
        社区: "portrait",
        基础宣传: "portrait",
        宣传报道: "landscape",
        工作要点: "landscape",
      });
    }
  );
});
