import { Exact, ExactSum } from "./exact";

/**
 * 就高不就低: among items of one group (a community) sharing a key (honor kind, content), only
 * the one with the most points counts (the earliest row on equal points). Used by same-kind
 * honors and same-content articles alike.
 *
 * Each distinct (group, key) is a numbered slot (numbered.ts pairSlots, once per input), so an
 * offer is a few array reads: items are offered by position with their slot, points and row,
 * and each slot holds the best position so far. Nothing is allocated per item.
 */
export class HighestPerSlot {
  /** Per slot: the position counted, -1 while none was offered. */
  readonly best: Int32Array;
  private readonly bestPoints: Exact[];
  private readonly bestRow: Float64Array;

  constructor(slots: number) {
    this.best = new Int32Array(slots).fill(-1);
    this.bestPoints = new Array<Exact>(slots);
    this.bestRow = new Float64Array(slots);
  }

  offer(position: number, slot: number, points: Exact, row: number): void {
    const at = this.best[slot];
    if (at >= 0) {
      const c = points.cmp(this.bestPoints[slot]);
      if (c < 0 || (c === 0 && row >= this.bestRow[slot])) return;
    }
    this.best[slot] = position;
    this.bestPoints[slot] = points;
    this.bestRow[slot] = row;
  }

  /** Each group's sum of the points that count: `sums[group]`, undefined for a group with none. */
  totals(groupOf: Int32Array, groups: number): (Exact | undefined)[] {
    const sums: (ExactSum | undefined)[] = new Array(groups);
    for (let s = 0; s < this.best.length; s++) {
      if (this.best[s] < 0) continue;
      const points = this.bestPoints[s];
      if (points.isZero()) continue;
      const g = groupOf[s];
      points.addTo((sums[g] ??= new ExactSum()));
    }
    return sums.map((s) => s?.value());
  }
}
