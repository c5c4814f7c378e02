import { editDistance, msg, Msg, visible } from "../../scoring";
import { foldName } from "../sheet-reader";
import { SettingDef, SETTINGS } from "./table";

/**
 * Which setting a typed key names (规则 §6 "Settings keys"): the zh name, the English alias or the
 * id, compared after trimming and folding full-width characters (and case and inner spaces, as
 * sheet and header names are). A unit in brackets is optional and the brackets may be full- or
 * half-width: 奖金总额 = 奖金总额（元） = 奖金总额(元). A bracket after a name without a unit is a
 * note and is ignored (先进社区名额（个）), but a bracket that names another unit than the
 * setting's is refused (奖金总额（万元） is not yuan), so no amount is read in the wrong unit.
 */

/** A folded name split into its stem and the trailing bracket's content (NFKC makes （） half-width). */
function splitUnit(folded: string): { stem: string; unit: string | null } {
  const m = /^(.*)\(([^()]*)\)$/.exec(folded);
  return m && m[1] !== "" ? { stem: m[1], unit: m[2] } : { stem: folded, unit: null };
}

const BY_NAME = new Map<string, SettingDef>();
for (const s of SETTINGS)
  for (const name of [s.zh, s.en, s.id]) {
    const folded = foldName(name);
    BY_NAME.set(folded, s);
    BY_NAME.set(splitUnit(folded).stem, s);
  }

/** The unit a setting's zh name gives in brackets (folded), if any: 奖金总额（元） → "元". */
function unitOf(def: SettingDef): string | null {
  return splitUnit(foldName(def.zh)).unit;
}

/** The setting a key names, or undefined (see the file header for what matches). */
export function findSetting(key: string): SettingDef | undefined {
  const folded = foldName(key);
  const exact = BY_NAME.get(folded);
  if (exact) return exact;
  const { stem, unit } = splitUnit(folded);
  if (unit === null) return undefined;
  const def = BY_NAME.get(stem);
  if (!def) return undefined;
  const own = unitOf(def);
  return own === null || own === unit ? def : undefined;
}

/** The known key nearest to a misspelt one, when it is near enough to be a likely typo ("did you mean"). */
export function nearestSetting(key: string): SettingDef | undefined {
  const folded = foldName(key);
  let best: { def: SettingDef; dist: number; len: number } | undefined;
  for (const s of SETTINGS)
    for (const name of [s.zh, s.en]) {
      const f = foldName(name);
      const dist = editDistance(folded, f);
      if (!best || dist < best.dist) best = { def: s, dist, len: [...f].length };
    }
  if (!best) return undefined;
  return best.dist <= Math.max(2, Math.ceil(best.len / 2)) ? best.def : undefined;
}

/**
 * Says a key names no setting, quoting it with its invisible characters made visible, and the key
 * it most likely means. `ignored`: the key stands on the 设置 sheet, where its row is then skipped.
 */
export function unknownSettingMessage(key: string, ignored: boolean): Msg {
  const near = nearestSetting(key);
  const typed = visible(key);
  const zh = `未知的设置项“${typed}”${ignored ? "，已忽略" : ""}`;
  const en = `Unknown setting "${typed}"${ignored ? ", ignored" : ""}`;
  return near
    ? msg(`${zh}：是否应为“${near.zh}”？`, `${en}: did you mean "${near.zh}" (${near.en})?`)
    : msg(`${zh}：可用的项目见模板中的设置表`, `${en}: see the template's settings sheet for the keys`);
}
