import { rankWorkbook } from "../../src/workbook/pipeline";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { addRow, sampleGrids, setCell } from "./helpers";

/**
 * 规则 §7.2 `rank --out` of a million staff (issue 9, ≤ 1 GB): the command line gives its grids
 * away (`letGoOfRows`), so the rows are let go as they are read and every sheet keeps its first
 * row only. What it answers is what ranking the same grids kept whole answers: issues where they
 * are, stale results, the result and every generated sheet.
 */

const NOW = new Date(2026, 0, 15, 9, 30);

/** The sample after a rank: its inputs plus the generated sheets as a host reads them back. */
function ranked(grids: WorkbookGrids): WorkbookGrids {
  const outcome = rankWorkbook(grids, { now: NOW });
  const asGrid = (s: OutputSheet) => ({
    name: s.name,
    values: s.rows.map((r) => [...r]),
    firstRow: 1,
    firstColumn: 1,
  });
  const written = new Set(outcome.sheets.map((s) => s.name));
  return [...grids.filter((g) => !written.has(g.name)), ...outcome.sheets.map(asGrid)];
}

const cases: [string, () => WorkbookGrids][] = [
  ["the sample", sampleGrids],
  [
    "errors and warnings on cells (a blank required cell, a number that is text, an unknown community)",
    () => {
      const grids = sampleGrids();
      addRow(grids, "人员", { 姓名: "张三", 社区: "", 个人考核得分: 90 });
      addRow(grids, "人员", { 姓名: "李四", 社区: "不存在社区", 个人考核得分: "九十" });
      return grids;
    },
  ],
  [
    "generated sheets made before an input changed (stale results)",
    () => {
      const grids = ranked(sampleGrids());
      setCell(grids, "目标管理", 2, "社区基础", 19.5);
      return grids;
    },
  ],
];

describe("规则 §7.2 rank of a big workbook: the grids let go of as they are read", () => {
  test.each(cases)("%s: the same outcome as with the grids kept", (_label, make) => {
    const kept = rankWorkbook(make(), { now: NOW });
    const given = make();
    const letGo = rankWorkbook(given, { now: NOW, letGoOfRows: true });
    expect(letGo).toEqual(kept);
    expect(kept.issues.length + kept.stale.length + kept.sheets.length).toBeGreaterThan(0);
    // Nothing below the first row is left of any sheet.
    for (const g of given) expect(g.values.length).toBeLessThanOrEqual(1);
  });

  test("without letGoOfRows the grids are left as they were", () => {
    const grids = sampleGrids();
    const before = JSON.stringify(grids);
    rankWorkbook(grids, { now: NOW });
    expect(JSON.stringify(grids)).toBe(before);
  });
});
