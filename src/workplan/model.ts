import { WorkplanStatus } from "../workbook/schema";

/** One row of the 工作要点 sheet, read and checked (规则 §6). */
export interface WorkplanRecord {
  /** Excel row number of the record on its sheet. */
  row: number;
  /** 序号: optional, a whole number, unique on the sheet. */
  no?: number;
  /** 部分: the section heading, as written (trimmed). */
  section: string;
  /** 要点: the point's short title. */
  point: string;
  /** 内容 */
  detail?: string;
  /** 责任单位; absent when blank (the summary lists such points). */
  owner?: string;
  /** 完成时限 as "YYYY-MM-DD". */
  due?: string;
  /** 状态; a blank cell reads as 未启动, the column's fallback. */
  status: WorkplanStatus;
  /** 进展与佐证 */
  evidence?: string;
  /** 备注 */
  note?: string;
}
