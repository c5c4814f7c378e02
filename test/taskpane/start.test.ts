import { replaceUrl, startPane, StartMode, WAIT_NOTICE_MS } from "../../src/taskpane/start";

/** A start with Office.onReady held back until the test answers it, and a clock the test runs. */
function harness(insideOffice: boolean) {
  const shown: StartMode[] = [];
  let answer: ((where: { excel: boolean; language: string | null }) => void) | null = null;
  const timers: { run: () => void; ms: number }[] = [];
  const starter = startPane({
    whenReady: (ready) => {
      answer = ready;
    },
    insideOffice: () => insideOffice,
    after: (run, ms) => timers.push({ run, ms }),
    show: (mode) => shown.push(mode),
  });
  const elapse = (ms: number) => timers.filter((t) => t.ms <= ms).forEach((t) => t.run());
  return { shown, starter, elapse, answer: (excel: boolean) => answer?.({ excel, language: "zh-CN" }) };
}

describe("the pane's start: inside Office never the preview's sample", () => {
  test("inside Office, a slow Office.onReady shows a waiting state without a way to the sample, then Excel", () => {
    const h = harness(true);
    h.elapse(WAIT_NOTICE_MS * 10);
    expect(h.shown).toEqual([{ kind: "waiting", canPreview: false }]);
    h.starter.openPreview();
    expect(h.shown.some((m) => m.kind === "preview")).toBe(false);
    h.answer(true);
    expect(h.shown.at(-1)).toEqual({ kind: "excel", language: "zh-CN" });
  });

  test("a prompt answer starts at once and no waiting state follows", () => {
    const excel = harness(true);
    excel.answer(true);
    excel.elapse(WAIT_NOTICE_MS);
    expect(excel.shown).toEqual([{ kind: "excel", language: "zh-CN" }]);
    const browser = harness(false);
    browser.answer(false);
    browser.elapse(WAIT_NOTICE_MS);
    expect(browser.shown).toEqual([{ kind: "preview" }]);
  });

  test("outside Office with office.js silent, the waiting state offers the preview; Excel answering later wins", () => {
    const h = harness(false);
    h.elapse(WAIT_NOTICE_MS - 1);
    expect(h.shown).toEqual([]);
    h.elapse(WAIT_NOTICE_MS);
    expect(h.shown).toEqual([{ kind: "waiting", canPreview: true }]);
    h.starter.openPreview();
    h.starter.openPreview();
    expect(h.shown.filter((m) => m.kind === "preview")).toHaveLength(1);
    h.answer(true);
    expect(h.shown.at(-1)).toMatchObject({ kind: "excel" });
  });
});

describe("the preview's language switch after office.js has loaded", () => {
  class FakeHistory {
    state: unknown = { kept: true };
    urls: string[] = [];
    replaceState(state: unknown, _title: string, url: string): void {
      this.state = state;
      this.urls.push(url);
    }
  }

  test("office.js sets history.replaceState to null: the URL is still replaced (through History.prototype)", () => {
    const history = new FakeHistory();
    (history as unknown as { replaceState: null }).replaceState = null; // what office.js does
    expect(replaceUrl("https://x/taskpane.html?lang=en-US", history as unknown as History)).toBe(true);
    expect(history.urls).toEqual(["https://x/taskpane.html?lang=en-US"]);
    expect(history.state).toEqual({ kept: true });
  });

  test("no replaceState anywhere: false, no throw", () => {
    const bare = Object.create(null) as History;
    expect(replaceUrl("https://x/", bare)).toBe(false);
  });
});
