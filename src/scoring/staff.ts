import { CommonUnit, compareBySortKey, Exact } from "./exact";
import { pts } from "./format";
import { EngineIssue, StaffRecord } from "./model";
import { msg } from "./text";
import { visible } from "./visible";

/** Staff of listed communities best first, with competition ranks: no rule changes either. */
export interface RankedStaff {
  /** Positions in the staff sheet's records, best first (a stable sort by score). */
  order: Int32Array;
  /** Competition rank by position in the sheet; 0 for people of unlisted communities. */
  rankOf: Int32Array;
  issues: EngineIssue[];
}

/**
 * `ids[i]` is staff record i's community number; only numbers below `listed` (listed
 * communities) take part. One pass over the records in sheet order (records read out of order
 * would cost a cache miss each) finds the negative scores and puts every score in a common unit
 * (exact.ts CommonUnit): scores are then whole numbers, equal exactly when their numbers are, and
 * are sorted by counting (few distinct scores in a small range, the usual case) or by number.
 * Scores with no small common unit are ranked in Exact arithmetic (rankExactly).
 */
export function rankStaff(staff: readonly StaffRecord[], ids: Int32Array, listed: number): RankedStaff {
  const issues: EngineIssue[] = [];
  const n = staff.length;
  const common = new CommonUnit(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (ids[i] >= listed) continue;
    const s = staff[i];
    const score = s.score;
    if (score.isNegative())
      issues.push({
        severity: "error",
        source: "staff",
        row: s.row,
        field: "score",
        message: msg(`个人考核得分 ${pts(score)} 为负数`, `Individual score ${pts(score)} is negative`),
      });
    common.set(i, score);
    count++;
  }
  const units = common.units();
  const ranked = units ? rankByUnits(units, ids, listed, count) : rankExactly(staff, ids, listed, count);
  repeatedStaff(staff, ids, listed, issues);
  return { ...ranked, issues };
}

/**
 * The same person listed twice on one community (姓名 + 社区, the record identity of 人员): a
 * warning at the later row naming both, since each row is a person who takes a share of the
 * community's money. Found with an open-addressing table of record positions keyed by a hash of
 * the community number and the name: a typed array of twice the records, nothing per record.
 */
function repeatedStaff(
  staff: readonly StaffRecord[],
  ids: Int32Array,
  listed: number,
  issues: EngineIssue[]
) {
  const n = staff.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // Record position + 1 per slot; 0 is an empty slot.
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id >= listed) continue;
    const name = staff[i].name;
    let slot = nameHash(name, id) & mask;
    for (;;) {
      const j = table[slot] - 1;
      if (j < 0) {
        table[slot] = i + 1;
        break;
      }
      if (ids[j] === id && staff[j].name === name) {
        issues.push(repeatedPerson(staff[j], staff[i]));
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** FNV-1a over the name's UTF-16 units, seeded with the community number. */
function nameHash(name: string, id: number): number {
  let h = (0x811c9dc5 ^ id) >>> 0;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

function repeatedPerson(first: StaffRecord, again: StaffRecord): EngineIssue {
  const who = visible(again.name);
  const where = visible(again.community);
  return {
    severity: "warning",
    source: "staff",
    row: again.row,
    field: "name",
    message: msg(
      `${where}的“${who}”在第 ${first.row} 行和第 ${again.row} 行各列了一次（${pts(first.score)} 分、${pts(again.score)} 分）：两行按两个人排名、分奖金。若是同一人，请删去一行；若是同名的两人，请在姓名中加以区分`,
      `"${who}" of ${where} is listed on row ${first.row} and again on row ${again.row} (${pts(first.score)} and ${pts(again.score)}): the rows are ranked and paid as two people. If it is one person, delete a row; if two, tell their names apart`
    ),
  };
}

/** Staff ranked by scores in a common unit (exact integers as doubles): a stable sort, best first. */
function rankByUnits(
  units: Float64Array,
  ids: Int32Array,
  listed: number,
  count: number
): Omit<RankedStaff, "issues"> {
  const [min, max] = unitRange(units, ids, listed);
  const order =
    count > 0 && max - min < Math.max(1 << 16, 4 * count)
      ? countingOrder(units, ids, listed, count, max, max - min + 1)
      : sortedOrder(units, ids, listed, count);
  return { order, rankOf: ranksByUnits(units, order) };
}

// Each pass its own function, only its loop: optimized whole (see checked.ts).

function unitRange(units: Float64Array, ids: Int32Array, listed: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < units.length; i++) {
    if (ids[i] >= listed) continue;
    const u = units[i];
    if (u < min) min = u;
    if (u > max) max = u;
  }
  return [min, max];
}

/** Counting sort on (max − score): best first, each score's people in sheet order. */
function countingOrder(
  units: Float64Array,
  ids: Int32Array,
  listed: number,
  count: number,
  max: number,
  range: number
): Int32Array {
  const at = countsBelow(units, ids, listed, max, range);
  let from = 0;
  for (let k = 0; k < range; k++) {
    const c = at[k];
    at[k] = from;
    from += c;
  }
  const order = new Int32Array(count);
  for (let i = 0; i < units.length; i++) if (ids[i] < listed) order[at[max - units[i]]++] = i;
  return order;
}

/** How many people have each score, by (max − score). */
function countsBelow(units: Float64Array, ids: Int32Array, listed: number, max: number, range: number) {
  const counts = new Int32Array(range);
  for (let i = 0; i < units.length; i++) if (ids[i] < listed) counts[max - units[i]]++;
  return counts;
}

/**
 * Array's sort is stable (equal scores keep sheet order); differences of numbers within
 * ±SAFE_UNITS are exact.
 */
function sortedOrder(units: Float64Array, ids: Int32Array, listed: number, count: number): Int32Array {
  const people: number[] = [];
  for (let i = 0; i < units.length; i++) if (ids[i] < listed) people.push(i);
  people.sort((a, b) => units[b] - units[a]);
  const order = new Int32Array(count);
  order.set(people);
  return order;
}

/** Competition ranks by position in the sheet: equal numbers are equal scores. */
function ranksByUnits(units: Float64Array, order: Int32Array): Int32Array {
  const rankOf = new Int32Array(units.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const p = order[i];
    if (i === 0 || units[p] !== units[order[i - 1]]) rank = i + 1;
    rankOf[p] = rank;
  }
  return rankOf;
}

/**
 * Staff ranked in Exact arithmetic. People are grouped by their score's double (in row order),
 * the distinct doubles sorted — exactly where two are too close to tell — and a group whose
 * scores are not all equal (two values, one double) is sorted exactly. Exact values are in
 * lowest terms, so equal scores are equal fields.
 */
function rankExactly(
  staff: readonly StaffRecord[],
  ids: Int32Array,
  listed: number,
  count: number
): Omit<RankedStaff, "issues"> {
  const n = staff.length;
  const scores: Exact[] = new Array(n);
  const groupOf = new Int32Array(n).fill(-1);
  const byKey = new Map<number, number>();
  const keys: number[] = [];
  const firsts: Exact[] = [];
  const sizes: number[] = [];
  const mixed: boolean[] = [];
  for (let i = 0; i < n; i++) {
    if (ids[i] >= listed) continue;
    const score = (scores[i] = staff[i].score);
    const key = score.sortKey();
    let g = byKey.get(key);
    if (g === undefined) {
      byKey.set(key, (g = keys.length));
      keys.push(key);
      firsts.push(score);
      sizes.push(1);
      mixed.push(false);
    } else {
      sizes[g]++;
      if (!mixed[g] && !score.eq(firsts[g])) mixed[g] = true;
    }
    groupOf[i] = g;
  }
  // Groups best first; each group's people in sheet order from its offset on (a counting sort).
  const groups = keys
    .map((_k, g) => g)
    .sort((a, b) => compareBySortKey(keys[b], keys[a], firsts[b], firsts[a]));
  const offset = new Int32Array(keys.length);
  let at = 0;
  for (const g of groups) {
    offset[g] = at;
    at += sizes[g];
  }
  const order = new Int32Array(count);
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) order[offset[groupOf[i]]++] = i;
  // A group of two values with one double is sorted exactly (Array's sort is stable; a typed
  // array's need not be): equal scores keep sheet order.
  for (const g of groups) {
    if (!mixed[g]) continue;
    const from = offset[g] - sizes[g];
    const people = Array.from(order.subarray(from, offset[g])).sort((a, b) => scores[b].cmp(scores[a]));
    order.set(people, from);
  }
  // Competition ranks: exact values are in lowest terms, so equal scores are equal fields.
  const rankOf = new Int32Array(n);
  let rank = 0;
  for (let i = 0; i < count; i++) {
    const p = order[i];
    const q = i > 0 ? order[i - 1] : -1;
    const same = q >= 0 && groupOf[p] === groupOf[q] && (!mixed[groupOf[p]] || scores[p].eq(scores[q]));
    if (!same) rank = i + 1;
    rankOf[p] = rank;
  }
  return { order, rankOf };
}
