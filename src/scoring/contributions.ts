import { Exact } from "./exact";
import { pts } from "./format";
import { totalsByCommunity } from "./honors";
import { ContributionRecord, EngineIssue, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { foldKey, msg } from "./text";

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
    const key = foldKey(item.line);
    const used = usedByLine.get(key) ?? Exact.ZERO;
    const lineRoom = lineCap.sub(used).max(Exact.ZERO);
    const afterLine = item.points.min(lineRoom);
    const totalRoom = totalCap.sub(usedTotal).max(Exact.ZERO);
    const counted = afterLine.min(totalRoom);
    usedByLine.set(key, used.add(afterLine));
    usedTotal = usedTotal.add(counted);
    return { counted, cutByLine: item.points.sub(afterLine), cutByTotal: afterLine.sub(counted) };
  });
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
  const byCommunity = new Map<string, ContributionRecord[]>();
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
        message: msg(
          `条线“${r.line}”不在设置的条线清单中（${rules.lines.join("、")}）：若是笔误，会绕过单条线上限`,
          `Line "${r.line}" is not in the settings' list (${rules.lines.join(", ")}): a typo would dodge the per-line cap`
        ),
      });
    const list = byCommunity.get(r.community) ?? [];
    list.push(r);
    byCommunity.set(r.community, list);
  }

  const details: RecordScore[] = [];
  // The same line and points recur across many rows: one reason object each.
  const givenReasons = new Map<string, Reason>();
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
  for (const list of byCommunity.values()) {
    const ordered = [...list].sort((a, b) => a.row - b.row);
    const eligible = ordered.map((r) => r.leaderAgreed && !r.points.isNegative());
    const outcomes = applyContributionCaps(
      ordered.map((r, i) => ({ line: r.line, points: eligible[i] ? r.points : Exact.ZERO })),
      rules.contributionLineCap,
      rules.contributionTotalCap
    );
    ordered.forEach((r, i) => {
      const o = outcomes[i];
      const reasonKey = `${r.line}\u0000${r.points.toString()}`;
      let given = givenReasons.get(reasonKey);
      if (!given) {
        given = {
          rule: "contribution.points",
          text: msg(
            `${r.line}条线酌情加 ${pts(r.points)} 分`,
            `${r.line}: ${pts(r.points)} discretionary points`
          ),
        };
        givenReasons.set(reasonKey, given);
      }
      const reasons: Reason[] = [given];
      if (r.points.isNegative())
        reasons.push({
          rule: "contribution.negative",
          text: msg("加分为负数，不计分", "Negative points: not counted"),
        });
      else if (!r.leaderAgreed)
        reasons.push({
          rule: "contribution.noLeader",
          text: msg("没有分管领导同意意见，不计分", "No agreement of the line's leader: no points"),
        });
      if (!o.cutByLine.isZero()) reasons.push(cutReason("line", o.cutByLine));
      if (!o.cutByTotal.isZero()) reasons.push(cutReason("total", o.cutByTotal));
      const label = r.matter ? `${r.line}：${r.matter}` : r.line;
      details.push({
        source: "contributions",
        row: r.row,
        community: r.community,
        label,
        points: o.counted,
        reasons,
      });
    });
  }
  details.sort((a, b) => a.row - b.row);
  return { details, byCommunity: totalsByCommunity(details), issues };
}
