import { excelSerialToDate } from "./excel-date";
import { excelError, msg, Msg, normalizeText, Parse, showValue } from "../scoring";

/**
 * Due dates (完成时限) as people and hosts give them, read to one form: "YYYY-MM-DD".
 * Office.js hands over Excel date serials, ExcelJS hands over Date objects, and people type
 * "2026-06-30", "2026/6/30", "2026.6.30" or "2026年6月30日" (full-width digits too).
 * Anything else is refused with a message: a due date read wrong would hide an overdue point.
 */

/**
 * Serials below 61 (before 1900-03-01) are refused: no due date lies in early 1900, a small
 * number there is a slip. The conversion itself is src/workbook/excel-date.ts.
 */
const FIRST_SERIAL = 61;
/** Serial of 9999-12-31, the last date Excel can show. */
const LAST_SERIAL = 2_958_465;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DASHED_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

/** What the message calls the cell, e.g. the column's header in both languages. */
export interface DateLabel {
  zh: string;
  en: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** "YYYY-MM-DD" of a real calendar day, or null (month 13, 30 February, …). */
export function isoDate(year: number, month: number, day: number): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC treats years 0–99 as 1900–1999; a four-digit year never hits that, but check anyway.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a "YYYY-MM-DD" string naming a real day: the form `--today` and summaries expect. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** The date of an Excel serial; a time of day (the fraction) is dropped. */
function serialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1) return null;
  const day = excelSerialToDate(Math.floor(serial));
  return isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/**
 * The calendar date of a Date object. ExcelJS builds them at UTC midnight from the cell's
 * serial, so the UTC fields are the date the cell shows, whatever the machine's time zone.
 */
function objectDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

function textDate(value: string): string | null {
  // NFKC folds full-width digits and separators (２０２６／６／３０); spaces inside are noise.
  const text = normalizeText(value).replace(/\s/g, "");
  const m = DASHED_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The cell as the message quotes it; an invalid Date has no ISO text to show. */
function shownValue(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (value instanceof Date && Number.isNaN(value.getTime())) return "Invalid Date";
  return showValue(value);
}

function notADate(label: DateLabel, shown: string): Msg {
  return msg(
    `${label.zh}“${shown}”不是日期：请填写如 2026-06-30`,
    `${label.en} "${shown}" is not a date: enter one such as 2026-06-30`
  );
}

/**
 * A due-date cell as "YYYY-MM-DD"; `null` for a blank cell (no due date yet).
 * Numbers are Excel serials, because the column is a date column: a serial is how Excel
 * stores a date whatever format the cell shows.
 */
export function parseDate(value: unknown, label: DateLabel): Parse<string | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === "string" && normalizeText(value) === "") return { ok: true, value: null };
  const error = excelError(value);
  if (error)
    return {
      ok: false,
      message: msg(
        `${label.zh}是错误值 ${error}：请先修正其来源`,
        `${label.en} holds the error ${error}: fix its source first`
      ),
    };
  let date: string | null = null;
  if (typeof value === "number") date = serialDate(value);
  else if (value instanceof Date) date = objectDate(value);
  else if (typeof value === "string") date = textDate(value);
  if (date === null) {
    const shown = shownValue(value);
    return { ok: false, message: notADate(label, shown) };
  }
  return { ok: true, value: date };
}
