import { Exact, msg, Msg, showValue, visible } from "../../scoring";
import { foldName } from "../sheet-reader";
import { SettingDef, SettingValue } from "./table";
import { ParsedValue } from "./value";

/**
 * A key on two rows of the 设置 sheet (规则 §6): a blank row and a filled one — the filled one
 * counts, said at the blank row; two filled rows with the same value (0.2 and 20%) — a warning;
 * two different values — an error naming both, for neither can be chosen.
 */

/** The row a key was first read from, and its value read (null when blank or not yet read). */
export interface KeptSetting {
  row: number;
  value: unknown;
  blank: boolean;
  read: ParsedValue | null;
}

/** Two filled rows of one key hold the same value: read alike, or (one unreadable) typed alike. */
export function sameSetting(a: KeptSetting, b: KeptSetting): boolean {
  const x = a.read;
  const y = b.read;
  if (x?.ok && y?.ok) return sameValue(x.value, y.value);
  return foldName(showValue(a.value)) === foldName(showValue(b.value));
}

function sameValue(a: SettingValue, b: SettingValue): boolean {
  if (a instanceof Exact && b instanceof Exact) return a.eq(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** A key on a blank row and on a filled one: the filled one counts (said at the blank row). */
export function blankRepeat(def: SettingDef, blankRow: number, filled: KeptSetting): Msg {
  const shown = visible(showValue(filled.value));
  return msg(
    `设置项“${def.zh}”在第 ${blankRow} 行空白，在第 ${filled.row} 行填了“${shown}”：按第 ${filled.row} 行的值计算，请删去空白的一行`,
    `Setting "${def.zh}" (${def.en}) is blank on row ${blankRow} and "${shown}" on row ${filled.row}: row ${filled.row} counts; delete the blank row`
  );
}

/** A key filled on two rows: the same value is a warning, two values an error naming both. */
export function repeatedKey(def: SettingDef, first: KeptSetting, again: KeptSetting, same: boolean): Msg {
  const a = visible(showValue(first.value));
  const b = visible(showValue(again.value));
  return same
    ? msg(
        `设置项“${def.zh}”与第 ${first.row} 行重复（值相同）：按第 ${first.row} 行的值，本行可删去`,
        `Setting "${def.zh}" (${def.en}) repeats row ${first.row} with the same value: row ${first.row} counts; this row can go`
      )
    : msg(
        `设置项“${def.zh}”在第 ${first.row} 行是“${a}”，在第 ${again.row} 行是“${b}”：两个值不同，无法确定用哪一个。请删去一行，或改成同一个值`,
        `Setting "${def.zh}" (${def.en}) is "${a}" on row ${first.row} and "${b}" on row ${again.row}: two different values, and neither can be chosen. Delete one row or make them the same`
      );
}
