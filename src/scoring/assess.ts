import { scoreContributions } from "./contributions";
import { Exact } from "./exact";
import { pts } from "./format";
import { scoreHonors } from "./honors";
import {
  Advanced,
  AssessmentInput,
  AssessmentResult,
  CommunityRecord,
  CommunityResult,
  EngineIssue,
  IndividualResult,
  RecordSource,
} from "./model";
import { largestRemainder, toCents } from "./money";
import { competitionRanks, gapsToAbove, gapsToCut, markAdvanced } from "./ranking";
import { scoreBasicPublicity, scorePublicity } from "./publicity";
import { CATEGORIES, CategoryKey, Rules } from "./rules";
import { scoreTargets } from "./targets";
import { msg } from "./text";

/** Ranking order of SPEC §4: by total then target, or (setting) by target then rewards. */
export function compareCommunities(
  rules: Pick<Rules, "rankingMode">
): (a: CommunityResult, b: CommunityResult) => number {
  return rules.rankingMode === "targetFirst"
    ? (a, b) => b.target.cmp(a.target) || b.rewards.cmp(a.rewards)
    : (a, b) => b.total.cmp(a.total) || b.target.cmp(a.target);
}

const compareIndividuals = (a: IndividualResult, b: IndividualResult) => b.score.cmp(a.score);

/**
 * The whole assessment: records and rules in, ranked communities and individuals, every record's
 * points with reasons, and the issues out. Pure: no I/O, no clock.
 */
export function assess(input: AssessmentInput, rules: Rules): AssessmentResult {
  const issues: EngineIssue[] = [];

  // The community list: the first row of a duplicated name counts, the others are errors.
  const communities: CommunityRecord[] = [];
  const firstRow = new Map<string, number>();
  for (const c of input.communities) {
    const earlier = firstRow.get(c.name);
    if (earlier !== undefined) {
      issues.push({
        severity: "error",
        source: "communities",
        row: c.row,
        field: "name",
        message: msg(
          `社区“${c.name}”与第 ${earlier} 行重复：社区名称必须唯一`,
          `Community "${c.name}" repeats row ${earlier}: names must be unique`
        ),
      });
      continue;
    }
    firstRow.set(c.name, c.row);
    communities.push(c);
  }
  const known = new Set(communities.map((c) => c.name));
  const unknown = (source: RecordSource, row: number, name: string, field = "community") =>
    issues.push({
      severity: "error",
      source,
      row,
      field,
      message: msg(
        `社区“${name}”不在社区表中：请核对名称或先在社区表中添加`,
        `Community "${name}" is not on the communities sheet: check the name or add it there`
      ),
    });
  for (const r of input.targets) if (!known.has(r.community)) unknown("targets", r.row, r.community);
  for (const r of input.honors) if (!known.has(r.community)) unknown("honors", r.row, r.community);
  for (const r of input.basicPublicity)
    if (!known.has(r.community)) unknown("basicPublicity", r.row, r.community);
  for (const r of input.publicity)
    for (const name of r.communities) if (!known.has(name)) unknown("publicity", r.row, name, "communities");
  for (const r of input.contributions)
    if (!known.has(r.community)) unknown("contributions", r.row, r.community);
  for (const r of input.staff) if (!known.has(r.community)) unknown("staff", r.row, r.community);

  const targets = scoreTargets(
    communities,
    input.targets.filter((r) => known.has(r.community)),
    rules
  );
  const honors = scoreHonors(input.honors, rules);
  const basic = scoreBasicPublicity(input.basicPublicity, rules);
  const external = scorePublicity(input.publicity, rules);
  const contributions = scoreContributions(input.contributions, rules);
  issues.push(
    ...targets.issues,
    ...honors.issues,
    ...basic.issues,
    ...external.issues,
    ...contributions.issues
  );

  const zero = () => Object.fromEntries(CATEGORIES.map((c) => [c, Exact.ZERO])) as Record<CategoryKey, Exact>;
  const results: CommunityResult[] = communities.map((c) => {
    const t = targets.byCommunity.get(c.name);
    const honor = honors.byCommunity.get(c.name) ?? Exact.ZERO;
    const basicPublicity = basic.byCommunity.get(c.name) ?? Exact.ZERO;
    const externalPublicity = external.byCommunity.get(c.name) ?? Exact.ZERO;
    const contribution = contributions.byCommunity.get(c.name) ?? Exact.ZERO;
    const rewards = honor.add(basicPublicity).add(externalPublicity).add(contribution);
    const target = t?.target ?? Exact.ZERO;
    const total = target.add(rewards);
    return {
      name: c.name,
      type: c.type,
      code: c.code,
      eligible: c.type !== "村改居",
      rank: 0,
      advanced: false as Advanced,
      categories: t?.categories ?? zero(),
      target,
      honor,
      basicPublicity,
      externalPublicity,
      contribution,
      rewards,
      total,
      converted: total.mul(rules.conversionRate),
      gapToCut: null,
      gapToAbove: null,
    };
  });

  // Stable sort keeps the 社区 sheet's order among equals.
  const compare = compareCommunities(rules);
  const ranked = [...results].sort(compare);
  const ranks = competitionRanks(ranked, compare);
  ranks.forEach((rank, i) => (ranked[i].rank = rank));
  const adv = markAdvanced(ranked, (c) => c.eligible, rules.advancedCommunities, compare);
  adv.marks.forEach((m, i) => (ranked[i].advanced = m));
  const totalOf = (c: CommunityResult) => c.total;
  gapsToCut(ranked, (c) => c.eligible, adv.marks, rules.advancedCommunities, totalOf).forEach(
    (g, i) => (ranked[i].gapToCut = g)
  );
  gapsToAbove(ranked, ranks, totalOf).forEach((g, i) => (ranked[i].gapToAbove = g));
  if (adv.tied.length > 0)
    issues.push({
      severity: "warning",
      source: "communities",
      message: msg(
        `先进社区第 ${rules.advancedCommunities} 个名额处并列：${adv.tied.map((c) => c.name).join("、")}（${pts(adv.tied[0].total)} 分）并列待定，请考核组决定`,
        `The last of ${rules.advancedCommunities} advanced-community places falls in a tie: ${adv.tied.map((c) => c.name).join(", ")} — needs a decision`
      ),
    });

  const eligibleCommunity = new Map(communities.map((c) => [c.name, c.type !== "村改居"]));
  const individuals: IndividualResult[] = input.staff
    .filter((s) => known.has(s.community))
    .map((s) => {
      if (s.score.isNegative())
        issues.push({
          severity: "error",
          source: "staff",
          row: s.row,
          field: "score",
          message: msg(`个人考核得分 ${pts(s.score)} 为负数`, `Individual score ${pts(s.score)} is negative`),
        });
      return {
        name: s.name,
        community: s.community,
        row: s.row,
        score: s.score,
        eligible: eligibleCommunity.get(s.community) ?? false,
        rank: 0,
        advanced: false as Advanced,
      };
    });
  const staffRanked = [...individuals].sort(compareIndividuals);
  competitionRanks(staffRanked, compareIndividuals).forEach((rank, i) => (staffRanked[i].rank = rank));
  const staffAdv = markAdvanced(
    staffRanked,
    (s) => s.eligible,
    rules.advancedIndividuals,
    compareIndividuals
  );
  staffAdv.marks.forEach((m, i) => (staffRanked[i].advanced = m));
  if (staffAdv.tied.length > 0)
    issues.push({
      severity: "warning",
      source: "staff",
      message: msg(
        `先进个人第 ${rules.advancedIndividuals} 个名额处并列：${staffAdv.tied.map((s) => s.name).join("、")}（${pts(staffAdv.tied[0].score)} 分）并列待定，请考核组决定`,
        `The last of ${rules.advancedIndividuals} advanced-individual places falls in a tie: ${staffAdv.tied.map((s) => s.name).join(", ")} — needs a decision`
      ),
    });

  const hasMoney = rules.bonusPool !== null || rules.bonusPerPoint !== null;
  if (hasMoney) issues.push(...shareMoney(ranked, staffRanked, rules));

  const details = [
    ...targets.details,
    ...honors.details,
    ...basic.details,
    ...external.details,
    ...contributions.details,
  ];
  return { communities: ranked, individuals: staffRanked, details, issues, hasMoney };
}

/** SPEC §5: community money from the pool (largest remainder) or per point, then to staff by score. */
function shareMoney(communities: CommunityResult[], staff: IndividualResult[], rules: Rules): EngineIssue[] {
  const issues: EngineIssue[] = [];
  if (rules.bonusPool !== null) {
    const cents = largestRemainder(
      toCents(rules.bonusPool),
      communities.map((c) => c.converted),
      communities.map((c) => c.name)
    );
    communities.forEach((c, i) => (c.moneyCents = cents[i]));
  } else if (rules.bonusPerPoint !== null) {
    const rate = rules.bonusPerPoint;
    for (const c of communities) c.moneyCents = toCents(c.converted.mul(rate));
  }
  // Staff grouped once by community: a filter per community would be quadratic in big workbooks.
  const staffOf = new Map<string, IndividualResult[]>();
  for (const s of staff) {
    const list = staffOf.get(s.community);
    if (list) list.push(s);
    else staffOf.set(s.community, [s]);
  }
  for (const c of communities) {
    const people = staffOf.get(c.name) ?? [];
    if (people.length === 0) {
      issues.push({
        severity: "warning",
        source: "staff",
        message: msg(
          `社区“${c.name}”没有人员记录：奖金留在社区层面`,
          `Community "${c.name}" has no staff: its money stays at community level`
        ),
      });
      continue;
    }
    const weights = people.map((p) => (p.score.isNegative() ? Exact.ZERO : p.score));
    if (weights.every((w) => w.isZero()))
      issues.push({
        severity: "warning",
        source: "staff",
        message: msg(
          `社区“${c.name}”人员得分均为 0：奖金平均分配`,
          `All staff of "${c.name}" score 0: money split equally`
        ),
      });
    const split = largestRemainder(
      c.moneyCents ?? 0n,
      weights,
      people.map((p) => `${p.name}\u0000${p.row}`)
    );
    people.forEach((p, i) => (p.moneyCents = split[i]));
  }
  return issues;
}
