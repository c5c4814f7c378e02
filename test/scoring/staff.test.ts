import { assess, defaultRules } from "../../src/scoring";
import { simpleInput, x } from "./fixtures";

/**
 * 规则 §4 and §5: a person of 人员 is 姓名 + 社区. Listed twice on one community, the person is
 * ranked and paid twice: never without a word.
 */

const rules = { ...defaultRules(), bonusPool: x(10000) };

/** The repeat warnings of assessing these staff, [row, name, community, score], of two listed communities. */
function repeats(staff: [number, string, string, number][]) {
  const input = simpleInput({ 东门社区: 90, 西城社区: 85 });
  input.staff = staff.map(([row, name, community, score]) => ({ row, name, community, score: x(score) }));
  return assess(input, rules).issues.filter((i) => i.message.zh.includes("各列了一次"));
}

describe("规则 §4 advanced individuals: the same person twice on one community is a warning", () => {
  test("王建国 of 东门社区 on two rows (96 and 60): a warning at the second row naming both", () => {
    const repeated = repeats([
      [2, "王建国", "东门社区", 96],
      [3, "李芳", "东门社区", 88],
      [4, "王建国", "西城社区", 90],
      [5, "王建国", "东门社区", 60],
    ]);
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ severity: "warning", source: "staff", row: 5, field: "name" });
    expect(repeated[0].message.zh).toContain(
      "东门社区的“王建国”在第 2 行和第 5 行各列了一次（96 分、60 分）"
    );
    expect(repeated[0].message.en).toContain("row 2 and again on row 5");
  });

  test("namesakes on different communities, and people of an unlisted community, are no repeat", () => {
    const repeated = repeats([
      [2, "王建国", "东门社区", 96],
      [3, "王建国", "西城社区", 60],
      [4, "张三", "北街社区", 60],
      [5, "张三", "北街社区", 60],
    ]);
    expect(repeated).toHaveLength(0);
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
