/**
 * Cells and A1 addresses: column letters ↔ numbers, one cell ("D5") and a rectangle ("A1:C9").
 * Written by hand: a few lines of base-26 arithmetic, which every host (Office.js, the .xlsx
 * package reader and writer) and the task pane share from here rather than pull a library for.
 */

/** "A", …, "Z", "AA", … for a 1-based column number. */
export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The 1-based column number of column letters ("A" → 1, "AA" → 27); lower case is read as upper. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    n = n * 26 + ((c >= 97 ? c - 32 : c) - 64);
  }
  return n;
}

/** "D5" for 1-based row 5, column 4. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A1 address of a rectangle given 1-based Excel rows and columns ("D5" when it is one cell). */
export function address(row1: number, col1: number, row2: number = row1, col2: number = col1): string {
  const a = a1(row1, col1);
  const b = a1(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

/** 1-based row and column of an A1 cell reference ("$D$5" too); null when it is not one. */
export function parseCell(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}
