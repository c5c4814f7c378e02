import { Exact } from "../scoring/exact";
import { parseLevel, Level } from "../scoring/levels";
import { foldKey, Msg } from "../scoring/text";
import { isBlank, parseNumber, parseYesNo, showValue } from "../scoring/values";

/**
 * Reading custom-function arguments. Excel passes omitted optionals as null (sometimes
 * undefined), scalars as numbers/strings/booleans, and ranges as unknown[][]. Anything that
 * cannot be read raises #VALUE! (or #NUM! when a number is out of range) with a message naming the
 * value and what is expected — never a wrong number.
 */
export type ErrorKind = "value" | "num" | "na";

export class ArgumentError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, text: Msg) {
    // Excel shows one message; Chinese first (the product's language), English after it.
    super(`${text.zh} | ${text.en}`);
    this.kind = kind;
  }
}

export function omitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/** A scalar argument that may arrive as a 1×1 range. */
function scalar(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
    ? value[0][0]
    : value;
}

export function levelArg(value: unknown, where = ""): Level {
  const parsed = parseLevel(scalar(value));
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

export function yesNoArg(value: unknown, fallback: boolean, where = ""): boolean {
  const parsed = parseYesNo(scalar(value), fallback);
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

export function numberArg(value: unknown, where = ""): Exact {
  const parsed = parseNumber(scalar(value));
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

/** A cell as a comparison key (folded like every name and key). */
export function keyArg(value: unknown): string {
  return isBlank(value) ? "" : foldKey(showValue(value));
}

function prefix(text: Msg, where: string): Msg {
  return where ? { zh: `${where}：${text.zh}`, en: `${where}: ${text.en}` } : text;
}

/** A range argument as one list of cells (row by row); a scalar is a one-cell range. */
export function cellsOf(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  return range.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** Optional range arguments must have the same number of cells as the first one. */
export function sameHeight(name: string, cells: unknown[] | null, expected: number, firstName: string): void {
  if (cells && cells.length !== expected)
    throw new ArgumentError("value", {
      zh: `区域 ${name} 有 ${cells.length} 个单元格，与 ${firstName} 的 ${expected} 个不等高：各区域行数必须相同`,
      en: `Range ${name} has ${cells.length} cells but ${firstName} has ${expected}: ranges must be of equal height`,
    });
}

export function optionalCells(range: unknown): unknown[] | null {
  return omitted(range) ? null : cellsOf(range);
}

export function rowLabel(i: number): string {
  return `第 ${i + 1} 行`;
}
