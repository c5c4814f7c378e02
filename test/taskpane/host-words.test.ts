import { replaceQuestion } from "../../src/taskpane/host-words";
import { HostCapabilities } from "../../src/hosts/port";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";

/** Issue 22 §12: the question before rebuilding says what the host really does, and what 应用 wrote. */

const browser = XlsxHost.withSample().capabilities();
const excel: HostCapabilities = { ...browser, kind: "excel" };
const names = ["排名", "计分明细"];

test("in the browser preview: the page's copy changes, the file on disk never, the download carries it", () => {
  const q = replaceQuestion(browser, names);
  expect(q.zh).toContain("排名、计分明细");
  expect(q.zh).toContain("磁盘上的文件不会改动");
  expect(q.zh).not.toContain("Excel");
  expect(q.en).toContain("the file on disk never changes");
  expect(q.en).not.toContain("Excel");
});

test("in Excel: the add-in's edits cannot be undone", () => {
  const q = replaceQuestion(excel, names);
  expect(q.zh).toContain("Excel 无法撤销加载项的修改");
  expect(q.zh).not.toContain("磁盘");
  expect(q.en).toContain("Excel cannot undo");
});

test("after 应用: the question says that 设置 was written (and where), not that no input sheet changes", () => {
  for (const host of [browser, excel]) {
    const q = replaceQuestion(host, names, { sheet: "设置", cells: ["B9"] });
    expect(q.zh).toContain("只有“设置”表被改写");
    expect(q.zh).toContain("B9");
    expect(q.zh).not.toContain("输入表不会改动");
    expect(q.en).toContain("only 设置 is changed");
  }
  expect(replaceQuestion(browser, names).zh).toContain("输入表不会改动");
});
