import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newWorkbookBytes, openXlsx, packXlsx, writePackageSheets } from "../src/hosts/xlsx";
import { inputSheet, sampleSheets } from "../src/workbook/pipeline";
import { SHEETS } from "../src/workbook/schema";
import { workplanTemplateRows } from "../src/workplan";
import { edited, TARGETS, zipBomb } from "../test/xlsx/corpus";
import { median } from "./timing";

/**
 * Issue 9's bars: any file of up to 20 MB gets an answer (a result or a one-line refusal) in
 * ≤ 60 s and ≤ 1.5 GB peak RSS — zip bombs and huge addresses included —, and a workbook of
 * 1,000,000 staff rows ranks in ≤ 1 GB. Each figure is `scorecard validate` / `rank --out` of the
 * compiled command line in a fresh child process (its maxRSS is that run's peak alone); medians of RUNS.
 */

const RUNS = 3;
const STAFF_ROWS = 1_000_000;

interface ChildResult {
  ms: number;
  maxRssMiB: number;
  code: number;
  line: string;
}

/**
 * One CLI command in a fresh `node`, run exactly as `npm run scorecard` runs it (the compiled
 * dist/cli/scorecard.js and its runAsProcess: output to the pipes, exit code set), no TypeScript
 * loader in the measured process. Plain JavaScript given to `node -e`: on exit it leaves its time
 * and peak RSS (maxRSS: this process alone) as JSON in the file BENCH_RESULT names.
 */
const CHILD = `
const t0 = performance.now();
process.on("exit", () => {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  require("fs").writeFileSync(process.env.BENCH_RESULT, JSON.stringify({ ms: performance.now() - t0, maxRssMiB }));
});
require(process.argv[1]).runAsProcess(process.argv.slice(2));
`;

/** The compiled command line, built first when missing or older than the sources (as `npm run scorecard` does). */
function compiledCli(): string {
  const build = require("../scripts/build-cli.js") as { ensureCli: () => string };
  return build.ensureCli();
}

function measure(args: string[], runs = RUNS): ChildResult[] | string {
  const cli = compiledCli();
  const dir = mkdtempSync(join(tmpdir(), "bench-child-"));
  const out: ChildResult[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const result = join(dir, `run${i}.json`);
      const p = spawnSync(process.execPath, ["-e", CHILD, cli, ...args], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
        env: { ...process.env, BENCH_RESULT: result },
      });
      if (!existsSync(result) || p.status === null)
        return `child died (exit ${p.status ?? p.signal}): ${(p.stderr || p.stdout).split("\n")[0]}`;
      const figures = JSON.parse(readFileSync(result, "utf8")) as Pick<ChildResult, "ms" | "maxRssMiB">;
      out.push({ ...figures, code: p.status, line: p.stderr.trim().split("\n")[0] ?? "" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const mib = (n: number) => `${n.toFixed(0)} MiB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function line(
  label: string,
  size: number,
  r: ChildResult[] | string,
  goalMs: number,
  goalMiB: number
): string {
  if (typeof r === "string") return `  ${label.padEnd(34)} ${r}`;
  const ms = median(r.map((x) => x.ms));
  const rss = Math.max(...r.map((x) => x.maxRssMiB));
  const answer = r[0].code === 2 ? `exit 2: ${r[0].line.slice(0, 60)}…` : `exit ${r[0].code}`;
  return (
    `  ${label.padEnd(34)} ${(size / 1048576).toFixed(1).padStart(5)} MB  median ${sec(ms)} (goal ≤ ${sec(goalMs)})` +
    `  peak RSS ${mib(rss)} (goal ≤ ${mib(goalMiB)})  ${answer}`
  );
}

/** The sample's input sheets, with the staff sheet replaced by `rows` generated people. */
async function staffWorkbook(rows: number): Promise<Uint8Array> {
  const sample = sampleSheets(workplanTemplateRows()).filter((s) => s.key !== "staff");
  const pkg = await openXlsx(await newWorkbookBytes(sample));
  const list = sample.find((s) => s.key === "communities");
  const communities = (list?.rows ?? []).slice((list?.headerRow ?? 0) + 1).map((r) => String(r[0]));
  const staff = Array.from({ length: rows }, (_, i) => {
    const cells: Record<string, string | number> = {
      name: `人员${i}`,
      community: communities[i % communities.length],
      score: 60 + (i % 400) / 10,
    };
    return SHEETS.staff.columns.map((c) => cells[c.key] ?? null);
  });
  await writePackageSheets(pkg, [inputSheet("staff", staff)]);
  return packXlsx(pkg);
}

export async function benchHostile(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  const lines: string[] = [];
  try {
    const files: [string, () => Promise<Uint8Array>][] = [
      ["zip bomb → 400 MB (honest dir)", () => zipBomb(400 << 20, "comments", true)],
      ["zip bomb → 400 MB (dir claims 1 KB)", () => zipBomb(400 << 20, "comments", false)],
      ["zip bomb → 1 GB of spaces", () => zipBomb(1 << 30, "spaces", true)],
      ["zip bomb → 190 MB (under the part cap)", () => zipBomb(190 << 20, "comments", true)],
      [
        'row r="1000000000"',
        () =>
          edited(
            TARGETS,
            "</sheetData>",
            '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'
          ),
      ],
      [
        "cell ZZZZZZ20",
        () => edited(TARGETS, "</sheetData>", '<row r="20"><c r="ZZZZZZ20"><v>1</v></c></row></sheetData>'),
      ],
    ];
    for (const [label, make] of files) {
      const file = join(dir, "hostile.xlsx");
      writeFileSync(file, await make());
      lines.push(line(label, statSync(file).size, measure(["validate", file]), 60_000, 1536));
    }
    lines.push(line("/dev/zero", 0, measure(["validate", "/dev/zero"]), 60_000, 1536));
    const big = join(dir, "staff.xlsx");
    writeFileSync(big, await staffWorkbook(STAFF_ROWS));
    lines.push(
      line(
        `rank --out, ${STAFF_ROWS.toLocaleString("en")} staff rows`,
        statSync(big).size,
        // --force: each of the runs writes the same out.xlsx (without it the second would be refused).
        measure(["rank", big, "--out", join(dir, "out.xlsx"), "--force"]),
        60_000,
        1024
      )
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[2] === "--child") {
  // One measured run of the compiled command line, by hand: `--child rank staff.xlsx --out o.xlsx`.
  const r = measure(process.argv.slice(3), 1);
  console.log(typeof r === "string" ? r : JSON.stringify(r[0]));
} else if (process.argv[2] === "--make-staff") {
  staffWorkbook(Number(process.argv[4] ?? STAFF_ROWS)).then((b) => writeFileSync(process.argv[3], b));
} else if (require.main === module) {
  benchHostile().then(
    (l) => console.log(l.join("\n")),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    }
  );
}
