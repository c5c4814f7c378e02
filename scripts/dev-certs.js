// TLS options for the local server (webpack serve and scripts/start.mjs): the localhost
// certificate of office-addin-dev-certs, which Office trusts once its CA is installed.
// Installing may ask for the sudo password, so it runs in a child process that can talk to the
// terminal and cannot hang forever. Returns null when no certificate can be had (e.g. no sudo);
// callers then serve plain http and say so — Office needs https, the browser preview does not.
const fs = require("fs");
const { spawnSync } = require("child_process");

// The child prints the PEMs as JSON on stdout; the library's own chatter goes to stderr.
const CHILD = `
console.log = console.error;
require("office-addin-dev-certs").getHttpsServerOptions().then(
  (o) => process.stdout.write(JSON.stringify({ ca: String(o.ca), cert: String(o.cert), key: String(o.key) })),
  (e) => { console.error(String((e && e.message) || e)); process.exit(1); });`;

function warn(why) {
  console.warn(
    `\n[certs] WARNING: no https certificate (${why}).\n` +
      "[certs] Serving plain http: the browser preview works, but Excel will not load the add-in.\n" +
      "[certs] Fix: run `npx office-addin-dev-certs install` (needs sudo/admin), then start again.\n"
  );
}

/** Certificates already made by office-addin-dev-certs, without installing anything. */
function existingCertificates() {
  const d = require("office-addin-dev-certs/lib/defaults");
  try {
    const read = (p) => fs.readFileSync(p, "utf8");
    return {
      ca: read(d.caCertificatePath),
      cert: read(d.localhostCertificatePath),
      key: read(d.localhostKeyPath),
    };
  } catch {
    return null;
  }
}

/**
 * @param {{ install?: boolean }} [options] install=false (used by `start --check`) never touches
 *   the trust store: it takes existing certificates or falls back to http.
 * @returns {{ ca: string, cert: string, key: string } | null}
 */
function devCertificates({ install = true } = {}) {
  if (process.env.HTTPS === "0") return null; // explicit opt-out
  if (!install) {
    const certs = existingCertificates();
    if (!certs) warn("none made yet and --check does not install them");
    return certs;
  }
  const result = spawnSync(process.execPath, ["-e", CHILD], {
    cwd: __dirname,
    stdio: ["inherit", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 180000,
  });
  if (result.status === 0) {
    try {
      return JSON.parse(result.stdout);
    } catch {
      /* fall through to the warning */
    }
  }
  const lines = (result.stderr || (result.error && result.error.message) || "unknown error")
    .trim()
    .split("\n");
  warn(lines[lines.length - 1]);
  return null;
}

module.exports = { devCertificates };
