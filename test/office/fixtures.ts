import { sampleSheets } from "../../src/workbook/pipeline";
import { workplanTemplateRows } from "../../src/workplan";
import { InputSheetKey, SHEETS } from "../../src/workbook/schema";
import { OutputSheet, OutputValue } from "../../src/workbook/types";
import { MockSheetInput } from "./excel-mock";

/** The built-in sample (12 communities) as the sheets of a workbook. */
export function sampleWorkbook(): MockSheetInput[] {
  return sampleSheets(workplanTemplateRows()).map((s: OutputSheet) => ({ name: s.name, values: s.rows }));
}

/** A deterministic pseudo-random sequence. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LEVELS = ["区镇", "区级", "市级", "省级", "全国"];
const LINES = ["招商引资", "征地拆迁", "建设发展", "信访维稳", "矛盾化解"];

function sheet(key: InputSheetKey, rows: Record<string, OutputValue>[]): MockSheetInput {
  const columns = SHEETS[key].columns;
  return {
    name: SHEETS[key].zh,
    values: [columns.map((c) => c.zh), ...rows.map((r) => columns.map((c) => r[c.key] ?? null))],
  };
}

/**
 * A valid workbook of `n` communities with records of every kind, about as many per community as
 * the sample has: a target row each, an honor each, 1.5 articles, a contribution, basic publicity,
 * 4 staff. Used for the sync-count tests and the bench (12 vs 2,000 communities).
 */
export function generatedWorkbook(n: number): MockSheetInput[] {
  const r = rng(7);
  const names = Array.from({ length: n }, (_, i) => `社区${String(i + 1).padStart(4, "0")}`);
  const pick = () => names[Math.floor(r() * n)];
  const tenth = (max: number) => Math.floor(r() * max * 10) / 10;
  const maxima: Record<string, number> = {
    foundation: 20,
    service: 20,
    culture: 15,
    environment: 15,
    brand: 15,
    admin: 15,
  };
  return [
    sheet(
      "communities",
      names.map((name, i) => ({ name, type: i % 6 === 5 ? "村改居" : "社区", code: `SQ${i + 1}` }))
    ),
    sheet(
      "targets",
      names.map((community) => ({
        community,
        ...Object.fromEntries(Object.entries(maxima).map(([k, max]) => [k, tenth(max)])),
      }))
    ),
    sheet(
      "honors",
      names.map((community, i) => ({
        community,
        honor: `荣誉${i}`,
        kind: `类别${i % 40}`,
        level: LEVELS[Math.floor(r() * 5)],
        lineDept: r() < 0.2 ? "是" : "否",
        issuer: "区委",
        docNo: `区发〔2024〕${i}号`,
        approved: "是",
      }))
    ),
    sheet(
      "basicPublicity",
      names.map((community) => ({ community, score: 1 + Math.floor(r() * 5) }))
    ),
    sheet(
      "publicity",
      Array.from({ length: Math.floor(n * 1.5) }, (_, i) => ({
        communities: i % 10 === 0 ? `${names[i % n]}、${names[(i + 1) % n]}` : pick(),
        title: `社区工作报道第${i}篇`,
        level: LEVELS[Math.floor(r() * 5)],
        media: "区报",
      }))
    ),
    sheet(
      "contributions",
      names.map((community) => ({
        community,
        line: LINES[Math.floor(r() * 5)],
        matter: "重点工作",
        points: 1 + Math.floor(r() * 4),
        leaderAgreed: "是",
      }))
    ),
    sheet(
      "staff",
      Array.from({ length: n * 4 }, (_, i) => ({
        name: `人员${i}`,
        community: names[i % n],
        score: 60 + tenth(40),
      }))
    ),
  ];
}
