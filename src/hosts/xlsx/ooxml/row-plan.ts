import { columnLetters, columnNumber } from "../../../workbook/cells";
import { PlannedCell, plannedRows, RowPlan } from "../../../workbook/row-plan";
import { sameSheetName } from "../../../workbook/sheet-names";
import { dropCalcChain } from "./formulas";
import { XlsxPackage } from "./package";
import { attr, encodeXmlText } from "./xml";
import { encodingOf } from "./xml-stream";

/**
 * A row plan (src/workbook/row-plan.ts) applied to an input sheet of the package: the sheet's part
 * is streamed through and only the cells the plan names are rewritten; rows the plan needs and
 * the sheet lacks are inserted in their place.
 *
 * What it keeps, byte for byte: every other part of the package; in the sheet's part, everything
 * outside <sheetData> but <dimension> (views, columns, filters, merges, validations, conditional
 * formats, print setup, drawings, tables), every row and cell the plan does not name, a named
 * row's attributes (height, style, hidden, outline) but `spans` (a hint, dropped where cells are
 * added), and a rewritten cell's style (`s`), so its format and fill stay.
 * What changes: the named cells' values — text as an inline string (never a formula: "=1+1" stays
 * text), numbers, booleans, null as a blank that keeps its style; `<dimension>` grows to cover
 * them. A cell that held a formula loses it, and the calculation chain goes (Excel rebuilds it).
 * What it cannot do, and refuses or leaves: it never shifts rows (a plan sets cells where they
 * are); it does not grow an Excel table or a filter over rows set below them; it refuses to
 * rewrite the first cell of a shared formula (the cells that share it would lose their formula);
 * a non-UTF-8 part is written back as UTF-8, its declaration saying so.
 */

const CELL = /<((?:\w+:)?c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;

/** A planned value as a cell's XML, with the style the old cell had. */
function cellXml(tag: string, ref: string, style: string | undefined, value: PlannedCell["value"]): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  const prefix = tag.includes(":") ? tag.slice(0, tag.indexOf(":") + 1) : "";
  if (value === null || value === "") return `<${tag} r="${ref}"${s}/>`;
  if (typeof value === "number" && Number.isFinite(value))
    return `<${tag} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${tag}>`;
  if (typeof value === "boolean")
    return `<${tag} r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${tag}>`;
  return (
    `<${tag} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">` +
    `${encodeXmlText(String(value))}</${prefix}t></${prefix}is></${tag}>`
  );
}

/** What rewriting a sheet's cells met: formula cells rewritten (the calculation chain must go). */
interface Rewritten {
  formulas: number;
}

/** A row's cells with the plan's set: existing ones rewritten in place, missing ones inserted in column order. */
function rowCells(
  inner: string,
  rowNumber: number,
  planned: PlannedCell[],
  cellTag: string,
  done: Rewritten
): string {
  let out = "";
  let at = 0;
  let next = 0;
  let column = 0;
  const insertBefore = (limit: number) => {
    while (next < planned.length && planned[next].column < limit) {
      const p = planned[next++];
      out += cellXml(cellTag, `${columnLetters(p.column + 1)}${rowNumber}`, undefined, p.value);
    }
  };
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const ref = attr(m[2], "r");
    const letters = ref ? /^[A-Za-z]+/.exec(ref)?.[0] : undefined;
    column = letters ? columnNumber(letters) - 1 : column + 1;
    out += inner.slice(at, m.index);
    at = m.index + m[0].length;
    insertBefore(column);
    if (next < planned.length && planned[next].column === column) {
      const p = planned[next++];
      const body = m[3] ?? "";
      const f = /<(?:\w+:)?f\b([^>]*)/.exec(body);
      if (f) {
        if (attr(f[1], "t") === "shared" && attr(f[1], "ref") !== undefined)
          throw new Error(`${columnLetters(column + 1)}${rowNumber} starts a shared formula: not rewritten`);
        done.formulas++;
      }
      out += cellXml(m[1], `${columnLetters(column + 1)}${rowNumber}`, attr(m[2], "s"), p.value);
    } else out += m[0];
  }
  const rest = inner.slice(at);
  // Cells come before a row's own extLst: the new ones go before it too.
  const ext = rest.search(/<(?:\w+:)?extLst\b/);
  const head = ext < 0 ? rest : rest.slice(0, ext);
  out += head;
  insertBefore(Number.MAX_SAFE_INTEGER);
  return out + (ext < 0 ? "" : rest.slice(ext));
}

/** `<dimension ref>` grown to cover the plan's cells (it only ever grows: no row moves). */
function grownDimension(head: string, rows: { row: number; cells: PlannedCell[] }[]): string {
  return head.replace(
    /(<(?:\w+:)?dimension\b[^>]*\bref=")([^"]*)(")/,
    (whole, open: string, ref: string, close: string) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref);
      if (!m) return whole;
      let top = Number(m[2]);
      let left = columnNumber(m[1].toUpperCase());
      let bottom = Number(m[4] ?? m[2]);
      let right = columnNumber((m[3] ?? m[1]).toUpperCase());
      for (const r of rows)
        for (const c of r.cells) {
          top = Math.min(top, r.row + 1);
          bottom = Math.max(bottom, r.row + 1);
          left = Math.min(left, c.column + 1);
          right = Math.max(right, c.column + 1);
        }
      const a = `${columnLetters(left)}${top}`;
      const b = `${columnLetters(right)}${bottom}`;
      return `${open}${a === b ? a : `${a}:${b}`}${close}`;
    }
  );
}

/**
 * Applies `plan` to its sheet in the package (see the header for what is kept). Throws when the
 * package has no such worksheet. Returns the number of cells written.
 */
export async function applyRowPlan(pkg: XlsxPackage, plan: RowPlan): Promise<number> {
  const sheet = pkg.sheets.find((s) => sameSheetName(s.name, plan.sheet));
  if (!sheet) throw new Error(`no worksheet ${plan.sheet}`);
  const rows = plannedRows(plan);
  if (rows.length === 0) return 0;
  const out = pkg.parts.writer(sheet.path);
  const encoder = new TextEncoder();
  const done: Rewritten = { formulas: 0 };
  let decoder: TextDecoder | null = null;
  let text = "";
  let state: "head" | "rows" | "tail" = "head";
  let rowTag = "row";
  let cellTag = "c";
  let next = 0;
  let lastRow = 0;
  // What a chunk's rows came to, pushed to the part once per chunk.
  let pending = "";
  const emit = (s: string) => {
    pending += s;
  };
  const newRows = (limit: number) => {
    let xml = "";
    while (next < rows.length && rows[next].row + 1 < limit) {
      const r = rows[next++];
      xml += `<${rowTag} r="${r.row + 1}">${rowCells("", r.row + 1, r.cells, cellTag, done)}</${rowTag}>`;
    }
    return xml;
  };
  const ROW = /<((?:\w+:)?row)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/y;
  const work = (final: boolean) => {
    if (state === "head") {
      const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(text);
      if (!open) {
        if (final) throw new Error(`the sheet ${plan.sheet} has no sheetData`);
        return;
      }
      const prefix = open[1];
      rowTag = `${prefix}row`;
      cellTag = `${prefix}c`;
      let head = grownDimension(text.slice(0, open.index), rows);
      if (decoder && decoder.encoding !== "utf-8")
        head = head.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, "$1UTF-8");
      const rest = text.slice(open.index + open[0].length);
      if (open[2] === "/") {
        emit(`${head}<${prefix}sheetData>${newRows(Infinity)}</${prefix}sheetData>`);
        text = rest;
        state = "tail";
      } else {
        emit(head + open[0]);
        text = rest;
        state = "rows";
      }
    }
    if (state === "rows") {
      let at = 0;
      for (;;) {
        const lt = text.indexOf("<", at);
        if (lt < 0) break;
        emit(text.slice(at, lt));
        at = lt;
        if (text.startsWith(`</${rowTag.replace(/row$/, "")}sheetData`, lt)) {
          emit(newRows(Infinity));
          state = "tail";
          break;
        }
        ROW.lastIndex = lt;
        const m = ROW.exec(text);
        if (!m) break; // the row's end is in a chunk still to come
        const r = attr(m[2], "r");
        const number = r !== undefined ? Number(r) : lastRow + 1;
        lastRow = number;
        emit(newRows(number));
        if (next < rows.length && rows[next].row + 1 === number) {
          const planned = rows[next++];
          const attrs = m[2].replace(/\s+spans="[^"]*"/, "");
          emit(`<${m[1]}${attrs}>${rowCells(m[3] ?? "", number, planned.cells, cellTag, done)}</${m[1]}>`);
        } else emit(m[0]);
        at = lt + m[0].length;
      }
      text = text.slice(at);
    }
    if (state === "tail") {
      emit(text);
      text = "";
    } else if (final) throw new Error(`the sheet ${plan.sheet} ends inside sheetData`);
    if (pending !== "") out.push(encoder.encode(pending));
    pending = "";
  };
  const found = await pkg.parts.streamAsync(sheet.path, (chunk) => {
    decoder ??= new TextDecoder(encodingOf(chunk.subarray(0, 256)), { fatal: true });
    text += decoder.decode(chunk, { stream: true });
    work(false);
  });
  if (!found) throw new Error(`no part for the worksheet ${plan.sheet}`);
  if (decoder) text += (decoder as TextDecoder).decode();
  work(true);
  out.end();
  if (done.formulas > 0) await dropCalcChain(pkg);
  await pkg.parts.settled();
  return plan.cells.length;
}
