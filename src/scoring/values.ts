import { Exact } from "./exact";
import { foldKey, msg, Msg, normalizeText } from "./text";
import { visible } from "./visible";

/**
 * Reading what a cell holds. Excel gives numbers, booleans, strings ("" when blank) and, through
 * ExcelJS, also null, Date, error and formula objects. A value that cannot be read is an error
 * with a message, never a silent 0.
 */
export type Parse<T> = { ok: true; value: T } | { ok: false; message: Msg };

const ok = <T>(value: T): Parse<T> => ({ ok: true, value });
// Shared yes/no results: no allocation per cell.
const YES_RESULT: Parse<boolean> = { ok: true, value: true };
const NO_RESULT: Parse<boolean> = { ok: true, value: false };
const yesNo = (value: boolean): Parse<boolean> => (value ? YES_RESULT : NO_RESULT);
const fail = <T>(zh: string, en: string): Parse<T> => ({ ok: false, message: msg(zh, en) });

/** Largest magnitude accepted for any score or amount: far above any real figure, well below float trouble. */
export const ABSURD_LIMIT = 1e9;

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  // String.prototype.trim removes every Unicode space, U+3000 included.
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** A formula cell whose workbook holds no computed result (saved by a tool that does not calculate). */
export function formulaWithoutResult(value: unknown): string | null {
  if (value && typeof value === "object" && "formula" in value) {
    const f = (value as { formula: unknown }).formula;
    return typeof f === "string" ? f : "";
  }
  return null;
}

/** Text shown in messages for a cell value: a formula without a result as the formula (=4+1). */
export function showValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  const formula = formulaWithoutResult(value);
  if (formula !== null) return `=${formula}`;
  return JSON.stringify(value) ?? String(value);
}

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** An Excel error value as a cell gives it ("#N/A" text from Office.js, `{ error }` from ExcelJS); null otherwise. */
export function excelError(value: unknown): string | null {
  // Every error value starts with "#": text without one is none (no upper-casing of every cell).
  if (typeof value === "string" && value.includes("#") && EXCEL_ERRORS.has(value.trim().toUpperCase()))
    return value.trim().toUpperCase();
  if (value && typeof value === "object" && "error" in value)
    return String((value as { error: unknown }).error);
  return null;
}

const YES = ["是", "对", "有", "√", "✓", "✔", "y", "yes", "true", "1"];
const NO = ["否", "错", "无", "×", "✗", "✘", "n", "no", "false", "0"];
const YES_SET = new Set(YES.map(foldKey));
const NO_SET = new Set(NO.map(foldKey));

/** 规则 §1 yes/no words; blank gives the column's default. */
export function parseYesNo(value: unknown, fallback: boolean): Parse<boolean> {
  if (isBlank(value)) return yesNo(fallback);
  if (typeof value === "boolean") return yesNo(value);
  if (typeof value === "number") {
    if (value === 1) return YES_RESULT;
    if (value === 0) return NO_RESULT;
  }
  if (typeof value === "string") {
    const key = foldKey(value);
    if (YES_SET.has(key)) return YES_RESULT;
    if (NO_SET.has(key)) return NO_RESULT;
  }
  const err = excelError(value);
  const shown = err ?? visible(showValue(value));
  return fail(
    `无法识别“${shown}”：应填 是/否（也可用 对/错、有/无、√/×、Y/N、1/0）`,
    `Cannot read "${shown}" as yes/no: use 是/否, yes/no, Y/N, TRUE/FALSE or 1/0`
  );
}

/**
 * A number cell whose stored value is no number: the hosts give NaN for an empty or blank <v>
 * or "0x12" in a number cell — damage on that cell, never a 0 or a blank.
 */
export const DAMAGED_NUMBER: Msg = msg(
  "单元格里存的不是有效数字（文件中的数值已损坏）：请重新输入这个数",
  "The cell holds no valid number (the stored value is damaged): enter the number again"
);

/**
 * 规则 §1 numbers: Excel numbers and numeric text, full-width digits (`８５．５`) and surrounding
 * spaces included. Dates, booleans, error values, NaN/Infinity and absurd magnitudes are refused.
 * A number is read at Excel's 15 significant digits (Exact.fromNumber); numeric text is read
 * with every digit typed, as the cell shows it.
 */
export function parseNumber(value: unknown): Parse<Exact> {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { ok: false, message: DAMAGED_NUMBER };
    if (!Number.isFinite(value)) return fail(`“${value}”不是有效数字`, `"${value}" is not a valid number`);
    if (Math.abs(value) > ABSURD_LIMIT)
      return fail(`数值 ${value} 过大，请检查是否填错`, `${value} is far too large: check the cell`);
    return ok(Exact.fromNumber(value));
  }
  const err = excelError(value);
  if (err)
    return fail(
      `单元格是错误值 ${err}：请先修正其来源`,
      `The cell holds the error ${err}: fix its source first`
    );
  if (value instanceof Date)
    return fail(
      `这里应填数字，却是日期 ${showValue(value)}：请把单元格格式改为“常规”或“数值”后重填`,
      `A number belongs here, not the date ${showValue(value)}: set the cell format to General or Number and re-enter it`
    );
  if (typeof value === "boolean")
    return fail(
      `这里应填数字，却是 ${value ? "TRUE" : "FALSE"}`,
      `A number belongs here, not ${value ? "TRUE" : "FALSE"}`
    );
  if (typeof value === "string") {
    // NFKC folds full-width digits, point and minus; the ideographic full stop "。" is not a point.
    // normalizeText trims the ends; a space inside ("9 1") is left in, so the text is no number.
    const text = normalizeText(value).replace(/[−–]/g, "-");
    const parsed = Exact.parseDecimal(text);
    if (parsed) {
      if (Math.abs(parsed.toNumber()) > ABSURD_LIMIT)
        return fail(
          `数值 ${value.trim()} 过大，请检查是否填错`,
          `${value.trim()} is far too large: check the cell`
        );
      return ok(parsed);
    }
    return fail(
      `“${visible(value)}”不是数字：请填写数字（如 85 或 85.5）`,
      `"${visible(value)}" is not a number: enter a number such as 85 or 85.5`
    );
  }
  return fail(`“${showValue(value)}”不是数字`, `"${showValue(value)}" is not a number`);
}

/** Cell text for names and keys: numbers become their text, blanks become "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return normalizeText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return normalizeText(showValue(value));
}
