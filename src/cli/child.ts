import { spawn } from "node:child_process";

/**
 * Runs a program (LibreOffice) in a process group of its own, so that when it runs past its time,
 * or this command is interrupted, the whole group goes: `soffice` is a script that starts
 * `soffice.bin`, and killing the script alone would leave the converter running. (On Windows,
 * which has no process groups, the program itself is killed.)
 */

export interface ChildEnd {
  /** The exit code; null when it was killed or could not start. */
  code: number | null;
  stderr: string;
  /** It ran past the time allowed and was killed. */
  timedOut: boolean;
  /** This command was interrupted (Ctrl-C, kill) and killed it. */
  interrupted: boolean;
  /** Why it could not start (ENOENT, EACCES…), or "". */
  startError: string;
}

/** What of its stderr is kept: the first line is what a message quotes. */
const STDERR_KEPT = 64 * 1024;
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export function runInOwnGroup(file: string, args: readonly string[], timeoutMs: number): Promise<ChildEnd> {
  return new Promise((resolve) => {
    const group = process.platform !== "win32";
    const child = spawn(file, args, {
      detached: group,
      windowsHide: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let timedOut = false;
    let interrupted = false;
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.toString();
    });
    const killAll = () => {
      if (child.pid === undefined) return;
      try {
        if (group) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, timeoutMs);
    // Its group is not the terminal's: a Ctrl-C reaches only this process, which passes it on.
    const onSignal = () => {
      interrupted = true;
      killAll();
    };
    for (const s of SIGNALS) process.on(s, onSignal);
    let settled = false;
    const end = (code: number | null, startError: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of SIGNALS) process.off(s, onSignal);
      resolve({ code, stderr, timedOut, interrupted, startError });
    };
    child.on("error", (e: NodeJS.ErrnoException) => end(null, e.code ?? e.message));
    child.on("close", (code) => end(code, ""));
  });
}
