/**
 * The state of one fake Excel: the workbook model, the queue of the request being built, and
 * context.sync() — which serializes the request, refuses it above the payload limit, runs its
 * commands in order (the first failure fails the request, nothing is rolled back), answers the
 * loads in queue order and refuses an answer above the limit.
 */
import {
  Stored,
  Cell,
  ModelSheet,
  Box,
  key,
  fold,
  boxAddress,
  parseAddress,
  excelError,
  typed,
  Op,
  PAYLOAD_LIMIT_BYTES,
  VALUES_CELL_LIMIT,
  FAKE_API_SETS,
  ExcelError,
  WriteRecord,
} from "./model";

export interface BookOptions {
  tables?: string[];
  payloadLimit?: number;
  valuesCellLimit?: number;
}

export type FakeBook = ReturnType<typeof createBook>;

export function createBook(level: number, options: BookOptions) {
  const sheets: ModelSheet[] = [];
  const ids = { next: 1 };
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
  const queue: Op[] = [];
  /** Objects carried by a sync so far (isNullObject becomes readable). */
  const created: { _carried: boolean }[] = [];

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
    const ops = queue.splice(0);
    const carried = created.splice(0);
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

  return {
    sheets,
    ids,
    find,
    tableNames,
    state,
    writes,
    requestBytes,
    responseBytes,
    requestTexts,
    outcomes,
    settings,
    startup,
    cellValue,
    evaluate,
    formulaCells,
    recalc,
    refPattern,
    usedBox,
    gridOf,
    cellAt,
    shapeOf,
    writeValues,
    writeFormats,
    eachCell,
    inBox,
    queue,
    created,
    record,
    sync,
  };
}
