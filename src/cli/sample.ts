import { newWorkbookBytes } from "../hosts/xlsx/ooxml";
import { msg } from "../scoring";
import { sampleSheets } from "../workbook/pipeline";
import { workplanTemplateRows } from "../workplan";
import { Args } from "./args";
import { zlibDeflater } from "./deflate";
import { EXIT_OK } from "./errors";
import { writeOutFile } from "./files";
import { checkOutFile } from "./out-file";
import { Io } from "./output";
import { onePath, refuseOptions } from "./paths";

/** The built-in example as .xlsx bytes (also what rank/validate/workplan read when given no file). */
export async function sampleWorkbookBytes(): Promise<Uint8Array> {
  return newWorkbookBytes(sampleSheets(workplanTemplateRows()), zlibDeflater);
}

/** `sample <out.xlsx>`: the built-in example, 12 communities (规则 §7.2). */
export async function sampleCommand(args: Args, io: Io): Promise<number> {
  refuseOptions(args, "sample", ["force"]);
  const out = onePath(
    args,
    msg("sample 需要输出文件名，如 sample 示例.xlsx", "sample needs an output file, e.g. sample sample.xlsx")
  );
  await checkOutFile(out, { kind: "workbook", force: args.force });
  await writeOutFile(out, await sampleWorkbookBytes(), { kind: "workbook", force: args.force });
  io.out(args.locale === "en-US" ? `Sample written: ${out}` : `已写出示例：${out}`);
  return EXIT_OK;
}
