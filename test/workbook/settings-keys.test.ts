import fc from "fast-check";
import { defaultRules, DEFAULT_RULES, Exact, Rules } from "../../src/scoring";
import {
  applySettingAssignment,
  findSetting,
  getSetting,
  parseSettingAssignment,
  parseSettingAssignmentText,
  parseSettingValue,
  readSettings,
  settingDefault,
  SETTINGS,
  settingsRows,
  setSetting,
  showSetting,
} from "../../src/workbook/settings";
import { SheetGrid } from "../../src/workbook/types";

const sheet = (rows: unknown[][]): SheetGrid => ({
  name: "设置",
  values: [["项目", "值", "说明"], ...rows],
  firstRow: 1,
  firstColumn: 1,
});

describe("规则 §6 settings keys: a unit in brackets is optional, brackets full- or half-width", () => {
  test.each([
    "奖金总额",
    "奖金总额（元）",
    "奖金总额(元)",
    " 奖金总额 ( 元 ) ",
    "奖金总额（元)",
    "\u3000奖金总额\u3000",
    "ＢｏｎｕｓＰｏｏｌ",
    "bonuspool",
    "bonusPool",
  ])("allowed: %p names 奖金总额（元）", (key) => {
    expect(findSetting(key)?.id).toBe("bonusPool");
  });

  test.each(["每分奖金", "每分奖金(元)", "每分奖金（元）"])("allowed: %p names 每分奖金（元）", (key) => {
    expect(findSetting(key)?.id).toBe("bonusPerPoint");
  });

  test.each([
    ["奖金总额（万元）", "another unit than the setting's"],
    ["奖金总额(美元)", "another unit than the setting's"],
    ["奖金", "a part of the name"],
    ["（元）", "a unit without a name"],
    ["奖金总额元", "the unit without brackets"],
  ])("refused: %p (%s)", (key) => {
    expect(findSetting(key)).toBeUndefined();
  });

  test("edge: a bracket after a name that has no unit is a note and is ignored; a wrong unit is an unknown key with a suggestion", () => {
    expect(findSetting("先进社区名额（个）")?.id).toBe("advancedCommunities");
    const { rules, issues } = readSettings(sheet([["奖金总额（万元）", 5]]));
    expect(rules.bonusPool).toBeNull();
    expect(issues).toHaveLength(1);
    // The key is quoted as read (full-width folded), the suggestion as the template writes it.
    expect(issues[0].message.zh).toBe("未知的设置项“奖金总额(万元)”，已忽略：是否应为“奖金总额（元）”？");
  });

  test("the sheet reads every spelling of a key to the same rule", () => {
    for (const key of ["奖金总额", "奖金总额(元)", "奖金总额（元）"]) {
      const { rules, issues } = readSettings(sheet([[key, 50000]]));
      expect(issues).toEqual([]);
      expect(rules.bonusPool?.toNumber()).toBe(50000);
    }
  });

  test("every zh name, en alias and id finds its own setting, with or without its unit", () => {
    for (const s of SETTINGS)
      for (const name of [s.zh, s.en, s.id, s.zh.replace(/（[^（）]*）$/, "")])
        expect(findSetting(name)?.id).toBe(s.id);
  });
});

describe("规则 §6 settings as one table: get, set, default and show derive from the id's path", () => {
  test("each setting's default is DEFAULT_RULES at its path, and shows as the template writes it", () => {
    const rows = settingsRows(defaultRules());
    SETTINGS.forEach((s, i) => {
      expect(getSetting(readSettings().rules, s)).toEqual(settingDefault(s));
      expect(rows[i][1]).toEqual(showSetting(s, DEFAULT_RULES));
    });
    expect(showSetting(findSetting("条线清单")!, DEFAULT_RULES)).toBe(
      "招商引资、征地拆迁、建设发展、信访维稳、矛盾化解"
    );
    expect(showSetting(findSetting("排名方式")!, DEFAULT_RULES)).toBe("综合得分");
  });

  test("setting one value changes that field only", () => {
    for (const s of SETTINGS) {
      const rules = defaultRules();
      const before = JSON.stringify(settingsRows(rules).filter((r) => r[0] !== s.zh));
      const shown = showSetting(s, rules);
      // A blank default: a value of the setting's type (a date setting takes a date).
      const typed = "min" in s.type ? s.type.min : s.type.kind === "date" ? "2025-01-06" : 1;
      const parsed = parseSettingValue(s, shown ?? typed);
      if (!parsed.ok) throw new Error(`${s.zh}: its own shown default does not read back`);
      setSetting(rules, s, parsed.value);
      expect(JSON.stringify(settingsRows(rules).filter((r) => r[0] !== s.zh))).toBe(before);
    }
  });

  test("setting never touches DEFAULT_RULES (a list is copied in)", () => {
    const rules: Rules = defaultRules();
    const lines = findSetting("Lines")!;
    setSetting(rules, lines, ["甲"]);
    expect(DEFAULT_RULES.lines).toHaveLength(5);
    expect(rules.lines).toEqual(["甲"]);
  });

  test("property: a whole number read through the table lands at the id's path", () => {
    const def = findSetting("先进社区名额")!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (n) => {
        const parsed = parseSettingValue(def, String(n));
        expect(parsed).toEqual({ ok: true, value: n });
        const rules = defaultRules();
        if (parsed.ok) setSetting(rules, def, parsed.value);
        expect(rules.advancedCommunities).toBe(n);
      })
    );
  });
});

describe("规则 §7.2 whatif --set KEY=VALUE: parseSettingAssignment", () => {
  test("allowed: zh or en key, any bracket form, value read as on 设置", () => {
    const a = parseSettingAssignment("奖金总额", "50000");
    expect(a).toMatchObject({ ok: true, setting: { id: "bonusPool" }, shown: 50000 });
    const b = parseSettingAssignment("ConversionRate", "25%");
    expect(b.ok && b.value instanceof Exact && b.value.toNumber()).toBe(0.25);
    expect(parseSettingAssignment("排名方式", "目标管理优先")).toMatchObject({
      ok: true,
      value: "targetFirst",
    });
    expect(parseSettingAssignment("rankingmode", "targetFirst")).toMatchObject({
      ok: true,
      shown: "目标管理优先",
    });
    expect(parseSettingAssignment("条线清单", "招商引资，安全生产")).toMatchObject({
      ok: true,
      value: ["招商引资", "安全生产"],
    });
  });

  test("applied, it changes the rules the way the 设置 sheet would", () => {
    const a = parseSettingAssignment("先进社区名额（个）", "5");
    if (!a.ok) throw new Error(a.message.zh);
    const rules = defaultRules();
    applySettingAssignment(rules, a);
    expect(rules.advancedCommunities).toBe(5);
    expect(rules).toEqual(readSettings(sheet([["先进社区名额", 5]])).rules);
  });

  test("refused: an unknown key names it and suggests the nearest", () => {
    const a = parseSettingAssignment("折算比率", "0.3");
    expect(a).toEqual({
      ok: false,
      reason: "unknownKey",
      key: "折算比率",
      message: {
        zh: "未知的设置项“折算比率”：是否应为“折算比例”？",
        en: 'Unknown setting "折算比率": did you mean "折算比例" (ConversionRate)?',
      },
    });
    const far = parseSettingAssignment("天气", "晴");
    expect(far).toMatchObject({ ok: false, reason: "unknownKey", key: "天气" });
    expect(!far.ok && far.message.zh).toContain("“天气”");
  });

  test.each([
    ["先进社区名额", "2.5", "应为整数"],
    ["折算比例", "3", "超出允许范围"],
    ["排名方式", "随便", "应填"],
    ["奖金总额", "很多", "不是数字"],
    ["奖金总额（万元）", "5", "未知的设置项"],
  ])("refused: %s=%s names the key and says why (%s)", (key, value, words) => {
    const a = parseSettingAssignment(key, value);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.message.zh).toContain(words);
    expect(a.message.zh).toContain(key.startsWith("奖金总额（万") ? key : findSetting(key)!.zh);
    expect(a.message.en.length).toBeGreaterThan(10);
  });

  test("edge: a blank value means the default, as a blank 值 cell does; KEY=VALUE text splits at the first =", () => {
    expect(parseSettingAssignment("奖金总额", " ")).toMatchObject({ ok: true, value: null, shown: null });
    expect(parseSettingAssignment("先进个人名额", "")).toMatchObject({ ok: true, value: 8 });
    expect(parseSettingAssignmentText("先进社区名额=6")).toMatchObject({ ok: true, value: 6 });
    expect(parseSettingAssignmentText("先进社区名额＝6")).toMatchObject({ ok: true, value: 6 });
    expect(parseSettingAssignmentText("先进社区名额")).toMatchObject({ ok: false, reason: "noEquals" });
  });
});
