import { Exact } from "./exact";

/**
 * 就高不就低: among items sharing a key, only the one with the most points counts (the earliest
 * row on equal points). Returns, for each item, null when it counts or the index of the item
 * that was counted instead. Used by same-kind honors and same-content articles alike.
 */
export function keepHighestPerKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  pointsOf: (item: T) => Exact,
  rowOf: (item: T) => number
): (number | null)[] {
  const best = new Map<string, number>();
  const keys = items.map(keyOf); // built once: keys are composed strings
  items.forEach((item, i) => {
    const key = keys[i];
    const j = best.get(key);
    if (j === undefined) {
      best.set(key, i);
      return;
    }
    const c = pointsOf(item).cmp(pointsOf(items[j]));
    if (c > 0 || (c === 0 && rowOf(item) < rowOf(items[j]))) best.set(key, i);
  });
  return keys.map((key, i) => {
    const j = best.get(key) as number;
    return j === i ? null : j;
  });
}
