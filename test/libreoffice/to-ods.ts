import { spawnSync } from "node:child_process";
import * as path from "node:path";

/**
 * Converts .xlsx files to .ods in `dir/ods` with LibreOffice headless and a private profile in
 * `dir/profile` (so a user's own LibreOffice settings or a running instance play no part), and
 * expects it to succeed without a word of error or repair. Returns the .ods paths, in order.
 */
export function toOds(soffice: string, dir: string, files: readonly string[]): string[] {
  return convertTo(soffice, dir, files, "ods");
}

/** `toOds` to another format LibreOffice writes ("pdf"): into `dir/<format>`, the paths in order. */
export function convertTo(soffice: string, dir: string, files: readonly string[], format: string): string[] {
  const run = spawnSync(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--convert-to",
      format,
      "--outdir",
      path.join(dir, format),
      ...files,
    ],
    { encoding: "utf8", timeout: 100_000 }
  );
  expect(run.status).toBe(0);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/error|repair|corrupt/i);
  return files.map((f) => path.join(dir, format, path.basename(f).replace(/\.xlsx$/, `.${format}`)));
}
