import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "./run-cli";

/** The rules in docs/规则.md §10, compare: two files told apart record by record, on the built-in sample. */
let dir = "";
let sample = "";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-compare-"));
  sample = path.join(dir, "s.xlsx");
  expect((await cli("sample", sample)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the sample with `edit` applied through ExcelJS, as a person's edit in Excel. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  edit(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no ${name}`);
  return ws;
};
const columnOf = (ws: ExcelJS.Worksheet, header: string) => {
  let at = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) at = i;
  });
  if (at === 0) throw new Error(`no ${header}`);
  return at;
};

interface CompareJson {
  inputs: {
    sheet: string;
    key: string;
    change: string;
    rowBefore?: number;
    rowAfter?: number;
    fields?: Record<string, [unknown, unknown]>;
  }[];
  communities: { name: string; totalBefore: number | null; totalAfter: number | null }[];
  individuals: unknown[];
}

async function compareJson(before: string, after: string): Promise<{ code: number; json: CompareJson }> {
  const r = await cli("compare", before, after, "--json");
  return { code: r.code, json: JSON.parse(r.stdout) as CompareJson };
}

test("规则 §10 compare names the one changed field of a one-cell edit, rows both sides, and the communities that moved", async () => {
  let community = "";
  let row = 0;
  const after = await edited("level.xlsx", (wb) => {
    const ws = sheet(wb, "荣誉");
    row = 2;
    const at = columnOf(ws, "级别");
    community = String(ws.getRow(row).getCell(columnOf(ws, "社区")).value);
    const was = String(ws.getRow(row).getCell(at).value);
    ws.getRow(row).getCell(at).value = was === "国家级" ? "县级" : "国家级";
  });
  const { code, json } = await compareJson(sample, after);
  expect(code).toBe(0);
  expect(json.inputs).toHaveLength(1);
  expect(json.inputs[0]).toMatchObject({ sheet: "荣誉", change: "changed", rowBefore: row, rowAfter: row });
  expect(json.inputs[0].key.startsWith(`${community} / `)).toBe(true);
  expect(Object.keys(json.inputs[0].fields ?? {})).toEqual(["级别"]);
  const moved = json.communities.find((c) => c.name === community);
  expect(moved).toBeDefined();
  expect(moved?.totalBefore).not.toBe(moved?.totalAfter);
  const text = await cli("compare", sample, after);
  expect(text.stdout).toContain("修改  荣誉");
  expect(text.stdout).toMatch(/级别 \S+ → \S+/);
});

test("规则 §10 compare: a blank row inserted and rows reordered change nothing", async () => {
  const after = await edited("moved.xlsx", (wb) => {
    sheet(wb, "荣誉").insertRow(3, []);
    const staff = sheet(wb, "人员");
    const a = staff.getRow(2).values;
    const b = staff.getRow(3).values;
    staff.getRow(2).values = b as ExcelJS.CellValue[];
    staff.getRow(3).values = a as ExcelJS.CellValue[];
  });
  const { code, json } = await compareJson(sample, after);
  expect(code).toBe(0);
  expect([json.inputs, json.communities, json.individuals]).toEqual([[], [], []]);
});

test("规则 §10 compare: a record removed and one added, each with its row", async () => {
  let removedKey = "";
  const after = await edited("added.xlsx", (wb) => {
    const staff = sheet(wb, "人员");
    removedKey = `${staff.getRow(2).getCell(1).value} / ${staff.getRow(2).getCell(2).value}`;
    staff.spliceRows(2, 1);
    const honors = sheet(wb, "荣誉");
    const r = honors.getRow(honors.rowCount + 1);
    r.getCell(columnOf(honors, "社区")).value = "东门社区";
    r.getCell(columnOf(honors, "荣誉名称")).value = "新加的荣誉";
    r.getCell(columnOf(honors, "级别")).value = "市级";
  });
  const { json } = await compareJson(sample, after);
  const changes = json.inputs.map((i) => [i.change, i.sheet, i.key]);
  expect(changes).toEqual(
    expect.arrayContaining([
      ["added", "荣誉", "东门社区 / 新加的荣誉"],
      ["removed", "人员", removedKey],
    ])
  );
  expect(json.inputs).toHaveLength(2);
  expect(json.inputs.find((i) => i.change === "removed")).toMatchObject({ rowBefore: 2 });
  expect(json.inputs.find((i) => i.change === "removed")?.rowAfter).toBeUndefined();
});

test("规则 §10 compare: exit 1 when either side has errors, the record diff still printed, nothing written", async () => {
  const broken = await edited("broken.xlsx", (wb) => {
    const ws = sheet(wb, "荣誉");
    ws.getRow(2).getCell(columnOf(ws, "级别")).value = "宇宙级";
  });
  const out = path.join(dir, "never.xlsx");
  for (const [b, a] of [
    [sample, broken],
    [broken, sample],
  ]) {
    const r = await cli("compare", b, a, "--json", "--out", out);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as CompareJson & { issues: { severity: string }[] };
    expect(json.inputs).toHaveLength(1);
    expect(json.issues.some((i) => i.severity === "error")).toBe(true);
  }
  await expect(import("node:fs").then((fs) => fs.promises.stat(out))).rejects.toThrow();
});

test("规则 §10 compare --out: refuses an existing file without --force; writes 比较结果, never stale", async () => {
  const after = await edited("out-after.xlsx", (wb) => {
    const ws = sheet(wb, "荣誉");
    ws.getRow(2).getCell(columnOf(ws, "文号")).value = "新文号 2024-1";
  });
  const out = path.join(dir, "compared.xlsx");
  writeFileSync(out, "keep me");
  const refused = await cli("compare", sample, after, "--out", out);
  expect(refused.code).toBe(2);
  const written = await cli("compare", sample, after, "--out", out, "--force");
  expect(written.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = sheet(wb, "比较结果");
  expect(ws.getRow(3).values).toEqual(expect.arrayContaining(["修改", "荣誉", "文号", "新文号 2024-1"]));
  const validate = await cli("validate", out, "--json");
  expect(validate.stdout).not.toContain("比较结果");
});
