import fc from "fast-check";
import { editDistance, nearestName, parseLevel, parseNumber, parseYesNo, visible } from "../../src/scoring";
import { validateWorkbook } from "../../src/workbook/pipeline";
import { addRow, sampleGrids, setCell } from "../workbook/helpers";

/**
 * Messages that help (issue 9): 规则 §6 "Records that name a community not on 社区 are errors" —
 * with the name it most likely means, and with invisible characters shown.
 */

const messageAt = (sheet: string, row: number) => {
  const found = validateWorkbook(grids).find((i) => i.sheet === sheet && i.row === row);
  return found?.message;
};
let grids = sampleGrids();
beforeEach(() => (grids = sampleGrids()));

describe("规则 §6 unknown community: 是否应为“…”？ when one name is near", () => {
  test("one character off: the suggestion, in both languages", () => {
    const row = addRow(grids, "人员", { 姓名: "张三", 社区: "西城小区", 个人考核得分: 90 });
    expect(messageAt("人员", row)).toEqual({
      zh: "社区“西城小区”不在社区表中：是否应为“西城社区”？",
      en: 'Community "西城小区" is not on the communities sheet: did you mean "西城社区"?',
    });
  });

  test("a space or a zero-width space inside: the suggestion, and the invisible character shown", () => {
    const row = addRow(grids, "人员", { 姓名: "李四", 社区: "西城社区\u200B", 个人考核得分: 90 });
    expect(messageAt("人员", row)?.zh).toBe("社区“西城社区[U+200B]”不在社区表中：是否应为“西城社区”？");
    const spaced = addRow(grids, "人员", { 姓名: "王五", 社区: "西城　社区", 个人考核得分: 90 });
    expect(messageAt("人员", spaced)?.zh).toContain("是否应为“西城社区”？");
  });

  test("the edge: two names equally near, or none near — no guess, the old advice", () => {
    // 东湖社区 is one edit from both 东门社区 and 北湖社区.
    const tie = addRow(grids, "人员", { 姓名: "赵六", 社区: "东湖社区", 个人考核得分: 90 });
    expect(messageAt("人员", tie)?.zh).toBe("社区“东湖社区”不在社区表中：请核对名称或先在社区表中添加");
    const far = addRow(grids, "人员", { 姓名: "钱七", 社区: "幸福社区", 个人考核得分: 90 });
    expect(messageAt("人员", far)?.zh).not.toContain("是否应为");
  });

  test("a joint article's list names each unknown community with its own suggestion", () => {
    const row = addRow(grids, "宣传报道", { 社区: "东门社区、梅圆社区", 标题: "联合活动", 级别: "区级" });
    expect(messageAt("宣传报道", row)?.zh).toBe("社区“梅圆社区”不在社区表中：是否应为“梅园社区”？");
  });

  test("a line not on 条线清单 gets the listed line it most likely means", () => {
    const row = addRow(grids, "重要贡献", {
      社区: "东门社区",
      条线: "征地拆签",
      加分: 1,
      分管领导意见: "是",
    });
    expect(messageAt("重要贡献", row)?.zh).toContain("是否应为“征地拆迁”？");
  });
});

describe("invisible characters are shown in messages as [U+XXXX]", () => {
  test("zero-width, full-width and no-break spaces, and plain spaces at either end", () => {
    expect(visible("西城社区\u200B")).toBe("西城社区[U+200B]");
    expect(visible("西城\u3000社区")).toBe("西城[U+3000]社区");
    expect(visible(" 西城\u00A0社区  ")).toBe("[U+0020]西城[U+00A0]社区[U+0020][U+0020]");
    expect(visible("\uFEFF省级\t")).toBe("[U+FEFF]省级[U+0009]");
    // The allowed case: plain text with single spaces inside is quoted as typed.
    expect(visible("Town A 社区")).toBe("Town A 社区");
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z\u4e00-\u9fa5]+( [a-z\u4e00-\u9fa5]+)*$/), (s) => {
        expect(visible(s)).toBe(s);
      })
    );
  });

  test("cell messages quote the value visibly: level, yes/no, number, type, status", () => {
    expect(parseLevel("部级\u200B")).toMatchObject({ ok: false });
    const level = parseLevel("部级\u200B");
    expect(!level.ok && level.message.zh).toContain("未知级别“部级[U+200B]”");
    const yes = parseYesNo("是\u200B", false);
    expect(!yes.ok && yes.message.zh).toContain("“是[U+200B]”");
    const n = parseNumber("85\u200B");
    expect(!n.ok && n.message.zh).toContain("“85[U+200B]”不是数字");
    setCell(grids, "社区", 2, "类型", "村改居\u200B");
    expect(messageAt("社区", 2)?.zh).toContain("类型“村改居[U+200B]”无法识别");
  });
});

describe("nearestName and editDistance", () => {
  test("distance by code point; a long name is never compared (no quadratic work)", () => {
    expect(editDistance("征地拆迁", "征地拆签")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("😀a", "a")).toBe(1);
    expect(nearestName("x".repeat(32767), ["x".repeat(32766)])).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
      })
    );
  });
});
