import { columnLetters } from "../../../workbook/cells";
import { SheetLayout } from "../../../workbook/types";
import { encodeXmlText } from "./xml";

/**
 * 规则 §8 in OOXML: the pieces of a generated worksheet that say how it prints and filters, and
 * the workbook's defined names that go with them. The worksheet pieces are written in the order
 * CT_Worksheet requires (ECMA-376 Part 1 §18.3.1.99): sheetPr first; then, after sheetData,
 * autoFilter, mergeCells, (dataValidations,) pageMargins, pageSetup, headerFooter, rowBreaks —
 * and drawing after those (the chart's; not written here).
 */

/** `<sheetPr>`: fit-to-page printing is switched on here; the fit itself is in `<pageSetup>`. */
export function sheetPrXml(sheet: SheetLayout): string {
  return sheet.print?.onePageWide ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "";
}

/** A1 range of the filter: the header row over the rows it filters, across the sheet's width. */
export function filterRef(sheet: SheetLayout, width: number): string | null {
  const f = sheet.autoFilter;
  if (!f) return null;
  return `A${f.firstRow + 1}:${columnLetters(width)}${Math.max(f.firstRow, f.lastRow) + 1}`;
}

/** `<autoFilter>` and `<mergeCells>`, which come between sheetData and dataValidations. */
export function filterAndMergesXml(sheet: SheetLayout, width: number): string {
  let out = "";
  const ref = filterRef(sheet, width);
  if (ref) out += `<autoFilter ref="${ref}"/>`;
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    out += `<mergeCells count="${merges.length}">`;
    for (const m of merges) {
      const r = m.row + 1;
      out += `<mergeCell ref="${columnLetters(m.firstColumn + 1)}${r}:${columnLetters(m.lastColumn + 1)}${r}"/>`;
    }
    out += `</mergeCells>`;
  }
  return out;
}

/** Excel's most common margins (its "Normal"), with room for the page header and footer. */
const MARGINS = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

/** `<pageMargins>`, `<pageSetup>` (A4 = paperSize 9), `<headerFooter>` and `<rowBreaks>`. */
export function pageXml(sheet: SheetLayout): string {
  const p = sheet.print;
  if (!p) return MARGINS;
  // fitToHeight 0: as many pages tall as needed ("automatic").
  const fit = p.onePageWide ? ` fitToWidth="1" fitToHeight="0"` : "";
  // printOptions comes before pageMargins.
  const centered = p.centered ? `<printOptions horizontalCentered="1"/>` : "";
  let out = `${centered}${MARGINS}<pageSetup paperSize="9" orientation="${p.orientation}"${fit}/>`;
  // &C: the centre section. The texts are already in header/footer codes (& written &&).
  out +=
    `<headerFooter><oddHeader>${encodeXmlText(`&C${p.header}`)}</oddHeader>` +
    `<oddFooter>${encodeXmlText(`&C${p.footer}`)}</oddFooter></headerFooter>`;
  const breaks = [...new Set(p.breaksAfter ?? [])].sort((a, b) => a - b);
  if (breaks.length > 0) {
    out += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`;
    // brk id: the last row (1-based) above the break.
    for (const r of breaks) out += `<brk id="${r + 1}" max="16383" man="1"/>`;
    out += `</rowBreaks>`;
  }
  return out;
}

/** A sheet name as a formula writes it: always quoted, `'` doubled. */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The defined names a sheet needs: the rows repeated on every page, the filter's range, the print area. */
function namesOf(sheet: SheetLayout, name: string, index: number, width: number): string[] {
  const out: string[] = [];
  const ref = filterRef(sheet, width);
  if (ref) {
    const [a, b] = ref.split(":");
    const abs = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    out.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${encodeXmlText(`${quoted(name)}!${abs(a)}:${abs(b)}`)}</definedName>`
    );
  }
  const area = sheet.print?.printRows;
  if (area)
    out.push(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${encodeXmlText(`${quoted(name)}!$A$${area.first + 1}:$${columnLetters(width)}$${area.last + 1}`)}</definedName>`
    );
  const rows = sheet.print?.repeatRows;
  if (rows)
    out.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${encodeXmlText(`${quoted(name)}!$${rows.first + 1}:$${rows.last + 1}`)}</definedName>`
    );
  return out;
}

/** Elements of CT_Workbook that come after definedNames: a new `<definedNames>` goes before the first. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Built-in names a regenerated sheet's part no longer matches (its old filter, titles, print area). */
const BUILT_IN = /^_xlnm\.(?:_FilterDatabase|Print_Titles|Print_Area)$/i;

export interface WrittenSheet {
  sheet: SheetLayout;
  /** Tab name as written. */
  name: string;
  /** 0-based position among the workbook's `<sheet>` entries (a defined name's localSheetId). */
  index: number;
  width: number;
}

/**
 * workbook.xml with the defined names of the sheets written: the built-in names scoped to those
 * sheets (an older build's filter or print titles) are replaced; every other name stays as it
 * was, byte for byte. localSheetId is the sheet's position among the `<sheet>` entries, which
 * writing never reorders (new sheets are appended), so the input's own indices stay right.
 */
export function withDefinedNames(workbook: string, written: readonly WrittenSheet[]): string {
  const added = written.flatMap((w) => namesOf(w.sheet, w.name, w.index, w.width));
  const ours = new Set(written.map((w) => String(w.index)));
  const prefix = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? "";
  const withPrefix = (xml: string) =>
    prefix ? xml.replace(/<(\/?)definedName\b/g, `<$1${prefix}definedName`) : xml;
  const block = /<((?:\w+:)?)definedNames\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedNames>)/.exec(workbook);
  if (block) {
    const inner = (block[2] ?? "").replace(
      /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g,
      (whole, attrs: string) => {
        const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? "";
        const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
        return local !== undefined && ours.has(local) && BUILT_IN.test(name) ? "" : whole;
      }
    );
    const content = inner + withPrefix(added.join(""));
    const replaced = content === "" ? "" : `<${block[1]}definedNames>${content}</${block[1]}definedNames>`;
    return workbook.slice(0, block.index) + replaced + workbook.slice(block.index + block[0].length);
  }
  if (added.length === 0) return workbook;
  const xml = `<${prefix}definedNames>${withPrefix(added.join(""))}</${prefix}definedNames>`;
  let at = -1;
  for (const tag of AFTER_DEFINED_NAMES) {
    const m = new RegExp(`<(?:\\w+:)?${tag}\\b`).exec(workbook);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = workbook.search(/<\/(?:\w+:)?workbook>/);
  return workbook.slice(0, at) + xml + workbook.slice(at);
}
