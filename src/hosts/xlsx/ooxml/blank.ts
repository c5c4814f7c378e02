import { strToU8, zipSync } from "fflate";
import { AnySheet } from "../../../workbook/streamed";
import { REL_OFFICE_DOCUMENT, packXlsx, XlsxPackage } from "./package";
import { DeflaterFactory, Parts } from "./parts";
import { writePackageSheets } from "./write";
import { NS_MAIN, NS_REL } from "./xml";

/**
 * A workbook made from nothing by the package writer: the smallest package Excel, LibreOffice
 * and WPS open (content types, the package's and the workbook's relationships, a workbook part
 * with no sheet yet), into which `writePackageSheets` adds the sheets, their styles, shared
 * strings, tables, charts and defined names exactly as it adds them to a person's file. The
 * template, the sample, `statement --pdf`'s workbook and the preview's 新建空白 are made so.
 */

const WORKBOOK_PATH = "xl/workbook.xml";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** The parts of a package with no sheet: `<sheets></sheets>` open, for the writer to add to. */
function emptyParts(): Record<string, Uint8Array> {
  const rels = (body: string) =>
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return {
    "[Content_Types].xml": strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/${WORKBOOK_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `</Types>`
    ),
    "_rels/.rels": strToU8(
      rels(`<Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="${WORKBOOK_PATH}"/>`)
    ),
    [WORKBOOK_PATH]: strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(rels("")),
  };
}

/** An empty package, open for writing (no sheet: `openXlsx` would refuse it as a file to read). */
export function blankPackage(deflater?: DeflaterFactory): XlsxPackage {
  return {
    parts: new Parts(zipSync(emptyParts(), { level: 0 }), deflater),
    workbookPath: WORKBOOK_PATH,
    sheets: [],
    tabs: [],
    // Written in the transitional namespaces (a Strict package is read, never written into).
    strict: false,
    date1904: false,
    firstCells: new Map(),
    sharedStrings: { path: null, texts: [], formatted: new Set() },
  };
}

/** A new .xlsx holding `sheets` (at least one), written by the package writer. */
export async function newWorkbookBytes(
  sheets: readonly AnySheet[],
  deflater?: DeflaterFactory
): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const pkg = blankPackage(deflater);
  await writePackageSheets(pkg, sheets);
  return packXlsx(pkg);
}
