import fc from "fast-check";
import { assess, defaultRules, Exact, Level, LEVELS } from "../../src/scoring";
import { honor, simpleInput } from "./fixtures";

/**
 * Scores of every shape the engine meets: tenths (a small common unit, counted), thirds and
 * sevenths (a larger unit), a wide range (sorted by number), and numbers beyond 2^53 or with no
 * small common denominator (ranked in Exact arithmetic). The answer must not depend on which.
 */
const scoreArb: fc.Arbitrary<Exact> = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map((n) => Exact.ratio(n, 10)),
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom(3, 7)).map(([n, d]) => Exact.ratio(n, d)),
  fc.integer({ min: -5, max: 5 }).map((n) => Exact.ratio(n * 1_000_003, 1)),
  fc.bigInt({ min: 2n ** 60n, max: 2n ** 60n + 5n }).map((n) => Exact.ratio(n, 1n)),
  fc.integer({ min: 1, max: 50 }).map((n) => Exact.ratio(n, 1_000_000_007))
);

/** What 规则 §4 says, written plainly: a stable sort by exact score, competition ranks. */
function oracle(scores: readonly Exact[]): number[] {
  const order = scores.map((_s, i) => i).sort((a, b) => scores[b].cmp(scores[a]));
  const rank: number[] = new Array(scores.length);
  order.forEach(
    (p, i) => (rank[p] = i > 0 && scores[order[i - 1]].eq(scores[p]) ? rank[order[i - 1]] : i + 1)
  );
  return order.map((p) => rank[p]);
}

describe("规则 §4 individual ranking is exact whatever the scores' form", () => {
  test("property: order (sheet order among equals), ranks and advanced marks as a plain exact sort gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(scoreArb, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 6 }),
        (shapes, places) => {
          // One shape or two mixed: a mix moves the whole list to the slower path.
          const scores = shapes.flat();
          const input = simpleInput({ A: 80 });
          input.staff = scores.map((score, i) => ({ row: i + 2, name: `人${i}`, community: "A", score }));
          const r = assess(input, { ...defaultRules(), advancedIndividuals: places });
          const expectedOrder = scores.map((_s, i) => i).sort((a, b) => scores[b].cmp(scores[a]));
          expect(r.individuals.map((p) => p.row - 2)).toEqual(expectedOrder);
          expect(r.individuals.map((p) => p.rank)).toEqual(oracle(scores));
          const cut = places > 0 && places <= scores.length ? r.individuals[places - 1].score : null;
          for (const [i, p] of r.individuals.entries()) {
            const tiedAtCut =
              cut !== null &&
              p.score.eq(cut) &&
              scores.length > places &&
              r.individuals[places].score.eq(cut);
            const expected = tiedAtCut ? "tie" : i < places ? true : false;
            expect(p.advanced).toBe(expected);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("规则 §3.1 same kind counted once at its highest, totals exact whatever the points' form", () => {
  test("property: a community's honor total is the sum of each kind's highest points", () => {
    const pointsArb = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => Exact.ratio(n, 2)),
      fc.integer({ min: 0, max: 40 }).map((n) => Exact.ratio(n, 3)),
      fc.bigInt({ min: 2n ** 60n, max: 2n ** 60n + 3n }).map((n) => Exact.ratio(n, 7n))
    );
    fc.assert(
      fc.property(
        fc.tuple(pointsArb, pointsArb, pointsArb, pointsArb, pointsArb),
        fc.array(fc.record({ level: fc.constantFrom(...LEVELS), kind: fc.constantFrom("a", "b", "c") }), {
          maxLength: 10,
        }),
        (values, honors) => {
          const honorPoints = Object.fromEntries(LEVELS.map((l, i) => [l, values[i]])) as Record<
            Level,
            Exact
          >;
          const input = simpleInput({ A: 80 });
          input.honors = honors.map((h, i) =>
            honor({ row: i + 2, community: "A", level: h.level, kind: h.kind })
          );
          const r = assess(input, { ...defaultRules(), honorPoints });
          const best = new Map<string, Exact>();
          for (const h of honors) {
            const p = honorPoints[h.level];
            const seen = best.get(h.kind);
            if (!seen || p.gt(seen)) best.set(h.kind, p);
          }
          let total = Exact.ZERO;
          for (const p of best.values()) total = total.add(p);
          expect(r.communities[0].honor.eq(total)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });
});
