import { Exact } from "./exact";
import { pts } from "./format";
import { totalsByCommunity } from "./honors";
import { ContributionRecord, EngineIssue, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { nearestName } from "./nearest";
import { foldKey, msg } from "./text";
import { visible } from "./visible";

/** A line not on 条线清单: quoted visibly, with the listed line it most likely means. */
function lineMessage(line: string, lines: readonly string[]) {
  const near = nearestName(line, lines);
  const shown = visible(line);
  return msg(
    `条线“${shown}”不在设置的条线清单中（${lines.join("、")}）：${near ? `是否应为“${near}”？` : ""}若是笔误，会绕过单条线上限`,
    `Line "${shown}" is not in the settings' list (${lines.join(", ")}): ${near ? `did you mean "${near}"? ` : ""}a typo would dodge the per-line cap`
  );
}

export interface CapItem {
  line: string;
  points: Exact;
}

export interface CapOutcome {
  counted: Exact;
  cutByLine: Exact;
  cutByTotal: Exact;
}

/**
 * SPEC §3.3 caps for one community's items, taken in the order given: each line keeps at most
 * `lineCap`, the community at most `totalCap`. The community's total is min-of-sums and so does
 * not depend on the order; the order only decides which row shows the cut.
 */
export function applyContributionCaps(
  items: readonly CapItem[],
  lineCap: Exact,
  totalCap: Exact
): CapOutcome[] {
  const caps = new CommunityCaps(lineCap, totalCap);
  return items.map((item) => {
    if (item.points.isZero()) return NOTHING;
    const counted = caps.take(item.line, item.points);
    return { counted, cutByLine: caps.cutByLine, cutByTotal: caps.cutByTotal };
  });
}

/**
 * The room one community has left under the caps, item after item. `take` answers the points
 * counted and leaves what was cut in `cutByLine` and `cutByTotal`: no object per item (the
 * scorer runs it over tens of thousands of records).
 */
class CommunityCaps {
  private readonly usedByLine = new Map<string, Exact>();
  private usedTotal = Exact.ZERO;
  cutByLine = Exact.ZERO;
  cutByTotal = Exact.ZERO;

  constructor(
    private readonly lineCap: Exact,
    private readonly totalCap: Exact
  ) {}

  take(line: string, points: Exact): Exact {
    this.cutByLine = Exact.ZERO;
    this.cutByTotal = Exact.ZERO;
    if (points.isZero()) return Exact.ZERO;
    const key = foldKey(line);
    const used = this.usedByLine.get(key) ?? Exact.ZERO;
    // Most items fit under both caps: then nothing is cut, and two additions say so.
    const lineAfter = used.add(points);
    if (lineAfter.cmp(this.lineCap) <= 0) {
      const totalAfter = this.usedTotal.add(points);
      if (totalAfter.cmp(this.totalCap) <= 0) {
        this.usedByLine.set(key, lineAfter);
        this.usedTotal = totalAfter;
        return points;
      }
    }
    const lineRoom = this.lineCap.sub(used).max(Exact.ZERO);
    const afterLine = points.min(lineRoom);
    const totalRoom = this.totalCap.sub(this.usedTotal).max(Exact.ZERO);
    const counted = afterLine.min(totalRoom);
    this.usedByLine.set(key, used.add(afterLine));
    this.usedTotal = this.usedTotal.add(counted);
    this.cutByLine = points.sub(afterLine);
    this.cutByTotal = afterLine.sub(counted);
    return counted;
  }
}

/** A zero item: nothing counted, nothing cut, no room used (one shared outcome). */
const NOTHING: CapOutcome = Object.freeze({
  counted: Exact.ZERO,
  cutByLine: Exact.ZERO,
  cutByTotal: Exact.ZERO,
});

const NEGATIVE: Reason = {
  rule: "contribution.negative",
  text: msg("加分为负数，不计分", "Negative points: not counted"),
};
const NO_LEADER: Reason = {
  rule: "contribution.noLeader",
  text: msg("没有分管领导同意意见，不计分", "No agreement of the line's leader: no points"),
};

/** True when every record's row is above the one before (sheet order): then no sort is needed. */
function inRowOrder(records: readonly { row: number }[]): boolean {
  for (let i = 1; i < records.length; i++) if (records[i].row <= records[i - 1].row) return false;
  return true;
}

export interface ContributionScores {
  details: RecordScore[];
  byCommunity: Map<string, Exact>;
  issues: EngineIssue[];
}

/** The rules contributions read (the assessor re-scores them only when one of them changes). */
export const CONTRIBUTION_RULES = ["contributionLineCap", "contributionTotalCap", "lines"] as const;

export function scoreContributions(
  records: readonly ContributionRecord[],
  rules: Pick<Rules, (typeof CONTRIBUTION_RULES)[number]>
): ContributionScores {
  const issues: EngineIssue[] = [];
  const knownLines = new Set(rules.lines.map(foldKey));
  for (const r of records) {
    if (r.points.isNegative())
      issues.push({
        severity: "error",
        source: "contributions",
        row: r.row,
        field: "points",
        message: msg(
          `加分 ${pts(r.points)} 为负数：重要贡献只能加分`,
          `Points ${pts(r.points)} are negative: contributions only add points`
        ),
      });
    if (rules.lines.length > 0 && !knownLines.has(foldKey(r.line)))
      issues.push({
        severity: "warning",
        source: "contributions",
        row: r.row,
        field: "line",
        message: lineMessage(r.line, rules.lines),
      });
  }

  // The same line and points recur across many rows: one reason (and one one-reason list) each,
  // found by line and the points' double, then checked exactly (two values, one double: rebuilt).
  type Given = { points: Exact; reason: Reason; alone: readonly Reason[] };
  const givenReasons = new Map<string, Map<number, Given>>();
  const givenReason = (line: string, points: Exact): Given => {
    let byPoints = givenReasons.get(line);
    if (!byPoints) givenReasons.set(line, (byPoints = new Map()));
    const key = points.sortKey();
    const hit = byPoints.get(key);
    if (hit && hit.points.eq(points)) return hit;
    const reason: Reason = {
      rule: "contribution.points",
      text: msg(`${line}条线酌情加 ${pts(points)} 分`, `${line}: ${pts(points)} discretionary points`),
    };
    const made = { points, reason, alone: Object.freeze([reason]) };
    if (!hit) byPoints.set(key, made);
    return made;
  };
  const cutReasons = new Map<string, Reason>();
  const cutReason = (cap: "line" | "total", cut: Exact): Reason => {
    const key = cap + cut.toString();
    let reason = cutReasons.get(key);
    if (!reason) {
      reason =
        cap === "line"
          ? {
              rule: "contribution.lineCap",
              text: msg(
                `超过单条线上限 ${pts(rules.contributionLineCap)} 分，核减 ${pts(cut)} 分`,
                `Above the per-line cap of ${pts(rules.contributionLineCap)}: ${pts(cut)} cut`
              ),
            }
          : {
              rule: "contribution.totalCap",
              text: msg(
                `超过累计上限 ${pts(rules.contributionTotalCap)} 分，核减 ${pts(cut)} 分`,
                `Above the total cap of ${pts(rules.contributionTotalCap)}: ${pts(cut)} cut`
              ),
            };
      cutReasons.set(key, reason);
    }
    return reason;
  };
  // Each community's records are taken in row order: all records in row order (stable, so equal
  // rows keep the sheet's order), each community's room kept apart. Records in sheet order (the
  // usual case) need no sorting; the details come out in the records' order.
  const sorted = inRowOrder(records);
  const order = sorted ? null : records.map((_r, at) => at).sort((a, b) => records[a].row - records[b].row);
  const capsOf = new Map<string, CommunityCaps>();
  const details: RecordScore[] = new Array(records.length);
  for (let k = 0; k < records.length; k++) {
    const at = order === null ? k : order[k];
    const r = records[at];
    let caps = capsOf.get(r.community);
    if (!caps)
      capsOf.set(
        r.community,
        (caps = new CommunityCaps(rules.contributionLineCap, rules.contributionTotalCap))
      );
    const negative = r.points.isNegative();
    const counted = caps.take(r.line, r.leaderAgreed && !negative ? r.points : Exact.ZERO);
    const given = givenReason(r.line, r.points);
    let reasons = given.alone;
    const cutLine = !caps.cutByLine.isZero();
    const cutTotal = !caps.cutByTotal.isZero();
    if (negative || !r.leaderAgreed || cutLine || cutTotal) {
      const list: Reason[] = [given.reason];
      if (negative) list.push(NEGATIVE);
      else if (!r.leaderAgreed) list.push(NO_LEADER);
      if (cutLine) list.push(cutReason("line", caps.cutByLine));
      if (cutTotal) list.push(cutReason("total", caps.cutByTotal));
      reasons = list;
    }
    details[at] = {
      source: "contributions",
      row: r.row,
      community: r.community,
      label: r.matter ? `${r.line}：${r.matter}` : r.line,
      points: counted,
      reasons,
    };
  }
  // Records out of sheet order: the details by row.
  if (!sorted) details.sort((a, b) => a.row - b.row);
  return { details, byCommunity: totalsByCommunity(details), issues };
}
