import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { CommunityCardView } from "../../src/taskpane/CommunityCardView";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { RankingView } from "../../src/taskpane/RankingView";
import { TryResult } from "../../src/taskpane/WhatifPanel";
import { whatifWorkbook } from "../../src/workbook/explain";
import { communityCard } from "../../src/workbook/card";
import { rankWorkbook, scoreWorkbook } from "../../src/workbook/pipeline";
import { parseSettingAssignmentText } from "../../src/workbook/settings";
import { WorkbookGrids } from "../../src/workbook/types";
import { addRow, rowWhere, sampleGrids, setCell } from "../workbook/helpers";

function html(node: React.ReactNode): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n("zh-CN")}>{node}</I18nContext.Provider>
      </FluentProvider>
    </SSRProvider>
  );
}

const noop = () => undefined;

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

  test("a community's card reads 先进（考核组决定）, the reason on hover", () => {
    const g = sampleGrids();
    // Nine places: the 9th falls in the tie of 春晖社区 and 梅园社区.
    setCell(g, "设置", rowWhere(g, "设置", "项目", "先进社区名额"), "值", 9);
    addRow(g, "考核组决定", { 类别: "先进社区", 名称: "春晖社区", 决定: "先进", 理由: "群众满意度第一" });
    addRow(g, "考核组决定", { 类别: "先进社区", 名称: "梅园社区", 决定: "非先进" });
    const card = communityCard(scoreWorkbook(g), "春晖社区");
    if (!card) throw new Error("no card");
    const page = html(
      <CommunityCardView
        card={card}
        peek={null}
        renderPeek={() => null}
        onClose={noop}
        onSelectRecord={noop}
      />
    );
    expect(page).toMatch(/title="群众满意度第一"[^>]*>先进（考核组决定）/);
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
