import { msg } from "../scoring";
import { isGeneratedSheet } from "./marker";
import { Issue, WorkbookGrids } from "./types";

/**
 * Stale results (规则 §8). Every generated sheet's header line (A1) records the fingerprint of the
 * inputs it was made from (`数据指纹 …` / `data fingerprint …`). When the inputs read now give
 * another fingerprint, the sheets no longer match them: one warning names the stale sheets, so a
 * reviewer never mails a 排名 that no longer matches the inputs without being told. A rebuild
 * writes the new fingerprint and the warning is gone. Pure: grids and a fingerprint in.
 */

const RECORDED = /(?:数据指纹|data fingerprint)\s*([0-9A-F]{12})\b/;

/** The fingerprint a generated sheet's A1 records, or null (a person's sheet, or none recorded). */
export function recordedFingerprint(firstCell: unknown): string | null {
  if (!isGeneratedSheet(firstCell)) return null;
  return RECORDED.exec(firstCell)?.[1] ?? null;
}

/** The generated sheets whose recorded fingerprint differs from the inputs' fingerprint now. */
export function staleSheets(grids: WorkbookGrids, fingerprintNow: string): string[] {
  const stale: string[] = [];
  for (const g of grids) {
    if (g.firstRow !== 1 || g.firstColumn !== 1) continue;
    const recorded = recordedFingerprint(g.values[0]?.[0]);
    if (recorded !== null && recorded !== fingerprintNow) stale.push(g.name);
  }
  return stale;
}

/** One warning on the first stale sheet, naming it (and "等" when there are more); none when all match. */
export function staleIssues(grids: WorkbookGrids, fingerprintNow: string): Issue[] {
  const stale = staleSheets(grids, fingerprintNow);
  if (stale.length === 0) return [];
  const more = stale.length > 1;
  return [
    {
      severity: "warning",
      sheet: stale[0],
      message: msg(
        `“${stale[0]}”${more ? "等" : ""}结果已过期：输入在生成后有改动，请重新排名`,
        `"${stale[0]}"${more ? ` and ${stale.length - 1} other result sheet(s) are` : " is"} out of date: the inputs changed after the results were made; rank again`
      ),
    },
  ];
}
