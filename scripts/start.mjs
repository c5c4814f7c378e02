// `npm start`: build dist/ when it is missing or older than the sources, serve it on
// https://localhost:3000 until Ctrl-C, and open it: sideload into desktop Excel on Windows/macOS,
// print the upload steps for Excel on the web and open the browser preview on Linux.
//   --check    build, serve on a free port, fetch the key files, print OK and exit (CI, tests)
//   --no-build serve dist/ as it is (tests: never rebuild under a running jest)
//   --no-open  serve only: no sideloading, no browser (also under CI=true)
//   --port N   another port (Office only loads the manifest's port, 3000)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DEV_URL, DIST, PID_FILE, ROOT } from "./paths.mjs";
import { serveDist } from "./serve-dist.mjs";

const require = createRequire(import.meta.url);
const { devCertificates } = require("./dev-certs.js");

const args = process.argv.slice(2);
const check = args.includes("--check");
const open = !check && !args.includes("--no-open") && !process.env.CI;
const portArg = args.indexOf("--port");
const port =
  portArg >= 0 ? Number(args[portArg + 1]) : process.env.PORT ? Number(process.env.PORT) : check ? 0 : 3000;
const isWin = process.platform === "win32";

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
  let max = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) max = Math.max(max, newest(readdirSync(p).map((n) => join(p, n))));
    else max = Math.max(max, s.mtimeMs);
  }
  return max;
}

function buildIfNeeded() {
  const page = join(DIST, "taskpane.html");
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts", "package.json"].map((p) =>
    join(ROOT, p)
  );
  // A dist built with ADDIN_URL points elsewhere: rebuild for localhost.
  const forOtherHost =
    existsSync(join(DIST, "manifest.xml")) &&
    !readFileSync(join(DIST, "manifest.xml"), "utf8").includes(DEV_URL);
  if (existsSync(page) && statSync(page).mtimeMs >= newest(sources) && !forOtherHost) return;
  console.log("[start] building dist/ …");
  const env = { ...process.env };
  delete env.ADDIN_URL;
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env, shell: isWin });
  if (r.status !== 0) {
    console.error("[start] build failed — see the messages above.");
    process.exit(1);
  }
}

/** GETs a path from our own server (self-signed certificates accepted: it is a local check). */
function fetchLocal(base, path) {
  const client = base.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(base + path, { rejectUnauthorized: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`${path}: HTTP ${res.statusCode}`))
      );
    });
    req.on("error", reject);
    req.setTimeout(20000, () => req.destroy(new Error(`${path}: timeout`)));
  });
}

async function selfCheck(base) {
  const page = (await fetchLocal(base, "/taskpane.html")).toString();
  if (!page.includes("functions.js") || !page.includes("taskpane.js"))
    throw new Error("taskpane.html loads no bundles");
  const metadata = JSON.parse((await fetchLocal(base, "/functions.json")).toString());
  if (!Array.isArray(metadata.functions) || metadata.functions.length === 0)
    throw new Error("functions.json lists no functions");
  // The minified page may drop attribute quotes.
  const officeJsSrc = page.match(/<script[^>]*\ssrc=["']?([^"'\s>]*office\.js)/)?.[1];
  if (!officeJsSrc) throw new Error("taskpane.html does not load office.js");
  let officeJs = `office.js from ${officeJsSrc} (CDN build, not fetched)`;
  if (!/^https?:/.test(officeJsSrc)) {
    const bytes = (await fetchLocal(base, `/${officeJsSrc}`)).length;
    officeJs = `${officeJsSrc} (${Math.round(bytes / 1024)} KB)`;
  }
  console.log(
    `OK ${base}: taskpane.html, functions.json (${metadata.functions.length} functions), ${officeJs}`
  );
}

function sideloadOrExplain(base) {
  const preview = `${base}/taskpane.html`;
  if ((isWin || process.platform === "darwin") && open) {
    console.log("[start] sideloading into desktop Excel (office-addin-debugging) …");
    const child = spawn(
      "npx",
      [
        "office-addin-debugging",
        "start",
        "manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server-port",
        String(port),
        "--no-debug",
      ],
      { cwd: ROOT, stdio: "inherit", shell: isWin }
    );
    child.on(
      "exit",
      (code) =>
        code &&
        console.warn(`[start] sideloading failed (${code}); upload manifest.xml by hand (see README).`)
    );
    return;
  }
  console.log(
    [
      "",
      "Excel on the web: Insert → Add-ins → Upload My Add-in → choose dist/manifest.xml",
      "  (the server must stay running; the browser must trust the localhost certificate).",
      `Browser preview (outside Office, on the built-in sample workbook): ${preview}`,
      "",
    ].join("\n")
  );
  if (open && process.platform === "linux" && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
    try {
      const child = spawn("xdg-open", [preview], { stdio: "ignore", detached: true });
      child.on("error", () => {}); // no xdg-open: the printed URL is enough
      child.unref();
    } catch {
      /* never fail because a browser cannot be opened */
    }
  }
}

async function main() {
  if (!args.includes("--no-build")) buildIfNeeded();
  else if (!existsSync(join(DIST, "taskpane.html"))) {
    console.error("[start] dist/ is missing: run `npm run build` first.");
    process.exit(1);
  }
  const certs = devCertificates({ install: !check });
  let server;
  try {
    server = await serveDist({ root: DIST, port, certs });
  } catch (e) {
    if (e.code === "EADDRINUSE")
      console.error(
        `[start] port ${port} is in use — is another \`npm start\` running? Stop it with \`npm stop\`.`
      );
    else console.error(`[start] cannot serve dist/: ${e.message}`);
    process.exit(1);
  }
  const base = `${certs ? "https" : "http"}://localhost:${server.address().port}`;

  if (check) {
    try {
      await selfCheck(base);
      server.close();
      process.exit(0);
    } catch (e) {
      console.error(`[start] check failed: ${e.message}`);
      process.exit(1);
    }
  }

  writeFileSync(PID_FILE, String(process.pid));
  const cleanup = () => {
    try {
      if (readFileSync(PID_FILE, "utf8") === String(process.pid)) unlinkSync(PID_FILE);
    } catch {
      /* already gone */
    }
  };
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

  console.log(`[start] serving dist/ at ${base} — Ctrl-C (or \`npm stop\`) to stop.`);
  sideloadOrExplain(base);
}

main();
