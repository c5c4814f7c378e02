import { msg, Msg, Rules } from "../../scoring";
import { OutputValue } from "../types";
import { findSetting, unknownSettingMessage } from "./keys";
import { SettingDef, settingDefault, SettingValue, setSetting } from "./table";
import { parseSettingValue, showSettingValue } from "./value";

/**
 * One setting changed by hand, outside the 设置 sheet (`scorecard whatif --set KEY=VALUE`, 规则
 * §7.2): the key as on 设置 (zh, en or id; unit brackets optional, full- or half-width) and the
 * value as typed, read exactly as the sheet's 值 cell would be. Blank text means the default,
 * as a blank 值 does. A refusal says in words what is wrong and names the key.
 */

export type SettingAssignment =
  | {
      ok: true;
      setting: SettingDef;
      /** The value as `Rules` holds it. */
      value: SettingValue;
      /** The value as the 设置 sheet would show it (for "奖金总额（元）=50000" in a report). */
      shown: OutputValue;
    }
  | {
      ok: false;
      /**
       * unknownKey: no setting has this name; badValue: the key is known, the value cannot be read;
       * noEquals: `parseSettingAssignmentText` got no "=".
       */
      reason: "unknownKey" | "badValue" | "noEquals";
      /** The key as typed (trimmed). */
      key: string;
      message: Msg;
    };

/** Reads `key` = `valueText`; nothing is applied (see `applySettingAssignment`). */
export function parseSettingAssignment(key: string, valueText: string): SettingAssignment {
  const typed = key.trim();
  const def = findSetting(typed);
  if (!def)
    return { ok: false, reason: "unknownKey", key: typed, message: unknownSettingMessage(typed, false) };
  const text = valueText.trim();
  const parsed =
    text === "" ? { ok: true as const, value: settingDefault(def) } : parseSettingValue(def, text);
  if (!parsed.ok)
    return {
      ok: false,
      reason: "badValue",
      key: typed,
      message: msg(
        `设置项“${def.zh}”的值“${text}”无法使用：${parsed.message.zh}`,
        `Setting "${def.zh}" (${def.en}): the value "${text}" cannot be used: ${parsed.message.en}`
      ),
    };
  return { ok: true, setting: def, value: parsed.value, shown: showSettingValue(def, parsed.value) };
}

/** Reads one `KEY=VALUE` text (the first "=" or "＝" splits it). */
export function parseSettingAssignmentText(text: string): SettingAssignment {
  const at = text.search(/[=＝]/);
  if (at < 0)
    return {
      ok: false,
      reason: "noEquals",
      key: text.trim(),
      message: msg(
        `“${text.trim()}”应写成 项目=值，例如 奖金总额=50000`,
        `"${text.trim()}" should read KEY=VALUE, for example BonusPool=50000`
      ),
    };
  return parseSettingAssignment(text.slice(0, at), text.slice(at + 1));
}

/** Puts an accepted assignment into `rules` (which the caller owns, e.g. a `defaultRules()` copy). */
export function applySettingAssignment(rules: Rules, change: Extract<SettingAssignment, { ok: true }>): void {
  setSetting(rules, change.setting, change.value);
}
