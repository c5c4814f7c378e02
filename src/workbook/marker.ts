/**
 * Opening words of every generated sheet's header line (cell A1). A rebuild replaces a sheet only
 * when its A1 starts with them, so a sheet a person made under the same name is never overwritten.
 */
export const GENERATED_MARKER = "【社区考核助手生成】";

/** A1's text as a host gives it: a string, or ExcelJS rich text; null for anything else. */
export function firstCellText(firstCell: unknown): string | null {
  if (typeof firstCell === "string") return firstCell;
  if (firstCell && typeof firstCell === "object" && "richText" in firstCell) {
    const parts = (firstCell as { richText: { text: string }[] }).richText;
    return parts.map((p) => p.text).join("");
  }
  return null;
}

/** True when a sheet's first cell (A1) says this product generated the sheet. */
export function isGeneratedSheet(firstCell: unknown): boolean {
  const text = firstCellText(firstCell);
  return text !== null && text.trimStart().startsWith(GENERATED_MARKER);
}
