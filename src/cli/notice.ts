import { msg, say } from "../scoring";
import { noticeWorkbook, sortIssues } from "../workbook/pipeline";
import { Args } from "./args";
import { prepareDocumentOutputs, writeDocument } from "./document-out";
import { EXIT_ISSUES, EXIT_OK } from "./errors";
import { openInput } from "./input";
import { Io, issuesText, printOutFile } from "./output";
import { refuseOptions } from "./paths";
import { statementsText } from "./statement";

/**
 * `notice <in.xlsx> [--out out.xlsx] [--pdf out.pdf] [--force]` (the rules in docs/, §10): 公示名单,
 * the page posted for public review. Without --out or --pdf it prints the notice as text; --out
 * writes the input workbook with the 公示名单 sheet; --pdf prints it to PDF through LibreOffice.
 * Exit 0: done (warnings allowed); 1: the workbook has errors, or a 并列待定 at the cut is open
 * (one line naming those tied; nothing written); 2: unusable call.
 */
export async function noticeCommand(args: Args, io: Io, now: Date = new Date()): Promise<number> {
  refuseOptions(args, "notice", ["out", "pdf", "force"]);
  const outputs = await prepareDocumentOutputs(args);
  const input = await openInput(args, io);
  const outcome = noticeWorkbook(await input.grids(), { now, locale: args.locale });
  const issues = sortIssues([...outcome.issues, ...outcome.stale]);
  const sheet = outcome.sheet;
  if (outcome.refused) {
    io.err(say(outcome.refused, args.locale));
    return EXIT_ISSUES;
  }
  if (!outcome.ok || !sheet) {
    io.out(issuesText(issues, args.locale));
    printOutFile(io, args.out ?? args.pdf, false, [], args.locale);
    return EXIT_ISSUES;
  }
  // The same document-as-text as 成绩单: the rows aligned in columns, the machine line left out.
  if (args.out === undefined && args.pdf === undefined) io.out(statementsText(sheet) + "\n");
  io.out(issuesText(issues, args.locale));
  await writeDocument(args, io, input, sheet, outputs, msg("公示名单", "public notice"));
  return EXIT_OK;
}
