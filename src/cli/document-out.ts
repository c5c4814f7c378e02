import { Locale, Msg, say } from "../scoring";
import { sortIssues } from "../workbook/pipeline";
import { Issue, OutputSheet } from "../workbook/types";
import { Args } from "./args";
import { EXIT_ISSUES, EXIT_OK } from "./errors";
import { writeOutFile } from "./files";
import { Input } from "./input";
import { checkOutputs } from "./out-file";
import { Io, issuesText, printOutFile } from "./output";

/**
 * The writing half of a command that makes one printed document (成绩单, 公示名单): `--out` writes
 * the input workbook with the sheet added, `--pdf` prints the sheet to PDF through LibreOffice
 * (pdf.ts). Both refused before any work (`prepareDocumentOutputs`): the input is never
 * overwritten, nor an existing file without --force, and a PDF needs LibreOffice.
 */

type Pdf = typeof import("./pdf");

export interface DocumentOutputs {
  pdf: Pdf | null;
  converter: { soffice: string; timeoutMs: number } | null;
}

/** Checks --out and --pdf and finds LibreOffice for --pdf, before the workbook is read. */
export async function prepareDocumentOutputs(args: Args): Promise<DocumentOutputs> {
  await checkOutputs(args);
  const pdf = args.pdf !== undefined ? await import("./pdf") : null;
  const converter = pdf ? { soffice: pdf.findSoffice(), timeoutMs: pdf.convertTimeoutMs() } : null;
  return { pdf, converter };
}

function written(io: Io, file: string, what: string, locale: Locale): void {
  io.out(locale === "en-US" ? `Written: ${file} (${what})` : `已写出：${file}（${what}）`);
}

/** Writes `sheet` as --out and --pdf ask; `pdfWhat` says what the PDF holds, in the written line. */
export async function writeDocument(
  args: Args,
  io: Io,
  input: Input,
  sheet: OutputSheet,
  outputs: DocumentOutputs,
  pdfWhat: Msg
): Promise<void> {
  if (args.out !== undefined) {
    const pkg = await input.pkg();
    const { packXlsx, writePackageSheets } = await import("../hosts/xlsx/ooxml");
    const names = await writePackageSheets(pkg, [sheet]);
    await writeOutFile(args.out, await packXlsx(pkg), { kind: "workbook", force: args.force });
    printOutFile(io, args.out, true, names, args.locale);
  }
  const { pdf, converter } = outputs;
  if (pdf && converter && args.pdf !== undefined) {
    await pdf.writeSheetPdf(converter, sheet, args.pdf, args.force);
    written(io, args.pdf, say(pdfWhat, args.locale), args.locale);
  }
}

/** What a one-document build gives: whether the workbook has errors, its issues, stale sheets and the sheet. */
export interface DocumentOutcome {
  ok: boolean;
  issues: Issue[];
  stale: Issue[];
  sheet: OutputSheet | null;
}

/**
 * Ends a one-document command: with errors, the issues and "nothing written" (exit 1); else the
 * document as `text` when nothing is to be written, the issues, then --out and --pdf (exit 0).
 */
export async function finishDocument(
  args: Args,
  io: Io,
  input: Input,
  outcome: DocumentOutcome,
  outputs: DocumentOutputs,
  made: { text: (sheet: OutputSheet) => string; pdfWhat: (sheet: OutputSheet) => Msg }
): Promise<number> {
  const issues = sortIssues([...outcome.issues, ...outcome.stale]);
  const sheet = outcome.sheet;
  if (!outcome.ok || !sheet) {
    io.out(issuesText(issues, args.locale));
    printOutFile(io, args.out ?? args.pdf, false, [], args.locale);
    return EXIT_ISSUES;
  }
  if (args.out === undefined && args.pdf === undefined) io.out(made.text(sheet) + "\n");
  io.out(issuesText(issues, args.locale));
  await writeDocument(args, io, input, sheet, outputs, made.pdfWhat(sheet));
  return EXIT_OK;
}
