import { Advanced, DecisionRecord, Locale, msg, Msg, say } from "../scoring";
import { OutputValue, StreamedSheet } from "./types";

/**
 * Marks that survive mailing and printing (规则 §8): a row of 排名 or 先进个人 is filled light
 * green when advanced, yellow when tied at the last place (并列待定), grey when not eligible
 * (村改居不参评) — and a legend below the table says so in words, for a reader of a black-and-white
 * print or of a file opened without colours.
 *
 * The legend sits one blank row below the table, its words in the second column, each cell filled
 * with its own colour. The first column holds `图例` (text): whoever reads the table back stops at
 * the blank row (chartSource) or counts rows by a numeric 名次 (the e2e), and neither mistakes a
 * legend line for a ranked row.
 */

export const ADVANCED_COLOR = "#C6EFCE";
export const TIE_COLOR = "#FFEB9C";
export const NOT_ELIGIBLE_COLOR = "#D9D9D9";

/** The fill of a ranked line: advanced, tie, not eligible; null for an eligible one not advanced. */
export function markColor(advanced: Advanced, eligible: boolean): string | null {
  if (!eligible) return NOT_ELIGIBLE_COLOR;
  if (advanced === "tie") return TIE_COLOR;
  return advanced ? ADVANCED_COLOR : null;
}

/** 规则 §10: a place the 考核组 decided, in the words of 排名, 先进个人, 成绩单 and the pane. */
export function decidedLabel(advanced: boolean): Msg {
  return advanced
    ? msg("先进（考核组决定）", "advanced (group's decision)")
    : msg("非先进（考核组决定）", "not advanced (group's decision)");
}

/** The reason and 依据 of a decision in one line (the pane's hover text on its badge). */
export function decisionHint(d: DecisionRecord): string {
  return [d.reason, d.basis].filter((x) => x !== undefined).join(" · ");
}

const LEGEND = [
  { color: ADVANCED_COLOR, text: msg("先进", "Advanced") },
  { color: TIE_COLOR, text: msg("并列待定", "Tie — needs a decision") },
  { color: NOT_ELIGIBLE_COLOR, text: msg("村改居不参评", "村改居: not eligible") },
];

/**
 * The sheet with its legend appended: a blank row, then one row per mark (`图例` in the first
 * column of the first), the word in the second column filled with the mark's colour.
 */
export function withLegend(sheet: StreamedSheet, locale: Locale): StreamedSheet {
  const width = Math.max(2, sheet.numberFormats.length);
  const blank = (): OutputValue[] => Array<OutputValue>(width).fill(null);
  const start = sheet.rowCount + 1;
  const legend = LEGEND.map((item, i) => {
    const line = blank();
    if (i === 0) line[0] = say(msg("图例", "Legend"), locale);
    line[1] = say(item.text, locale);
    return line;
  });
  const cellFills = [
    ...(sheet.cellFills ?? []),
    ...LEGEND.map((item, i) => ({ row: start + i, column: 1, color: item.color })),
  ];
  const rows = sheet.eachRow;
  return {
    ...sheet,
    cellFills,
    rowCount: start + legend.length,
    rowWidth: Math.max(sheet.rowWidth, width),
    *eachRow() {
      yield* rows();
      yield blank();
      for (const line of legend) yield [...line];
    },
  };
}
