import fc from "fast-check";
import { WORKPLAN_STATUSES } from "../../src/workbook/schema";
import { readWorkplan, summarizeWorkplan, WorkplanRecord, workplanTemplateRows } from "../../src/workplan";
import { row, workplanBook } from "./fixtures";

const A = "一、继续抓好会议精神贯彻，完善社区矫正工作体制机制";
const B = "二、严格落实基本任务，确保社区矫正安全持续稳定";
const C = "六、建立健全刑释人员社会化救助管理机制，切实增强安置帮教工作社会效果";
const TODAY = "2026-05-01";

/** A filled example as an office would keep it: rows 2–9. */
const FILLED = workplanBook([
  row({ 序号: 1, 部分: A, 要点: "贯彻会议精神", 责任单位: "司法所", 完成时限: "2026-03-31", 状态: "已完成" }),
  row({ 序号: 2, 部分: A, 要点: "完善体制机制", 责任单位: "司法所", 完成时限: "2026-04-30", 状态: "推进中" }), // overdue
  row({ 序号: 3, 部分: B, 要点: "加强监督管理", 责任单位: "", 完成时限: 46142, 状态: "未启动" }), // 2026-04-30: overdue, no owner
  row({
    序号: 4,
    部分: B,
    要点: "加强教育矫正",
    责任单位: "矫正中心",
    完成时限: "2026-05-01",
    状态: "推进中",
  }), // due today: not overdue
  row({
    序号: 5,
    部分: B,
    要点: "社会适应性帮扶",
    责任单位: "民政办",
    完成时限: "2026-01-15",
    状态: "已调整",
  }), // past but adjusted
  row({}),
  row({ 序号: 6, 部分: C, 要点: "黄丝带帮教", 完成时限: "2026年12月31日" }), // blank status = 未启动, no owner
  row({
    序号: 7,
    部分: A,
    要点: "新增：省定要点",
    责任单位: "司法所",
    完成时限: new Date(Date.UTC(2026, 1, 1)),
    状态: "已完成",
  }),
]);

describe("Issue: summary — counts, overdue and no-owner on a filled example", () => {
  const { records, issues } = readWorkplan(FILLED);
  const summary = summarizeWorkplan(records, TODAY);

  test("the example reads without issues", () => {
    expect(issues).toEqual([]);
  });

  test("overall counts per status and completion = 已完成 ÷ (total − 已调整)", () => {
    expect(summary).toMatchObject({ total: 7, done: 2, inProgress: 2, notStarted: 2, adjusted: 1 });
    expect(summary.percent).toBeCloseTo(2 / 6, 12);
  });

  test("sections in order of first appearance, each with its counts (a section seen again later adds to it)", () => {
    expect(summary.sections).toEqual([
      { section: A, total: 3, done: 2, inProgress: 1, notStarted: 0, adjusted: 0, percent: 2 / 3 },
      { section: B, total: 3, done: 0, inProgress: 1, notStarted: 1, adjusted: 1, percent: 0 },
      { section: C, total: 1, done: 0, inProgress: 0, notStarted: 1, adjusted: 0, percent: 0 },
    ]);
  });

  test("overdue: due before today and neither 已完成 nor 已调整 (due today is not overdue)", () => {
    expect(summary.overdue).toEqual([
      { row: 3, point: "完善体制机制", due: "2026-04-30" },
      { row: 4, point: "加强监督管理", due: "2026-04-30" },
    ]);
  });

  test("no owner: the points with a blank 责任单位", () => {
    expect(summary.noOwner).toEqual([
      { row: 4, point: "加强监督管理" },
      { row: 8, point: "黄丝带帮教" },
    ]);
  });

  test("overdue is judged against the today passed in", () => {
    expect(summarizeWorkplan(records, "2026-01-01").overdue).toEqual([]);
    expect(summarizeWorkplan(records, "2027-01-01").overdue.map((o) => o.row)).toEqual([3, 4, 5, 8]);
  });

  test("the summary has exactly the JSON fields of 规则 §7.2 (plus percent)", () => {
    expect(Object.keys(summary).sort()).toEqual(
      [
        "total",
        "done",
        "inProgress",
        "notStarted",
        "adjusted",
        "percent",
        "sections",
        "overdue",
        "noOwner",
      ].sort()
    );
  });
});

describe("Issue: summary — edge cases", () => {
  test("the untouched template: 21 not started, six sections, 0 % done, every point without an owner, none overdue", () => {
    const s = summarizeWorkplan(readWorkplan(workplanBook(workplanTemplateRows())).records, TODAY);
    expect(s).toMatchObject({ total: 21, done: 0, inProgress: 0, notStarted: 21, adjusted: 0, percent: 0 });
    expect(s.sections.map((x) => x.total)).toEqual([2, 5, 3, 5, 1, 5]);
    expect(s.noOwner).toHaveLength(21);
    expect(s.overdue).toEqual([]);
  });

  test("no records: all zero, completion 0", () => {
    expect(summarizeWorkplan([], TODAY)).toEqual({
      total: 0,
      done: 0,
      inProgress: 0,
      notStarted: 0,
      adjusted: 0,
      percent: 0,
      sections: [],
      overdue: [],
      noOwner: [],
    });
  });

  test("every point adjusted: completion 0, not a division by zero", () => {
    const r: WorkplanRecord = { row: 2, section: A, point: "甲", owner: "x", status: "已调整" };
    expect(summarizeWorkplan([r], TODAY).percent).toBe(0);
  });

  test("the same heading typed with an ASCII comma is the same section, shown as first written", () => {
    const r1: WorkplanRecord = { row: 2, section: A, point: "甲", status: "已完成" };
    const r2: WorkplanRecord = { row: 3, section: A.replace("，", ","), point: "乙", status: "未启动" };
    expect(summarizeWorkplan([r1, r2], TODAY).sections).toEqual([
      { section: A, total: 2, done: 1, inProgress: 0, notStarted: 1, adjusted: 0, percent: 0.5 },
    ]);
  });

  test.each(["2026-5-1", "today", "2026-02-30", ""])(
    "a malformed today (%p) is refused, not compared as text",
    (today) => {
      expect(() => summarizeWorkplan([], today)).toThrow(/YYYY-MM-DD/);
    }
  );
});

describe("Issue: summary — property: counts add up", () => {
  const record = fc.record({
    section: fc.constantFrom(A, B, C),
    status: fc.constantFrom(...WORKPLAN_STATUSES),
    owner: fc.option(fc.constantFrom("司法所", "矫正中心"), { nil: undefined }),
    due: fc.option(fc.constantFrom("2026-01-31", "2026-05-01", "2026-12-31"), { nil: undefined }),
  });

  test("for any mix of statuses: each section's and the overall counts add up to their total; sections add up to the whole", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (drafts) => {
        const records: WorkplanRecord[] = drafts.map((d, i) => ({ row: i + 2, point: `要点${i}`, ...d }));
        const s = summarizeWorkplan(records, TODAY);
        for (const c of [s, ...s.sections]) {
          expect(c.done + c.inProgress + c.notStarted + c.adjusted).toBe(c.total);
          expect(c.percent).toBeGreaterThanOrEqual(0);
          expect(c.percent).toBeLessThanOrEqual(1);
        }
        expect(s.total).toBe(records.length);
        for (const k of ["total", "done", "inProgress", "notStarted", "adjusted"] as const)
          expect(s.sections.reduce((n, x) => n + x[k], 0)).toBe(s[k]);
        expect(s.overdue.every((o) => o.due < TODAY)).toBe(true);
        expect(s.noOwner).toHaveLength(records.filter((r) => r.owner === undefined).length);
      })
    );
  });
});
