import { InputChange } from "../workbook/sheets/comparison";
import { identityKey } from "./identity";
import { RawRecord } from "./records";

/**
 * The diff of two sets of input records (the rules in docs/规则.md §10): every record added,
 * removed or changed, paired by record identity — never by row number, so an inserted row, a
 * blank row or rows put in another order change nothing. Records of the same identity pair up in
 * order, once those that are the same on both sides are set aside (two identical 荣誉 rows swapped
 * with a third are no change). Linear: records are grouped by identity in one hash map.
 */
export function diffRecords(before: readonly RawRecord[], after: readonly RawRecord[]): InputChange[] {
  const groups = new Map<string, { before: RawRecord[]; after: RawRecord[] }>();
  const group = (r: RawRecord) => {
    const id = `${r.sheet}\u0001${identityKey(r.identity)}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { before: [], after: [] }));
    return g;
  };
  for (const r of before) group(r).before.push(r);
  for (const r of after) group(r).after.push(r);
  const changes: InputChange[] = [];
  for (const g of groups.values()) {
    if (g.before.length === 1 && g.after.length === 1) {
      pair(g.before[0], g.after[0], changes);
      continue;
    }
    const inOrder = [byRow(g.before), byRow(g.after)] as const;
    // The common case, nothing changed in the group: told without a signature per record.
    if (inOrder[0].length === inOrder[1].length && inOrder[0].every((r, i) => sameFields(r, inOrder[1][i])))
      continue;
    const [b, a] = withoutTheSame(...inOrder);
    const n = Math.min(b.length, a.length);
    for (let i = 0; i < n; i++) pair(b[i], a[i], changes);
    for (const r of b.slice(n))
      changes.push({ sheet: r.sheet, key: keyOf(r), change: "removed", rowBefore: r.row });
    for (const r of a.slice(n))
      changes.push({ sheet: r.sheet, key: keyOf(r), change: "added", rowAfter: r.row });
  }
  return changes.sort(inReadingOrder(before, after));
}

/** `key` of the rules: the identity as typed, joined with " / ". */
function keyOf(r: RawRecord): string {
  return r.identity.join(" / ");
}

const byRow = (records: readonly RawRecord[]) => [...records].sort((x, y) => x.row - y.row);

/** The same shown text in every field column of either record (a column one side lacks reads blank). */
function sameFields(b: RawRecord, a: RawRecord): boolean {
  for (const column in a.fields) if ((b.fields[column] ?? "") !== a.fields[column]) return false;
  for (const column in b.fields) if ((a.fields[column] ?? "") !== b.fields[column]) return false;
  return true;
}

/** Every field column of either record; a column one side lacks reads blank there. */
function changedFields(b: RawRecord, a: RawRecord): Record<string, [string | null, string | null]> | null {
  let out: Record<string, [string | null, string | null]> | null = null;
  const seen = new Set<string>();
  for (const fields of [a.fields, b.fields])
    for (const column in fields) {
      if (seen.has(column)) continue;
      seen.add(column);
      const was = b.fields[column] ?? "";
      const now = a.fields[column] ?? "";
      if (was === now) continue;
      out ??= {};
      out[column] = [was === "" ? null : was, now === "" ? null : now];
    }
  return out;
}

function pair(b: RawRecord, a: RawRecord, changes: InputChange[]): void {
  if (sameFields(b, a)) return;
  const fields = changedFields(b, a);
  if (fields)
    changes.push({
      sheet: a.sheet,
      key: keyOf(a),
      change: "changed",
      rowBefore: b.row,
      rowAfter: a.row,
      fields,
    });
}

/** A record's fields in one string: the same string on both sides means the same record. */
function signature(r: RawRecord): string {
  const filled = Object.keys(r.fields)
    .filter((k) => r.fields[k] !== "")
    .sort();
  return JSON.stringify(filled.map((k) => [k, r.fields[k]]));
}

/** Both lists without the records that are the same on both sides, each list's order kept. */
function withoutTheSame(before: RawRecord[], after: RawRecord[]): [RawRecord[], RawRecord[]] {
  const waiting = new Map<string, number>();
  for (const r of before) {
    const s = signature(r);
    waiting.set(s, (waiting.get(s) ?? 0) + 1);
  }
  const matched = new Map<string, number>();
  const a = after.filter((r) => {
    const s = signature(r);
    const left = waiting.get(s) ?? 0;
    if (left === 0) return true;
    waiting.set(s, left - 1);
    matched.set(s, (matched.get(s) ?? 0) + 1);
    return false;
  });
  const b = before.filter((r) => {
    const s = signature(r);
    const m = matched.get(s) ?? 0;
    if (m === 0) return true;
    matched.set(s, m - 1);
    return false;
  });
  return [b, a];
}

/** Sheet by sheet in the order the records were read, then by row (the after row where there is one). */
function inReadingOrder(before: readonly RawRecord[], after: readonly RawRecord[]) {
  const sheetOrder = new Map<string, number>();
  for (const r of [...after, ...before])
    if (!sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, sheetOrder.size);
  return (x: InputChange, y: InputChange) =>
    (sheetOrder.get(x.sheet) ?? 0) - (sheetOrder.get(y.sheet) ?? 0) ||
    (x.rowAfter ?? x.rowBefore ?? 0) - (y.rowAfter ?? y.rowBefore ?? 0) ||
    (x.rowBefore ?? 0) - (y.rowBefore ?? 0);
}
