import fc from "fast-check";
import {
  assess,
  AssessmentInput,
  AssessmentResult,
  copyRules,
  defaultRules,
  Exact,
  RecordScore,
  RecordSource,
  Rules,
  sum,
} from "../../src/scoring";
import { contribution, honor, inputArb, x } from "./fixtures";

/**
 * The engine scores over numbered communities and builds its detail records only when they are
 * read (issue 13 §5). These properties hold the restructure to the meaning of 规则 §3–§4: the
 * details add up to every community's part totals, the answer does not depend on the order of
 * any sheet's rows, and details read later are the ones of the rules given.
 */

/** inputArb's workbooks, some with records naming a community that is not on the list. */
const workbook = fc.tuple(inputArb(), fc.boolean(), fc.nat()).map(([input, stray, at]) => {
  if (!stray) return input;
  const row = 100 + (at % 7);
  input.honors.push(honor({ row, community: "不在表中", level: "city" }));
  input.contributions.push(contribution({ row, community: "不在表中", line: "招商引资", points: x(3) }));
  input.staff.push({ row, name: "外人", community: "不在表中", score: x(99) });
  return input;
});

const PARTS: [RecordSource, "target" | "honor" | "basicPublicity" | "externalPublicity" | "contribution"][] =
  [
    ["targets", "target"],
    ["honors", "honor"],
    ["basicPublicity", "basicPublicity"],
    ["publicity", "externalPublicity"],
    ["contributions", "contribution"],
  ];

/** A permutation of `list` decided by `seed`. */
function shuffle<T>(list: readonly T[], seed: number): T[] {
  return list
    .map((v, i) => ({ v, k: (i * 7919 + seed) % 104729 }))
    .sort((p, q) => p.k - q.k)
    .map((p) => p.v);
}

/** Details in a canonical order (by sheet, row, community) with their words, for comparing as a set. */
function detailSet(details: readonly RecordScore[]): string[] {
  return details
    .map((d) =>
      JSON.stringify([
        d.source,
        d.row,
        d.community,
        d.label,
        d.points.toString(),
        d.reasons.map((r) => r.text),
      ])
    )
    .sort();
}

/** Everything of a result that the sheets' row order may not change. */
function meaning(r: AssessmentResult) {
  const exact = (e: Exact | null | undefined) => (e == null ? null : e.toString());
  return {
    communities: [...r.communities]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({
        ...c,
        categories: Object.fromEntries(Object.entries(c.categories).map(([k, v]) => [k, exact(v)])),
        target: exact(c.target),
        honor: exact(c.honor),
        basicPublicity: exact(c.basicPublicity),
        externalPublicity: exact(c.externalPublicity),
        contribution: exact(c.contribution),
        rewards: exact(c.rewards),
        total: exact(c.total),
        converted: exact(c.converted),
        gapToCut: exact(c.gapToCut),
        gapToAbove: exact(c.gapToAbove),
        moneyCents: c.moneyCents?.toString(),
      })),
    individuals: [...r.individuals]
      .sort((a, b) => a.row - b.row)
      .map((p) => [p.row, p.name, p.community, exact(p.score), p.rank, p.advanced, p.moneyCents?.toString()]),
    details: detailSet(r.details),
    issues: r.issues.map((i) => `${i.severity} ${i.source} ${i.row} ${i.field}`).sort(),
  };
}

const withMoney = (r: Rules) => ({ ...copyRules(r), bonusPool: x(10000), advancedCommunities: 2 });

describe("规则 §4 综合得分 = 目标管理 + 单项奖励: the detail records add up to every part", () => {
  test("property: per community, the details of each sheet sum exactly to that part, and all of them to the total", () => {
    fc.assert(
      fc.property(workbook, (input) => {
        const result = assess(input, defaultRules());
        for (const c of result.communities) {
          const mine = result.details.filter((d) => d.community === c.name);
          for (const [source, field] of PARTS) {
            const part = sum(mine.filter((d) => d.source === source).map((d) => d.points));
            expect(part.toString()).toBe(c[field].toString());
          }
          expect(sum(mine.map((d) => d.points)).toString()).toBe(c.total.toString());
        }
        // One detail per record (per listed community of an article), whether it counts or not.
        const shares = input.publicity.reduce((n, a) => n + new Set(a.communities).size, 0);
        const bySource = (s: RecordSource) => result.details.filter((d) => d.source === s).length;
        expect(bySource("honors")).toBe(input.honors.length);
        expect(bySource("publicity")).toBe(shares);
        expect(bySource("contributions")).toBe(input.contributions.length);
      }),
      { numRuns: 80 }
    );
  });

  test("edge: a record naming a community not on the list keeps its detail, and no listed community gets its points", () => {
    const input = fc.sample(inputArb(), { seed: 3, numRuns: 1 })[0];
    input.honors.push(honor({ row: 99, community: "不在表中", level: "national" }));
    const result = assess(input, defaultRules());
    const stray = result.details.filter((d) => d.community === "不在表中");
    expect(stray.map((d) => d.points.toString())).toEqual(["15"]);
    const listed = sum(result.communities.map((c) => c.honor));
    const counted = sum(result.details.filter((d) => d.source === "honors").map((d) => d.points));
    expect(counted.sub(listed).toString()).toBe("15");
  });
});

describe("规则 §4 results are independent of row order (whole result)", () => {
  test("property: shuffling every sheet's rows changes no total, rank, mark, money, detail or issue", () => {
    fc.assert(
      fc.property(workbook, fc.integer(), fc.boolean(), (input, seed, money) => {
        const rules = money ? withMoney(defaultRules()) : defaultRules();
        const shuffled: AssessmentInput = {
          communities: shuffle(input.communities, seed),
          targets: shuffle(input.targets, seed + 1),
          honors: shuffle(input.honors, seed + 2),
          basicPublicity: shuffle(input.basicPublicity, seed + 3),
          publicity: shuffle(input.publicity, seed + 4),
          contributions: shuffle(input.contributions, seed + 5),
          staff: shuffle(input.staff, seed + 6),
        };
        expect(meaning(assess(shuffled, rules))).toEqual(meaning(assess(input, rules)));
      }),
      { numRuns: 80 }
    );
  });
});

describe("规则 §8 计分明细 — details are built when read, from the rules given", () => {
  test("reading details twice gives the same array; changing the rules object afterwards changes no detail", () => {
    const input = fc.sample(inputArb(), { seed: 5, numRuns: 1 })[0];
    input.honors.push(
      honor({ row: 50, community: input.communities[0].name, level: "city", lineDept: true })
    );
    const rules = defaultRules();
    const before = detailSet(assess(input, defaultRules()).details);
    const result = assess(input, rules);
    rules.honorPoints.district = x(7);
    rules.publicityPoints = { ...rules.publicityPoints, town: x(3) };
    rules.contributionLineCap = x(1);
    rules.subjectRuleScope = "national";
    expect(detailSet(result.details)).toEqual(before);
    expect(result.details).toBe(result.details);
    // The same input under the changed rules does score differently (the check above can fail).
    expect(detailSet(assess(input, rules).details)).not.toEqual(before);
  });

  test("edge: one rules object changed between two calls — the second call scores the new honor points", () => {
    const input = fc.sample(inputArb(), { seed: 7, numRuns: 1 })[0];
    const who = input.communities[0].name;
    input.honors = [honor({ row: 2, community: who, level: "district" })];
    const rules = defaultRules();
    const honorOf = () =>
      assess(input, rules)
        .communities.find((c) => c.name === who)!
        .honor.toString();
    expect(honorOf()).toBe("2");
    rules.honorPoints.district = x(7);
    expect(honorOf()).toBe("7");
  });

  test("details and staff results can be replaced, as any property of a result", () => {
    const result = assess(fc.sample(inputArb(), { seed: 9, numRuns: 1 })[0], defaultRules());
    result.details = [];
    result.individuals = [];
    expect(result.details).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ details: [], individuals: [] });
  });

  test("staff results read later are those of the rules given (places, marks), the same array each time", () => {
    const input = fc.sample(inputArb(), { seed: 13, numRuns: 1 })[0];
    input.staff = ["甲社区", "乙社区"].flatMap((community, c) =>
      [90, 88, 88, 85].map((score, i) => ({
        row: 2 + 4 * c + i,
        name: `人${c}${i}`,
        community,
        score: x(score),
      }))
    );
    const rules = { ...defaultRules(), advancedIndividuals: 2 };
    const now = assess(input, { ...rules }).individuals.map((p) => [p.row, p.rank, p.advanced]);
    const result = assess(input, rules);
    rules.advancedIndividuals = 6;
    expect(result.individuals.map((p) => [p.row, p.rank, p.advanced])).toEqual(now);
    expect(result.individuals).toBe(result.individuals);
    expect(now.filter(([, , a]) => a !== false).length).toBeGreaterThan(0);
    // Under the changed rules the marks do differ (the check above can fail).
    expect(assess(input, rules).individuals.map((p) => [p.row, p.rank, p.advanced])).not.toEqual(now);
  });
});
