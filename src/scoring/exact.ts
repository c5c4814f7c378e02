/**
 * Exact scores. Points in the seed are decimals (0.2, 0.5) and joint articles are split among any
 * number of communities (0.2 / 3), so binary floating point would make 80.4 + 0.2 + 0.2 + 0.2
 * differ from 81 and break ties. Every score is therefore an exact rational number: a BigInt
 * numerator over a positive BigInt denominator, always in lowest terms, so equal values have
 * equal representations and comparisons are exact whatever the order of addition.
 *
 * This is the one place where precision is handled: rounding for display (half-up) and the
 * conversion from spreadsheet numbers live here and nowhere else.
 */
export class Exact {
  /** Numerator, carries the sign. */
  readonly n: bigint;
  /** Denominator, always > 0, coprime with n. */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  static readonly ZERO = new Exact(0n, 1n);
  static readonly ONE = new Exact(1n, 1n);

  static ratio(numerator: bigint | number, denominator: bigint | number = 1n): Exact {
    let n = BigInt(numerator);
    let d = BigInt(denominator);
    if (d === 0n) throw new RangeError("Exact: denominator is zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g === 1n ? new Exact(n, d) : new Exact(n / g, d / g);
  }

  static int(value: number | bigint): Exact {
    return new Exact(BigInt(value), 1n);
  }

  /**
   * The decimal a spreadsheet cell shows, taken exactly: 0.2 is 1/5, not the binary double
   * 0.200000000000000011…. JavaScript's shortest round-trip text of the double is the decimal
   * the user typed (for up to 15 significant digits), so it is parsed as decimal text.
   */
  static fromNumber(value: number): Exact {
    if (!Number.isFinite(value)) throw new RangeError(`Exact: not a finite number: ${value}`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return new Exact(BigInt(value), 1n);
    const parsed = Exact.parseDecimal(String(value));
    if (!parsed) throw new RangeError(`Exact: cannot read ${value}`);
    return parsed;
  }

  /** Plain decimal text with optional sign, fraction and exponent ("85.5", "-1e-3"); null otherwise. */
  static parseDecimal(text: string): Exact | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
    const sign = m[1] === "-" ? -1n : 1n;
    const whole = m[2] || "0";
    const frac = m[3] ?? "";
    const exp = m[4] ? Number(m[4]) : 0;
    if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
    let n = BigInt(whole + frac) * sign;
    let d = 10n ** BigInt(frac.length);
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return Exact.ratio(n, d);
  }

  add(o: Exact): Exact {
    if (this.d === o.d) return Exact.ratio(this.n + o.n, this.d);
    return Exact.ratio(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Exact): Exact {
    return this.add(o.neg());
  }

  neg(): Exact {
    return new Exact(-this.n, this.d);
  }

  mul(o: Exact): Exact {
    return Exact.ratio(this.n * o.n, this.d * o.d);
  }

  div(o: Exact): Exact {
    if (o.n === 0n) throw new RangeError("Exact: division by zero");
    return Exact.ratio(this.n * o.d, this.d * o.n);
  }

  /** -1, 0 or 1. */
  cmp(o: Exact): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Exact): boolean {
    return this.n === o.n && this.d === o.d;
  }

  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }

  gt(o: Exact): boolean {
    return this.cmp(o) > 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isNegative(): boolean {
    return this.n < 0n;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }

  max(o: Exact): Exact {
    return this.cmp(o) >= 0 ? this : o;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  /** Rounded half away from zero to `decimals` places, as an exact value. */
  roundHalfUp(decimals: number): Exact {
    const scale = 10n ** BigInt(decimals);
    const scaled = this.mul(Exact.int(scale));
    const abs = scaled.n < 0n ? scaled.neg() : scaled;
    const twice = (abs.n * 2n + abs.d) / (abs.d * 2n); // floor(abs + 1/2)
    return Exact.ratio(scaled.n < 0n ? -twice : twice, scale);
  }

  /** Display text: half-up to `decimals` places from the exact value, trailing zeros kept. */
  toFixed(decimals = 2): string {
    const r = this.roundHalfUp(decimals);
    const scale = 10n ** BigInt(decimals);
    const units = (r.n * scale) / r.d;
    const neg = units < 0n;
    const digits = (neg ? -units : units).toString().padStart(decimals + 1, "0");
    const head = digits.slice(0, digits.length - decimals);
    const tail = decimals > 0 ? "." + digits.slice(digits.length - decimals) : "";
    return (neg ? "-" : "") + head + tail;
  }

  /** Nearest double; used only at the edges (cells, JSON), never to compare scores. */
  toNumber(): number {
    if (this.d === 1n) return Number(this.n);
    // Dividing two bigints loses nothing before the final rounding when done on scaled integers.
    const scale = 10n ** 20n;
    return Number((this.n * scale) / this.d) / 1e20;
  }

  /** Rounded half-up to `decimals` places, as a double (for JSON and cells). */
  toRoundedNumber(decimals: number): number {
    return Number(this.toFixed(decimals));
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}

export function sum(values: Iterable<Exact>): Exact {
  let total = Exact.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
