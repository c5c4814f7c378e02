import { CONTRIBUTION_RULES, scoreContributions } from "./contributions";
import { compareBySortKey, Exact } from "./exact";
import { pts } from "./format";
import { HONOR_RULES, scoreHonors } from "./honors";
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
import { BASIC_PUBLICITY_RULES, PUBLICITY_RULES, scoreBasicPublicity, scorePublicity } from "./publicity";
import { CATEGORIES, CategoryKey, Rules } from "./rules";
import { scoreTargets, TARGET_RULES } from "./targets";
import { nearestName } from "./nearest";
import { msg } from "./text";
import { visible } from "./visible";

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
 * Staff best first, as a stable sort by compareIndividuals gives them. Tens of thousands of
 * people share few distinct scores: people are grouped by their score's double (in row order),
 * the distinct doubles sorted — exactly where two are too close to tell — and a group whose
 * scores are not all equal (two values, one double) is sorted exactly.
 */
function sortedBest(people: readonly IndividualResult[]): IndividualResult[] {
  const groups = new Map<number, IndividualResult[]>();
  for (const p of people) {
    const key = p.score.sortKey();
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const first = (key: number) => (groups.get(key) as IndividualResult[])[0].score;
  const keys = [...groups.keys()].sort((a, b) => compareBySortKey(b, a, first(b), first(a)));
  const out: IndividualResult[] = [];
  for (const key of keys) {
    const group = groups.get(key) as IndividualResult[];
    if (!group.every((p) => p.score.eq(group[0].score))) group.sort(compareIndividuals);
    for (const p of group) out.push(p);
  }
  return out;
}

/**
 * The whole assessment: records and rules in, ranked communities and individuals, every record's
 * points with reasons, and the issues out. Pure: no I/O, no clock.
 */
export function assess(input: AssessmentInput, rules: Rules): AssessmentResult {
  return assessor(input)(rules);
}

/** A rule value as a key: equal values give equal keys (exact numbers by their lowest terms). */
function ruleKey(value: unknown): string {
  if (value instanceof Exact) return value.toString();
  if (Array.isArray(value)) return `[${value.map(ruleKey).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${ruleKey((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

/**
 * One part scored again only when a rule it reads has changed. The part's function takes only
 * `Pick<Rules, keys>`, so the compiler refuses a part that reads a rule outside its keys. It keeps
 * the first answer (the rules as set) and the latest, which is what a scan of one setting needs.
 */
function part<K extends keyof Rules, T>(keys: readonly K[], score: (rules: Pick<Rules, K>) => T) {
  let first: { key: string; value: T } | null = null;
  let last: { key: string; value: T } | null = null;
  return (rules: Rules): T => {
    const key = keys.map((k) => ruleKey(rules[k])).join("|");
    if (first?.key === key) return first.value;
    if (last?.key === key) return last.value;
    const value = score(rules);
    if (first === null) first = { key, value };
    else last = { key, value };
    return value;
  };
}

/**
 * The assessment of one set of records under any number of Rules (what-if, the weight of each
 * [I] reading): the records are cross-checked once, and each part (targets, honors, publicity,
 * contributions) is scored again only when a rule it reads has changed; totals, ranking,
 * selection and money always run again. Every call answers exactly as a fresh assess() would
 * (test/scoring/assessor.test.ts), in a fraction of the time when few rules change.
 */
export function assessor(input: AssessmentInput): (rules: Rules) => AssessmentResult {
  const checked = checkRecords(input);
  const { communities, known } = checked;
  const targets = part(TARGET_RULES, (r) =>
    scoreTargets(
      communities,
      input.targets.filter((t) => known.has(t.community)),
      r
    )
  );
  const honors = part(HONOR_RULES, (r) => scoreHonors(input.honors, r));
  const basic = part(BASIC_PUBLICITY_RULES, (r) => scoreBasicPublicity(input.basicPublicity, r));
  const external = part(PUBLICITY_RULES, (r) => scorePublicity(input.publicity, r));
  const contributions = part(CONTRIBUTION_RULES, (r) => scoreContributions(input.contributions, r));
  const staff = rankStaff(input, communities, known);

  return (rules) => {
    const t = targets(rules);
    const h = honors(rules);
    const b = basic(rules);
    const e = external(rules);
    const c = contributions(rules);
    const issues: EngineIssue[] = [
      ...checked.issues,
      ...t.issues,
      ...h.issues,
      ...b.issues,
      ...e.issues,
      ...c.issues,
    ];

    const zero = () =>
      Object.fromEntries(CATEGORIES.map((k) => [k, Exact.ZERO])) as Record<CategoryKey, Exact>;
    const results: CommunityResult[] = communities.map((community) => {
      const ts = t.byCommunity.get(community.name);
      const honor = h.byCommunity.get(community.name) ?? Exact.ZERO;
      const basicPublicity = b.byCommunity.get(community.name) ?? Exact.ZERO;
      const externalPublicity = e.byCommunity.get(community.name) ?? Exact.ZERO;
      const contribution = c.byCommunity.get(community.name) ?? Exact.ZERO;
      const rewards = honor.add(basicPublicity).add(externalPublicity).add(contribution);
      const target = ts?.target ?? Exact.ZERO;
      const total = target.add(rewards);
      return {
        name: community.name,
        type: community.type,
        code: community.code,
        eligible: community.type !== "村改居",
        rank: 0,
        advanced: false as Advanced,
        categories: ts?.categories ?? zero(),
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
    const adv = markAdvanced(ranked, (x) => x.eligible, rules.advancedCommunities, compare);
    adv.marks.forEach((m, i) => (ranked[i].advanced = m));
    const totalOf = (x: CommunityResult) => x.total;
    gapsToCut(ranked, (x) => x.eligible, adv.marks, rules.advancedCommunities, totalOf).forEach(
      (g, i) => (ranked[i].gapToCut = g)
    );
    gapsToAbove(ranked, ranks, totalOf).forEach((g, i) => (ranked[i].gapToAbove = g));
    if (adv.tied.length > 0)
      issues.push({
        severity: "warning",
        source: "communities",
        message: msg(
          `先进社区第 ${rules.advancedCommunities} 个名额处并列：${adv.tied.map((x) => x.name).join("、")}（${pts(adv.tied[0].total)} 分）并列待定，请考核组决定`,
          `The last of ${rules.advancedCommunities} advanced-community places falls in a tie: ${adv.tied.map((x) => x.name).join(", ")} — needs a decision`
        ),
      });

    issues.push(...staff.issues);
    // Fresh objects per call: rank, advanced and money are set on them. Written out rather than
    // spread: tens of thousands of people, and a literal of known shape is much cheaper to build.
    const staffRanked: IndividualResult[] = new Array(staff.sorted.length);
    for (let i = 0; i < staffRanked.length; i++) {
      const s = staff.sorted[i];
      staffRanked[i] = {
        name: s.name,
        community: s.community,
        row: s.row,
        score: s.score,
        eligible: s.eligible,
        rank: staff.ranks[i],
        advanced: false,
      };
    }
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

    const details = t.details.concat(h.details, b.details, e.details, c.details);
    return { communities: ranked, individuals: staffRanked, details, issues, hasMoney };
  };
}

/** The community list (first row of a duplicated name counts) and records naming unknown communities. */
function checkRecords(input: AssessmentInput): {
  communities: CommunityRecord[];
  known: Set<string>;
  issues: EngineIssue[];
} {
  const issues: EngineIssue[] = [];
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
          `社区“${visible(c.name)}”与第 ${earlier} 行重复：社区名称必须唯一`,
          `Community "${visible(c.name)}" repeats row ${earlier}: names must be unique`
        ),
      });
      continue;
    }
    firstRow.set(c.name, c.row);
    communities.push(c);
  }
  const known = new Set(communities.map((c) => c.name));
  const names = [...known];
  // One suggestion per distinct unknown name, however many rows repeat it.
  const suggestions = new Map<string, string | undefined>();
  const unknown = (source: RecordSource, row: number, name: string, field = "community") => {
    if (!suggestions.has(name)) suggestions.set(name, nearestName(name, names));
    const near = suggestions.get(name);
    const shown = visible(name);
    issues.push({
      severity: "error",
      source,
      row,
      field,
      message: near
        ? msg(
            `社区“${shown}”不在社区表中：是否应为“${near}”？`,
            `Community "${shown}" is not on the communities sheet: did you mean "${near}"?`
          )
        : msg(
            `社区“${shown}”不在社区表中：请核对名称或先在社区表中添加`,
            `Community "${shown}" is not on the communities sheet: check the name or add it there`
          ),
    });
  };
  for (const r of input.targets) if (!known.has(r.community)) unknown("targets", r.row, r.community);
  for (const r of input.honors) if (!known.has(r.community)) unknown("honors", r.row, r.community);
  for (const r of input.basicPublicity)
    if (!known.has(r.community)) unknown("basicPublicity", r.row, r.community);
  for (const r of input.publicity)
    for (const name of r.communities) if (!known.has(name)) unknown("publicity", r.row, name, "communities");
  for (const r of input.contributions)
    if (!known.has(r.community)) unknown("contributions", r.row, r.community);
  for (const r of input.staff) if (!known.has(r.community)) unknown("staff", r.row, r.community);
  return { communities, known, issues };
}

/** Staff of known communities, sorted by score with competition ranks: no rule changes either. */
function rankStaff(
  input: AssessmentInput,
  communities: readonly CommunityRecord[],
  known: ReadonlySet<string>
): { sorted: IndividualResult[]; ranks: number[]; issues: EngineIssue[] } {
  const issues: EngineIssue[] = [];
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
  const sorted = sortedBest(individuals);
  // Competition ranks: exact values are in lowest terms, so equal scores are equal fields (what
  // competitionRanks with compareIndividuals finds, without a comparison's multiplications).
  const ranks: number[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++)
    ranks[i] = i > 0 && sorted[i - 1].score.eq(sorted[i].score) ? ranks[i - 1] : i + 1;
  return { sorted, ranks, issues };
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
