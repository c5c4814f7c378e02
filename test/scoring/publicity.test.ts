import fc from "fast-check";
import {
  checkBasicPublicity,
  defaultRules,
  Exact,
  Level,
  LEVELS,
  scorePublicity,
  splitCommunities,
  sum,
} from "../../src/scoring";
import { article, x } from "./fixtures";

const rules = defaultRules();

describe("规则 §3.2 external publicity by level", () => {
  test.each([
    ["town", 0.2],
    ["district", 0.5],
    ["city", 2],
    ["province", 5],
    ["national", 10],
  ] as const)("%s outlet: %d per article", (level, points) => {
    const s = scorePublicity([article({ row: 2, communities: ["A"], level })], rules);
    expect(s.byCommunity.get("A")!.eq(x(points))).toBe(true);
  });
});

describe("规则 §3.2 the four disqualifiers", () => {
  test.each([
    ["communityBuilding", false, "publicity.notCommunityBuilding"],
    ["authorIsStaff", false, "publicity.authorNotStaff"],
    ["communityIsSubject", false, "publicity.notSubject"],
    ["countedInTargets", true, "publicity.countedInTargets"],
  ] as const)("%s = %s: 0 points with the reason", (field, value, rule) => {
    const s = scorePublicity([article({ row: 2, communities: ["A"], level: "city", [field]: value })], rules);
    expect(s.byCommunity.get("A")!.isZero()).toBe(true);
    expect(s.details[0].reasons.map((r) => r.rule)).toContain(rule);
  });
  test("[I] subject rule applied to national only when the setting says so", () => {
    const r = { ...rules, subjectRuleScope: "national" as const };
    expect(
      scorePublicity([article({ row: 2, communities: ["A"], level: "city", communityIsSubject: false })], r)
        .byCommunity.get("A")!
        .toNumber()
    ).toBe(2);
    expect(
      scorePublicity(
        [article({ row: 2, communities: ["A"], level: "national", communityIsSubject: false })],
        r
      )
        .byCommunity.get("A")!
        .isZero()
    ).toBe(true);
  });
});

describe("规则 §3.2 joint activities split equally", () => {
  test("three communities share a town article: 0.2/3 each, exactly", () => {
    const s = scorePublicity([article({ row: 2, communities: ["A", "B", "C"], level: "town" })], rules);
    for (const c of ["A", "B", "C"])
      expect(s.byCommunity.get(c)!.eq(Exact.fromNumber(0.2).div(Exact.int(3)))).toBe(true);
    // 规则 §8: the reason gives the exact share, not 0.07.
    expect(s.details[0].reasons[0].text.zh).toBe(
      "区镇媒体每篇 0.2 分，3 个社区联合报道，每个 0.2 ÷ 3 ≈ 0.0667 分"
    );
    expect(s.details[0].reasons[0].text.en).toContain("0.2 ÷ 3 ≈ 0.0667 each");
  });
  test("规则 §8 the share in the reason: exact at 2 decimals as it is; exact at 4 with =; else ≈ to 4", () => {
    const reason = (n: number) =>
      scorePublicity(
        [article({ row: 2, communities: Array.from({ length: n }, (_, i) => `C${i}`), level: "town" })],
        rules
      ).details[0].reasons[0].text.zh;
    expect(reason(2)).toBe("区镇媒体每篇 0.2 分，2 个社区联合报道平分，每个 0.1 分");
    expect(reason(8)).toBe("区镇媒体每篇 0.2 分，8 个社区联合报道，每个 0.2 ÷ 8 = 0.025 分");
    expect(reason(7)).toContain("每个 0.2 ÷ 7 ≈ 0.0286 分");
  });
  test("the 社区 cell separators: 、 , ， ; ； / and line breaks", () => {
    expect(splitCommunities("A、B,C，D;E；F/G\nH\r\nI")).toEqual([
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
      "G",
      "H",
      "I",
    ]);
    expect(splitCommunities(" A 、\u3000B ")).toEqual(["A", "B"]);
  });
  test("a community listed twice counts once, with a warning", () => {
    const s = scorePublicity([article({ row: 2, communities: ["A", "A", "B"], level: "city" })], rules);
    expect(s.byCommunity.get("A")!.toNumber()).toBe(1);
    expect(s.issues[0].severity).toBe("warning");
  });
  test("property: the shares add up to the article's points", () => {
    fc.assert(
      fc.property(fc.constantFrom<Level>(...LEVELS), fc.integer({ min: 1, max: 40 }), (level, n) => {
        const names = Array.from({ length: n }, (_, i) => `社区${i}`);
        const s = scorePublicity([article({ row: 2, communities: names, level })], rules);
        return sum(s.byCommunity.values()).eq(rules.publicityPoints[level]);
      })
    );
  });
});

describe("规则 §3.2 同一篇内容就高不就低", () => {
  test("same content at several levels counts once per community at the highest share", () => {
    const s = scorePublicity(
      [
        article({ row: 2, communities: ["A"], level: "city", contentKey: "K1" }),
        article({ row: 3, communities: ["A"], level: "province", contentKey: "K1" }),
        article({ row: 4, communities: ["A", "B"], level: "national", contentKey: "K1" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(5); // 5 > 10/2
    expect(s.byCommunity.get("B")!.toNumber()).toBe(5); // its only share
  });
  test("content key blank: the same title is the same content", () => {
    const s = scorePublicity(
      [
        article({ row: 2, communities: ["A"], level: "town", title: "社区开展活动" }),
        article({ row: 3, communities: ["A"], level: "district", title: "社区开展活动" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(0.5);
    expect(s.details[0].reasons.at(-1)!.text.zh).toContain("第 3 行");
  });
  test("different titles both count", () => {
    const s = scorePublicity(
      [
        article({ row: 2, communities: ["A"], level: "town" }),
        article({ row: 3, communities: ["A"], level: "town" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(0.4);
  });
});

describe("规则 §3.2 basic publicity: {0} ∪ [1, 5]", () => {
  test.each([0, 1, 3.5, 5])("%p is allowed", (v) => expect(checkBasicPublicity(x(v), rules)).toBeNull());
  test.each([0.5, 0.99, 5.01, 6, -1])("%p is refused", (v) =>
    expect(checkBasicPublicity(x(v), rules)).not.toBeNull()
  );
});
