import fc from "fast-check";
import { Exact, sum } from "../../src/scoring";

describe("规则 §4 Exactness: scores are compared exactly", () => {
  test("80.4 + 0.2 + 0.2 + 0.2 equals 81 whatever the order of addition", () => {
    const parts = [80.4, 0.2, 0.2, 0.2].map(Exact.fromNumber);
    expect(sum(parts).eq(Exact.int(81))).toBe(true);
    expect(sum([...parts].reverse()).eq(Exact.int(81))).toBe(true);
    expect(80.4 + 0.2 + 0.2 + 0.2 === 81).toBe(false); // the float trap the engine avoids
  });

  test("a joint split 0.2/3 three times adds back to 0.2 exactly", () => {
    const third = Exact.fromNumber(0.2).div(Exact.int(3));
    expect(third.add(third).add(third).eq(Exact.fromNumber(0.2))).toBe(true);
  });

  test("the spreadsheet decimal is taken as typed: 0.1 is 1/10", () => {
    expect(Exact.fromNumber(0.1).toString()).toBe("1/10");
    expect(Exact.fromNumber(85.5).toString()).toBe("171/2");
    expect(Exact.fromNumber(1e-7).toString()).toBe("1/10000000");
  });

  test("display rounds half-up to 2 decimals from the exact value", () => {
    expect(Exact.parseDecimal("2.675")!.toFixed(2)).toBe("2.68"); // the double 2.675 would round down
    expect(Exact.parseDecimal("2.674999")!.toFixed(2)).toBe("2.67");
    expect(Exact.parseDecimal("-2.675")!.toFixed(2)).toBe("-2.68");
    expect(Exact.ratio(2, 3).toFixed(2)).toBe("0.67");
    expect(Exact.ratio(1, 15).toFixed(4)).toBe("0.0667");
    expect(Exact.int(81).toFixed(2)).toBe("81.00");
  });

  test("property: addition is order independent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100000, max: 100000 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (cents, parts) => {
          const values = cents.map((c) => Exact.ratio(c, 100).div(Exact.int(parts)));
          const a = sum(values);
          const b = sum([...values].reverse());
          const c = sum([...values].sort((p, q) => p.cmp(q)));
          return a.eq(b) && b.eq(c);
        }
      )
    );
  });

  test("floor is the largest integer not above the value, on the safe-integer path and past it", () => {
    expect(Exact.ratio(7, 2).floor()).toBe(3n);
    expect(Exact.ratio(-7, 2).floor()).toBe(-4n);
    expect(Exact.int(-4).floor()).toBe(-4n);
    // Near 2^53 the double quotient rounds up to the next integer: the floor must not.
    const big = BigInt(Number.MAX_SAFE_INTEGER);
    expect(Exact.ratio(big, big - 1n).floor()).toBe(1n);
    expect(Exact.ratio(big * 3n - 1n, 3n).floor()).toBe(big - 1n);
  });

  test("property: floor agrees with BigInt division, and a bigint made small reduces as a number would", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
        fc.bigInt({ min: 1n, max: 2n ** 55n }),
        (n, d) => {
          const x = Exact.ratio(n, d);
          const q = x.n / x.d;
          const floor = x.n < 0n && q * x.d !== x.n ? q - 1n : q;
          expect(x.floor()).toBe(floor);
          if (n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER))
            expect(Exact.ratio(n, 7).eq(Exact.ratio(Number(n), 7))).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });

  test("refuses what is not a number", () => {
    expect(Exact.parseDecimal("abc")).toBeNull();
    expect(Exact.parseDecimal(".")).toBeNull();
    expect(() => Exact.fromNumber(NaN)).toThrow();
    expect(() => Exact.fromNumber(Infinity)).toThrow();
  });
});
