import { constants, promises as fs, statSync, accessSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { msg } from "../scoring";
import { OutputSheet } from "../workbook/types";
import { CliError } from "./errors";
import { runInOwnGroup } from "./child";
import { writeOutFile } from "./files";

/**
 * `statement --pdf` (规则 §8): 成绩单 printed to PDF by LibreOffice headless — the reader that
 * honours the sheet's print setup (A4, one page wide, a page break after every community), so the
 * PDF has one page per community. LibreOffice runs with a private user profile in a temporary
 * folder (as test/libreoffice does): a LibreOffice the user has open, or another conversion running
 * beside this one, is never disturbed and never blocks it. Every temporary file goes afterwards.
 */

/**
 * How long one conversion may take, in seconds (a cold start of LibreOffice is ~5 s; a big 成绩单
 * more): 300, or `SOFFICE_TIMEOUT`. Past it LibreOffice is stopped, with everything it started.
 */
const CONVERT_TIMEOUT_S = 300;

export function convertTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.SOFFICE_TIMEOUT;
  if (given === undefined || given === "") return CONVERT_TIMEOUT_S * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new CliError(
      msg(
        `环境变量 SOFFICE_TIMEOUT=${given} 应为正的秒数（如 600）`,
        `SOFFICE_TIMEOUT=${given} must be a positive number of seconds (e.g. 600)`
      )
    );
  return seconds * 1000;
}

/** The LibreOffice that converts, and how long it may take. */
export interface Converter {
  soffice: string;
  timeoutMs: number;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `name` on the PATH (with Windows' extensions), or null. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const exts = process.platform === "win32" ? ["", ".exe", ".com"] : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (executable(file)) return file;
    }
  }
  return null;
}

/**
 * The soffice to run: `SOFFICE` when set (a path, or a name looked up on the PATH), else `soffice`
 * on the PATH. None: exit 2, in one line saying to install LibreOffice.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.SOFFICE;
  if (given !== undefined && given !== "") {
    const found =
      given.includes("/") || given.includes("\\") ? (executable(given) ? given : null) : onPath(given, env);
    if (found) return found;
    throw new CliError(
      msg(
        `--pdf 需要 LibreOffice：环境变量 SOFFICE=${given} 不是可运行的 soffice；请安装 LibreOffice（Debian/Ubuntu：apt install libreoffice-calc）或改正 SOFFICE`,
        `--pdf needs LibreOffice: SOFFICE=${given} is not a soffice that runs; install LibreOffice (Debian/Ubuntu: apt install libreoffice-calc) or correct SOFFICE`
      )
    );
  }
  const found = onPath("soffice", env);
  if (found) return found;
  throw new CliError(
    msg(
      "--pdf 需要 LibreOffice，但找不到 soffice：请安装 LibreOffice（Debian/Ubuntu：apt install libreoffice-calc），或用环境变量 SOFFICE 指明 soffice 的路径",
      "--pdf needs LibreOffice and soffice was not found: install LibreOffice (Debian/Ubuntu: apt install libreoffice-calc), or set SOFFICE to the path of soffice"
    )
  );
}

/** A workbook of the one sheet, made from nothing by the package writer (the CLI's, with the print setup). */
export async function sheetWorkbookBytes(sheet: OutputSheet): Promise<Uint8Array> {
  const { newWorkbookBytes } = await import("../hosts/xlsx/ooxml");
  return newWorkbookBytes([sheet]);
}

/**
 * Converts the sheet to `target` (a PDF) with `soffice`; a failure is exit 2 with LibreOffice's
 * words, or saying it ran out of time or was interrupted (it is stopped either way).
 */
export async function writeSheetPdf(
  converter: Converter,
  sheet: OutputSheet,
  target: string,
  force: boolean
): Promise<void> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), "scorecard-pdf-"));
  try {
    const xlsx = path.join(dir, "statements.xlsx");
    await fs.writeFile(xlsx, await sheetWorkbookBytes(sheet));
    const outDir = path.join(dir, "out");
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const done = await runInOwnGroup(
      converter.soffice,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile}`,
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        xlsx,
      ],
      converter.timeoutMs
    );
    if (done.timedOut) {
      const s = converter.timeoutMs / 1000;
      throw new CliError(
        msg(
          `LibreOffice 在 ${s} 秒内未完成转换，已停止（可用环境变量 SOFFICE_TIMEOUT 设更长的秒数）`,
          `LibreOffice did not finish converting within ${s} s and was stopped (set SOFFICE_TIMEOUT to allow more seconds)`
        )
      );
    }
    if (done.interrupted)
      throw new CliError(
        msg("已中断：LibreOffice 已停止，未写出 PDF", "Interrupted: LibreOffice stopped, no PDF written")
      );
    const pdf = path.join(outDir, "statements.pdf");
    const bytes = await fs.readFile(pdf).catch(() => null);
    if (done.code !== 0 || bytes === null) {
      const why = done.startError || done.stderr.trim().split("\n")[0] || `exit ${done.code}`;
      throw new CliError(
        msg(`LibreOffice 未能转换为 PDF（${why}）`, `LibreOffice could not convert to PDF (${why})`)
      );
    }
    await writeOutFile(target, bytes, { kind: "pdf", force });
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
