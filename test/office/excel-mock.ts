import { OfficeMockObject } from "office-addin-mock";

/**
 * A small Excel for the Office.js host tests, built from office-addin-mock's OfficeMockObject:
 * ranges read through `load` + `context.sync()` (reading before the sync gives the mock's
 * "not loaded / not synced" error text, so the host must load and sync first, as in Excel), and
 * every write goes through a recording proxy. Structural commands (add, delete, getItem) and
 * value writes are queued and applied at `context.sync()`, in order, like a real batch: a
 * missing sheet fails the sync with ItemNotFound, a name taken fails with ItemAlreadyExists.
 *
 * Test files must mock office-addin-manifest first (see mockManifest below).
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
  /** Index of the request (0 = before the first sync). */
  request: number;
  seq: number;
  sheet: string;
  /** Address of the range, or "sheet", "chart", "table", "series". */
  target: string;
  /** Property path ("values", "format.fill.color", …) or method name ("delete()", …). */
  prop: string;
  value: unknown;
}

interface ModelSheet {
  name: string;
  cells: Map<string, unknown>;
  formulas: Map<string, unknown>;
}

type Op =
  | { kind: "add"; name: string }
  | { kind: "delete"; name: string }
  | { kind: "need"; name: string }
  | { kind: "values"; sheet: string; address: string; values: unknown[][] };

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function parseAddress(addr: string): { r1: number; c1: number; r2: number; c2: number } {
  const cell = (ref: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)?$/i.exec(ref);
    if (!m) throw new Error(`mock: bad address ${addr}`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: m[2] ? Number(m[2]) : 1, c };
  };
  const [a, b = a] = addr.split(":");
  const p = cell(a);
  const q = cell(b);
  return { r1: p.r, c1: p.c, r2: q.r, c2: q.c };
}

export interface MockExcelOptions {
  /** Highest ExcelApi version the mock claims, as "1.x" (default "1.17"). */
  excelApi?: string;
  displayLanguage?: string;
  /** Tables already in the workbook. */
  tables?: string[];
}

export interface MockExcel {
  /** context.sync() calls so far. */
  syncs: number;
  writes: WriteRecord[];
  /** Bytes of values/numberFormat/formulas sent in each request (index = request). */
  requestBytes: number[];
  settings: Map<string, unknown>;
  /** The sheets as the mock workbook holds them now (names in tab order). */
  sheetNames(): string[];
  /** A sheet's cells as a grid from A1 to its last used cell. */
  grid(name: string): unknown[][];
  /** What a person does in Excel between two add-in calls. */
  user: {
    addSheet(sheet: MockSheetInput): void;
    deleteSheet(name: string): void;
    setCell(sheet: string, row: number, column: number, value: unknown): void;
  };
  /** Make `Excel` and `Office` globals point at this mock. */
  install(): void;
  resetCounters(): void;
}

export function createMockExcel(input: MockSheetInput[], options: MockExcelOptions = {}): MockExcel {
  const minor = (v: string) => Number(v.split(".")[1] ?? "0");
  const excelApi = minor(options.excelApi ?? "1.17");
  const sheets: ModelSheet[] = [];
  const find = (name: string) => sheets.find((s) => fold(s.name) === fold(name));

  const state = { syncs: 0, seq: 0 };
  const writes: WriteRecord[] = [];
  const requestBytes: number[] = [0];
  const settings = new Map<string, unknown>();
  let ops: Op[] = [];
  let toSync: OfficeMockObject[] = [];
  let listRequested: { collection: Record<string, unknown>; items: OfficeMockObject[] } | null = null;
  let tablesRequested: Record<string, unknown> | null = null;
  /** Names of the workbook's tables (set by the test; tables the host adds are recorded as writes). */
  const tableNames: string[] = options.tables ?? [];

  const record = (sheet: string, target: string, prop: string, value: unknown) => {
    writes.push({ request: state.syncs, seq: state.seq++, sheet, target, prop, value });
    if (prop === "values" || prop === "numberFormat" || prop === "formulas")
      requestBytes[state.syncs] = (requestBytes[state.syncs] ?? 0) + Buffer.byteLength(JSON.stringify(value));
  };

  /** A proxy that records every property set, at any depth, on an OfficeMockObject tree. */
  const wrappers = new WeakMap<object, object>();
  function recorded<T extends object>(target: T, sheet: string, where: string, path = ""): T {
    const cached = wrappers.get(target);
    if (cached) return cached as T;
    const proxy = new Proxy(target, {
      get(t, p, receiver) {
        const v = Reflect.get(t, p, receiver) as unknown;
        if (typeof p === "string" && !p.startsWith("_") && v instanceof OfficeMockObject)
          return recorded(v, sheet, where, path ? `${path}.${p}` : p);
        return v;
      },
      set(t, p, value, receiver) {
        if (typeof p === "string" && !p.startsWith("_")) {
          const prop = path ? `${path}.${p}` : p;
          record(sheet, where, prop, value);
          if (prop === "values")
            ops.push({ kind: "values", sheet, address: where, values: value as unknown[][] });
        }
        return Reflect.set(t, p, value, receiver);
      },
    });
    wrappers.set(target, proxy);
    return proxy;
  }

  const call = (sheet: string, target: string, method: string, ...args: unknown[]) =>
    record(sheet, target, `${method}()`, args);

  function usedBox(sheet: ModelSheet, valuesOnly: boolean) {
    const keys = new Set([...sheet.cells.keys(), ...(valuesOnly ? [] : [...sheet.formulas.keys()])]);
    if (keys.size === 0) return null;
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    for (const k of keys) {
      const [r, c] = k.split(",").map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return { r1, c1, r2, c2 };
  }

  function readRange(sheetName: string, valuesOnly: boolean): OfficeMockObject {
    const sheet = find(sheetName);
    const box = sheet ? usedBox(sheet, valuesOnly) : null;
    const grid = (map: Map<string, unknown>, fallback?: Map<string, unknown>) =>
      box
        ? Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) =>
            Array.from({ length: box.c2 - box.c1 + 1 }, (_, j) => {
              const key = `${box.r1 + i},${box.c1 + j}`;
              return map.get(key) ?? fallback?.get(key) ?? "";
            })
          )
        : [];
    const range = new OfficeMockObject({
      values: grid(sheet?.cells ?? new Map()),
      formulas: grid(sheet?.formulas ?? new Map(), sheet?.cells),
      rowIndex: box ? box.r1 - 1 : 0,
      columnIndex: box ? box.c1 - 1 : 0,
    });
    // Known after the sync, like Office.js; a plain property, not a loadable one.
    (range as unknown as { isNullObject: boolean }).isNullObject = box === null;
    toSync.push(range);
    return range;
  }

  function writeRange(sheetName: string, addr: string): OfficeMockObject {
    const range = new OfficeMockObject({
      format: { fill: {}, font: {}, borders: {} },
      dataValidation: {},
      select: () => call(sheetName, addr, "select"),
    });
    return recorded(range, sheetName, addr);
  }

  function chartMock(sheetName: string): OfficeMockObject {
    const series = new OfficeMockObject({
      setXAxisValues: (r: unknown) => call(sheetName, "series", "setXAxisValues", r),
    });
    const chart = new OfficeMockObject({
      title: {},
      legend: {},
      dataLabels: {},
      axes: { categoryAxis: {}, valueAxis: {} },
      series: { getItemAt: () => recorded(series, sheetName, "series") },
      setPosition: (a: string, b: string) => call(sheetName, "chart", "setPosition", a, b),
    });
    return recorded(chart, sheetName, "chart");
  }

  function worksheetMock(name: string): OfficeMockObject {
    const ws = new OfficeMockObject({
      name,
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => readRange(name, valuesOnly === true),
      getUsedRange: (valuesOnly?: boolean) => readRange(name, valuesOnly === true),
      getRange: (addr: string) => writeRange(name, addr),
      activate: () => call(name, "sheet", "activate"),
      delete: () => {
        call(name, "sheet", "delete");
        ops.push({ kind: "delete", name });
      },
      freezePanes: { freezeRows: (n: number) => call(name, "sheet", "freezeRows", n) },
      charts: {
        add: (type: string, _range: unknown, seriesBy: string) => {
          call(name, "sheet", "charts.add", type, seriesBy);
          return chartMock(name);
        },
      },
      tables: {
        add: (addr: string, headers: boolean) => {
          call(name, "sheet", "tables.add", addr, headers);
          return recorded(new OfficeMockObject({}), name, "table");
        },
      },
    });
    toSync.push(ws);
    return ws;
  }

  function worksheetsMock(): Record<string, unknown> {
    const collection: Record<string, unknown> = {
      load: (what: string) => {
        if (!/items\/name|items/.test(String(what)))
          throw new Error(`mock: unexpected worksheets.load(${what})`);
        listRequested = { collection, items: [] };
      },
      getItem: (name: string) => {
        ops.push({ kind: "need", name });
        return worksheetMock(name);
      },
      add: (name: string) => {
        call(name, "sheet", "add");
        ops.push({ kind: "add", name });
        return worksheetMock(name);
      },
    };
    return collection;
  }

  function applyOps(): void {
    const batch = ops;
    ops = [];
    for (const op of batch) {
      if (op.kind === "add") {
        if (find(op.name))
          throw Object.assign(new Error(`ItemAlreadyExists: ${op.name}`), { code: "ItemAlreadyExists" });
        sheets.push({ name: op.name, cells: new Map(), formulas: new Map() });
      } else if (op.kind === "delete" || op.kind === "need") {
        const sheet = find(op.name);
        if (!sheet) throw Object.assign(new Error(`ItemNotFound: ${op.name}`), { code: "ItemNotFound" });
        if (op.kind === "delete") sheets.splice(sheets.indexOf(sheet), 1);
      } else {
        const sheet = find(op.sheet);
        if (!sheet) throw Object.assign(new Error(`ItemNotFound: ${op.sheet}`), { code: "ItemNotFound" });
        const box = parseAddress(op.address);
        const rows = box.r2 - box.r1 + 1;
        const cols = box.c2 - box.c1 + 1;
        if (op.values.length !== rows || op.values.some((r) => r.length !== cols))
          throw Object.assign(new Error(`InvalidArgument: ${op.address} gets ${op.values.length} rows`), {
            code: "InvalidArgument",
          });
        op.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const key = `${box.r1 + i},${box.c1 + j}`;
            // Excel keeps the text after a leading apostrophe (its "this is text" prefix).
            const value = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
            sheet.formulas.delete(key);
            if (value === "" || value === null) sheet.cells.delete(key);
            else sheet.cells.set(key, value);
          })
        );
      }
    }
  }

  function makeContext(): OfficeMockObject {
    const context = new OfficeMockObject({
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync: () =>
            call("", "application", "suspendApiCalculationUntilNextSync"),
        },
      },
    });
    const workbook = (context as unknown as { workbook: Record<string, unknown> }).workbook;
    workbook.worksheets = worksheetsMock();
    const tables: Record<string, unknown> = {
      load: () => {
        tablesRequested = tables;
      },
    };
    workbook.tables = tables;
    (context as unknown as { sync: () => Promise<void> }).sync = async () => {
      try {
        applyOps();
      } finally {
        state.syncs++;
        requestBytes[state.syncs] = 0;
      }
      if (tablesRequested) {
        tablesRequested.items = tableNames.map((name) => ({ name }));
        tablesRequested = null;
      }
      const list = listRequested;
      listRequested = null;
      if (list) {
        list.collection.items = sheets.map((s) => {
          const ws = worksheetMock(s.name);
          ws.load("name");
          return ws;
        });
      }
      const pending = toSync;
      toSync = [];
      for (const m of pending) await m.sync();
      // office-addin-mock settles child properties in un-awaited callbacks: let them run.
      await new Promise((resolve) => setImmediate(resolve));
      for (const m of pending) toSync.push(m);
    };
    return context;
  }

  const toModel = (s: MockSheetInput): ModelSheet => {
    const sheet: ModelSheet = { name: s.name, cells: new Map(), formulas: new Map() };
    const r0 = s.origin?.row ?? 1;
    const c0 = s.origin?.column ?? 1;
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== "") sheet.cells.set(`${r0 + i},${c0 + j}`, v);
        const f = s.formulas?.[i]?.[j];
        if (f !== undefined && f !== null && f !== "") sheet.formulas.set(`${r0 + i},${c0 + j}`, f);
      })
    );
    return sheet;
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
    settings,
    sheetNames: () => sheets.map((s) => s.name),
    user: {
      addSheet: (s) => {
        sheets.push(toModel(s));
      },
      deleteSheet: (name) => {
        const s = find(name);
        if (s) sheets.splice(sheets.indexOf(s), 1);
      },
      setCell: (name, row, column, value) => {
        const s = find(name);
        if (!s) throw new Error(`mock: no sheet ${name}`);
        s.cells.set(`${row},${column}`, value);
      },
    },
    grid(name) {
      const sheet = find(name);
      if (!sheet) throw new Error(`mock: no sheet ${name}`);
      const box = usedBox(sheet, true);
      if (!box) return [];
      return Array.from({ length: box.r2 }, (_, i) =>
        Array.from({ length: box.c2 }, (_, j) => sheet.cells.get(`${i + 1},${j + 1}`) ?? "")
      );
    },
    install() {
      const excel = new OfficeMockObject({
        run: async <T>(batch: (context: unknown) => Promise<T>) => batch(makeContext()),
      });
      const office = new OfficeMockObject({
        context: {
          requirements: {
            isSetSupported: (name: string, version?: string) =>
              name === "ExcelApi" && minor(version ?? "1.1") <= excelApi,
          },
          document: {
            settings: {
              set: (key: string, value: unknown) => settings.set(key, value),
              get: (key: string) => settings.get(key),
              saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
            },
          },
        },
      });
      (office as unknown as Record<string, unknown>).AsyncResultStatus = {
        Succeeded: "succeeded",
        Failed: "failed",
      };
      const ctx = (office as unknown as { context: Record<string, unknown> }).context;
      ctx.displayLanguage = options.displayLanguage ?? "zh-CN";
      (globalThis as unknown as Record<string, unknown>).Excel = excel;
      (globalThis as unknown as Record<string, unknown>).Office = office;
    },
    resetCounters() {
      state.syncs = 0;
      writes.length = 0;
      requestBytes.length = 0;
      requestBytes.push(0);
    },
  };
  for (const s of input) sheets.push(toModel(s));
  return mock;
}

/** office-addin-mock reads office-addin-manifest's OfficeApp enum; Jest maps that package to an empty stub. */
export const OFFICE_APP = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
