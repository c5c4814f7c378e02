import {
  joinList,
  localeFromLanguage,
  localeFromSearch,
  rawString,
  stringKeys,
  t,
} from "../../src/taskpane/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n table", () => {
  test("every string exists in Chinese and English with the same placeholders", () => {
    for (const key of stringKeys()) {
      const m = rawString(key);
      expect(m.zh.trim()).not.toBe("");
      expect(m.en.trim()).not.toBe("");
      expect({ key, zh: placeholders(m.zh) }).toEqual({ key, zh: placeholders(m.en) });
    }
  });

  test("placeholders are filled; an unknown one stays visible", () => {
    expect(t("zh-CN", "issuesSummary", { errors: 2, warnings: 3 })).toBe("2 个错误，3 个警告");
    expect(t("en-US", "issuesSummary", { errors: 2, warnings: 3 })).toBe("2 errors, 3 warnings");
    expect(t("en-US", "rankTop", {})).toBe("Top {n}");
  });

  test("zh-CN first: English only when Office or the URL says English", () => {
    expect(localeFromLanguage("en-US")).toBe("en-US");
    expect(localeFromLanguage("en-GB")).toBe("en-US");
    expect(localeFromLanguage("zh-CN")).toBe("zh-CN");
    expect(localeFromLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromLanguage("de-DE")).toBe("zh-CN");
    expect(localeFromLanguage(undefined)).toBe("zh-CN");
    expect(localeFromSearch("?lang=en-US")).toBe("en-US");
    expect(localeFromSearch("?lang=zh-CN")).toBe("zh-CN");
    expect(localeFromSearch("")).toBeNull();
    expect(joinList("zh-CN", ["排名", "计分明细"])).toBe("排名、计分明细");
    expect(joinList("en-US", ["a", "b"])).toBe("a, b");
  });
});
