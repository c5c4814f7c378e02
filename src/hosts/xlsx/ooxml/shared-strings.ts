import type { XlsxPackage } from "./package";
import { REL_SHARED_STRINGS, workbookPart } from "./package";
import { SstScan } from "./sst-scan";
import { unescapeOoxml } from "./xml";
import { FALLBACK, XmlHandlers } from "./xml-stream";

/** The shared-strings part: its table read (sst-write.ts appends the generated sheets' entries). */

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

/**
 * `readSharedStrings` with the part inflated by the package's inflater (it may be tens of
 * megabytes): the entries through the scanner of sst-scan.ts, or — when it falls back, or
 * `scan` is false (tests) — the part again through saxes alone.
 */
export async function readSharedStringsAsync(pkg: XlsxPackage, scan = true): Promise<SharedStringsPart> {
  const path = workbookPart(pkg, REL_SHARED_STRINGS);
  if (path && scan) {
    const { part, handlers } = tableReader(path);
    const texts = part.texts;
    try {
      await pkg.parts.xmlAsync(path, handlers, new SstScan((t) => texts.push(unescapeOoxml(t))));
      return part;
    } catch (e) {
      if (e !== FALLBACK) throw e;
    }
  }
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
