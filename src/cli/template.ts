import { newWorkbookBytes } from "../hosts/xlsx/ooxml";
import { msg } from "../scoring";
import { templateSheets } from "../workbook/pipeline";
import { workplanTemplateRows } from "../workplan";
import { Args } from "./args";
import { zlibDeflater } from "./deflate";
import { EXIT_OK } from "./errors";
import { writeOutFile } from "./files";
import { checkOutFile } from "./out-file";
import { Io } from "./output";
import { onePath, refuseOptions } from "./paths";

/** `template <out.xlsx>`: the empty workbook (规则 §7.2). */
export async function templateCommand(args: Args, io: Io): Promise<number> {
  refuseOptions(args, "template", ["force"]);
  const out = onePath(
    args,
    msg(
      "template 需要输出文件名，如 template 考核.xlsx",
      "template needs an output file, e.g. template scorecard.xlsx"
    )
  );
  await checkOutFile(out, { kind: "workbook", force: args.force });
  const bytes = await newWorkbookBytes(templateSheets(workplanTemplateRows()), zlibDeflater);
  await writeOutFile(out, bytes, { kind: "workbook", force: args.force });
  io.out(args.locale === "en-US" ? `Template written: ${out}` : `已写出模板：${out}`);
  return EXIT_OK;
}
