import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx, saveXlsx } from "../xlsx/exceljs-io";
import { cli } from "./run-cli";

/** 规则 §8 `scorecard whatif`: ranks again with settings changed, prints what moved, writes nothing. */

let dir = "";
let sample = "";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-whatif-"));
  sample = path.join(dir, "s.xlsx");
  expect((await cli("sample", sample)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("规则 §8 whatif --set", () => {
  test("the advanced count raised by one promotes exactly the next eligible — both, when they tie (春晖, 梅园)", async () => {
    const r = await cli("whatif", sample, "--set", "先进社区名额=9", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      set: { 先进社区名额: 9 },
      communities: [
        {
          name: "春晖社区",
          rankBefore: 10,
          rankAfter: 10,
          totalBefore: 83.5,
          totalAfter: 83.5,
          advancedBefore: false,
          advancedAfter: "tie",
        },
        {
          name: "梅园社区",
          rankBefore: 10,
          rankAfter: 10,
          totalBefore: 83.5,
          totalAfter: 83.5,
          advancedBefore: false,
          advancedAfter: "tie",
        },
      ],
      individuals: [],
    });
  });

  test("keys and values as on 设置, zh or en (unit brackets optional); several --set at once; text lists only what moved", async () => {
    const zh = await cli("whatif", sample, "--set", "先进个人名额=9", "--set", "奖金总额(元)=1000");
    const en = await cli(
      "whatif",
      sample,
      "--set=AdvancedIndividuals=9",
      "--set",
      "BonusPool=1000",
      "--lang",
      "en"
    );
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout).toContain("试算：先进个人名额 = 9，奖金总额（元） = 1000");
    expect(zh.stdout).toMatch(/姓名\s+社区\s+名次\s+先进个人/);
    expect(zh.stdout).toContain("并列待定 → 先进");
    expect(zh.stdout).not.toMatch(/^社区\s+名次/m); // no community moved: no community table
    expect(en.stdout).toContain("tie → advanced");
  });

  test("nothing moves: one line says so", async () => {
    const r = await cli("whatif", sample, "--set", "折算比例=20%");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("名次、综合得分和先进标记都没有变化");
  });

  test("unknown key or bad value → exit 2 naming it; settings that cannot be assessed together → exit 2", async () => {
    const unknown = await cli("whatif", sample, "--set", "区级荣誉=4");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("区级荣誉");
    expect(unknown.stderr).toContain("区级荣誉加分"); // did you mean
    const bad = await cli("whatif", sample, "--set", "排名方式=随便");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("排名方式");
    const noEquals = await cli("whatif", sample, "--set", "排名方式");
    expect(noEquals.code).toBe(2);
    const sum = await cli("whatif", sample, "--set", "社区基础满分=25");
    expect(sum.code).toBe(2);
    expect(sum.stderr).toContain("105");
    expect((await cli("whatif", sample)).code).toBe(2); // neither --set nor --interpretations
    expect((await cli("rank", sample, "--set", "先进社区名额=9")).code).toBe(2); // rank does not take --set
  });

  test("input errors → exit 1 with the issues; the file is never written", async () => {
    const broken = path.join(dir, "broken.xlsx");
    const wb = await loadXlsx(readFileSync(sample));
    wb.getWorksheet("荣誉")!.getCell("D2").value = "乡级";
    writeFileSync(broken, await saveXlsx(wb));
    const before = statSync(broken).mtimeMs;
    const r = await cli("whatif", broken, "--set", "先进社区名额=9");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("未知级别");
    const j = await cli("whatif", broken, "--interpretations", "--json");
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).issues.length).toBeGreaterThan(0);
    expect(statSync(broken).mtimeMs).toBe(before);
  });
});

describe("whatif --interpretations", () => {
  test("on the sample reports the intervals of the blank levels and every other [I] reading", async () => {
    const r = await cli("whatif", sample, "--interpretations");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "区级荣誉加分：现为 2 分（相邻级别 区镇 1、市级 5）：在 1–5 之间每 0.5 分重算一次"
    );
    expect(r.stdout).toContain("市级宣传每篇加分：现为 2 分/篇");
    expect(r.stdout).toContain("排名方式：现为“综合得分”；改为“目标管理优先”时 先进名单不变");
    const j = JSON.parse((await cli("whatif", sample, "--interpretations", "--json")).stdout);
    expect(j.interpretations.map((x: { id: string }) => x.id)).toEqual([
      "honorPoints.district",
      "honorPoints.city",
      "publicityPoints.district",
      "publicityPoints.city",
      "subjectRuleScope",
      "rankingMode",
      "categoryMax",
    ]);
    expect(j.interpretations[2]).toMatchObject({
      today: 0.5,
      range: [0.2, 2],
      stable: [0.2, 2],
      step: 0.5,
      changes: false,
    });
  });
});
