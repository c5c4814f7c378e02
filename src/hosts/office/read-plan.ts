import { address } from "../../workbook/cells";

/**
 * How large reads are cut so that Excel can answer them — pure arithmetic, no Office.js.
 *
 * Excel on the web refuses a response above 5 MB (ResponsePayloadSizeLimitExceeded), and a range
 * of more than 5,000,000 cells answers `values` with null. A read therefore loads whole-width
 * pages of rows, at most PAGE_CELLS cells each, packed into requests whose answer is estimated at
 * RESPONSE_BYTES at most. The estimate starts at FIRST_BYTES_PER_CELL and follows what the pages
 * already read measured; a request refused anyway is never sent again as it was: its pages are cut
 * smaller first.
 */
export const RESPONSE_BYTES = 4_000_000;
/**
 * The first estimate: input sheets hold short text and numbers (9.7 bytes a cell at 5,000
 * communities, npm run bench). 15 leaves room for ~20 bytes a cell before a request is refused;
 * a refusal costs one more round trip, never a wrong read.
 */
export const FIRST_BYTES_PER_CELL = 15;
/** Bytes per cell never estimated below this (numbers and separators). */
const MIN_BYTES_PER_CELL = 4;
/** Cells of one page: far below the 5,000,000 cells above which `values` comes back null. */
export const PAGE_CELLS = 1_000_000;
/** The measured size is raised by half before it is trusted for the next pages. */
const MARGIN = 1.5;

/** A rectangle of a sheet, 0-based like Office.js rowIndex / columnIndex. */
export interface Extent {
  sheet: string;
  row0: number;
  col0: number;
  rows: number;
  columns: number;
}

export interface Page extends Extent {
  /** A1 address of the page. */
  address: string;
}

function page(e: Extent): Page {
  return { ...e, address: address(e.row0 + 1, e.col0 + 1, e.row0 + e.rows, e.col0 + e.columns) };
}

/** Rows per page for `columns` columns at `bytesPerCell`: the whole budget at most, never 0. */
export function rowsPerPage(columns: number, bytesPerCell: number, budget: number = RESPONSE_BYTES): number {
  const byBytes = Math.floor(budget / Math.max(1, columns * bytesPerCell));
  const byCells = Math.floor(PAGE_CELLS / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** An extent cut into pages of whole rows. */
export function pagesOf(e: Extent, bytesPerCell: number, budget: number = RESPONSE_BYTES): Page[] {
  const step = rowsPerPage(e.columns, bytesPerCell, budget);
  const out: Page[] = [];
  for (let r = 0; r < e.rows; r += step)
    out.push(page({ ...e, row0: e.row0 + r, rows: Math.min(step, e.rows - r) }));
  return out;
}

/** The estimated answer of a page. */
export function pageBytes(p: Extent, bytesPerCell: number): number {
  return p.rows * p.columns * bytesPerCell;
}

/** The first pages of `queue` that fit one request (always at least one). */
export function nextRequest<P extends Extent>(
  queue: readonly P[],
  bytesPerCell: number | ((page: P) => number),
  budget: number = RESPONSE_BYTES
): P[] {
  const out: P[] = [];
  let size = 0;
  for (const p of queue) {
    const bytes = pageBytes(p, typeof bytesPerCell === "number" ? bytesPerCell : bytesPerCell(p));
    if (out.length > 0 && size + bytes > budget) break;
    out.push(p);
    size += bytes;
  }
  return out;
}

/** A page cut in two halves of rows; null when it is a single row. */
export function halve(p: Extent): [Page, Page] | null {
  if (p.rows < 2) return null;
  const top = Math.ceil(p.rows / 2);
  return [page({ ...p, rows: top }), page({ ...p, row0: p.row0 + top, rows: p.rows - top })];
}

/** The bytes per cell to plan with after reading `bytes` in `cells` cells. */
export function learnedBytesPerCell(bytes: number, cells: number): number {
  if (cells <= 0) return FIRST_BYTES_PER_CELL;
  return Math.max(MIN_BYTES_PER_CELL, (bytes / cells) * MARGIN);
}

/** UTF-8 bytes of a JSON answer. */
export function answerBytes(values: unknown): number {
  return new TextEncoder().encode(JSON.stringify(values) ?? "null").length;
}
