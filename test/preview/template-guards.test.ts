import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { createTemplate } from "../../src/taskpane/controller";
import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { bookOf, loadXlsx, saveXlsx } from "../xlsx/exceljs-io";

/**
 * The pane's 创建模板 in the preview: the sheets it adds carry the guards, quoting the workbook's
 * own 设置 (a town that set 社区基础满分 to 25 gets 0…25 on that column), and are Excel tables.
 */

type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };

test("创建模板 adds the missing 目标管理 with 0…max from the workbook's 设置 and the 社区 drop-down", async () => {
  const wb = await bookOf(sampleSheets(workplanTemplateRows()));
  wb.removeWorksheet(wb.getWorksheet("目标管理")!.id);
  const settings = wb.getWorksheet("设置")!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === "社区基础满分") row.getCell(2).value = 25;
    if (row.getCell(1).value === "社区服务满分") row.getCell(2).value = 15;
  });
  const host = await XlsxHost.ofBytes(await saveXlsx(wb), "示例.xlsx");
  const report = await createTemplate(host);
  expect(report.created).toEqual(["目标管理"]);
  // What the page made is in its download, read back by an independent reader.
  const back = await loadXlsx(await host.fileBytes());
  const model = (back.getWorksheet("目标管理") as unknown as Validations).dataValidations.model;
  const rules = Object.values(model);
  expect(rules.find((v) => v.type === "list")?.formulae[0]).toContain("OFFSET('社区'!$A$2");
  const decimals = rules.filter((v) => v.type === "decimal").map((v) => v.formulae.map(String));
  expect(decimals).toContainEqual(["0", "25"]);
  expect(decimals).toContainEqual(["0", "15"]);
  expect(rules.find((v) => v.prompt === "0～25 分")?.errorStyle).toBe("stop");
  // Issue 9: an Excel table too, with nothing said to be left out (the download: test/xlsx/tables.test.ts).
  expect(report.degraded).toEqual([]);
  const inPage = back.getWorksheet("目标管理")!.getTables() as unknown as { name: string }[];
  expect(inPage.map((t) => t.name)).toEqual(["KH_Targets"]);
});
