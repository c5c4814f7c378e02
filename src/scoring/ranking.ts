import { Exact } from "./exact";
import { Advanced } from "./model";

/**
 * Competition ranking (1, 2, 2, 4) over items sorted best first: an item shares the rank of the
 * one before it when `compare` says they are equal.
 */
export function competitionRanks<T>(sorted: readonly T[], compare: (a: T, b: T) => number): number[] {
  const ranks: number[] = [];
  sorted.forEach((item, i) => {
    ranks.push(i > 0 && compare(sorted[i - 1], item) === 0 ? ranks[i - 1] : i + 1);
  });
  return ranks;
}

/**
 * SPEC §4: the top `slots` eligible items (sorted best first) are advanced. When the last slot
 * falls inside a tie, every item of that tie is "tie" (并列待定) — none is dropped silently.
 * Returns one mark per item of `sorted`, and the tied items when there is such a tie.
 */
export function markAdvanced<T>(
  sorted: readonly T[],
  eligible: (item: T, index: number) => boolean,
  slots: number,
  compare: (a: T, b: T) => number
): { marks: Advanced[]; tied: T[] } {
  const marks: Advanced[] = new Array<Advanced>(sorted.length).fill(false);
  // Positions of the eligible items, best first (no wrapper object per item: staff lists are long).
  const pool: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (eligible(sorted[i], i)) pool.push(i);
  if (slots <= 0 || pool.length === 0) return { marks, tied: [] };
  if (pool.length <= slots) {
    for (const i of pool) marks[i] = true;
    return { marks, tied: [] };
  }
  const last = sorted[pool[slots - 1]];
  const next = sorted[pool[slots]];
  if (compare(last, next) !== 0) {
    for (let k = 0; k < slots; k++) marks[pool[k]] = true;
    return { marks, tied: [] };
  }
  const tied: T[] = [];
  for (const i of pool) {
    const c = compare(sorted[i], last);
    if (c < 0) marks[i] = true;
    else if (c === 0) {
      marks[i] = "tie";
      tied.push(sorted[i]);
    }
    // Sorted best first: past the tie nothing more is marked.
    else break;
  }
  return { marks, tied };
}

/**
 * For cells (RANK_EXACT): decimal scores that agree to 9 significant digits are equal, so float
 * noise such as 81.00000000000001 against 81 is no difference (SPEC §7.1).
 */
export function cellScoreKey(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(9));
}

/**
 * SPEC §8 距先进线 over items sorted best first, given their advanced marks: for an eligible item
 * that is not advanced, the total of the last advanced place minus its own total (exact); 0 for
 * the advanced and for those tied at the cut; null for the ineligible (村改居), and null for all
 * when there is no advanced place at all (0 places, or nobody eligible).
 *
 * The last advanced place is the `slots`-th eligible item (or the last eligible one when there are
 * fewer): when the cut falls in a tie, that is the tie's total, so those just below it see how far
 * they are from the tie. With the ranking mode "target first" a community can trail the cut while
 * having a larger total, so its gap is then negative (it lost on the target score, not on points).
 */
export function gapsToCut<T>(
  sorted: readonly T[],
  eligible: (item: T) => boolean,
  marks: readonly Advanced[],
  slots: number,
  total: (item: T) => Exact
): (Exact | null)[] {
  let cut: Exact | null = null;
  if (slots > 0) {
    let seen = 0;
    for (const item of sorted) {
      if (!eligible(item)) continue;
      cut = total(item);
      if (++seen === slots) break;
    }
  }
  return sorted.map((item, i) => {
    if (!eligible(item) || cut === null) return null;
    return marks[i] === false ? cut.sub(total(item)) : Exact.ZERO;
  });
}

/**
 * 距上一名: how many points an item (sorted best first, with its competition rank) trails the one
 * ranked just above it — the last item of the previous rank. Null for rank 1. Items sharing a rank
 * trail the same item above.
 */
export function gapsToAbove<T>(
  sorted: readonly T[],
  ranks: readonly number[],
  total: (item: T) => Exact
): (Exact | null)[] {
  let above: Exact | null = null;
  return sorted.map((item, i) => {
    if (i > 0 && ranks[i] !== ranks[i - 1]) above = total(sorted[i - 1]);
    return above === null ? null : above.sub(total(item));
  });
}
