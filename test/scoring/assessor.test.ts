import fc from "fast-check";
import { assess, assessor, defaultRules, Exact, LEVELS, Rules } from "../../src/scoring";
import { article, contribution, honor, simpleInput, x } from "../scoring/fixtures";

/** A workbook's records with every part at work: honors, articles (joint), contributions, staff. */
function records() {
  const input = simpleInput({ A: 80, B: 79.5, C: 81, D: 78, E: 80 }, { E: "村改居" });
  input.honors = [
    honor({ row: 2, community: "A", level: "district" }),
    honor({ row: 3, community: "B", level: "city", kind: "卫生" }),
    honor({ row: 4, community: "B", level: "district", kind: "卫生" }),
    honor({ row: 5, community: "D", level: "province", lineDept: true }),
    honor({ row: 6, community: "C", level: "town", approved: false }),
  ];
  input.publicity = [
    article({ row: 2, communities: ["A", "B", "C"], level: "town" }),
    article({ row: 3, communities: ["D"], level: "district", communityIsSubject: false }),
    article({ row: 4, communities: ["B"], level: "city" }),
  ];
  input.basicPublicity = [{ row: 2, community: "C", score: x(2) }];
  input.contributions = [contribution({ row: 2, community: "D", line: "招商引资", points: x(4) })];
  input.staff = ["A", "B", "C", "D", "E"].map((c, i) => ({
    row: i + 2,
    name: `人${i}`,
    community: c,
    score: x(90 - i),
  }));
  return input;
}

const rulesArb: fc.Arbitrary<(r: Rules) => Rules> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...LEVELS), fc.integer({ min: 0, max: 30 }))
    .map(([level, half]) => (r: Rules) => ({
      ...r,
      honorPoints: { ...r.honorPoints, [level]: Exact.ratio(half, 2) },
    })),
  fc
    .tuple(fc.constantFrom(...LEVELS), fc.integer({ min: 0, max: 30 }))
    .map(([level, tenth]) => (r: Rules) => ({
      ...r,
      publicityPoints: { ...r.publicityPoints, [level]: Exact.ratio(tenth, 10) },
    })),
  fc.constantFrom<(r: Rules) => Rules>(
    (r) => ({ ...r, subjectRuleScope: r.subjectRuleScope === "all" ? "national" : "all" }),
    (r) => ({ ...r, rankingMode: r.rankingMode === "total" ? "targetFirst" : "total" }),
    (r) => ({ ...r, contributionLineCap: Exact.int(2) }),
    (r) => ({ ...r, bonusPool: Exact.int(1000) }),
    (r) => ({ ...r, categoryMax: { ...r.categoryMax, foundation: Exact.int(10) } })
  ),
  fc
    .integer({ min: 0, max: 6 })
    .map((n) => (r: Rules) => ({ ...r, advancedCommunities: n, advancedIndividuals: n }))
);

describe("the assessor: the same records under many rules, each answer as a fresh assess()", () => {
  test("property: any sequence of rule changes gives exactly what assess() gives for those rules", () => {
    fc.assert(
      fc.property(fc.array(fc.array(rulesArb, { maxLength: 3 }), { minLength: 1, maxLength: 6 }), (steps) => {
        const input = records();
        const run = assessor(input);
        for (const changes of steps) {
          const rules = changes.reduce((r, f) => f(r), defaultRules());
          expect(run(rules)).toEqual(assess(input, rules));
        }
      }),
      { numRuns: 60 }
    );
  });

  test("two calls never share the objects they mark: ranks and marks of one answer survive the next", () => {
    const run = assessor(records());
    const eight = run(defaultRules());
    const one = run({ ...defaultRules(), advancedCommunities: 1, advancedIndividuals: 1 });
    expect(eight.communities.filter((c) => c.advanced === true)).toHaveLength(4);
    expect(one.communities.filter((c) => c.advanced === true)).toHaveLength(1);
    expect(eight.individuals.filter((p) => p.advanced === true)).toHaveLength(4);
  });
});
