/**
 * Opening words of every generated sheet's header line (cell A1). A rebuild replaces a sheet only
 * when its A1 starts with them, so a sheet a person made under the same name is never overwritten.
 */
export const GENERATED_MARKER = "【社区考核助手生成】";

/** True when a sheet's first cell (A1) says this product generated the sheet. */
export function isGeneratedSheet(firstCell: unknown): boolean {
  let text: string | null = null;
  if (typeof firstCell === "string") text = firstCell;
  else if (firstCell && typeof firstCell === "object" && "richText" in firstCell) {
    const parts = (firstCell as { richText: { text: string }[] }).richText;
    text = parts.map((p) => p.text).join("");
  }
  return text !== null && text.trimStart().startsWith(GENERATED_MARKER);
}
