import { validationFormulae } from "../../../workbook/guards";
import { columnLetters } from "../../../workbook/cells";
import { countMismatch } from "../../../workbook/streamed";
import { OutputValue, SheetLayout, StreamedSheet } from "../../../workbook/types";
import type { PartWriter } from "./parts";
import { filterAndMergesXml, pageXml, sheetPrXml } from "./print";
import { tablePartsXml } from "./tables";
import type { SharedStrings } from "./shared-strings";
import type { StyleBook } from "./styles";
import { encodeAttr, encodeXmlText, NS_MAIN, NS_REL } from "./xml";

/**
 * The worksheet part of a generated sheet, written as its rows come (issues 9 and 13 §5): each
 * row's XML goes straight into a byte buffer that is handed to the deflater every megabyte, so
 * neither the rows of a big sheet nor its XML are ever held whole. Every string cell is a shared
 * string, so <sheetData> is ASCII (references, style ids, numbers, string ids) and is written as
 * bytes without a string per cell; the pieces around it are ordinary text.
 */

/** Bytes handed to the deflater at a time (what the deflater compresses as one piece). */
const PIECE = 1 << 20;

const CODE = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const ROW_OPEN = CODE(`<row r="`);
const ROW_OPEN_END = CODE(`">`);
const ROW_CLOSE = CODE(`</row>`);
const VALUE_END = CODE(`</v></c>`);
/** No text yet (a column's last text). */
const NOTHING = Symbol("nothing");

/** What follows a cell's reference, for one style: `" s="7"/>` for a blank, `" s="7"><v>` for a number… */
interface CellTails {
  blank: Uint8Array;
  number: Uint8Array;
  boolean: Uint8Array;
  string: Uint8Array;
}

function tailsOf(style: number): CellTails {
  return {
    blank: CODE(`" s="${style}"/>`),
    number: CODE(`" s="${style}"><v>`),
    boolean: CODE(`" s="${style}" t="b"><v>`),
    string: CODE(`" s="${style}" t="s"><v>`),
  };
}

/** The bytes of a part in one buffer, handed on (never reused) whenever it holds a piece. */
class PartBytes {
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

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.at += PartBytes.encoder.encodeInto(s, this.buf.subarray(this.at)).written;
    if (this.at >= PIECE) this.flush();
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

/** The width of a generated sheet in columns (its widths, formats and longest row). */
export function streamedWidth(sheet: StreamedSheet): number {
  return Math.max(sheet.widths.length, sheet.numberFormats.length, 1, sheet.rowWidth);
}

/** What writing the rows left to know: A1 (the marker) and the rows the chart shows (their values cached). */
export interface SheetWritten {
  firstCell: OutputValue;
  /** The rows of `chart.firstRow..lastRow`, by row index; others absent. */
  chartRows: OutputValue[][];
}

/** Single cells styled apart from their row (a legend's swatch, a 成绩单 cell's format), by row then column. */
function cellStyles(sheet: SheetLayout): Map<number, Map<number, { fill?: string; format?: string }>> {
  const out = new Map<number, Map<number, { fill?: string; format?: string }>>();
  const at = (row: number, column: number) => {
    let cells = out.get(row);
    if (!cells) out.set(row, (cells = new Map()));
    let cell = cells.get(column);
    if (!cell) cells.set(column, (cell = {}));
    return cell;
  };
  for (const f of sheet.cellFills ?? []) at(f.row, f.column).fill = f.color;
  for (const f of sheet.cellFormats ?? []) at(f.row, f.column).format = f.format;
  return out;
}

/**
 * Writes the worksheet XML of a generated sheet into `out`: values (strings as shared strings),
 * styles (formats, row and cell fills, bold rows), widths, frozen rows, filter, merges,
 * drop-downs, print setup, and the drawing holding its chart (relationship `drawingRelId`).
 */
export function writeSheetXml(
  sheet: StreamedSheet,
  book: StyleBook,
  strings: SharedStrings,
  out: PartWriter,
  validationRows: number,
  drawingRelId?: string
): SheetWritten {
  const width = streamedWidth(sheet);
  const fillOf = new Map(sheet.highlight.map((h) => [h.row, h.color]));
  const boldRows = new Set(sheet.boldRows ?? []);
  const special = cellStyles(sheet);
  const formatOf = (c: number, header: boolean) => (header ? "@" : (sheet.numberFormats[c] ?? "General"));
  // Style ids per column for each (fill, header, bold) met, made the first time a row needs them
  // (the order the style book numbers them in); one lookup per row after that.
  const styleRows = new Map<string, (number[] | undefined)[]>();
  const stylesFor = (fill: string | null, header: boolean, bold: boolean): number[] => {
    let byKind = styleRows.get(fill ?? "");
    if (!byKind) styleRows.set(fill ?? "", (byKind = []));
    const kind = (header ? 2 : 0) + (bold ? 1 : 0);
    let ids = byKind[kind];
    if (!ids) {
      ids = Array.from({ length: width }, (_, c) => book.xf(formatOf(c, header), fill, header || bold));
      byKind[kind] = ids;
    }
    return ids;
  };
  const cellOpen = Array.from({ length: width }, (_, i) => CODE(`<c r="${columnLetters(i + 1)}`));
  // Per style id, the bytes after a cell's reference: no style id is turned into digits per cell.
  const tails: CellTails[] = [];
  const tailOf = (style: number): CellTails => tails[style] ?? (tails[style] = tailsOf(style));
  // The last text of each column and its shared-string id: a column repeats its texts (来源表, 社区).
  const lastText: unknown[] = new Array<unknown>(width).fill(NOTHING);
  const lastId: number[] = new Array<number>(width).fill(0);
  const rowDigits = new Uint8Array(24);
  const bytes = new PartBytes(out);
  const letters = columnLetters(width);
  bytes.text(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      sheetPrXml(sheet) +
      `<dimension ref="A1:${letters}${Math.max(1, sheet.rowCount)}"/>`
  );
  if (sheet.freezeRows > 0) {
    const top = `A${sheet.freezeRows + 1}`;
    bytes.text(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    );
  }
  bytes.text(`<sheetFormatPr defaultRowHeight="15"/><cols>`);
  for (let c = 0; c < width; c++)
    bytes.text(
      `<col min="${c + 1}" max="${c + 1}" width="${(sheet.widths[c] ?? 10) + 0.7109375}" customWidth="1"/>`
    );
  bytes.text(`</cols><sheetData>`);

  const chart = sheet.chart;
  const written: SheetWritten = { firstCell: null, chartRows: [] };
  let r = 0;
  for (const row of sheet.eachRow()) {
    if (r === 0) written.firstCell = row[0] ?? null;
    if (chart && r >= chart.firstRow && r <= chart.lastRow) written.chartRows[r] = row;
    const header = r <= sheet.headerRow;
    const fill = fillOf.get(r) ?? null;
    const bold = boldRows.has(r);
    const ids = stylesFor(fill, header, bold);
    const cells = special.get(r);
    // Highlighted rows are filled across the whole width, blank cells included; a filled cell too.
    const end = fill !== null || cells !== undefined ? Math.max(width, row.length) : row.length;
    bytes.room(64 + end * 96);
    bytes.code(ROW_OPEN);
    const digitsAt = bytes.at;
    bytes.digits(r + 1);
    const rowLength = bytes.at - digitsAt;
    rowDigits.set(bytes.buf.subarray(digitsAt, bytes.at));
    bytes.code(ROW_OPEN_END);
    const buf = bytes.buf;
    for (let c = 0; c < end; c++) {
      const v: OutputValue = c < row.length ? row[c] : null;
      const own = cells?.get(c);
      const blank = v === null || v === "";
      if (blank && fill === null && own?.fill === undefined) continue;
      const style =
        own === undefined
          ? ids[c]
          : book.xf(own.format ?? formatOf(c, header), own.fill ?? fill, header || bold);
      const tail = tailOf(style);
      bytes.code(cellOpen[c] ?? CODE(`<c r="${columnLetters(c + 1)}`));
      let at = bytes.at;
      for (let i = 0; i < rowLength; i++) buf[at++] = rowDigits[i];
      bytes.at = at;
      if (blank) bytes.code(tail.blank);
      else if (typeof v === "number" && Number.isFinite(v)) {
        bytes.code(tail.number);
        bytes.number(v);
        bytes.code(VALUE_END);
      } else if (typeof v === "boolean") {
        bytes.code(tail.boolean);
        bytes.digits(v ? 1 : 0);
        bytes.code(VALUE_END);
      } else {
        bytes.code(tail.string);
        let id: number;
        if (v === lastText[c]) {
          id = lastId[c];
          strings.refs++; // counted as a reference all the same (the table's count="…")
        } else {
          id = strings.id(String(v));
          lastText[c] = v;
          lastId[c] = id;
        }
        bytes.digits(id);
        bytes.code(VALUE_END);
      }
    }
    bytes.code(ROW_CLOSE);
    if (bytes.full()) bytes.flush();
    r++;
  }
  if (r !== sheet.rowCount) throw countMismatch(sheet.name, sheet.rowCount, r);

  bytes.text(`</sheetData>` + filterAndMergesXml(sheet, width));
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    bytes.text(`<dataValidations count="${validations.length}">`);
    for (const g of validations) {
      const l = columnLetters(g.column + 1);
      const first = sheet.headerRow + 2;
      const f = validationFormulae(g.rule);
      const a = [
        f.type === "any" ? "" : ` type="${f.type}"`,
        f.operator && f.operator !== "between" ? ` operator="${f.operator}"` : "",
        ` errorStyle="${g.style}" allowBlank="1"`,
        g.rule ? ` showErrorMessage="1"` : "",
        g.prompt
          ? ` showInputMessage="1" promptTitle="${encodeAttr(g.prompt.title)}" prompt="${encodeAttr(g.prompt.text)}"` +
            ` errorTitle="${encodeAttr(g.prompt.title)}" error="${encodeAttr(g.prompt.text)}"`
          : "",
        ` sqref="${l}${first}:${l}${Math.max(first, validationRows)}"`,
      ].join("");
      const formulas = f.formulae.map((x, i) => `<formula${i + 1}>${encodeXmlText(x)}</formula${i + 1}>`);
      bytes.text(`<dataValidation${a}>${formulas.join("")}</dataValidation>`);
    }
    bytes.text(`</dataValidations>`);
  }
  // CT_Worksheet order: the page setup, header/footer and breaks, then the chart's drawing.
  bytes.text(pageXml(sheet));
  if (drawingRelId) bytes.text(`<drawing r:id="${drawingRelId}"/>`);
  bytes.text(tablePartsXml(sheet) + `</worksheet>`);
  bytes.end();
  return written;
}
