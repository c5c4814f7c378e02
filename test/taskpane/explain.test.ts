import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { PaneHost } from "../../src/hosts/port";
import { exactText, sum } from "../../src/scoring";
import {
  analyseInterpretations,
  applySetting,
  openCommunityCard,
  tryWhatif,
} from "../../src/taskpane/explain";
import { settingCells } from "../../src/workbook/card";
import { readWorkbook } from "../../src/workbook/pipeline";
import { findSetting } from "../../src/workbook/settings";

/** Issue 12 in the pane: a community's card, 试算 and 应用, the [I] readings — on the preview's host. */

function sampleHost(): PaneHost {
  return XlsxHost.withSample({ sampleName: "示例.xlsx", save: () => undefined });
}
const settingsValues = async (host: PaneHost) =>
  (await host.read()).grids.find((g) => g.name === "设置")!.values.map((r) => [...r]);

describe("a community's card", () => {
  test("categories against their maxima, every bonus record with points and reason, subtotals that add up", async () => {
    const outcome = await openCommunityCard(sampleHost(), "春晖社区");
    expect(outcome?.kind).toBe("ok");
    if (outcome?.kind !== "ok") return;
    const { card } = outcome;
    expect([card.community.rank, card.count, exactText(card.community.gapToCut!)]).toEqual([10, 12, "2.50"]);
    expect(card.categories.map((c) => exactText(c.max))).toEqual([
      "20.00",
      "20.00",
      "15.00",
      "15.00",
      "15.00",
      "15.00",
    ]);
    expect(sum(card.categories.map((c) => c.score)).eq(card.community.target)).toBe(true);
    for (const k of card.kinds) {
      expect(sum(k.records.map((r) => r.points)).eq(k.subtotal)).toBe(true);
      for (const r of k.records) {
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(r.cell).toBe(`A${r.row}`); // the 社区 cell of the record's row
      }
    }
    expect(card.target).toMatchObject({ sheet: "目标管理", cell: expect.stringMatching(/^A\d+$/) });
  });

  test("a record's cell is where the community is: selecting it shows that row", async () => {
    const host = sampleHost();
    const outcome = await openCommunityCard(host, "春晖社区");
    if (outcome?.kind !== "ok") throw new Error("no card");
    const record = outcome.card.kinds.flatMap((k) => k.records)[0];
    const peek = await host.selectCell(record.sheet, record.cell!);
    expect(peek!.rows[peek!.at.row].cells[peek!.at.column]).toBe("春晖社区");
  });

  test("a name no longer in the workbook → null", async () => {
    expect(await openCommunityCard(sampleHost(), "不存在社区")).toBeNull();
  });
});

describe("试算 and 应用", () => {
  test("试算 writes nothing and lists what moves", async () => {
    const host = sampleHost();
    const before = await settingsValues(host);
    const outcome = await tryWhatif(host, "先进社区名额", "9");
    expect(outcome.kind === "ok" && outcome.moves.communities.map((m) => [m.name, m.advancedAfter])).toEqual([
      ["春晖社区", "tie"],
      ["梅园社区", "tie"],
    ]);
    expect(await settingsValues(host)).toEqual(before);
    expect(await tryWhatif(host, "先进名额", "9")).toMatchObject({ kind: "badInput" });
  });

  test("应用 writes the value into the key's row on 设置, and only there", async () => {
    const host = sampleHost();
    const before = await settingsValues(host);
    const done = await applySetting(host, "AdvancedCommunities", "9");
    expect(done).toMatchObject({ kind: "written", sheet: "设置" });
    const after = await settingsValues(host);
    const changed = after
      .flatMap((r, i) => r.map((v, j) => (v === before[i]?.[j] ? null : [i, j, v])))
      .filter(Boolean);
    expect(changed).toEqual([[expect.any(Number), 1, 9]]);
    expect(readWorkbook((await host.read()).grids).rules.advancedCommunities).toBe(9);
  });

  test("a key missing from 设置 is added in a new row after the last; no 设置 sheet → nothing written", async () => {
    const grids = (await sampleHost().read()).grids;
    const settings = grids.find((g) => g.name === "设置")!;
    const without = [{ ...settings, values: settings.values.filter((r) => r[0] !== "先进社区名额") }];
    const last = without[0].firstRow + without[0].values.length;
    expect(settingCells(without, findSetting("先进社区名额")!, 9)).toEqual({
      sheet: "设置",
      cells: [
        { cell: `A${last}`, value: "先进社区名额" },
        { cell: `B${last}`, value: 9 },
      ],
    });
    expect(settingCells([], findSetting("先进社区名额")!, 9)).toBeNull();
  });
});

test("the [I] readings of the sample, through the host", async () => {
  const outcome = await analyseInterpretations(sampleHost());
  expect(outcome.kind === "ok" && outcome.readings.map((r) => [r.id, r.changes])).toEqual([
    ["honorPoints.district", false],
    ["honorPoints.city", false],
    ["publicityPoints.district", false],
    ["publicityPoints.city", false],
    ["subjectRuleScope", false],
    ["rankingMode", false],
    ["categoryMax", false],
  ]);
});
