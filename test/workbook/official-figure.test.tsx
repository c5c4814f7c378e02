import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { Exact } from "../../src/scoring";
import { rankingText } from "../../src/cli/rank";
import { statementsText } from "../../src/cli/statement";
import { communityCard } from "../../src/workbook/card";
import { rankWorkbook, scoreWorkbook } from "../../src/workbook/pipeline";
import { OutputSheet, WorkbookGrids } from "../../src/workbook/types";
import { CommunityCardView } from "../../src/taskpane/CommunityCardView";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { addRow, sampleGrids } from "./helpers";

/**
 * One official figure (issue 22 §10): a community's figures show 2 decimals (half-up from the exact
 * value) on 排名, 计分明细, 成绩单, the pane's card and the CLI table alike; only a record's own
 * points show up to 4. Where two communities show the same total yet rank apart on the exact
 * values, every place that shows them says so.
 */

const NOW = new Date(2024, 11, 31, 9, 30);

/**
 * A number as a cell of that number format shows it, read from the format code itself: `0.00`
 * two decimals, `0.00##` two to four, `0` none (half-up, as Excel rounds what it shows).
 */
function shownAs(value: number, format: string): string {
  const m = /^0(?:\.(0*)(#*))?$/.exec(format);
  if (!m) return String(value);
  const fixed = (m[1] ?? "").length;
  const optional = (m[2] ?? "").length;
  const text = Exact.fromNumber(value).toFixed(fixed + optional);
  if (optional === 0) return text;
  const [int, frac] = text.split(".");
  const kept = frac.slice(0, fixed) + frac.slice(fixed).replace(/0+$/, "");
  return kept === "" ? int : `${int}.${kept}`;
}

/** Every cell of a sheet as shown: numbers through their cell's format, text as it is. */
function shownCells(sheet: OutputSheet): string[] {
  const own = new Map((sheet.cellFormats ?? []).map((f) => [`${f.row}:${f.column}`, f.format]));
  const out: string[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const format = own.get(`${r}:${c}`) ?? sheet.numberFormats[c] ?? "General";
      out.push(typeof v === "number" ? shownAs(v, format) : String(v));
    })
  );
  return out;
}

function cardHtml(grids: WorkbookGrids, name: string): string {
  const card = communityCard(scoreWorkbook(grids), name);
  if (!card) throw new Error(`test: no card for ${name}`);
  const view: React.JSX.Element = (
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n("zh-CN")}>
          <CommunityCardView
            card={card}
            onSelectRecord={() => undefined}
            onClose={() => undefined}
            peek={null}
            renderPeek={() => null}
          />
        </I18nContext.Provider>
      </FluentProvider>
    </SSRProvider>
  );
  const html = renderToString(view);
  // The text a reader sees: no style sheet, no tags, entities read back.
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

/** Every output a reader sees: 排名, 计分明细, 成绩单 (as cells and as the CLI prints it), the card, the CLI table. */
function outputs(grids: WorkbookGrids, community: string): Record<string, string> {
  const out = rankWorkbook(grids, { now: NOW, locale: "zh-CN" });
  if (!out.result) throw new Error("test: the workbook did not rank");
  const sheet = (key: string) => {
    const s = out.sheets.find((x) => x.key === key);
    if (!s) throw new Error(`test: no ${key}`);
    return s;
  };
  return {
    排名: shownCells(sheet("ranking")).join("\n"),
    计分明细: shownCells(sheet("details")).join("\n"),
    成绩单: shownCells(sheet("statements")).join("\n"),
    "statement (CLI)": statementsText(sheet("statements")),
    card: cardHtml(grids, community),
    "rank (CLI)": rankingText(out.result, "zh-CN"),
  };
}

test("one official figure: a total of 110 + 2/3 shows as 110.67, and its gaps 11.67 and 4.83, in every output", () => {
  const grids = sampleGrids();
  const ranked = rankWorkbook(grids, { now: NOW, locale: "zh-CN" }).result;
  const east = ranked?.communities.find((c) => c.name === "东门社区");
  expect(east?.total.eq(Exact.ratio(332, 3))).toBe(true);

  for (const [where, text] of Object.entries(outputs(grids, "东门社区"))) {
    // Any figure of 110 + 2/3, however many decimals, is the one official figure 110.67.
    const totals = text.match(/110\.6\d*/g) ?? [];
    expect({ where, totals: [...new Set(totals)] }).toEqual({ where, totals: ["110.67"] });
    expect({ where, fourDecimals: text.match(/\b(?:110\.6667|11\.6667|4\.8333|0\.6700)\b/g) }).toEqual({
      where,
      fourDecimals: null,
    });
  }
  // 距上一名 of 桥头社区 (11 + 2/3) and 南苑社区 (4 + 5/6) as posted on 排名 and in the CLI.
  const all = outputs(grids, "南苑社区");
  for (const where of ["排名", "rank (CLI)"]) {
    expect({ where, has: /\b11\.67\b/.test(all[where]) && /\b4\.83\b/.test(all[where]) }).toEqual({
      where,
      has: true,
    });
  }
  expect(all.card).toMatch(/\b4\.83\b/);
  // A record's own points stay exact: the joint article's third of 2 is 0.6667 where the record is listed.
  for (const where of ["计分明细", "成绩单", "statement (CLI)"]) expect(all[where]).toContain("0.6667");
});

test("two communities that show the same total but rank apart on the exact values both say so, in every output", () => {
  const grids = sampleGrids();
  // 锦绣社区 86 + 0.003: shown 86.00 like 中山社区 and 新华社区 (exactly 86), yet ranked above them.
  addRow(grids, "重要贡献", {
    社区: "锦绣社区",
    条线: "招商引资",
    事项: "小额协办",
    加分: 0.003,
    分管领导意见: "是",
  });
  const ranked = rankWorkbook(grids, { now: NOW, locale: "zh-CN" }).result;
  expect(ranked?.communities.slice(6, 9).map((c) => [c.name, c.total.toFixed(4)])).toEqual([
    ["锦绣社区", "86.0030"],
    ["中山社区", "86.0000"],
    ["新华社区", "86.0000"],
  ]);
  const note = "按精确值排序：86.0030 > 86.0000";
  const rows = (text: string) => text.split("\n").filter((line) => line.includes(note));
  const cli = outputs(grids, "锦绣社区")["rank (CLI)"];
  expect(rows(cli).map((line) => line.trim().split(/\s+/)[1])).toEqual(["锦绣社区", "中山社区", "新华社区"]);

  const out = rankWorkbook(grids, { now: NOW, locale: "zh-CN" });
  const ranking = out.sheets.find((s) => s.key === "ranking");
  const noteColumn = ranking?.rows[ranking.headerRow].indexOf("说明") ?? -1;
  expect(noteColumn).toBeGreaterThan(0);
  const noted = (ranking?.rows ?? []).filter((r) => r[noteColumn] === note).map((r) => r[1]);
  expect(noted).toEqual(["锦绣社区", "中山社区", "新华社区"]);

  for (const name of ["锦绣社区", "中山社区", "新华社区"]) {
    const statement = outputs(grids, name);
    expect(statement.card).toContain(note);
  }
  const statements = outputs(grids, "锦绣社区")["statement (CLI)"].split(/─{40}/);
  const withNote = statements
    .filter((block) => block.includes(note))
    .map((b) => /社区：(\S+社区)/.exec(b)?.[1]);
  expect(withNote).toEqual(["锦绣社区", "中山社区", "新华社区"]);
  // Neighbours whose figures differ where shown get no note.
  expect(outputs(grids, "春晖社区").card).not.toContain("按精确值排序");
});
