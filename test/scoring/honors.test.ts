import { defaultRules, honorPoints, scoreHonors } from "../../src/scoring";
import { honor } from "./fixtures";

const rules = defaultRules();

describe("规则 §3.1 honors by level", () => {
  test.each([
    ["town", 1],
    ["district", 2],
    ["city", 5],
    ["province", 10],
    ["national", 15],
  ] as const)("%s honor: %d points", (level, points) => {
    expect(honorPoints(level, false, rules).points.toNumber()).toBe(points);
  });

  test("a line-department commendation counts one level lower", () => {
    const r = honorPoints("province", true, rules);
    expect(r.points.toNumber()).toBe(5);
    expect(r.reason.text.zh).toBe("省级条线表彰，按市级计 5 分");
    expect(honorPoints("district", true, rules).points.toNumber()).toBe(1);
    expect(honorPoints("national", true, rules).points.toNumber()).toBe(10);
  });

  test("the edge: a line-department commendation at town level counts 0.5", () => {
    expect(honorPoints("town", true, rules).points.toString()).toBe("1/2");
  });
});

describe("规则 §3.1 approval and document number", () => {
  test("approved with a 文号: counts", () => {
    const s = scoreHonors([honor({ row: 2, community: "A", level: "city" })], rules);
    expect(s.byCommunity.get("A")!.toNumber()).toBe(5);
    expect(s.issues).toHaveLength(0);
  });
  test("not approved: 0 points, the reason, and a warning", () => {
    const s = scoreHonors([honor({ row: 2, community: "A", level: "city", approved: false })], rules);
    expect(s.details[0].points.isZero()).toBe(true);
    expect(s.details[0].reasons.map((r) => r.rule)).toContain("honor.notApproved");
    expect(s.issues[0]).toMatchObject({ severity: "warning", row: 2, field: "approved" });
  });
  test("no 文号: 0 points, the reason, and a warning", () => {
    const s = scoreHonors([honor({ row: 3, community: "A", level: "city", docNo: "  " })], rules);
    expect(s.details[0].points.isZero()).toBe(true);
    expect(s.issues[0]).toMatchObject({ severity: "warning", row: 3, field: "docNo" });
  });
});

describe("规则 §3.1 同一类荣誉就高不就低", () => {
  test("same kind counts once at the highest, the others 0 naming the row counted", () => {
    const s = scoreHonors(
      [
        honor({ row: 2, community: "A", level: "city", kind: "文明创建" }),
        honor({ row: 3, community: "A", level: "province", kind: "文明创建" }),
        honor({ row: 4, community: "A", level: "district", kind: "文明创建" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(10);
    expect(s.details[0].reasons.at(-1)!.text.zh).toBe("同类荣誉已按更高级别计分（第 3 行），本条不计分");
  });
  test("kind blank: the honor's name is the kind", () => {
    const s = scoreHonors(
      [
        honor({ row: 2, community: "A", level: "city", honor: "平安社区" }),
        honor({ row: 3, community: "A", level: "town", honor: " 平安社区" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(5);
  });
  test("different kinds, or the same kind in different communities, all count", () => {
    const s = scoreHonors(
      [
        honor({ row: 2, community: "A", level: "city", kind: "甲" }),
        honor({ row: 3, community: "A", level: "city", kind: "乙" }),
        honor({ row: 4, community: "B", level: "city", kind: "甲" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(10);
    expect(s.byCommunity.get("B")!.toNumber()).toBe(5);
  });
  test("an unapproved higher honor does not displace an approved lower one", () => {
    const s = scoreHonors(
      [
        honor({ row: 2, community: "A", level: "national", kind: "甲", approved: false }),
        honor({ row: 3, community: "A", level: "town", kind: "甲" }),
      ],
      rules
    );
    expect(s.byCommunity.get("A")!.toNumber()).toBe(1);
  });
  test("the edge: equal points keep the earlier row", () => {
    const s = scoreHonors(
      [
        honor({ row: 5, community: "A", level: "city", kind: "甲" }),
        honor({ row: 4, community: "A", level: "city", kind: "甲" }),
      ],
      rules
    );
    expect(s.details[0].points.isZero()).toBe(true);
    expect(s.details[1].points.toNumber()).toBe(5);
  });
});
