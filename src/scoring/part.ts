import { Exact } from "./exact";
import { EngineIssue, RecordScore } from "./model";
import { Numbering } from "./numbered";

/**
 * One part (honors, publicity, contributions) scored over numbered communities: each
 * community's points, the issues, and the detail records built only when asked. Scoring keeps
 * per record only numbers and shared objects; the 160,000 RecordScores of a big workbook and
 * their reason texts are made by `details()` (AssessmentResult.details when first read).
 */
export interface PartScores {
  /** Points per community number; undefined where nothing counts (0). */
  totals: readonly (Exact | undefined)[];
  issues: EngineIssue[];
  /** The part's detail records, in the order the part gives them (a new array each call). */
  details(): RecordScore[];
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
  return { details: scores.details(), byCommunity, issues: scores.issues };
}
