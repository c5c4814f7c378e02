import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../src/cli/main";
import { sampleWorkbookBytes } from "../src/cli/sample";
import { median } from "./timing";

/**
 * Issue 9's bar: "a 32,767-character name costs ≤ 2 s more than a short one". `rank` with its
 * text table (the part that was quadratic) on the sample, against the sample with one community's
 * name made 32,767 characters everywhere it appears; medians of RUNS in-process runs each.
 */
const RUNS = 5;
const LONG = 32_767;

async function withLongName(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await sampleWorkbookBytes()) as unknown as ArrayBuffer);
  const from = "西城社区";
  const to = "西".repeat(LONG - 2) + "社区";
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.includes(from))
          cell.value = cell.value.split(from).join(to);
      })
    );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function rankMs(file: string, extra: string[]): Promise<number[]> {
  const quiet = { out: () => undefined, err: () => undefined };
  const out: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const code = await run(["rank", file, ...extra], quiet);
    if (code !== 0) throw new Error(`rank exited ${code} on ${file}`);
    if (i > 0) out.push(performance.now() - t); // the first run warms up
  }
  return out;
}

export async function benchLongName(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-long-"));
  try {
    const short = join(dir, "sample.xlsx");
    const long = join(dir, "long.xlsx");
    writeFileSync(short, await sampleWorkbookBytes());
    writeFileSync(long, await withLongName());
    const s = median(await rankMs(short, []));
    const l = median(await rankMs(long, []));
    const sj = median(await rankMs(short, ["--json"]));
    const lj = median(await rankMs(long, ["--json"]));
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    return [
      `  rank (text), sample                     median ${ms(s)}`,
      `  rank (text), one name 32,767 chars      median ${ms(l)}  → costs ${ms(l - s)} more (goal ≤ 2,000 ms; was 63–71 s)`,
      `  rank --json, sample / one long name     median ${ms(sj)} / ${ms(lj)}  → ${ms(lj - sj)} more`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
