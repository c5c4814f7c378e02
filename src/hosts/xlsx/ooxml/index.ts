/**
 * The .xlsx file as a package of parts (OOXML), read and patched directly — the fast path used by
 * the CLI for big workbooks (2,000 communities, 200,000 records), and usable in a browser.
 *
 * limits.ts: the caps. zip.ts: the zip directory and bounded inflating. parts.ts: parts read,
 * written and packed. xml-stream.ts: bytes → text → XML events. xml.ts: XML text escapes.
 * package.ts: opening, relationships, manifest edits. shared-strings.ts and styles.ts: those two
 * parts, read and appended to. read.ts: sheets → grids. write.ts: generated sheets → parts. blank.ts: a
 * workbook from nothing.
 * chart.ts: a generated sheet's bar chart as DrawingML (the chart and drawing parts).
 */
export { openXlsx, packXlsx } from "./package";
export type { PackageSheet, XlsxPackage } from "./package";
export { decodeXml, encodeXmlText } from "./xml";
export { isDateFormat } from "./styles";
export { packageGrids } from "./read";
export { MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_PART_BYTES, MAX_ROWS, MAX_TOTAL_BYTES } from "./limits";
export { fflateDeflater, Parts } from "./parts";
export type { DeflaterFactory, PartDeflater, Written } from "./parts";
export { fflateChecksum, fflateInflater } from "./zip";
export type { Checksum, Crc32, Inflater } from "./zip";
export { VALIDATION_ROWS, writePackageSheets } from "./write";
export { blankPackage, newWorkbookBytes } from "./blank";
export { applyRowPlan } from "./row-plan";
