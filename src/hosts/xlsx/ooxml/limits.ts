import { msg } from "../../../scoring";
import { UNREADABLE, UnreadableWorkbookError } from "../errors";

/**
 * What the package reader accepts, as named caps checked before anything is allocated: a file
 * past one is refused in one line (exit 2 in the CLI), never read until memory runs out. The
 * sheet limits are Excel's own (rows 1,048,576, columns A…XFD); the byte and cell caps sit far
 * above any real assessment workbook (1,000,000 staff rows inflate to ≈ 130 MB of sheet XML).
 */

/** Largest .xlsx file read at all (the CLI stops reading past it: /dev/zero, a disk image). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Largest inflated size of one part (one sheet's XML). */
export const MAX_PART_BYTES = 384 * 1024 * 1024;
/** Largest inflated size of all parts read, together. */
export const MAX_TOTAL_BYTES = 768 * 1024 * 1024;
/** Most entries in the zip's directory. */
export const MAX_ENTRIES = 20_000;
/**
 * Most a part may inflate per compressed byte once past RATIO_FROM bytes. Real sheet XML
 * compresses 5–50 : 1; a zip bomb 300–1,000 : 1, and is stopped here early, whatever size its
 * directory entry claims.
 */
export const MAX_RATIO = 100;
export const RATIO_FROM = 8 * 1024 * 1024;
/**
 * Longest run of characters without a tag (one text, comment or tag): Excel's cells hold at most
 * 32,767 characters, so a run of millions is a bomb of spaces, stopped before it becomes a string.
 */
export const MAX_TEXT_RUN = 4 * 1024 * 1024;
/** Excel's last row. */
export const MAX_ROWS = 1_048_576;
/** Excel's last column (XFD). */
export const MAX_COLUMNS = 16_384;
/** Most cells with a value, over all sheets. */
export const MAX_CELLS = 10_000_000;
/**
 * Most grid slots (each row as wide as its last cell) over all sheets: a few cells far to the
 * right on many rows must not make a grid of billions of blanks.
 */
export const MAX_GRID_SLOTS = 24_000_000;

/** The file is damaged (or hostile): one line saying what was found, and how to recover. */
export function damaged(zh: string, en: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    "corrupt",
    msg(
      `文件已损坏，无法作为 .xlsx 读取（${zh}）：请在 Excel 中打开并重新保存后再试`,
      `The file is damaged and cannot be read as .xlsx (${en}): open and save it again in Excel`
    )
  );
}

/** The file passes one of the caps above. */
export function tooLarge(zh: string, en: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    "tooLarge",
    msg(`${UNREADABLE.tooLarge.zh}：${zh}`, `${UNREADABLE.tooLarge.en}: ${en}`)
  );
}

/** A byte count for messages: "384 MB". */
export const showBytes = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
