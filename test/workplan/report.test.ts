import { GENERATED_MARKER, isGeneratedSheet } from "../../src/workbook/marker";
import { SHEETS } from "../../src/workbook/schema";
import { summarizeWorkplan, WorkplanRecord, workplanSummarySheet } from "../../src/workplan";

const A = "一、继续抓好会议精神贯彻，完善社区矫正工作体制机制";
const B = "二、严格落实基本任务，确保社区矫正安全持续稳定";
const records: WorkplanRecord[] = [
  { row: 2, section: A, point: "甲", owner: "司法所", due: "2026-03-31", status: "已完成" },
  { row: 3, section: A, point: "=乙", due: "2026-04-15", status: "推进中" },
  { row: 4, section: B, point: "丙", owner: "矫正中心", status: "已调整" },
];
const summary = summarizeWorkplan(records, "2026-05-01");
const now = new Date(2026, 4, 1, 9, 5);

describe("Issue: the generated 工作要点汇总 sheet", () => {
  const sheet = workplanSummarySheet(summary, { now, today: "2026-05-01" });
  const width = SHEETS.workplanSummary.columns.length;

  test("a header line with the marker and the time, then the schema's column headers", () => {
    expect(sheet).toMatchObject({
      key: "workplanSummary",
      name: "工作要点汇总",
      headerRow: 1,
      freezeRows: 2,
    });
    expect(String(sheet.rows[0][0])).toMatch(
      new RegExp(`^${GENERATED_MARKER}工作要点汇总 · 生成于 2026-05-01 09:05；逾期按 2026-05-01 判断`)
    );
    expect(isGeneratedSheet(sheet.rows[0][0])).toBe(true);
    expect(sheet.rows[1]).toEqual(["部分", "要点数", "已完成", "推进中", "未启动", "已调整", "完成率"]);
  });

  test("one row per section, then 合计 with completion as a fraction", () => {
    expect(sheet.rows.slice(2, 5)).toEqual([
      [A, 2, 1, 1, 0, 0, 0.5],
      [B, 1, 0, 0, 0, 1, 0],
      ["合计", 3, 1, 1, 0, 1, 0.5],
    ]);
  });

  test("then a blank row and the overdue and no-owner lists, highlighted", () => {
    const text = sheet.rows.slice(5).map((r) => r.filter((c) => c !== null));
    expect(text).toEqual([
      [],
      ["逾期要点（完成时限已过，既未完成也未调整）：1 项"],
      ["要点", "行号", "完成时限"],
      ["=乙", 3, "2026-04-15"],
      [],
      ["未明确责任单位的要点：1 项"],
      ["要点", "行号"],
      ["=乙", 3],
    ]);
    expect(sheet.highlight.map((h) => h.row)).toEqual([8, 12]);
  });

  test("every row has the table's width; formats and widths per column; text columns stay text", () => {
    expect(sheet.rows.every((r) => r.length === width)).toBe(true);
    expect(sheet.widths).toHaveLength(width);
    expect(sheet.numberFormats[0]).toBe("@");
    expect(sheet.numberFormats[width - 1]).toBe("0.0%");
  });

  test("empty lists say 无; another tab name when asked", () => {
    const empty = workplanSummarySheet(summarizeWorkplan([], "2026-05-01"), { now, name: "工作要点汇总(2)" });
    expect(empty.name).toBe("工作要点汇总(2)");
    expect(empty.rows.filter((r) => r[0] === "无")).toHaveLength(2);
    expect(empty.rows[2]).toEqual(["合计", 0, 0, 0, 0, 0, 0]);
  });
});
