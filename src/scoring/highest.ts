import { Exact } from "./exact";

/**
 * 就高不就低: among items of one group (a community) sharing a key (honor kind, content), only
 * the one with the most points counts (the earliest row on equal points). Used by same-kind
 * honors and same-content articles alike.
 *
 * Done as the records are scored, in one pass and with no array or object per item: items are
 * offered by position with their group, key, points and row; each distinct (group, key) is a slot
 * holding the best position so far. Group and key are looked up in nested maps rather than joined
 * into one string: tens of thousands of rows would otherwise each build and hash a fresh string.
 */
export class HighestPerKey {
  private readonly groups = new Map<string, Map<string, number>>();
  /** Per offered position: its slot, or -1 when not offered. */
  private slotOf: Int32Array;
  /** Per slot: the position counted, its points and its row. */
  private best: number[] = [];
  private bestPoints: Exact[] = [];
  private bestRow: number[] = [];
  private beaten = false;

  constructor(positions = 0) {
    this.slotOf = new Int32Array(positions).fill(-1);
  }

  offer(position: number, group: string, key: string, points: Exact, row: number): void {
    if (position >= this.slotOf.length) {
      const grown = new Int32Array(Math.max(2 * this.slotOf.length, position + 1)).fill(-1);
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    let slots = this.groups.get(group);
    if (!slots) this.groups.set(group, (slots = new Map()));
    const slot = slots.get(key);
    if (slot === undefined) {
      const s = this.best.length;
      slots.set(key, s);
      this.slotOf[position] = s;
      this.best.push(position);
      this.bestPoints.push(points);
      this.bestRow.push(row);
      return;
    }
    this.slotOf[position] = slot;
    this.beaten = true;
    const c = points.cmp(this.bestPoints[slot]);
    if (c > 0 || (c === 0 && row < this.bestRow[slot])) {
      this.best[slot] = position;
      this.bestPoints[slot] = points;
      this.bestRow[slot] = row;
    }
  }

  /** Calls `beaten(position, counted)` for each offered item that does not count, in position order. */
  forEachBeaten(beaten: (position: number, counted: number) => void): void {
    if (!this.beaten) return;
    const { slotOf, best } = this;
    for (let i = 0; i < slotOf.length; i++) {
      const slot = slotOf[i];
      if (slot >= 0 && best[slot] !== i) beaten(i, best[slot]);
    }
  }
}
