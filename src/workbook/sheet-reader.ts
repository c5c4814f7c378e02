import { DAMAGED_NUMBER, foldKey, msg, Msg, Severity } from "../scoring";
import { a1, columnLetters } from "./cells";
import { ColumnSchema, SheetSchema } from "./schema";
import { Issue, SheetGrid, WorkbookGrids } from "./types";

/**
 * Finding a sheet and its header row, and turning the rows below into raw cells keyed by the
 * schema's column keys (规则 §6). Cell-level parsing (levels, numbers, yes/no) is the caller's.
 */

/**
 * A blank cell: nothing, or only white space (U+3000 included). The same answer as the engine's
 * `isBlank` (NFKC never turns a visible character into white space), without normalizing every
 * cell of a big sheet.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string" || value.length === 0) return typeof value === "string";
  // Most cells start with a character that is no white space (none lies in 0x21–0x9F or above
  // U+3000 save U+FEFF): answered without the regular expression.
  const c = value.charCodeAt(0);
  if ((c > 0x20 && c < 0xa0) || (c > 0x3000 && c !== 0xfeff)) return false;
  return /^\s*$/.test(value);
}

/** How far down the header row may sit (a title row, a merged two-row header above it). */
export const HEADER_SEARCH_ROWS = 10;

/** Names compared in one form: NFKC, white space (incl. U+3000) removed, case-folded. */
export function foldName(value: string): string {
  return foldKey(value).replace(/\s+/g, "");
}

/** Ways a header may be written: as is, without a required marker "*", without a trailing "（说明）". */
function headerForms(value: string): string[] {
  const base = foldName(value).replace(/^\*+|\*+$/g, "");
  const forms = [base];
  const bare = base.replace(/\([^()]*\)$/, "");
  if (bare !== base && bare !== "") forms.push(bare);
  return forms;
}

/** The tab of `schema` (zh or en name, trimmed, full-width folded, case-insensitive); zh preferred. */
export function findSheet(
  grids: WorkbookGrids,
  schema: Pick<SheetSchema, "zh" | "en">
): SheetGrid | undefined {
  const zh = foldName(schema.zh);
  const en = foldName(schema.en);
  return grids.find((g) => foldName(g.name) === zh) ?? grids.find((g) => foldName(g.name) === en);
}

/** Where a schema column was found: the header as the user wrote it and its 1-based Excel column. */
export interface HeaderRef {
  header: string;
  /** 1-based Excel column number. */
  column: number;
  /** 0-based index into the grid's rows. */
  index: number;
}

export interface ReadRow {
  /** Excel row number. */
  row: number;
  /** Raw cell values by column key (absent when the column is missing). */
  cells: Partial<Record<string, unknown>>;
}

export interface ReadRowsResult {
  rows: ReadRow[];
  headers: Map<string, HeaderRef>;
  issues: Issue[];
  /** Excel row of the (last) header row, when found. */
  headerRow?: number;
}

/**
 * An issue located on `sheet`: `col` is the found header (then the A1 cell is filled for
 * click-to-select), a header text, or a schema column (its zh name is shown).
 */
export function issueAt(
  sheet: SheetGrid | string,
  row: number | undefined,
  col: HeaderRef | ColumnSchema | string | undefined,
  severity: Severity,
  message: Msg
): Issue {
  const issue: Issue = { severity, sheet: typeof sheet === "string" ? sheet : sheet.name, message };
  if (row !== undefined) issue.row = row;
  if (typeof col === "string") issue.column = col;
  else if (col && "index" in col) {
    issue.column = col.header;
    if (row !== undefined) issue.cell = a1(row, col.column);
  } else if (col) issue.column = col.zh;
  return issue;
}

/** Which schema column a header cell names, if any. */
function matchHeader(value: unknown, columns: readonly ColumnSchema[]): ColumnSchema | undefined {
  if (typeof value !== "string" || isBlank(value)) return undefined;
  const forms = headerForms(value);
  for (const form of forms)
    for (const c of columns) if (foldName(c.zh) === form || foldName(c.en) === form) return c;
  return undefined;
}

function rowMatches(row: readonly unknown[], columns: readonly ColumnSchema[]): Map<number, ColumnSchema> {
  const found = new Map<number, ColumnSchema>();
  row.forEach((v, i) => {
    const c = matchHeader(v, columns);
    if (c) found.set(i, c);
  });
  return found;
}

/**
 * Finds the header row: the first of the top rows whose cells name at least half of the schema's
 * required columns. A row just below that names further columns only where the header row is
 * blank or unrecognized (a two-row header with merged cells), or a row just above that names
 * columns where the header row is blank (a header merged down over two rows), is taken with it.
 */
function locateHeader(
  values: readonly (readonly unknown[])[],
  schema: SheetSchema
): { rowIndexes: number[]; columns: Map<number, ColumnSchema> } | null {
  const required = schema.columns.filter((c) => c.required);
  const need = Math.max(1, Math.ceil(required.length / 2));
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const found = rowMatches(values[r] ?? [], schema.columns);
    const requiredHits = new Set([...found.values()].filter((c) => c.required).map((c) => c.key)).size;
    if (requiredHits < need) continue;
    // A data row may hold a word that is also a header (a 类型 cell reading 社区): a header row is
    // mostly headers.
    const filled = (values[r] ?? []).filter((v) => !isBlank(v)).length;
    if (found.size * 2 < filled) continue;
    const columns = new Map(found);
    const rowIndexes = [r];
    const taken = () => new Set([...columns.values()].map((c) => c.key));
    // A row above that names columns where this row is blank (header cells merged downwards).
    if (r > 0) {
      const above = rowMatches(values[r - 1] ?? [], schema.columns);
      const keys = taken();
      const extra = [...above].filter(([i, c]) => !keys.has(c.key) && isBlank((values[r] ?? [])[i]));
      if (extra.length > 0) {
        for (const [i, c] of extra) columns.set(i, c);
        rowIndexes.unshift(r - 1);
      }
    }
    // A row below that names further columns and holds nothing under the columns already found.
    if (r + 1 < values.length) {
      const below = values[r + 1] ?? [];
      const more = rowMatches(below, schema.columns);
      const keys = taken();
      const fresh = [...more].filter(([i, c]) => !keys.has(c.key) && !columns.has(i));
      const underFound = [...columns.keys()].some((i) => !isBlank(below[i]));
      if (fresh.length > 0 && !underFound) {
        for (const [i, c] of fresh) columns.set(i, c);
        rowIndexes.push(r + 1);
      }
    }
    return { rowIndexes, columns };
  }
  return null;
}

function missingColumnMessage(c: ColumnSchema, unknownHeaders: string[]): Msg {
  const hint =
    unknownHeaders.length > 0
      ? `（表头中未识别的列：${unknownHeaders.map((h) => `“${h}”`).join("、")}）`
      : "";
  const hintEn =
    unknownHeaders.length > 0
      ? ` (unrecognized headers: ${unknownHeaders.map((h) => `"${h}"`).join(", ")})`
      : "";
  return msg(
    `缺少必填列“${c.zh}”：请在表头行加上名为“${c.zh}”（或 ${c.en}）的列，或把改过名的列改回${hint}`,
    `The required column "${c.zh}" (${c.en}) is missing: add it to the header row, or rename the renamed column back${hintEn}`
  );
}

/** What a row read with `letGo` is left as: an empty row (shared, never written to). */
const READ: unknown[] = [];

/**
 * Reads the rows of an input sheet: finds the header row (a title row above is fine), maps the
 * headers (zh or en, any order, extra columns ignored) to column keys, reports missing required
 * columns and blank required cells, skips blank rows, and returns the raw cells by column key.
 * A row with a blank required cell is reported and left out. With `visit`, each row read is handed
 * to it as it comes, as the grid's line (a header's `index` is its column there), and nothing is
 * kept (`rows` stays empty): a sheet of a million rows is not held twice, nor copied cell by cell.
 * With `letGo` (the grid is the caller's to give away), each row below the header is let go as it
 * is read: the rows read and the records made of them are not both held.
 */
export function readRows(
  sheet: SheetGrid,
  schema: SheetSchema,
  visit?: (row: number, line: readonly unknown[], headers: Map<string, HeaderRef>) => void,
  letGo = false
): ReadRowsResult {
  const issues: Issue[] = [];
  const headers = new Map<string, HeaderRef>();
  const values = sheet.values;
  const located = locateHeader(values, schema);
  if (!located) {
    const required = schema.columns.filter((c) => c.required);
    const names = required.map((c) => `“${c.zh}”`).join("、");
    issues.push(
      issueAt(
        sheet,
        undefined,
        undefined,
        "error",
        msg(
          `找不到表头行：前 ${HEADER_SEARCH_ROWS} 行中没有一行写着 ${names} 等列名。请在第 1 行写上表头（可从模板复制）`,
          `No header row found: none of the first ${HEADER_SEARCH_ROWS} rows names the columns ${required.map((c) => c.en).join(", ")}. Put the headers in row 1 (copy them from the template)`
        )
      )
    );
    return { rows: [], headers, issues };
  }
  const headerIndex = located.rowIndexes[located.rowIndexes.length - 1];
  const headerRow = sheet.firstRow + headerIndex;

  for (const [i, c] of [...located.columns].sort((x, y) => x[0] - y[0])) {
    const sourceRow = located.rowIndexes.find((r) => matchHeader((values[r] ?? [])[i], [c])) ?? headerIndex;
    const cell = (values[sourceRow] ?? [])[i];
    const header = (typeof cell === "string" ? cell : c.zh).trim();
    const earlier = headers.get(c.key);
    if (earlier) {
      issues.push(
        issueAt(
          sheet,
          sheet.firstRow + sourceRow,
          { header, column: sheet.firstColumn + i, index: i },
          "warning",
          msg(
            `列“${header}”与第 ${earlier.column} 列（${columnLetters(earlier.column)} 列“${earlier.header}”）重复：只读取前一列，请删去或改名`,
            `Column "${header}" repeats column ${columnLetters(earlier.column)} ("${earlier.header}"): only the first is read; delete or rename it`
          )
        )
      );
      continue;
    }
    headers.set(c.key, { header, column: sheet.firstColumn + i, index: i });
  }

  const unknownHeaders: string[] = [];
  for (const r of located.rowIndexes)
    (values[r] ?? []).forEach((v, i) => {
      if (typeof v === "string" && !isBlank(v) && !located.columns.has(i)) unknownHeaders.push(v.trim());
    });
  const missing = schema.columns.filter((c) => c.required && !headers.has(c.key));
  for (const c of missing)
    issues.push(issueAt(sheet, headerRow, c.zh, "error", missingColumnMessage(c, unknownHeaders)));
  // Without a required column no record of the sheet can be read right: none is returned.
  if (missing.length > 0) return { rows: [], headers, issues, headerRow };

  // The mapped columns as plain arrays, and the required ones in schema order: looked up once, not per row.
  const keys = [...headers.keys()];
  const refs = [...headers.values()];
  const at = refs.map((ref) => ref.index);
  const required = schema.columns.filter((c) => c.required && headers.has(c.key));
  const requiredRefs = required.map((c) => headers.get(c.key) as HeaderRef);
  const rows: ReadRow[] = [];
  const width = keys.length;
  for (let r = headerIndex + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (letGo) values[r] = READ;
    let blank = true;
    for (let j = 0; j < width && blank; j++) blank = isBlank(line[at[j]]);
    if (blank) continue;
    const row = sheet.firstRow + r;
    let complete = true;
    // NaN: a number cell whose stored value is no number (see DAMAGED_NUMBER), in any column.
    for (let j = 0; j < width; j++) {
      const v = line[at[j]];
      if (typeof v !== "number" || !Number.isNaN(v)) continue;
      complete = false;
      issues.push(issueAt(sheet, row, refs[j], "error", DAMAGED_NUMBER));
    }
    for (let j = 0; j < requiredRefs.length; j++) {
      const ref = requiredRefs[j];
      if (!isBlank(line[ref.index])) continue;
      complete = false;
      issues.push(
        issueAt(
          sheet,
          row,
          ref,
          "error",
          msg(
            `“${ref.header}”为必填项，本行空白：请填写，或删去整行`,
            `"${ref.header}" is required but blank on this row: fill it in or delete the row`
          )
        )
      );
    }
    if (!complete) continue;
    if (visit) {
      visit(row, line, headers);
      continue;
    }
    const cells: Partial<Record<string, unknown>> = {};
    for (let j = 0; j < width; j++) cells[keys[j]] = line[at[j]];
    rows.push({ row, cells });
  }
  return { rows, headers, issues, headerRow };
}
