import { checkRecords } from "./checked";
import { CONTRIBUTION_RULES, prepareContributions, scoreNumberedContributions } from "./contributions";
import { resolveTie } from "./decisions";
import { Exact } from "./exact";
import { pts } from "./format";
import { HONOR_RULES, prepareHonors, scoreNumberedHonors } from "./honors";
import {
  Advanced,
  AssessmentInput,
  AssessmentResult,
  CommunityResult,
  DecisionRecord,
  EngineIssue,
  IndividualResult,
  RecordScore,
} from "./model";
import { largestRemainder, toCents } from "./money";
import { detailList } from "./part";
import { advancedPlaces, competitionRanks, gapsToAbove, gapsToCut, markAdvanced } from "./ranking";
import {
  BASIC_PUBLICITY_RULES,
  preparePublicity,
  PUBLICITY_RULES,
  scoreBasicPublicity,
  scoreNumberedPublicity,
} from "./publicity";
import { CATEGORIES, CategoryKey, Rules } from "./rules";
import { rankStaff } from "./staff";
import { scoreTargets, TARGET_RULES } from "./targets";
import { foldKey, msg } from "./text";

/** Ranking order of 规则 §4: by total then target, or (setting) by target then rewards. */
export function compareCommunities(
  rules: Pick<Rules, "rankingMode">
): (a: CommunityResult, b: CommunityResult) => number {
  return rules.rankingMode === "targetFirst"
    ? (a, b) => b.target.cmp(a.target) || b.rewards.cmp(a.rewards)
    : (a, b) => b.total.cmp(a.total) || b.target.cmp(a.target);
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
  const { communities, listed, names, ids } = checked;
  const groups = names.length;
  const honorPrep = prepareHonors(input.honors, ids.honors, groups);
  const publicityPrep = preparePublicity(input.publicity, ids.publicity, names);
  const contributionPrep = prepareContributions(input.contributions, ids.contributions, groups);
  const targets = part(TARGET_RULES, (r) => scoreTargets(communities, input.targets, ids.targets, r));
  const honors = part(HONOR_RULES, (r) => scoreNumberedHonors(input.honors, honorPrep, r));
  const basic = part(BASIC_PUBLICITY_RULES, (r) =>
    scoreBasicPublicity(input.basicPublicity, ids.basicPublicity, groups, r)
  );
  const external = part(PUBLICITY_RULES, (r) => scoreNumberedPublicity(input.publicity, publicityPrep, r));
  const contributions = part(CONTRIBUTION_RULES, (r) =>
    scoreNumberedContributions(input.contributions, contributionPrep, r)
  );
  const staff = rankStaff(input.staff, ids.staff, listed);
  const { order, rankOf } = staff;
  // People by rank position (0 is the best): the advanced places are found over these numbers,
  // reading only as far as the last place, and the person objects are made only when a reader
  // asks for them. Competition ranks are equal exactly when scores are, so comparing two rank
  // positions' ranks is comparing their scores.
  const scoreAt = (i: number) => input.staff[order[i]].score;
  const comparePositions = (a: number, b: number) => rankOf[order[a]] - rankOf[order[b]];
  const eligibleAtRank = (i: number) => communities[ids.staff[order[i]]].type !== "村改居";
  const nameAt = (i: number) => input.staff[order[i]].name;
  const decisions = input.decisions ?? [];
  // Whom a decision names, folded as names are compared: a person by name, and by community
  // when the row gives one.
  const namesPerson = (d: DecisionRecord, p: number): boolean =>
    foldKey(input.staff[p].name) === foldKey(d.name) &&
    (d.community === undefined || foldKey(input.staff[p].community) === foldKey(d.community));
  const namesCommunity = (d: DecisionRecord, name: string): boolean => foldKey(name) === foldKey(d.name);
  /** The staff results best first, fresh objects (rank, advanced and money are set on them). */
  const individualsOf = (
    marked: readonly number[],
    marks: readonly Advanced[],
    decided: readonly (DecisionRecord | undefined)[]
  ): IndividualResult[] => {
    // Written out rather than spread (a literal of known shape is much cheaper to build), in
    // sheet order (records read in order), each put straight at its place best first.
    const placeOf = new Int32Array(input.staff.length);
    for (let i = 0; i < order.length; i++) placeOf[order[i]] = i;
    const ranked: IndividualResult[] = new Array(order.length);
    for (let p = 0; p < input.staff.length; p++) {
      if (rankOf[p] === 0) continue;
      const s = input.staff[p];
      ranked[placeOf[p]] = {
        name: s.name,
        community: s.community,
        row: s.row,
        score: s.score,
        eligible: ids.staff[p] < listed && communities[ids.staff[p]].type !== "村改居",
        rank: rankOf[p],
        advanced: false,
      };
    }
    marked.forEach((i, k) => {
      ranked[i].advanced = marks[k];
      if (decided[k] !== undefined) ranked[i].decided = decided[k];
    });
    return ranked;
  };

  return (rules) => {
    const t = targets(rules);
    const h = honors(rules);
    const b = basic(rules);
    const e = external(rules);
    const c = contributions(rules);
    const issues: EngineIssue[] = checked.issues.concat(t.issues, h.issues, b.issues, e.issues, c.issues);

    const zero = () =>
      Object.fromEntries(CATEGORIES.map((k) => [k, Exact.ZERO])) as Record<CategoryKey, Exact>;
    // Community k of the list is number k in the parts' totals.
    const results: CommunityResult[] = communities.map((community, k) => {
      const ts = t.byCommunity[k];
      const honor = h.totals[k] ?? Exact.ZERO;
      const basicPublicity = b.totals[k] ?? Exact.ZERO;
      const externalPublicity = e.totals[k] ?? Exact.ZERO;
      const contribution = c.totals[k] ?? Exact.ZERO;
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
    const ranked = results.slice().sort(compare);
    const ranks = competitionRanks(ranked, compare);
    ranks.forEach((rank, i) => (ranked[i].rank = rank));
    const adv = markAdvanced(ranked, (x) => x.eligible, rules.advancedCommunities, compare);
    adv.marks.forEach((m, i) => (ranked[i].advanced = m));
    // 规则 §10: the 考核组's decisions settle the tie at the cut (all of a list's, or none).
    const communityTie = resolveTie(decisions, {
      kind: "community",
      slots: rules.advancedCommunities,
      above: adv.marks.filter((m) => m === true).length,
      count: adv.tied.length,
      names: (d, p) => namesCommunity(d, adv.tied[p].name),
      known: (d) => communities.some((c) => namesCommunity(d, c.name)),
    });
    issues.push(...communityTie.issues);
    const openCommunities = adv.tied.filter((x, p) => {
      const d = communityTie.decided[p];
      if (d === undefined) return true;
      x.advanced = d.advanced;
      x.decided = d;
      return false;
    });
    const totalOf = (x: CommunityResult) => x.total;
    gapsToCut(ranked, (x) => x.eligible, adv.marks, rules.advancedCommunities, totalOf).forEach(
      (g, i) => (ranked[i].gapToCut = g)
    );
    gapsToAbove(ranked, ranks, totalOf).forEach((g, i) => (ranked[i].gapToAbove = g));
    if (openCommunities.length > 0)
      issues.push({
        severity: "warning",
        source: "communities",
        message: msg(
          `先进社区第 ${rules.advancedCommunities} 个名额处并列：${openCommunities.map((x) => x.name).join("、")}（${pts(openCommunities[0].total)} 分）并列待定，请考核组决定`,
          `The last of ${rules.advancedCommunities} advanced-community places falls in a tie: ${openCommunities.map((x) => x.name).join(", ")} — needs a decision`
        ),
      });

    issues.push(...staff.issues);
    const staffAdv = advancedPlaces(
      order.length,
      eligibleAtRank,
      rules.advancedIndividuals,
      comparePositions
    );
    // Few are marked: only they are kept, the others are `false`.
    const marked = staffAdv.positions;
    const marks = staffAdv.marks;
    const staffTie = resolveTie(decisions, {
      kind: "individual",
      slots: rules.advancedIndividuals,
      above: marks.filter((m) => m === true).length,
      count: staffAdv.tied.length,
      names: (d, p) => namesPerson(d, order[staffAdv.tied[p]]),
      known: (d) => input.staff.some((_, p) => rankOf[p] !== 0 && namesPerson(d, p)),
    });
    issues.push(...staffTie.issues);
    // The tie is the end of the marked positions: its k-th member is marked at `first + k`.
    const decidedMarks = new Array<DecisionRecord | undefined>(marked.length);
    const first = marked.length - staffAdv.tied.length;
    const openStaff = staffAdv.tied.filter((_, k) => {
      const d = staffTie.decided[k];
      if (d === undefined) return true;
      marks[first + k] = d.advanced;
      decidedMarks[first + k] = d;
      return false;
    });
    if (openStaff.length > 0)
      issues.push({
        severity: "warning",
        source: "staff",
        message: msg(
          `先进个人第 ${rules.advancedIndividuals} 个名额处并列：${openStaff.map(nameAt).join("、")}（${pts(scoreAt(openStaff[0]))} 分）并列待定，请考核组决定`,
          `The last of ${rules.advancedIndividuals} advanced-individual places falls in a tie: ${openStaff.map(nameAt).join(", ")} — needs a decision`
        ),
      });

    // The staff results are made when first read, except when money is shared: then at once.
    let individuals: IndividualResult[] | undefined;
    const hasMoney = rules.bonusPool !== null || rules.bonusPerPoint !== null;
    if (hasMoney)
      issues.push(...shareMoney(ranked, (individuals = individualsOf(marked, marks, decidedMarks)), rules));

    // The detail records are built when first read (most of a big result's objects and texts):
    // reading them (or the staff) twice gives the same array; assigning replaces it.
    let details: RecordScore[] | undefined;
    return {
      communities: ranked,
      get individuals(): IndividualResult[] {
        return (individuals ??= individualsOf(marked, marks, decidedMarks));
      },
      set individuals(value: IndividualResult[]) {
        individuals = value;
      },
      get details(): RecordScore[] {
        return (details ??= detailList(t.details, h.details, b.details, e.details, c.details));
      },
      set details(value: RecordScore[]) {
        details = value;
      },
      issues,
      hasMoney,
      rankingMode: rules.rankingMode,
    };
  };
}

/** 规则 §5: community money from the pool (largest remainder) or per point, then to staff by score. */
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
