import { OutputSheet, OutputValue, StreamedSheet } from "./types";

/**
 * Generated sheets as streams of rows (issue 9) and as whole grids: one builder per sheet makes
 * the StreamedSheet, and `materialize` turns it into the OutputSheet every host but the .xlsx
 * package writer takes, with the very same rows. The package writer takes either (`streamOf`).
 */

export type AnySheet = OutputSheet | StreamedSheet;

export function isStreamed(sheet: AnySheet): sheet is StreamedSheet {
  return "eachRow" in sheet;
}

/** An OutputSheet as a StreamedSheet over its rows as they are. */
export function streamOf(sheet: AnySheet): StreamedSheet {
  if (isStreamed(sheet)) return sheet;
  const { rows, ...layout } = sheet;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return { ...layout, rowCount: rows.length, rowWidth: width, eachRow: () => rows };
}

/** A builder that said one count and made another is a bug: the writers size the sheet from it. */
export function countMismatch(name: string, said: number, made: number): Error {
  return new Error(`${name}: ${made} rows made, ${said} announced`);
}

/** The sheet's rows made, as an OutputSheet (the same fields; `rows` after `name`, as the builders always had it). */
export function materialize(sheet: AnySheet): OutputSheet {
  if (!isStreamed(sheet)) return sheet;
  const { key, name, rowCount, eachRow, ...layout } = sheet;
  const rest: Omit<typeof layout, "rowWidth"> & { rowWidth?: number } = layout;
  delete rest.rowWidth;
  const rows: OutputValue[][] = [];
  for (const row of eachRow()) rows.push(row);
  if (rows.length !== rowCount) throw countMismatch(name, rowCount, rows.length);
  return { key, name, rows, ...rest };
}
