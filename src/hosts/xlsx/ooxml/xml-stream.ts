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

/**
 * Thrown by a handler to stop parsing a part early (all it needed has been seen). Parts.xml and
 * xmlAsync still inflate the rest, unparsed, so the part is checked whole (size, CRC-32).
 */
export const STOP = Symbol("stop reading");

/** Thrown by a takeover that met what it does not read: the part is read again by the parser alone. */
export const FALLBACK = Symbol("read again by the parser");

/**
 * A reader of one element's content in place of the XML parser (read.ts: sheetData, the bulk of
 * a sheet): the parser reads and checks everything up to and including the element's open tag;
 * the text after it goes to `text`, piece by piece as decoded.
 */
export interface Takeover {
  /** Local name of the element (its open tag is the parser's). */
  element: string;
  /** The element's open tag has been read; `name` as written (with its prefix). */
  begin(name: string): void;
  text(text: string): void;
  /** The part has ended. */
  end(): void;
}

/** Index of the ">" that ends the tag whose attributes start at `from` (quoted values skipped); -1 when not in `text`. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = text.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

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
  /** Text held back from the parser until the takeover's open tag is whole (a tag split over two pieces). */
  private carry = "";
  /** The takeover's open tag was read: the text goes to it now. */
  private taken = false;
  private opened = false;
  private readonly marker: RegExp | null = null;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
    private readonly takeover?: Takeover
  ) {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    const element = takeover?.element;
    if (element) this.marker = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}(?=[\\s/>])`, "g");
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === element) this.opened = true;
      handlers.open(name, tag.attributes);
    });
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
    if (this.taken) return (this.takeover as Takeover).end();
    if (this.carry) this.parser.write(this.carry);
    this.parser.close();
  }

  /** Decoded text to the parser, or — once the takeover's element has opened — to the takeover. */
  private route(text: string): void {
    if (this.taken) return (this.takeover as Takeover).text(text);
    const marker = this.marker;
    if (!marker) return void this.parser.write(text);
    if (this.carry) ((text = this.carry + text), (this.carry = ""));
    for (let from = 0; ;) {
      marker.lastIndex = from;
      const m = marker.exec(text);
      // No whole open tag here: the parser reads up to the last "<", the rest waits for more text.
      const lt = m ? m.index : text.lastIndexOf("<");
      const end = m ? tagEnd(text, m.index + m[0].length) : -1;
      if (end < 0) {
        const cut = lt >= from ? lt : text.length;
        this.parser.write(text.slice(from, cut));
        this.carry = text.slice(cut);
        return;
      }
      this.parser.write(text.slice(from, end + 1));
      from = end + 1;
      // A match the parser did not open (in a comment, say) is only text: look further.
      if (this.opened) {
        this.taken = true;
        const takeover = this.takeover as Takeover;
        takeover.begin((m as RegExpExecArray)[0].slice(1));
        return takeover.text(text.slice(from));
      }
    }
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
      this.route(text);
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
    this.route(text);
  }
}
