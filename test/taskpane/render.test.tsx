import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { App } from "../../src/taskpane/App";
import { settingsView, validate, workplanView, planRank } from "../../src/taskpane/controller";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { IssueList } from "../../src/taskpane/IssueList";
import { RankingView } from "../../src/taskpane/RankingView";
import { SettingsPanel } from "../../src/taskpane/SettingsPanel";
import { WorkplanPanel } from "../../src/taskpane/WorkplanPanel";
import { Locale } from "../../src/scoring";

/** Server-side renders (no DOM in these tests): the components build their trees in both languages. */
function html(node: React.ReactNode, locale: Locale = "zh-CN"): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n(locale)}>{node}</I18nContext.Provider>
      </FluentProvider>
    </SSRProvider>
  );
}

const noop = () => undefined;

test("the pane renders in Chinese and English with its five main buttons", () => {
  for (const [locale, words] of [
    ["zh-CN", ["一键排名", "校验", "创建模板", "打印成绩单", "共享准备", "浏览器预览"]],
    [
      "en-US",
      ["Rank", "Validate", "Create sheets", "Print statements", "Prepare to share", "Browser preview"],
    ],
  ] as const) {
    const out = html(<App host={XlsxHost.withSample()} locale={locale} />, locale);
    for (const w of words) expect(out).toContain(w);
  }
});

test("the ranking, issues, settings and work plan render from real results", async () => {
  const host = XlsxHost.withSample();
  const plan = await planRank(host, { now: new Date(2025, 0, 15), locale: "zh-CN" });
  if (!plan.ok || !plan.outcome.result) throw new Error("sample did not rank");
  const ranking = html(<RankingView result={plan.outcome.result} />);
  expect(ranking.match(/data-testid="ranking-row"/g)).toHaveLength(12);
  expect(ranking).toContain("先进社区");
  expect(ranking).toContain("村改居不参评");

  const { issues, snapshot } = await validate(host);
  const list = html(<IssueList issues={issues} onSelect={noop} />, "en-US");
  expect(list.match(/data-testid="issue-item"/g)).toHaveLength(issues.length);

  expect(html(<SettingsPanel view={settingsView(snapshot.grids)} onSelect={noop} />)).toContain("设置表");
  const wp = html(
    <WorkplanPanel
      view={workplanView(snapshot.grids, "2025-01-15")}
      busy={false}
      onRefresh={noop}
      onGenerate={noop}
      onSelect={noop}
    />
  );
  expect(wp).toContain("共 21 项要点");
  expect(wp).toContain('role="progressbar"');
});
