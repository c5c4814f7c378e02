import { cellText, Exact, msg, Msg, Parse, parseNumber, pts, Rules } from "../../scoring";
import { parseDate } from "../dates";
import { foldName } from "../sheet-reader";
import { OutputValue } from "../types";
import { getSetting, SettingDef, SettingType, SettingValue } from "./table";

/**
 * A setting's value between a cell and `Rules`, by the setting's type (table.ts): reading what a
 * person typed (a cell of 值, or the text after `--set KEY=`) and showing a value as the 设置
 * sheet writes it.
 */

export type ParsedValue = Parse<SettingValue>;

type NumberType = Extract<SettingType, { min: number }>;

function readExact(value: unknown, type: NumberType): Parse<Exact> {
  let v = value;
  let scale = Exact.ONE;
  if (type.kind === "number" && type.percent && typeof v === "string" && /[%％]\s*$/.test(v)) {
    v = v.replace(/[%％]\s*$/, "");
    scale = Exact.ratio(1, 100);
  }
  const parsed = parseNumber(v);
  if (!parsed.ok) return parsed;
  const x = parsed.value.mul(scale);
  const range = `${type.min}–${type.max}`;
  if (x.lt(Exact.fromNumber(type.min)) || x.gt(Exact.fromNumber(type.max)))
    return {
      ok: false,
      message: msg(`${pts(x)} 超出允许范围 ${range}`, `${pts(x)} is outside the allowed range ${range}`),
    };
  if (type.kind === "integer" && !x.isInteger())
    return { ok: false, message: msg(`${pts(x)} 应为整数`, `${pts(x)} must be a whole number`) };
  return { ok: true, value: x };
}

function readChoice(value: unknown, choices: Readonly<Record<string, Msg>>): ParsedValue {
  const key = foldName(cellText(value));
  for (const [code, words] of Object.entries(choices))
    if (foldName(words.zh) === key || foldName(words.en) === key) return { ok: true, value: code };
  const list = Object.values(choices);
  return {
    ok: false,
    message: msg(
      `应填 ${list.map((w) => `“${w.zh}”`).join(" 或 ")}`,
      `expected ${list.map((w) => `"${w.zh}" (${w.en})`).join(" or ")}`
    ),
  };
}

function readList(value: unknown): ParsedValue {
  const list = cellText(value)
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (list.length === 0) return { ok: false, message: msg("条线清单为空", "the list is empty") };
  return { ok: true, value: [...new Set(list)] };
}

/**
 * Reads a non-blank value (a cell, or typed text) as the setting's type; says what is wrong
 * instead when it cannot. Blank is the caller's business (on the sheet: the default).
 */
export function parseSettingValue(def: SettingDef, value: unknown): ParsedValue {
  const type = def.type;
  switch (type.kind) {
    case "number":
    case "money": {
      const x = readExact(value, type);
      return x.ok ? { ok: true, value: x.value } : x;
    }
    case "integer": {
      const x = readExact(value, type);
      return x.ok ? { ok: true, value: x.value.toNumber() } : x;
    }
    case "choice":
      return readChoice(value, type.choices);
    case "list":
      return readList(value);
    case "text": {
      const text = cellText(value).trim();
      return text === "" ? { ok: true, value: null } : { ok: true, value: text };
    }
    case "date": {
      const date = parseDate(value, { zh: def.zh, en: def.en });
      return date.ok ? { ok: true, value: date.value } : date;
    }
  }
}

/** A value as the 设置 sheet shows it: numbers as numbers, a choice as its zh word, a list joined by 、. */
export function showSettingValue(def: SettingDef, value: SettingValue): OutputValue {
  if (value === null) return null;
  if (value instanceof Exact) return value.toNumber();
  if (typeof value === "number") return value;
  if (typeof value === "string") return def.type.kind === "choice" ? def.type.choices[value].zh : value;
  return value.join("、");
}

/** The setting's value in `rules`, as the 设置 sheet shows it. */
export function showSetting(def: SettingDef, rules: Readonly<Rules>): OutputValue {
  return showSettingValue(def, getSetting(rules, def));
}
