import fc from "fast-check";
import { applyContributionCaps, defaultRules, Exact, scoreContributions, sum } from "../../src/scoring";
import { contribution, x } from "./fixtures";

const rules = defaultRules();

describe("规则 §3.3 important contributions: caps 5 per line, 20 in all", () => {
  test("under the caps: all points count", () => {
    const s = scoreContributions(
      [
        contribution({ row: 2, community: "A", line: "招商引资", points: x(3) }),
        contribution({ row: 3, community: "A", line: "征地拆迁", points: x(4) }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(7);
  });
  test("above the per-line cap: cut, and the cut shown with its reason", () => {
    const s = scoreContributions(
      [
        contribution({ row: 2, community: "A", line: "招商引资", points: x(4) }),
        contribution({ row: 3, community: "A", line: "招商引资", points: x(3) }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(5);
    expect(s.details[1].reasons.at(-1)!.text.zh).toBe("超过单条线上限 5 分，核减 2 分");
  });
  test("the edge: exactly 5 on a line is not cut", () => {
    const s = scoreContributions(
      [
        contribution({ row: 2, community: "A", line: "招商引资", points: x(2.5) }),
        contribution({ row: 3, community: "A", line: "招商引资", points: x(2.5) }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(5);
    expect(s.details.flatMap((d) => d.reasons).some((r) => r.rule === "contribution.lineCap")).toBe(false);
  });
  test("above the total cap of 20: cut with the reason", () => {
    const lines = ["招商引资", "征地拆迁", "建设发展", "信访维稳", "矛盾化解"];
    const s = scoreContributions(
      lines.map((line, i) => contribution({ row: i + 2, community: "A", line, points: x(5) })),
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(20);
    expect(s.details[4].reasons.at(-1)!.text.zh).toBe("超过累计上限 20 分，核减 5 分");
  });
  test("without the leader's agreement: 0 with the reason", () => {
    const s = scoreContributions(
      [contribution({ row: 2, community: "A", line: "招商引资", points: x(3), leaderAgreed: false })],
      rules
    );
    expect(s.byCommunity.get("A")!.isZero()).toBe(true);
    expect(s.details[0].reasons.map((r) => r.rule)).toContain("contribution.noLeader");
  });
  test("negative points are an error", () => {
    const s = scoreContributions(
      [contribution({ row: 2, community: "A", line: "招商引资", points: x(-1) })],
      rules
    );
    expect(s.issues[0]).toMatchObject({ severity: "error", row: 2, field: "points" });
    expect(s.byCommunity.get("A")!.isZero()).toBe(true);
  });
  test("a line not in the settings' list is a warning", () => {
    const s = scoreContributions(
      [contribution({ row: 2, community: "A", line: "招商引姿", points: x(1) })],
      rules
    );
    expect(s.issues[0]).toMatchObject({ severity: "warning", field: "line" });
  });
  test("property: caps are never exceeded and the total does not depend on row order", () => {
    const item = fc.record({
      line: fc.constantFrom("甲", "乙", "丙", "丁", "戊", "己"),
      cents: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (items) => {
        const list = items.map((i) => ({ line: i.line, points: Exact.ratio(i.cents, 100) }));
        const a = applyContributionCaps(list, x(5), x(20));
        const b = applyContributionCaps([...list].reverse(), x(5), x(20));
        const total = sum(a.map((o) => o.counted));
        const perLine = new Map<string, Exact>();
        a.forEach((o, i) =>
          perLine.set(list[i].line, (perLine.get(list[i].line) ?? Exact.ZERO).add(o.counted))
        );
        const cutsAddUp = a.every((o, i) => o.counted.add(o.cutByLine).add(o.cutByTotal).eq(list[i].points));
        return (
          !total.gt(x(20)) &&
          [...perLine.values()].every((v) => !v.gt(x(5))) &&
          total.eq(sum(b.map((o) => o.counted))) &&
          cutsAddUp
        );
      })
    );
  });
});

describe("规则 §3.3 caps — the engine's rooms, in a small common unit or in exact fractions", () => {
  test("property: every record counts what applyContributionCaps gives its community in row order", () => {
    // Denominators that share a small unit (tenths, thirds) and one that does not (2^49 + 1):
    // the engine then takes the caps in Exact arithmetic.
    const den = fc.constantFrom(1, 2, 10, 3, 2 ** 49 + 1);
    const record = fc.record({
      who: fc.constantFrom("A", "B"),
      line: fc.constantFrom("招商引资", "征地拆迁", "招商引资 "),
      k: fc.integer({ min: -2, max: 60 }),
      den,
      agreed: fc.boolean(),
      row: fc.integer({ min: 2, max: 500 }),
    });
    const cap = fc.constantFrom(
      x(5),
      x(20),
      Exact.ratio(16, 3),
      Exact.int(12).add(Exact.ratio(1, 2 ** 49 + 1))
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), cap, cap, (list, lineCap, totalCap) => {
        const records = list.map((r) =>
          contribution({
            row: r.row,
            community: r.who,
            line: r.line,
            points: Exact.ratio(r.k, r.den),
            leaderAgreed: r.agreed,
          })
        );
        const s = scoreContributions(records, {
          ...rules,
          contributionLineCap: lineCap,
          contributionTotalCap: totalCap,
        });
        for (const who of ["A", "B"]) {
          // The community's records in row order (stable), as the engine takes them.
          const mine = records
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.community === who)
            .sort((a, b) => a.r.row - b.r.row);
          const expected = applyContributionCaps(
            mine.map(({ r }) => ({
              line: r.line,
              points: r.leaderAgreed && !r.points.isNegative() ? r.points : Exact.ZERO,
            })),
            lineCap,
            totalCap
          );
          const details = s.details.filter((d) => d.community === who);
          expect(details.map((d) => d.points.toString())).toEqual(expected.map((o) => o.counted.toString()));
          expect(details.map((d) => d.reasons.some((r) => r.rule === "contribution.lineCap"))).toEqual(
            expected.map((o) => !o.cutByLine.isZero())
          );
          expect(details.map((d) => d.reasons.some((r) => r.rule === "contribution.totalCap"))).toEqual(
            expected.map((o) => !o.cutByTotal.isZero())
          );
          expect((s.byCommunity.get(who) ?? Exact.ZERO).toString()).toBe(
            sum(expected.map((o) => o.counted)).toString()
          );
        }
      }),
      { numRuns: 150 }
    );
  });
});
