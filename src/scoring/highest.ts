import { Exact } from "./exact";

/**
 * 就高不就低: among items of one group (a community) sharing a key (honor kind, content), only
 * the one with the most points counts (the earliest row on equal points). Returns, for each
 * item, null when it counts or the index of the item that was counted instead. Used by
 * same-kind honors and same-content articles alike.
 *
 * Group and key are looked up in nested maps rather than joined into one string: tens of
 * thousands of rows would otherwise each build and hash a fresh string.
 */
export function keepHighestPerKey<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  keyOf: (item: T, index: number) => string,
  pointsOf: (item: T) => Exact,
  rowOf: (item: T) => number
): (number | null)[] {
  const groups = new Map<string, Map<string, number>>();
  const slots: Map<string, number>[] = new Array(items.length);
  const keys: string[] = new Array(items.length);
  items.forEach((item, i) => {
    const group = groupOf(item);
    let best = groups.get(group);
    if (!best) groups.set(group, (best = new Map()));
    const key = keyOf(item, i);
    slots[i] = best;
    keys[i] = key;
    const j = best.get(key);
    if (j === undefined) {
      best.set(key, i);
      return;
    }
    const c = pointsOf(item).cmp(pointsOf(items[j]));
    if (c > 0 || (c === 0 && rowOf(item) < rowOf(items[j]))) best.set(key, i);
  });
  return keys.map((key, i) => {
    const j = slots[i].get(key) as number;
    return j === i ? null : j;
  });
}
