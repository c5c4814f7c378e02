import { localDate as localIsoDate } from "../../src/workbook/local-time";
import { isIsoDate, readWorkplan, workplanTemplateRows, WORKPLAN_POINTS } from "../../src/workplan";
import { row, workplanBook } from "./fixtures";

const S1 = "一、继续抓好会议精神贯彻，完善社区矫正工作体制机制";

/** Reads one row and returns its record (if kept) and issues. */
function readOne(cells: Partial<Record<string, unknown>>) {
  const { records, issues } = readWorkplan(workplanBook([row({ 部分: S1, 要点: "要点甲", ...cells })]));
  return { record: records[0], issues };
}

describe("Issue: validation of the 工作要点 sheet — statuses", () => {
  test.each(["未启动", "推进中", "已完成", "已调整", " 已完成 "])("status %p is read", (status) => {
    const { record, issues } = readOne({ 状态: status });
    expect(issues).toEqual([]);
    expect(record.status).toBe(status.trim());
  });

  test("blank status reads as 未启动, the column's fallback", () => {
    expect(readOne({ 状态: "" }).record.status).toBe("未启动");
  });

  test.each(["进行中", "完成", "done", 1])(
    "unknown status %p: a located error naming the allowed ones; the row is left out",
    (status) => {
      const { record, issues } = readOne({ 状态: status });
      expect(record).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        severity: "error",
        sheet: "工作要点",
        row: 2,
        column: "状态",
        cell: "G2",
      });
      expect(issues[0].message.zh).toContain(`状态“${status}”无法识别`);
      expect(issues[0].message.zh).toContain("未启动、推进中、已完成、已调整");
      expect(issues[0].message.en).toContain("未启动, 推进中, 已完成, 已调整");
    }
  );
});

describe("Issue: validation of the 工作要点 sheet — due dates", () => {
  test.each([
    ["Excel serial", 46203, "2026-06-30"],
    ["Excel serial with a time of day", 46203.75, "2026-06-30"],
    ["ExcelJS Date (UTC midnight)", new Date(Date.UTC(2026, 5, 30)), "2026-06-30"],
    ["ISO text", "2026-06-30", "2026-06-30"],
    ["slashes, no leading zeros", "2026/6/30", "2026-06-30"],
    ["dots", "2026.6.30", "2026-06-30"],
    ["Chinese", "2026年6月30日", "2026-06-30"],
    ["Chinese without 日", "2026年6月30", "2026-06-30"],
    ["full-width digits", "２０２６年６月３０日", "2026-06-30"],
    ["full-width slashes and spaces", " ２０２６／０６／３０ ", "2026-06-30"],
  ])("%s is read as a date", (_, value, expected) => {
    const { record, issues } = readOne({ 完成时限: value });
    expect(issues).toEqual([]);
    expect(record.due).toBe(expected);
  });

  test("blank due date: no date, no issue", () => {
    const { record, issues } = readOne({ 完成时限: null });
    expect(issues).toEqual([]);
    expect(record.due).toBeUndefined();
  });

  test.each([
    ["text", "下月"],
    ["a month that does not exist", "2026-13-40"],
    ["30 February", "2026年2月30日"],
    ["a negative serial", -5],
    ["a serial in early 1900 (a slip, and Excel's calendar is off there)", 12],
    ["a boolean", true],
    ["an invalid Date", new Date(NaN)],
  ])("%s is an error located at the cell; the point is kept without a date", (_, value) => {
    const { record, issues } = readOne({ 完成时限: value });
    expect(record).toMatchObject({ point: "要点甲" });
    expect(record.due).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "error",
      sheet: "工作要点",
      row: 2,
      column: "完成时限",
      cell: "F2",
    });
    expect(issues[0].message.zh).toMatch(/^完成时限“.*”不是日期：请填写如 2026-06-30$/);
  });

  test("the message quotes the text as written", () => {
    expect(readOne({ 完成时限: "下月" }).issues[0].message.zh).toBe(
      "完成时限“下月”不是日期：请填写如 2026-06-30"
    );
  });

  test("an Excel error value names the error; the point is kept without a date", () => {
    const { record, issues } = readOne({ 完成时限: "#REF!" });
    expect(record.due).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: "error", column: "完成时限", cell: "F2" });
    expect(issues[0].message.zh).toContain("#REF!");
  });

  test("a formula saved without its result (ExcelJS { formula }) is an error, not a date", () => {
    const { record, issues } = readOne({ 完成时限: { formula: "TODAY()+30" } });
    expect(record.due).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: "error", cell: "F2" });
    expect(issues[0].message.zh).toContain("=TODAY()+30");
  });
});

describe("Issue: validation of the 工作要点 sheet — 序号", () => {
  test("a duplicate 序号 is an error naming the earlier row; both points are kept", () => {
    const { records, issues } = readWorkplan(
      workplanBook([
        row({ 序号: 1, 部分: S1, 要点: "甲" }),
        row({ 序号: 2, 部分: S1, 要点: "乙" }),
        row({ 序号: "1", 部分: S1, 要点: "丙" }),
      ])
    );
    expect(records.map((r) => [r.point, r.no])).toEqual([
      ["甲", 1],
      ["乙", 2],
      ["丙", undefined],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", row: 4, column: "序号", cell: "A4" });
    expect(issues[0].message.zh).toBe("序号 1 与第 2 行重复：请给每个要点一个不同的序号");
  });

  test.each(["一", 1.5, 0, -2])("序号 %p that is not a whole number from 1 is an error", (no) => {
    const { record, issues } = readOne({ 序号: no });
    expect(record.no).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: "error", column: "序号" });
  });

  test("full-width 序号 text is a number", () => {
    expect(readOne({ 序号: "１２" }).record.no).toBe(12);
  });

  test("a blank 序号 is fine: rows added by the office need none", () => {
    const { record, issues } = readOne({ 序号: "" });
    expect(issues).toEqual([]);
    expect(record.no).toBeUndefined();
  });
});

describe("Issue: validation of the 工作要点 sheet — rows", () => {
  test("blank rows are skipped and rows keep their Excel row numbers", () => {
    const { records, issues } = readWorkplan(
      workplanBook([
        row({ 部分: S1, 要点: "甲" }),
        row({}),
        ["", null, "  ", "\u3000"],
        row({ 部分: S1, 要点: "乙" }),
      ])
    );
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.row, r.point])).toEqual([
      [2, "甲"],
      [5, "乙"],
    ]);
  });

  test("a row without 部分 or 要点 is the generic reader's located error", () => {
    const { records, issues } = readWorkplan(workplanBook([row({ 部分: S1, 责任单位: "司法所" })]));
    expect(records).toEqual([]);
    expect(issues[0]).toMatchObject({ severity: "error", row: 2, column: "要点" });
  });

  test("an error value in 要点 or 状态 leaves the row out, with the error at the cell", () => {
    const { records, issues } = readWorkplan(
      workplanBook([
        row({ 部分: S1, 要点: "#N/A" }),
        row({ 部分: S1, 要点: "乙", 状态: { error: "#VALUE!" } }),
      ])
    );
    expect(records).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [2, "要点", "error"],
      [3, "状态", "error"],
    ]);
  });

  test("text is kept as written (trimmed): full-width punctuation survives", () => {
    const { record } = readOne({
      内容: " 制定计划，坚持问题为导向。",
      责任单位: "司法所（矫正中心）",
      进展与佐证: "已开会",
      备注: "x",
    });
    expect(record).toEqual({
      row: 2,
      section: S1,
      point: "要点甲",
      detail: "制定计划，坚持问题为导向。",
      owner: "司法所（矫正中心）",
      status: "未启动",
      evidence: "已开会",
      note: "x",
    });
  });

  test("issues carry the tab's actual name and the headers as written (English aliases, any order)", () => {
    const grids = [
      {
        name: "WorkPlan",
        firstRow: 3,
        firstColumn: 2,
        values: [
          ["Status", "Point", "Section", "Due"],
          ["不知道", "甲", S1, ""],
          ["", "乙", S1, "soon"],
        ],
      },
    ];
    const { records, issues } = readWorkplan(grids);
    expect(records.map((r) => r.point)).toEqual(["乙"]);
    expect(issues.map((i) => [i.sheet, i.row, i.column, i.cell])).toEqual([
      ["WorkPlan", 4, "Status", "B4"],
      ["WorkPlan", 5, "Due", "E5"],
    ]);
  });

  test("a workbook without 工作要点: no records and a warning (or nothing, when asked to ignore)", () => {
    const { records, issues } = readWorkplan([]);
    expect(records).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", sheet: "工作要点" });
    expect(readWorkplan([], { missingSheet: "ignore" })).toEqual({ records: [], issues: [] });
  });

  test("the template reads back clean: 21 points, all 未启动, none with an owner", () => {
    const { records, issues } = readWorkplan(workplanBook(workplanTemplateRows()));
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.no, r.section, r.point, r.detail, r.status])).toEqual(
      WORKPLAN_POINTS.map((p) => [p.no, p.section, p.point, p.detail, "未启动"])
    );
    expect(records.every((r) => r.owner === undefined && r.due === undefined)).toBe(true);
  });
});

describe("规则 §7.2 workplan --today: the date helpers", () => {
  test("isIsoDate accepts only a real day written YYYY-MM-DD", () => {
    expect(["2026-05-01", "2024-02-29"].map(isIsoDate)).toEqual([true, true]);
    expect(["2026-5-1", "2026-02-29", "2026-13-01", "20260501", " 2026-05-01"].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  test("localIsoDate gives the local calendar day", () => {
    expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe("2026-01-09");
  });
});
