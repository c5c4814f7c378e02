import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { makeI18n } from "../../src/taskpane/i18n";
import { makeNotice } from "../../src/taskpane/notice-flow";
import { Note } from "../../src/taskpane/pane-state";
import { generatedKeyOf } from "../../src/workbook/marker";
import { tieFreeSampleBytes } from "../cli/notice-sample";

/** The rules in docs/, §10 公示名单 in the pane: the 公示名单 button (notice-flow.ts), in the browser preview. */

const NOW = new Date(2025, 0, 3, 9, 30);

/** Presses 公示名单: the note it leaves (as the pane shows it) and the rebuilds it asked about. */
async function press(host: XlsxHost, answer = true) {
  const notes: Note[] = [];
  const asked: string[][] = [];
  await makeNotice({
    host,
    capabilities: host.capabilities(),
    setNote: (n) => notes.push(n),
    now: NOW,
    locale: "zh-CN",
    confirm: async (names) => {
      asked.push(names);
      return answer;
    },
  });
  expect(notes).toHaveLength(1);
  const { say } = makeI18n("zh-CN");
  return { intent: notes[0].intent, text: say(notes[0].text), items: notes[0].items?.map(say), asked };
}

const noticeSheets = async (host: XlsxHost) =>
  (await host.read()).grids.filter((g) => generatedKeyOf(g.values[0]?.[0]) === "notice").map((g) => g.name);

describe("规则 §10 公示名单 in the pane", () => {
  test("an open tie at the cut: refused, the note names those tied, nothing written", async () => {
    const host = XlsxHost.withSample();
    const note = await press(host);
    expect(note.intent).toBe("error");
    expect(note.text).toContain("并列待定（先进个人 徐芳（新华社区）");
    expect(await noticeSheets(host)).toEqual([]);
  });

  test("no open tie: 公示名单 is written and the note says how to print it; a rebuild asks first, and no is no", async () => {
    const host = XlsxHost.withSample();
    const bytes = await tieFreeSampleBytes();
    await host.open(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      "free.xlsx"
    );
    const first = await press(host);
    expect(first).toMatchObject({
      intent: "success",
      text: expect.stringContaining("“公示名单”"),
      asked: [],
    });
    expect(first.items?.join(" ")).toMatch(/下载.*“公示名单”.*Ctrl\+P/);
    const grid = (await host.read()).grids.find((g) => g.name === "公示名单");
    expect(grid?.values.some((r) => r[0] === "2024年度社区目标管理考核先进社区和先进个人公示")).toBe(true);

    const declined = await press(host, false);
    expect(declined).toMatchObject({ intent: "info", asked: [["公示名单"]] });
    const again = await press(host, true);
    expect(again).toMatchObject({ intent: "success", asked: [["公示名单"]] });
    expect(await noticeSheets(host)).toEqual(["公示名单"]);
  });
});
