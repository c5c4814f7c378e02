import type { XlsxPackage } from "./package";
import { REL_SHARED_STRINGS, workbookPart } from "./package";
import { encodeXmlText, NS_MAIN, unescapeOoxml } from "./xml";
import type { XmlHandlers } from "./xml-stream";

/** The shared-strings part: its table read, and new entries appended for generated sheets (existing ones untouched). */

export interface SharedStringsPart {
  /** Zip path of the part, when the workbook has one. */
  path: string | null;
  texts: string[];
  /**
   * Indexes of the formatted entries (rich text, phonetic runs): every other entry is plain and
   * may be reused by generated sheets. A set of the few, not a map of the many: a table of a
   * million names costs no second copy while it is only read.
   */
  formatted: Set<number>;
}

/** The table, streamed: each <si>'s <t> texts joined, phonetic runs (<rPh>) left out. */
export function readSharedStrings(pkg: XlsxPackage): SharedStringsPart {
  const path = workbookPart(pkg, REL_SHARED_STRINGS);
  const { part, handlers } = tableReader(path);
  if (path) pkg.parts.xml(path, handlers);
  return part;
}

/** `readSharedStrings` with the part inflated by the package's inflater (it may be tens of megabytes). */
export async function readSharedStringsAsync(pkg: XlsxPackage): Promise<SharedStringsPart> {
  const path = workbookPart(pkg, REL_SHARED_STRINGS);
  const { part, handlers } = tableReader(path);
  if (path) await pkg.parts.xmlAsync(path, handlers);
  return part;
}

function tableReader(path: string | null): { part: SharedStringsPart; handlers: XmlHandlers } {
  const texts: string[] = [];
  const formatted = new Set<number>();
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  // An entry is plain when its only element is one <t>.
  let elements = 0;
  let onlyT = true;
  const handlers: XmlHandlers = {
    open(name) {
      if (name === "si") {
        text = "";
        elements = 0;
        onlyT = true;
        return;
      }
      if (text === null) return;
      elements++;
      if (name !== "t") onlyT = false;
      if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT) text += t;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && text !== null) {
        const t = unescapeOoxml(text);
        if (elements !== 1 || !onlyT) formatted.add(texts.length);
        texts.push(t);
        text = null;
      }
    },
  };
  return { part: { path, texts, formatted }, handlers };
}

/** Strings of the generated sheets, shared: existing plain entries reused, new ones appended. */
export class SharedStrings {
  private readonly index: Map<string, number>;
  readonly added: string[] = [];
  refs = 0;
  constructor(private readonly part: SharedStringsPart) {
    this.index = new Map();
    part.texts.forEach((t, i) => part.formatted.has(i) || this.index.has(t) || this.index.set(t, i));
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

  /** The shared-strings part with the new entries appended (existing entries untouched). */
  xml(base: string | null): string {
    const entries = this.added
      .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ""}>${encodeXmlText(t)}</t></si>`)
      .join("");
    if (!base)
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.added.length}">${entries}</sst>`;
    const open = /<((?:\w+:)?)sst\b([^>]*?)(\/?)>/.exec(base);
    if (!open) return base;
    const prefix = open[1];
    const count = Number(/\bcount="(\d+)"/.exec(open[2])?.[1] ?? this.part.texts.length);
    const attrs = open[2].replace(/\s*\b(?:count|uniqueCount)="\d*"/g, "");
    const head = `<${prefix}sst${attrs} count="${count + this.refs}" uniqueCount="${this.part.texts.length + this.added.length}">`;
    const withEntries = entries.replace(/<(\/?)(si|t)\b/g, `<$1${prefix}$2`);
    if (open[3] === "/") return base.replace(open[0], `${head}${withEntries}</${prefix}sst>`);
    const close = base.lastIndexOf(`</${prefix}sst>`);
    return (
      base.slice(0, open.index) +
      head +
      base.slice(open.index + open[0].length, close) +
      withEntries +
      base.slice(close)
    );
  }
}
