import { Exact } from "./exact";
import { EngineIssue, RecordScore } from "./model";
import { Numbering } from "./numbered";

/**
 * A part's detail records, made when asked: `count` of them, written in the order the part gives
 * them into a list from a position on. AssessmentResult.details writes every part's into one list
 * (160,000 records in a big workbook: no list per part, no copy to join them).
 */
export interface Details {
  count: number;
  write(out: RecordScore[], from: number): void;
}

/** The detail records of the parts given, one after the other, in one new list. */
export function detailList(...parts: Details[]): RecordScore[] {
  let count = 0;
  for (const p of parts) count += p.count;
  const out: RecordScore[] = new Array(count);
  let from = 0;
  for (const p of parts) {
    p.write(out, from);
    from += p.count;
  }
  return out;
}

/**
 * One part (honors, publicity, contributions) scored over numbered communities: each
 * community's points, the issues, and the detail records built only when asked. Scoring keeps
 * per record only numbers and shared objects; the 160,000 RecordScores of a big workbook and
 * their reason texts are made by `details` (AssessmentResult.details when first read).
 */
export interface PartScores {
  /** Points per community number; undefined where nothing counts (0). */
  totals: readonly (Exact | undefined)[];
  issues: EngineIssue[];
  details: Details;
}

/** The shape the part scorers had before numbering: details and totals by community name. */
export interface NamedScores {
  details: RecordScore[];
  /** Every community with a record is present, 0 included. */
  byCommunity: Map<string, Exact>;
  issues: EngineIssue[];
}

/** Numbers the communities a part's records name, in order of first appearance. */
export function numberCommunities<T>(
  records: readonly T[],
  names: (r: T) => readonly string[]
): {
  numbering: Numbering;
  ids: Int32Array;
} {
  const numbering = new Numbering();
  const ids: number[] = [];
  for (const r of records) for (const name of names(r)) ids.push(numbering.id(name));
  return { numbering, ids: Int32Array.from(ids) };
}

/** A part's scores by name, for callers that score one part of loose records (tests, functions). */
export function named(scores: PartScores, numbering: Numbering): NamedScores {
  const byCommunity = new Map<string, Exact>();
  numbering.names.forEach((name, id) => byCommunity.set(name, scores.totals[id] ?? Exact.ZERO));
  return { details: detailList(scores.details), byCommunity, issues: scores.issues };
}
