import { OutputValue } from "../workbook/types";
import { SHEETS, WorkplanStatus } from "../workbook/schema";
import { WORKPLAN_POINTS } from "./points";

/** Every point starts here; the office moves it on. */
const STARTING_STATUS: WorkplanStatus = "未启动";

/**
 * The 工作要点 template's data rows (规则 §6, §7.2 `template`): the 21 points of the seed in its
 * order, status 未启动, owner and due date left blank for the office to fill. Cells are placed
 * by column key, so the rows follow SHEETS.workplan whatever its column order.
 */
export function workplanTemplateRows(): OutputValue[][] {
  return WORKPLAN_POINTS.map((p) => {
    const cells: Record<string, OutputValue> = {
      no: p.no,
      section: p.section,
      point: p.point,
      detail: p.detail,
      owner: "",
      due: null,
      status: STARTING_STATUS,
      evidence: "",
      note: "",
    };
    return SHEETS.workplan.columns.map((c) => {
      if (!(c.key in cells)) throw new Error(`workplanTemplateRows: no value for column ${c.key}`);
      return cells[c.key];
    });
  });
}
