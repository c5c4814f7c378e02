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
  const usedByLine = new Map<string, Exact>();
  let usedTotal = Exact.ZERO;
  return items.map((item) => {
    if (item.points.isZero()) return NOTHING;
    const key = foldKey(item.line);
    const used = usedByLine.get(key) ?? Exact.ZERO;
    // Most items fit under both caps: then nothing is cut, and two additions say so.
    const lineAfter = used.add(item.points);
    if (lineAfter.cmp(lineCap) <= 0) {
      const totalAfter = usedTotal.add(item.points);
      if (totalAfter.cmp(totalCap) <= 0) {
        usedByLine.set(key, lineAfter);
        usedTotal = totalAfter;
        return { counted: item.points, cutByLine: Exact.ZERO, cutByTotal: Exact.ZERO };
      }
    }
    const lineRoom = lineCap.sub(used).max(Exact.ZERO);
    const afterLine = item.points.min(lineRoom);
    const totalRoom = totalCap.sub(usedTotal).max(Exact.ZERO);
    const counted = afterLine.min(totalRoom);
    usedByLine.set(key, used.add(afterLine));
    usedTotal = usedTotal.add(counted);
    return { counted, cutByLine: item.points.sub(afterLine), cutByTotal: afterLine.sub(counted) };
  });
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
  // Each community's records, as positions in `records`.
  const byCommunity = new Map<string, number[]>();
  records.forEach((r, at) => {
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
    const list = byCommunity.get(r.community);
    if (list) list.push(at);
    else byCommunity.set(r.community, [at]);
  });

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
  // Records in sheet order (the usual case) keep that order within each community and in the
  // details, so neither needs sorting by row.
  const sorted = inRowOrder(records);
  const details: RecordScore[] = new Array(records.length);
  for (const list of byCommunity.values()) {
    const order = sorted ? list : [...list].sort((a, b) => records[a].row - records[b].row);
    const ordered = order.map((at) => records[at]);
    const outcomes = applyContributionCaps(
      ordered.map((r) => ({
        line: r.line,
        points: r.leaderAgreed && !r.points.isNegative() ? r.points : Exact.ZERO,
      })),
      rules.contributionLineCap,
      rules.contributionTotalCap
    );
    ordered.forEach((r, i) => {
      const o = outcomes[i];
      const given = givenReason(r.line, r.points);
      let reasons = given.alone;
      const negative = r.points.isNegative();
      const cutLine = !o.cutByLine.isZero();
      const cutTotal = !o.cutByTotal.isZero();
      if (negative || !r.leaderAgreed || cutLine || cutTotal) {
        const list: Reason[] = [given.reason];
        if (negative) list.push(NEGATIVE);
        else if (!r.leaderAgreed) list.push(NO_LEADER);
        if (cutLine) list.push(cutReason("line", o.cutByLine));
        if (cutTotal) list.push(cutReason("total", o.cutByTotal));
        reasons = list;
      }
      // Each detail goes to its record's position: the details come out in the records' order.
      details[order[i]] = {
        source: "contributions",
        row: r.row,
        community: r.community,
        label: r.matter ? `${r.line}：${r.matter}` : r.line,
        points: o.counted,
        reasons,
      };
    });
  }
  // Records out of sheet order: the details by row.
  if (!sorted) details.sort((a, b) => a.row - b.row);
  return { details, byCommunity: totalsByCommunity(details), issues };
}
