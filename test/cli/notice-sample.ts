import { writeFileSync } from "node:fs";
import { newWorkbookBytes } from "../../src/hosts/xlsx";
import { sampleSheets } from "../../src/workbook/pipeline";
import { OutputSheet, OutputValue } from "../../src/workbook/types";
import { workplanTemplateRows } from "../../src/workplan";

/**
 * The sample leaves 徐芳、马红、胡霞 tied at the cut of 8 advanced individuals, so its notice is
 * refused. With 10 places the tie fits inside them: the sample with that, and the notice's
 * document settings filled in (and any `more` settings, 项目 → 值), is a workbook whose notice
 * may be posted.
 */
export function tieFreeSample(more: Record<string, OutputValue> = {}): OutputSheet[] {
  const sheets = sampleSheets(workplanTemplateRows());
  const settings = sheets.find((s) => s.key === "settings");
  if (!settings) throw new Error("the sample has no 设置");
  const values: Record<string, OutputValue> = {
    先进个人名额: 10,
    公示单位: "城东镇社区目标管理考核领导小组办公室",
    公示开始日期: "2025-01-06",
    异议联系人: "王主任",
    联系电话: "0512-12345678",
    ...more,
  };
  for (const [key, value] of Object.entries(values)) {
    const row = settings.rows.find((r) => r[0] === key);
    if (!row) throw new Error(`设置 has no row ${key}`);
    row[1] = value;
  }
  return sheets;
}

/** `tieFreeSample` as .xlsx bytes. */
export async function tieFreeSampleBytes(more: Record<string, OutputValue> = {}): Promise<Uint8Array> {
  return newWorkbookBytes(tieFreeSample(more));
}

/** `tieFreeSample` written as an .xlsx file. */
export async function writeTieFreeSample(
  file: string,
  more: Record<string, OutputValue> = {}
): Promise<void> {
  writeFileSync(file, await tieFreeSampleBytes(more));
}
