// Paths shared by start.mjs and stop.mjs. The pid file lives in the temp dir (not dist/, which a
// build wipes) and is named after this checkout, so two checkouts never stop each other's server.
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
export const DEV_URL = "https://localhost:3000";
export const PID_FILE = join(
  tmpdir(),
  `community-scorecard-${createHash("sha1").update(ROOT).digest("hex").slice(0, 8)}.pid`
);
