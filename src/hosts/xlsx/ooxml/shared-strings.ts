import type { XlsxPackage } from "./package";
import { parseRels, REL_SHARED_STRINGS, relsPathOf, resolveTarget, text } from "./package";
import { encodeXmlText, NS_MAIN, runsText } from "./xml";

/** The shared-strings part: its table read, and new entries appended for generated sheets (existing ones untouched). */

export interface SharedStringsPart {
  /** Zip path of the part, when the workbook has one. */
  path: string | null;
  xml: string | null;
  texts: string[];
  /** Index of each plain (unformatted) entry, for reuse by generated sheets. */
  plain: Map<string, number>;
}

export async function readSharedStrings(pkg: XlsxPackage): Promise<SharedStringsPart> {
  const rels = parseRels((await text(pkg.zip, relsPathOf(pkg.workbookPath))) ?? "");
  const rel = rels.find((r) => r.type === REL_SHARED_STRINGS);
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : null;
  return readSharedStringsFrom(path, path ? await text(pkg.zip, path) : null);
}

function readSharedStringsFrom(path: string | null, xml: string | null): SharedStringsPart {
  const texts: string[] = [];
  const plain = new Map<string, number>();
  if (xml) {
    const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const t = m[1] === undefined ? "" : runsText(m[1]);
      if (m[1] !== undefined && /^<(?:\w+:)?t\b[^>]*>[^<]*<\/(?:\w+:)?t>$/.test(m[1]) && !plain.has(t))
        plain.set(t, texts.length);
      texts.push(t);
    }
  }
  return { path, xml, texts, plain };
}

/** Strings of the generated sheets, shared: existing plain entries reused, new ones appended. */
export class SharedStrings {
  private readonly index: Map<string, number>;
  readonly added: string[] = [];
  refs = 0;
  constructor(private readonly part: SharedStringsPart) {
    this.index = new Map(part.plain);
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
  xml(): string {
    const entries = this.added
      .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ""}>${encodeXmlText(t)}</t></si>`)
      .join("");
    const base = this.part.xml;
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
