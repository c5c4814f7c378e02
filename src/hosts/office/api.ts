/* global Office */
import { msg, Msg } from "../../scoring";

/**
 * Which Excel API requirement sets this Excel has, asked once per operation. The flags are named
 * after the set (`api1_7` = ExcelApi 1.7): test/office/api-sets.test.ts reads every Excel.* and
 * Office.* member used in src/ and its `[Api set: …]` note in @types/office-js, and fails when a
 * member above the manifest's minimum is used outside a branch guarded by such a flag.
 */
export interface ExcelApiSupport {
  /** Column widths. */
  api1_2: boolean;
  /** …OrNullObject methods. */
  api1_4: boolean;
  /** suspendApiCalculationUntilNextSync. */
  api1_6: boolean;
  /** Frozen panes, chart category names and order. */
  api1_7: boolean;
  /** Data validation (drop-downs). */
  api1_8: boolean;
  /** Range.copyFrom: new results swapped in by the last request. */
  api1_9: boolean;
}

export type ApiFlag = keyof ExcelApiSupport;

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function excelApiSupport(): ExcelApiSupport {
  return {
    api1_2: supports("1.2"),
    api1_4: supports("1.4"),
    api1_6: supports("1.6"),
    api1_7: supports("1.7"),
    api1_8: supports("1.8"),
    api1_9: supports("1.9"),
  };
}

/** What the pane says is missing when an API set is. */
export const FEATURE_NAMES: Record<ApiFlag, Msg> = {
  api1_2: msg("列宽", "column widths"),
  api1_4: msg("快速读取（少一次往返）", "fast reading (one round trip fewer)"),
  api1_6: msg("写入时暂停计算", "pausing calculation while writing"),
  api1_7: msg("冻结表头、图表社区名称", "frozen headers, community names on the chart"),
  api1_8: msg("下拉选项", "drop-down lists"),
  api1_9: msg(
    "替换结果时的失败保护（写入失败时旧结果可能不完整）",
    "protection when replacing results (a failed write may leave the old results incomplete)"
  ),
};

/** 规则 §8 print setup and filters need ExcelApi 1.9 (pageLayout, page breaks, autoFilter). */
export const PRINT_FEATURE: Msg = msg(
  "打印设置（A4、每页重复表头、页眉页脚、页码）和筛选按钮",
  "print setup (A4, header row on every page, page header and footer, page numbers) and filter buttons"
);

export function missingFeatures(can: ExcelApiSupport, flags: readonly ApiFlag[]): Msg[] {
  return flags.filter((f) => !can[f]).map((f) => FEATURE_NAMES[f]);
}

/** Excel's error code of a failed request ("ResponsePayloadSizeLimitExceeded", …), or "". */
export function errorCode(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : "";
}
