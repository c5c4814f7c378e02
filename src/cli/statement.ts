import { Exact, EXACT_FORMAT, exactText, msg, officialFigure } from "../scoring";
import { statementWorkbook } from "../workbook/pipeline";
import { MACHINE_LOOK } from "../workbook/statements";
import { OutputSheet, OutputValue } from "../workbook/types";
import { Args } from "./args";
import { CliError } from "./errors";
import { finishDocument, prepareDocumentOutputs } from "./document-out";
import { openInput } from "./input";
import { Io } from "./output";
import { refuseOptions } from "./paths";
import { displayWidth } from "./table";

/**
 * `statement <in.xlsx> [--community NAME] [--out out.xlsx] [--pdf out.pdf]` (规则 §8): 成绩单 for
 * every community, or one. Without --out or --pdf it prints the statements as text; --out writes
 * the input workbook with the 成绩单 sheet (the input itself is refused); --pdf prints it to PDF
 * through LibreOffice (pdf.ts), or exits 2 in one line when LibreOffice is not installed.
 * Exit 0: done (warnings allowed); 1: the workbook has errors (nothing written); 2: unusable call.
 */

/** A cell as the sheet shows it: a record's points (0.00##) up to 4 decimals, every other number 2. */
function shown(value: OutputValue, format: string): string {
  if (value === null) return "";
  if (typeof value === "number") {
    const e = Exact.fromNumber(value);
    return format === EXACT_FORMAT ? exactText(e) : officialFigure(e);
  }
  return String(value);
}

function padTo(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * 成绩单 as text, block by block (a rule between them): each row's cells aligned in columns, numbers
 * to the right; the last cell of a row (a reason, a signature line) is not padded and does not
 * widen its column.
 */
export function statementsText(sheet: OutputSheet): string {
  const formats = new Map((sheet.cellFormats ?? []).map((f) => [`${f.row}:${f.column}`, f.format]));
  const breaks = new Set(sheet.print?.breaksAfter ?? []);
  // The machine lines (A1's header line, each block's last) are for the file, not the terminal.
  const machine = new Set((sheet.rowLooks ?? []).filter((l) => l.look === MACHINE_LOOK).map((l) => l.row));
  const blocks: { cells: string[]; numeric: boolean[] }[][] = [[]];
  sheet.rows.forEach((row, r) => {
    if (r === 0 || machine.has(r)) {
      if (breaks.has(r)) blocks.push([]);
      return;
    }
    const format = (c: number) => formats.get(`${r}:${c}`) ?? sheet.numberFormats[c] ?? "General";
    blocks[blocks.length - 1].push({
      cells: row.map((v, c) => shown(v, format(c))),
      // Numbers to the right, and the words over them (满分, 得分) with them.
      numeric: row.map((v, c) => typeof v === "number" || (v !== null && format(c) !== "@")),
    });
    if (breaks.has(r)) blocks.push([]);
  });
  const width = sheet.numberFormats.length;
  const out: string[] = [];
  for (const rows of blocks) {
    const last = (cells: string[]) => cells.reduce((at, v, i) => (v !== "" ? i : at), -1);
    // The last text of a row runs on (a reason, a signature line): it neither widens nor is padded.
    const runsOn = (row: { cells: string[]; numeric: boolean[] }, c: number) =>
      c === last(row.cells) && !row.numeric[c];
    const widths = Array.from({ length: width }, (_, c) =>
      rows.reduce((w, row) => (runsOn(row, c) ? w : Math.max(w, displayWidth(row.cells[c] ?? ""))), 0)
    );
    if (out.length > 0) out.push("", "─".repeat(40), "");
    for (const row of rows) {
      const end = last(row.cells);
      const parts = row.cells
        .slice(0, end + 1)
        .map((v, c) => (runsOn(row, c) ? v : padTo(v, widths[c], row.numeric[c])));
      out.push(parts.join("  ").trimEnd());
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

export async function statementCommand(args: Args, io: Io, now: Date = new Date()): Promise<number> {
  refuseOptions(args, "statement", ["out", "pdf", "community", "force"]);
  // Refused before any work (规则 §8): the input is never overwritten, nor an existing file without
  // --force; a PDF needs LibreOffice.
  const outputs = await prepareDocumentOutputs(args);

  const input = await openInput(args, io);
  const outcome = statementWorkbook(await input.grids(), {
    now,
    locale: args.locale,
    community: args.community,
  });
  if (outcome.unknown) throw new CliError(outcome.unknown);
  return finishDocument(args, io, input, outcome, outputs, {
    text: statementsText,
    pdfWhat: (sheet) => {
      const pages = (sheet.print?.breaksAfter?.length ?? 0) + 1;
      return msg(`成绩单 ${pages} 份，每份从新的一页开始`, `${pages} statement(s), each starting a new page`);
    },
  });
}
