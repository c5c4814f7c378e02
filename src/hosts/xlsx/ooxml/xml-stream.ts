import { SaxesParser, SaxesTagPlain } from "saxes";
import { damaged, MAX_TEXT_RUN, tooLarge } from "./limits";

/**
 * A part's bytes → text → XML events, as they arrive (saxes, a streaming parser that checks
 * well-formedness: a character XML forbids, an undeclared entity or a broken tag is damage).
 * The text encoding is read as XML 1.0 Appendix F says: a UTF-16 byte-order mark or the pattern
 * of "<?" in UTF-16, else the encoding declaration, else UTF-8; bytes that are not valid in it
 * are damage, never replacement characters.
 */

export interface XmlHandlers {
  /** An element opens; `name` without its namespace prefix. */
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown by a handler to stop reading a part early (all it needed has been seen). */
export const STOP = Symbol("stop reading");

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name whatever its prefix ("r:id", "id"), the prefixed one first. */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) if (k.endsWith(`:${local}`) && !k.startsWith("xmlns")) return attrs[k];
  return attrs[local];
}

const HEAD = 256;
/** A module-level copy: read once per chunk. */
const RUN_CAP = MAX_TEXT_RUN;

export function encodingOf(head: Uint8Array): string {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return "utf-16le";
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return "utf-16be";
  let ascii = "";
  for (let i = 0; i < head.length && head[i] < 0x80; i++) ascii += String.fromCharCode(head[i]);
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    ascii
  )?.[1];
  // A UTF-16 declaration on bytes that are plainly ASCII-compatible is wrong about itself: read UTF-8.
  if (!declared || /^utf-?16/i.test(declared)) return "utf-8";
  return declared.toLowerCase();
}

export class XmlStream {
  private readonly parser: SaxesParser;
  private decoder: TextDecoder | null = null;
  private head: Uint8Array[] = [];
  /** Characters since the last "<" (MAX_TEXT_RUN). */
  private run = 0;
  private headLength = 0;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers
  ) {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
    if (handlers.text) parser.on("text", handlers.text.bind(handlers));
    if (handlers.close) {
      const close = handlers.close.bind(handlers);
      parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
    }
    parser.on("error", (e: Error) => {
      throw damaged(`部件 ${part} 不是有效的 XML`, `the part ${part} is not valid XML: ${e.message}`);
    });
    this.parser = parser;
  }

  push(bytes: Uint8Array): void {
    if (!this.decoder) {
      this.head.push(bytes);
      this.headLength += bytes.length;
      if (this.headLength < HEAD) return;
      this.start();
      return;
    }
    this.feed(bytes, true);
  }

  end(): void {
    if (!this.decoder) this.start();
    this.feed(new Uint8Array(0), false);
    this.parser.close();
  }

  private start(): void {
    const head = new Uint8Array(this.headLength);
    let at = 0;
    for (const h of this.head) head.set(h, (at += h.length) - h.length);
    this.head = [];
    const encoding = encodingOf(head.subarray(0, HEAD));
    try {
      this.decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw damaged(
        `部件 ${this.part} 的编码 ${encoding} 无法识别`,
        `the part ${this.part} has an unknown encoding ${encoding}`
      );
    }
    this.feed(head, true);
  }

  private feed(bytes: Uint8Array, stream: boolean): void {
    let text: string;
    try {
      text = (this.decoder as TextDecoder).decode(bytes, { stream });
    } catch {
      throw damaged(
        `部件 ${this.part} 含有无效的字符编码`,
        `the part ${this.part} holds bytes that are not valid text`
      );
    }
    if (text.length === 0) return;
    // Most chunks cannot hold a run past the cap at all: only their last "<" matters.
    if (this.run + text.length <= RUN_CAP) {
      const lt = text.lastIndexOf("<");
      this.run = lt < 0 ? this.run + text.length : text.length - lt - 1;
      this.parser.write(text);
      return;
    }
    let run = this.run;
    let longest = 0;
    for (let from = 0; ;) {
      const lt = text.indexOf("<", from);
      if (lt < 0) {
        run += text.length - from;
        break;
      }
      longest = Math.max(longest, run + lt - from);
      run = 0;
      from = lt + 1;
    }
    this.run = run;
    if (Math.max(longest, run) > MAX_TEXT_RUN)
      throw tooLarge(
        `部件 ${this.part} 中有一段超过 ${MAX_TEXT_RUN} 个字符的文字`,
        `the part ${this.part} holds a run of more than ${MAX_TEXT_RUN} characters`
      );
    this.parser.write(text);
  }
}
