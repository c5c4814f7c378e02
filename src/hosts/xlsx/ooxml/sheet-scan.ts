import { entities, isSpace, TextScan } from "./text-scan";
import { FALLBACK } from "./xml-stream";

/**
 * A sheet's <sheetData> read by a scanner made for it, in place of the XML parser (saxes), which
 * still reads and checks everything before it and every other part.
 *
 * Why: sheetData is nearly all of a big workbook (51 MB of the bench's 2,000 communities, 130 MB
 * for a million staff rows), and saxes goes through it character by character with an event and
 * an attribute object per tag (a CPU profile of `rank --out` put it at 26 % of the run). Measured
 * on the bench workbook's sheets (inflate, decode and read every tag, no grid built; CPU time on
 * a busy 2-core machine): saxes 2.3–3.5 s, this scanner 0.7 s. The common cell and row are each
 * one match of a regular expression; anything else is read tag by tag with indexOf and charCodeAt.
 *
 * It is strict and small: it reads only the shape spreadsheet writers give sheetData — rows of
 * cells, each with <v>, <f> and a plain inline string (<is><t>…</t></is>); attribute values
 * without entity references, texts with none but the five XML predefines (&amp; in a formula);
 * no carriage returns, comments, CDATA or processing instructions. Anything else — well-formed or not — is not guessed at: it throws FALLBACK and
 * the part is read again from its start by saxes alone (parts.ts), which gives the answer it
 * always gave (a grid, or damage in one line). So the scanner can make a read faster, never
 * different. What the cells mean (rows in order, addresses, caps, shared strings) is read.ts's
 * SheetReader either way: the scanner only calls it.
 */

/** What the scanner tells the sheet reader, in document order (read.ts). */
export interface CellSink {
  /** Whether the reader stands between rows (where a takeover must begin). */
  betweenRows(): boolean;
  row(r: string | undefined): void;
  cell(r: string | undefined, t: string | undefined, s: string | undefined): void;
  /** A <v>'s text (the whole of it). */
  value(text: string): void;
  /** An <f>'s text. */
  formula(text: string): void;
  /** An <is> opens (the cell's inline string starts empty). */
  inline(): void;
  /** A <t>'s text within <is>. */
  inlineText(text: string): void;
  endCell(): void;
  endRow(): void;
  /** </sheetData>: throws STOP. */
  endData(): void;
}

// The states, each also naming the element that opens it (<row>: ROW, <c>: CELL, <v>: V…).
const OUT = 0; // in sheetData, between rows
const ROW = 1; // in a row, between cells
const CELL = 2; // in a cell
const V = 3; // in <v>
const F = 4; // in <f>
const IS = 5; // in <is>
const T = 6; // in <t> within <is>

/**
 * Whether a text may be taken as it is: no character XML forbids or normalizes (controls, CR,
 * U+FFFE, U+FFFF: the parser's), no "&" or "]" (entities(): a predefined entity is replaced).
 */
function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 9 && c !== 10) throw FALLBACK;
    } else if (c === 38 || c === 93) return false;
    else if (c >= 0xfffe && c <= 0xffff) throw FALLBACK;
  }
  return true;
}

/** ASCII name characters: letters, digits, "_", ":", ".", "-". */
const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;

/** Whether `buf` holds the same `len` characters at `a` and at `b`. */
function same(buf: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (buf.charCodeAt(a + i) !== buf.charCodeAt(b + i)) return false;
  return true;
}

/**
 * A cell as spreadsheet writers write nearly all of them, read in one match of the regular
 * expression engine: the address, a style, a type, a <v> without "<", "&" or "]". Any other
 * cell (more attributes, another order, white space, <f>, <is>) is read tag by tag below.
 */
const WHOLE_CELL =
  // eslint-disable-next-line no-control-regex -- a value with a character XML forbids is the parser's
  /<c r="([A-Z]{1,3}\d{1,7})"(?: s="(\d{1,5})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>([^<&\]\x00-\x08\x0B\x0C\x0E-\x1F\r\uFFFE\uFFFF]*)<\/v>)?<\/c>)/y;

/**
 * A row's open tag with the attributes writers give it, each at most once and in this order
 * (attribute values of digits, ":" and "."); any other is read tag by tag below.
 */
const WHOLE_ROW =
  /<row r="(\d{1,7})"(?: spans="[\d:]{0,13}")?(?: s="\d{1,5}")?(?: customFormat="[01]")?(?: ht="[\d.]{1,12}")?(?: customHeight="[01]")?(?: x14ac:dyDescent="[\d.]{1,12}")?(\/?)>/y;

/** Returned by the tag readers when the tag runs past the text at hand: wait for the next piece. */
const MORE = -1;

export class SheetScan extends TextScan {
  readonly element = "sheetData";
  private state = OUT;
  /**
   * The prefix of sheetData's name ("x:" in <x:sheetData>, usually ""): the elements within are
   * read when they carry the same one, and their end tags are these names.
   */
  private prefix = "";
  private dataEnd = "";
  private rowEnd = "";
  private cellEnd = "";
  private vEnd = "";
  private fEnd = "";
  private isEnd = "";
  private tEnd = "";
  // The open tag just read: which element (as the state it opens: ROW, CELL, V, F, IS, T), whether it closed itself, its r, t, s attributes.
  private local = 0;
  private selfClosing = false;
  private r: string | undefined;
  private t: string | undefined;
  private s: string | undefined;
  /** Start and end offsets of the tag's attribute names, to refuse one written twice. */
  private readonly attrs = new Int32Array(64);

  constructor(private readonly sink: CellSink) {
    super();
  }

  begin(openTag: string): void {
    if (!this.sink.betweenRows()) throw FALLBACK;
    const colon = openTag.indexOf(":");
    const p = (this.prefix = colon < 0 ? "" : openTag.slice(0, colon + 1));
    this.dataEnd = `/${openTag}`;
    this.rowEnd = `/${p}row`;
    this.cellEnd = `/${p}c`;
    this.vEnd = `/${p}v`;
    this.fEnd = `/${p}f`;
    this.isEnd = `/${p}is`;
    this.tEnd = `/${p}t`;
  }

  end(): void {
    // The part ended inside sheetData (</sheetData> throws STOP): the parser says what is wrong.
    throw FALLBACK;
  }

  protected scan(): void {
    const buf = this.buf;
    const n = buf.length;
    const sink = this.sink;
    let pos = this.pos;
    while (pos < n) {
      const state = this.state;
      if (state === V || state === F || state === T) {
        const lt = buf.indexOf("<", pos);
        if (lt < 0) break;
        const end = this.endTag(buf, lt, state === V ? this.vEnd : state === F ? this.fEnd : this.tEnd);
        if (end === MORE) break;
        let text = buf.slice(pos, lt);
        if (!plainText(text)) text = entities(text);
        if (state === V) sink.value(text);
        else if (state === F) sink.formula(text);
        else sink.inlineText(text);
        this.state = state === T ? IS : CELL;
        pos = end;
        continue;
      }
      let lt = pos;
      while (lt < n && isSpace(buf.charCodeAt(lt))) lt++;
      if (lt === n) {
        pos = n;
        break;
      }
      if (buf.charCodeAt(lt) !== 60) throw FALLBACK; // text between elements
      if (lt + 1 === n) {
        pos = lt;
        break;
      }
      if (buf.charCodeAt(lt + 1) === 47) {
        const end = this.endTag(
          buf,
          lt,
          state === OUT
            ? this.dataEnd
            : state === ROW
              ? this.rowEnd
              : state === CELL
                ? this.cellEnd
                : this.isEnd
        );
        if (end === MORE) {
          pos = lt;
          break;
        }
        pos = end;
        if (state === OUT) sink.endData();
        else if (state === ROW) ((this.state = OUT), sink.endRow());
        else if (state === CELL) ((this.state = ROW), sink.endCell());
        else this.state = CELL;
        continue;
      }
      if (state === ROW && this.prefix === "") {
        // The common cell, whole, in one match: <c r="B2" s="1" t="s"><v>7</v></c>.
        WHOLE_CELL.lastIndex = lt;
        const m = WHOLE_CELL.exec(buf);
        if (m !== null) {
          sink.cell(m[1], m[3], m[2]);
          if (m[4] !== undefined) sink.value(m[4]);
          sink.endCell();
          pos = WHOLE_CELL.lastIndex;
          continue;
        }
      }
      if (state === OUT && this.prefix === "") {
        // A row as Excel, ExcelJS and LibreOffice write it: its number and known attributes, in their order.
        WHOLE_ROW.lastIndex = lt;
        const m = WHOLE_ROW.exec(buf);
        if (m !== null) {
          sink.row(m[1]);
          pos = WHOLE_ROW.lastIndex;
          if (m[2] === "/") sink.endRow();
          else this.state = ROW;
          continue;
        }
      }
      const end = this.openTag(buf, lt);
      if (end === MORE) {
        pos = lt;
        break;
      }
      pos = end;
      const local = this.local;
      const self = this.selfClosing;
      if (state === ROW && local === CELL) {
        sink.cell(this.r, this.t, this.s);
        if (self) sink.endCell();
        else this.state = CELL;
      } else if (state === CELL && local === V) {
        if (self) sink.value("");
        else this.state = V;
      } else if (state === CELL && local === F) {
        if (self) sink.formula("");
        else this.state = F;
      } else if (state === OUT && local === ROW) {
        sink.row(this.r);
        if (self) sink.endRow();
        else this.state = ROW;
      } else if (state === CELL && local === IS) {
        sink.inline();
        if (!self) this.state = IS;
      } else if (state === IS && local === T) {
        if (!self) this.state = T;
      } else throw FALLBACK;
    }
    this.pos = pos;
  }

  /** The end tag `<${end}>` at `lt` (`end` is "/name"): the index after it, MORE, or FALLBACK when it is another. */
  private endTag(buf: string, lt: number, end: string): number {
    let i = lt + 1 + end.length;
    if (i > buf.length) return MORE;
    if (!buf.startsWith(end, lt + 1)) throw FALLBACK;
    while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
    if (i === buf.length) return MORE;
    if (buf.charCodeAt(i) !== 62) throw FALLBACK;
    return i + 1;
  }

  /** Which element the name at [from, to) is (the state it opens): sheetData's prefix, then row, c, v, f, is or t. */
  private localOf(buf: string, from: number, to: number): number {
    const p = this.prefix;
    if (p !== "") {
      if (!buf.startsWith(p, from)) throw FALLBACK;
      from += p.length;
    }
    const len = to - from;
    const a = buf.charCodeAt(from);
    if (len === 1) {
      if (a === 99) return CELL;
      if (a === 118) return V;
      if (a === 102) return F;
      if (a === 116) return T;
    } else if (len === 3) {
      if (a === 114 && buf.charCodeAt(from + 1) === 111 && buf.charCodeAt(from + 2) === 119) return ROW;
    } else if (len === 2 && a === 105 && buf.charCodeAt(from + 1) === 115) return IS;
    throw FALLBACK;
  }

  /** The open tag at `lt`: its element and r, t, s attributes kept; the index after it, or MORE. */
  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    const c0 = buf.charCodeAt(i);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) throw FALLBACK;
    while (i < n && isNameChar(buf.charCodeAt(i))) i++;
    if (i === n) return MORE;
    const nameEnd = i;
    this.r = this.t = this.s = undefined;
    const attrs = this.attrs;
    let count = 0;
    for (;;) {
      const before = i;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i === n) return MORE;
      let c = buf.charCodeAt(i);
      if (c === 62 || c === 47) {
        if (c === 47) {
          if (i + 1 === n) return MORE;
          if (buf.charCodeAt(i + 1) !== 62) throw FALLBACK;
        }
        this.local = this.localOf(buf, lt + 1, nameEnd);
        this.selfClosing = c === 47;
        return c === 47 ? i + 2 : i + 1;
      }
      // An attribute: after white space, a name, "=", a quoted value without "<", "&" or line breaks.
      if (i === before || count === attrs.length) throw FALLBACK;
      const at = i;
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) throw FALLBACK;
      while (i < n && isNameChar(buf.charCodeAt(i))) i++;
      const atEnd = i;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i === n) return MORE;
      if (buf.charCodeAt(i) !== 61) throw FALLBACK;
      i++;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i === n) return MORE;
      const quote = buf.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw FALLBACK;
      const valueAt = ++i;
      for (; i < n; i++) {
        c = buf.charCodeAt(i);
        if (c === quote) break;
        if (c === 60 || c === 38 || c < 0x20 || c === 0xfffe || c === 0xffff) throw FALLBACK;
      }
      if (i === n) return MORE;
      const len = atEnd - at;
      for (let k = 0; k < count; k += 2)
        if (attrs[k + 1] - attrs[k] === len && same(buf, attrs[k], at, len)) throw FALLBACK;
      attrs[count++] = at;
      attrs[count++] = atEnd;
      if (len === 1) {
        const k = buf.charCodeAt(at);
        if (k === 114) this.r = buf.slice(valueAt, i);
        else if (k === 116) this.t = buf.slice(valueAt, i);
        else if (k === 115) this.s = buf.slice(valueAt, i);
      }
      i++;
    }
  }
}
