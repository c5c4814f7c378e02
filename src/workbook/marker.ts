/**
 * Opening words of every generated sheet's header line (cell A1). A rebuild replaces a sheet only
 * when its A1 starts with them, so a sheet a person made under the same name is never overwritten.
 */
export const GENERATED_MARKER = "【社区考核助手生成】";

/** True when a sheet's first cell (A1) says this product generated the sheet. */
export function isGeneratedSheet(firstCell: unknown): firstCell is string {
  // Hosts give cells flattened (ExcelJS rich text is joined in hosts/xlsx: test/xlsx/rich-text.test.ts).
  return typeof firstCell === "string" && firstCell.trimStart().startsWith(GENERATED_MARKER);
}
