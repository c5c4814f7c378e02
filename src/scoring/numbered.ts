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
  const count =
    groups * keys <= Math.max(1 << 16, 4 * n)
      ? tableSlots(group, key, keys, groups * keys, slot, groupOf)
      : hashSlots(group, key, slot, groupOf);
  return { slot, group: groupOf.slice(0, count), count };
}

// Each way in its own function, only its loop: optimized whole (see checked.ts).

/** A table of every pair (pair p at p.group × keys + p.key; 0 where none yet, else slot + 1). */
function tableSlots(
  group: Int32Array,
  key: Int32Array,
  keys: number,
  pairs: number,
  slot: Int32Array,
  groupOf: Int32Array
): number {
  const table = new Int32Array(pairs);
  let count = 0;
  for (let i = 0; i < group.length; i++) {
    const at = group[i] * keys + key[i];
    let s = table[at] - 1;
    if (s < 0) {
      table[at] = (s = count) + 1;
      groupOf[count++] = group[i];
    }
    slot[i] = s;
  }
  return count;
}

/**
 * A hash table of the pairs met (open addressing): at least twice as many places as items, a
 * power of two, each place three numbers side by side (group + 1, 0 while empty; key; slot), so a
 * probe reads one cache line.
 */
function hashSlots(group: Int32Array, key: Int32Array, slot: Int32Array, groupOf: Int32Array): number {
  const n = group.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const places = new Int32Array(3 * size);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const g = group[i] + 1;
    const k = key[i];
    let h = (Math.imul(g, 0x9e3779b1) ^ Math.imul(k, 0x85ebca6b)) & mask;
    while (places[3 * h] !== 0 && (places[3 * h] !== g || places[3 * h + 1] !== k)) h = (h + 1) & mask;
    if (places[3 * h] === 0) {
      places[3 * h] = g;
      places[3 * h + 1] = k;
      places[3 * h + 2] = count;
      groupOf[count++] = g - 1;
    }
    slot[i] = places[3 * h + 2];
  }
  return count;
}
