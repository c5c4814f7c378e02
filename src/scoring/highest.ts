import { CommonUnit, Exact, ExactSum, SAFE_UNITS } from "./exact";

/**
 * 就高不就低: among items of one group (a community) sharing a key (honor kind, content), only
 * the one with the most points counts (the earliest row on equal points). Used by same-kind
 * honors and same-content articles alike.
 *
 * Each distinct (group, key) is a numbered slot (numbered.ts pairSlots, once per input), and the
 * points an item can have are few (ten honor outcomes, a share per level and sharing): they are
 * given once as a table, and an item is offered by position with its slot, its entry in the table
 * and its row. Entries are compared by their place in the table's exact order, so an offer is a
 * few array reads and nothing is allocated per item.
 */
export class HighestPerSlot {
  /** Per slot: the position counted, -1 while none was offered. */
  readonly best: Int32Array;
  private readonly bestEntry: Int32Array;
  private readonly bestRow: Float64Array;
  /** Per table entry: its place in ascending exact order (equal values, equal places). */
  private readonly place: Int32Array;

  constructor(
    slots: number,
    private readonly values: readonly Exact[]
  ) {
    this.best = new Int32Array(slots).fill(-1);
    this.bestEntry = new Int32Array(slots);
    this.bestRow = new Float64Array(slots);
    this.place = placesOf(values);
  }

  /** Offers item `position` of `slot` with the points `values[entry]`, from sheet row `row`. */
  offer(position: number, slot: number, entry: number, row: number): void {
    if (this.best[slot] >= 0) {
      const c = this.place[entry] - this.place[this.bestEntry[slot]];
      if (c < 0 || (c === 0 && row >= this.bestRow[slot])) return;
    }
    this.best[slot] = position;
    this.bestEntry[slot] = entry;
    this.bestRow[slot] = row;
  }

  /** Each group's sum of the points that count: `sums[group]`, undefined for a group with none. */
  totals(groupOf: Int32Array, groups: number): (Exact | undefined)[] {
    const { best, bestEntry, values } = this;
    // The table in a common unit: then the sums are sums of whole numbers, exact as doubles
    // while the largest entry times the number of slots stays within SAFE_UNITS.
    const common = new CommonUnit(values.length);
    values.forEach((v, k) => common.set(k, v));
    const units = common.units();
    let largest = 0;
    if (units) for (let k = 0; k < units.length; k++) largest = Math.max(largest, Math.abs(units[k]));
    if (units && largest * best.length <= SAFE_UNITS) {
      const sums = new Float64Array(groups);
      const has = new Uint8Array(groups);
      sumInUnits(best, bestEntry, units, groupOf, sums, has);
      const out: (Exact | undefined)[] = new Array(groups);
      for (let g = 0; g < groups; g++) out[g] = has[g] ? Exact.ratio(sums[g], common.unit) : undefined;
      return out;
    }
    const sums: (ExactSum | undefined)[] = new Array(groups);
    for (let s = 0; s < best.length; s++) {
      if (best[s] < 0) continue;
      const points = values[bestEntry[s]];
      if (points.isZero()) continue;
      points.addTo((sums[groupOf[s]] ??= new ExactSum()));
    }
    return Array.from(sums, (s) => s?.value());
  }
}

/** Adds each slot's counted entry, in units, to its group (its own function: see checked.ts). */
function sumInUnits(
  best: Int32Array,
  bestEntry: Int32Array,
  units: Float64Array,
  groupOf: Int32Array,
  sums: Float64Array,
  has: Uint8Array
): void {
  for (let s = 0; s < best.length; s++) {
    if (best[s] < 0) continue;
    const u = units[bestEntry[s]];
    if (u === 0) continue;
    const g = groupOf[s];
    sums[g] += u;
    has[g] = 1;
  }
}

/** Each value's place in ascending exact order: equal values share a place. */
function placesOf(values: readonly Exact[]): Int32Array {
  const byValue = values.map((_v, k) => k).sort((a, b) => values[a].cmp(values[b]));
  const place = new Int32Array(values.length);
  byValue.forEach(
    (k, i) => (place[k] = i > 0 && values[byValue[i - 1]].eq(values[k]) ? place[byValue[i - 1]] : i)
  );
  return place;
}
