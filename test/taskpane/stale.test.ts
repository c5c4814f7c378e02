import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { checkStale, rankBuild, validate } from "../../src/taskpane/controller";

/** 规则 §8 stale results in the task pane: what it shows on open and asks about before 共享准备. */

const STALE = "“排名”等结果已过期：输入在生成后有改动，请重新排名";

test("after ranking nothing is stale; an input changed → the warning; ranking again clears it", async () => {
  const host = XlsxHost.withSample();
  await rankBuild(host, { now: new Date(2026, 0, 15) });
  expect(await checkStale(host)).toEqual([]);
  await host.writeCells("目标管理", [{ cell: "B2", value: 17 }]);
  const [warning] = await checkStale(host);
  expect(warning).toMatchObject({ severity: "warning", sheet: "排名", message: { zh: STALE } });
  // 校验 lists it too.
  expect((await validate(host)).issues.map((i) => i.message.zh)).toContain(STALE);
  await rankBuild(host, { now: new Date(2026, 0, 16) });
  expect(await checkStale(host)).toEqual([]);
});

test("the edge: a workbook never ranked has nothing stale", async () => {
  expect(await checkStale(XlsxHost.withSample())).toEqual([]);
});

test("校验 shows 工作要点 problems as a section of their own", async () => {
  const host = XlsxHost.withSample();
  await host.writeCells("工作要点", [{ cell: "F2", value: "明年" }]);
  const { issues } = await validate(host);
  const plan = issues.filter((i) => i.sheet === "工作要点");
  expect(plan).toHaveLength(1);
  expect(plan[0].message.zh).toContain("不是日期");
});
