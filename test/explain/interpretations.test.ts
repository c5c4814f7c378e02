import {
  interpretations,
  movesBetween,
  advancedMoves,
  pointGrid,
  PointReading,
  Reading,
} from "../../src/explain";
import { assess, AssessmentInput, defaultRules, Exact, Rules } from "../../src/scoring";
import { readWorkbook, sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan/template";
import { article, honor, simpleInput } from "../scoring/fixtures";

const rules = defaultRules();
const strings = (xs: readonly Exact[]) => xs.map(String);
const byId = (rs: Reading[], id: string) => rs.find((r) => r.id === id)!;
const points = (rs: Reading[], id: string) => byId(rs, id) as PointReading;

/** Who is advanced (or tied) under `rules`, straight from assess(). */
const winners = (input: AssessmentInput, r: Rules) => {
  const res = assess(input, r);
  return JSON.stringify([
    res.communities.map((c) => [c.name, c.advanced]).sort(),
    res.individuals.map((p) => [p.row, p.advanced]).sort(),
  ]);
};
const withPoints = (r: Rules, id: string, v: Exact): Rules => {
  const [table, level] = id.split(".") as ["honorPoints" | "publicityPoints", "district" | "city"];
  return { ...r, [table]: { ...r[table], [level]: v } };
};

/**
 * Nine communities A…I, eight places: I (target 85.5 and one district honor, 2 points) trails H
 * (88) by 0.5, and has a city article that does not report I as its subject.
 */
function tight(): AssessmentInput {
  const input = simpleInput({ A: 96, B: 95, C: 94, D: 93, E: 92, F: 91, G: 90, H: 88, I: 85.5 });
  input.honors = [honor({ row: 2, community: "I", level: "district" })];
  input.publicity = [article({ row: 2, communities: ["I"], level: "city", communityIsSubject: false })];
  return input;
}

describe("the 0.5-point grid between the neighbouring levels", () => {
  test("today's value, every half point from it within the range, and the range's ends even off the grid", () => {
    expect(strings(pointGrid(Exact.ratio(1, 2), [Exact.ratio(1, 5), Exact.int(2)]))).toEqual([
      "1/5",
      "1/2",
      "1",
      "3/2",
      "2",
    ]);
    expect(strings(pointGrid(Exact.int(2), [Exact.int(1), Exact.int(5)]))).toEqual(
      strings([2, 3, 4, 5, 6, 7, 8, 9, 10].map((h) => Exact.ratio(h, 2)))
    );
    // A value set off the grid: the steps start from it.
    expect(strings(pointGrid(Exact.ratio(13, 10), [Exact.int(1), Exact.int(2)]))).toEqual([
      "1",
      "13/10",
      "9/5",
      "2",
    ]);
  });
});

describe("规则 [I] how much each reading matters", () => {
  test("a blank level's points: the interval where the advanced list stays, and who moves just beyond it", () => {
    const input = tight();
    const r = points(interpretations(input, rules), "honorPoints.district");
    // At 2.5 I reaches H's 88 but ranks below on the target score; at 3 it passes H.
    expect(strings([r.today, ...r.range, ...r.stable])).toEqual(["2", "1", "5", "1", "5/2"]);
    expect(r.below).toBeNull(); // down to the town level's 1 point nothing changes
    expect(String(r.above!.value)).toBe("3");
    expect(r.above!.moves.communities.map((m) => [m.name, m.advancedBefore, m.advancedAfter])).toEqual([
      ["I", false, true],
      ["H", true, false],
    ]);
    expect(r.changes).toBe(true);
    // The city level does not touch I at all: the whole range 2–10 is stable.
    const city = points(interpretations(input, rules), "honorPoints.city");
    expect([city.changes, strings(city.stable)]).toEqual([false, ["2", "10"]]);
  });

  test("以社区为主体 applied to the national level only: I's city article counts (2) and I passes H", () => {
    const r = byId(interpretations(tight(), rules), "subjectRuleScope");
    expect(r.kind === "choice" && [r.today, r.other]).toEqual(["all", "national"]);
    expect(r.changes).toBe(true);
    expect(r.kind === "choice" && r.moves.communities.map((m) => [m.name, m.advancedAfter])).toEqual([
      ["I", true],
      ["H", false],
    ]);
  });

  test("排名方式 target first: who moves in and out, and how many ranks change", () => {
    const input = simpleInput({ A: 90, B: 80 });
    input.honors = [honor({ row: 2, community: "B", level: "national" })]; // B: 95 > A: 90
    const r = byId(interpretations(input, { ...rules, advancedCommunities: 1 }), "rankingMode");
    expect(
      r.kind === "choice" && r.moves.communities.map((m) => [m.name, m.advancedBefore, m.advancedAfter])
    ).toEqual([
      ["A", false, true],
      ["B", true, false],
    ]);
    expect(r.kind === "choice" && r.rankChanges).toBe(2);
  });

  test("the six maxima: they never enter a total; any set at least the highest entered scores moves nobody", () => {
    const r = byId(interpretations(tight(), rules), "categoryMax");
    expect(r.kind === "maxima" && r.changes).toBe(false);
    expect(r.kind === "maxima" && strings(Object.values(r.floors))).toEqual([
      "20",
      "20",
      "15",
      "15",
      "15",
      "11",
    ]);
  });

  test("--interpretations on the sample reports the intervals, each checked against a fresh assess()", () => {
    const grids = sampleSheets(workplanTemplateRows()).map((s) => ({
      name: s.name,
      values: s.rows,
      firstRow: 1,
      firstColumn: 1,
    }));
    const { input, rules: sampleRules } = readWorkbook(grids);
    const readings = interpretations(input, sampleRules);
    expect(readings.map((r) => r.id)).toEqual([
      "honorPoints.district",
      "honorPoints.city",
      "publicityPoints.district",
      "publicityPoints.city",
      "subjectRuleScope",
      "rankingMode",
      "categoryMax",
    ]);
    const base = winners(input, sampleRules);
    for (const r of readings.filter((x): x is PointReading => x.kind === "points")) {
      // Inside the interval, on every grid value: the same winners.
      const [lo, hi] = r.stable;
      expect(!lo.gt(r.today) && !hi.lt(r.today) && !lo.lt(r.range[0]) && !hi.gt(r.range[1])).toBe(true);
      for (const v of pointGrid(r.today, r.range).filter((v) => !v.lt(lo) && !v.gt(hi)))
        expect(winners(input, withPoints(sampleRules, r.id, v))).toBe(base);
      // Just beyond it (when inside the range): different winners, as reported.
      for (const s of [r.below, r.above])
        if (s !== null) {
          const moved = advancedMoves(
            movesBetween(assess(input, sampleRules), assess(input, withPoints(sampleRules, r.id, s.value)))
          );
          expect(moved).toEqual(s.moves);
          expect(moved.communities.length + moved.individuals.length).toBeGreaterThan(0);
        }
    }
  });
});
