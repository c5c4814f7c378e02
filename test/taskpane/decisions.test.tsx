import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { RankingView } from "../../src/taskpane/RankingView";
import { TryResult } from "../../src/taskpane/WhatifPanel";
import { whatifWorkbook } from "../../src/workbook/explain";
import { rankWorkbook } from "../../src/workbook/pipeline";
import { parseSettingAssignmentText } from "../../src/workbook/settings";
import { WorkbookGrids } from "../../src/workbook/types";
import { addRow, sampleGrids } from "../workbook/helpers";

function html(node: React.ReactNode): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n("zh-CN")}>{node}</I18nContext.Provider>
      </FluentProvider>
    </SSRProvider>
  );
}

/** The sample with its three-way tie (徐芳、马红、胡霞 for two places) decided on 考核组决定. */
function decidedSample(): WorkbookGrids {
  const g = sampleGrids();
  const basis = "会议纪要〔2024〕3号";
  addRow(g, "考核组决定", { 类别: "先进个人", 名称: "徐芳", 决定: "先进", 依据: basis });
  addRow(g, "考核组决定", { 类别: "先进个人", 名称: "马红", 决定: "先进", 依据: basis });
  addRow(g, "考核组决定", {
    类别: "先进个人",
    名称: "胡霞",
    决定: "非先进",
    理由: "已获其他表彰",
    依据: basis,
  });
  return g;
}

describe("规则 §10 decided places in the pane", () => {
  test("the ranking's badges read 先进（考核组决定） / 非先进（考核组决定）, the reason and 依据 on hover", () => {
    const out = rankWorkbook(decidedSample(), { now: new Date(2025, 0, 15) });
    if (!out.result) throw new Error("did not rank");
    const page = html(<RankingView result={out.result} />);
    const badges = page.match(/<[^>]*data-testid="decided-badge"[^>]*>[^<]*/g) ?? [];
    expect(badges).toHaveLength(3);
    expect(badges.filter((b) => b.endsWith(">先进（考核组决定）"))).toHaveLength(2);
    expect(badges.filter((b) => b.endsWith(">非先进（考核组决定）"))).toHaveLength(1);
    expect(page).toContain('title="已获其他表彰 · 会议纪要〔2024〕3号"');
    expect(page).not.toContain("并列待定");
  });

  test("a what-if that removes the tie lists the decisions it did not apply", () => {
    const set = parseSettingAssignmentText("先进个人名额=10");
    if (!set.ok) throw new Error("setting");
    const outcome = whatifWorkbook(decidedSample(), [set]);
    const page = html(<TryResult outcome={outcome} />);
    expect(page).toContain('data-testid="whatif-unapplied"');
    expect(page).toContain("试算中此决定未采用：胡霞");
  });
});
