import { openXlsx, XlsxPackage } from "../hosts/xlsx";
import { msg } from "../scoring";
import { Args } from "./args";
import { CliError } from "./errors";
import { readWorkbookFile } from "./files";
import { Io } from "./output";
import { sampleWorkbookBytes } from "./sample";

/**
 * The workbook a reading command works on: the file given, or — with no file — the built-in
 * sample (12 communities), so `npm run --silent scorecard -- rank` shows every rule at work.
 * The note goes to stderr, so --json output stays one JSON object.
 */
export async function openInput(args: Args, io: Io): Promise<{ pkg: XlsxPackage; label: string }> {
  if (args.positional.length > 1)
    throw new CliError(
      msg(
        `多余的参数：${args.positional.slice(1).join(" ")}`,
        `Unexpected arguments: ${args.positional.slice(1).join(" ")}`
      )
    );
  if (args.positional.length === 1)
    return { pkg: await readWorkbookFile(args.positional[0]), label: args.positional[0] };
  io.err(
    args.locale === "en-US"
      ? "(no file given: using the built-in sample, 12 communities)"
      : "（未指定文件：使用内置示例，12 个社区）"
  );
  return { pkg: await openXlsx(await sampleWorkbookBytes()), label: "sample" };
}
