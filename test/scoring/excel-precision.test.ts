import fc from "fast-check";
import { assess, defaultRules, Exact, parseNumber } from "../../src/scoring";
import { simpleInput } from "./fixtures";

/**
 * 规则 §1 numbers: a number cell is read at Excel's own precision, 15 significant digits, before
 * it becomes exact. A formula `=97*0.7+77*0.3` is stored as the double 90.999999999999986 and
 * shown as 91; read as anything but 91 it would break a tie at the cut (规则 §4).
 */

const rules = defaultRules();

/** A cell's number as every host hands it to the reader. */
function cell(value: number): Exact {
  const parsed = parseNumber(value);
  if (!parsed.ok) throw new Error(`test: ${value} refused: ${parsed.message.en}`);
  return parsed.value;
}

/** The exact value of a double (sign × mantissa × 2^exponent), computed from its bits. */
function exactOfDouble(value: number): Exact {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const magnitude =
    exponent >= 0
      ? Exact.ratio(mantissa << BigInt(exponent))
      : Exact.ratio(mantissa, 1n << BigInt(-exponent));
  return negative ? magnitude.neg() : magnitude;
}

/** The double `steps` units in the last place away from a positive or negative `value` (same sign). */
function nudge(value: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  return view.getFloat64(0);
}

describe("规则 §1 a number cell is read at Excel's 15 significant digits", () => {
  test("=97*0.7+77*0.3, stored as 90.999999999999986, reads as the 91 Excel shows", () => {
    const formula = 97 * 0.7 + 77 * 0.3;
    expect(formula.toPrecision(17)).toBe("90.999999999999986");
    expect(cell(formula).eq(Exact.int(91))).toBe(true);
    expect(cell(3 * 2.2).eq(Exact.parseDecimal("6.6") as Exact)).toBe(true);
    expect(cell(0.1 + 0.2).eq(Exact.ratio(3, 10))).toBe(true);
  });

  test("a number of up to 15 digits is read as typed, the 15th digit included", () => {
    expect(cell(0.123456789012345).eq(Exact.parseDecimal("0.123456789012345") as Exact)).toBe(true);
    expect(cell(123456789.012345).eq(Exact.parseDecimal("123456789.012345") as Exact)).toBe(true);
    expect(cell(-0.0000001).eq(Exact.ratio(-1, 10_000_000))).toBe(true);
    expect(cell(85.5).eq(Exact.ratio(171, 2))).toBe(true);
  });

  test("property: any double whose 15-significant-digit rounding is the decimal d reads as exactly d", () => {
    fc.assert(
      fc.property(
        // d = ±m × 10^e with m of exactly 15 digits (trailing zeros make shorter decimals).
        fc.integer({ min: 100_000_000_000_001, max: 999_999_999_999_999 }),
        fc.integer({ min: -24, max: -6 }),
        fc.boolean(),
        fc.integer({ min: -40, max: 40 }),
        (m, e, negative, steps) => {
          const d = Exact.ratio(BigInt(negative ? -m : m), 10n ** BigInt(-e));
          const double = nudge(Number(`${negative ? "-" : ""}${m}e${e}`), steps);
          // The 15-digit grid around d has the step 10^e: the double rounds to d when it lies
          // within half a step of it (an exact check, on the double's own bits).
          const halfStep = Exact.ratio(1n, 2n * 10n ** BigInt(-e));
          const off = exactOfDouble(double).sub(d);
          if ((off.isNegative() ? off.neg() : off).cmp(halfStep) >= 0) return;
          expect(cell(double).eq(d)).toBe(true);
        }
      ),
      { numRuns: 2000 }
    );
  });
});

describe("规则 §4 ties at the cut, with a formula's float noise read at Excel's precision", () => {
  test("staff at 91 and at =97*0.7+77*0.3 (90.999999999999986) tie at the cut: both 并列待定", () => {
    const input = simpleInput({ A: 90 });
    const scores = [100, 99, 98, 97, 96, 95, 94, 91, 97 * 0.7 + 77 * 0.3, 80];
    input.staff = scores.map((score, i) => ({
      row: i + 2,
      name: `人${i}`,
      community: "A",
      score: cell(score),
    }));
    const r = assess(input, rules);
    const marks = new Map(r.individuals.map((s) => [s.name, s.advanced]));
    expect(marks.get("人6")).toBe(true);
    expect(marks.get("人7")).toBe("tie");
    expect(marks.get("人8")).toBe("tie");
    expect(marks.get("人9")).toBe(false);
    expect(r.issues.some((i) => i.severity === "warning" && i.message.zh.includes("并列待定"))).toBe(true);
  });

  test("a target category typed 6.6 and one computed as =3*2.2 (6.6000000000000005): the communities tie at the cut", () => {
    const totals = { C1: 99, C2: 98, C3: 97, C4: 96, C5: 95, C6: 94, C7: 93, C8: 91.6, C9: 91.6, C10: 80 };
    const input = simpleInput(totals);
    const c9 = input.targets.find((t) => t.community === "C9")!;
    expect(c9.scores.admin!.eq(Exact.parseDecimal("6.6") as Exact)).toBe(true);
    c9.scores.admin = cell(3 * 2.2);
    const r = assess(input, rules);
    const advanced = new Map(r.communities.map((c) => [c.name, c.advanced]));
    expect(advanced.get("C8")).toBe("tie");
    expect(advanced.get("C9")).toBe("tie");
    expect(advanced.get("C7")).toBe(true);
  });
});
