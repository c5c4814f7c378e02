import { defaultRules, Rules } from "../../src/scoring";
import {
  findSetting,
  parseSettingAssignment,
  readSettings,
  SETTING_NAMES,
  SETTINGS,
  settingsRows,
} from "../../src/workbook/settings";
import { SheetGrid } from "../../src/workbook/types";

const sheet = (rows: unknown[][], withHeader = true): SheetGrid => ({
  name: "设置",
  values: withHeader ? [["项目", "值", "说明"], ...rows] : rows,
  firstRow: 1,
  firstColumn: 1,
});

/** Rules as plain data, to compare. */
const plain = (r: Rules) =>
  JSON.parse(JSON.stringify(r, (_k, v: unknown) => (v && typeof v === "object" && "d" in v ? String(v) : v)));

describe("规则 §6 设置 sheet", () => {
  test("every key of the schema has a setting, and every Rules field is covered", () => {
    expect(SETTINGS.map((s) => s.id).sort()).toEqual(Object.keys(SETTING_NAMES).sort());
    const covered = new Set(SETTINGS.map((s) => s.id.split(".")[0]));
    expect([...covered].sort()).toEqual(Object.keys(defaultRules()).sort());
  });

  test("the template's rows read back as the defaults, without issues", () => {
    const { rules, issues } = readSettings(sheet(settingsRows(defaultRules())));
    expect(issues).toEqual([]);
    expect(plain(rules)).toEqual(plain(defaultRules()));
  });

  test("no sheet, or a missing key, takes the defaults", () => {
    expect(plain(readSettings().rules)).toEqual(plain(defaultRules()));
    expect(plain(readSettings(sheet([["先进社区名额", 8]])).rules)).toEqual(plain(defaultRules()));
  });

  test("values are read: numbers, numeric text, percent, choices, lists, en keys, full-width keys", () => {
    const { rules, issues } = readSettings(
      sheet([
        ["省级荣誉加分", "１２"],
        ["ConversionRate", "25%"],
        ["排名方式", "目标管理优先"],
        ["subjectrulescope", "national"],
        ["条线清单", "招商引资，征地拆迁、 安全生产"],
        ["奖金总额(元)", 50000],
        [" 先进个人名额\u3000", 10],
        ["考核年度", 2024],
      ])
    );
    expect(issues).toEqual([]);
    expect(rules.honorPoints.province.toNumber()).toBe(12);
    expect(rules.conversionRate.toNumber()).toBe(0.25);
    expect(rules.rankingMode).toBe("targetFirst");
    expect(rules.subjectRuleScope).toBe("national");
    expect(rules.lines).toEqual(["招商引资", "征地拆迁", "安全生产"]);
    expect(rules.bonusPool?.toNumber()).toBe(50000);
    expect(rules.advancedIndividuals).toBe(10);
    expect(rules.year).toBe(2024);
  });

  test.each([
    ["先进社区名额", 2.5, "整数", "advancedCommunities", 8],
    ["先进社区名额", -1, "超出允许范围", "advancedCommunities", 8],
    ["折算比例", 3, "超出允许范围", "conversionRate", "1/5"],
    ["排名方式", "随便", "应填", "rankingMode", "total"],
    ["省级荣誉加分", "#N/A", "错误值", "honorPoints", undefined],
    ["奖金总额（元）", "很多", "不是数字", "bonusPool", null],
  ])(
    "a bad value for %s (%p) is a warning naming the key; the default is used",
    (key, value, words, field, expected) => {
      const { rules, issues } = readSettings(sheet([[key, value]]));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        severity: "warning",
        sheet: "设置",
        row: 2,
        column: "值",
        cell: "B2",
      });
      expect(issues[0].message.zh).toContain(`“${findSetting(key)?.zh}”`);
      expect(issues[0].message.zh).toContain(words);
      expect(issues[0].message.zh).toContain("默认值");
      const got = plain(rules)[field];
      if (expected !== undefined) expect(got).toEqual(expected);
      else expect(plain(rules)).toEqual(plain(defaultRules()));
    }
  );

  test("an unknown key is a warning that names it and suggests the nearest key", () => {
    const { issues } = readSettings(sheet([["折算比率", 0.3]]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", row: 2, column: "项目", cell: "A2" });
    expect(issues[0].message.zh).toBe("未知的设置项“折算比率”，已忽略：是否应为“折算比例”？");
  });

  test("a repeated key with the same value: the first counts, the second is a warning", () => {
    const { rules, issues } = readSettings(
      sheet([
        ["先进社区名额", 6],
        ["先进社区名额", "６"],
      ])
    );
    expect(rules.advancedCommunities).toBe(6);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", row: 3 });
  });

  test("a settings sheet without a header row is read by position", () => {
    const { rules, issues } = readSettings(sheet([["先进社区名额", 5]], false));
    expect(issues).toEqual([]);
    expect(rules.advancedCommunities).toBe(5);
  });

  test("settingsRows marks the interpretations [I] and has a note for every key", () => {
    const rows = settingsRows(defaultRules());
    expect(rows).toHaveLength(SETTINGS.length);
    for (const r of rows) expect(String(r[2]).length).toBeGreaterThan(5);
    const marked = rows.filter((r) => String(r[2]).startsWith("[I]")).map((r) => r[0]);
    expect(marked).toEqual(
      expect.arrayContaining(["排名方式", "以社区为主体适用级别", "社区基础满分", "区级荣誉加分"])
    );
  });
});

describe("规则 §6 a key that appears twice on 设置", () => {
  test("two different values are an error at the second row naming both rows and values", () => {
    const { issues } = readSettings(
      sheet([
        ["先进社区名额", 6],
        ["先进社区名额", 7],
      ])
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", row: 3, column: "值", cell: "B3" });
    expect(issues[0].message.zh).toBe(
      "设置项“先进社区名额”在第 2 行是“6”，在第 3 行是“7”：两个值不同，无法确定用哪一个。请删去一行，或改成同一个值"
    );
  });

  test("keys compared after trimming, full-width folding and the optional unit: 奖金总额（元） and 奖金总额 differ in value", () => {
    const { issues } = readSettings(
      sheet([
        ["奖金总额（元）", 100000],
        [" 奖金总额 ", 80000],
      ])
    );
    expect(issues.map((i) => [i.severity, i.row])).toEqual([["error", 3]]);
  });

  test("the template's blank 奖金总额（元） row and a typed 奖金总额 row: the typed one counts, with a warning at the blank row", () => {
    const { rules, issues } = readSettings(
      sheet([
        ["奖金总额（元）", null],
        ["奖金总额", 100000],
      ])
    );
    expect(rules.bonusPool?.toNumber()).toBe(100000);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", row: 2, cell: "B2" });
    expect(issues[0].message.zh).toContain("按第 3 行的值计算");
  });

  test("a filled row then a blank one: the filled one counts, with a warning at the blank row", () => {
    const { rules, issues } = readSettings(
      sheet([
        ["折算比例", "25%"],
        ["折算比例", ""],
      ])
    );
    expect(rules.conversionRate.toNumber()).toBe(0.25);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", row: 3 });
    expect(issues[0].message.zh).toContain("按第 2 行的值计算");
  });

  test("the same value written two ways (0.2 and 20%) is no conflict", () => {
    const { issues } = readSettings(
      sheet([
        ["折算比例", 0.2],
        ["ConversionRate", "20%"],
      ])
    );
    expect(issues.map((i) => i.severity)).toEqual(["warning"]);
  });
});

describe("规则 §6 设置 messages quote what was typed, visibly", () => {
  test("a value that is a formula without a computed result is quoted as the formula, not as data", () => {
    const { rules, issues } = readSettings(sheet([["先进社区名额", { formula: "4+1" }]]));
    expect(rules.advancedCommunities).toBe(defaultRules().advancedCommunities);
    expect(issues).toHaveLength(1);
    expect(issues[0].message.zh).toContain("公式 =4+1 没有计算结果");
    expect(issues[0].message.zh).not.toContain("{");
    expect(issues[0].message.en).toContain("the formula =4+1 has no computed result");
  });

  test("invisible characters in an unknown key are shown as [U+XXXX]", () => {
    const { issues } = readSettings(sheet([["折算比例\u200B\u200B", 0.3]]));
    expect(issues).toHaveLength(1);
    expect(issues[0].message.zh).toBe("未知的设置项“折算比例[U+200B][U+200B]”，已忽略：是否应为“折算比例”？");
  });

  test("whatif --set: invisible characters in an unknown key are shown as [U+XXXX] too", () => {
    const r = parseSettingAssignment("折算比例\u200B", "0.3");
    expect(!r.ok && r.message.zh).toBe("未知的设置项“折算比例[U+200B]”：是否应为“折算比例”？");
  });

  test("invisible characters in a value that cannot be used are shown as [U+XXXX]", () => {
    const { issues } = readSettings(sheet([["排名方式", "综合得分\u200B"]]));
    expect(issues[0].message.zh).toContain("“综合得分[U+200B]”无法使用");
  });
});
