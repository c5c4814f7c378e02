import { Exact } from "./exact";

/** Points in reason text: up to 2 decimals, half-up, trailing zeros dropped ("0.5", "5", "0.67"). */
export function pts(value: Exact): string {
  const text = value.toFixed(2);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/**
 * A score as text exactly as far as display allows (SPEC §8): 2 decimals when that is exact,
 * else 4 ("2.50", "0.0667"). The matching cell number format is EXACT_FORMAT.
 */
export function exactText(value: Exact): string {
  return value.toFixed(value.roundHalfUp(2).eq(value) ? 2 : 4);
}

/** Cell number format of `exactText`: 2 decimals, up to 4 where the value has them. */
export const EXACT_FORMAT = "0.00##";
