import { cellText, excelError, foldKey, isBlank, Msg, msg, parseNumber, visible } from "../scoring";
import { column, SHEETS, WORKPLAN_STATUSES, WorkplanStatus } from "../workbook/schema";
import { formulaWithoutResult } from "../workbook/read";
import { findSheet, HeaderRef, issueAt, ReadRow, readRows } from "../workbook/sheet-reader";
import { Issue, SheetGrid, WorkbookGrids } from "../workbook/types";
import { parseDate } from "./dates";
import { WorkplanRecord } from "./model";

/**
 * The 工作要点 sheet → records + located issues (规则 §6). Header finding, blank-row skipping and
 * required cells (部分, 要点) are the generic reader's; this file reads the cells.
 *
 * What a bad cell does to its row:
 * - unknown 状态: the row is left out, since it fits no count and the counts must add up;
 * - an error value (#N/A, …) or a formula without a computed result: an error at the cell; in
 *   部分, 要点 or 状态 the row is left out, elsewhere the cell counts as blank;
 * - bad 完成时限 or 序号, or a repeated 序号: the row is kept without that value, because the
 *   point itself is real and belongs in the totals; the error says what to fix.
 */

export interface ReadWorkplanOptions {
  /**
   * What a workbook without a 工作要点 sheet gives. The `workplan` command asked for a work plan,
   * so it warns (the default); a whole-workbook validation passes "ignore", as 规则 §6 says a
   * missing optional sheet means "no records".
   */
  missingSheet?: "warning" | "ignore";
}

export interface WorkplanReadResult {
  records: WorkplanRecord[];
  issues: Issue[];
}

const SCHEMA = SHEETS.workplan;
const STATUS_BY_KEY = new Map<string, WorkplanStatus>(WORKPLAN_STATUSES.map((s) => [foldKey(s), s]));
/** What a blank 状态 reads as: the schema column's fallback (未启动). */
const STATUS_FALLBACK: WorkplanStatus = (() => {
  const fallback = column("workplan", "status").fallback;
  const status = WORKPLAN_STATUSES.find((s) => s === fallback);
  if (!status) throw new Error(`schema: the 状态 fallback "${String(fallback)}" is not a status`);
  return status;
})();

/** Text as the office wrote it, ends trimmed. No NFKC here: it would turn "，" into ",". */
function writtenText(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  const text = typeof value === "string" ? value.trim() : cellText(value);
  return text === "" ? undefined : text;
}

/** Columns a record cannot do without: an unreadable cell there leaves the row out. */
const ESSENTIAL = new Set(["section", "point", "status"]);

/** Why a cell holds no usable value at all, whatever its column; null when it does. */
function unusableCell(value: unknown): Msg | null {
  const error = excelError(value);
  if (error)
    return msg(
      `单元格是错误值 ${error}：请修正其公式或来源，或改填文字/日期`,
      `The cell holds the error ${error}: fix its formula or source, or type the value`
    );
  const formula = formulaWithoutResult(value);
  if (formula !== null)
    return msg(
      `公式 =${formula} 没有计算结果（文件由不计算公式的程序保存）：请在 Excel 中打开、保存后再试，或直接填写`,
      `The formula =${formula} has no computed result (saved by a program that does not calculate): open and save the file in Excel, or type the value`
    );
  return null;
}

/** Reads one row; pushes its issues; null when the row cannot be counted. */
function readRecord(
  sheet: SheetGrid,
  line: ReadRow,
  headers: Map<string, HeaderRef>,
  seenNumbers: Map<number, number>,
  issues: Issue[]
): WorkplanRecord | null {
  const { row } = line;
  const report = (key: string, message: Msg): void => {
    issues.push(issueAt(sheet, row, headers.get(key) ?? column("workplan", key), "error", message));
  };
  const fail = (key: string, zh: string, en: string): void => report(key, msg(zh, en));

  const cells: Partial<Record<string, unknown>> = {};
  let essentialLost = false;
  for (const [key, value] of Object.entries(line.cells)) {
    const unusable = unusableCell(value);
    if (!unusable) cells[key] = value;
    else {
      report(key, unusable);
      if (ESSENTIAL.has(key)) essentialLost = true;
    }
  }
  if (essentialLost) return null;

  const statusCell = cells.status;
  let status: WorkplanStatus = STATUS_FALLBACK;
  if (!isBlank(statusCell)) {
    const found = STATUS_BY_KEY.get(foldKey(cellText(statusCell)));
    if (!found) {
      const shown = visible(cellText(statusCell));
      fail(
        "status",
        `状态“${shown}”无法识别：请从下拉列表选择 ${WORKPLAN_STATUSES.join("、")} 之一（留空即为“${STATUS_FALLBACK}”）。此行暂不计入汇总`,
        `Status "${shown}" is not one of ${WORKPLAN_STATUSES.join(", ")}: pick one from the drop-down (blank means ${STATUS_FALLBACK}). The row is left out of the summary until then`
      );
      return null;
    }
    status = found;
  }

  const record: WorkplanRecord = {
    row,
    section: writtenText(cells.section) ?? "",
    point: writtenText(cells.point) ?? "",
    status,
  };

  if (!isBlank(cells.no)) {
    const parsed = parseNumber(cells.no);
    const value = parsed.ok ? parsed.value.toNumber() : NaN;
    const shown = cellText(cells.no);
    if (!Number.isInteger(value) || value < 1) {
      fail(
        "no",
        `序号“${shown}”应为正整数（如 1、2、3）`,
        `No. "${shown}" should be a whole number from 1 up (1, 2, 3, …)`
      );
    } else if (seenNumbers.has(value)) {
      const earlier = seenNumbers.get(value);
      fail(
        "no",
        `序号 ${value} 与第 ${earlier} 行重复：请给每个要点一个不同的序号`,
        `No. ${value} repeats row ${earlier}: give each point its own number`
      );
    } else {
      seenNumbers.set(value, row);
      record.no = value;
    }
  }

  const dueRef = headers.get("due");
  const due = parseDate(cells.due, { zh: dueRef?.header ?? "完成时限", en: column("workplan", "due").en });
  if (!due.ok) issues.push(issueAt(sheet, row, dueRef, "error", due.message));
  else if (due.value !== null) record.due = due.value;

  const detail = writtenText(cells.detail);
  const owner = writtenText(cells.owner);
  const evidence = writtenText(cells.evidence);
  const note = writtenText(cells.note);
  if (detail !== undefined) record.detail = detail;
  if (owner !== undefined) record.owner = owner;
  if (evidence !== undefined) record.evidence = evidence;
  if (note !== undefined) record.note = note;
  return record;
}

/** Reads the 工作要点 sheet of a workbook: one record per filled row, and the issues found. */
export function readWorkplan(grids: WorkbookGrids, options: ReadWorkplanOptions = {}): WorkplanReadResult {
  const sheet = findSheet(grids, SCHEMA);
  if (!sheet) {
    if (options.missingSheet === "ignore") return { records: [], issues: [] };
    const warning = issueAt(
      SCHEMA.zh,
      undefined,
      undefined,
      "warning",
      msg(
        `工作簿中没有“${SCHEMA.zh}”工作表：没有要汇总的要点。请从模板复制该表（模板已填好 21 项要点）`,
        `The workbook has no "${SCHEMA.zh}" (${SCHEMA.en}) sheet: there are no points to summarize. copy it from the template, which holds the 21 points`
      )
    );
    return { records: [], issues: [warning] };
  }

  const { rows, headers, issues } = readRows(sheet, SCHEMA);
  const seenNumbers = new Map<number, number>();
  const records: WorkplanRecord[] = [];
  for (const line of rows) {
    const record = readRecord(sheet, line, headers, seenNumbers, issues);
    if (record) records.push(record);
  }
  return { records, issues };
}
