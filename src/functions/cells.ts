import { Exact } from "../scoring/exact";
import { parseLevel, Level } from "../scoring/levels";
import { UserError } from "../scoring/errors";
import { foldKey, Msg } from "../scoring/text";
import { isBlank, parseNumber, parseYesNo, showValue } from "../scoring/values";

/**
 * Reading custom-function arguments. Excel passes omitted optionals as null (sometimes
 * undefined), scalars as numbers/strings/booleans, and ranges as unknown[][]. Anything that
 * cannot be read raises #VALUE! with a message naming the value and what is expected — never a
 * wrong number. Out-of-range numbers raise #VALUE! too: Excel shows a custom message only on
 * #VALUE! and #N/A (规则 §7.1), a #NUM! would reach the user bare.
 *
 * A blank cell reaches a function as null (Excel on the web), "" (some hosts, the tests) or 0
 * (Excel on Windows and Mac: OfficeDev/office-js #4702, #5262). Where 0 cannot be a real value —
 * a level, a kind, a content key, a line, a yes/no — 0 is read as blank, so the three give the
 * same answer.
 */
export type ErrorKind = "value" | "na";

export class ArgumentError extends UserError {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, text: Msg) {
    // Excel shows one message; Chinese first (the product's language), English after it.
    super(text, `${text.zh} | ${text.en}`);
    this.name = "ArgumentError";
    this.kind = kind;
  }
}

export function omitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/** A blank cell however Excel hands it over (null, "", or 0 on desktop) where 0 cannot be meant. */
export function blankCell(value: unknown): boolean {
  return value === 0 || isBlank(value);
}

/** A scalar argument that may arrive as a 1×1 range. */
function scalar(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
    ? value[0][0]
    : value;
}

export function levelArg(value: unknown, where: Where = ""): Level {
  const cell = scalar(value);
  const parsed = parseLevel(blankCell(cell) ? "" : cell);
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

export function yesNoArg(value: unknown, fallback: boolean, where: Where = ""): boolean {
  // 0 reads as "no" (规则 §1): the same answer as a blank, since every yes/no argument of the
  // functions defaults to no.
  const parsed = parseYesNo(scalar(value), fallback);
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

export function numberArg(value: unknown, where: Where = ""): Exact {
  const parsed = parseNumber(scalar(value));
  if (!parsed.ok) throw new ArgumentError("value", prefix(parsed.message, where));
  return parsed.value;
}

/** A cell as a comparison key (folded like every name and key). */
export function keyArg(value: unknown): string {
  return blankCell(value) ? "" : foldKey(showValue(value));
}

/**
 * Where an argument came from: a parameter name, or the 0-based row of a range — kept as a
 * number and worded only when there is an error, since ranges run to 100,000 rows.
 */
export type Where = string | number;

export function whereText(where: Where): Msg {
  return typeof where === "number"
    ? { zh: `第 ${where + 1} 行`, en: `Row ${where + 1}` }
    : { zh: where, en: where };
}

function prefix(text: Msg, where: Where): Msg {
  if (where === "") return text;
  const w = whereText(where);
  return { zh: `${w.zh}：${text.zh}`, en: `${w.en}: ${text.en}` };
}

/** A range argument as one list of cells (row by row); a scalar is a one-cell range. */
export function cellsOf(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  // A plain loop: flatMap over 100,000 one-cell rows is several times slower.
  const out: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const cell of row) out.push(cell);
    else out.push(row);
  }
  return out;
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
