import { Exact, sum } from "./exact";

/**
 * Splits `totalCents` in proportion to `weights` so the parts add up exactly (largest remainder,
 * 规则 §5): everyone gets the floor of their exact share, and the cents left over go one each to
 * the largest fractional remainders; equal remainders go by `tieKeys` order, so the result does
 * not depend on the order of the input. All-zero weights split equally.
 */
export function largestRemainder(
  totalCents: bigint,
  weights: readonly Exact[],
  tieKeys: readonly string[]
): bigint[] {
  if (weights.length === 0) return [];
  const allZero = weights.every((w) => w.isZero());
  const used = allZero ? weights.map(() => Exact.ONE) : weights;
  const whole = sum(used);
  const total = Exact.int(totalCents);
  const shares = used.map((w) => total.mul(w).div(whole));
  const floors = shares.map((s) => s.floor());
  let left = totalCents - floors.reduce((a, b) => a + b, 0n);
  // Nothing left over (often, in whole yuan): no remainders to order.
  if (left <= 0n) return floors;
  const order = shares
    .map((s, i) => ({ i, rest: s.sub(Exact.int(floors[i])) }))
    .sort(
      (a, b) =>
        b.rest.cmp(a.rest) || (tieKeys[a.i] < tieKeys[b.i] ? -1 : tieKeys[a.i] > tieKeys[b.i] ? 1 : a.i - b.i)
    );
  for (const { i } of order) {
    if (left <= 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors;
}

/** Yuan → cents, half-up. */
export function toCents(yuan: Exact): bigint {
  const c = yuan.mul(Exact.int(100)).roundHalfUp(0);
  return c.n;
}

export function centsToYuan(cents: bigint): number {
  return Number(cents) / 100;
}
