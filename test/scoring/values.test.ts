import fc from "fast-check";
import { Exact, normalizeText, parseLevel, parseNumber, parseYesNo, Level } from "../../src/scoring";
import { isBlank } from "../../src/workbook/sheet-reader";

describe("规则 §1 Levels: every alias, anything else an error", () => {
  const cases: [string, Level][] = [
    ["区镇", "town"],
    ["镇", "town"],
    ["镇级", "town"],
    ["区镇级", "town"],
    ["街道", "town"],
    ["街道级", "town"],
    ["town", "town"],
    ["区级", "district"],
    ["区", "district"],
    ["县", "district"],
    ["县级", "district"],
    ["区县", "district"],
    ["区县级", "district"],
    ["district", "district"],
    ["County", "district"],
    ["市级", "city"],
    ["市", "city"],
    ["CITY", "city"],
    ["省级", "province"],
    ["省", "province"],
    ["province", "province"],
    ["Provincial", "province"],
    ["全国", "national"],
    ["国家", "national"],
    ["国家级", "national"],
    ["全国级", "national"],
    ["中央", "national"],
    ["national", "national"],
  ];
  test.each(cases)("accepts %s as %s", (text, level) => {
    expect(parseLevel(text)).toEqual({ ok: true, value: level });
  });
  test("accepts surrounding and full-width spaces and full-width letters", () => {
    expect(parseLevel("\u3000省级 ")).toEqual({ ok: true, value: "province" });
    expect(parseLevel("ｃｉｔｙ")).toEqual({ ok: true, value: "city" });
  });
  test.each(["乡级", "", "省级级", "5"])("refuses %p with a message naming it and the choices", (text) => {
    const r = parseLevel(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain(`未知级别“${text}”`);
    if (!r.ok) expect(r.message.zh).toContain("区镇/区级/市级/省级/全国");
  });
  test("refuses non-text values", () => {
    expect(parseLevel(3).ok).toBe(false);
    expect(parseLevel(null).ok).toBe(false);
  });
});

describe("规则 §1 Yes/no cells", () => {
  test.each(["是", "对", "有", "√", "✓", "Y", "yes", "TRUE", "1", " 是 "])("%p is yes", (w) =>
    expect(parseYesNo(w, false)).toEqual({ ok: true, value: true })
  );
  test.each(["否", "错", "无", "×", "✗", "N", "no", "false", "0"])("%p is no", (w) =>
    expect(parseYesNo(w, true)).toEqual({ ok: true, value: false })
  );
  test("Excel booleans and 1/0 numbers", () => {
    expect(parseYesNo(true, false)).toEqual({ ok: true, value: true });
    expect(parseYesNo(0, true)).toEqual({ ok: true, value: false });
  });
  test("blank means the column's default", () => {
    expect(parseYesNo("", true)).toEqual({ ok: true, value: true });
    expect(parseYesNo(null, false)).toEqual({ ok: true, value: false });
    expect(parseYesNo("\u3000", false)).toEqual({ ok: true, value: false });
  });
  test.each(["也许", "2", "ok"])("anything else is an error: %p", (w) => {
    const r = parseYesNo(w, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain(w);
  });
  test("the number 2 is an error, not yes", () => expect(parseYesNo(2, false).ok).toBe(false));
});

describe("规则 §1 Numbers: Excel numbers and numeric text, never a silent 0", () => {
  test("numbers, numeric text, full-width digits and spaces", () => {
    expect(parseNumber(85.5)).toMatchObject({ ok: true });
    const fw = parseNumber("８５．５");
    expect(fw.ok && fw.value.toString()).toBe("171/2");
    const spaced = parseNumber("  12 ");
    expect(spaced.ok && spaced.value.toString()).toBe("12");
    const fwSpace = parseNumber("\u3000１２\u3000");
    expect(fwSpace.ok && fwSpace.value.toString()).toBe("12");
  });
  test.each(["abc", "八十", "12分", "1,2"])("text that is not a number is an error: %p", (t) => {
    const r = parseNumber(t);
    expect(r.ok).toBe(false);
  });
  test("NaN, Infinity, absurd magnitudes, dates, booleans and Excel errors are errors", () => {
    for (const v of [
      NaN,
      Infinity,
      -Infinity,
      1e12,
      "1e12",
      new Date(2026, 0, 1),
      true,
      "#N/A",
      { error: "#REF!" },
    ])
      expect(parseNumber(v).ok).toBe(false);
  });
  test.each(["9 1", "1 8", "８ ５", "85 .5", "1\u00a0000", "1\u3000000", "- 5"])(
    "a space inside a number makes it no number: %p is an error that quotes it",
    (t) => {
      const r = parseNumber(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.zh).toContain("不是数字");
    }
  );
  test("numeric text is read with every digit typed (it is not a number cell)", () => {
    const r = parseNumber("0.1234567890123456789");
    expect(r.ok && r.value.eq(Exact.ratio(1234567890123456789n, 10n ** 19n))).toBe(true);
  });
  test("the edge: 1e9 is accepted, just above it is not", () => {
    expect(parseNumber(1e9).ok).toBe(true);
    expect(parseNumber(1e9 + 1).ok).toBe(false);
  });
});

describe("规则 §1 Text: names and keys read in one form, whatever the shortcut taken", () => {
  // Plain ASCII and CJK ideographs skip NFKC (they are their own normal form); everything else,
  // and any white space, goes the long way. Both must give what NFKC + folding + trim gives.
  const alphabet = [
    "a",
    "Z",
    "1",
    "#",
    "社",
    "区",
    "龥",
    "一",
    " ",
    "\u3000",
    "\t",
    "Ａ",
    "１",
    "．",
    "〔",
    "㈱",
    "\uFEFF",
    "\u00A0",
    "é",
    "e\u0301",
    "\uF900",
    "\n",
    "\r\n",
    "\u2028",
  ];
  const slow = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/\s+/gu, (run) => (/[\n\r\u2028\u2029]/.test(run) ? "\n" : " "))
      .trim();

  test("cases: plain text as is, full-width and spaced text folded", () => {
    expect(normalizeText("社区0001")).toBe("社区0001");
    expect(normalizeText("  社区　Ａ１ ")).toBe("社区 A1");
    expect(normalizeText("e\u0301")).toBe("é");
    expect(normalizeText("")).toBe("");
  });

  test("a line break inside a name is kept as one line break, not turned into a space", () => {
    expect(normalizeText("东门\n社区")).toBe("东门\n社区");
    expect(normalizeText(" 东门 \r\n\u3000社区\n")).toBe("东门\n社区");
  });

  test("property: normalizeText equals NFKC, white space folded (a run with a line break to one line break), trimmed", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const s = chars.join("");
        expect(normalizeText(s)).toBe(slow(s));
      }),
      { numRuns: 2000 }
    );
  });

  test("property: a cell is blank exactly when it holds only white space", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }), (chars) => {
        const s = chars.join("");
        expect(isBlank(s)).toBe(/^\s*$/u.test(s));
      }),
      { numRuns: 2000 }
    );
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});
