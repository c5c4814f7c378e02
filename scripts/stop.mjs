// `npm stop`: stops the server that `npm start` left running (its pid file) and, on Windows and
// macOS, unloads the sideloaded add-in from desktop Excel.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { PID_FILE, ROOT } from "./paths.mjs";

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`[stop] stopped the server (pid ${pid}).`);
  } catch (e) {
    console.log(`[stop] server pid ${pid} was not running (${e.code}).`);
  }
  try {
    unlinkSync(PID_FILE);
  } catch {
    /* the server removed it on exit */
  }
} else {
  console.log("[stop] no server started by `npm start` is running.");
}

if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}
