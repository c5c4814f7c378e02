import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { saveXlsx } from "./exceljs-io";
import { createTemplate } from "../../src/taskpane/controller";
import { cli } from "../cli/run-cli";

/** The template's two .xlsx files as a user gets them (tests): from the command line and from the preview. */

/** `scorecard template`: the file's bytes. */
export async function cliTemplate(): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "template-"));
  try {
    const file = path.join(dir, "模板.xlsx");
    const { code, stderr } = await cli("template", file);
    if (code !== 0) throw new Error(`template exited ${code}: ${stderr}`);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The preview's 创建模板 on a workbook opened in it (one 说明 sheet unless given), then downloaded. */
export async function previewTemplate(wb?: ExcelJS.Workbook): Promise<Uint8Array> {
  const book = wb ?? new ExcelJS.Workbook();
  if (!wb) book.addWorksheet("说明").getCell("A1").value = "填写说明";
  const bytes = await saveXlsx(book);
  const host = XlsxHost.withSample();
  await host.open(bytes.slice().buffer, "说明.xlsx");
  const report = await createTemplate(host);
  if (report.created.length === 0) throw new Error("创建模板 added no sheet");
  return host.fileBytes();
}
