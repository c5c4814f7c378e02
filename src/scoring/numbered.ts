import { foldKey } from "./text";

/**
 * Strings numbered once, so the scoring loops index arrays instead of hashing the same community
 * name or kind again for every rule they apply (issue 13 §5: 200,000 records, about six string
 * lookups each, were most of assess()). Each distinct string gets the next number, in order of
 * first appearance; `names[n]` is the string numbered n.
 */
export class Numbering {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * Keys that compare folded (foldKey: honor kinds, article contents, lines): texts equal once
 * folded get one number. Each distinct raw text is folded once and then found by itself.
 */
export class FoldedNumbering {
  private readonly raw = new Map<string, number>();
  private readonly folded = new Numbering();

  id(text: string): number {
    let id = this.raw.get(text);
    if (id === undefined) {
      id = this.folded.id(foldKey(text));
      this.raw.set(text, id);
    }
    return id;
  }

  /** The folded text numbered `id`. */
  key(id: number): string {
    return this.folded.names[id];
  }

  get size(): number {
    return this.folded.size;
  }
}

/** The distinct (group, key) pairs of a list of items, numbered: `slot[i]` is item i's pair. */
export interface Slots {
  slot: Int32Array;
  /** Per slot: its group. */
  group: Int32Array;
  count: number;
}

/**
 * Numbers the distinct (group, key) pairs: a community and an honor kind (就高不就低), a
 * community and a line (the per-line cap). Groups are below `groups`, keys below `keys`. A
 * table of every pair when that is small, else a hash table of the pairs met (open addressing
 * in typed arrays: no object per pair).
 */
export function pairSlots(group: Int32Array, key: Int32Array, groups: number, keys: number): Slots {
  const n = group.length;
  const slot = new Int32Array(n);
  const groupOf = new Int32Array(n);
  let count = 0;
  if (groups * keys <= Math.max(1 << 16, 4 * n)) {
    const table = new Int32Array(groups * keys).fill(-1);
    for (let i = 0; i < n; i++) {
      const at = group[i] * keys + key[i];
      let s = table[at];
      if (s < 0) {
        s = table[at] = count;
        groupOf[count++] = group[i];
      }
      slot[i] = s;
    }
  } else {
    // At least twice as many places as pairs, a power of two: short probe runs.
    let size = 16;
    while (size < 2 * n) size *= 2;
    const mask = size - 1;
    const pairGroup = new Int32Array(size).fill(-1);
    const pairKey = new Int32Array(size);
    const pairSlot = new Int32Array(size);
    for (let i = 0; i < n; i++) {
      const g = group[i];
      const k = key[i];
      let h = (Math.imul(g, 0x9e3779b1) ^ Math.imul(k, 0x85ebca6b)) & mask;
      while (pairGroup[h] >= 0 && (pairGroup[h] !== g || pairKey[h] !== k)) h = (h + 1) & mask;
      if (pairGroup[h] < 0) {
        pairGroup[h] = g;
        pairKey[h] = k;
        pairSlot[h] = count;
        groupOf[count++] = g;
      }
      slot[i] = pairSlot[h];
    }
  }
  return { slot, group: groupOf.slice(0, count), count };
}
