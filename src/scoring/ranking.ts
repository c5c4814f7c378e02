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
 * 规则 §4: the top `slots` eligible items (sorted best first) are advanced. When the last slot
 * falls inside a tie, every item of that tie is "tie" (并列待定) — none is dropped silently.
 * Returns one mark per item of `sorted`, and the tied items when there is such a tie.
 */
export function markAdvanced<T>(
  sorted: readonly T[],
  eligible: (item: T, index: number) => boolean,
  slots: number,
  compare: (a: T, b: T) => number
): { marks: Advanced[]; tied: T[] } {
  const places = advancedPlaces(
    sorted.length,
    (i) => eligible(sorted[i], i),
    slots,
    (a, b) => compare(sorted[a], sorted[b])
  );
  const marks: Advanced[] = new Array<Advanced>(sorted.length).fill(false);
  places.positions.forEach((p, k) => (marks[p] = places.marks[k]));
  return { marks, tied: places.tied.map((i) => sorted[i]) };
}

/**
 * markAdvanced by position, for long lists (tens of thousands of staff): only the marked
 * positions (in order) and their marks (true or "tie") are returned, every other position is
 * `false`, and the list is read only as far as the last advanced place and its tie.
 */
export function advancedPlaces(
  count: number,
  eligible: (index: number) => boolean,
  slots: number,
  compare: (a: number, b: number) => number
): { positions: number[]; marks: Advanced[]; tied: number[] } {
  const positions: number[] = [];
  const marks: Advanced[] = [];
  const tied: number[] = [];
  if (slots <= 0) return { positions, marks, tied };
  // The first slots + 1 eligible positions, best first.
  const pool: number[] = [];
  let i = 0;
  for (; i < count && pool.length <= slots; i++) if (eligible(i)) pool.push(i);
  if (pool.length <= slots || compare(pool[slots - 1], pool[slots]) !== 0) {
    for (let k = 0; k < pool.length && k < slots; k++) {
      positions.push(pool[k]);
      marks.push(true);
    }
    return { positions, marks, tied };
  }
  // The last slot falls in a tie: the better ones are advanced, the whole tie is "tie" — the
  // pool's end and every eligible position after it that still ties.
  const last = pool[slots - 1];
  for (const p of pool) {
    const c = compare(p, last);
    positions.push(p);
    marks.push(c < 0 ? true : "tie");
    if (c === 0) tied.push(p);
  }
  for (; i < count; i++) {
    if (!eligible(i)) continue;
    // Sorted best first: past the tie nothing more is marked.
    if (compare(i, last) !== 0) break;
    positions.push(i);
    marks.push("tie");
    tied.push(i);
  }
  return { positions, marks, tied };
}

/**
 * For cells (RANK_EXACT): decimal scores that agree to 9 significant digits are equal, so float
 * noise such as 81.00000000000001 against 81 is no difference (规则 §7.1).
 */
export function cellScoreKey(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(9));
}

/**
 * 规则 §8 距先进线 over items sorted best first, given their advanced marks: for an eligible item
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
