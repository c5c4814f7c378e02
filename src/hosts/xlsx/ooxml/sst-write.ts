import { damaged } from "./limits";
import { PartBytes } from "./part-bytes";
import type { Parts } from "./parts";
import type { SharedStringsPart } from "./shared-strings";
import { encodeXmlText, NS_MAIN } from "./xml";
import { encodingOf } from "./xml-stream";

/**
 * The shared-strings table of the generated sheets: existing plain entries reused, new ones
 * appended, the part written as it streams from the input's (issues 9 and 13 §5): the input's
 * table of a million names is never turned into one string to be patched.
 */

export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  /** Cells that refer to the table, written so far (the part's count="…" grows by these). */
  refs = 0;

  constructor(private readonly part: SharedStringsPart) {
    const { texts, formatted } = part;
    // From the end, so a text that appears twice keeps its first plain entry; formatted ones
    // (rich text, phonetic runs) are never reused for plain text.
    for (let i = texts.length - 1; i >= 0; i--)
      if (formatted.size === 0 || !formatted.has(i)) this.index.set(texts[i], i);
  }

  id(t: string): number {
    this.refs++;
    let i = this.index.get(t);
    if (i === undefined) {
      i = this.part.texts.length + this.added.length;
      this.index.set(t, i);
      this.added.push(t);
    }
    return i;
  }

  /** The new entries, `prefix` on their elements (an input written with `x:sst`), in pieces of some 64 K characters. */
  *entries(prefix: string): Iterable<string> {
    let out = "";
    for (const t of this.added) {
      const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : "";
      out += `<${prefix}si><${prefix}t${space}>${encodeXmlText(t)}</${prefix}t></${prefix}si>`;
      if (out.length > 1 << 16) {
        yield out;
        out = "";
      }
    }
    if (out) yield out;
  }
}

/** The open tag of the table (any prefix), its attributes, and whether it closes itself. */
const OPEN = /<((?:\w+:)?)sst\b([^>]*?)(\/?)>/;

/**
 * Writes the shared-strings part at `path`: the input's part `base` (when there is one) with its
 * counts brought up to date and the new entries appended before its closing tag, every other
 * byte of its text as it was; a new part when there is none. The input's part is read as it is
 * written, a piece at a time, inflated by the package's inflater.
 */
export async function writeSharedStrings(
  strings: SharedStrings,
  texts: number,
  parts: Parts,
  path: string,
  base: string | null
): Promise<void> {
  const out = new PartBytes(parts.writer(path));
  const entries = (prefix: string) => {
    for (const piece of strings.entries(prefix)) out.text(piece);
  };
  const fresh = () => {
    out.text(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${strings.refs}" uniqueCount="${strings.added.length}">`
    );
    entries("");
    out.text(`</sst>`);
  };
  if (!base) {
    fresh();
    out.end();
    return;
  }

  let first: Uint8Array[] = [];
  let firstLength = 0;
  let decoder: TextDecoder | null = null;
  // Before the open tag: the text so far. After it: the text held back (from the last closing tag on).
  let state: "head" | "body" | "tail" = "head";
  let held = "";
  let close = "";
  let prefix = "";
  const take = (text: string) => {
    if (state === "tail") return out.text(text);
    held += text;
    if (state === "head") {
      const open = OPEN.exec(held);
      if (!open) return;
      prefix = open[1];
      const count = Number(/\bcount="(\d+)"/.exec(open[2])?.[1] ?? texts);
      const attrs = open[2].replace(/\s*\b(?:count|uniqueCount)="\d*"/g, "");
      close = `</${prefix}sst>`;
      out.text(held.slice(0, open.index));
      out.text(
        `<${prefix}sst${attrs} count="${count + strings.refs}" uniqueCount="${texts + strings.added.length}">`
      );
      const rest = held.slice(open.index + open[0].length);
      held = "";
      if (open[3] === "/") {
        entries(prefix);
        out.text(close);
        state = "tail";
        return out.text(rest);
      }
      state = "body";
      held = rest;
    }
    // The entries go before the last closing tag: everything before the last one seen can go.
    const last = held.lastIndexOf(close);
    const keep = last >= 0 ? last : Math.max(0, held.length - close.length + 1);
    if (keep > 0) {
      out.text(held.slice(0, keep));
      held = held.slice(keep);
    }
  };
  const decode = (chunk: Uint8Array | null) => {
    try {
      if (!decoder) {
        if (chunk) {
          first.push(chunk);
          firstLength += chunk.length;
        }
        if (chunk && firstLength < 256) return;
        const all = new Uint8Array(firstLength);
        let at = 0;
        for (const c of first) all.set(c, (at += c.length) - c.length);
        first = [];
        decoder = new TextDecoder(encodingOf(all.subarray(0, 256)), { fatal: true });
        take(decoder.decode(all, { stream: chunk !== null }));
        if (chunk === null) return;
      } else take(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    } catch (e) {
      if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
      throw damaged(
        `部件 ${base} 含有无效的字符编码`,
        `the part ${base} holds bytes that are not valid text`
      );
    }
  };
  // Through the package's inflater (the command line's zlib): megabytes of a big workbook's table.
  if (!(await parts.streamAsync(base, (chunk) => decode(chunk)))) {
    fresh();
    out.end();
    return;
  }
  decode(null);
  // (set by `take` as the text came: the compiler cannot see it)
  const ended = state as "head" | "body" | "tail";
  if (ended === "body") {
    // No closing tag at all: before the last character, as a text splice at lastIndexOf's -1 would put them.
    const last = held.lastIndexOf(close);
    const at = last >= 0 ? last : Math.max(0, held.length - 1);
    out.text(held.slice(0, at));
    entries(prefix);
    out.text(held.slice(at));
  } else if (ended === "head") out.text(held);
  out.end();
}
