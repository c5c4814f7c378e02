import { foldKey } from "./text";

/**
 * "Did you mean …?" for names people type: the one known name a mistyped one most likely means.
 * Levenshtein distance over code points, two rows, stopping early when the lengths alone are too
 * far apart — so a 32,767-character name costs no more than its length times the candidates.
 */

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** A name as compared for a suggestion: folded, and without white space or invisible characters. */
function loose(name: string): string {
  return foldKey(name).replace(/[\s\p{Cf}]/gu, "");
}

/** Names longer than this get no suggestion: nobody mistypes a paragraph, and the distance is quadratic. */
export const SUGGEST_MAX_CHARS = 100;

/**
 * The known name `typed` most likely means: the only candidate at the smallest distance, when
 * that distance is at most one edit per four characters (at least one). Equal once spaces and
 * invisible characters are dropped counts as distance 0. Two candidates equally near: none.
 */
export function nearestName(typed: string, candidates: readonly string[]): string | undefined {
  const t = loose(typed);
  if (t.length > SUGGEST_MAX_CHARS) return undefined;
  const limit = Math.max(1, Math.floor([...t].length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const l = loose(c);
    if (l.length > SUGGEST_MAX_CHARS) continue;
    if (Math.abs(l.length - t.length) > limit * 2) continue;
    const d = editDistance(t, l);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && c !== best) tie = true;
  }
  return tie ? undefined : best;
}
