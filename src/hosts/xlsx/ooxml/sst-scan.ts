import { entities, isSpace, TextScan } from "./text-scan";
import { FALLBACK } from "./xml-stream";

/**
 * The shared-strings table's entries read by a scanner made for them, in place of the XML parser
 * (saxes), which still reads and checks everything up to and including the <sst> open tag.
 *
 * Why: a big workbook's table is megabytes of `<si><t>…</t></si>` (4.8 MB, 163,000 entries in
 * the bench's 2,000 communities), and saxes goes through it character by character with an
 * event per tag; `rank --out` read it in ≈ 0.2 s of its ≈ 0.8 s read. Here each plain entry is
 * one match of a regular expression.
 *
 * It is strict and small: it reads only entries of one plain <t> (`xml:space="preserve"` allowed)
 * with texts holding none but the five predefined entities, white space (space, tab, line feed)
 * between entries, then </sst> and nothing but that white space after it. Anything else — rich
 * text runs, phonetic runs, an empty <si/>, a character reference, CDATA, a comment, a carriage
 * return, a prefix such as x:sst, a character XML forbids — is not guessed at: it throws FALLBACK
 * and the part is read again from its start by saxes alone (shared-strings.ts), which gives the
 * answer it always gave (the table, or damage in one line). So the scanner can make a read
 * faster, never different; test/xlsx/sst-scan.test.ts reads crafted tables both ways.
 */

/**
 * One plain entry, whole: its text without "<", carriage returns or characters XML forbids
 * ("&" and "]" are looked at after the match).
 */
const ENTRY =
  // eslint-disable-next-line no-control-regex -- a text with a character XML forbids is the parser's
  /<si><t(?: xml:space="preserve")?>([^<\x00-\x08\x0B\x0C\x0E-\x1F\r\uFFFE\uFFFF]*)<\/t><\/si>/y;

/** Between entries; after </sst> (only white space may follow). */
const BODY = 0;
const AFTER = 1;

export class SstScan extends TextScan {
  readonly element = "sst";
  private state = BODY;

  /** `entry` takes each entry's text as XML gives it (entities replaced, OOXML's _xHHHH_ left as written). */
  constructor(private readonly entry: (text: string) => void) {
    super();
  }

  begin(openTag: string): void {
    if (openTag !== "sst") throw FALLBACK;
  }

  end(): void {
    // The part ended before </sst>, or inside an entry: the parser says what is wrong.
    if (this.state !== AFTER || this.pos < this.buf.length) throw FALLBACK;
  }

  protected scan(): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    while (pos < n) {
      const c = buf.charCodeAt(pos);
      if (isSpace(c)) {
        pos++;
        continue;
      }
      if (this.state === AFTER || c !== 60) throw FALLBACK;
      ENTRY.lastIndex = pos;
      const m = ENTRY.exec(buf);
      if (m !== null) {
        this.entry(entities(m[1]));
        pos = ENTRY.lastIndex;
        continue;
      }
      // Not a whole plain entry here: the end of the table, an entry still coming, or something else.
      if (buf.startsWith("</sst", pos)) {
        let i = pos + 5;
        while (i < n && isSpace(buf.charCodeAt(i))) i++;
        if (i === n) break;
        if (buf.charCodeAt(i) !== 62) throw FALLBACK;
        this.state = AFTER;
        pos = i + 1;
        continue;
      }
      if (n - pos < 6 && "</sst>".startsWith(buf.slice(pos))) break;
      // An entry split over two pieces ends further on; one that has ended and did not match is not plain.
      if (buf.indexOf("</si>", pos) < 0 && buf.startsWith("<si>".slice(0, Math.min(4, n - pos)), pos)) break;
      throw FALLBACK;
    }
    this.pos = pos;
  }
}
