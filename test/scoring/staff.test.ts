import { assess, defaultRules } from "../../src/scoring";
import { simpleInput, x } from "./fixtures";

/**
 * SPEC §5 and §10: a person of 人员 is 姓名 + 社区. Listed twice on one community, the person is
 * ranked and paid twice: never without a word.
 */

const rules = { ...defaultRules(), bonusPool: x(10000) };

describe("SPEC §10 人员 record identity: the same person twice on one community is a warning", () => {
  test("王建国 of 东门社区 on two rows (96 and 60): a warning at the second row naming both", () => {
    const input = simpleInput({ 东门社区: 90, 西城社区: 85 });
    input.staff = [
      { row: 2, name: "王建国", community: "东门社区", score: x(96) },
      { row: 3, name: "李芳", community: "东门社区", score: x(88) },
      { row: 4, name: "王建国", community: "西城社区", score: x(90) },
      { row: 5, name: "王建国", community: "东门社区", score: x(60) },
    ];
    const r = assess(input, rules);
    const repeated = r.issues.filter((i) => i.source === "staff" && i.message.zh.includes("各列了一次"));
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ severity: "warning", row: 5, field: "name" });
    expect(repeated[0].message.zh).toContain(
      "东门社区的“王建国”在第 2 行和第 5 行各列了一次（96 分、60 分）"
    );
    expect(repeated[0].message.en).toContain("row 2 and again on row 5");
  });

  test("namesakes on different communities, and people of an unlisted community, are no repeat", () => {
    const input = simpleInput({ 东门社区: 90, 西城社区: 85 });
    input.staff = [
      { row: 2, name: "王建国", community: "东门社区", score: x(96) },
      { row: 3, name: "王建国", community: "西城社区", score: x(60) },
      { row: 4, name: "张三", community: "北街社区", score: x(60) },
      { row: 5, name: "张三", community: "北街社区", score: x(60) },
    ];
    const r = assess(input, rules);
    expect(r.issues.filter((i) => i.message.zh.includes("各列了一次"))).toHaveLength(0);
  });

  test("many people and many repeats: each repeat found once, at its row (the table fills and wraps)", () => {
    const input = simpleInput({ A: 90, B: 85 });
    const people = Array.from({ length: 3000 }, (_, i) => ({
      row: i + 2,
      name: `人${i % 1000}`,
      community: i % 2000 < 1000 ? "A" : "B",
      score: x(80),
    }));
    input.staff = people;
    const r = assess(input, rules);
    const rows = r.issues.filter((i) => i.message.zh.includes("各列了一次")).map((i) => i.row);
    // Rows 2–1001: A's 人0…人999; 1002–2001: B's; 2002–3001: A's again.
    expect(rows).toEqual(people.slice(2000).map((p) => p.row));
  });
});
