import {
  AssessmentInput,
  CATEGORIES,
  CategoryKey,
  CommunityRecord,
  Exact,
  HonorRecord,
  PublicityRecord,
  ContributionRecord,
  defaultRules,
  Rules,
} from "../../src/scoring";

export const x = (v: number | string): Exact =>
  typeof v === "number" ? Exact.fromNumber(v) : (Exact.parseDecimal(v) as Exact);

/** Category scores that add up to `total` (≤ 100), filling categories in order up to their maxima. */
export function targetScores(total: number, rules: Rules = defaultRules()): Record<CategoryKey, Exact> {
  let left = x(total);
  const out = {} as Record<CategoryKey, Exact>;
  for (const c of CATEGORIES) {
    const take = left.min(rules.categoryMax[c]);
    out[c] = take;
    left = left.sub(take);
  }
  return out;
}

export function community(
  name: string,
  row: number,
  type: CommunityRecord["type"] = "社区"
): CommunityRecord {
  return { row, name, type };
}

export function honor(
  p: Partial<HonorRecord> & Pick<HonorRecord, "community" | "level" | "row">
): HonorRecord {
  return { honor: "文明社区", lineDept: false, approved: true, docNo: "X〔2026〕1号", ...p };
}

export function article(
  p: Partial<PublicityRecord> & Pick<PublicityRecord, "communities" | "level" | "row">
): PublicityRecord {
  return {
    title: `报道${p.row}`,
    communityBuilding: true,
    authorIsStaff: true,
    communityIsSubject: true,
    countedInTargets: false,
    ...p,
  };
}

export function contribution(
  p: Partial<ContributionRecord> & Pick<ContributionRecord, "community" | "line" | "points" | "row">
): ContributionRecord {
  return { leaderAgreed: true, ...p };
}

/** Communities with the given target totals and nothing else. */
export function simpleInput(
  totals: Record<string, number>,
  types: Record<string, CommunityRecord["type"]> = {}
): AssessmentInput {
  const names = Object.keys(totals);
  return {
    communities: names.map((n, i) => community(n, i + 2, types[n] ?? "社区")),
    targets: names.map((n, i) => ({ row: i + 2, community: n, scores: targetScores(totals[n]) })),
    honors: [],
    basicPublicity: [],
    publicity: [],
    contributions: [],
    staff: [],
  };
}
