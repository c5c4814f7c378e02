import { constants, promises as fs, Stats } from "node:fs";
import * as path from "node:path";
import { msg } from "../scoring";
import { CliError } from "./errors";

/**
 * Checks an output file before any work is done (SPEC §8: the input is never overwritten), and
 * names the true reason when a file cannot be written: the input itself, a folder, a device, a
 * read-only file, a missing folder, or a folder that takes no new files (/proc).
 */

export function errno(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : "";
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

async function realOrResolved(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * True when `out` names the file `input` (through ./, .., a symbolic or hard link, or another
 * letter case on a case-insensitive disk): the same device and inode, or the same real path.
 */
export async function sameFile(out: string, input: string): Promise<boolean> {
  const [a, b] = await Promise.all([statOrNull(out), statOrNull(input)]);
  if (!a || !b) return false;
  if (a.ino !== 0 && a.dev === b.dev && a.ino === b.ino) return true;
  const [ra, rb] = await Promise.all([realOrResolved(out), realOrResolved(input)]);
  return ra === rb;
}

/** Refuses an output file that cannot or must not be written, with the reason in one line. */
export async function checkOutFile(out: string, input?: string): Promise<void> {
  if (input !== undefined && (await sameFile(out, input)))
    throw new CliError(
      msg(
        `--out ${out} 就是输入文件：输入文件不会被覆盖，请另取一个文件名（如 结果.xlsx）`,
        `--out ${out} is the input file itself: the input is never overwritten; give another name (e.g. result.xlsx)`
      )
    );
  const target = await statOrNull(out);
  if (target) {
    if (target.isDirectory()) throw new CliError(msg(`${out} 是文件夹`, `${out} is a folder`));
    if (!target.isFile())
      throw new CliError(
        msg(`${out} 不是普通文件（设备或管道），不能写入`, `${out} is not a regular file (a device or pipe)`)
      );
    // Root passes access(W_OK) on a 0444 file; the mode bits still say the owner made it read-only.
    let writable = (target.mode & 0o222) !== 0;
    if (writable)
      writable = await fs.access(out, constants.W_OK).then(
        () => true,
        () => false
      );
    if (!writable)
      throw new CliError(
        msg(
          `${out} 是只读文件，不会被覆盖：请另取一个文件名`,
          `${out} is read-only and is not overwritten: give another name`
        )
      );
  }
  const folder = path.dirname(path.resolve(out));
  const dir = await statOrNull(folder);
  if (!dir)
    throw new CliError(
      msg(
        `无法写出 ${out}：文件夹不存在（${folder}）`,
        `Cannot write ${out}: the folder does not exist (${folder})`
      )
    );
  if (!dir.isDirectory())
    throw new CliError(
      msg(`无法写出 ${out}：${folder} 不是文件夹`, `Cannot write ${out}: ${folder} is not a folder`)
    );
}

/** The reason a write failed, in words, once the checks above have passed. */
export function writeFailure(out: string, code: string): CliError {
  const folder = path.dirname(path.resolve(out));
  switch (code) {
    case "ENOENT":
      // The folder exists (checked before): it is one that takes no new files, such as /proc.
      return new CliError(
        msg(
          `无法写出 ${out}：文件夹 ${folder} 不允许新建文件（系统文件夹）`,
          `Cannot write ${out}: the folder ${folder} takes no new files (a system folder)`
        )
      );
    case "EACCES":
    case "EPERM":
      return new CliError(msg(`没有权限写出 ${out}`, `No permission to write ${out}`));
    case "EROFS":
      return new CliError(
        msg(`无法写出 ${out}：该磁盘是只读的`, `Cannot write ${out}: the disk is read-only`)
      );
    case "ENOSPC":
    case "EDQUOT":
      return new CliError(msg(`无法写出 ${out}：磁盘空间不足`, `Cannot write ${out}: the disk is full`));
    case "EISDIR":
      return new CliError(msg(`${out} 是文件夹`, `${out} is a folder`));
    default:
      return new CliError(
        msg(`无法写出 ${out}（${code || "未知原因"}）`, `Cannot write ${out} (${code || "unknown reason"})`)
      );
  }
}
