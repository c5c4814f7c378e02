import { OutputSheet, OutputValue } from "../workbook/types";
import { fitRows } from "../workbook/cell-limit";
import { localTime } from "../workbook/local-time";
import { GENERATED_MARKER } from "../workbook/marker";
import { printSetup } from "../workbook/print";
import { SHEETS } from "../workbook/schema";
import { StatusCounts, WorkplanSummary } from "./summary";

/**
 * The generated 工作要点汇总 sheet as data (规则 §6): a header line, the status table per section
 * with a 合计 row, then the overdue points and the points without an owner. Values only, so a
 * recipient without the add-in reads it as is. A1 opens with GENERATED_MARKER, so a rebuild may
 * replace this sheet but never a person's sheet of the same name.
 */

const OVERDUE_COLOR = "#FDE7E9";
const NO_OWNER_COLOR = "#FFF4CE";

export interface WorkplanSummarySheetOptions {
  /** When the sheet is made (the header line shows it in the machine's local time). */
  now: Date;
  /** Tab name, when a person's sheet already holds 工作要点汇总. */
  name?: string;
  /** The date overdue was judged against ("YYYY-MM-DD"), shown in the header line. */
  today?: string;
  /** 考核年度 for the printed page header (规则 §8); none: the title alone. */
  year?: number | null;
}

function countCells(counts: StatusCounts): OutputValue[] {
  return [counts.total, counts.done, counts.inProgress, counts.notStarted, counts.adjusted, counts.percent];
}

export function workplanSummarySheet(
  summary: WorkplanSummary,
  opts: WorkplanSummarySheetOptions
): OutputSheet {
  const columns = SHEETS.workplanSummary.columns;
  const width = columns.length;
  // Lists below the table reuse its columns: text in the wide first one, then row, then date.
  const line = (...cells: OutputValue[]): OutputValue[] => [
    ...cells,
    ...Array<OutputValue>(width - cells.length).fill(null),
  ];

  const judged = opts.today ? `；逾期按 ${opts.today} 判断` : "";
  const rows: OutputValue[][] = [
    line(
      `${GENERATED_MARKER}工作要点汇总 · 生成于 ${localTime(opts.now)}${judged}；完成率 = 已完成 ÷（要点数 − 已调整）`
    ),
    columns.map((c) => c.zh),
    ...summary.sections.map((s) => [s.section, ...countCells(s)]),
    ["合计", ...countCells(summary)],
    line(),
  ];
  const highlight: OutputSheet["highlight"] = [];

  rows.push(line(`逾期要点（完成时限已过，既未完成也未调整）：${summary.overdue.length} 项`));
  if (summary.overdue.length === 0) rows.push(line("无"));
  else {
    rows.push(line("要点", "行号", "完成时限"));
    for (const p of summary.overdue) {
      highlight.push({ row: rows.length, color: OVERDUE_COLOR });
      rows.push(line(p.point, p.row, p.due));
    }
  }
  rows.push(line());

  rows.push(line(`未明确责任单位的要点：${summary.noOwner.length} 项`));
  if (summary.noOwner.length === 0) rows.push(line("无"));
  else {
    rows.push(line("要点", "行号"));
    for (const p of summary.noOwner) {
      highlight.push({ row: rows.length, color: NO_OWNER_COLOR });
      rows.push(line(p.point, p.row));
    }
  }

  return {
    key: "workplanSummary",
    name: opts.name ?? SHEETS.workplanSummary.zh,
    rows: fitRows(rows),
    headerRow: 1,
    // "@" keeps section and point text as text (a point typed as "=…" must not become a formula).
    numberFormats: columns.map((c) => c.numberFormat ?? (c.type === "text" ? "@" : "General")),
    widths: columns.map((c) => c.width),
    highlight,
    freezeRows: 2,
    print: printSetup("workplanSummary", { year: opts.year ?? null, locale: "zh-CN", headerRow: 1 }),
  };
}
