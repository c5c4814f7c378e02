import { officialFigure } from "../../src/scoring";
import { gridsOfSheets, noticeWorkbook, rankWorkbook } from "../../src/workbook/pipeline";
import { readSettings, settingsRows, settingsSummary } from "../../src/workbook/settings";
import { noticeEnd } from "../../src/workbook/sheets/notice";
import { defaultRules } from "../../src/scoring";
import { SheetGrid, WorkbookGrids } from "../../src/workbook/types";
import { tieFreeSample } from "../cli/notice-sample";
import { sampleGrids, tab } from "./helpers";

/** The rules in docs/, §10 公示名单 and the document settings of 设置. */

const now = new Date(2025, 0, 3, 9, 0);

/** Grids of `tieFreeSample` (10 advanced individuals, the notice's settings filled in). */
const freeGrids = (more = {}): WorkbookGrids =>
  gridsOfSheets(tieFreeSample(more)).map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));

/** Sets a value of 设置 by its 项目. */
function setSetting(grids: WorkbookGrids, key: string, value: unknown): void {
  const row = tab(grids, "设置").values.find((r) => r[0] === key);
  if (!row) throw new Error(`test: 设置 has no ${key}`);
  row[1] = value;
}

const settingsGrid = (rows: unknown[][]): SheetGrid => ({
  name: "设置",
  values: [["项目", "值", "说明"], ...rows],
  firstRow: 1,
  firstColumn: 1,
});

describe("规则 §10 公示名单", () => {
  test("the title, the opening paragraph from 设置, the advanced communities in rank order with 综合得分 and 折算分 (2 decimals), the advanced individuals with their community, the signing unit and date", () => {
    const outcome = noticeWorkbook(freeGrids(), { now });
    expect(outcome.refused).toBeUndefined();
    const sheet = outcome.sheet;
    const result = outcome.result;
    if (!sheet || !result) throw new Error("no notice");
    const texts = sheet.rows.map((r) => r.filter((v) => v !== null).join(" | "));
    expect(texts).toContain("2024年度社区目标管理考核先进社区和先进个人公示");
    const opening = texts.find((t) => t.includes("现予以公示")) ?? "";
    expect(opening).toContain("拟评定以下8个社区为先进社区、10名同志为先进个人");
    expect(opening).toContain("公示时间为2025年1月6日至2025年1月10日（共5天）");
    expect(opening).toContain(
      "请向城东镇社区目标管理考核领导小组办公室反映（联系人：王主任，联系电话：0512-12345678）"
    );

    const advanced = result.communities.filter((c) => c.advanced === true);
    expect(advanced).toHaveLength(8);
    const rows = advanced.map((c) => [
      String(c.rank),
      c.name,
      officialFigure(c.total),
      officialFigure(c.converted),
    ]);
    const at = sheet.rows.findIndex((r) => r[1] === advanced[0].name);
    expect(sheet.rows.slice(at, at + 8)).toEqual(rows);
    expect(rows[0]).toEqual(["1", "西城社区", "113.67", "22.73"]);

    const people = result.individuals.filter((p) => p.advanced === true);
    expect(people).toHaveLength(10);
    const from = sheet.rows.findIndex((r) => r[1] === people[0].name && r[2] === people[0].community);
    expect(sheet.rows.slice(from, from + 10).map((r) => [r[1], r[2]])).toEqual(
      people.map((p) => [p.name, p.community])
    );
    // Signed by 公示单位 on the first day of the notice, at the foot.
    expect(texts.slice(-2)).toEqual(["城东镇社区目标管理考核领导小组办公室", "2025年1月6日"]);
    // A4 portrait, one page wide, A1's machine line out of the print area.
    expect(sheet.print).toMatchObject({
      orientation: "portrait",
      onePageWide: true,
      printRows: { first: 1 },
    });
  });

  test("a setting not filled in prints as a line to write on; 公示天数 defaults to 5", () => {
    const outcome = noticeWorkbook(
      freeGrids({ 公示单位: null, 异议联系人: null, 联系电话: null, 公示开始日期: null }),
      { now }
    );
    const text = outcome.sheet?.rows.map((r) => r.join("")).join("\n") ?? "";
    expect(text).toContain("（共5天）");
    expect(text).toContain("联系人：________，联系电话：________");
  });

  test("in English (--lang en): the same notice in English words, the names as typed", () => {
    const text =
      noticeWorkbook(freeGrids(), { now, locale: "en-US" })
        .sheet?.rows.map((r) => r.join(" "))
        .join("\n") ?? "";
    expect(text).toContain("2024 Community Target Management Assessment: Public Notice of the Advanced");
    expect(text).toContain("posted for public review from 2025-01-06 to 2025-01-10 (5 days)");
    expect(text).toContain("1. Advanced communities (8)");
    expect(text).toContain("西城社区 113.67 22.73");
  });

  test("the end date: 公示开始日期 + 公示天数 − 1, calendar days, the first day counted", () => {
    expect(noticeEnd("2025-01-06", 5)).toBe("2025-01-10");
    expect(noticeEnd("2025-01-30", 5)).toBe("2025-02-03");
    expect(noticeEnd("2024-02-27", 3)).toBe("2024-02-29");
    expect(noticeEnd("2025-12-29", 7)).toBe("2026-01-04");
    expect(noticeEnd(null, 5)).toBeNull();
    const seven = noticeWorkbook(freeGrids({ 公示天数: 7 }), { now });
    expect(seven.sheet?.rows.map((r) => r.join("")).join("")).toContain(
      "2025年1月6日至2025年1月12日（共7天）"
    );
  });

  test("refused while a 并列待定 at the cut is open: one line naming those tied; no sheet", () => {
    const outcome = noticeWorkbook(sampleGrids(), { now });
    expect(outcome.sheet).toBeNull();
    expect(outcome.refused?.zh).toMatch(
      /^不能生成公示名单：名额线上有并列待定（先进个人 徐芳（新华社区）、马红（文昌社区）、胡霞（锦绣社区））/
    );
    expect(outcome.refused?.zh).not.toContain("\n");
  });

  test("refused while the inputs have errors", () => {
    const grids = freeGrids();
    const honors = tab(grids, "荣誉");
    const level = honors.values[0].indexOf("级别");
    honors.values[1][level] = "国际级";
    const outcome = noticeWorkbook(grids, { now });
    expect(outcome.ok).toBe(false);
    expect(outcome.sheet).toBeNull();
  });
});

describe("规则 §10 document settings of 设置 (公示, 申报)", () => {
  const KEYS = ["申报截止日期", "考核编号", "公示单位", "公示开始日期", "公示天数", "异议联系人", "联系电话"];

  test("are keys of 设置: in the template's rows, blank by default (公示天数 5), read without an unknown-key warning", () => {
    const rows = settingsRows(defaultRules());
    for (const key of KEYS) expect(rows.map((r) => r[0])).toContain(key);
    expect(rows.filter((r) => KEYS.includes(String(r[0]))).map((r) => r[1])).toEqual([
      null,
      null,
      null,
      null,
      5,
      null,
      null,
    ]);
    const read = readSettings(
      settingsGrid([
        ["申报截止日期", 45657],
        ["考核编号", "KH-2024-07"],
        ["公示单位", "城东镇人民政府"],
        ["公示开始日期", "2025年1月6日"],
        ["公示天数", 7],
        ["异议联系人", "王主任"],
        ["联系电话", "0512-12345678"],
      ])
    );
    expect(read.issues).toEqual([]);
    expect(read.rules.document).toEqual({
      applyDeadline: "2024-12-31",
      assessmentCode: "KH-2024-07",
      noticeUnit: "城东镇人民政府",
      noticeStart: "2025-01-06",
      noticeDays: 7,
      objectionContact: "王主任",
      contactPhone: "0512-12345678",
    });
  });

  test("a date that is not one, or days that are not a whole number, is a warning naming the key; the default is used", () => {
    const read = readSettings(
      settingsGrid([
        ["公示开始日期", "下周一"],
        ["公示天数", 2.5],
      ])
    );
    expect(read.issues.map((i) => i.message.zh)).toEqual([
      expect.stringContaining("公示开始日期"),
      expect.stringContaining("公示天数"),
    ]);
    expect(read.rules.document.noticeStart).toBeNull();
    expect(read.rules.document.noticeDays).toBe(5);
  });

  test("do not enter the inputs' fingerprint: typing 公示单位 or 考核编号 makes no result stale; a scoring setting does", () => {
    const grids = freeGrids();
    const ranked = rankWorkbook(grids, { now });
    const withResults = (): WorkbookGrids => [
      ...grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) })),
      ...gridsOfSheets(ranked.sheets),
    ];
    const documents = withResults();
    setSetting(documents, "公示单位", "另一个单位");
    setSetting(documents, "考核编号", "KH-9");
    setSetting(documents, "公示天数", 10);
    setSetting(documents, "申报截止日期", "2024-11-30");
    expect(rankWorkbook(documents, { now }).stale).toEqual([]);
    // Nor the header line's summary of the settings in force.
    const rules = readSettings(tab(documents, "设置")).rules;
    expect(settingsSummary(rules)).toEqual(settingsSummary(readSettings(tab(grids, "设置")).rules));
    const scoring = withResults();
    setSetting(scoring, "先进个人名额", 9);
    expect(rankWorkbook(scoring, { now }).stale).not.toEqual([]);
  });
});
