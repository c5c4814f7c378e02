import { constants, promises as fs, Stats } from "node:fs";
import * as path from "node:path";
import { msg, Msg } from "../scoring";
import { Args } from "./args";
import { CliError } from "./errors";

/**
 * The one guard every file a command writes passes (规则 §8), checked before any work is done and
 * again when the file is written (files.ts), so each command that writes gets it by naming what it
 * writes (`OutFile`). It refuses, in one line naming the true reason:
 * - the input itself (through ./, .., a symbolic or hard link, another letter case): never overwritten;
 * - a name whose extension says the other kind of file (a workbook as x.pdf, a PDF as x.xlsx);
 * - a symbolic link, even with --force: the link is neither replaced nor written through — the
 *   message names the file it points to, to be given instead;
 * - a folder, a device, a read-only file, a missing folder, a folder that takes no new files (/proc);
 * - an existing file without --force (it may be a filled workbook or a returned form).
 */

/** What is written: its kind (its name's extension must not say another), and whether an existing file may go. */
export interface OutFile {
  kind: "workbook" | "pdf";
  force: boolean;
  /** The command's input file, which is never written. */
  input?: string;
}

const SPREADSHEET_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".xltx", ".xltm", ".ods", ".csv"];

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

function refuseOtherKind(out: string, kind: OutFile["kind"]): void {
  const ext = path.extname(out).toLowerCase();
  if (kind === "workbook" && ext === ".pdf")
    throw new CliError(
      msg(
        `${out} 是 PDF 的文件名，而写出的是工作簿：请用 .xlsx 结尾的文件名（PDF 用 statement --pdf）`,
        `${out} is a PDF's name but a workbook is written: give a name ending in .xlsx (a PDF: statement --pdf)`
      )
    );
  if (kind === "pdf" && SPREADSHEET_EXTENSIONS.includes(ext))
    throw new CliError(
      msg(
        `--pdf ${out} 是表格文件的文件名，而写出的是 PDF：请用 .pdf 结尾的文件名（工作簿用 --out）`,
        `--pdf ${out} is a spreadsheet's name but a PDF is written: give a name ending in .pdf (a workbook: --out)`
      )
    );
}

/** Refuses an output file that cannot or must not be written, with the reason in one line. */
export async function checkOutFile(out: string, target: OutFile): Promise<void> {
  if (target.input !== undefined && (await sameFile(out, target.input)))
    throw new CliError(
      msg(
        `--out ${out} 就是输入文件：输入文件不会被覆盖，请另取一个文件名（如 结果.xlsx）`,
        `--out ${out} is the input file itself: the input is never overwritten; give another name (e.g. result.xlsx)`
      )
    );
  refuseOtherKind(out, target.kind);
  const link = await fs.lstat(out).catch(() => null);
  if (link?.isSymbolicLink()) {
    const to = path.resolve(path.dirname(out), await fs.readlink(out));
    throw new CliError(
      msg(
        `${out} 是符号链接（指向 ${to}）：不会替换链接，也不会写入它指向的文件；请直接给出要写的文件名`,
        `${out} is a symbolic link (to ${to}): the link is not replaced nor written through; name the file to write itself`
      )
    );
  }
  const existing = await statOrNull(out);
  if (existing) {
    if (existing.isDirectory()) throw new CliError(msg(`${out} 是文件夹`, `${out} is a folder`));
    if (!existing.isFile())
      throw new CliError(
        msg(`${out} 不是普通文件（设备或管道），不能写入`, `${out} is not a regular file (a device or pipe)`)
      );
    // Root passes access(W_OK) on a 0444 file; the mode bits still say the owner made it read-only.
    let writable = (existing.mode & 0o222) !== 0;
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
    if (!target.force)
      throw new CliError(
        msg(
          `${out} 已存在，不会被覆盖：请另取一个文件名，或加 --force 替换它`,
          `${out} already exists and is not overwritten: give another name, or add --force to replace it`
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

/** A writing option (--out, --pdf) with no input file: the built-in sample is never written as the user's data. */
export function needsInputFile(args: Args): Msg {
  const option = args.out !== undefined ? "--out" : "--pdf";
  return msg(
    `${option} 需要输入文件，如 ${args.command} 考核.xlsx ${option} …（不给文件时只显示内置示例，不写出文件）`,
    `${option} needs an input file, e.g. ${args.command} scorecard.xlsx ${option} … (with no file the built-in sample is only shown, never written)`
  );
}

/**
 * The files a reading command writes (--out, a workbook; --pdf, a PDF), checked before any work:
 * an input file is required, and --out and --pdf are two different files.
 */
export async function checkOutputs(args: Args): Promise<void> {
  if (args.out === undefined && args.pdf === undefined) return;
  const input = args.positional[0];
  if (input === undefined) throw new CliError(needsInputFile(args));
  if (args.out !== undefined) await checkOutFile(args.out, { kind: "workbook", force: args.force, input });
  if (args.pdf !== undefined) {
    await checkOutFile(args.pdf, { kind: "pdf", force: args.force, input });
    if (args.out !== undefined && (args.out === args.pdf || (await sameFile(args.out, args.pdf))))
      throw new CliError(
        msg(
          `--out 与 --pdf 是同一个文件 ${args.pdf}：请各取一个文件名`,
          `--out and --pdf name the same file ${args.pdf}: give each its own name`
        )
      );
  }
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
