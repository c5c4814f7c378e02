/**
 * A strict fake Excel for the Office.js host tests and the bench — hand-written, because
 * office-addin-mock (what these tests used before) accepts what Excel refuses: it answers reads
 * without a sync, takes any property name, has no payload limits and knows no requirement sets.
 *
 * What this fake does as Excel does (Microsoft's docs and the OfficeDev/office-js tracker; what
 * only a real Excel can confirm is listed in docs/excel-acceptance.md):
 * - A property read before `load` + `context.sync()` throws PropertyNotLoaded — `isNullObject`
 *   too, until a sync has carried the object. Reads are answered at the sync, in queue order: a
 *   load queued before a write in the same request sees the cells before the write.
 * - Each request and each response is serialized; above 5 MB it is refused
 *   (RequestPayloadSizeLimitExceeded: nothing applied; ResponsePayloadSizeLimitExceeded: the
 *   commands ran, no answer came back). Ranges of more than 5,000,000 cells answer `values`,
 *   `formulas`, `valueTypes` and `numberFormat` with null.
 * - Commands run in order; the first that fails fails the request and the ones before it stay
 *   applied (no rollback).
 * - Setting a property or calling a method the Excel API does not have throws at once; a member of
 *   a requirement set above the fake's version fails the request (ApiNotFound).
 * - `values` / `numberFormat` arrays must match the range's shape; null in `values` leaves the cell.
 * - A string written to `values` is read as Excel reads typing: a leading apostrophe makes the rest
 *   text (the apostrophe is not part of the value); in a cell whose number format is "@" (text) the
 *   string stays text; otherwise text starting with = + - @ becomes a formula, numeric text a number.
 * - Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique ignoring case. Deleting a
 *   sheet turns formulas that refer to it into #REF! for good; renaming it rewrites them.
 */

import { baseClasses } from "./fake/base";
import { createBook } from "./fake/book";
import { chartClasses } from "./fake/charts";
import {
  boxAddress,
  Cell,
  checkSheetName,
  key,
  MockSheetInput,
  ModelSheet,
  Stored,
  WriteRecord,
} from "./fake/model";
import { pageClasses } from "./fake/page";
import { rangeClasses } from "./fake/ranges";
import { sheetClasses } from "./fake/sheets";

export { FAKE_API_SETS, PAYLOAD_LIMIT_BYTES, VALUES_CELL_LIMIT } from "./fake/model";
export type { ExcelError, MockSheetInput, WriteRecord } from "./fake/model";

export interface MockExcelOptions {
  /** Highest ExcelApi version the fake has, as "1.x" (default: the newest, "1.17"). */
  excelApi?: string;
  displayLanguage?: string;
  /** Tables already in the workbook. */
  tables?: string[];
  /** Request and response limit in bytes (default 5 MB, Excel on the web); smaller in tests of the paging. */
  payloadLimit?: number;
  /** Cells above which cell properties are answered with null (default 5,000,000). */
  valuesCellLimit?: number;
}

export interface MockExcel {
  /** context.sync() calls so far (refused ones included). */
  syncs: number;
  writes: WriteRecord[];
  /** Serialized bytes of each request (index = request). */
  requestBytes: number[];
  /** Serialized bytes of each response (index = request). */
  responseBytes: number[];
  /** Each request as sent (its serialized commands), to show none is sent again after a refusal. */
  requestTexts: string[];
  /** The error code each request failed with ("" when it went through). */
  outcomes: string[];
  settings: Map<string, unknown>;
  /** Office.addin.setStartupBehavior calls. */
  startup: string[];
  sheetNames(): string[];
  /** A sheet's stored values as a grid from A1 to its last used cell (formulas show their value). */
  grid(name: string): unknown[][];
  /** The formula of a cell, or null. */
  formula(sheet: string, row: number, column: number): string | null;
  numberFormat(sheet: string, row: number, column: number): string;
  fill(sheet: string, row: number, column: number): string | null;
  /** Whether a cell's font was set bold. */
  bold(sheet: string, row: number, column: number): boolean;
  charts(sheet: string): Record<string, unknown>[];
  frozenRows(sheet: string): number;
  /** Print setup as pageLayout left it (undefined: never set). */
  page(sheet: string): ModelSheet["page"];
  /** Rows that start a printed page after a manual break. */
  pageBreaks(sheet: string): number[];
  /** The AutoFilter's range ("A2:U14"), or null. */
  autoFilter(sheet: string): string | null;
  /** Merged areas ("A1:F1"). */
  merges(sheet: string): string[];
  /** What a person does in Excel between two add-in calls. */
  user: {
    addSheet(sheet: MockSheetInput): void;
    deleteSheet(name: string): void;
    setCell(sheet: string, row: number, column: number, value: unknown): void;
    setFormula(sheet: string, row: number, column: number, formula: string): void;
  };
  /** From now on, request `index` (counting from the next sync, 0-based) runs `ops` commands and then fails. */
  failRequest(index: number, ops?: number): void;
  install(): void;
  resetCounters(): void;
}

const minor = (v: string) => Number(v.split(".")[1] ?? "0");

export function createMockExcel(input: MockSheetInput[], options: MockExcelOptions = {}): MockExcel {
  const level = minor(options.excelApi ?? "1.17");
  const B = createBook(level, options);
  const base = baseClasses(B);
  const ranges = rangeClasses(B, base);
  const { FakeContext } = sheetClasses(B, base, ranges, chartClasses(B, base), pageClasses(B, base));
  const {
    sheets,
    ids,
    find,
    state,
    writes,
    requestBytes,
    responseBytes,
    requestTexts,
    outcomes,
    settings,
    startup,
    cellValue,
    formulaCells,
    recalc,
    usedBox,
    cellAt,
    writeValues,
    queue,
    sync,
  } = B;

  // ---------------------------------------------------------------------------------------------
  // The test's side

  const toModel = (s: MockSheetInput): ModelSheet => {
    const sheet: ModelSheet = { id: ids.next++, name: s.name, cells: new Map(), charts: [], frozenRows: 0 };
    const r0 = s.origin?.row ?? 1;
    const c0 = s.origin?.column ?? 1;
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = s.formulas?.[i]?.[j];
        const cell: Cell = {};
        if (typeof f === "string" && f.startsWith("=")) cell.formula = f;
        if (v !== null && v !== undefined && v !== "") cell.value = v as Stored;
        if (cell.formula !== undefined || cell.value !== undefined)
          sheet.cells.set(key(r0 + i, c0 + j), cell);
      })
    );
    return sheet;
  };

  const sheetOrThrow = (name: string) => {
    const s = find(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  };

  const mock: MockExcel = {
    get syncs() {
      return state.syncs;
    },
    set syncs(v: number) {
      state.syncs = v;
    },
    writes,
    requestBytes,
    responseBytes,
    requestTexts,
    outcomes,
    settings,
    startup,
    sheetNames: () => sheets.map((s) => s.name),
    grid(name) {
      const sheet = sheetOrThrow(name);
      const box = usedBox(sheet, true);
      if (!box) return [];
      return Array.from({ length: box.r2 }, (_, i) =>
        Array.from({ length: box.c2 }, (_, j) => cellValue(sheet.cells.get(key(i + 1, j + 1))))
      );
    },
    formula: (name, r, c) => sheetOrThrow(name).cells.get(key(r, c))?.formula ?? null,
    numberFormat: (name, r, c) => sheetOrThrow(name).cells.get(key(r, c))?.format ?? "General",
    fill: (name, r, c) => sheetOrThrow(name).cells.get(key(r, c))?.fill ?? null,
    bold: (name, r, c) => sheetOrThrow(name).cells.get(key(r, c))?.bold === true,
    charts: (name) => sheetOrThrow(name).charts.map((c) => ({ ...c.props })),
    frozenRows: (name) => sheetOrThrow(name).frozenRows,
    page: (name) => sheetOrThrow(name).page,
    pageBreaks: (name) => [...(sheetOrThrow(name).breaks ?? [])],
    autoFilter: (name) => {
      const f = sheetOrThrow(name).filter;
      return f ? boxAddress(f) : null;
    },
    merges: (name) => (sheetOrThrow(name).merges ?? []).map(boxAddress),
    user: {
      addSheet: (s) => {
        checkSheetName(s.name, sheets);
        sheets.push(toModel(s));
        recalc();
      },
      deleteSheet: (name) => {
        const s = find(name);
        if (s) sheets.splice(sheets.indexOf(s), 1);
      },
      setCell: (name, row, column, value) => {
        writeValues(sheetOrThrow(name), { r1: row, c1: column, r2: row, c2: column }, [[value]]);
      },
      setFormula: (name, row, column, formula) => {
        const cell = cellAt(sheetOrThrow(name), row, column);
        cell.formula = formula;
        formulaCells.add(cell);
        recalc();
      },
    },
    failRequest(index, ops = 0) {
      state.failAt = state.syncs + index;
      state.failOps = ops;
    },
    install() {
      const excel = {
        run: async <T>(batch: (context: InstanceType<typeof FakeContext>) => Promise<T>) => {
          const result = await batch(new FakeContext());
          // Excel.run syncs what is left in the queue when the batch returns.
          if (queue.length > 0) await sync();
          return result;
        },
      };
      const office = {
        context: {
          displayLanguage: options.displayLanguage ?? "zh-CN",
          requirements: {
            isSetSupported: (name: string, version?: string) =>
              (name === "ExcelApi" && minor(version ?? "1.1") <= level) ||
              (name === "SharedRuntime" && minor(version ?? "1.1") <= 1),
          },
          document: {
            settings: {
              set: (k: string, value: unknown) => settings.set(k, value),
              get: (k: string) => settings.get(k) ?? null,
              remove: (k: string) => settings.delete(k),
              saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
            },
          },
        },
        addin: {
          setStartupBehavior: async (behavior: string) => {
            startup.push(behavior);
          },
          showAsTaskpane: async () => {
            startup.push("showAsTaskpane");
          },
        },
        StartupBehavior: { none: "None", load: "Load" },
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      };
      (globalThis as unknown as Record<string, unknown>).Excel = excel;
      (globalThis as unknown as Record<string, unknown>).Office = office;
    },
    resetCounters() {
      state.syncs = 0;
      state.failAt = -1;
      writes.length = 0;
      requestBytes.length = 0;
      responseBytes.length = 0;
      requestTexts.length = 0;
      outcomes.length = 0;
    },
  };
  for (const s of input) sheets.push(toModel(s));
  recalc();
  return mock;
}
