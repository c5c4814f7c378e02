import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UnreadableWorkbookError } from "../hosts/xlsx/errors";
import type { XlsxPackage } from "../hosts/xlsx/ooxml";
import { MAX_FILE_BYTES } from "../hosts/xlsx/ooxml/limits";
import { msg } from "../scoring";
import { zlibDeflater } from "./deflate";
import { zlibChecksum, zlibInflater } from "./inflate";
import { CliError } from "./errors";
import { checkOutFile, errno, OutFile, writeFailure } from "./out-file";

/** File I/O of the CLI (the xlsx host itself does none, so it also runs in a browser). */

/** Opens an .xlsx file as a package (the fast path: parts read and patched directly). */
export async function readWorkbookFile(file: string): Promise<XlsxPackage> {
  let bytes: Uint8Array;
  try {
    // Only a regular file is read, and only up to the cap: /dev/zero, a pipe or a disk image
    // would otherwise be read until memory runs out.
    const info = await fs.stat(file);
    if (!info.isFile() && !info.isDirectory())
      throw new CliError(
        msg(
          `${file} 不是普通文件（设备、管道等），无法作为 .xlsx 读取`,
          `${file} is not a regular file (a device, a pipe…) and cannot be read as .xlsx`
        )
      );
    if (info.size > MAX_FILE_BYTES)
      throw new CliError(
        msg(
          `${file} 有 ${Math.round(info.size / 1048576)} MB，超过可读取的 ${MAX_FILE_BYTES / 1048576} MB`,
          `${file} is ${Math.round(info.size / 1048576)} MB, past the ${MAX_FILE_BYTES / 1048576} MB this tool reads`
        )
      );
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = errno(e);
    if (code === "ENOENT") throw new CliError(msg(`找不到文件：${file}`, `File not found: ${file}`));
    if (code === "EISDIR")
      throw new CliError(msg(`${file} 是文件夹，不是 .xlsx 文件`, `${file} is a folder, not an .xlsx file`));
    if (code === "EACCES" || code === "EPERM")
      throw new CliError(msg(`没有权限读取文件：${file}`, `No permission to read ${file}`));
    throw new CliError(
      msg(
        `无法读取文件 ${file}（${code || "未知原因"}）`,
        `Cannot read ${file} (${code || "unknown reason"})`
      )
    );
  }
  // The package code loads with the first file read: a command on the built-in sample never needs it.
  const { openXlsx } = await import("../hosts/xlsx/ooxml");
  try {
    return await openXlsx(bytes, zlibDeflater, zlibInflater, zlibChecksum);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError)
      throw new CliError(msg(`${file}：${e.words.zh}`, `${file}: ${e.words.en}`));
    throw new CliError(msg(`${file}：无法作为 .xlsx 读取`, `${file}: cannot be read as .xlsx`));
  }
}

/** The temporary file a write goes through, beside the target: `.name.xlsx.PID.tmp`. */
function temporaryOf(file: string, pid: number): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === "EPERM"; // there, but another user's
  }
}

/**
 * Removes the temporary files a killed run left beside this target: those whose process is gone.
 * One of a run still going (another process writing the same name) is left alone.
 */
async function removeLeftTemporaries(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const names = await fs.readdir(path.dirname(file)).catch((): string[] => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = name.slice(prefix.length, -".tmp".length);
    if (!/^[1-9]\d*$/.test(pid) || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    await fs.rm(temporaryOf(file, Number(pid)), { force: true }).catch(() => undefined);
  }
}

/**
 * Writes a file a command makes (workbook or PDF) through a temporary file beside the target, so a
 * failed write leaves no half file. The guard of out-file.ts runs again first, just before the
 * write: the command may have worked a while since it first checked the target.
 */
export async function writeOutFile(file: string, bytes: Uint8Array, target: OutFile): Promise<void> {
  await checkOutFile(file, target);
  await removeLeftTemporaries(file);
  const tmp = temporaryOf(file, process.pid);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeFailure(file, errno(e));
  }
}
