import fc from "fast-check";
import { defaultRules, Exact, LEVEL_NAMES, LEVELS, scoreHonors, scorePublicity } from "../../src/scoring";
import {
  basicPublicityFn,
  contributionTotalFn,
  convertedScoreFn,
  honorPointsFn,
  honorTotalFn,
  publicityPointsFn,
  publicityTotalFn,
  rankExactFn,
} from "../../src/functions/functions";

/** Calls a custom function and returns its Excel error code and message, or fails if it returned. */
function excelError(call: () => unknown): { code: string; message: string } {
  try {
    const v = call();
    throw new Error(`expected an Excel error, got ${String(v)}`);
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e;
    return { code: err.code, message: err.message };
  }
}
const col = (...v: unknown[]) => v.map((c) => [c]);

describe("规则 §7.1 HONOR_POINTS", () => {
  test("level points, every alias, line-department one level lower", () => {
    expect(honorPointsFn("省级", null)).toBe(10);
    expect(honorPointsFn("省", true)).toBe(5);
    expect(honorPointsFn("镇", "是")).toBe(0.5);
    expect(honorPointsFn(" National ", false)).toBe(15);
  });
  test("an unknown level is #VALUE! naming it and the choices", () => {
    const e = excelError(() => honorPointsFn("乡级", null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("未知级别“乡级”：应为 区镇/区级/市级/省级/全国");
  });
  test("a lineDept that is not yes/no is #VALUE!", () =>
    expect(excelError(() => honorPointsFn("省级", "也许")).code).toBe("#VALUE!"));
});

describe("规则 §7.1 HONOR_TOTAL", () => {
  test("same kind once at the highest; unapproved rows count 0; blank rows skipped", () => {
    expect(
      honorTotalFn(
        col("省级", "市级", "", "区级"),
        null as never,
        col("a", "a", "", "b"),
        col("是", "是", "", "否")
      )
    ).toBe(10);
  });
  test("omitted kinds: every row its own kind; omitted approved: every row counts", () => {
    expect(honorTotalFn(col("省级", "市级"))).toBe(15);
  });
  test("line-department flags apply per row", () => {
    expect(honorTotalFn(col("省级", "区镇"), col(true, true))).toBe(5.5);
  });
  test("ranges of unequal height are #VALUE!", () => {
    const e = excelError(() => honorTotalFn(col("省级", "市级"), col(true)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("不等高");
  });
  test("a bad level names its row", () =>
    expect(excelError(() => honorTotalFn(col("省级", "村级"))).message).toContain("第 2 行"));
});

describe("规则 §7.1 PUBLICITY_POINTS", () => {
  test("level points split among communities", () => {
    expect(publicityPointsFn("市级", 2)).toBe(1);
    expect(publicityPointsFn("镇级", null)).toBe(0.2);
    expect(publicityPointsFn("全国", "４")).toBe(2.5);
  });
  test("communities must be a whole number ≥ 1: #VALUE! (the code whose message Excel shows) naming it", () => {
    expect(excelError(() => publicityPointsFn("市级", 0))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("0.00"),
    });
    expect(excelError(() => publicityPointsFn("市级", 1.5))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("1.50"),
    });
    expect(excelError(() => publicityPointsFn("市级", "两个")).code).toBe("#VALUE!");
    expect(publicityPointsFn("市级", 1)).toBe(2);
  });
});

describe("规则 §7.1 PUBLICITY_TOTAL", () => {
  test("same content once at its highest share", () => {
    expect(publicityTotalFn(col("市级", "省级"), col(1, 2), col("x", "x"))).toBe(2.5);
    expect(publicityTotalFn(col("市级", "省级"), col(1, 2))).toBe(4.5);
  });
  test("exact: three town articles shared by three add to 0.2", () => {
    expect(publicityTotalFn(col("镇", "镇", "镇"), col(3, 3, 3))).toBe(0.2);
  });
  test("unequal heights are #VALUE!", () =>
    expect(excelError(() => publicityTotalFn(col("市级"), col(1, 2))).code).toBe("#VALUE!"));
});

describe("规则 §7.1 BASIC_PUBLICITY", () => {
  test("allowed: 0, 1..5; blank is 0", () => {
    expect(basicPublicityFn(0)).toBe(0);
    expect(basicPublicityFn(1)).toBe(1);
    expect(basicPublicityFn(5)).toBe(5);
    expect(basicPublicityFn(null)).toBe(0);
  });
  test("refused: between 0 and 1, above 5, text — all #VALUE! naming the value", () => {
    expect(excelError(() => basicPublicityFn(0.5))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("0.5"),
    });
    expect(excelError(() => basicPublicityFn(5.5))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("5.5"),
    });
    expect(excelError(() => basicPublicityFn("好")).code).toBe("#VALUE!");
  });
});

describe("规则 §7.1 CONTRIBUTION_TOTAL", () => {
  test("per-line cap 5 and total cap 20 by default", () => {
    expect(contributionTotalFn(col("招商引资", "招商引资", "征地拆迁"), col(4, 3, 2))).toBe(7);
    expect(contributionTotalFn(col("a", "b", "c", "d", "e"), col(5, 5, 5, 5, 5))).toBe(20);
  });
  test("caps can be given", () => expect(contributionTotalFn(col("a", "a"), col(4, 3), 6, 100)).toBe(6));
  test("negative points and caps are #VALUE! naming the value; unequal heights #VALUE!", () => {
    expect(excelError(() => contributionTotalFn(col("a"), col(-1)))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("-1.00"),
    });
    expect(excelError(() => contributionTotalFn(col("a"), col(1), -2))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("-2.00"),
    });
    expect(excelError(() => contributionTotalFn(col("a", "b"), col(1))).code).toBe("#VALUE!");
  });
});

describe("规则 §7.1 CONVERTED_SCORE", () => {
  test("total × 0.2 by default, or the rate given", () => {
    expect(convertedScoreFn(90, null)).toBe(18);
    expect(convertedScoreFn(81, 0.5)).toBe(40.5);
  });
  test("a rate outside 0..1 or a negative total is #VALUE! naming it; text is #VALUE!", () => {
    expect(excelError(() => convertedScoreFn(90, 20))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("20.0000"),
    });
    expect(excelError(() => convertedScoreFn(-5, null))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("-5.00"),
    });
    expect(convertedScoreFn(90, 1)).toBe(90);
    expect(excelError(() => convertedScoreFn("九十", null)).code).toBe("#VALUE!");
  });
});

describe("规则 §7.1 RANK_EXACT", () => {
  test("competition rank; float noise is no difference", () => {
    const values = col(80.4 + 0.2 + 0.2 + 0.2, 81, 90, 70);
    expect(rankExactFn(81, values)).toBe(2);
    expect(rankExactFn(80.4 + 0.2 + 0.2 + 0.2, values)).toBe(2);
    expect(rankExactFn(70, values)).toBe(4);
  });
  test("tie-break column orders equal values", () => {
    const values = col(81, 81, 90);
    const breaks = col(60, 70, 80);
    expect(rankExactFn(81, values, 70, breaks)).toBe(2);
    expect(rankExactFn(81, values, 60, breaks)).toBe(3);
  });
  test("the edge: values differing in the 9th significant digit are not equal", () => {
    expect(rankExactFn(81.0000001, col(81.0000001, 81.0000002))).toBe(2);
  });
  test("a value not among the values is #N/A; text among values is #VALUE!", () => {
    expect(excelError(() => rankExactFn(50, col(81, 90))).code).toBe("#N/A");
    expect(excelError(() => rankExactFn(81, col(81, "高"))).code).toBe("#VALUE!");
  });
});

describe('规则 §7.1 a blank cell arrives as null (web), "" or 0 (desktop): the same answer', () => {
  const BLANKS = [null, "", 0] as const;
  /** The answer with every blank as `blank`, one per form; all must equal the first. */
  const answers = (f: (blank: unknown) => number) => BLANKS.map((b) => f(b));

  test("HONOR_TOTAL: blank level rows skipped, blank kinds are their own kind, blank flags mean no", () => {
    for (const b of BLANKS) {
      // Two rows with a blank kind are two kinds (a 0 kind must not merge them).
      expect(honorTotalFn(col("省级", b, "市级"), col(b, b, b), col(b, b, b), null as never)).toBe(15);
      // A blank 考核组认可 is no: the row counts 0.
      expect(honorTotalFn(col("省级", "市级"), col(b, b), col("a", "b"), col("是", b))).toBe(10);
    }
  });

  test("PUBLICITY_TOTAL: blank level rows skipped, a blank sharing count is 1, blank keys their own content", () => {
    expect(answers((b) => publicityTotalFn(col("市级", b, "省级"), col(b, b, 2), col(b, b, b)))).toEqual([
      4.5, 4.5, 4.5,
    ]);
  });

  test("CONTRIBUTION_TOTAL: rows with a blank line and blank points skipped; blank points are 0", () => {
    expect(answers((b) => contributionTotalFn(col("招商引资", b, "征地拆迁"), col(4, b, b)))).toEqual([
      4, 4, 4,
    ]);
    // Points without a line are refused, however the blank line arrives.
    for (const b of BLANKS)
      expect(excelError(() => contributionTotalFn(col(b), col(3))).message).toContain("条线为空");
  });

  test("HONOR_POINTS, PUBLICITY_POINTS: a blank level is refused the same way; a blank flag is no", () => {
    const messages = BLANKS.map((b) => excelError(() => honorPointsFn(b, null)).message);
    expect(new Set(messages).size).toBe(1);
    expect(answers((b) => honorPointsFn("省级", b))).toEqual([10, 10, 10]);
    expect(answers((b) => publicityTotalFn(col("市级"), col(b)))).toEqual([2, 2, 2]);
  });

  test("BASIC_PUBLICITY and RANK_EXACT: blank score is none; blank tie-breaks are 0", () => {
    expect(answers((b) => basicPublicityFn(b))).toEqual([0, 0, 0]);
    expect(answers((b) => rankExactFn(81, col(81, 81, 90), 0, col(b, 10, 1)))).toEqual([3, 3, 3]);
  });
});

describe("规则 §7.1 the functions agree with the engine", () => {
  test("property: HONOR_TOTAL equals the engine's honor points for one community's rows", () => {
    const row = fc.record({
      level: fc.constantFrom(...LEVELS),
      lineDept: fc.boolean(),
      kind: fc.constantFrom("甲", "乙", "丙", ""),
      approved: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const fn = honorTotalFn(
          col(...rows.map((r) => LEVEL_NAMES[r.level].zh)),
          col(...rows.map((r) => r.lineDept)),
          col(...rows.map((r) => r.kind)),
          col(...rows.map((r) => (r.approved ? "是" : "否")))
        );
        const engine = scoreHonors(
          rows.map((r, i) => ({
            row: i + 2,
            community: "A",
            honor: `荣誉${i}`, // a blank kind falls back to the (unique) name: its own kind
            kind: r.kind,
            level: r.level,
            lineDept: r.lineDept,
            approved: r.approved,
            docNo: "1号",
          })),
          defaultRules()
        );
        return fn === (engine.byCommunity.get("A") ?? Exact.ZERO).toNumber();
      })
    );
  });

  test("property: PUBLICITY_TOTAL equals the engine's external publicity for one community", () => {
    const row = fc.record({
      level: fc.constantFrom(...LEVELS),
      sharing: fc.integer({ min: 1, max: 5 }),
      key: fc.constantFrom("k1", "k2", ""),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const fn = publicityTotalFn(
          col(...rows.map((r) => LEVEL_NAMES[r.level].zh)),
          col(...rows.map((r) => r.sharing)),
          col(...rows.map((r) => r.key))
        );
        const engine = scorePublicity(
          rows.map((r, i) => ({
            row: i + 2,
            communities: ["A", ...Array.from({ length: r.sharing - 1 }, (_, j) => `B${j}`)],
            title: `标题${i}`,
            contentKey: r.key,
            level: r.level,
            communityBuilding: true,
            authorIsStaff: true,
            communityIsSubject: true,
            countedInTargets: false,
          })),
          defaultRules()
        );
        return fn === (engine.byCommunity.get("A") ?? Exact.ZERO).toNumber();
      })
    );
  });
});
