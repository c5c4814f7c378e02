import { validationFormulae } from "../../../workbook/guards";
import { isGeneratedSheet } from "../../../workbook/marker";
import { columnLetters } from "../../../workbook/cells";
import { outputSheetName, sameSheetName } from "../../../workbook/sheet-names";
import { OutputSheet, OutputValue } from "../../../workbook/types";
import {
  addOverride,
  addRel,
  addSheetEntry,
  dirOf,
  nextRelId,
  PackageSheet,
  readRels,
  relativeTarget,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_WORKSHEET,
  relsPathOf,
  removeOverride,
  resolveTarget,
  TYPE_SHARED_STRINGS,
  TYPE_STYLES,
  TYPE_WORKSHEET,
  XlsxPackage,
} from "./package";
import { chartXml, drawingXml, REL_CHART, REL_DRAWING, TYPE_CHART, TYPE_DRAWING } from "./chart";
import type { Parts, PartWriter } from "./parts";
import { PackageTables, REL_TABLE, tablePartsXml } from "./tables";
import { filterAndMergesXml, pageXml, sheetPrXml, withDefinedNames, WrittenSheet } from "./print";
import { packageFirstCells } from "./read";
import { readSharedStrings, SharedStrings } from "./shared-strings";
import { countOf, MINIMAL_STYLES, patchStyles, readStyles, StyleBook } from "./styles";
import { encodeAttr, encodeXmlText, NS_MAIN, NS_REL } from "./xml";

/**
 * Writing generated sheets: every part of the input stays as it is (the input sheets keep every
 * byte); only the parts of sheets this product generated are replaced, and new sheet parts are
 * added for the rest, with the styles they need appended to styles.xml.
 */

/** UTF-8 bytes written piece by piece into a part (deflated as they come): big sheets never become one huge string. */
class ByteWriter {
  private static readonly encoder = new TextEncoder();
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly out: PartWriter) {}

  push(...texts: string[]): void {
    for (const t of texts) {
      this.pending.push(t);
      this.pendingLength += t.length;
    }
    if (this.pendingLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.out.push(ByteWriter.encoder.encode(this.pending.join("")));
    this.pending = [];
    this.pendingLength = 0;
  }

  end(): void {
    this.flush();
    this.out.end();
  }
}

/** The width of a generated sheet in columns (its widths, formats and longest row). */
export function sheetWidth(sheet: OutputSheet): number {
  let width = Math.max(sheet.widths.length, sheet.numberFormats.length, 1);
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  return width;
}

/**
 * The worksheet XML of a generated sheet: values (strings inline, as text), styles (formats, row
 * and cell fills, bold rows), widths, frozen rows, filter, merges, drop-downs, print setup, and the
 * drawing holding its chart (relationship `drawingRelId`) when it has one.
 */
function sheetXml(
  sheet: OutputSheet,
  book: StyleBook,
  strings: SharedStrings,
  out: PartWriter,
  drawingRelId?: string
): void {
  const width = sheetWidth(sheet);
  const fillOf = new Map(sheet.highlight.map((h) => [h.row, h.color]));
  const boldRows = new Set(sheet.boldRows ?? []);
  // Single cells styled apart from their row (a legend's swatch, a 成绩单 cell's format).
  const cellFill = new Map((sheet.cellFills ?? []).map((f) => [`${f.row},${f.column}`, f.color]));
  const cellFormat = new Map((sheet.cellFormats ?? []).map((f) => [`${f.row},${f.column}`, f.format]));
  const rowsWithCellFills = new Set((sheet.cellFills ?? []).map((f) => f.row));
  const formatOf = (c: number, header: boolean) => (header ? "@" : (sheet.numberFormats[c] ?? "General"));
  // Style ids per column, for each (fill, header, bold) met: one lookup per cell.
  const styleRows = new Map<string, number[]>();
  const stylesFor = (fill: string | null, header: boolean, bold: boolean): number[] => {
    const key = `${fill ?? ""}|${header ? 1 : 0}|${bold ? 1 : 0}`;
    let ids = styleRows.get(key);
    if (!ids) {
      ids = Array.from({ length: width }, (_, c) => book.xf(formatOf(c, header), fill, header || bold));
      styleRows.set(key, ids);
    }
    return ids;
  };
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const parts = new ByteWriter(out);
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    sheetPrXml(sheet),
    `<dimension ref="A1:${letters[width - 1]}${Math.max(1, sheet.rows.length)}"/>`
  );
  if (sheet.freezeRows > 0) {
    const top = `A${sheet.freezeRows + 1}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    );
  }
  parts.push(`<sheetFormatPr defaultRowHeight="15"/><cols>`);
  for (let c = 0; c < width; c++)
    parts.push(
      `<col min="${c + 1}" max="${c + 1}" width="${(sheet.widths[c] ?? 10) + 0.7109375}" customWidth="1"/>`
    );
  parts.push(`</cols><sheetData>`);
  sheet.rows.forEach((row, r) => {
    const header = r <= sheet.headerRow;
    const fill = fillOf.get(r) ?? null;
    const ids = stylesFor(fill, header, boldRows.has(r));
    const n = r + 1;
    const styleOf = (c: number): number => {
      const k = `${r},${c}`;
      const f = cellFill.get(k);
      const fmt = cellFormat.get(k);
      if (f === undefined && fmt === undefined) return ids[c];
      return book.xf(fmt ?? formatOf(c, header), f ?? fill, header || boldRows.has(r));
    };
    let line = `<row r="${n}">`;
    // Highlighted rows are filled across the whole width, blank cells included; a filled cell too.
    const end = fill !== null || rowsWithCellFills.has(r) ? Math.max(width, row.length) : row.length;
    for (let c = 0; c < end; c++) {
      const v: OutputValue = c < row.length ? row[c] : null;
      if (v === null || v === "") {
        if (fill !== null || cellFill.has(`${r},${c}`))
          line += `<c r="${letters[c]}${n}" s="${styleOf(c)}"/>`;
        continue;
      }
      const head = `<c r="${letters[c]}${n}" s="${styleOf(c)}"`;
      if (typeof v === "number" && Number.isFinite(v)) line += `${head}><v>${v}</v></c>`;
      else if (typeof v === "boolean") line += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      else line += `${head} t="s"><v>${strings.id(String(v))}</v></c>`;
    }
    parts.push(line + `</row>`);
  });
  parts.push(`</sheetData>`, filterAndMergesXml(sheet, width));
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    parts.push(`<dataValidations count="${validations.length}">`);
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
        ` sqref="${l}${first}:${l}${Math.max(first, VALIDATION_ROWS)}"`,
      ].join("");
      const formulas = f.formulae.map((x, i) => `<formula${i + 1}>${encodeXmlText(x)}</formula${i + 1}>`);
      parts.push(`<dataValidation${a}>${formulas.join("")}</dataValidation>`);
    }
    parts.push(`</dataValidations>`);
  }
  // CT_Worksheet order: the page setup, header/footer and breaks, then the chart's drawing.
  parts.push(pageXml(sheet));
  if (drawingRelId) parts.push(`<drawing r:id="${drawingRelId}"/>`);
  parts.push(tablePartsXml(sheet), `</worksheet>`);
  parts.end();
}

const RELS_HEAD =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

/** Relationship id of the drawing in a generated sheet's own (new) relationships part. */
const DRAWING_REL_ID = "rId1";

/** The first `{dir}{stem}N.xml` not in the package: the input's own charts and drawings keep their names. */
function freePart(parts: Parts, dir: string, stem: string): string {
  let n = 1;
  while (parts.has(`${dir}${stem}${n}.xml`)) n++;
  return `${dir}${stem}${n}.xml`;
}

/**
 * A replaced generated sheet's relationships go, and with them its drawings and the charts in
 * them (parts, their relationships, content types): re-ranking leaves no orphan chart behind.
 * Pictures stay: Excel shares one image part between drawings.
 */
function dropSheetParts(parts: Parts, sheetPath: string, types: string): string {
  const drop = (path: string) => {
    if (parts.has(path)) parts.remove(path);
    if (parts.has(relsPathOf(path))) parts.remove(relsPathOf(path));
    types = removeOverride(types, `/${path}`);
  };
  const internal = (source: string, type?: string) =>
    readRels(parts, relsPathOf(source))
      .filter((r) => !r.external && (type === undefined || r.type === type))
      .map((r) => resolveTarget(source, r.target));
  for (const table of internal(sheetPath, REL_TABLE)) drop(table);
  for (const drawing of internal(sheetPath, REL_DRAWING)) {
    for (const chart of internal(drawing, REL_CHART)) {
      // A chart's own parts (Excel's style and colours, user shapes), never a shared picture.
      const own = readRels(parts, relsPathOf(chart)).filter((r) => !r.external && !/\/image$/.test(r.type));
      for (const r of own) drop(resolveTarget(chart, r.target));
      drop(chart);
    }
    drop(drawing);
  }
  parts.remove(relsPathOf(sheetPath));
  return types;
}

/**
 * A generated sheet's chart: the chart part and its drawing under free names, the relationships
 * sheet → drawing → chart and their content types. The sheet's references name it `name`.
 */
function addChartParts(
  pkg: XlsxPackage,
  sheetPath: string,
  sheet: OutputSheet,
  name: string,
  types: string
): string {
  const chart = sheet.chart;
  if (!chart) return types;
  const parts = pkg.parts;
  const chartPath = freePart(parts, resolveTarget(pkg.workbookPath, "charts/x").replace(/x$/, ""), "chart");
  const drawingPath = freePart(
    parts,
    resolveTarget(pkg.workbookPath, "drawings/x").replace(/x$/, ""),
    "drawing"
  );
  parts.set(chartPath, chartXml(sheet, chart, name));
  parts.set(drawingPath, drawingXml(chart, "rId1"));
  parts.set(
    relsPathOf(drawingPath),
    addRel(`${RELS_HEAD}</Relationships>`, REL_CHART, relativeTarget(drawingPath, chartPath), "rId1")
  );
  parts.set(
    relsPathOf(sheetPath),
    addRel(
      `${RELS_HEAD}</Relationships>`,
      REL_DRAWING,
      relativeTarget(sheetPath, drawingPath),
      DRAWING_REL_ID
    )
  );
  return addOverride(addOverride(types, `/${drawingPath}`, TYPE_DRAWING), `/${chartPath}`, TYPE_CHART);
}

/** Rows of a sheet that carry its drop-downs (template). */
export const VALIDATION_ROWS = 2000;

/**
 * Writes generated sheets into the package. A sheet of the same name that this product generated
 * (A1 marker) has its part replaced in place; a sheet a person made is never touched and the
 * output takes the next free name ("排名 (2)"). All other parts stay byte for byte. Returns the
 * tab names written.
 */
export async function writePackageSheets(
  pkg: XlsxPackage,
  sheets: readonly OutputSheet[]
): Promise<string[]> {
  if (sheets.length === 0) return [];
  const parts = pkg.parts;
  const relsPath = relsPathOf(pkg.workbookPath);
  let relsXml =
    parts.text(relsPath) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let workbook = parts.text(pkg.workbookPath) ?? "";
  let types = parts.text("[Content_Types].xml") ?? "";
  let stylesPath = readStyles(pkg).path;
  let stylesXml = stylesPath ? parts.text(stylesPath) : null;
  if (!stylesXml || !stylesPath) {
    stylesPath = resolveTarget(pkg.workbookPath, "styles.xml");
    relsXml = addRel(relsXml, REL_STYLES, "styles.xml");
    types = addOverride(types, `/${stylesPath}`, TYPE_STYLES);
    stylesXml = MINIMAL_STYLES;
  }
  const book = new StyleBook(countOf(stylesXml, "cellXfs"));
  const sharedPart = pkg.sharedStrings ?? readSharedStrings(pkg);
  const strings = new SharedStrings(sharedPart);
  const firstCells = packageFirstCells(pkg);
  const written: string[] = [];
  const withNames: WrittenSheet[] = [];
  // Tables only in a template's sheets: the package's own are looked at only then.
  const tables = sheets.some((s) => s.table) ? new PackageTables(pkg) : null;

  for (const sheet of sheets) {
    const find = (name: string) => pkg.sheets.find((s) => sameSheetName(s.name, name));
    // A tab without a worksheet part (a chart sheet) is a person's too.
    const name = outputSheetName(sheet.name, (n) => {
      const existing = find(n);
      if (existing) return isGeneratedSheet(firstCells.get(existing.path));
      return pkg.tabs.some((t) => sameSheetName(t.name, n)) ? false : undefined;
    });
    const target: PackageSheet | undefined = find(name);
    const drawingRelId = sheet.chart ? DRAWING_REL_ID : undefined;
    let path: string;
    if (target) {
      path = target.path;
      types = dropSheetParts(parts, path, types);
      sheetXml(sheet, book, strings, parts.writer(path), drawingRelId);
    } else {
      let k = pkg.sheets.length + 1;
      const dir = resolveTarget(pkg.workbookPath, "worksheets/x").replace(/x$/, "");
      while (parts.has(`${dir}sheet${k}.xml`)) k++;
      path = `${dir}sheet${k}.xml`;
      sheetXml(sheet, book, strings, parts.writer(path), drawingRelId);
      const relTarget = path.startsWith(dirOf(pkg.workbookPath))
        ? path.slice(dirOf(pkg.workbookPath).length)
        : `/${path}`;
      const relId = nextRelId(relsXml);
      relsXml = addRel(relsXml, REL_WORKSHEET, relTarget, relId);
      types = addOverride(types, `/${path}`, TYPE_WORKSHEET);
      const sheetId = pkg.tabs.reduce((n, t) => Math.max(n, t.sheetId), 0) + 1;
      workbook = addSheetEntry(workbook, name, sheetId, relId);
      pkg.sheets.push({ name, path, relId, sheetId });
      pkg.tabs.push({ name, sheetId });
    }
    types = addChartParts(pkg, path, sheet, name, types);
    if (tables) types = tables.add(path, sheet, types);
    firstCells.set(pkg.sheets.find((s) => s.name === name)?.path ?? "", sheet.rows[0]?.[0] ?? null);
    written.push(name);
    // localSheetId: the tab's position among workbook.xml's <sheet> entries (new ones are appended).
    const index = pkg.tabs.findIndex((t) => sameSheetName(t.name, name));
    if (index >= 0) withNames.push({ sheet, name: pkg.tabs[index].name, index, width: sheetWidth(sheet) });
  }
  workbook = withDefinedNames(workbook, withNames);
  parts.set(stylesPath, patchStyles(stylesXml, book));
  if (strings.added.length > 0 || strings.refs > 0) {
    let path = sharedPart.path;
    if (!path) {
      path = resolveTarget(pkg.workbookPath, "sharedStrings.xml");
      relsXml = addRel(relsXml, REL_SHARED_STRINGS, "sharedStrings.xml");
      types = addOverride(types, `/${path}`, TYPE_SHARED_STRINGS);
    }
    parts.set(path, strings.xml(sharedPart.path ? parts.text(sharedPart.path) : null));
    // A second write into the same package sees the strings added by the first.
    for (const t of strings.added) {
      sharedPart.texts.push(t);
    }
    pkg.sharedStrings = { ...sharedPart, path };
  }
  parts.set(relsPath, relsXml);
  parts.set(pkg.workbookPath, workbook);
  parts.set("[Content_Types].xml", types);
  return written;
}
