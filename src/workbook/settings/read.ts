import { cellText, defaultRules, excelError, msg, Rules, showValue } from "../../scoring";
import { SHEETS } from "../schema";
import { isBlank, issueAt, readRows } from "../sheet-reader";
import { Issue, SheetGrid } from "../types";
import { findSetting, nearestSetting } from "./keys";
import { SettingId, setSetting } from "./table";
import { parseSettingValue, showSetting } from "./value";

/**
 * Reads the 设置 sheet (SPEC §6): one row per key, 项目 / 值 / 说明. Every field of `Rules` has a
 * key; a missing key or a blank value takes the default; an unknown key or a bad value is a
 * warning that names the key, and the default is used. Settings never block ranking.
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

  const seen = new Map<SettingId, number>();
  const defaults = defaultRules();
  for (const r of rows) {
    const keyText = cellText(r.key);
    const keyCell = { header: keyRef?.header ?? schema.columns[0].zh, column: r.keyCol, index: 0 };
    const valueCell = { header: r.valueHeader, column: r.valueCol, index: 1 };
    if (keyText === "") {
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          msg(
            `设置项名称空白，值“${showValue(r.value)}”未使用：请填写项目名称`,
            `A setting without a key: the value "${showValue(r.value)}" is not used`
          )
        )
      );
      continue;
    }
    const def = findSetting(keyText);
    if (!def) {
      const near = nearestSetting(keyText);
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          near
            ? msg(
                `未知的设置项“${keyText}”，已忽略：是否应为“${near.zh}”？`,
                `Unknown setting "${keyText}", ignored: did you mean "${near.zh}" (${near.en})?`
              )
            : msg(
                `未知的设置项“${keyText}”，已忽略：可用的项目见模板中的设置表`,
                `Unknown setting "${keyText}", ignored: see the template's settings sheet for the keys`
              )
        )
      );
      continue;
    }
    const earlier = seen.get(def.id);
    if (earlier !== undefined) {
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          msg(
            `设置项“${def.zh}”与第 ${earlier} 行重复：按第 ${earlier} 行的值，本行忽略`,
            `Setting "${def.zh}" repeats row ${earlier}: row ${earlier} counts, this row is ignored`
          )
        )
      );
      continue;
    }
    seen.set(def.id, r.row);
    if (isBlank(r.value)) continue;
    const err = excelError(r.value);
    const parsed = err
      ? { ok: false as const, message: msg(`单元格是错误值 ${err}`, `the cell holds the error ${err}`) }
      : parseSettingValue(def, r.value);
    if (parsed.ok) {
      setSetting(rules, def, parsed.value);
      continue;
    }
    const fallback = showSetting(def, defaults);
    const shown = fallback === null ? "空白" : String(fallback);
    const shownEn = fallback === null ? "blank" : String(fallback);
    issues.push(
      issueAt(
        sheet,
        r.row,
        valueCell,
        "warning",
        msg(
          `设置项“${def.zh}”的值“${showValue(r.value)}”无法使用：${parsed.message.zh}。已按默认值 ${shown} 计算`,
          `Setting "${def.zh}" (${def.en}): the value "${showValue(r.value)}" cannot be used: ${parsed.message.en}. The default ${shownEn} is used`
        )
      )
    );
  }
  return { rules, issues };
}
