import fc from "fast-check";
import { advancedMoves, movesBetween } from "../../src/explain";
import { assess, defaultRules, Exact, HonorRecord, LEVELS, Rules } from "../../src/scoring";
import { honor, simpleInput } from "../scoring/fixtures";

const rules = defaultRules();
/** 社区1 … 社区12 with target totals 95, 94, … 84 unless given. */
const twelve = (over: Record<string, number> = {}) =>
  Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`社区${i + 1}`, over[`社区${i + 1}`] ?? 95 - i]));
const whatif = (input: ReturnType<typeof simpleInput>, changed: Partial<Rules>) =>
  movesBetween(assess(input, rules), assess(input, { ...rules, ...changed }));

describe("规则 §8 whatif: only what moved", () => {
  test("the advanced count raised by one promotes exactly the next eligible (a 村改居 in between is passed over)", () => {
    const input = simpleInput(twelve(), { 社区9: "村改居" });
    const moves = whatif(input, { advancedCommunities: 9 });
    expect(moves.communities).toEqual([
      expect.objectContaining({
        name: "社区10",
        rankBefore: 10,
        rankAfter: 10,
        advancedBefore: false,
        advancedAfter: true,
      }),
    ]);
    expect(moves.individuals).toEqual([]);
  });

  test("… both, when the next two tie: each becomes 并列待定, nobody else moves", () => {
    const input = simpleInput(twelve({ 社区10: 87 })); // 社区9 and 社区10 at 87, same target
    const moves = whatif(input, { advancedCommunities: 9 });
    expect(moves.communities.map((m) => [m.name, m.advancedBefore, m.advancedAfter])).toEqual([
      ["社区9", false, "tie"],
      ["社区10", false, "tie"],
    ]);
    // One more place resolves the tie: both advanced.
    const ten = whatif(input, { advancedCommunities: 10 });
    expect(ten.communities.map((m) => [m.name, m.advancedAfter])).toEqual([
      ["社区9", true],
      ["社区10", true],
    ]);
  });

  test("nothing changed → nothing listed; a rank change alone is listed with its totals", () => {
    const input = simpleInput({ A: 80, B: 79 });
    expect(whatif(input, {})).toEqual({ communities: [], individuals: [] });
    input.honors = [honor({ row: 2, community: "B", level: "district" })]; // B: 79 + 2 = 81
    const moves = whatif(input, { honorPoints: { ...rules.honorPoints, district: Exact.ratio(1, 2) } });
    expect(
      moves.communities.map((m) => [
        m.name,
        m.rankBefore,
        m.rankAfter,
        m.totalBefore.toString(),
        m.totalAfter.toString(),
      ])
    ).toEqual([
      ["A", 2, 1, "80", "80"],
      ["B", 1, 2, "81", "159/2"],
    ]);
    expect(advancedMoves(moves).communities).toEqual([]); // both stay advanced
  });

  test("individuals are told apart by row (two people may share a name)", () => {
    const input = simpleInput({ A: 80, B: 70 }, { B: "村改居" });
    input.staff = [
      { row: 2, name: "王芳", community: "A", score: Exact.int(90) },
      { row: 3, name: "王芳", community: "A", score: Exact.int(80) },
    ];
    const moves = whatif(input, { advancedIndividuals: 1 });
    expect(moves.individuals).toEqual([
      expect.objectContaining({ name: "王芳", row: 3, advancedBefore: true, advancedAfter: false }),
    ]);
  });
});

describe("规则 §8 whatif: a changed level value moves totals by exactly (#counted honors at that level × change)", () => {
  test("counted: approved with 文号, highest of its kind, line-department one level down; not counted: the others", () => {
    const input = simpleInput({ A: 80, B: 80, C: 80 });
    input.honors = [
      honor({ row: 2, community: "A", level: "district", kind: "k1" }),
      honor({ row: 3, community: "A", level: "district", kind: "k2" }),
      honor({ row: 4, community: "A", level: "city", lineDept: true, kind: "k3" }), // counts as district
      honor({ row: 5, community: "B", level: "district", approved: false, kind: "k1" }), // not counted
      honor({ row: 6, community: "B", level: "district", docNo: "", kind: "k2" }), // not counted
      honor({ row: 7, community: "C", level: "district", kind: "k1" }), // same kind, city is higher
      honor({ row: 8, community: "C", level: "city", kind: "k1" }),
    ];
    const before = assess(input, rules);
    const after = assess(input, {
      ...rules,
      honorPoints: { ...rules.honorPoints, district: Exact.ratio(7, 2) },
    });
    const delta = (name: string) =>
      after.communities
        .find((c) => c.name === name)!
        .total.sub(before.communities.find((c) => c.name === name)!.total);
    expect([delta("A"), delta("B"), delta("C")].map(String)).toEqual(["9/2", "0", "0"]); // 3 × 1.5, 0, 0
  });

  test("property: for any honors of distinct kinds and any new value, Δtotal = counted at that level × Δpoints", () => {
    const level = fc.constantFrom(...LEVELS);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), level, fc.boolean(), fc.boolean()), {
          maxLength: 25,
        }),
        level,
        fc.integer({ min: 0, max: 40 }),
        (rows, changed, half) => {
          const names = ["A", "B", "C"];
          const input = simpleInput({ A: 80, B: 70, C: 60 });
          input.honors = rows.map(([c, lv, approved, docNo], i): HonorRecord =>
            honor({
              row: i + 2,
              community: names[c],
              level: lv,
              approved,
              docNo: docNo ? "1号" : "",
              kind: `k${i}`,
            })
          );
          const value = Exact.ratio(half, 2);
          const before = assess(input, rules);
          const after = assess(input, { ...rules, honorPoints: { ...rules.honorPoints, [changed]: value } });
          const change = value.sub(rules.honorPoints[changed]);
          for (const name of names) {
            const counted = input.honors.filter(
              (h) => h.community === name && h.level === changed && h.approved && h.docNo !== ""
            ).length;
            const total = (r: typeof before) => r.communities.find((c) => c.name === name)!.total;
            expect(
              total(after)
                .sub(total(before))
                .eq(change.mul(Exact.int(counted)))
            ).toBe(true);
          }
        }
      )
    );
  });
});
