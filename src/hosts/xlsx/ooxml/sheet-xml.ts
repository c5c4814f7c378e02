import { validationFormulae } from "../../../workbook/guards";
import { columnLetters } from "../../../workbook/cells";
import { countMismatch } from "../../../workbook/streamed";
import { CellLook, OutputValue, SheetLayout, StreamedSheet } from "../../../workbook/types";
import { CODE, PartBytes } from "./part-bytes";
import type { PartWriter } from "./parts";
import { filterAndMergesXml, pageXml, sheetPrXml } from "./print";
import type { SharedStrings } from "./sst-write";
import { tablePartsXml } from "./tables";
import type { StyleBook } from "./styles";
import { encodeAttr, encodeXmlText, NS_MAIN, NS_REL } from "./xml";

/**
 * The worksheet part of a generated sheet, written as its rows come (issues 9 and 13 §5): each
 * row's XML goes straight into a byte buffer that is handed to the deflater every megabyte, so
 * neither the rows of a big sheet nor its XML are ever held whole. Every string cell is a shared
 * string, so <sheetData> is ASCII (references, style ids, numbers, string ids) and is written as
 * bytes without a string per cell; the pieces around it are ordinary text.
 */

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

interface OwnStyle {
  fill?: string;
  format?: string;
  look?: CellLook;
}

/**
 * Single cells styled apart from their row (a legend's swatch, a 成绩单 cell's format), and the
 * cells of rows in a look of their own (a title, a small grey line), by row then column.
 */
function cellStyles(sheet: SheetLayout, width: number): Map<number, Map<number, OwnStyle>> {
  const out = new Map<number, Map<number, OwnStyle>>();
  const at = (row: number, column: number) => {
    let cells = out.get(row);
    if (!cells) out.set(row, (cells = new Map()));
    let cell = cells.get(column);
    if (!cell) cells.set(column, (cell = {}));
    return cell;
  };
  for (const f of sheet.cellFills ?? []) at(f.row, f.column).fill = f.color;
  for (const f of sheet.cellFormats ?? []) at(f.row, f.column).format = f.format;
  for (const l of sheet.rowLooks ?? []) for (let c = 0; c < width; c++) at(l.row, c).look = l.look;
  return out;
}

/**
 * Writes the worksheet XML of a generated sheet into `out`: values (strings as shared strings),
 * styles (formats, row and cell fills, bold rows), widths, frozen rows, filter, merges,
 * drop-downs, print setup, and the drawing holding its chart (relationship `drawingRelId`).
 */
export async function writeSheetXml(
  sheet: StreamedSheet,
  book: StyleBook,
  strings: SharedStrings,
  out: PartWriter,
  validationRows: number,
  drawingRelId?: string
): Promise<SheetWritten> {
  const width = streamedWidth(sheet);
  const fillOf = new Map(sheet.highlight.map((h) => [h.row, h.color]));
  const boldRows = new Set(sheet.boldRows ?? []);
  const special = cellStyles(sheet, width);
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  const formatOf = (c: number, header: boolean) => (header ? "@" : (sheet.numberFormats[c] ?? "General"));
  // A column's look is its cells' below the header row; a row's own look goes over it.
  const columnLook: (CellLook | undefined)[] = [];
  for (const l of sheet.columnLooks ?? []) columnLook[l.column] = l.look;
  const lookOf = (c: number, header: boolean, own?: CellLook): CellLook | undefined => {
    const base = header ? undefined : columnLook[c];
    return own ? { ...base, ...own } : base;
  };
  // Style ids per column for each (fill, header, bold) met, made the first time a row needs them
  // (the order the style book numbers them in); one lookup per row after that.
  const styleRows = new Map<string, (number[] | undefined)[]>();
  const stylesFor = (fill: string | null, header: boolean, bold: boolean): number[] => {
    let byKind = styleRows.get(fill ?? "");
    if (!byKind) styleRows.set(fill ?? "", (byKind = []));
    const kind = (header ? 2 : 0) + (bold ? 1 : 0);
    let ids = byKind[kind];
    if (!ids) {
      ids = Array.from({ length: width }, (_, c) =>
        book.xf(formatOf(c, header), fill, header || bold, lookOf(c, header))
      );
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
  let runTails: CellTails[] = [];
  let runFill: string | null = null;
  let runHeader = false;
  let runBold = false;
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
  // A column's format is its style too, so what a person types below the rows keeps it (a 文号
  // "001" in a text column stays text).
  for (let c = 0; c < width; c++) {
    const format = sheet.numberFormats[c];
    const style = format ? ` style="${book.xf(format, null, false)}"` : "";
    bytes.text(
      `<col min="${c + 1}" max="${c + 1}" width="${(sheet.widths[c] ?? 10) + 0.7109375}"${style} customWidth="1"/>`
    );
  }
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
    // Rows mostly look like the row before: the same styles, looked up once for the run.
    if (fill !== runFill || header !== runHeader || bold !== runBold || runTails.length === 0) {
      runTails = stylesFor(fill, header, bold).map(tailOf);
      runFill = fill;
      runHeader = header;
      runBold = bold;
    }
    const cells = special.get(r);
    // Highlighted rows are filled across the whole width, blank cells included; a filled cell too.
    const end = fill !== null || cells !== undefined ? Math.max(width, row.length) : row.length;
    bytes.room(112 + end * 96); // a row's own height included
    bytes.code(ROW_OPEN);
    const digitsAt = bytes.at;
    bytes.digits(r + 1);
    const rowLength = bytes.at - digitsAt;
    for (let i = 0; i < rowLength; i++) rowDigits[i] = bytes.buf[digitsAt + i];
    const height = heights.get(r);
    if (height !== undefined) bytes.ascii(`" ht="${height}" customHeight="1`);
    bytes.code(ROW_OPEN_END);
    const buf = bytes.buf;
    for (let c = 0; c < end; c++) {
      const v: OutputValue = c < row.length ? row[c] : null;
      const own = cells?.get(c);
      const blank = v === null || v === "";
      if (blank && fill === null && own?.fill === undefined) continue;
      const tail =
        own === undefined
          ? runTails[c]
          : tailOf(
              book.xf(
                own.format ?? formatOf(c, header),
                own.fill ?? fill,
                header || bold,
                lookOf(c, header, own.look)
              )
            );
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
    if (bytes.full()) {
      bytes.flush();
      // The deflater works in the background: wait while it has enough pieces to do.
      const drained = bytes.drained();
      if (drained) await drained;
    }
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
