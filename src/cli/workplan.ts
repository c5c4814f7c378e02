import { isGeneratedSheet } from "../workbook/marker";
import { chooseSheetNames } from "../workbook/sheet-names";
import { Locale, msg } from "../scoring";
import { localDate } from "../workbook/local-time";
import { assessmentYear } from "../workbook/print";
import { issuesJson } from "../workbook/json";
import { SHEETS } from "../workbook/schema";
import { Issue } from "../workbook/types";
import { isIsoDate } from "../workplan/dates";
import { readWorkplan } from "../workplan/read";
import { workplanSummarySheet } from "../workplan/report";
import { summarizeWorkplan, WorkplanSummary } from "../workplan/summary";
import { Args } from "./args";
import { CliError, EXIT_ISSUES, EXIT_OK } from "./errors";
import { Io, issuesText, printJson, printOutFile } from "./output";
import { writeOutFile } from "./files";
import { openInput } from "./input";
import { checkOutputs } from "./out-file";
import { refuseOptions } from "./paths";
import { Align, formatTable } from "./table";

/** The 规则 §7.2 shape of `workplan --json`. */
export function workplanJson(summary: WorkplanSummary, issues: readonly Issue[], locale: Locale) {
  const counts = (s: {
    total: number;
    done: number;
    inProgress: number;
    notStarted: number;
    adjusted: number;
  }) => ({
    total: s.total,
    done: s.done,
    inProgress: s.inProgress,
    notStarted: s.notStarted,
    adjusted: s.adjusted,
  });
  return {
    ...counts(summary),
    sections: summary.sections.map((s) => ({ section: s.section, ...counts(s) })),
    overdue: summary.overdue.map((o) => ({ row: o.row, point: o.point, due: o.due })),
    noOwner: summary.noOwner.map((o) => ({ row: o.row, point: o.point })),
    issues: issuesJson(issues, locale),
  };
}

function summaryText(summary: WorkplanSummary, today: string, locale: Locale): string {
  const en = locale === "en-US";
  // Column names come from the schema of the generated 工作要点汇总 sheet, the same table.
  const keys = SHEETS.workplanSummary.columns.map((c) => c.key);
  const headers = SHEETS.workplanSummary.columns.map((c) => (en ? (c.label ?? c.en) : c.zh));
  const row = (name: string, s: WorkplanSummary["sections"][number] | WorkplanSummary) => {
    const cells: Record<string, string> = {
      section: name,
      total: String(s.total),
      done: String(s.done),
      inProgress: String(s.inProgress),
      notStarted: String(s.notStarted),
      adjusted: String(s.adjusted),
      percent: `${(s.percent * 100).toFixed(1)}%`,
    };
    return keys.map((k) => cells[k] ?? "");
  };
  const align: Align[] = keys.map((k) => (k === "section" ? "left" : "right"));
  const rows = [...summary.sections.map((s) => row(s.section, s)), row(en ? "All" : "合计", summary)];
  const parts = [formatTable(headers, rows, align), ""];
  parts.push(
    en
      ? `Overdue (as of ${today}): ${summary.overdue.length}`
      : `逾期要点（按 ${today}）：${summary.overdue.length} 项`
  );
  for (const o of summary.overdue)
    parts.push(
      en ? `  row ${o.row}  ${o.point}  due ${o.due}` : `  第 ${o.row} 行  ${o.point}  时限 ${o.due}`
    );
  parts.push(
    en ? `Without an owner: ${summary.noOwner.length}` : `未明确责任单位：${summary.noOwner.length} 项`
  );
  for (const o of summary.noOwner)
    parts.push(en ? `  row ${o.row}  ${o.point}` : `  第 ${o.row} 行  ${o.point}`);
  return parts.join("\n");
}

/**
 * `workplan <in.xlsx> [--today YYYY-MM-DD] [--json] [--out <out.xlsx>]` (规则 §7.2): with --out the
 * workbook is written with the 工作要点汇总 sheet; errors → exit 1 and nothing is written.
 */
export async function workplanCommand(args: Args, io: Io, now: Date = new Date()): Promise<number> {
  refuseOptions(args, "workplan", ["json", "today", "out", "force"]);
  if (args.today !== undefined && !isIsoDate(args.today))
    throw new CliError(
      msg(
        `--today 应为实际存在的日期，格式 YYYY-MM-DD（如 2024-06-30），而不是“${args.today}”`,
        `--today must be a real date as YYYY-MM-DD (e.g. 2024-06-30), not "${args.today}"`
      )
    );
  const today = args.today ?? localDate(now);
  await checkOutputs(args);
  const input = await openInput(args, io);
  const grids = await input.grids();
  const read = readWorkplan(grids);
  const summary = summarizeWorkplan(read.records, today);
  const ok = !read.issues.some((i) => i.severity === "error");
  let written: string[] = [];
  if (ok && args.out !== undefined) {
    const existing = grids.map((g) => ({ name: g.name, generated: isGeneratedSheet(g.values[0]?.[0]) }));
    const name = chooseSheetNames(["workplanSummary"], existing).workplanSummary;
    const pkg = await input.pkg();
    const { packXlsx, writePackageSheets } = await import("../hosts/xlsx/ooxml");
    written = await writePackageSheets(pkg, [
      workplanSummarySheet(summary, { now, name, today, year: assessmentYear(grids) }),
    ]);
    await writeOutFile(args.out, await packXlsx(pkg), { kind: "workbook", force: args.force });
  }
  if (args.json) printJson(io, workplanJson(summary, read.issues, args.locale));
  else {
    io.out(summaryText(summary, today, args.locale));
    if (read.issues.length > 0) io.out("\n" + issuesText(read.issues, args.locale));
    printOutFile(io, args.out, ok, written, args.locale);
  }
  return ok ? EXIT_OK : EXIT_ISSUES;
}
