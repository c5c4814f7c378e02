import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { Io } from "../src/cli/output";
import { openXlsx, packageGrids, packXlsx, writePackageSheets } from "../src/hosts/xlsx";
import { inputSheet } from "../src/workbook/pipeline";
import { OutputValue } from "../src/workbook/types";
import { zlibDeflater } from "../src/cli/deflate";
import { zlibChecksum, zlibInflater } from "../src/cli/inflate";
import { median } from "./timing";
import { inputWorkbook } from "./xlsx";

/**
 * `compare` at scale (the rules in docs/规则.md §10): two 200,000-record workbooks that differ in
 * 1 % of their records, against one `rank --json` of one of them, in this run, in-process. The aim
 * is compare ≤ 2.5× rank: it reads and assesses both files and diffs their records by identity
 * (one hash map, linear).
 */
const RUNS = 3;

/** The bench workbook with every 100th staff row's score changed (1 % of the records). */
async function editedWorkbook(bytes: Uint8Array): Promise<{ bytes: Uint8Array; changed: number }> {
  const pkg = await openXlsx(bytes, zlibDeflater, zlibInflater, zlibChecksum);
  const grids = await packageGrids(pkg);
  const staff = grids.find((g) => g.name === "人员");
  if (!staff) throw new Error("bench workbook without 人员");
  const body = staff.values.slice(1).map((r) => [...r] as OutputValue[]);
  const total = grids.reduce((n, g) => n + Math.max(0, g.values.length - 1), 0);
  const changed = Math.floor(total / 100);
  for (let i = 0; i < changed && i * 3 < body.length; i++) body[i * 3][2] = Number(body[i * 3][2]) + 0.5;
  await writePackageSheets(pkg, [inputSheet("staff", body)]);
  return { bytes: await packXlsx(pkg), changed };
}

const quiet: Io = { out: () => undefined, err: () => undefined };

async function timed(args: string[]): Promise<{ ms: number; code: number }> {
  const t0 = performance.now();
  const code = await run(args, quiet);
  return { ms: performance.now() - t0, code };
}

export async function benchCompare(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-compare-"));
  try {
    const before = join(dir, "before.xlsx");
    const after = join(dir, "after.xlsx");
    const bytes = await inputWorkbook();
    writeFileSync(before, bytes);
    const edited = await editedWorkbook(bytes);
    writeFileSync(after, edited.bytes);
    const rank: number[] = [];
    const compare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      rank.push((await timed(["rank", before, "--json"])).ms);
      const c = await timed(["compare", before, after, "--json"]);
      if (c.code !== 0) throw new Error(`compare exited ${c.code}`);
      compare.push(c.ms);
    }
    const r = median(rank);
    const c = median(compare);
    return [
      `  200,000 records, ${edited.changed.toLocaleString("en")} changed (1 %), ${RUNS} runs, medians:`,
      `  rank --json (one file)      ${(r / 1000).toFixed(2)} s`,
      `  compare --json (two files)  ${(c / 1000).toFixed(2)} s  = ${(c / r).toFixed(2)}× rank (aim ≤ 2.5×)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  benchCompare().then(
    (l) => console.log(l.join("\n")),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    }
  );
