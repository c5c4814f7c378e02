import { Locale } from "../scoring";
import { GeneratedSheetKey, InputSheetKey, SHEETS } from "./schema";
import { readSettings } from "./settings";
import { findSheet } from "./sheet-reader";
import { PrintSetup, WorkbookGrids } from "./types";

/**
 * How each generated sheet prints (规则 §8), as data every writer translates: A4, the column-header
 * row repeated on every page, the year and the sheet's title centred in the page header, the page
 * number in the footer. 排名 and 先进个人 are wide tables read across: landscape. 计分明细, 校验结果
 * and 工作要点汇总 are long lists with a wide reason column: portrait. All fit one page wide (a
 * column cut onto a second sheet of paper is what reviewers complained of); as many pages tall as
 * the rows need.
 *
 * The header and footer are in Excel's header/footer codes, which Office.js and OOXML share:
 * `&P` the page, `&N` the pages, and a literal `&` written `&&` — so text from the user (a year
 * is a number, but a title may be renamed one day) goes through `escapeHeaderText`.
 */

const LANDSCAPE: ReadonlySet<GeneratedSheetKey> = new Set(["ranking", "individuals"]);

/**
 * Columns (characters) about as wide as A4 portrait holds at full size in Excel's Calibri; an input
 * sheet wider than this prints landscape (one page wide either way).
 */
const PORTRAIT_WIDTH = 90;

/** Text shown literally in a page header or footer: Excel reads `&` as the start of a code. */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The page footer: `第 &P 页，共 &N 页` (en-US `Page &P of &N`). */
export function pageFooter(locale: Locale): string {
  return locale === "en-US" ? "Page &P of &N" : "第 &P 页，共 &N 页";
}

/** The page header's words: `2025年度 排名` (en-US `2025 Ranking`); the title alone when no year is set. */
export function pageTitle(key: GeneratedSheetKey, year: number | null, locale: Locale): string {
  const title = locale === "en-US" ? SHEETS[key].en : SHEETS[key].zh;
  if (year === null) return title;
  return locale === "en-US" ? `${year} ${title}` : `${year}年度 ${title}`;
}

export interface PrintOptions {
  /** 考核年度 from 设置 (null: not set). */
  year: number | null;
  locale: Locale;
  /** 0-based row of the column headers: repeated at the top of every page (null: none, 成绩单's blocks). */
  headerRow: number | null;
  /** Rows after which a new page starts (成绩单's blocks). */
  breaksAfter?: number[];
  /** The rows that print (成绩单: all but A1's machine line). */
  printRows?: { first: number; last: number };
  /** Centred across the page (成绩单, narrower than the paper). */
  centered?: boolean;
}

/** The PrintSetup of a generated sheet. */
export function printSetup(key: GeneratedSheetKey, opts: PrintOptions): PrintSetup {
  const setup: PrintSetup = {
    orientation: LANDSCAPE.has(key) ? "landscape" : "portrait",
    onePageWide: true,
    header: escapeHeaderText(pageTitle(key, opts.year, opts.locale)),
    footer: pageFooter(opts.locale),
  };
  if (opts.headerRow !== null) setup.repeatRows = { first: opts.headerRow, last: opts.headerRow };
  if (opts.breaksAfter && opts.breaksAfter.length > 0) setup.breaksAfter = [...opts.breaksAfter];
  if (opts.printRows) setup.printRows = { ...opts.printRows };
  if (opts.centered) setup.centered = true;
  return setup;
}

/**
 * How an input sheet of the template and the sample prints: A4, one page wide (no column cut onto a
 * second sheet of paper), landscape when its columns are wider than portrait holds, the header row
 * on every page, the sheet's name above and the page number below.
 */
export function inputPrintSetup(key: InputSheetKey, widths: readonly number[], locale: Locale): PrintSetup {
  const title = locale === "en-US" ? SHEETS[key].en : SHEETS[key].zh;
  const wide = widths.reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH;
  return {
    orientation: wide ? "landscape" : "portrait",
    onePageWide: true,
    repeatRows: { first: 0, last: 0 },
    header: escapeHeaderText(title),
    footer: pageFooter(locale),
  };
}

/** 考核年度 from the workbook's 设置 (null when not set), for a sheet made without ranking (工作要点汇总). */
export function assessmentYear(grids: WorkbookGrids): number | null {
  return readSettings(findSheet(grids, SHEETS.settings)).rules.year;
}
