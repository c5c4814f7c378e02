/**
 * The .xlsx file as a package of parts (OOXML), read and patched directly — the fast path used by
 * the CLI for big workbooks (2,000 communities, 200,000 records), and usable in a browser.
 *
 * xml.ts: XML text escapes. package.ts: the zip, its parts and relationships. shared-strings.ts and
 * styles.ts: those two parts, read and appended to. read.ts: sheets → grids. write.ts: generated
 * sheets → parts.
 */
export { openXlsx, packXlsx } from "./package";
export type { PackageSheet, XlsxPackage } from "./package";
export { decodeXml, encodeXmlText } from "./xml";
export { isDateFormat } from "./styles";
export { packageGrids } from "./read";
export { VALIDATION_ROWS, writePackageSheets } from "./write";
