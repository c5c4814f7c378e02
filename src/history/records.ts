import { findSetting } from "../workbook/settings";
import { SheetSchema, SHEETS } from "../workbook/schema";
import { findSheet, isBlank, readRows } from "../workbook/sheet-reader";
import { WorkbookGrids } from "../workbook/types";
import { IDENTITY, isDocumentSetting } from "./identity";

/**
 * An input record as typed (ARCHITECTURE "Raw records"): where it is, who it is, and every other
 * column's cell as a person sees it. The engine's typed records cannot serve: a blank 考核组认可
 * and 否 are both `false` there, and extra spaces or 1 and 1.0 are gone.
 */
export interface RawRecord {
  /** The sheet's schema name (社区, 荣誉, …), whatever its tab is called. */
  sheet: string;
  /** Excel row. */
  row: number;
  /** The identity columns' shown text, in the identity's order (folded only when compared). */
  identity: string[];
  /** Every other column of the schema, by its zh header → the shown text ("" for a blank cell). */
  fields: Record<string, string>;
}

/** Numbers as a person reads them: at most 15 significant digits, the shortest decimal. */
function numberText(n: number): string {
  const plain = String(n);
  // Fifteen characters hold at most 15 significant digits: most cells are answered without toPrecision.
  return plain.length <= 15 ? plain : String(Number(n.toPrecision(15)));
}

/** A date cell as its day (and time, when it has one), the way the 设置 sheet writes dates. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** A cell's shown text: as typed; a TRUE boolean cell reads TRUE; a blank cell "". */
export function shownText(value: unknown): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  return String(value);
}

/** The schema's input sheets that have a record identity, in schema order (工作要点 has none). */
function comparedSheets(): SheetSchema[] {
  return Object.values(SHEETS).filter((s) => !s.generated && IDENTITY[s.zh] !== undefined);
}

/**
 * Every record of the assessment's input sheets, as typed: each non-blank row under the header
 * row (found as the reader finds it, zh or en headers, any order). Rows the reader reports (a
 * blank required cell) are records too: a 级别 emptied is a change, not a record removed. Document
 * settings on 设置 are left out. A missing sheet or header row gives no records.
 */
export function rawRecords(grids: WorkbookGrids): RawRecord[] {
  const out: RawRecord[] = [];
  for (const schema of comparedSheets()) {
    const grid = findSheet(grids, schema);
    if (!grid) continue;
    // The header row and its columns only: every row is visited below, complete or not.
    const { headers, headerRow } = readRows(grid, schema, () => undefined);
    if (headerRow === undefined) continue;
    const identityHeaders = IDENTITY[schema.zh];
    const columns = schema.columns.flatMap((c) => {
      const ref = headers.get(c.key);
      return ref ? [{ zh: c.zh, index: ref.index, identity: identityHeaders.indexOf(c.zh) }] : [];
    });
    const isSettings = schema.key === "settings";
    for (let r = headerRow - grid.firstRow + 1; r < grid.values.length; r++) {
      const line = grid.values[r] ?? [];
      if (columns.every((c) => isBlank(line[c.index]))) continue;
      const identity: string[] = identityHeaders.map(() => "");
      const fields: Record<string, string> = {};
      for (const c of columns) {
        const text = shownText(line[c.index]);
        if (c.identity >= 0) identity[c.identity] = text;
        else fields[c.zh] = text;
      }
      if (isSettings) {
        // A key written in English (Year) is the same setting as its Chinese name.
        const key = findSetting(identity[0])?.zh ?? identity[0];
        if (isDocumentSetting(key)) continue;
        identity[0] = key;
      }
      out.push({ sheet: schema.zh, row: grid.firstRow + r, identity, fields });
    }
  }
  return out;
}
