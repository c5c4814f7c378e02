import fc from "fast-check";
import { assess, defaultRules, Exact, exactText } from "../../src/scoring";
import { article, simpleInput, x } from "./fixtures";

const rules = defaultRules();
const byName = (r: ReturnType<typeof assess>) => new Map(r.communities.map((c) => [c.name, c]));
const twelve = (over: Record<string, number> = {}) =>
  Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`社区${i + 1}`, over[`社区${i + 1}`] ?? 95 - i]));

describe("规则 §8 距先进线 / gapToCut", () => {
  test("an eligible community below the cut: the last advanced total minus its own, exact", () => {
    const m = byName(assess(simpleInput(twelve()), rules));
    // 社区8 (88) is the last advanced place; 社区9 has 87, 社区12 has 84.
    expect(m.get("社区9")!.gapToCut!.eq(Exact.int(1))).toBe(true);
    expect(m.get("社区12")!.gapToCut!.eq(Exact.int(4))).toBe(true);
  });

  test("gap exact for a non-terminating share: a third of a town article is 1/15, not 0.0667", () => {
    // 社区8 holds the cut at 88 + 0.2 ÷ 3 (a joint article with two non-advanced communities).
    const input = simpleInput(twelve());
    input.publicity = [article({ row: 2, communities: ["社区8", "社区11", "社区12"], level: "town" })];
    const m = byName(assess(input, rules));
    const g = m.get("社区9")!.gapToCut!;
    expect(g.eq(Exact.ratio(16, 15))).toBe(true); // 88 + 1/15 − 87
    expect(exactText(g)).toBe("1.0667"); // shown to 4 decimals because 2 would not be exact
    // Shares on both sides cancel exactly: 社区11 has 85 + 1/15, so its gap is 3 with no residue.
    expect(m.get("社区11")!.gapToCut!.eq(Exact.int(3))).toBe(true);
    expect(exactText(m.get("社区11")!.gapToCut!)).toBe("3.00");
  });

  test("advanced → 0", () => {
    const r = assess(simpleInput(twelve()), rules);
    for (const c of r.communities.filter((c) => c.advanced === true)) expect(c.gapToCut!.isZero()).toBe(true);
  });

  test("tied at the cut → 0, and those below measure to the tie", () => {
    // 社区8 and 社区9 both at 88 with the same target: the 8th place is a tie.
    const m = byName(assess(simpleInput(twelve({ 社区9: 88 })), rules));
    expect([m.get("社区8")!.advanced, m.get("社区9")!.advanced]).toEqual(["tie", "tie"]);
    expect(m.get("社区8")!.gapToCut!.isZero()).toBe(true);
    expect(m.get("社区9")!.gapToCut!.isZero()).toBe(true);
    expect(m.get("社区10")!.gapToCut!.eq(Exact.int(2))).toBe(true); // 88 − 86
  });

  test("equal total but lower target (ranked below the cut, not tied): gap 0, not advanced", () => {
    const input = simpleInput(twelve({ 社区9: 87 }));
    input.basicPublicity = [{ row: 2, community: "社区9", score: x(1) }]; // 87 + 1 = 88, target 87 < 88
    const m = byName(assess(input, rules));
    expect(m.get("社区9")!.advanced).toBe(false);
    expect(m.get("社区9")!.gapToCut!.isZero()).toBe(true);
  });

  test("村改居 → null, and the cut counts only eligible places", () => {
    const m = byName(assess(simpleInput(twelve(), { 社区1: "村改居", 社区12: "村改居" }), rules));
    expect(m.get("社区1")!.gapToCut).toBeNull();
    expect(m.get("社区12")!.gapToCut).toBeNull();
    // Eligible: 社区2…社区11, so the 8th eligible is 社区9 (87); 社区10 trails it by 1.
    expect(m.get("社区9")!.advanced).toBe(true);
    expect(m.get("社区10")!.gapToCut!.eq(Exact.int(1))).toBe(true);
  });

  test("no advanced place at all (0 places): null for everyone", () => {
    const r = assess(simpleInput(twelve()), { ...rules, advancedCommunities: 0 });
    expect(r.communities.every((c) => c.gapToCut === null)).toBe(true);
  });

  test("property: gap ≥ 0 by total ranking, 0 exactly for the advanced and tied, null exactly for 村改居", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 14 }),
        (rows) => {
          const totals = Object.fromEntries(rows.map(([t], i) => [`c${i}`, 60 + t / 2]));
          const types = Object.fromEntries(
            rows.map(([, v], i) => [`c${i}`, v ? ("村改居" as const) : ("社区" as const)])
          );
          const r = assess(simpleInput(totals, types), rules);
          for (const c of r.communities) {
            if (!c.eligible) expect(c.gapToCut).toBeNull();
            else if (c.advanced !== false) expect(c.gapToCut!.isZero()).toBe(true);
            else expect(c.gapToCut!.isNegative()).toBe(false);
          }
        }
      )
    );
  });
});

describe("距上一名 / gapToAbove", () => {
  test("points behind the community ranked just above; null for rank 1; a shared rank trails the same one", () => {
    const r = assess(simpleInput({ A: 90, B: 85, C: 85, D: 70.5 }), rules);
    expect(r.communities.map((c) => (c.gapToAbove === null ? null : c.gapToAbove.toString()))).toEqual([
      null,
      "5",
      "5",
      "29/2",
    ]);
  });

  test("村改居 are ranked, so they count as the one above and have a gap themselves", () => {
    const m = byName(assess(simpleInput({ A: 90, B: 88, C: 80 }, { B: "村改居" }), rules));
    expect(m.get("B")!.gapToAbove!.eq(Exact.int(2))).toBe(true);
    expect(m.get("C")!.gapToAbove!.eq(Exact.int(8))).toBe(true);
  });
});
