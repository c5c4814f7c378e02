import { displayWidth } from "../workbook/text-width";

/**
 * Plain-text tables for the terminal. Chinese characters take two columns in a terminal, so
 * widths are counted in display columns, not in string length.
 */

export { displayWidth };

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
