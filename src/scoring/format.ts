import { Exact } from "./exact";

/** Points in reason text: up to 2 decimals, half-up, trailing zeros dropped ("0.5", "5", "0.67"). */
export function pts(value: Exact): string {
  const text = value.toFixed(2);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
