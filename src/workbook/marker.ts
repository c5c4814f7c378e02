import { GENERATED_SHEETS, GeneratedSheetKey, SHEETS } from "./schema";

/**
 * Opening words of every generated sheet's header line (cell A1). A rebuild replaces a sheet only
 * when its A1 starts with them, so a sheet a person made under the same name is never overwritten.
 */
export const GENERATED_MARKER = "【社区考核助手生成】";

/** True when a sheet's first cell (A1) says this product generated the sheet. */
export function isGeneratedSheet(firstCell: unknown): firstCell is string {
  // Hosts give cells flattened (rich text is joined by the package reader: test/xlsx/rich-text.test.ts).
  return typeof firstCell === "string" && firstCell.trimStart().startsWith(GENERATED_MARKER);
}

/**
 * Which generated sheet this is, from its header line (A1: the marker, then the sheet's title in
 * either language — report.ts headerLine): found whatever its tab is called ("成绩单 (2)").
 */
export function generatedKeyOf(firstCell: unknown): GeneratedSheetKey | null {
  if (!isGeneratedSheet(firstCell)) return null;
  const rest = firstCell.trimStart().slice(GENERATED_MARKER.length);
  for (const key of GENERATED_SHEETS)
    for (const title of [SHEETS[key].zh, SHEETS[key].en])
      if (rest === title || rest.startsWith(`${title} `)) return key;
  return null;
}
