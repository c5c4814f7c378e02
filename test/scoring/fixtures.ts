import fc from "fast-check";
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

/**
 * Random whole inputs (fast-check): communities (some 村改居), target rows, honors (kinds repeat,
 * some not approved), basic publicity, joint articles (content keys repeat), contributions above
 * the caps, staff. Every record names a listed community, so assess() gives a full result.
 */
export function inputArb(): fc.Arbitrary<AssessmentInput> {
  const names = ["甲社区", "乙社区", "丙社区", "丁社区", "戊社区", "己社区"];
  const level = fc.constantFrom("town", "district", "city", "province" as const);
  return fc
    .record({
      count: fc.integer({ min: 2, max: names.length }),
      village: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
      targets: fc.array(fc.integer({ min: 500, max: 1000 }), {
        minLength: names.length,
        maxLength: names.length,
      }),
      honors: fc.array(
        fc.record({
          who: fc.nat(),
          level,
          kind: fc.constantFrom("a", "b", "c"),
          ok: fc.boolean(),
          line: fc.boolean(),
        }),
        { maxLength: 12 }
      ),
      basic: fc.array(fc.record({ who: fc.nat(), score: fc.constantFrom(0, 1, 2.5, 5) }), { maxLength: 6 }),
      articles: fc.array(
        fc.record({
          who: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
          level,
          key: fc.constantFrom("k1", "k2", "k3"),
        }),
        { maxLength: 12 }
      ),
      contributions: fc.array(
        fc.record({
          who: fc.nat(),
          line: fc.constantFrom("招商引资", "征地拆迁"),
          p: fc.integer({ min: 0, max: 40 }),
        }),
        { maxLength: 12 }
      ),
      staff: fc.array(fc.record({ who: fc.nat(), score: fc.integer({ min: 600, max: 1000 }) }), {
        maxLength: 10,
      }),
    })
    .map((g) => {
      const listed = names.slice(0, g.count);
      const pick = (i: number) => listed[i % listed.length];
      const input = simpleInput(
        Object.fromEntries(listed.map((n, i) => [n, g.targets[i] / 10])),
        Object.fromEntries(listed.map((n, i) => [n, g.village[i] ? "村改居" : "社区"]))
      );
      input.honors = g.honors.map((h, i) =>
        honor({
          row: i + 2,
          community: pick(h.who),
          level: h.level,
          kind: h.kind,
          approved: h.ok,
          lineDept: h.line,
        })
      );
      const once = new Set<string>();
      input.basicPublicity = g.basic
        .filter((b) => !once.has(pick(b.who)) && once.add(pick(b.who)))
        .map((b, i) => ({ row: i + 2, community: pick(b.who), score: x(b.score) }));
      input.publicity = g.articles.map((a, i) =>
        article({ row: i + 2, communities: [...new Set(a.who.map(pick))], level: a.level, contentKey: a.key })
      );
      input.contributions = g.contributions.map((c, i) =>
        contribution({ row: i + 2, community: pick(c.who), line: c.line, points: Exact.ratio(c.p, 4) })
      );
      input.staff = g.staff.map((s, i) => ({
        row: i + 2,
        name: `人${i}`,
        community: pick(s.who),
        score: x(s.score / 10),
      }));
      return input;
    });
}
