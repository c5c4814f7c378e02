import { msg, say } from "../scoring";
import { noticeWorkbook } from "../workbook/pipeline";
import { Args } from "./args";
import { finishDocument, prepareDocumentOutputs } from "./document-out";
import { EXIT_ISSUES } from "./errors";
import { openInput } from "./input";
import { Io } from "./output";
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
  if (outcome.refused) {
    io.err(say(outcome.refused, args.locale));
    return EXIT_ISSUES;
  }
  // The same document-as-text as 成绩单: the rows aligned in columns, the machine line left out.
  return finishDocument(args, io, input, outcome, outputs, {
    text: statementsText,
    pdfWhat: () => msg("公示名单", "public notice"),
  });
}
