import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { median } from "./timing";

/**
 * The command line's start-up (issue 13 §4): `npm run --silent scorecard -- rank` on the built-in
 * sample against `npm --version`, the two measured alternately in the same run so that a busy
 * machine slows both alike. npm's own start is in both figures.
 */
const RUNS = 7;
const ROOT = resolve(__dirname, "..");

function wall(cmd: string, args: string[]): number {
  const t = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (p.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} failed: ${(p.stderr || p.stdout).split("\n")[0]}`);
  return ms;
}

export async function benchCli(): Promise<string[]> {
  const rank = ["run", "--silent", "scorecard", "--", "rank"];
  wall("npm", rank); // first use may build the compiled CLI: not timed
  const npm: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    npm.push(wall("npm", ["--version"]));
    cli.push(wall("npm", rank));
  }
  const n = median(npm);
  const c = median(cli);
  return [
    `  npm --version                          median ${(n / 1000).toFixed(2)} s`,
    `  npm run --silent scorecard -- rank     median ${(c / 1000).toFixed(2)} s  (sample, ${RUNS} runs alternating)`,
    `  ratio scorecard rank / npm --version   ${(c / n).toFixed(1)}×  (goal ≤ 3×; issue 13 baseline 6.6×)`,
  ];
}
