import {
  cellText,
  defaultRules,
  excelError,
  formulaWithoutResult,
  msg,
  Msg,
  Rules,
  Severity,
  showValue,
  visible,
} from "../../scoring";
import { SHEETS } from "../schema";
import { HeaderRef, isBlank, issueAt, readRows } from "../sheet-reader";
import { Issue, SheetGrid } from "../types";
import { findSetting, unknownSettingMessage } from "./keys";
import { blankRepeat, KeptSetting, repeatedKey, sameSetting } from "./repeats";
import { SettingDef, SettingId, setSetting } from "./table";
import { ParsedValue, parseSettingValue, showSetting } from "./value";

/**
 * Reads the 设置 sheet (规则 §6): one row per key, 项目 / 值 / 说明. Every field of `Rules` has a
 * key; a missing key or a blank value takes the default; an unknown key or a bad value is a
 * warning that names the key, and the default is used. The one error (规则 §6): a key filled on
 * two rows with different values, for no rule can be chosen between them.
 */

interface SettingLine {
  row: number;
  key: unknown;
  value: unknown;
  keyCol: number;
  valueCol: number;
  valueHeader: string;
}

/**
 * A value cell read as the setting's type, or why it cannot be used — the whole sentence, naming
 * the key: an error value, a formula without a computed result (quoted as the formula) or a value
 * of the wrong kind.
 */
function readValue(def: SettingDef, value: unknown): ParsedValue {
  const formula = formulaWithoutResult(value);
  if (formula !== null)
    return {
      ok: false,
      message: msg(
        `设置项“${def.zh}”的公式 =${formula} 没有计算结果（文件由不计算公式的程序保存）：请在 Excel 中打开、保存后再试，或直接填写值`,
        `Setting "${def.zh}" (${def.en}): the formula =${formula} has no computed result (saved by a program that does not calculate): open and save the file in Excel, or type the value`
      ),
    };
  const err = excelError(value);
  const parsed = err
    ? { ok: false as const, message: msg(`单元格是错误值 ${err}`, `the cell holds the error ${err}`) }
    : parseSettingValue(def, value);
  if (parsed.ok) return parsed;
  const shown = visible(showValue(value));
  return {
    ok: false,
    message: msg(
      `设置项“${def.zh}”的值“${shown}”无法使用：${parsed.message.zh}`,
      `Setting "${def.zh}" (${def.en}): the value "${shown}" cannot be used: ${parsed.message.en}`
    ),
  };
}

/**
 * Reads the 设置 sheet into `Rules`. No sheet → the defaults. A sheet without a header row is read
 * by position (key in the first column, value in the second).
 */
export function readSettings(sheet?: SheetGrid): { rules: Rules; issues: Issue[] } {
  const rules = defaultRules();
  const issues: Issue[] = [];
  if (!sheet) return { rules, issues };
  const schema = SHEETS.settings;
  const read = readRows(sheet, schema);
  let rows: SettingLine[];
  const keyRef = read.headers.get("key");
  if (keyRef) {
    // Settings never block ranking: a problem on the sheet is a warning and the default applies.
    issues.push(...read.issues.map((i): Issue => ({ ...i, severity: "warning" })));
    const valueRef = read.headers.get("value");
    if (!valueRef)
      issues.push(
        issueAt(
          sheet,
          read.headerRow,
          schema.columns[1].zh,
          "warning",
          msg(
            `设置表缺少“${schema.columns[1].zh}”列：所有设置按默认值`,
            `The settings sheet has no "${schema.columns[1].zh}" (${schema.columns[1].en}) column: every setting takes its default`
          )
        )
      );
    rows = valueRef
      ? read.rows.map((r) => ({
          row: r.row,
          key: r.cells.key,
          value: r.cells.value,
          keyCol: keyRef.column,
          valueCol: valueRef.column,
          valueHeader: valueRef.header,
        }))
      : [];
  } else {
    rows = sheet.values
      .map((line, i) => ({
        row: sheet.firstRow + i,
        key: line[0],
        value: line[1],
        keyCol: sheet.firstColumn,
        valueCol: sheet.firstColumn + 1,
        valueHeader: schema.columns[1].zh,
      }))
      .filter((r) => !isBlank(r.key) || !isBlank(r.value));
  }

  const kept = new Map<SettingId, KeptSetting>();
  const defaults = defaultRules();
  for (const r of rows) {
    const keyText = cellText(r.key);
    const keyCell = { header: keyRef?.header ?? schema.columns[0].zh, column: r.keyCol, index: 0 };
    const valueCell = { header: r.valueHeader, column: r.valueCol, index: 1 };
    const warn = (message: Msg, at: HeaderRef = keyCell, row = r.row, severity: Severity = "warning") =>
      issues.push(issueAt(sheet, row, at, severity, message));
    if (keyText === "") {
      const shown = visible(showValue(r.value));
      warn(
        msg(
          `设置项名称空白，值“${shown}”未使用：请填写项目名称`,
          `A setting without a key: the value "${shown}" is not used`
        )
      );
      continue;
    }
    const def = findSetting(keyText);
    if (!def) {
      warn(unknownSettingMessage(keyText, true));
      continue;
    }
    const line: KeptSetting = { row: r.row, value: r.value, blank: isBlank(r.value), read: null };
    const earlier = kept.get(def.id);
    if (earlier !== undefined) {
      // 规则 §6: a key twice — a blank row and a filled one: the filled one counts; two values
      // that differ: an error (no row silently wins); the same value twice: a warning.
      if (line.blank !== earlier.blank) {
        const [blank, filled] = line.blank ? [line, earlier] : [earlier, line];
        warn(blankRepeat(def, blank.row, filled), valueCell, blank.row);
        if (line.blank) continue;
      } else {
        if (!line.blank) line.read = readValue(def, line.value);
        const same = sameSetting(earlier, line);
        warn(repeatedKey(def, earlier, line, same), valueCell, r.row, same ? "warning" : "error");
        continue;
      }
    }
    kept.set(def.id, line);
    if (line.blank) continue;
    const parsed = (line.read = readValue(def, line.value));
    if (parsed.ok) {
      setSetting(rules, def, parsed.value);
      continue;
    }
    const fallback = showSetting(def, defaults);
    const shown = fallback === null ? "空白" : String(fallback);
    const shownEn = fallback === null ? "blank" : String(fallback);
    warn(
      msg(
        `${parsed.message.zh}。已按默认值 ${shown} 计算`,
        `${parsed.message.en}. The default ${shownEn} is used`
      ),
      valueCell
    );
  }
  return { rules, issues };
}
