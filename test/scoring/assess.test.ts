import fc from "fast-check";
import { assess, AssessmentInput, defaultRules, Exact, largestRemainder, sum } from "../../src/scoring";
import { article, community, simpleInput, x } from "./fixtures";

const rules = defaultRules();
const byName = (r: ReturnType<typeof assess>) => new Map(r.communities.map((c) => [c.name, c]));

describe("规则 §4 totals and conversion", () => {
  test("rewards = honors + basic + external + contributions; total = target + rewards; converted = 20 %", () => {
    const input: AssessmentInput = {
      ...simpleInput({ A: 80 }),
      honors: [
        {
          row: 2,
          community: "A",
          honor: "文明社区",
          level: "city",
          lineDept: false,
          approved: true,
          docNo: "1号",
        },
      ],
      basicPublicity: [{ row: 2, community: "A", score: x(3) }],
      publicity: [article({ row: 2, communities: ["A"], level: "province" })],
      contributions: [{ row: 2, community: "A", line: "招商引资", points: x(2), leaderAgreed: true }],
    };
    const a = assess(input, rules).communities[0];
    expect(
      [a.honor, a.basicPublicity, a.externalPublicity, a.contribution, a.rewards, a.total, a.converted].map(
        (v) => v.toNumber()
      )
    ).toEqual([5, 3, 5, 2, 15, 95, 19]);
  });
});

describe("规则 §4 ranking: total, then target, competition ranks", () => {
  test("by total descending; equal totals ordered by target; still equal share a rank (1, 2, 2, 4)", () => {
    const input = simpleInput({ A: 90, B: 85, C: 85, D: 70 });
    const r = assess(input, rules);
    expect(r.communities.map((c) => [c.name, c.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });
  test("equal totals: the higher target score ranks first", () => {
    const input = simpleInput({ A: 80, B: 85 });
    input.basicPublicity = [{ row: 2, community: "A", score: x(5) }];
    const r = assess(input, rules);
    expect(r.communities.map((c) => [c.name, c.rank, c.total.toNumber()])).toEqual([
      ["B", 1, 85],
      ["A", 2, 85],
    ]);
  });
  test("mathematically equal totals tie: 80.4 + 3 × 0.2 ties with 80.4 + 0.6 (and with 81)", () => {
    const input = simpleInput({ A: 80.4, B: 80.4, C: 81 });
    input.publicity = [1, 2, 3].map((i) => article({ row: i + 1, communities: ["A"], level: "town" }));
    input.contributions = [{ row: 2, community: "B", line: "招商引资", points: x(0.6), leaderAgreed: true }];
    const m = byName(assess(input, rules));
    expect(m.get("A")!.total.eq(Exact.int(81))).toBe(true);
    expect([m.get("C")!.rank, m.get("A")!.rank, m.get("B")!.rank]).toEqual([1, 2, 2]); // C: same total, higher target
  });
  test("[I] setting: target score first, rewards as tie-break", () => {
    const input = simpleInput({ A: 80, B: 79 });
    input.basicPublicity = [{ row: 2, community: "B", score: x(5) }];
    expect(assess(input, rules).communities[0].name).toBe("B");
    expect(assess(input, { ...rules, rankingMode: "targetFirst" }).communities[0].name).toBe("A");
  });
});

describe("规则 §4 advanced communities: top 8, 村改居 excluded, ties at the cut marked", () => {
  const totals = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`社区${i + 1}`, 95 - i]));
  test("the top 8 eligible are advanced; 村改居 ranked and shown but not eligible", () => {
    const input = simpleInput(totals(12), { 社区1: "村改居" });
    const r = assess(input, rules);
    const m = byName(r);
    expect(m.get("社区1")!.rank).toBe(1);
    expect(m.get("社区1")!.advanced).toBe(false);
    expect(m.get("社区1")!.eligible).toBe(false);
    expect(r.communities.filter((c) => c.advanced === true).map((c) => c.name)).toEqual([
      "社区2",
      "社区3",
      "社区4",
      "社区5",
      "社区6",
      "社区7",
      "社区8",
      "社区9",
    ]);
  });
  test("a tie across the last slot marks the whole tie 并列待定 with a warning", () => {
    const t = totals(12);
    t["社区9"] = t["社区8"]; // 8th and 9th tie
    const r = assess(simpleInput(t), rules);
    const m = byName(r);
    expect(m.get("社区7")!.advanced).toBe(true);
    expect(m.get("社区8")!.advanced).toBe("tie");
    expect(m.get("社区9")!.advanced).toBe("tie");
    expect(m.get("社区10")!.advanced).toBe(false);
    expect(r.issues.some((i) => i.severity === "warning" && i.message.zh.includes("并列待定"))).toBe(true);
  });
  test("the edge: a tie just inside the cut (7th and 8th) is no tie at the cut", () => {
    const t = totals(12);
    t["社区8"] = t["社区7"];
    const r = assess(simpleInput(t), rules);
    expect(r.communities.filter((c) => c.advanced === true)).toHaveLength(8);
    expect(r.communities.some((c) => c.advanced === "tie")).toBe(false);
  });
});

describe("规则 §4 advanced individuals", () => {
  test("top 8 by individual score, 村改居 staff excluded, tie at the cut marked", () => {
    const input = simpleInput({ A: 90, B: 80 }, { B: "村改居" });
    input.staff = Array.from({ length: 10 }, (_, i) => ({
      row: i + 2,
      name: `人${i}`,
      community: i === 0 ? "B" : "A",
      score: x(i === 9 ? 92 : 100 - i),
    }));
    const r = assess(input, rules);
    const marks = new Map(r.individuals.map((s) => [s.name, s.advanced]));
    expect(marks.get("人0")).toBe(false); // 村改居
    expect(marks.get("人1")).toBe(true);
    expect(marks.get("人8")).toBe("tie");
    expect(marks.get("人9")).toBe("tie");
  });
});

describe("规则 §2 targets", () => {
  test("community without a target row, and maxima not adding to 100, are errors", () => {
    const input = simpleInput({ A: 80 });
    input.communities.push(community("B", 3));
    const r = assess(input, { ...rules, categoryMax: { ...rules.categoryMax, admin: x(10) } });
    expect(
      r.issues
        .filter((i) => i.severity === "error")
        .map((i) => i.source)
        .sort()
    ).toEqual(["settings", "targets"]);
  });
  test("category above its maximum is an error; the edge (= maximum) is allowed", () => {
    const input = simpleInput({ A: 80 });
    input.targets[0].scores.foundation = x(20);
    expect(assess(input, rules).issues.filter((i) => i.severity === "error")).toHaveLength(0);
    input.targets[0].scores.foundation = x(20.5);
    expect(assess(input, rules).issues.find((i) => i.severity === "error")).toMatchObject({
      source: "targets",
      field: "foundation",
    });
  });
  test("records naming an unknown community (also inside a joint list) are errors", () => {
    const input = simpleInput({ A: 80 });
    input.publicity = [article({ row: 5, communities: ["A", "Z"], level: "city" })];
    expect(assess(input, rules).issues.find((i) => i.severity === "error")).toMatchObject({
      source: "publicity",
      row: 5,
      field: "communities",
    });
  });
  test("a duplicate community is an error", () => {
    const input = simpleInput({ A: 80 });
    input.communities.push(community("A", 9));
    expect(assess(input, rules).issues.find((i) => i.severity === "error")).toMatchObject({
      source: "communities",
      row: 9,
    });
  });
});

describe("规则 §5 money in cents, every split adds up exactly", () => {
  test("pool shared by converted score, then to staff by individual score", () => {
    const input = simpleInput({ A: 90, B: 80, C: 70 });
    input.staff = [
      { row: 2, name: "甲", community: "A", score: x(90) },
      { row: 3, name: "乙", community: "A", score: x(80) },
      { row: 4, name: "丙", community: "A", score: x(70) },
      { row: 5, name: "丁", community: "B", score: x(60) },
    ];
    const r = assess(input, { ...rules, bonusPool: x(10000) });
    const cents = r.communities.map((c) => c.moneyCents!);
    expect(cents.reduce((a, b) => a + b, 0n)).toBe(1000000n);
    const a = r.communities.find((c) => c.name === "A")!;
    const staffA = r.individuals.filter((s) => s.community === "A").map((s) => s.moneyCents!);
    expect(staffA.reduce((p, q) => p + q, 0n)).toBe(a.moneyCents);
    expect(r.issues.some((i) => i.message.zh.includes("“C”没有人员记录"))).toBe(true);
  });
  test("yuan per converted point", () => {
    const r = assess(simpleInput({ A: 90 }), { ...rules, bonusPerPoint: x(100) });
    expect(r.communities[0].moneyCents).toBe(180000n);
  });
  test("neither set: no money", () => {
    const r = assess(simpleInput({ A: 90 }), rules);
    expect(r.hasMoney).toBe(false);
    expect(r.communities[0].moneyCents).toBeUndefined();
  });
  test("property: largest remainder adds up exactly and is order independent", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 30 }),
        (total, ws) => {
          const weights = ws.map((w) => Exact.ratio(w, 7));
          const keys = ws.map((_, i) => `k${i}`);
          const a = largestRemainder(total, weights, keys);
          const rev = largestRemainder(total, [...weights].reverse(), [...keys].reverse()).reverse();
          const fair = a.every((c, i) => {
            const share = Exact.int(total)
              .mul(weights.every((w) => w.isZero()) ? Exact.ONE : weights[i])
              .div(weights.every((w) => w.isZero()) ? Exact.int(weights.length) : sum(weights));
            return !Exact.int(c).sub(share).gt(Exact.ONE) && !share.sub(Exact.int(c)).gt(Exact.ONE);
          });
          return a.reduce((p, q) => p + q, 0n) === total && a.every((c, i) => c === rev[i]) && fair;
        }
      )
    );
  });
});

describe("规则 §4 results are independent of row order", () => {
  test("property: shuffling every sheet's rows changes no community's total, rank or mark", () => {
    const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 600, max: 1000 }), { minLength: 10, maxLength: 10 }),
        fc.array(
          fc.record({
            who: fc.subarray(names, { minLength: 1, maxLength: 4 }),
            level: fc.constantFrom("town", "district", "city" as const),
            key: fc.constantFrom("k1", "k2", "k3"),
          }),
          { maxLength: 20 }
        ),
        fc.array(
          fc.record({
            who: fc.constantFrom(...names),
            line: fc.constantFrom("招商引资", "征地拆迁"),
            p: fc.integer({ min: 0, max: 40 }),
          }),
          { maxLength: 20 }
        ),
        fc.integer(),
        (tenths, arts, cons, seed) => {
          const input = simpleInput(Object.fromEntries(names.map((n, i) => [n, tenths[i] / 10])));
          input.publicity = arts.map((a, i) =>
            article({ row: i + 2, communities: a.who, level: a.level, contentKey: a.key })
          );
          input.contributions = cons.map((c, i) => ({
            row: i + 2,
            community: c.who,
            line: c.line,
            points: Exact.ratio(c.p, 4),
            leaderAgreed: true,
          }));
          const shuffle = <T>(list: T[]) =>
            list
              .map((v, i) => ({ v, k: (i * 7919 + seed) % 104729 }))
              .sort((p, q) => p.k - q.k)
              .map((p) => p.v);
          const shuffled: AssessmentInput = {
            ...input,
            communities: shuffle(input.communities),
            targets: shuffle(input.targets),
            publicity: shuffle(input.publicity),
            contributions: shuffle(input.contributions),
          };
          const a = byName(assess(input, rules));
          const b = byName(assess(shuffled, rules));
          return names.every(
            (n) =>
              a.get(n)!.total.eq(b.get(n)!.total) &&
              a.get(n)!.rank === b.get(n)!.rank &&
              a.get(n)!.advanced === b.get(n)!.advanced
          );
        }
      ),
      { numRuns: 60 }
    );
  });
});
