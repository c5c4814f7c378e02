import { isGeneratedSheet } from "../../../workbook/marker";
import { outputSheetName, sameSheetName } from "../../../workbook/sheet-names";
import { AnySheet, streamOf } from "../../../workbook/streamed";
import { StreamedSheet } from "../../../workbook/types";
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
import type { Parts } from "./parts";
import { PackageTables, REL_TABLE } from "./tables";
import { withDefinedNames, WrittenSheet } from "./print";
import { packageFirstCells } from "./read";
import { readSharedStringsAsync } from "./shared-strings";
import { SharedStrings, writeSharedStrings } from "./sst-write";
import { SheetWritten, streamedWidth, writeSheetXml } from "./sheet-xml";
import { countOf, MINIMAL_STYLES, patchStyles, readStyles, StyleBook } from "./styles";
import { STRICT_NOT_WRITTEN, UnwritableWorkbookError } from "../errors";

/**
 * Writing generated sheets: every part of the input stays as it is (the input sheets keep every
 * byte); only the parts of sheets this product generated are replaced, and new sheet parts are
 * added for the rest, with the styles they need appended to styles.xml.
 *
 * A Strict Open XML workbook is read (package.ts) but not written into: the generated parts are
 * transitional (their namespaces and relationship types, and DrawingML values such as the chart's
 * gap width, which Strict writes only as a percentage), and a package of both kinds is neither:
 * a file Excel would have to repair. It is refused before anything is written, in one line (UnwritableWorkbookError: exit 2
 * on the command line) that says to save it as an ordinary Excel workbook.
 */

/** The width of a generated sheet in columns (its widths, formats and longest row). */
export function sheetWidth(sheet: AnySheet): number {
  return streamedWidth(streamOf(sheet));
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
  sheet: StreamedSheet,
  written: SheetWritten,
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
  parts.set(
    chartPath,
    chartXml({ rows: written.chartRows, numberFormats: sheet.numberFormats }, chart, name)
  );
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
export async function writePackageSheets(pkg: XlsxPackage, sheets: readonly AnySheet[]): Promise<string[]> {
  if (sheets.length === 0) return [];
  if (pkg.strict) throw new UnwritableWorkbookError(STRICT_NOT_WRITTEN);
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
  const sharedPart = pkg.sharedStrings ?? (await readSharedStringsAsync(pkg));
  const strings = new SharedStrings(sharedPart);
  const firstCells = packageFirstCells(pkg);
  const written: string[] = [];
  const withNames: WrittenSheet[] = [];
  // Tables only in a template's sheets: the package's own are looked at only then.
  const tables = sheets.some((s) => s.table) ? new PackageTables(pkg) : null;

  for (const given of sheets) {
    const sheet = streamOf(given);
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
    let done: SheetWritten;
    if (target) {
      path = target.path;
      types = dropSheetParts(parts, path, types);
      done = await writeSheetXml(sheet, book, strings, parts.writer(path), VALIDATION_ROWS, drawingRelId);
    } else {
      let k = pkg.sheets.length + 1;
      const dir = resolveTarget(pkg.workbookPath, "worksheets/x").replace(/x$/, "");
      while (parts.has(`${dir}sheet${k}.xml`)) k++;
      path = `${dir}sheet${k}.xml`;
      done = await writeSheetXml(sheet, book, strings, parts.writer(path), VALIDATION_ROWS, drawingRelId);
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
    types = addChartParts(pkg, path, sheet, done, name, types);
    if (tables) types = tables.add(path, sheet, types);
    firstCells.set(pkg.sheets.find((s) => s.name === name)?.path ?? "", done.firstCell);
    written.push(name);
    // localSheetId: the tab's position among workbook.xml's <sheet> entries (new ones are appended).
    const index = pkg.tabs.findIndex((t) => sameSheetName(t.name, name));
    if (index >= 0) withNames.push({ sheet, name: pkg.tabs[index].name, index, width: streamedWidth(sheet) });
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
    await writeSharedStrings(strings, sharedPart.texts.length, parts, path, sharedPart.path);
    // A second write into the same package sees the strings added by the first.
    for (const t of strings.added) {
      sharedPart.texts.push(t);
    }
    pkg.sharedStrings = { ...sharedPart, path };
  }
  parts.set(relsPath, relsXml);
  parts.set(pkg.workbookPath, workbook);
  parts.set("[Content_Types].xml", types);
  // Every part compressed before the package is read or written again.
  await parts.settled();
  return written;
}
