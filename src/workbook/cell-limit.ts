import { OutputValue } from "./types";

/**
 * Excel holds at most 32,767 characters in a cell; a longer text makes Excel repair the file (and
 * LibreOffice cut it silently). Every generated cell passes through `fitCell`, in every writer,
 * so a long 校验结果 message is cut to fit with "…" at its end. The whole text stays in --json.
 */
export const EXCEL_CELL_CHARS = 32_767;

export const CUT_MARK = "…";

/** The text cut to Excel's limit with "…" at the end (never half of a surrogate pair). */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  let end = EXCEL_CELL_CHARS - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}

export function fitCell(value: OutputValue): OutputValue {
  return typeof value === "string" ? fitCellText(value) : value;
}

/** Every row of a generated sheet with its texts fitted to a cell. */
export function fitRows(rows: readonly (readonly OutputValue[])[]): OutputValue[][] {
  return rows.map((r) => r.map(fitCell));
}

/** A row's texts fitted to a cell, in place (a row just made, nobody else's): no copy per row of a big sheet. */
export function fitRow(row: OutputValue[]): OutputValue[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "string" && v.length > EXCEL_CELL_CHARS) row[i] = fitCellText(v);
  }
  return row;
}
