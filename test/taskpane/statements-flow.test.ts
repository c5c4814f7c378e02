import JSZip from "jszip";
import { ExcelHost } from "../../src/hosts/office/excel-host";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { bookOf, gridsOf, loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { rankBuild } from "../../src/taskpane/controller";
import { makeI18n } from "../../src/taskpane/i18n";
import { Note } from "../../src/taskpane/pane-state";
import { showStatements, statementsSheetName } from "../../src/taskpane/statements-flow";
import { GENERATED_MARKER } from "../../src/workbook/marker";
import { PaneHost } from "../../src/hosts/port";
import { createMockExcel } from "../office/excel-mock";
import { sampleWorkbook } from "../office/fixtures";

/** 规则 §8 成绩单 in the pane: 打印成绩单 shows the sheet and says how to print it (statements-flow.ts). */

const NOW = new Date(2025, 0, 15, 9, 30);

/** The note 打印成绩单 leaves, as the pane shows it in `locale`. */
async function press(
  host: PaneHost,
  locale: "zh-CN" | "en-US" = "zh-CN"
): Promise<{ intent: Note["intent"]; text: string; items?: string[] }> {
  const notes: Note[] = [];
  await showStatements({ host, capabilities: host.capabilities(), setNote: (n) => notes.push(n) });
  expect(notes).toHaveLength(1);
  const { say } = makeI18n(locale);
  return { intent: notes[0].intent, text: say(notes[0].text), items: notes[0].items?.map(say) };
}

describe("规则 §8 打印成绩单 in Excel (the Office.js host on the strict fake)", () => {
  test("after 一键排名: the 成绩单 sheet is activated with A1 selected, and the note says how to print", async () => {
    const mock = createMockExcel(sampleWorkbook());
    mock.install();
    const host = new ExcelHost();
    const { report } = await rankBuild(host, { now: NOW });
    expect(report?.written).toContain("成绩单");
    mock.resetCounters();
    const before = mock.writes.length;
    const note = await press(host);
    expect(mock.writes.slice(before).map((w) => [w.sheet, w.target, w.prop])).toEqual([
      ["成绩单", "sheet", "activate()"],
      ["成绩单", "A1", "select()"],
    ]);
    expect(note.intent).toBe("success");
    expect(note.text).toContain("已打开“成绩单”");
    expect(note.items?.join(" ")).toMatch(/文件 → 打印（或 Ctrl\+P）.*打印活动工作表.*整个工作簿/);
    expect((await press(host, "en-US")).items?.join(" ")).toMatch(/Ctrl\+P.*Print Active Sheets/);
  });

  test("before any ranking: says to run 一键排名 first and activates nothing", async () => {
    const mock = createMockExcel(sampleWorkbook());
    mock.install();
    const before = mock.writes.length;
    const note = await press(new ExcelHost());
    expect(note).toMatchObject({ intent: "info", text: expect.stringContaining("请先点击“一键排名”") });
    expect(mock.writes.length).toBe(before);
  });

  test("inputs changed since: the statement is shown with a warning to rank again before printing", async () => {
    const mock = createMockExcel(sampleWorkbook());
    mock.install();
    const host = new ExcelHost();
    await rankBuild(host, { now: NOW });
    mock.user.setCell("目标管理", 2, 2, 1);
    const note = await press(host);
    expect(note.intent).toBe("warning");
    expect(note.items?.[0]).toBe("“成绩单”已过期：输入在生成后有改动，请先点击“一键排名”再打印");
  });
});

describe("规则 §8 打印成绩单 in the browser preview", () => {
  test("the download holds 成绩单, through the package writer: the note says so and how to print", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const host = XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
    expect((await press(host)).text).toContain("一键排名");
    await rankBuild(host, { now: NOW });
    const note = await press(host);
    expect(note).toMatchObject({ intent: "success", text: expect.stringContaining("在下载的文件中") });
    expect(note.items?.join(" ")).toMatch(/下载.*“成绩单”.*Ctrl\+P/);

    await host.download("结果.xlsx");
    const bytes = saved.bytes ?? new Uint8Array();
    // The package writer's sheet part (the preview never writes the user's file through ExcelJS).
    const zip = await JSZip.loadAsync(bytes);
    const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(book).toMatch(/<sheet name="成绩单"/);
    const back = gridsOf(await loadXlsx(bytes)).find((g) => g.name === "成绩单");
    expect(String(back?.values[0][0]).startsWith(`${GENERATED_MARKER}成绩单`)).toBe(true);
    const titles = back?.values.filter((r) => r[0] === "2024年度社区目标管理考核成绩单") ?? [];
    expect(titles).toHaveLength(12);
  });

  test("a person's 成绩单 is not taken for ours: the generated one is 成绩单 (2)", async () => {
    const wb = await bookOf(sampleSheets(workplanTemplateRows()));
    wb.addWorksheet("成绩单").getCell("A1").value = "我的草稿";
    const host = await XlsxHost.ofBytes(await saveXlsx(wb), "草稿.xlsx");
    await rankBuild(host, { now: NOW });
    expect(statementsSheetName(await host.read())).toBe("成绩单 (2)");
    expect((await press(host)).text).toContain("“成绩单 (2)”");
  });
});
