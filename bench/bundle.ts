import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * What taskpane.html makes the browser load before first paint (issue 13 §1): every <script src>
 * of dist/taskpane.html except office.js, in kilobytes of minified JavaScript. Chunks loaded on
 * demand (the preview) are listed apart, as is the standalone single-file page.
 */
const DIST = join(__dirname, "..", "dist");
const GOAL_KB = 450;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchBundle(): Promise<string[]> {
  const page = join(DIST, "taskpane.html");
  if (!existsSync(page)) return ["  dist/taskpane.html missing: run npm run build"];
  const html = readFileSync(page, "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
  const entry = srcs.filter((s) => !/office(\.debug)?\.js$/.test(s) && !/^https?:/.test(s));
  const lines: string[] = [];
  let total = 0;
  for (const s of entry) {
    const size = statSync(join(DIST, s)).size;
    total += size;
    lines.push(`  entry ${s.padEnd(34)} ${kb(size)}`);
  }
  lines.push(
    `  loaded before first paint in Excel    ${kb(total)}  (goal ≤ ${GOAL_KB} KB; issue 13 baseline 1,639 KB)`
  );
  const onDemand = readdirSync(DIST).filter((f) => f.endsWith(".js") && !entry.includes(f));
  for (const f of onDemand) lines.push(`  on demand ${f.padEnd(30)} ${kb(statSync(join(DIST, f)).size)}`);
  lines.push(
    "  (in Excel the first paint is the waiting state; the pane chunk and the chunks it shares with the preview follow once Office.onReady answers)"
  );
  const standalone = join(DIST, "standalone", "社区考核助手.html");
  lines.push(
    existsSync(standalone)
      ? `  standalone/社区考核助手.html            ${kb(statSync(standalone).size)} (one file: scripts, styles, sample)`
      : "  standalone/社区考核助手.html            not built"
  );
  return lines;
}
