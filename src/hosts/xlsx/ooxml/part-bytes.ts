import type { PartWriter } from "./parts";

/**
 * A part's bytes as they are made, handed to the part's deflater a piece at a time (issues 9 and
 * 13 §5): a big part is never held whole, as text or as bytes. ASCII pieces (tags, references,
 * numbers) are written byte by byte, without a string in between; other text as UTF-8.
 */

/** Bytes handed to the deflater at a time (what the deflater compresses as one piece). */
export const PIECE = 1 << 20;

/** The bytes of ASCII text. */
export const CODE = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** The bytes of a part in one buffer, handed on (never reused) whenever it holds a piece. */
export class PartBytes {
  private static readonly encoder = new TextEncoder();
  buf = new Uint8Array(PIECE + 4096);
  at = 0;

  constructor(private readonly out: PartWriter) {}

  /** Room for `n` more bytes: a full buffer is handed on first. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  /** Null when the deflater takes more now; else when it will (see PartWriter.room). */
  drained(): Promise<void> | null {
    return this.out.room();
  }

  /** A piece is ready to go. */
  full(): boolean {
    return this.at >= PIECE;
  }

  flush(): void {
    if (this.at === 0) return;
    this.out.push(this.buf.subarray(0, this.at));
    this.buf = new Uint8Array(Math.max(PIECE + 4096, this.buf.length));
    this.at = 0;
  }

  /** Any text, as UTF-8 (a long one in slices, never split inside a surrogate pair). */
  text(s: string): void {
    const slice = PIECE / 4;
    for (let from = 0; from < s.length;) {
      let to = Math.min(s.length, from + slice);
      const last = s.charCodeAt(to - 1);
      if (to < s.length && last >= 0xd800 && last <= 0xdbff) to--;
      const part = from === 0 && to === s.length ? s : s.slice(from, to);
      this.room(part.length * 3);
      this.at += PartBytes.encoder.encodeInto(part, this.buf.subarray(this.at)).written;
      if (this.at >= PIECE) this.flush();
      from = to;
    }
  }

  /** Fixed ASCII bytes; the caller made room. */
  code(bytes: Uint8Array): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i];
    this.at = at;
  }

  /** An ASCII string (a number as JavaScript writes it); the caller made room. */
  ascii(s: string): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A whole number ≥ 0 below 2^53 in decimal digits; the caller made room. */
  digits(n: number): void {
    const buf = this.buf;
    if (n < 10) {
      buf[this.at++] = 48 + n;
      return;
    }
    if (n > 0x7fffffff) {
      this.ascii(String(n));
      return;
    }
    let at =
      this.at +
      (n < 100
        ? 2
        : n < 1000
          ? 3
          : n < 10000
            ? 4
            : n < 100000
              ? 5
              : n < 1000000
                ? 6
                : n < 10000000
                  ? 7
                  : n < 100000000
                    ? 8
                    : n < 1000000000
                      ? 9
                      : 10);
    this.at = at;
    let x = n;
    while (x >= 10) {
      const q = (x / 10) | 0;
      buf[--at] = 48 + x - q * 10;
      x = q;
    }
    buf[--at] = 48 + x;
  }

  /**
   * A number as `${v}` writes it. Whole numbers and those of two decimals (scores, money) are
   * written from their digits: for |v| < 10^13 the shortest text that reads back as v is
   * exactly those digits, so the bytes are JavaScript's. Others go through String.
   */
  number(v: number): void {
    if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
      this.digits(v);
      return;
    }
    const hundredths = Math.round(v * 100);
    if (hundredths / 100 === v && Math.abs(hundredths) < 1e15 && !Object.is(v, -0)) {
      const buf = this.buf;
      let k = hundredths;
      if (k < 0) {
        buf[this.at++] = 45; // "-"
        k = -k;
      }
      const whole = Math.floor(k / 100);
      const cents = k - whole * 100;
      this.digits(whole);
      if (cents !== 0) {
        buf[this.at++] = 46; // "."
        buf[this.at++] = 48 + Math.floor(cents / 10);
        if (cents % 10 !== 0) buf[this.at++] = 48 + (cents % 10);
      }
      return;
    }
    this.ascii(String(v));
  }

  /** Hands on what is left, and ends the part. */
  end(): void {
    this.flush();
    this.out.end();
  }
}
