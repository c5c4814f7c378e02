/**
 * Plain-text tables for the terminal. Chinese characters take two columns in a terminal, so
 * widths are counted in display columns, not in string length.
 */

/** East Asian Wide and Fullwidth ranges (CJK, Hangul, full-width forms, CJK punctuation). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) continue;
    w += isWide(code) ? 2 : 1;
  }
  return w;
}

export type Align = "left" | "right";

function pad(text: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Aligned columns separated by two spaces; trailing spaces trimmed. Linear in the text's length:
 * a one-line trim (`trimEnd`), not a /\s+$/ that retries at every space of a 32,767-wide column.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[]
): string {
  const widths = headers.map((h, i) =>
    rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? "")), displayWidth(h))
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], align[i] ?? "left"))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n");
}
