/**
 * ARCHITECTURE "Floors": nothing imports upward, and lint says so. These tests run ESLint (its
 * Node API, with the repository's eslint.config.mjs) on one-line fixtures placed in each folder,
 * so a broken or loosened layering rule fails here, not in a review. ESLint loads its ESM config
 * with a dynamic import that Jest's module sandbox cannot run, hence one child `node` process
 * that lints every fixture and prints which were refused by `no-restricted-imports`.
 */
import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

interface Fixture {
  /** Where the fixture pretends to live (never written to disk). */
  file: string;
  code: string;
}

const LINT_SCRIPT = `
import { ESLint } from "eslint";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const f of JSON.parse(input)) {
  const [result] = await eslint.lintText(f.code, { filePath: f.file });
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

/** For each fixture, the no-restricted-imports messages ESLint gives (empty: allowed). */
function lint(fixtures: Fixture[]): string[][] {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(fixtures),
    encoding: "utf8",
    timeout: 300000,
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const imports = (file: string, from: string): Fixture => ({
  file,
  code: `import { x } from "${from}";\nexport const y = x;\n`,
});

// [case, fixture, refused?]
const CASES: [string, Fixture, boolean][] = [
  // scoring imports nothing of ours
  ["scoring → scoring (allowed)", imports("src/scoring/fixture.ts", "./exact"), false],
  ["scoring → workbook (refused)", imports("src/scoring/fixture.ts", "../workbook/types"), true],
  ["scoring → workplan (refused)", imports("src/scoring/fixture.ts", "../workplan"), true],
  // explain only scoring (it re-runs the engine; it never reads a workbook)
  ["explain → scoring (allowed)", imports("src/explain/fixture.ts", "../scoring"), false],
  ["explain → workbook (refused)", imports("src/explain/fixture.ts", "../workbook/schema"), true],
  ["scoring → explain (refused)", imports("src/scoring/fixture.ts", "../explain"), true],
  // workbook only scoring (and explain, pure and below it)
  ["workbook → explain (allowed)", imports("src/workbook/fixture.ts", "../explain"), false],
  ["workbook → scoring (allowed)", imports("src/workbook/fixture.ts", "../scoring"), false],
  ["workbook → workbook (allowed)", imports("src/workbook/fixture.ts", "./schema"), false],
  ["workbook → workplan (refused)", imports("src/workbook/fixture.ts", "../workplan/template"), true],
  ["workbook → hosts (refused)", imports("src/workbook/fixture.ts", "../hosts/xlsx"), true],
  // workplan only workbook / scoring
  ["workplan → workbook (allowed)", imports("src/workplan/fixture.ts", "../workbook/schema"), false],
  ["workplan → hosts (refused)", imports("src/workplan/fixture.ts", "../hosts/port"), true],
  ["workplan → taskpane (refused)", imports("src/workplan/fixture.ts", "../taskpane/controller"), true],
  // history (record identity, the diff) reads workbooks and scores them; never a host or a front door
  ["history → workbook (allowed)", imports("src/history/fixture.ts", "../workbook/sheet-reader"), false],
  ["history → explain (allowed)", imports("src/history/fixture.ts", "../explain"), false],
  ["history → hosts (refused)", imports("src/history/fixture.ts", "../hosts/xlsx"), true],
  ["history → cli (refused)", imports("src/history/fixture.ts", "../cli/errors"), true],
  ["workbook → history (refused)", imports("src/workbook/fixture.ts", "../history"), true],
  ["cli → history (allowed)", imports("src/cli/fixture.ts", "../history"), false],
  ["taskpane → history (allowed)", imports("src/taskpane/fixture.ts", "../history"), false],
  // hosts never taskpane or cli (a nested host folder climbs two floors)
  ["hosts → workplan (allowed)", imports("src/hosts/browser/fixture.ts", "../../workplan"), false],
  ["hosts → port (allowed)", imports("src/hosts/office/fixture.ts", "../port"), false],
  ["hosts → taskpane (refused)", imports("src/hosts/office/fixture.ts", "../../taskpane/handler"), true],
  ["hosts → cli (refused)", imports("src/hosts/xlsx/fixture.ts", "../../cli/errors"), true],
  // functions only scoring / workbook
  ["functions → scoring (allowed)", imports("src/functions/fixture.ts", "../scoring/exact"), false],
  ["functions → workplan (refused)", imports("src/functions/fixture.ts", "../workplan"), true],
  // the front doors never import one another
  ["taskpane → hosts (allowed)", imports("src/taskpane/fixture.ts", "../hosts/port"), false],
  ["taskpane → cli (refused)", imports("src/taskpane/fixture.ts", "../cli/errors"), true],
  ["cli → taskpane (refused)", imports("src/cli/fixture.ts", "../taskpane/i18n"), true],
  // edges: a re-export and a type-only import climb just the same; a package is not ours
  [
    "workbook re-exports workplan (refused)",
    {
      file: "src/workbook/fixture.ts",
      code: `export { workplanTemplateRows } from "../workplan/template";\n`,
    },
    true,
  ],
  [
    "workbook type-imports workplan (refused)",
    {
      file: "src/workbook/fixture.ts",
      code: `import type { WorkplanPoint } from "../workplan";\nexport type P = WorkplanPoint;\n`,
    },
    true,
  ],
  ["scoring → a package named like a folder (allowed)", imports("src/scoring/fixture.ts", "workbook"), false],
];

describe("ARCHITECTURE Floors: lint refuses an import that runs back up", () => {
  let results: string[][];
  beforeAll(() => {
    results = lint(CASES.map(([, f]) => f));
  });

  test.each(CASES.map(([name, , refused], i) => [name, refused, i] as const))("%s", (_name, refused, i) => {
    const messages = results[i];
    if (refused) expect(messages).toEqual([expect.stringContaining("Layering")]);
    else expect(messages).toEqual([]);
  });

  test("the refusal names the folder and what it may import", () => {
    const i = CASES.findIndex(([name]) => name === "workbook → workplan (refused)");
    expect(results[i][0]).toContain("src/workbook may import only src/scoring");
  });
});
