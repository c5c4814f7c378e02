import { existsSync } from "fs";
import { join } from "path";
import { benchBundle } from "./bundle";
import { benchCli } from "./cli";
import { benchEngine } from "./engine";
import { benchExplain } from "./explain";

/**
 * npm run bench: prints figures and ratios (medians, measured in this run) — never a pass/fail,
 * since these machines are noisy. Parts written by other modules join when present.
 */
type Part = () => Promise<string[]>;

async function optionalPart(file: string, exportName: string): Promise<Part | null> {
  const path = join(__dirname, `${file}.ts`);
  if (!existsSync(path)) return null;
  const mod = (await import(path)) as Record<string, Part | undefined>;
  return mod[exportName] ?? null;
}

async function main(): Promise<void> {
  const parts: [string, Part | null][] = [
    ["engine", benchEngine],
    ["xlsx host (rank --out)", await optionalPart("xlsx", "benchXlsx")],
    ["Office.js host (sync count)", await optionalPart("office", "benchOffice")],
    ["pane bundle (what Excel loads first)", benchBundle],
    ["command line start-up", benchCli],
    ["explain (whatif)", benchExplain],
    [
      "hostile files and 1,000,000 staff rows (CLI, child processes)",
      await optionalPart("hostile", "benchHostile"),
    ],
    ["a 32,767-character name (rank)", await optionalPart("long-name", "benchLongName")],
    ["standalone page vs command line (issue 23)", await optionalPart("page", "benchPage")],
    ["compare two 200,000-record workbooks", await optionalPart("compare", "benchCompare")],
  ];
  for (const [name, part] of parts) {
    console.log(`== ${name}`);
    if (!part) {
      console.log("  (not built yet)");
      continue;
    }
    for (const line of await part()) console.log(line);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
