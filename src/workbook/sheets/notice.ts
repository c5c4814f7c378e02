import { AssessmentResult, DocumentSettings, Locale, msg, Msg, officialFigure, say } from "../../scoring";
import { isIsoDate } from "../dates";
import { printSetup } from "../print";
import { headerLine, ReportContext } from "../report";
import { SHEETS } from "../schema";
import { MACHINE_LOOK } from "../statements";
import { displayWidth } from "../text-width";
import { CellLook, OutputSheet, OutputValue } from "../types";

/**
 * 公示名单 / Notice (the rules in docs/, §10): the page a town posts for public review — the title,
 * an opening paragraph from the document settings of 设置 (公示单位, 公示开始日期, 公示天数,
 * 异议联系人, 联系电话), the advanced communities in rank order with 综合得分 and 折算分, the
 * advanced individuals with their community, then the signing unit and the date.
 *
 * Layout: a document, like 成绩单 (statements.ts). Four columns, 68 characters wide together and
 * centred on portrait A4, so one-page-wide printing keeps the 11 pt text at (about) full size; the
 * title 18 pt over the four; the paragraph merged across them, wrapped, in a row made as tall as its
 * lines. Figures are written as their official figure (2 decimals) in text, so every reader shows
 * the same digits. The machine line (A1) stays out of the print area. Printed by LibreOffice, the
 * sample without an open tie gives one page with every word ≥ 10 pt
 * (test/libreoffice/notice-pdf.test.ts).
 */

const WIDTHS = [10, 24, 20, 14];
const LAST = WIDTHS.length - 1;
const TITLE_SIZE = 18;
/** Points of a line of 11 pt text; the paragraph's row is this many per wrapped line. */
const LINE_POINTS = 16;
const TEXT = "@";
/** The ideographic space (U+3000): a paragraph's first-line indent, and the gaps of 年 月 日. */
const GAP = "\u3000";
/** A setting not filled in prints as a line to write on. */
const BLANK = "________";

const CENTER: Readonly<CellLook> = { center: true, middle: true };

/** `{考核年度}年度社区目标管理考核先进社区和先进个人公示`, without the year when none is set. */
export function noticeTitle(year: number | null, locale: Locale): string {
  if (locale === "en-US")
    return `${year === null ? "" : `${year} `}Community Target Management Assessment: Public Notice of the Advanced`;
  return `${year === null ? "" : `${year}年度`}社区目标管理考核先进社区和先进个人公示`;
}

/**
 * The last day of the notice: the first day counted, calendar days — 5 days from 2026-01-05 end on
 * 2026-01-09 (the rules in docs/, §10). Null when no start is set.
 */
export function noticeEnd(start: string | null, days: number): string | null {
  if (start === null || !isIsoDate(start)) return null;
  const [y, m, d] = start.split("-").map(Number);
  const end = new Date(Date.UTC(y, m - 1, d + days - 1));
  return end.toISOString().slice(0, 10);
}

/** A "YYYY-MM-DD" date as a notice writes it: 2026年1月5日 (en-US: 2026-01-05). */
function dateText(iso: string | null, locale: Locale): string {
  if (iso === null)
    return locale === "en-US" ? BLANK : `${GAP.repeat(4)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`;
  if (locale === "en-US") return iso;
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The opening paragraph, from the document settings; what is not set prints as a line to fill in. */
export function noticeOpening(
  doc: Readonly<DocumentSettings>,
  year: number | null,
  counts: { communities: number; individuals: number },
  locale: Locale
): string {
  const or = (v: string | null) => v ?? BLANK;
  const start = dateText(doc.noticeStart, locale);
  const end = dateText(noticeEnd(doc.noticeStart, doc.noticeDays), locale);
  if (locale === "en-US")
    return (
      `Following the ${year === null ? "" : `${year} `}community target management assessment, the ${counts.communities} communities ` +
      `and ${counts.individuals} individuals below are proposed as advanced and are hereby posted for public review ` +
      `from ${start} to ${end} (${doc.noticeDays} days). Objections during this time may be made to ` +
      `${or(doc.noticeUnit)} (contact: ${or(doc.objectionContact)}, phone: ${or(doc.contactPhone)}).`
    );
  return (
    `${GAP.repeat(2)}根据${year === null ? "" : `${year}年度`}社区目标管理考核结果，拟评定以下` +
    `${counts.communities}个社区为先进社区、${counts.individuals}名同志为先进个人，现予以公示。` +
    `公示时间为${start}至${end}（共${doc.noticeDays}天）。公示期间，如有异议，请向${or(doc.noticeUnit)}反映` +
    `（联系人：${or(doc.objectionContact)}，联系电话：${or(doc.contactPhone)}）。`
  );
}

/** The notice's words. */
const W = {
  communities: (n: number): Msg => msg(`一、先进社区（${n}个）`, `1. Advanced communities (${n})`),
  individuals: (n: number): Msg => msg(`二、先进个人（${n}名）`, `2. Advanced individuals (${n})`),
  rank: msg("名次", "Rank"),
  number: msg("序号", "No."),
  community: msg("社区", "Community"),
  name: msg("姓名", "Name"),
  total: msg("综合得分", "Total"),
  converted: msg("折算分", "Converted"),
};

/**
 * 公示名单 as a generated sheet. The caller has made sure no place at the cut is open (a 并列待定
 * cannot be posted): only those marked advanced are listed.
 */
export function noticeSheet(result: AssessmentResult, ctx: ReportContext): OutputSheet {
  const L = ctx.locale;
  const t = (m: Msg) => say(m, L);
  const doc = ctx.rules.document;
  const communities = result.communities.filter((c) => c.advanced === true);
  const individuals = result.individuals.filter((p) => p.advanced === true);

  const rows: OutputValue[][] = [];
  const merges: { row: number; firstColumn: number; lastColumn: number }[] = [];
  const looks: { row: number; look: CellLook }[] = [];
  const heights: { row: number; points: number }[] = [];
  const bold: number[] = [];
  const add = (cells: OutputValue[], opts: { bold?: boolean; look?: CellLook; merge?: boolean } = {}) => {
    const row = rows.length;
    rows.push(WIDTHS.map((_, c) => cells[c] ?? null));
    if (opts.bold) bold.push(row);
    if (opts.look) looks.push({ row, look: opts.look });
    if (opts.merge) merges.push({ row, firstColumn: 0, lastColumn: LAST });
    return row;
  };

  add([headerLine("notice", ctx)], { look: MACHINE_LOOK });
  const title = add([noticeTitle(ctx.rules.year, L)], {
    bold: true,
    merge: true,
    look: { size: TITLE_SIZE, center: true, middle: true },
  });
  heights.push({ row: title, points: 36 });
  add([]);
  const opening = noticeOpening(
    doc,
    ctx.rules.year,
    { communities: communities.length, individuals: individuals.length },
    L
  );
  const paragraph = add([opening], { merge: true, look: { wrap: true } });
  // Characters a line of the merged paragraph holds, less a little for readers measuring wider.
  const perLine = WIDTHS.reduce((a, b) => a + b, 0) - 8;
  heights.push({ row: paragraph, points: Math.ceil(displayWidth(opening) / perLine) * LINE_POINTS + 4 });
  add([]);

  add([t(W.communities(communities.length))], { bold: true });
  add([t(W.rank), t(W.community), t(W.total), t(W.converted)], { bold: true, look: CENTER });
  for (const c of communities)
    add([String(c.rank), c.name, officialFigure(c.total), officialFigure(c.converted)], { look: CENTER });
  add([]);
  add([t(W.individuals(individuals.length))], { bold: true });
  add([t(W.number), t(W.name), t(W.community)], { bold: true, look: CENTER });
  individuals.forEach((p, i) => add([String(i + 1), p.name, p.community], { look: CENTER }));
  add([]);
  add([]);
  // The signing unit and the date under it, on the right half of the page.
  const unit = add([null, null, doc.noticeUnit ?? BLANK], { look: CENTER });
  merges.push({ row: unit, firstColumn: 2, lastColumn: LAST });
  const date = add([null, null, dateText(doc.noticeStart, L)], { look: CENTER });
  merges.push({ row: date, firstColumn: 2, lastColumn: LAST });

  return {
    key: "notice",
    name: ctx.names.notice ?? SHEETS.notice.zh,
    rows,
    // The title stands where other sheets have their column headers: every row above it would be bold.
    headerRow: title,
    // Every cell text: a rank, a name, an official figure as its digits — never reformatted.
    numberFormats: WIDTHS.map(() => TEXT),
    widths: [...WIDTHS],
    highlight: [],
    freezeRows: 0,
    print: printSetup("notice", {
      year: ctx.rules.year,
      locale: L,
      headerRow: null,
      // A1's machine line is for the stale check, not for the posted page.
      printRows: { first: 1, last: rows.length - 1 },
      centered: true,
    }),
    boldRows: bold,
    merges,
    rowLooks: looks,
    rowHeights: heights,
  };
}
