import { openXlsx, packageGrids } from "../../src/hosts/xlsx";
import { Exact } from "../../src/scoring";
import { readAssessment } from "../../src/workbook/read";
import { edited, TARGETS } from "../xlsx/corpus";
import { addRow, sampleGrids } from "./helpers";

/**
 * 规则 §6 reading numbers: a number cell reads as the exact decimal it shows, whatever cells
 * before it held. A read parses each distinct number once (a million staff share a few hundred
 * scores): records of the same score share its value, and a number refused is refused on every
 * cell that holds it.
 */

describe("规则 §6 number cells read once per value", () => {
  test("each staff score exact; the same score one value; refused numbers refused on each cell", () => {
    const grids = sampleGrids();
    const scores = [85.5, 0.1, 85.5, 0, -0, 0.1 + 0.2, 1e12, 85.5, 1e12, 90];
    scores.forEach((score, i) =>
      addRow(grids, "人员", { 姓名: `测试${i}`, 社区: "东门社区", 个人考核得分: score })
    );
    const read = readAssessment(grids);
    const staff = read.input.staff.filter((s) => s.name.startsWith("测试"));
    const kept = scores.filter((s) => s !== 1e12);
    expect(staff.map((s) => s.name)).toEqual(scores.flatMap((s, i) => (s === 1e12 ? [] : [`测试${i}`])));
    staff.forEach((s, i) => expect(s.score.eq(Exact.fromNumber(kept[i]))).toBe(true));
    expect(staff[0].score).toBe(staff[2].score);
    expect(staff[0].score).toBe(staff[6].score);
    const refused = read.issues.filter((i) => i.sheet === "人员" && i.message.zh.includes("过大"));
    expect(refused).toHaveLength(2);
    expect(refused[0].message).toEqual(refused[1].message);
  });
});

describe("规则 §1 a number cell of an .xlsx file is read at Excel's 15 significant digits", () => {
  test("<v>17.999999999999996</v> (a formula's float noise) is the 18 Excel shows, as a typed 18 is", async () => {
    const bytes = await edited(TARGETS, '<c r="B2"><v>18</v></c>', '<c r="B2"><v>17.999999999999996</v></c>');
    const read = readAssessment(await packageGrids(await openXlsx(bytes)));
    const target = read.input.targets.find((t) => t.community === "东门社区");
    expect(target?.scores.foundation?.eq(Exact.int(18))).toBe(true);
  });
});
