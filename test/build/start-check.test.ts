/**
 * `npm start -- --check`: the built add-in can be served and its key files fetched over HTTP(S)
 * — what Office will ask the server for. Needs `npm run build` (npm test runs it first).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

test("npm start -- --check --no-build serves taskpane.html, functions.json and office.js from dist/", () => {
  if (!existsSync(join(ROOT, "dist", "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` before jest (`npm test` does).");
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "start.mjs"), "--check", "--no-build"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
    timeout: 300000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect({ status: run.status, output }).toEqual({ status: 0, output: expect.stringMatching(/^OK /m) });
});
