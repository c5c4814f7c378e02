import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { openXlsx, packageGrids, packXlsx, writePackageSheets } from "../src/hosts/xlsx";
import { assess, defaultRules, Exact, LEVEL_CHOICES_ZH } from "../src/scoring";
import { inputSheet, rankWorkbookStreamed, readWorkbook } from "../src/workbook/pipeline";
import { InputSheetKey, SHEETS } from "../src/workbook/schema";
import { settingsRows } from "../src/workbook/settings";
import { OutputValue } from "../src/workbook/types";
import { zlibDeflater } from "../src/cli/deflate";
import { zlibChecksum, zlibInflater } from "../src/cli/inflate";
import { rng } from "./data";
import { median } from "./timing";

/**
 * The .xlsx host at scale (task §4): a workbook of 2,000 communities and 200,000 records goes
 * through read (open the package + grids), validate + score (rankWorkbookStreamed), and write (the
 * generated sheets made as they are written into the package + save), exactly as `rank --out` does. Each run is a fresh child process, so its peak RSS (maxRSS) is the
 * peak of that run alone; three runs, medians per phase.
 */

const COMMUNITIES = 2000;
const RECORDS = 200_000;
const RUNS = 3;

/** Builds the input workbook as .xlsx bytes: communities, targets, basic publicity, then the bonus records and staff. */
export async function inputWorkbook(): Promise<Uint8Array> {
  const r = rng(7);
  const names = Array.from({ length: COMMUNITIES }, (_, i) => `社区${String(i + 1).padStart(4, "0")}`);
  const pick = () => names[Math.floor(r() * names.length)];
  const levels = LEVEL_CHOICES_ZH;
  const level = () => levels[Math.floor(r() * levels.length)];
  const yes = (p: number) => (r() < p ? "是" : "否");
  const tenth = (max: number) => Math.floor(r() * max * 10) / 10;
  const lines = defaultRules().lines;

  const rows = (key: InputSheetKey, n: number, make: (i: number) => Record<string, OutputValue>) =>
    Array.from({ length: n }, (_, i) => {
      const cells = make(i);
      return SHEETS[key].columns.map((c) => cells[c.key] ?? null);
    });
  const fixed = COMMUNITIES * 3;
  const rest = RECORDS - fixed;
  const honors = Math.floor(rest * 0.2);
  const publicity = Math.floor(rest * 0.3);
  const contributions = Math.floor(rest * 0.2);
  const staff = rest - honors - publicity - contributions;

  const rules = defaultRules();
  rules.bonusPool = Exact.int(10_000_000);
  rules.year = 2024;
  const sheets = [
    inputSheet(
      "communities",
      rows("communities", COMMUNITIES, (i) => ({ name: names[i], type: i % 6 === 5 ? "村改居" : "社区" }))
    ),
    inputSheet(
      "targets",
      rows("targets", COMMUNITIES, (i) => ({
        community: names[i],
        foundation: tenth(20),
        service: tenth(20),
        culture: tenth(15),
        environment: tenth(15),
        brand: tenth(15),
        admin: tenth(15),
      }))
    ),
    inputSheet(
      "honors",
      rows("honors", honors, (i) => ({
        community: pick(),
        honor: `荣誉${i % 50}`,
        level: level(),
        lineDept: yes(0.2),
        docNo: `文〔2024〕${i}号`,
        approved: yes(0.9),
      }))
    ),
    inputSheet(
      "basicPublicity",
      rows("basicPublicity", COMMUNITIES, (i) => ({ community: names[i], score: 1 + (i % 5) }))
    ),
    inputSheet(
      "publicity",
      rows("publicity", publicity, (i) => ({
        communities: r() < 0.1 ? `${pick()}、${pick()}` : pick(),
        title: `报道${i}`,
        level: level(),
        authorIsStaff: yes(0.95),
      }))
    ),
    inputSheet(
      "contributions",
      rows("contributions", contributions, () => ({
        community: pick(),
        line: lines[Math.floor(r() * lines.length)],
        points: 1 + Math.floor(r() * 4),
        leaderAgreed: yes(0.9),
      }))
    ),
    inputSheet(
      "staff",
      rows("staff", staff, (i) => ({
        name: `人员${i}`,
        community: pick(),
        score: 60 + Math.floor(r() * 400) / 10,
      }))
    ),
    inputSheet("settings", settingsRows(rules)),
  ];
  // Written by another program (ExcelJS), values only: the product's own writer is not what reads are measured on.
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) wb.addWorksheet(sheet.name).addRows(sheet.rows);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

interface ChildResult {
  readMs: number;
  scoreMs: number;
  writeMs: number;
  totalMs: number;
  maxRssMiB: number;
  recordsMs: number;
  engineMs: number;
  ok: boolean;
  rows: number;
}

/** One run of `rank --out`, split in phases; prints its figures as JSON. */
async function child(input: string, output: string): Promise<void> {
  const t0 = performance.now();
  const pkg = await openXlsx(readFileSync(input), zlibDeflater, zlibInflater, zlibChecksum);
  const grids = await packageGrids(pkg);
  const t1 = performance.now();
  // As `rank --out` does: 排名, 先进个人 and 计分明细 are made as they are written (write phase).
  const outcome = rankWorkbookStreamed(grids, { now: new Date() });
  const t2 = performance.now();
  await writePackageSheets(pkg, outcome.sheets);
  writeFileSync(output, await packXlsx(pkg));
  const t3 = performance.now();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  // Apart, after the run: how much of validate + score is reading records and how much the engine.
  const t4 = performance.now();
  const read = readWorkbook(grids);
  const t5 = performance.now();
  assess(read.input, read.rules);
  const t6 = performance.now();
  const result: ChildResult = {
    readMs: t1 - t0,
    scoreMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    maxRssMiB,
    recordsMs: t5 - t4,
    engineMs: t6 - t5,
    ok: outcome.ok,
    rows: grids.reduce((a, g) => a + Math.max(0, g.values.length - 1), 0),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchXlsx(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
  try {
    const made = performance.now();
    const bytes = await inputWorkbook();
    const input = join(dir, "in.xlsx");
    writeFileSync(input, bytes);
    const madeMs = performance.now() - made;
    const runs: ChildResult[] = [];
    const tsx = resolve(__dirname, "../node_modules/.bin/tsx");
    for (let i = 0; i < RUNS; i++) {
      const p = spawnSync(tsx, [__filename, "--child", input, join(dir, `out${i}.xlsx`)], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (p.status !== 0) return [`  child run failed: ${(p.stderr || p.stdout).split("\n")[0]}`];
      runs.push(JSON.parse(p.stdout.trim().split("\n").pop() ?? "{}") as ChildResult);
    }
    const m = (k: keyof ChildResult) => median(runs.map((x) => Number(x[k])));
    const peak = Math.max(...runs.map((x) => x.maxRssMiB));
    return [
      `  input: ${COMMUNITIES} communities, ${runs[0].rows} rows, ${(bytes.length / 1048576).toFixed(1)} MiB .xlsx (built in ${fmt(madeMs)}, not timed)`,
      `  read (load + grids)       median ${fmt(m("readMs"))}  (goal ≈ 1 s, issue 13 §5; quiet-machine baseline 5.1 s)`,
      `  validate + score + rank   median ${fmt(m("scoreMs"))}  (ok=${runs[0].ok}; of which reading records ${fmt(m("recordsMs"))} (baseline ≈ 1 s), engine assess() ${fmt(m("engineMs"))})`,
      `  write (sheets + save)     median ${fmt(m("writeMs"))}  (goal ≤ 1.2 s, the sheets made as they are written; issue 13 §5 baseline 3.9 s + their models under validate)`,
      `  whole rank --out          median ${fmt(m("totalMs"))}  (goal ≤ 4 s; issue 13 baseline 9.4 s)`,
      `  peak RSS                  max ${peak.toFixed(0)} MiB over ${RUNS} runs  (goal ≤ 600 MiB; issue 13 baseline 529 MiB)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--make") {
  inputWorkbook().then((bytes) => writeFileSync(process.argv[3], bytes));
} else if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4]).catch((e: unknown) => {
    process.stderr.write((e instanceof Error ? e.message : String(e)) + "\n");
    process.exit(1);
  });
} else if (require.main === module) {
  benchXlsx().then(
    (lines) => console.log(lines.join("\n")),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    }
  );
}
