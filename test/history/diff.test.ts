import fc from "fast-check";
import { diffRecords, rawRecords } from "../../src/history";
import { WorkbookGrids } from "../../src/workbook/types";

/**
 * The rules in docs/规则.md §10, record identity: the diff of two input sets, on grids. An honor
 * is 社区 + 荣誉名称; 级别, 文号, 考核组认可 are its fields.
 */
const HEADER = ["社区", "荣誉名称", "级别", "文号", "考核组认可"];
type Honor = [string, string, string, string, string | null];

const grids = (rows: readonly (readonly unknown[])[]): WorkbookGrids => [
  { name: "荣誉", values: [HEADER, ...rows.map((r) => [...r])], firstRow: 1, firstColumn: 1 },
];
const diff = (before: readonly (readonly unknown[])[], after: readonly (readonly unknown[])[]) =>
  diffRecords(rawRecords(grids(before)), rawRecords(grids(after)));

const honorsArb = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom("东门社区", "西门社区", "南山社区"),
    fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() !== "" && !/[\s\u3000]/.test(s)),
    fc.constantFrom("国家级", "省级", "市级"),
    fc.constantFrom("", "文 1", "文 2"),
    fc.constantFrom(null, "是", "否")
  ),
  { selector: (h) => `${h[0]}\u0000${h[1].normalize("NFKC").toLowerCase()}`, minLength: 1, maxLength: 12 }
);

test("规则 §10 compare: a blank 考核组认可 that became 是 is （空）→ 是 as typed, not false → true", () => {
  const changes = diff(
    [["东门社区", "省级文明社区", "省级", "文 1", null]],
    [["东门社区", "省级文明社区", "省级", "文 1", "是"]]
  );
  expect(changes).toEqual([
    {
      sheet: "荣誉",
      key: "东门社区 / 省级文明社区",
      change: "changed",
      rowBefore: 2,
      rowAfter: 2,
      fields: { 考核组认可: [null, "是"] },
    },
  ]);
});

test("规则 §10 compare: identities are compared folded (spaces, full width), a TRUE cell reads TRUE", () => {
  const changes = diff([["东门社区", "ＡＢ", "省级", 1.1, true]], [[" 东门社区 ", "AB", "省级", 1.1, "是"]]);
  expect(changes).toEqual([
    expect.objectContaining({ change: "changed", fields: { 考核组认可: ["TRUE", "是"] } }),
  ]);
});

test("规则 §10 compare: the diff of a workbook with itself is empty, whatever the row order or blank rows", () => {
  fc.assert(
    fc.property(honorsArb, fc.infiniteStream(fc.nat()), fc.nat(5), (honors, random, blanks) => {
      const shuffled = [...honors].sort(() => (random.next().value % 3) - 1);
      const withBlanks: unknown[][] = shuffled.map((h) => [...h]);
      for (let i = 0; i < blanks; i++)
        withBlanks.splice(random.next().value % (withBlanks.length + 1), 0, []);
      expect(diff(honors, honors)).toEqual([]);
      expect(diff(honors, withBlanks)).toEqual([]);
    })
  );
});

test("规则 §10 compare: a random edit script applied to a workbook is recovered exactly", () => {
  const edit = fc.record({
    kind: fc.constantFrom("keep", "level", "docNo", "remove"),
    level: fc.constantFrom("国家级", "省级", "市级", "县级"),
  });
  fc.assert(
    fc.property(
      honorsArb,
      fc.array(edit, { minLength: 12, maxLength: 12 }),
      fc.nat(3),
      (honors, edits, added) => {
        const after: Honor[] = [];
        const expected: string[] = [];
        honors.forEach((h, i) => {
          const e = edits[i];
          const key = `${h[0]} / ${h[1]}`;
          if (e.kind === "remove") return expected.push(`removed ${key}`);
          const next: Honor = [...h];
          if (e.kind === "level") next[2] = e.level;
          if (e.kind === "docNo") next[3] = h[3] === "" ? "新文号" : "";
          after.push(next);
          if (next[2] !== h[2]) expected.push(`changed ${key} 级别 ${h[2]}→${next[2]}`);
          if (next[3] !== h[3]) expected.push(`changed ${key} 文号 ${h[3]}→${next[3]}`);
        });
        for (let i = 0; i < added; i++) {
          after.push(["新社区", `新荣誉${i}`, "市级", "", null]);
          expected.push(`added 新社区 / 新荣誉${i}`);
        }
        const got = diff(honors, after.reverse()).flatMap((c) =>
          c.fields
            ? Object.entries(c.fields).map(
                ([col, [b, a]]) => `${c.change} ${c.key} ${col} ${b ?? ""}→${a ?? ""}`
              )
            : [`${c.change} ${c.key}`]
        );
        expect(got.sort()).toEqual(expected.sort());
      }
    )
  );
});

test("规则 §10 compare: records with the same identity pair up, the same ones set aside first", () => {
  const a = ["东门社区", "优秀", "市级", "文 1", null];
  const b = ["东门社区", "优秀", "省级", "文 2", null];
  expect(diff([a, b], [b, a])).toEqual([]);
  const changes = diff([a, a], [a, b]);
  expect(changes).toEqual([expect.objectContaining({ change: "changed", rowBefore: 3, rowAfter: 3 })]);
});

test("规则 §10 compare: numbers read as a person sees them, at 15 significant digits", () => {
  expect(
    diff([["东门社区", "AB", "省级", 0.1 + 0.2, null]], [["东门社区", "AB", "省级", 0.3, null]])
  ).toEqual([]);
  expect(diff([["东门社区", "AB", "省级", 12, null]], [["东门社区", "AB", "省级", 12.5, null]])).toEqual([
    expect.objectContaining({ fields: { 文号: ["12", "12.5"] } }),
  ]);
});

test("规则 §10 compare: document settings on 设置 (公示单位, 考核编号 …) are no input change; a scoring rule is", () => {
  const settings = (rows: readonly (readonly unknown[])[]): WorkbookGrids => [
    { name: "设置", values: [["项目", "值"], ...rows.map((r) => [...r])], firstRow: 1, firstColumn: 1 },
  ];
  const before = [
    ["先进个人名额", 8],
    ["公示单位", ""],
  ];
  const typed = [
    ["先进个人名额", 8],
    ["公示单位", "城东镇考核办"],
    ["考核编号", "KH-2025-01"],
  ];
  expect(diffRecords(rawRecords(settings(before)), rawRecords(settings(typed)))).toEqual([]);
  const rule = [
    ["先进个人名额", 9],
    ["公示单位", ""],
  ];
  expect(diffRecords(rawRecords(settings(before)), rawRecords(settings(rule)))).toEqual([
    expect.objectContaining({ sheet: "设置", key: "先进个人名额", change: "changed" }),
  ]);
});
