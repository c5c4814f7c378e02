/**
 * Exact scores. Points in the seed are decimals (0.2, 0.5) and joint articles are split among any
 * number of communities (0.2 / 3), so binary floating point would make 80.4 + 0.2 + 0.2 + 0.2
 * differ from 81 and break ties. Every score is therefore an exact rational number in lowest
 * terms (so equal values have equal representations and comparisons are exact whatever the
 * order of addition).
 *
 * Speed: numerator and denominator are kept as plain JS integers while they are safe integers
 * (|x| < 2^53, where integer arithmetic on doubles is exact) and as BigInt only beyond that.
 * Every fast-path result is checked with Number.isSafeInteger before it is trusted.
 *
 * This is the one place where precision is handled: rounding for display (half-up) and the
 * conversion from spreadsheet numbers live here and nowhere else.
 */
type Int = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Excel's precision: 15 significant digits. Integers below 10^15 have no more. */
const EXCEL_DIGITS = 15;
const EXCEL_DIGITS_LIMIT = 10 ** EXCEL_DIGITS;

/**
 * A double as the decimal of at most 15 significant digits Excel shows for it. The shortest
 * round-trip text is that decimal whenever it has 15 digits or fewer (the double lies within half
 * a unit in the last place of it, far inside half a step of the 15-digit grid); only a longer text
 * — a formula's float noise such as 90.999999999999986 — is rounded, half away from zero as
 * toPrecision does.
 */
function excelDecimal(value: number): string {
  const shortest = String(value);
  return significantDigits(shortest) <= EXCEL_DIGITS ? shortest : value.toPrecision(EXCEL_DIGITS);
}

/** Significant digits of a number's text, trailing zeros not counted: "0.000123" 3, "1.5e-7" 2, "120" 2. */
function significantDigits(text: string): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 /* e */) break;
    if (c < 48 || c > 57) continue;
    if (first < 0 && c === 48) continue;
    if (first < 0) first = count;
    if (c !== 48) last = count;
    count++;
  }
  return first < 0 ? 0 : last - first + 1;
}

export class Exact {
  /** Numerator (carries the sign) and denominator (> 0), coprime; both numbers or both bigints. */
  private readonly num: Int;
  private readonly den: Int;

  private constructor(num: Int, den: Int) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Exact(0, 1);
  static readonly ONE = new Exact(1, 1);

  /** Numerator and denominator as plain numbers when they are safe integers, else null. */
  smallParts(): [number, number] | null {
    return typeof this.num === "number" && typeof this.den === "number" ? [this.num, this.den] : null;
  }

  /** The denominator when numerator and denominator are plain safe integers, else 0 (allocates nothing). */
  smallDenominator(): number {
    return typeof this.num === "number" && typeof this.den === "number" ? this.den : 0;
  }

  /** The numerator when numerator and denominator are plain safe integers, else NaN (allocates nothing). */
  smallNumerator(): number {
    return typeof this.num === "number" && typeof this.den === "number" ? this.num : NaN;
  }

  /** This value times `den` when that is a safe integer (`den` a multiple of the denominator), else NaN. */
  timesDenominator(den: number): number {
    if (typeof this.num !== "number" || typeof this.den !== "number" || den % this.den !== 0) return NaN;
    const v = this.num * (den / this.den);
    return Number.isSafeInteger(v) ? v : NaN;
  }

  /** Numerator as BigInt. */
  get n(): bigint {
    return BigInt(this.num);
  }

  /** Denominator as BigInt (> 0). */
  get d(): bigint {
    return BigInt(this.den);
  }

  static ratio(numerator: bigint | number, denominator: bigint | number = 1): Exact {
    // Cents and floors arrive as bigints but are mostly small: the safe-integer path reduces them.
    if (typeof numerator === "bigint" && numerator >= -MAX_SAFE && numerator <= MAX_SAFE)
      numerator = Number(numerator);
    if (typeof denominator === "bigint" && denominator >= -MAX_SAFE && denominator <= MAX_SAFE)
      denominator = Number(denominator);
    if (
      typeof numerator === "number" &&
      typeof denominator === "number" &&
      Number.isSafeInteger(numerator) &&
      Number.isSafeInteger(denominator)
    )
      return reduceSmall(numerator, denominator);
    return reduceBig(BigInt(numerator), BigInt(denominator));
  }

  static int(value: number | bigint): Exact {
    return Exact.ratio(value, 1);
  }

  /**
   * The decimal a spreadsheet number shows, taken exactly: 0.2 is 1/5, not the binary double
   * 0.200000000000000011…. Excel keeps 15 significant digits, so the double is read at that
   * precision: a formula `=97*0.7+77*0.3` stored as 90.999999999999986 is the 91 Excel shows, and
   * ties with a typed 91. Every number from a host (Office.js, the .xlsx reader, the preview)
   * becomes exact here and nowhere else.
   */
  static fromNumber(value: number): Exact {
    if (!Number.isFinite(value)) throw new RangeError(`Exact: not a finite number: ${value}`);
    if (Number.isSafeInteger(value) && Math.abs(value) < EXCEL_DIGITS_LIMIT)
      return new Exact(value === 0 ? 0 : value, 1);
    const parsed = Exact.parseDecimal(excelDecimal(value));
    if (!parsed) throw new RangeError(`Exact: cannot read ${value}`);
    return parsed;
  }

  /** Plain decimal text with optional sign, fraction and exponent ("85.5", "-1e-3"); null otherwise. */
  static parseDecimal(text: string): Exact | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
    const negative = m[1] === "-";
    const digits = (m[2] || "0") + (m[3] ?? "");
    const exp = (m[4] ? Number(m[4]) : 0) - (m[3] ?? "").length;
    if (Math.abs(exp) > 400) return null;
    let n = BigInt(digits);
    let d = 1n;
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d = 10n ** BigInt(-exp);
    return reduceBig(negative ? -n : n, d);
  }

  add(o: Exact): Exact {
    const a = this.num,
      b = this.den,
      c = o.num,
      d = o.den;
    if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") {
      // Adding 0 gives the other value itself (values are immutable): no new object.
      if (c === 0) return this;
      if (a === 0) return o;
      if (b === d) {
        const s = a + c;
        if (Number.isSafeInteger(s)) return reduceSmall(s, b);
      } else {
        const l = a * d,
          r = c * b,
          den = b * d,
          s = l + r;
        if (
          Number.isSafeInteger(l) &&
          Number.isSafeInteger(r) &&
          Number.isSafeInteger(den) &&
          Number.isSafeInteger(s)
        )
          return reduceSmall(s, den);
      }
    }
    const [A, B, C, D] = [BigInt(a), BigInt(b), BigInt(c), BigInt(d)];
    return reduceBig(A * D + C * B, B * D);
  }

  sub(o: Exact): Exact {
    return this.add(o.neg());
  }

  neg(): Exact {
    return typeof this.num === "number"
      ? new Exact(this.num === 0 ? 0 : -this.num, this.den)
      : new Exact(-this.num, this.den);
  }

  mul(o: Exact): Exact {
    const a = this.num,
      b = this.den,
      c = o.num,
      d = o.den;
    if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") {
      const n = a * c,
        den = b * d;
      if (Number.isSafeInteger(n) && Number.isSafeInteger(den)) return reduceSmall(n, den);
    }
    return reduceBig(BigInt(a) * BigInt(c), BigInt(b) * BigInt(d));
  }

  div(o: Exact): Exact {
    if (o.isZero()) throw new RangeError("Exact: division by zero");
    const a = this.num,
      b = this.den,
      c = o.num,
      d = o.den;
    if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") {
      const n = a * d,
        den = b * c;
      if (Number.isSafeInteger(n) && Number.isSafeInteger(den)) return reduceSmall(n, den);
    }
    return reduceBig(BigInt(a) * BigInt(d), BigInt(b) * BigInt(c));
  }

  /** -1, 0 or 1. */
  cmp(o: Exact): number {
    const a = this.num,
      b = this.den,
      c = o.num,
      d = o.den;
    if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") {
      if (b === d) return a < c ? -1 : a > c ? 1 : 0;
      const l = a * d,
        r = c * b;
      if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = BigInt(a) * BigInt(d),
      r = BigInt(c) * BigInt(b);
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Exact): boolean {
    // Lowest terms and one representation per range make equality a field comparison.
    return this.num === o.num && this.den === o.den;
  }

  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }

  gt(o: Exact): boolean {
    return this.cmp(o) > 0;
  }

  isZero(): boolean {
    return this.num === 0 || this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0;
  }

  isInteger(): boolean {
    return this.den === 1 || this.den === 1n;
  }

  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }

  max(o: Exact): Exact {
    return this.cmp(o) >= 0 ? this : o;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    if (typeof this.num === "number" && typeof this.den === "number") {
      // One division of safe integers, the quotient corrected so it is exactly the floor.
      const n = this.num,
        d = this.den;
      let q = Math.floor(n / d);
      if (q * d > n) q -= 1;
      else if ((q + 1) * d <= n) q += 1;
      if (Number.isSafeInteger(q) && Number.isSafeInteger(q * d) && Number.isSafeInteger((q + 1) * d))
        return BigInt(q);
    }
    const n = this.n,
      d = this.d;
    const q = n / d;
    return n < 0n && q * d !== n ? q - 1n : q;
  }

  /** Rounded half away from zero to `decimals` places, as an exact value. */
  roundHalfUp(decimals: number): Exact {
    const units = roundedUnits(this, decimals);
    return typeof units === "number"
      ? Exact.ratio(units, 10 ** decimals)
      : Exact.ratio(units, 10n ** BigInt(decimals));
  }

  /** Display text: half-up to `decimals` places from the exact value, trailing zeros kept. */
  toFixed(decimals = 2): string {
    const units = roundedUnits(this, decimals);
    const negative = units < 0;
    const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
    const head = digits.slice(0, digits.length - decimals);
    const tail = decimals > 0 ? "." + digits.slice(digits.length - decimals) : "";
    return (negative ? "-" : "") + head + tail;
  }

  /** Nearest double; used only at the edges (cells, JSON), never to compare scores. */
  toNumber(): number {
    if (typeof this.num === "number" && typeof this.den === "number") return this.num / this.den; // one correctly rounded division
    const scale = 10n ** 20n;
    return Number((this.n * scale) / this.d) / 1e20;
  }

  /** Rounded half-up to `decimals` places, as a double (for JSON and cells). */
  toRoundedNumber(decimals: number): number {
    return Number(this.toFixed(decimals));
  }

  toString(): string {
    return this.isInteger() ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Adds this value to a running sum without allocating while the sum stays within safe integers. */
  addTo(sum: ExactSum): void {
    const a = this.num,
      b = this.den;
    if (sum.big === null && typeof a === "number" && typeof b === "number") {
      if (b === sum.d) {
        const s = sum.n + a;
        if (Number.isSafeInteger(s)) {
          sum.n = s;
          return;
        }
      } else {
        const g = gcdSmall(sum.d, b);
        const den = (sum.d / g) * b,
          l = sum.n * (b / g),
          r = a * (sum.d / g),
          s = l + r;
        if (
          Number.isSafeInteger(den) &&
          Number.isSafeInteger(l) &&
          Number.isSafeInteger(r) &&
          Number.isSafeInteger(s)
        ) {
          sum.n = s;
          sum.d = den;
          return;
        }
      }
    }
    sum.big = sum.value().add(this);
  }

  /**
   * A double close to this value for sorting: two values whose keys differ by more than
   * SORT_KEY_SLACK (relative) are in that order for certain; closer ones are compared exactly.
   */
  sortKey(): number {
    return typeof this.num === "number" && typeof this.den === "number"
      ? this.num / this.den
      : this.toNumber();
  }
}

/**
 * Relative gap between two sortKey() doubles beyond which their order is certain: a correctly
 * rounded division is off by at most 2^-53 relative, the BigInt path by far less than 1e-15.
 */
export const SORT_KEY_SLACK = 1e-12;

/** Compares by sortKey() and, when the doubles are too close to be sure, exactly. */
export function compareBySortKey(ka: number, kb: number, a: Exact, b: Exact): number {
  const gap = ka - kb;
  if (Math.abs(gap) > SORT_KEY_SLACK * Math.max(1, Math.abs(ka), Math.abs(kb))) return gap < 0 ? -1 : 1;
  return a.cmp(b);
}

/**
 * A running sum of exact values (per-community totals over 200,000 records): numerator and
 * denominator stay unreduced plain integers while they are safe, so adding allocates nothing;
 * beyond that it continues in Exact. `value()` is the sum in lowest terms.
 */
export class ExactSum {
  n = 0;
  d = 1;
  big: Exact | null = null;

  value(): Exact {
    return this.big ?? Exact.ratio(this.n, this.d);
  }

  /** Back to 0, to add up the next values (one object for many sums). */
  clear(): void {
    this.n = 0;
    this.d = 1;
    this.big = null;
  }
}

/** Far below 2^53: a value in units plus another stays an exact integer as a double. */
export const SAFE_UNITS = 2 ** 50;

/**
 * Values as whole numbers of one common unit, their least common denominator (tenths, quarters…):
 * then comparing, adding and ranking them is plain integer arithmetic on doubles, exact while
 * every number stays within ±SAFE_UNITS. Values are given by position as a loop reads its records
 * (no second pass over the records); `units()` answers null when some value is no ratio of safe
 * integers or the unit or a value in it grows beyond SAFE_UNITS (the caller then works in Exact).
 */
export class CommonUnit {
  unit = 1;
  private ok = true;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private scaled: Float64Array | null | undefined;

  constructor(count: number) {
    this.num = new Float64Array(count);
    this.den = new Float64Array(count);
  }

  /** Value number `at` (a position not given stays 0). */
  set(at: number, value: Exact): void {
    const d = value.smallDenominator();
    if (d === 0) {
      this.ok = false;
      return;
    }
    this.num[at] = value.smallNumerator();
    this.den[at] = d;
    this.include(d);
  }

  /** A value that is not stored but must be a whole number of the unit too (a cap). */
  also(value: Exact): void {
    const d = value.smallDenominator();
    if (d === 0) this.ok = false;
    else this.include(d);
  }

  private include(d: number): void {
    if (this.unit % d === 0) return;
    this.unit = (this.unit / gcdSmall(this.unit, d)) * d;
    if (this.unit > SAFE_UNITS) this.ok = false;
  }

  /** `value` in the unit (it was given to `also` or `set`), or NaN when it is too large. */
  of(value: Exact): number {
    const v = value.timesDenominator(this.unit);
    return Math.abs(v) <= SAFE_UNITS ? v : NaN;
  }

  /** Every value set, in the unit (0 where none was set); null when that is not exact. */
  units(): Float64Array | null {
    // The numerators are scaled in place: the answer is kept, never scaled twice.
    if (this.scaled === undefined) this.scaled = this.scale();
    return this.scaled;
  }

  private scale(): Float64Array | null {
    if (!this.ok) return null;
    const { num, den, unit } = this;
    for (let i = 0; i < num.length; i++) {
      if (den[i] === 0) continue;
      // unit / den is a whole number: the product is exact whenever it is within SAFE_UNITS.
      const v = num[i] * (unit / den[i]);
      if (!(Math.abs(v) <= SAFE_UNITS)) return null;
      num[i] = v;
    }
    return num;
  }
}

/** |value| × 10^decimals rounded half away from zero, signed: a number when safe, else a bigint. */
function roundedUnits(x: Exact, decimals: number): number | bigint {
  const small = x.smallParts();
  if (small) {
    // Safe-integer path: floor((2·|n|·10^k + d) / 2d), the quotient corrected so it is exact.
    const [sn, sd] = small;
    const top = 2 * Math.abs(sn) * 10 ** decimals + sd;
    const bottom = 2 * sd;
    if (Number.isSafeInteger(top) && Number.isSafeInteger(bottom)) {
      let q = Math.floor(top / bottom);
      if (q * bottom > top) q -= 1;
      else if ((q + 1) * bottom <= top) q += 1;
      return sn < 0 ? -q : q;
    }
  }
  const n = x.n,
    d = x.d;
  const scaled = (n < 0n ? -n : n) * 10n ** BigInt(decimals);
  const units = (scaled * 2n + d) / (d * 2n); // floor(|x|·10^k + 1/2)
  const signed = n < 0n ? -units : units;
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(signed)
    : signed;
}

function gcdSmall(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function reduceSmall(n: number, d: number): Exact {
  if (d === 0) throw new RangeError("Exact: denominator is zero");
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n === 0) return Exact.ZERO;
  const g = gcdSmall(n, d);
  return make(g === 1 ? n : n / g, g === 1 ? d : d / g);
}

function reduceBig(n: bigint, d: bigint): Exact {
  if (d === 0n) throw new RangeError("Exact: denominator is zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let a = n < 0n ? -n : n,
    b = d;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  const g = a === 0n ? d : a;
  n /= g;
  d /= g;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (n <= limit && n >= -limit && d <= limit) return make(Number(n), Number(d));
  return make(n, d);
}

// The constructor is private; the reducers above are the only way in, so every value is normalized.
const make = (n: Int, d: Int): Exact => new (Exact as unknown as new (n: Int, d: Int) => Exact)(n, d);

export function sum(values: Iterable<Exact>): Exact {
  let total = Exact.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
