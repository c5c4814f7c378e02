import { FALLBACK, Takeover } from "./xml-stream";

/**
 * What the two scanners that read a big element in place of the XML parser share (sheet-scan.ts:
 * sheetData, sst-scan.ts: the shared-strings table): the text held from one decoded piece to the
 * next, white space, and XML's five predefined entities.
 */

export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * A text with XML's five predefined entities replaced ("A1&amp;B1", a formula). A character
 * reference, any other "&" or a "]]>" is left to the parser (FALLBACK).
 */
export function entities(text: string): string {
  if (text.indexOf("]]>") >= 0) throw FALLBACK;
  if (text.indexOf("&") < 0) return text;
  if (/&(?!(?:lt|gt|amp|quot|apos);)/.test(text)) throw FALLBACK;
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => PREDEFINED[name]);
}

/**
 * A takeover that scans its text as it comes: `buf` holds what `scan` has not read yet (from
 * `pos`) followed by the new piece, so a tag split over two pieces is read whole.
 */
export abstract class TextScan implements Takeover {
  abstract readonly element: string;
  protected buf = "";
  protected pos = 0;

  abstract begin(openTag: string): void;
  abstract end(): void;
  /** Reads `buf` from `pos`, and leaves `pos` where what it cannot read yet begins. */
  protected abstract scan(): void;

  text(piece: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + piece : piece;
    this.pos = 0;
    this.scan();
  }
}
