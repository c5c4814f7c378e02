import type { XlsxPackage } from "../hosts/xlsx/ooxml";
import { msg } from "../scoring";
import { gridsOfSheets, sampleSheets } from "../workbook/pipeline";
import { WorkbookGrids } from "../workbook/types";
import { workplanTemplateRows } from "../workplan";
import { Args } from "./args";
import { CliError } from "./errors";
import { readWorkbookFile } from "./files";
import { needsInputFile } from "./out-file";
import { Io } from "./output";

/** What a reading command works on: its grids, and (for `--out`) the package of the file to write into. */
export interface Input {
  label: string;
  grids(): Promise<WorkbookGrids>;
  pkg(): Promise<XlsxPackage>;
}

/**
 * The workbook a reading command works on: the file given, or — with no file — the built-in
 * sample (12 communities), so `npm run --silent scorecard -- rank` shows every rule at work.
 * The sample's grids are its sheets' values as written (no .xlsx round trip, no ExcelJS, so the
 * command starts fast). The sample is never written out (a writing option needs a file:
 * checkOutputs refuses it first). The note goes to stderr, so --json output stays one JSON object.
 */
export async function openInput(args: Args, io: Io): Promise<Input> {
  if (args.positional.length > 1)
    throw new CliError(
      msg(
        `多余的参数：${args.positional.slice(1).join(" ")}`,
        `Unexpected arguments: ${args.positional.slice(1).join(" ")}`
      )
    );
  if (args.positional.length === 1) {
    const pkg = await readWorkbookFile(args.positional[0]);
    const { packageGrids } = await import("../hosts/xlsx/ooxml");
    return { label: args.positional[0], grids: () => packageGrids(pkg), pkg: async () => pkg };
  }
  io.err(
    args.locale === "en-US"
      ? "(no file given: using the built-in sample, 12 communities)"
      : "（未指定文件：使用内置示例，12 个社区）"
  );
  return {
    label: "sample",
    grids: async () => gridsOfSheets(sampleSheets(workplanTemplateRows())),
    pkg: () => Promise.reject(new CliError(needsInputFile(args))),
  };
}
