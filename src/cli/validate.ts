import { Locale } from "../scoring";
import { issuesJson } from "../workbook/json";
import { validateWorkbook } from "../workbook/pipeline";
import { Issue } from "../workbook/types";
import { readWorkplan } from "../workplan/read";
import { Args } from "./args";
import { EXIT_ISSUES, EXIT_OK } from "./errors";
import { Io, issueLine, issuesText, printJson } from "./output";
import { openInput } from "./input";
import { refuseOptions } from "./paths";

/** The 工作要点 problems as a section of their own, after the assessment's issues. */
function workplanSection(issues: readonly Issue[], locale: Locale): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const head =
    locale === "en-US"
      ? `Work plan: ${errors} error(s), ${issues.length - errors} warning(s)`
      : `工作要点：${errors} 个错误，${issues.length - errors} 个警告`;
  return [head, ...issues.map((i) => issueLine(i, locale))].join("\n");
}

/**
 * `validate <in.xlsx> [--json]`: the issues of the assessment's sheets, then those of 工作要点 as a
 * section of their own (`workplanIssues` in JSON); exit 1 when any is an error (规则 §7.2).
 */
export async function validateCommand(args: Args, io: Io): Promise<number> {
  refuseOptions(args, "validate", ["json"]);
  const input = await openInput(args, io);
  const grids = await input.grids();
  const issues = validateWorkbook(grids);
  // A workbook without 工作要点 has no work plan to check: nothing is said about it.
  const plan = readWorkplan(grids, { missingSheet: "ignore" }).issues;
  if (args.json)
    printJson(io, { issues: issuesJson(issues, args.locale), workplanIssues: issuesJson(plan, args.locale) });
  else {
    io.out(issuesText(issues, args.locale));
    if (plan.length > 0) io.out("\n" + workplanSection(plan, args.locale));
  }
  return [...issues, ...plan].some((i) => i.severity === "error") ? EXIT_ISSUES : EXIT_OK;
}
