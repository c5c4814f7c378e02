import fs from "fs";
import path from "path";
import { SHEETS } from "../../src/workbook/schema";
import {
  WORKPLAN_CLOSING_NOTE,
  WORKPLAN_POINTS,
  WORKPLAN_SECTIONS,
  workplanTemplateRows,
} from "../../src/workplan";

// The original text of both documents is part of the repository (docs/原文), so this check
// runs on every clone.
const SEED_FILE = path.resolve(__dirname, "../../docs/原文/社区目标管理考核意见与工作要点.txt");

const TITLE = "社区矫正与安置帮教工作要点";
/** Points whose seed text opens without a title sentence of its own. */
const UNTITLED = new Set([17, 18, 20]);

/** The extraction turned full-width commas and brackets into ASCII; points.ts restores them. */
const foldPunctuation = (s: string): string =>
  s.replace(/,/g, "，").replace(/\(/g, "（").replace(/\)/g, "）");

/** The second seed document with its line breaks removed (and ASCII punctuation restored). */
function seedWorkPlan(): { body: string; closing: string } {
  const lines = fs.readFileSync(SEED_FILE, "utf8").split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === TITLE);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("上述要点"));
  return {
    body: foldPunctuation(
      lines
        .slice(start + 1, end)
        .map((l) => l.trim())
        .join("")
    ),
    closing: foldPunctuation(lines[end].trim()),
  };
}

/** An independent reading of the seed: headings "一、…" and points "N.…". */
function parseSeed(body: string): {
  sections: string[];
  points: { no: number; section: string; text: string }[];
} {
  const sections: string[] = [];
  const points: { no: number; section: string; text: string }[] = [];
  const re = /([一二三四五六])、(.*?)\s*(?=\d+\.)|(\d+)\.(.*?)(?=[一二三四五六]、|\d+\.|$)/g;
  for (const m of body.matchAll(re)) {
    if (m[1]) sections.push(`${m[1]}、${m[2]}`);
    else points.push({ no: Number(m[3]), section: sections[sections.length - 1], text: m[4].trim() });
  }
  return { sections, points };
}

describe("Issue: the template's 21 points match the seed text", () => {
  const { body, closing } = seedWorkPlan();
  const seed = parseSeed(body);

  test("21 points numbered 1–21 in the seed's order, in its six sections", () => {
    expect(seed.points.map((p) => p.no)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(WORKPLAN_POINTS.map((p) => p.no)).toEqual(seed.points.map((p) => p.no));
    expect([...WORKPLAN_SECTIONS]).toEqual(seed.sections);
    expect(WORKPLAN_POINTS.map((p) => p.section)).toEqual(seed.points.map((p) => p.section));
  });

  test.each(WORKPLAN_POINTS.map((p) => [p.no, p] as const))(
    "point %i: title and text are the seed's, verbatim",
    (no, p) => {
      const text = seed.points[no - 1].text;
      if (UNTITLED.has(no)) {
        // No title sentence in the seed: the whole text is the detail, the title a phrase of it.
        expect(p.detail).toBe(text);
        expect(text).toContain(p.point);
      } else {
        expect(`${p.point}。${p.detail}`).toBe(text);
      }
    }
  );

  test("each point's title and text appear in the seed once its line breaks are removed", () => {
    for (const p of WORKPLAN_POINTS) {
      expect(body).toContain(p.point);
      expect(body).toContain(p.detail);
    }
  });

  test("points 17, 18 and 20 carry their whole text as detail; 17 has a short title of its own words", () => {
    const byNo = new Map(WORKPLAN_POINTS.map((p) => [p.no, p]));
    expect(byNo.get(17)!.point).toBe("健全“黄丝带帮教行动”工作机制");
    for (const no of UNTITLED)
      expect(`${no}.${byNo.get(no)!.detail}`).toBe(`${no}.${seed.points[no - 1].text}`);
  });

  test("the closing note is the seed's closing sentence", () => {
    expect(WORKPLAN_CLOSING_NOTE).toBe(closing);
  });
});

describe("Issue: the 工作要点 template rows", () => {
  const rows = workplanTemplateRows();
  const headers = SHEETS.workplan.columns.map((c) => c.zh);
  const at = (row: readonly unknown[], header: string) => row[headers.indexOf(header)];

  test("21 rows in the sheet's column order: 序号, 部分, 要点, 内容, then blanks and 未启动", () => {
    expect(rows).toHaveLength(21);
    for (const [i, row] of rows.entries()) {
      const p = WORKPLAN_POINTS[i];
      expect(row).toHaveLength(headers.length);
      expect([at(row, "序号"), at(row, "部分"), at(row, "要点"), at(row, "内容")]).toEqual([
        p.no,
        p.section,
        p.point,
        p.detail,
      ]);
      expect([
        at(row, "责任单位"),
        at(row, "完成时限"),
        at(row, "状态"),
        at(row, "进展与佐证"),
        at(row, "备注"),
      ]).toEqual(["", null, "未启动", "", ""]);
    }
  });

  test("six sections, every point's text and title filled, no text empty", () => {
    expect(new Set(rows.map((r) => at(r, "部分"))).size).toBe(6);
    for (const p of WORKPLAN_POINTS) {
      expect(p.point.length).toBeGreaterThan(3);
      expect(p.detail.length).toBeGreaterThan(p.point.length);
      // No ASCII comma or bracket left over from the extraction, no stray line break.
      expect(`${p.section}${p.point}${p.detail}`).not.toMatch(/[,()\n]/);
    }
  });
});
