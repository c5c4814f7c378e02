import { issuesJson, validateWorkbook } from "../workbook/pipeline";
import { Args } from "./args";
import { EXIT_ISSUES, EXIT_OK } from "./errors";
import { Io, issuesText, printJson } from "./output";
import { openInput } from "./input";
import { refuseOptions } from "./paths";

/** `validate <in.xlsx> [--json]`: the issues; exit 1 when any is an error (SPEC §7.2). */
export async function validateCommand(args: Args, io: Io): Promise<number> {
  refuseOptions(args, "validate", ["json"]);
  const input = await openInput(args, io);
  const issues = validateWorkbook(await input.grids());
  if (args.json) printJson(io, { issues: issuesJson(issues, args.locale) });
  else io.out(issuesText(issues, args.locale));
  return issues.some((i) => i.severity === "error") ? EXIT_ISSUES : EXIT_OK;
}
