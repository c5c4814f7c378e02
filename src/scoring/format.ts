import { Exact } from "./exact";

/** Points in reason text: up to 2 decimals, half-up, trailing zeros dropped ("0.5", "5", "0.67"). */
export function pts(value: Exact): string {
  const text = value.toFixed(2);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/**
 * A community's figure as every output shows it — 单项奖励, 综合得分, 折算分, 距先进线, 距上一名,
 * money, and the scores they are made of: 2 decimals, half-up from the exact value ("110.67" for
 * 110 + 2/3). One official figure on every sheet, document, card and in the CLI; the matching cell
 * number format is OFFICIAL_FORMAT. Only a record's own points show more (`exactText`).
 */
export function officialFigure(value: Exact): string {
  return value.toFixed(2);
}

/** Cell number format of `officialFigure`: what a cell holding the exact value shows. */
export const OFFICIAL_FORMAT = "0.00";

/** Money in cents as the official figure in yuan ("12072.73"). */
export function yuanFigure(cents: bigint): string {
  return officialFigure(Exact.ratio(cents, 100));
}

/**
 * A record's own points as text exactly as far as display allows (规则 §8): 2 decimals when that
 * is exact, else 4 ("2.50", "0.0667"); its reason gives the exact share. The matching cell number
 * format is EXACT_FORMAT. A community's figures use `officialFigure` instead.
 */
export function exactText(value: Exact): string {
  return value.toFixed(value.roundHalfUp(2).eq(value) ? 2 : 4);
}

/** Cell number format of `exactText`: 2 decimals, up to 4 where the value has them. */
export const EXACT_FORMAT = "0.00##";
