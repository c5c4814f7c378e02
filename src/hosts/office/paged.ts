/* global Excel */
import { errorCode } from "./api";
import {
  answerBytes,
  Extent,
  FIRST_BYTES_PER_CELL,
  halve,
  learnedBytesPerCell,
  nextRequest,
  Page,
  pagesOf,
  RESPONSE_BYTES,
} from "./read-plan";

/** One cell property read over large ranges. */
export type GridProperty = "values" | "formulas" | "valueTypes";

export interface PagedRead {
  /** The pages read, each with its grid, in the order of the extents and rows. */
  pages: { page: Page; grid: unknown[][] }[];
  syncs: number;
}

/**
 * Reads `property` of every extent in pages (read-plan.ts says how they are cut), one request per
 * page group. `extra` queues small loads that ride along with the first request. A request whose
 * answer Excel refuses (above 5 MB) is sent again only with smaller pages; a page answered with
 * null (too many cells) is read again in halves.
 */
export async function readPaged(
  context: Excel.RequestContext,
  sheetOf: (name: string) => Excel.Worksheet,
  extents: readonly Extent[],
  property: GridProperty,
  extra?: () => void
): Promise<PagedRead> {
  let queue: Page[] = extents.flatMap((e) => pagesOf(e, FIRST_BYTES_PER_CELL));
  const pages: { page: Page; grid: unknown[][] }[] = [];
  let syncs = 0;
  /**
   * What each sheet's pages measured: a sheet is estimated from its own pages once one is read
   * (results and notes differ from inputs by far), before that at FIRST_BYTES_PER_CELL. Each refused
   * answer doubles every estimate.
   */
  const measured = new Map<string, { bytes: number; cells: number }>();
  let boost = 1;
  const estimate = (p: Page) => {
    const m = measured.get(p.sheet);
    return Math.min(
      RESPONSE_BYTES,
      boost * (m ? learnedBytesPerCell(m.bytes, m.cells) : FIRST_BYTES_PER_CELL)
    );
  };
  let pendingExtra = extra;
  /** After a refused request, the next one holds fewer pages than it did. */
  let limit = Infinity;
  while (queue.length > 0 || pendingExtra) {
    const request = nextRequest(queue, estimate).slice(0, limit);
    limit = Infinity;
    const ranges = request.map((page) => {
      const range = sheetOf(page.sheet).getRange(page.address);
      if (property === "values") range.load("values");
      else if (property === "formulas") range.load("formulas");
      else range.load("valueTypes");
      return { page, range };
    });
    pendingExtra?.();
    try {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB of answer (Excel on the web refuses > 5 MB), not per item
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
      // Never the same request again: fewer pages, or the one page in halves; and a larger estimate.
      boost *= 2;
      if (request.length > 1) limit = Math.floor(request.length / 2);
      else {
        const halves = request.length === 1 ? halve(request[0]) : null;
        if (!halves) throw e;
        queue = [...halves, ...queue.slice(1)];
      }
      continue;
    }
    pendingExtra = undefined;
    queue = queue.slice(request.length);
    const again: Page[] = [];
    for (const { page, range } of ranges) {
      const grid = range[property] as unknown[][] | null;
      if (grid === null) {
        // More cells than Excel answers at once: read the page again in halves.
        const halves = halve(page);
        if (!halves) throw new Error(`Excel gave no ${property} for ${page.sheet}!${page.address}`);
        again.push(...halves);
        continue;
      }
      pages.push({ page, grid });
      const m = measured.get(page.sheet) ?? { bytes: 0, cells: 0 };
      measured.set(page.sheet, {
        bytes: m.bytes + answerBytes(grid),
        cells: m.cells + page.rows * page.columns,
      });
    }
    queue = [...again, ...queue];
  }
  return { pages, syncs };
}

/** The pages of one extent joined back into its grid, top to bottom. */
export function joinPages(read: PagedRead, e: Extent): unknown[][] {
  return read.pages
    .filter(
      ({ page }) =>
        page.sheet === e.sheet && page.col0 === e.col0 && page.row0 >= e.row0 && page.row0 < e.row0 + e.rows
    )
    .sort((a, b) => a.page.row0 - b.page.row0)
    .flatMap(({ grid }) => grid);
}
