import { msg, Msg, UserError } from "../../scoring";

/** Files that are not readable .xlsx workbooks, told apart by their first bytes. */

export type UnreadableReason = "empty" | "encrypted" | "legacyXls" | "notXlsx" | "corrupt" | "tooLarge";

/** A file that cannot be read as a workbook, with a one-line message in zh and en. */
export class UnreadableWorkbookError extends UserError {
  readonly reason: UnreadableReason;
  constructor(reason: UnreadableReason, words: Msg) {
    super(words);
    this.name = "UnreadableWorkbookError";
    this.reason = reason;
  }
}

export const UNREADABLE: Record<UnreadableReason, Msg> = {
  empty: msg("文件是空的（0 字节）", "The file is empty (0 bytes)"),
  encrypted: msg(
    "文件设有打开密码：请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后再试",
    "The file is password-protected: remove the password in Excel (File → Info → Protect Workbook) and try again"
  ),
  legacyXls: msg(
    "这是旧版 .xls 文件：请在 Excel 中“另存为” .xlsx 格式后再试",
    "This is an old .xls file: save it as .xlsx in Excel and try again"
  ),
  notXlsx: msg(
    "不是 Excel 工作簿（.xlsx）：请选择 .xlsx 文件",
    "Not an Excel workbook (.xlsx): choose an .xlsx file"
  ),
  corrupt: msg(
    "文件已损坏，无法作为 .xlsx 读取：请在 Excel 中打开并重新保存后再试",
    "The file is damaged and cannot be read as .xlsx: open and save it again in Excel"
  ),
  tooLarge: msg(
    "文件超出本工具可读取的范围（可能是“压缩炸弹”或已损坏）",
    "The file is beyond what this tool reads (a zip bomb, or damaged)"
  ),
};

/**
 * A workbook that reads, but that generated sheets are not written into as it is (a Strict Open
 * XML workbook, see ooxml/write.ts): one line saying how to make it writable.
 */
export class UnwritableWorkbookError extends UserError {
  constructor(words: Msg) {
    super(words);
    this.name = "UnwritableWorkbookError";
  }
}

export const STRICT_NOT_WRITTEN: Msg = msg(
  "这是 Strict Open XML 格式的工作簿：可以读取、计分，但不能写入生成的表。请在 Excel 中“另存为”“Excel 工作簿(*.xlsx)”后再试",
  "This is a Strict Open XML workbook: it is read and scored, but generated sheets are not written into it. Save it in Excel as “Excel Workbook (*.xlsx)” and try again"
);

export function bytesOf(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** UTF-16LE needle search (stream names inside an OLE compound file). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0), 0);
  const limit = Math.min(bytes.length - needle.length, 1 << 22);
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Why bytes are not an .xlsx, or null when they look like one (a zip). */
export function sniffWorkbook(data: Uint8Array | ArrayBuffer): UnreadableReason | null {
  const bytes = bytesOf(data);
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return null;
  if (startsWith(bytes, OLE)) return containsUtf16(bytes, "EncryptionInfo") ? "encrypted" : "legacyXls";
  return "notXlsx";
}
