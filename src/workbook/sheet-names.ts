import { SHEETS, GeneratedSheetKey } from "./schema";

/**
 * Tab names as Excel tells them apart, and the name a generated sheet takes. Every writer (the
 * Office.js host, the browser preview, the .xlsx package writer) and the pipeline's choice of names
 * use this one fold, so two of them cannot disagree on whether two names are the same sheet.
 *
 * Excel compares tab names case-insensitively ("排名" and "Sheet1" vs "SHEET1"); full-width and
 * half-width letters count as the same (NFKC) and surrounding spaces are not part of the name.
 * White space inside a name is kept: "排名 (2)" and "排名(2)" are two different tabs in Excel.
 * (Finding an INPUT sheet a person named is looser — `foldName` in sheet-reader drops all white
 * space — since it guesses what a person meant rather than what Excel would refuse.)
 */
export function sheetNameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/**
 * The tab a generated sheet goes to: `base` unless a sheet a person made holds it, then
 * "base (2)", "base (3)", … A sheet this product generated under the name is reused (replaced).
 * `existing(name)` says what is there: undefined = free, true = generated, false = a person's.
 * Names in `taken` (already given to another sheet of the same write, folded) are skipped.
 */
export function outputSheetName(
  base: string,
  existing: (name: string) => boolean | undefined,
  taken?: ReadonlySet<string>
): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (taken?.has(sheetNameKey(name))) continue;
    if (existing(name) !== false) return name;
  }
}

/**
 * Tab names for the generated sheets: the schema's zh name unless a sheet a person made holds it
 * (then "排名 (2)", "排名 (3)", …). A sheet this product generated under the name is reused.
 */
export function chooseSheetNames(
  keys: readonly GeneratedSheetKey[],
  existing: readonly { name: string; generated: boolean }[]
): Record<GeneratedSheetKey, string> {
  const byName = new Map(existing.map((e) => [sheetNameKey(e.name), e.generated]));
  const taken = new Set<string>();
  const out = {} as Record<GeneratedSheetKey, string>;
  for (const key of keys) {
    const name = outputSheetName(SHEETS[key].zh, (n) => byName.get(sheetNameKey(n)), taken);
    out[key] = name;
    taken.add(sheetNameKey(name));
  }
  return out;
}
