import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

/**
 * Issue 13 §1–§2, on the BUILT files (npm test builds first): what Excel loads before the pane
 * shows holds no .xlsx code (the preview's host, ExcelJS, JSZip and the package writer come in
 * chunks loaded on demand outside Office), the custom functions come before the pane's script,
 * and the standalone page is one file that asks for nothing else.
 */
const DIST = path.resolve(__dirname, "../../dist");

function readDist(file: string): string {
  const at = path.join(DIST, file);
  if (!existsSync(at))
    throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(at, "utf8");
}

/** Strings only .xlsx package code carries: zip part names ExcelJS, JSZip and our writer use. */
// Strings only the package reader and writer hold (the parts of an .xlsx they name).
const XLSX_CODE = ["worksheets/", "sharedStrings", "[Content_Types].xml", "sheetData"];

describe("issue 13: the pane's bundles", () => {
  test("taskpane.html runs office.js, then the custom functions, then the pane (deferred scripts keep their order)", () => {
    const html = readDist("taskpane.html");
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    const src = scripts.map((s) => /\bsrc=("?)([^"\s>]+)\1/.exec(s)?.[2] ?? "");
    expect(src.map((s) => path.basename(s))).toEqual(["office.js", "functions.js", "taskpane.js"]);
    expect(scripts.slice(1).every((s) => /\bdefer\b/.test(s))).toBe(true);
  });

  test("what Excel loads first holds no .xlsx code; an on-demand chunk does", () => {
    for (const file of ["functions.js", "taskpane.js"]) {
      const code = readDist(file);
      for (const marker of XLSX_CODE)
        expect({ file, marker, found: code.includes(marker) }).toMatchObject({ found: false });
    }
    const chunks = readdirSync(DIST).filter(
      (f) => f.endsWith(".js") && f !== "taskpane.js" && f !== "functions.js"
    );
    expect(chunks.some((f) => XLSX_CODE.every((m) => readDist(f).includes(m)))).toBe(true);
  });

  test("what Excel parses before the first paint is the start only (≤ 450 KB): the pane comes in a chunk fetched after", () => {
    const entry = readDist("functions.js").length + readDist("taskpane.js").length;
    expect(entry).toBeLessThanOrEqual(450 * 1024);
    const start = readDist("taskpane.js");
    // The waiting state is in the first script; the pane's actions are not, but a chunk has them.
    expect(start.includes('"waiting"')).toBe(true);
    expect(start.includes('"action-rank"')).toBe(false);
    const chunks = readdirSync(DIST).filter((f) => /^pane\.[0-9a-f]+\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    const all = readdirSync(DIST).filter(
      (f) => f.endsWith(".js") && f !== "taskpane.js" && f !== "functions.js"
    );
    expect(all.some((f) => readDist(f).includes('"action-rank"'))).toBe(true);
  });

  test("the standalone page is one file: scripts inlined, nothing fetched from elsewhere", () => {
    const html = readDist(path.join("standalone", "社区考核助手.html"));
    // Booleans, not toMatch: a failure must not print 1.6 MB of page.
    expect(/<script\b[^>]*\bsrc=/.test(html)).toBe(false);
    const hrefs = [...html.matchAll(/<link\b[^>]*\bhref=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
    expect(hrefs.every((h) => h.startsWith("data:"))).toBe(true);
    expect(/@font-face|fonts\.googleapis|fonts\.gstatic/.test(html)).toBe(false); // system fonts only
    expect(XLSX_CODE.every((m) => html.includes(m))).toBe(true);
    expect(readdirSync(path.join(DIST, "standalone"))).toEqual(["社区考核助手.html"]);
  });
});
