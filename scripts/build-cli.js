// Compiles the command line (src/cli/main.ts and what it imports) into one CommonJS file,
// dist/cli/scorecard.js, with esbuild: `npm run scorecard` then starts plain JavaScript instead
// of transpiling TypeScript at every start. Packages stay in node_modules (required at run time),
// so ExcelJS is loaded only by the commands that import it.
//   node scripts/build-cli.js     build now (npm run build does this)
//   ensureCli()                   build only when the file is missing or older than a source
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist", "cli", "scorecard.js");
// Everything the bundle is made of: a change to any of these makes it stale.
const SOURCES = ["src", "package.json", "package-lock.json", "tsconfig.json", __filename];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function buildCli() {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // Written beside the target and renamed: two processes building at once never read half a file.
  const tmp = `${OUT}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "error",
    legalComments: "none",
  });
  fs.renameSync(tmp, OUT);
  return OUT;
}

/** The compiled command line's path, built first when missing or stale. */
function ensureCli() {
  const built = fs.statSync(OUT, { throwIfNoEntry: false });
  if (built && built.mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(path.resolve(ROOT, s)))))
    return OUT;
  return buildCli();
}

module.exports = { buildCli, ensureCli, CLI_BUNDLE: OUT };

if (require.main === module) buildCli();
