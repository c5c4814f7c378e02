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

export interface MockSheetInput {
  name: string;
  /** Cells from A1 (or from `origin`), row-major. */
  values: unknown[][];
  /** Formulas of the same cells where they differ from the values (KH. tests). */
  formulas?: unknown[][];
  origin?: { row: number; column: number };
}

export interface WriteRecord {
  /** Index of the request (0 = the first sync). */
  request: number;
  seq: number;
  sheet: string;
  /** Address of the range, or "sheet", "chart", "table", "series", "application". */
  target: string;
  /** Property path ("values", "format.fill.color", …) or method name ("delete()", …). */
  prop: string;
  value: unknown;
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const VALUES_CELL_LIMIT = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The requirement set of every member the fake offers ("Type.member" → ExcelApi minor version).
 * test/office/api-sets.test.ts checks each against its `[Api set: …]` note in @types/office-js.
 */
export const FAKE_API_SETS: Record<string, number> = {
  "Workbook.worksheets": 1,
  "Workbook.tables": 1,
  "Workbook.application": 1,
  "Application.suspendApiCalculationUntilNextSync": 6,
  "WorksheetCollection.getItem": 1,
  "WorksheetCollection.getItemOrNullObject": 4,
  "WorksheetCollection.add": 1,
  "WorksheetCollection.items": 1,
  "Worksheet.name": 1,
  "Worksheet.getRange": 1,
  "Worksheet.getUsedRange": 1,
  "Worksheet.getUsedRangeOrNullObject": 4,
  "Worksheet.activate": 1,
  "Worksheet.delete": 1,
  "Worksheet.freezePanes": 7,
  "Worksheet.charts": 1,
  "Worksheet.tables": 1,
  "WorksheetFreezePanes.freezeRows": 7,
  "Range.values": 1,
  "Range.formulas": 1,
  "Range.numberFormat": 1,
  "Range.valueTypes": 1,
  "Range.rowIndex": 1,
  "Range.columnIndex": 1,
  "Range.rowCount": 1,
  "Range.columnCount": 1,
  "Range.address": 1,
  "Range.clear": 1,
  "Range.copyFrom": 9,
  "Range.select": 1,
  "Range.format": 1,
  "Range.dataValidation": 8,
  "RangeFormat.fill": 1,
  "RangeFormat.font": 1,
  "RangeFormat.wrapText": 1,
  "RangeFormat.columnWidth": 2,
  "RangeFill.color": 1,
  "RangeFont.bold": 1,
  "RangeFont.italic": 1,
  "RangeFont.color": 1,
  "DataValidation.rule": 8,
  "ChartCollection.add": 1,
  "ChartCollection.items": 1,
  "Chart.name": 1,
  "Chart.title": 1,
  "Chart.legend": 1,
  "Chart.dataLabels": 1,
  "Chart.axes": 1,
  "Chart.series": 1,
  "Chart.setPosition": 1,
  "Chart.delete": 1,
  "ChartTitle.text": 1,
  "ChartLegend.visible": 1,
  "ChartDataLabels.showValue": 1,
  "ChartAxes.categoryAxis": 1,
  "ChartAxis.reversePlotOrder": 7,
  "ChartSeriesCollection.getItemAt": 1,
  "ChartSeries.name": 1,
  "ChartSeries.setXAxisValues": 7,
  "TableCollection.add": 1,
  "TableCollection.items": 1,
  "Table.name": 1,
  "Table.style": 1,
};

// ---------------------------------------------------------------------------------------------
// The workbook model

type Stored = string | number | boolean;
const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#BUSY!",
  "#CALC!",
  "#SPILL!",
];

interface Cell {
  value?: Stored;
  formula?: string;
  format?: string;
  fill?: string;
}

interface ModelChart {
  id: number;
  props: Record<string, unknown>;
}

interface ModelSheet {
  id: number;
  name: string;
  cells: Map<string, Cell>;
  charts: ModelChart[];
  frozenRows: number;
}

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const key = (r: number, c: number) => `${r},${c}`;
const fold = (s: string) => s.toLowerCase();

function letters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function boxAddress(box: Box): string {
  const a = `${letters(box.c1)}${box.r1}`;
  const b = `${letters(box.c2)}${box.r2}`;
  return a === b ? a : `${a}:${b}`;
}

function parseAddress(addr: string): Box {
  const cell = (ref: string) => {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
    if (!m) throw excelError("InvalidArgument", `the address "${addr}" is not valid`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    const r = Number(m[2]);
    if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLUMNS)
      throw excelError("InvalidArgument", `the address "${addr}" is off the sheet`);
    return { r, c };
  };
  const [a, b = a, extra] = addr.split(":");
  if (extra !== undefined) throw excelError("InvalidArgument", `the address "${addr}" is not valid`);
  const p = cell(a);
  const q = cell(b);
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export interface ExcelError extends Error {
  code: string;
}

function excelError(code: string, message: string): ExcelError {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Excel's rules for a sheet name (the Rename dialog says the same). */
function checkSheetName(name: unknown, sheets: readonly ModelSheet[], self?: ModelSheet): string {
  if (typeof name !== "string" || name.trim() === "")
    throw excelError("InvalidArgument", "a sheet name cannot be blank");
  if (name.length > 31)
    throw excelError("InvalidArgument", `the sheet name "${name}" is longer than 31 characters`);
  if (/[\\/?*[\]:]/.test(name))
    throw excelError("InvalidArgument", `the sheet name "${name}" has one of \\ / ? * [ ] :`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw excelError("InvalidArgument", `the sheet name "${name}" begins or ends with an apostrophe`);
  if (sheets.some((s) => s !== self && fold(s.name) === fold(name)))
    throw excelError(
      "ItemAlreadyExists",
      `a sheet named "${name}" exists (names are compared ignoring case)`
    );
  return name;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel stores when `text` is written to `values` of a cell with number format `format`. */
function typed(text: string, format: string | undefined): Cell {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (format === "@") return { value: text };
  const t = text.trim();
  if (NUMERIC.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  if (/^[=+\-@]/.test(text)) return { formula: text.startsWith("=") ? text : `=${text}` };
  return { value: text };
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null");
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Op {
  /** "Type.member" for the requirement-set check. */
  api: string;
  /** What the request carries for it (its JSON size counts toward the 5 MB). */
  payload: unknown;
  run: () => void;
  /** A load's answer: computed when the op runs, delivered after the response passed its check. */
  answer?: () => { deliver: () => void; size: number };
}

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
  charts(sheet: string): Record<string, unknown>[];
  frozenRows(sheet: string): number;
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
  const sheets: ModelSheet[] = [];
  let nextId = 1;
  const find = (name: string) => sheets.find((s) => fold(s.name) === fold(name));
  const tableNames: string[] = [...(options.tables ?? [])];
  const state = { syncs: 0, seq: 0, failAt: -1, failOps: 0 };
  const writes: WriteRecord[] = [];
  const requestBytes: number[] = [];
  const responseBytes: number[] = [];
  const requestTexts: string[] = [];
  const outcomes: string[] = [];
  const payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  const cellLimit = options.valuesCellLimit ?? VALUES_CELL_LIMIT;
  const settings = new Map<string, unknown>();
  const startup: string[] = [];

  // --- cells
  const cellValue = (cell: Cell | undefined): Stored | "" => cell?.value ?? "";
  /** The value of a formula the fake can work out (a reference to one cell); null keeps the value it has. */
  function evaluate(formula: string): Stored | null {
    if (formula.includes("#REF!")) return "#REF!";
    const m = /^=(?:'((?:[^']|'')+)'|([^!'"=]+))!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(formula);
    if (!m) return null;
    const sheet = find((m[1] ?? m[2]).replace(/''/g, "'"));
    if (!sheet) return "#REF!";
    const { r1, c1 } = parseAddress(`${m[3]}${m[4]}`);
    return cellValue(sheet.cells.get(key(r1, c1))) || 0;
  }
  /** Cells that hold (or held) a formula: recalculated after every change. */
  const formulaCells = new Set<Cell>();
  function recalc(): void {
    for (const cell of formulaCells)
      if (cell.formula === undefined) formulaCells.delete(cell);
      else {
        const v = evaluate(cell.formula);
        if (v !== null) cell.value = v;
        else if (cell.value === undefined) cell.value = "#NAME?";
      }
  }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** A reference to sheet `name` in a formula (quoted or not), not the tail of a longer name. */
  const refPattern = (name: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}_.'])(?:'${escape(name.replace(/'/g, "''"))}'|${escape(name)})!`, "giu");

  function usedBox(sheet: ModelSheet, valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    for (const [k, cell] of sheet.cells) {
      const hasValue = cell.formula !== undefined || (cell.value !== undefined && cell.value !== "");
      if (!hasValue && (valuesOnly || (cell.format === undefined && cell.fill === undefined))) continue;
      const [r, c] = k.split(",").map(Number);
      box = box
        ? {
            r1: Math.min(box.r1, r),
            c1: Math.min(box.c1, c),
            r2: Math.max(box.r2, r),
            c2: Math.max(box.c2, c),
          }
        : { r1: r, c1: c, r2: r, c2: c };
    }
    return box;
  }

  function gridOf<T>(sheet: ModelSheet, box: Box, pick: (cell: Cell | undefined) => T): T[][] | null {
    const rows = box.r2 - box.r1 + 1;
    const cols = box.c2 - box.c1 + 1;
    if (rows * cols > cellLimit) return null;
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => pick(sheet.cells.get(key(box.r1 + i, box.c1 + j))))
    );
  }

  function cellAt(sheet: ModelSheet, r: number, c: number): Cell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = {};
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  function shapeOf(value: unknown, box: Box, what: string): unknown[][] {
    const rows = box.r2 - box.r1 + 1;
    const cols = box.c2 - box.c1 + 1;
    if (!Array.isArray(value))
      return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
    if (value.length !== rows || value.some((r) => !Array.isArray(r) || r.length !== cols))
      throw excelError(
        "InvalidArgument",
        `${what} of ${boxAddress(box)} must be ${rows}×${cols}, got ${value.length}×${Array.isArray(value[0]) ? (value[0] as unknown[]).length : "?"}`
      );
    return value as unknown[][];
  }

  function writeValues(sheet: ModelSheet, box: Box, values: unknown): void {
    const grid = shapeOf(values, box, "values");
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return; // null leaves the cell as it is
        const cell = cellAt(sheet, box.r1 + i, box.c1 + j);
        delete cell.formula;
        delete cell.value;
        if (typeof v === "string") {
          Object.assign(cell, v === "" ? {} : typed(v, cell.format));
          if (cell.formula !== undefined) {
            formulaCells.add(cell);
            cell.value = evaluate(cell.formula) ?? "#NAME?";
          }
        } else if (typeof v === "number" || typeof v === "boolean") cell.value = v;
        else throw excelError("InvalidArgument", `values cannot hold ${JSON.stringify(v)}`);
      })
    );
    recalc();
  }

  function writeFormats(sheet: ModelSheet, box: Box, formats: unknown): void {
    const grid = shapeOf(formats, box, "numberFormat");
    grid.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f === null || f === undefined) return;
        if (typeof f !== "string")
          throw excelError("InvalidArgument", `numberFormat cannot be ${JSON.stringify(f)}`);
        cellAt(sheet, box.r1 + i, box.c1 + j).format = f;
      })
    );
  }

  function eachCell(box: Box, visit: (r: number, c: number) => void): void {
    if ((box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1) > VALUES_CELL_LIMIT) {
      // A whole-sheet range: visit only the cells that exist.
      return;
    }
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) visit(r, c);
  }

  function inBox(sheet: ModelSheet, box: Box, visit: (r: number, c: number, cell: Cell) => void): void {
    for (const [k, cell] of [...sheet.cells]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= box.r1 && r <= box.r2 && c >= box.c1 && c <= box.c2) visit(r, c, cell);
    }
  }

  // --- the request queue
  let queue: Op[] = [];
  /** Objects carried by a sync so far (isNullObject becomes readable). */
  let created: Fake[] = [];

  const record = (sheet: string, target: string, prop: string, value: unknown) =>
    writes.push({ request: state.syncs, seq: state.seq++, sheet, target, prop, value });

  async function sync(): Promise<void> {
    const index = state.syncs;
    try {
      await run(index);
      outcomes[index] = "";
    } catch (e) {
      outcomes[index] = (e as ExcelError).code ?? "Error";
      throw e;
    }
  }

  async function run(index: number): Promise<void> {
    const ops = queue;
    const carried = created;
    queue = [];
    created = [];
    state.syncs++;
    const text = JSON.stringify(ops.map((op) => [op.api, op.payload]));
    const request = Buffer.byteLength(text);
    requestTexts[index] = request < 100_000 ? text : `${request} bytes`;
    requestBytes[index] = request;
    responseBytes[index] = 0;
    if (request > payloadLimit)
      throw excelError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${request} bytes; the limit is ${payloadLimit}`
      );
    const answers: { deliver: () => void; size: number }[] = [];
    const failing = index === state.failAt;
    ops.forEach((op, i) => {
      if (failing && i === state.failOps)
        throw excelError("GeneralException", `request ${index} failed (test)`);
      const need = FAKE_API_SETS[op.api];
      if (need === undefined) throw new Error(`fake: no requirement set known for ${op.api}`);
      if (need > level)
        throw excelError("ApiNotFound", `${op.api} needs ExcelApi 1.${need}; this Excel has 1.${level}`);
      op.run();
      if (op.answer) answers.push(op.answer());
    });
    if (failing && state.failOps >= ops.length)
      throw excelError("GeneralException", `request ${index} failed (test)`);
    const response = answers.reduce((n, a) => n + a.size, 64);
    responseBytes[index] = response;
    if (response > payloadLimit)
      throw excelError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${response} bytes; the limit is ${payloadLimit}`
      );
    for (const a of answers) a.deliver();
    for (const f of carried) f._carried = true;
    await Promise.resolve();
  }

  // ---------------------------------------------------------------------------------------------
  // Proxy objects: every member declared, every read checked

  /** Base of the fake proxy objects: loadable properties, queued sets and calls. */
  abstract class Fake {
    _loaded = new Map<string, unknown>();
    _carried = false;
    abstract readonly _type: string;
    constructor() {
      created.push(this);
    }
    /** Loadable properties: name → the value now (read when the load runs). */
    _loadable(): Record<string, () => unknown> {
      return {};
    }
    _sheetName(): string {
      return "";
    }
    _target(): string {
      return "";
    }
    load(what?: string | string[]): this {
      const names = (Array.isArray(what) ? what : String(what ?? "").split(","))
        .map((s) => s.trim())
        .filter(Boolean);
      const loadable = this._loadable();
      for (const name of names) {
        if (name.startsWith("items")) {
          this._loadItems(name);
          continue;
        }
        if (!(name in loadable))
          throw excelError("InvalidArgument", `${this._type}.${name} cannot be loaded`);
        this._queue(
          `${this._type}.${name}`,
          { load: name },
          () => undefined,
          () => {
            const value = loadable[name]();
            return { deliver: () => this._loaded.set(name, value), size: byteLength(value) };
          }
        );
      }
      return this;
    }
    _loadItems(what: string): void {
      throw excelError("InvalidArgument", `${this._type} has no items (${what})`);
    }
    _get(name: string): unknown {
      if (!this._loaded.has(name))
        throw excelError("PropertyNotLoaded", `${this._type}.${name} was read before load + context.sync()`);
      return this._loaded.get(name);
    }
    _queue(api: string, payload: unknown, run: () => void, answer?: Op["answer"]): void {
      queue.push({ api, payload, run, answer });
    }
    /** A property set: queued, recorded when it runs. */
    _set(member: string, path: string, value: unknown, apply: () => void = () => undefined): void {
      this._queue(`${this._type}.${member}`, { set: path, value }, () => {
        record(this._sheetName(), this._target(), path, value);
        apply();
      });
    }
    _call(member: string, args: unknown[], apply: () => void = () => undefined): void {
      this._queue(
        `${this._type}.${member}`,
        { call: member, args: args.map((a) => (a instanceof Fake ? a._type : a)) },
        () => {
          record(this._sheetName(), this._target(), `${member}()`, args);
          apply();
        }
      );
    }
  }

  function hasSetter(object: object, name: string): boolean {
    for (
      let o = Object.getPrototypeOf(object) as object | null;
      o;
      o = Object.getPrototypeOf(o) as object | null
    )
      if (Object.getOwnPropertyDescriptor(o, name)?.set) return true;
    return false;
  }

  /** Refuses members that do not exist (a typo or an API Excel lacks would otherwise pass unseen). */
  function strict<T extends Fake>(fake: T): T {
    return new Proxy(fake, {
      get(target, p, receiver) {
        if (typeof p === "symbol" || p === "then" || p === "toJSON" || p in target)
          return Reflect.get(target, p, receiver);
        throw excelError("InvalidArgument", `${target._type}.${p} does not exist in the Excel API`);
      },
      set(target, p, value, receiver) {
        if (typeof p === "string" && (p.startsWith("_") || hasSetter(target, p)))
          return Reflect.set(target, p, value, receiver);
        throw excelError("InvalidArgument", `${target._type}.${String(p)} cannot be set`);
      },
    });
  }

  /** A worksheet reference, resolved when its request runs (by name or by id). */
  class SheetRef {
    sheet: ModelSheet | null = null;
    constructor(readonly name: string) {}
    get(): ModelSheet {
      if (this.sheet && sheets.includes(this.sheet)) return this.sheet;
      // Office.js sends an object's path again with each request: one resolved in a request that
      // was refused is looked up by name now.
      if (!this.sheet) this.sheet = find(this.name) ?? null;
      if (this.sheet) return this.sheet;
      throw excelError("ItemNotFound", `the sheet "${this.name}" does not exist`);
    }
  }

  class FakeApplication extends Fake {
    readonly _type = "Application";
    suspendApiCalculationUntilNextSync(): void {
      this._call("suspendApiCalculationUntilNextSync", []);
    }
    override _target() {
      return "application";
    }
  }

  class FakeWorksheetCollection extends Fake {
    readonly _type = "WorksheetCollection";
    _items: FakeWorksheet[] | null = null;
    get items(): FakeWorksheet[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "WorksheetCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      if (!/^items(\/name)?$/.test(what)) throw excelError("InvalidArgument", `worksheets.load("${what}")`);
      this._queue(
        "WorksheetCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = sheets.map((s) => ({ s, name: s.name }));
          return {
            deliver: () => {
              this._items = now.map(({ s, name }) => {
                const ref = new SheetRef(name);
                ref.sheet = s;
                const ws = makeWorksheet(ref);
                ws._loaded.set("name", name);
                ws._carried = true;
                return ws;
              });
            },
            size: byteLength(now.map((n) => n.name)),
          };
        }
      );
    }
    getItem(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      this._queue("WorksheetCollection.getItem", { getItem: name }, () => {
        const found = find(name);
        if (!found) throw excelError("ItemNotFound", `the sheet "${name}" does not exist`);
        ref.sheet = found;
      });
      return makeWorksheet(ref);
    }
    getItemOrNullObject(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      const ws = makeWorksheet(ref);
      this._queue("WorksheetCollection.getItemOrNullObject", { getItem: name }, () => {
        ref.sheet = find(name) ?? null;
        ws._null = ref.sheet === null;
      });
      return ws;
    }
    add(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      this._queue("WorksheetCollection.add", { add: name }, () => {
        const sheet: ModelSheet = {
          id: nextId++,
          name: checkSheetName(name, sheets),
          cells: new Map(),
          charts: [],
          frozenRows: 0,
        };
        sheets.push(sheet);
        ref.sheet = sheet;
        record(name, "sheet", "add()", [name]);
      });
      return makeWorksheet(ref);
    }
  }

  class FakeWorksheet extends Fake {
    readonly _type = "Worksheet";
    _null = false;
    constructor(readonly _ref: SheetRef) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    override _loadable() {
      return { name: () => this._ref.get().name };
    }
    get isNullObject(): boolean {
      if (!this._carried)
        throw excelError("PropertyNotLoaded", "Worksheet.isNullObject was read before context.sync()");
      return this._null;
    }
    get name(): string {
      return this._get("name") as string;
    }
    set name(value: string) {
      this._set("name", "name", value, () => {
        const sheet = this._ref.get();
        const old = sheet.name;
        sheet.name = checkSheetName(value, sheets, sheet);
        const quoted = /^[\p{L}\p{N}_]+$/u.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
        for (const s of sheets)
          for (const cell of s.cells.values())
            if (cell.formula) cell.formula = cell.formula.replace(refPattern(old), `${quoted}!`);
        recalc();
      });
    }
    getRange(address?: string): FakeRange {
      return makeRange(this._ref, "Worksheet.getRange", address ?? "", () =>
        address === undefined ? { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLUMNS } : parseAddress(address)
      );
    }
    getUsedRange(valuesOnly?: boolean): FakeRange {
      return makeRange(
        this._ref,
        "Worksheet.getUsedRange",
        String(valuesOnly ?? ""),
        () => usedBox(this._ref.get(), valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }
      );
    }
    getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
      return makeRange(this._ref, "Worksheet.getUsedRangeOrNullObject", String(valuesOnly ?? ""), () =>
        usedBox(this._ref.get(), valuesOnly === true)
      );
    }
    activate(): void {
      this._call("activate", [], () => this._ref.get());
    }
    delete(): void {
      this._call("delete", [], () => {
        const sheet = this._ref.get();
        sheets.splice(sheets.indexOf(sheet), 1);
        for (const s of sheets)
          for (const cell of s.cells.values())
            if (cell.formula) cell.formula = cell.formula.replace(refPattern(sheet.name), "#REF!");
        recalc();
      });
    }
    get freezePanes(): FakeFreezePanes {
      return strict(new FakeFreezePanes(this._ref));
    }
    get charts(): FakeChartCollection {
      return strict(new FakeChartCollection(this._ref));
    }
    get tables(): FakeTableCollection {
      return strict(new FakeTableCollection(this._ref));
    }
  }
  const makeWorksheet = (ref: SheetRef) => strict(new FakeWorksheet(ref));

  class FakeFreezePanes extends Fake {
    readonly _type = "WorksheetFreezePanes";
    constructor(readonly _ref: SheetRef) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    freezeRows(count: number): void {
      this._call("freezeRows", [count], () => {
        this._ref.get().frozenRows = count;
      });
    }
  }

  class FakeRange extends Fake {
    readonly _type = "Range";
    _box: Box | null = null;
    constructor(
      readonly _ref: SheetRef,
      readonly _origin: string,
      readonly _where: () => Box | null,
      _at = ""
    ) {
      super();
      this._queue(_origin, { range: _origin, sheet: _ref.name, at: _at }, () => {
        this._box = _where();
      });
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return this._box ? boxAddress(this._box) : "?";
    }
    _at(): { sheet: ModelSheet; box: Box } {
      const sheet = this._ref.get();
      if (!this._box) throw excelError("ItemNotFound", "the range is a null object");
      return { sheet, box: this._box };
    }
    override _loadable() {
      const at = () => this._at();
      return {
        values: () => gridOf(at().sheet, at().box, (c) => cellValue(c)),
        formulas: () =>
          gridOf(at().sheet, at().box, (c) => (c?.formula !== undefined ? c.formula : cellValue(c))),
        valueTypes: () =>
          gridOf(at().sheet, at().box, (c) => {
            const v = cellValue(c);
            if (v === "") return "Empty";
            if (typeof v === "number") return "Double";
            if (typeof v === "boolean") return "Boolean";
            return c?.formula !== undefined && ERRORS.includes(v) ? "Error" : "String";
          }),
        numberFormat: () => gridOf(at().sheet, at().box, (c) => c?.format ?? "General"),
        rowIndex: () => at().box.r1 - 1,
        columnIndex: () => at().box.c1 - 1,
        rowCount: () => at().box.r2 - at().box.r1 + 1,
        columnCount: () => at().box.c2 - at().box.c1 + 1,
        address: () => `${at().sheet.name}!${boxAddress(at().box)}`,
      };
    }
    get isNullObject(): boolean {
      if (!this._carried)
        throw excelError("PropertyNotLoaded", "Range.isNullObject was read before context.sync()");
      return this._box === null;
    }
    get values(): unknown[][] {
      return this._get("values") as unknown[][];
    }
    set values(v: unknown[][]) {
      this._set("values", "values", v, () => {
        const { sheet, box } = this._at();
        writeValues(sheet, box, v);
      });
    }
    get formulas(): unknown[][] {
      return this._get("formulas") as unknown[][];
    }
    get valueTypes(): string[][] {
      return this._get("valueTypes") as string[][];
    }
    get numberFormat(): unknown[][] {
      return this._get("numberFormat") as unknown[][];
    }
    set numberFormat(v: unknown[][]) {
      this._set("numberFormat", "numberFormat", v, () => {
        const { sheet, box } = this._at();
        writeFormats(sheet, box, v);
      });
    }
    get rowIndex(): number {
      return this._get("rowIndex") as number;
    }
    get columnIndex(): number {
      return this._get("columnIndex") as number;
    }
    get rowCount(): number {
      return this._get("rowCount") as number;
    }
    get columnCount(): number {
      return this._get("columnCount") as number;
    }
    get address(): string {
      return this._get("address") as string;
    }
    clear(): void {
      this._call("clear", [], () => {
        const { sheet, box } = this._at();
        inBox(sheet, box, (r, c) => sheet.cells.delete(key(r, c)));
        recalc();
      });
    }
    copyFrom(source: FakeRange, copyType: string = "All"): void {
      if (copyType !== "All") throw new Error(`fake: copyFrom(${copyType}) is not modelled`);
      this._call("copyFrom", [source], () => {
        const from = source._at();
        const to = this._at();
        const copies: [number, number, Cell][] = [];
        inBox(from.sheet, from.box, (r, c, cell) =>
          copies.push([r - from.box.r1, c - from.box.c1, { ...cell }])
        );
        inBox(
          to.sheet,
          {
            r1: to.box.r1,
            c1: to.box.c1,
            r2: to.box.r1 + from.box.r2 - from.box.r1,
            c2: to.box.c1 + from.box.c2 - from.box.c1,
          },
          (r, c) => to.sheet.cells.delete(key(r, c))
        );
        for (const [dr, dc, cell] of copies) {
          to.sheet.cells.set(key(to.box.r1 + dr, to.box.c1 + dc), cell);
          if (cell.formula !== undefined) formulaCells.add(cell);
        }
        recalc();
      });
    }
    select(): void {
      this._call("select", [], () => this._at());
    }
    get format(): FakeRangeFormat {
      return strict(new FakeRangeFormat(this));
    }
    get dataValidation(): FakeDataValidation {
      return strict(new FakeDataValidation(this));
    }
  }
  const makeRange = (ref: SheetRef, origin: string, at: string, where: () => Box | null) =>
    strict(new FakeRange(ref, origin, where, at));

  /** Format objects: settable properties recorded under their path; fills kept per cell. */
  abstract class RangePart extends Fake {
    constructor(readonly _range: FakeRange) {
      super();
    }
    override _sheetName() {
      return this._range._sheetName();
    }
    override _target() {
      return this._range._target();
    }
  }
  class FakeRangeFormat extends RangePart {
    readonly _type = "RangeFormat";
    get fill(): FakeRangeFill {
      return strict(new FakeRangeFill(this._range));
    }
    get font(): FakeRangeFont {
      return strict(new FakeRangeFont(this._range));
    }
    set wrapText(v: boolean) {
      this._set("wrapText", "format.wrapText", v, () => this._range._at());
    }
    set columnWidth(v: number) {
      this._set("columnWidth", "format.columnWidth", v, () => this._range._at());
    }
  }
  class FakeRangeFill extends RangePart {
    readonly _type = "RangeFill";
    set color(v: string) {
      this._set("color", "format.fill.color", v, () => {
        const { sheet, box } = this._range._at();
        eachCell(box, (r, c) => {
          cellAt(sheet, r, c).fill = v;
        });
      });
    }
  }
  class FakeRangeFont extends RangePart {
    readonly _type = "RangeFont";
    set bold(v: boolean) {
      this._set("bold", "format.font.bold", v, () => this._range._at());
    }
    set italic(v: boolean) {
      this._set("italic", "format.font.italic", v, () => this._range._at());
    }
    set color(v: string) {
      this._set("color", "format.font.color", v, () => this._range._at());
    }
  }
  class FakeDataValidation extends RangePart {
    readonly _type = "DataValidation";
    set rule(v: unknown) {
      this._set("rule", "dataValidation.rule", v, () => this._range._at());
    }
  }

  class FakeChartCollection extends Fake {
    readonly _type = "ChartCollection";
    _items: FakeChart[] | null = null;
    constructor(readonly _ref: SheetRef) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    get items(): FakeChart[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "ChartCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      if (!/^items(\/name)?$/.test(what)) throw excelError("InvalidArgument", `charts.load("${what}")`);
      this._queue(
        "ChartCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = [...this._ref.get().charts];
          return {
            deliver: () => {
              this._items = now.map((model) => {
                const chart = strict(new FakeChart(this._ref));
                chart._model = model;
                chart._loaded.set("name", String(model.props.name ?? `Chart ${model.id}`));
                return chart;
              });
            },
            size: byteLength(now.map((m) => m.id)),
          };
        }
      );
    }
    add(type: string, source: FakeRange, seriesBy: string): FakeChart {
      const chart = strict(new FakeChart(this._ref));
      this._queue("ChartCollection.add", { add: type, seriesBy }, () => {
        const sheet = this._ref.get();
        source._at();
        const model: ModelChart = { id: nextId++, props: { type, source: source._target(), seriesBy } };
        sheet.charts.push(model);
        chart._model = model;
        record(sheet.name, "sheet", "charts.add()", [type, seriesBy]);
      });
      return chart;
    }
  }

  class FakeChart extends Fake {
    readonly _type: string = "Chart";
    _model: ModelChart | null = null;
    constructor(
      readonly _ref: SheetRef,
      readonly _path = ""
    ) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return this._path.startsWith("series") ? "series" : "chart";
    }
    _part<T extends FakeChart>(make: new (ref: SheetRef, path: string) => T, path: string): T {
      const part = strict(new make(this._ref, path));
      part._owner = this;
      return part;
    }
    _owner: FakeChart | null = null;
    _root(): ModelChart {
      const model = this._owner ? this._owner._root() : this._model;
      if (!model || !this._ref.get().charts.includes(model))
        throw excelError("ItemNotFound", "the chart does not exist");
      return model;
    }
    _prop(member: string, name: string, value: unknown): void {
      const path = this._path ? `${this._path}.${name}` : name;
      this._set(member, path, value, () => {
        this._root().props[path] = value;
      });
    }
    get name(): string {
      return this._get("name") as string;
    }
    get title(): FakeChartTitle {
      return this._part(FakeChartTitle, "title");
    }
    get legend(): FakeChartLegend {
      return this._part(FakeChartLegend, "legend");
    }
    get dataLabels(): FakeChartDataLabels {
      return this._part(FakeChartDataLabels, "dataLabels");
    }
    get axes(): FakeChartAxes {
      return this._part(FakeChartAxes, "axes");
    }
    get series(): FakeChartSeriesCollection {
      return this._part(FakeChartSeriesCollection, "series");
    }
    setPosition(topLeft: string, bottomRight: string): void {
      this._call("setPosition", [topLeft, bottomRight], () => {
        this._root().props.position = [topLeft, bottomRight];
      });
    }
    delete(): void {
      this._call("delete", [], () => {
        const sheet = this._ref.get();
        sheet.charts = sheet.charts.filter((c) => c !== this._root());
      });
    }
  }
  class FakeChartTitle extends FakeChart {
    override readonly _type = "ChartTitle";
    set text(v: string) {
      this._prop("text", "text", v);
    }
  }
  class FakeChartLegend extends FakeChart {
    override readonly _type = "ChartLegend";
    set visible(v: boolean) {
      this._prop("visible", "visible", v);
    }
  }
  class FakeChartDataLabels extends FakeChart {
    override readonly _type = "ChartDataLabels";
    set showValue(v: boolean) {
      this._prop("showValue", "showValue", v);
    }
  }
  class FakeChartAxes extends FakeChart {
    override readonly _type = "ChartAxes";
    get categoryAxis(): FakeChartAxis {
      return this._part(FakeChartAxis, "axes.categoryAxis");
    }
  }
  class FakeChartAxis extends FakeChart {
    override readonly _type = "ChartAxis";
    set reversePlotOrder(v: boolean) {
      this._prop("reversePlotOrder", "reversePlotOrder", v);
    }
  }
  class FakeChartSeriesCollection extends FakeChart {
    override readonly _type = "ChartSeriesCollection";
    getItemAt(index: number): FakeChartSeries {
      const series = this._part(FakeChartSeries, `series${index}`);
      this._queue("ChartSeriesCollection.getItemAt", { getItemAt: index }, () => this._root());
      return series;
    }
  }
  class FakeChartSeries extends FakeChart {
    override readonly _type = "ChartSeries";
    override set name(v: string) {
      this._prop("name", "name", v);
    }
    setXAxisValues(range: FakeRange): void {
      this._call("setXAxisValues", [range], () => {
        this._root().props[`${this._path}.xValues`] = range._target();
      });
    }
  }

  class FakeTableCollection extends Fake {
    readonly _type = "TableCollection";
    _items: { name: string }[] | null = null;
    constructor(readonly _ref: SheetRef | null) {
      super();
    }
    override _sheetName() {
      return this._ref?.sheet?.name ?? this._ref?.name ?? "";
    }
    override _target() {
      return "sheet";
    }
    get items(): { name: string }[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "TableCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      this._queue(
        "TableCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = tableNames.map((name) => ({ name }));
          return { deliver: () => (this._items = now), size: byteLength(now) };
        }
      );
    }
    add(address: string, hasHeaders: boolean): FakeTable {
      const table = strict(new FakeTable(this._ref));
      const ref = this._ref;
      if (!ref) throw new Error("fake: workbook.tables.add is not modelled");
      this._queue("TableCollection.add", { add: address, hasHeaders }, () => {
        parseAddress(address);
        record(ref.get().name, "sheet", "tables.add()", [address, hasHeaders]);
      });
      return table;
    }
  }
  class FakeTable extends Fake {
    readonly _type = "Table";
    _name = "";
    constructor(readonly _ref: SheetRef | null) {
      super();
    }
    override _sheetName() {
      return this._ref?.sheet?.name ?? "";
    }
    override _target() {
      return "table";
    }
    set name(v: string) {
      this._set("name", "name", v, () => {
        if (tableNames.some((n) => fold(n) === fold(v)))
          throw excelError("ItemAlreadyExists", `a table named "${v}" exists`);
        tableNames.push(v);
      });
    }
    set style(v: string) {
      this._set("style", "style", v);
    }
  }

  class FakeWorkbook extends Fake {
    readonly _type = "Workbook";
    readonly worksheets = strict(new FakeWorksheetCollection());
    readonly tables = strict(new FakeTableCollection(null));
    readonly application = strict(new FakeApplication());
  }

  class FakeContext {
    readonly workbook = strict(new FakeWorkbook());
    sync(): Promise<void> {
      return sync();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The test's side

  const toModel = (s: MockSheetInput): ModelSheet => {
    const sheet: ModelSheet = { id: nextId++, name: s.name, cells: new Map(), charts: [], frozenRows: 0 };
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
    charts: (name) => sheetOrThrow(name).charts.map((c) => ({ ...c.props })),
    frozenRows: (name) => sheetOrThrow(name).frozenRows,
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
        run: async <T>(batch: (context: FakeContext) => Promise<T>) => {
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
