import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, Page } from "playwright-core";
import { inputWorkbook } from "./xlsx";
import { median } from "./timing";

/**
 * Issue 23's goals, measured in one run: the standalone page (dist/standalone, one HTML file) in
 * headless chromium as the end-to-end run drives it — opening the bench workbook (2,000
 * communities, 200,000 records) through its file input and ranking it with the pane's button —
 * against the compiled command line's `validate` of the same file; the page's JS heap at its
 * peak while ranking (sampled every 50 ms through the DevTools protocol, so a short peak between
 * samples can be missed); the page's size; and `template` and `sample` on the command line.
 */

const ROOT = resolve(__dirname, "..");
const PAGE = join(ROOT, "dist", "standalone", "社区考核助手.html");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const RUNS = 3;
const TIMEOUT = 300_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;

/** Wall time of one compiled command line run (node dist/cli/scorecard.js …), as a person runs it. */
function cliMs(args: string[]): number {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [join(ROOT, "scripts", "scorecard.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  if (p.status !== 0 && p.status !== 1)
    throw new Error(`scorecard ${args[0]} exited ${p.status}: ${p.stderr}`);
  return ms;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pane"]')?.getAttribute("data-busy") === "false",
    null,
    { timeout: TIMEOUT, polling: 20 }
  );
}

interface PageRun {
  openMs: number;
  rankMs: number;
  peakHeap: number;
  /** The first community of the page's ranking (the run ranked the bench workbook, not the sample). */
  first: string;
}

/** One fresh page: open the file, rank it; the heap's peak sampled throughout. */
async function pageRun(file: string): Promise<PageRun> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(PAGE).href);
    await page.getByTestId("pane").waitFor({ timeout: TIMEOUT });
    await idle(page);
    const cdp = await page.context().newCDPSession(page);
    let peakHeap = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
        peakHeap = Math.max(peakHeap, usedSize);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t0 = performance.now();
    await page.getByTestId("file-input").setInputFiles(file);
    // Busy starts when the read starts; the file name shows when it is held.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="preview-file"]')?.textContent ?? "").includes("bench"),
      null,
      { timeout: TIMEOUT, polling: 20 }
    );
    await idle(page);
    const openMs = performance.now() - t0;
    const t1 = performance.now();
    await page.getByTestId("action-rank").click();
    await page.getByTestId("ranking-table").waitFor({ timeout: TIMEOUT });
    await idle(page);
    const rankMs = performance.now() - t1;
    sampling = false;
    await sampler;
    const first = (await page.getByTestId("ranking-name").first().innerText()).trim();
    return { openMs, rankMs, peakHeap, first };
  } finally {
    await browser.close();
  }
}

export async function benchPage(): Promise<string[]> {
  if (!existsSync(PAGE)) return ["  dist/standalone not built (npx webpack --mode production)"];
  if (!existsSync(CHROMIUM)) return [`  no chromium at ${CHROMIUM} (CHROMIUM_PATH)`];
  const dir = mkdtempSync(join(tmpdir(), "bench-page-"));
  try {
    const file = join(dir, "bench.xlsx");
    writeFileSync(file, await inputWorkbook());
    cliMs(["validate", file]); // compiles the command line when it is older than the sources (not timed)
    const validate = median(Array.from({ length: RUNS }, () => cliMs(["validate", file])));
    const runs: PageRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await pageRun(file));
    const open = median(runs.map((r) => r.openMs));
    const rank = median(runs.map((r) => r.rankMs));
    const heap = Math.max(...runs.map((r) => r.peakHeap));
    const template = median(
      Array.from({ length: RUNS }, (_, i) => cliMs(["template", join(dir, `t${i}.xlsx`)]))
    );
    const sample = median(Array.from({ length: RUNS }, (_, i) => cliMs(["sample", join(dir, `s${i}.xlsx`)])));
    const size = statSync(PAGE).size;
    return [
      `  bench workbook: ${(statSync(file).size / 1048576).toFixed(1)} MiB; page in headless chromium (${RUNS} fresh pages), CLI compiled (node)`,
      `  CLI validate              median ${seconds(validate)}`,
      `  page: open the file       median ${seconds(open)}  = ${(open / validate).toFixed(2)}× the CLI's validate (goal ≤ 2×; before issue 23 10.8–12.3 s)`,
      `  page: rank (button → table) median ${seconds(rank)}  (first place ${runs[0].first}; before issue 23 3.5 s)`,
      `  page: JS heap peak        max ${mib(heap)} over the runs, sampled every 50 ms (goal ≤ 400 MiB; before 636 MiB)`,
      `  standalone page           ${(size / 1000).toFixed(0)} KB as one file (goal ≤ 900 KB; before 1,697 KB)`,
      `  CLI template / sample     median ${seconds(template)} / ${seconds(sample)} (whole process)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchPage().then(
    (lines) => console.log(lines.join("\n")),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    }
  );
}
