import { defaultRules, msg, Msg, Rules } from "../../scoring";
import { OutputValue } from "../types";
import { SETTINGS } from "./table";
import { showSetting } from "./value";

/** The settings as people see them: the template's 设置 rows and the header line of generated sheets. */

/** The 设置 rows (项目, 值, 说明) for `rules`, in template order; [I] marks an interpretation. */
export function settingsRows(rules: Readonly<Rules>): OutputValue[][] {
  return SETTINGS.map((s) => [
    s.zh,
    showSetting(s, rules),
    s.interpretation ? `[I] ${s.note.zh}` : s.note.zh,
  ]);
}

/** A short line of the settings that differ from the defaults, for the header line of generated sheets. */
export function settingsSummary(rules: Readonly<Rules>): Msg {
  const defaults = defaultRules();
  // Document settings are no rule of the result: the line names only what changes the scores.
  const changed = SETTINGS.filter((s) => !s.document && showSetting(s, rules) !== showSetting(s, defaults));
  if (changed.length === 0) return msg("设置：全部为默认值", "settings: all defaults");
  return msg(
    `设置：${changed.map((s) => `${s.zh}=${showSetting(s, rules) ?? "空白"}`).join("；")}（其余为默认值）`,
    `settings: ${changed.map((s) => `${s.en}=${showSetting(s, rules) ?? "blank"}`).join("; ")} (others default)`
  );
}
