import * as React from "react";
import { renderToString } from "react-dom/server";
import { SaxesParser } from "saxes";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { App } from "../../src/taskpane/App";
import { CellPeekView } from "../../src/taskpane/CellPeekView";
import { CommunityCardView } from "../../src/taskpane/CommunityCardView";
import { planRank, settingsView, validate, workplanView } from "../../src/taskpane/controller";
import { openCommunityCard, tryWhatif } from "../../src/taskpane/explain";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { IssuesPanel } from "../../src/taskpane/IssuesPanel";
import { NoteBar } from "../../src/taskpane/NoteBar";
import { Note } from "../../src/taskpane/pane-state";
import { showStatements } from "../../src/taskpane/statements-flow";
import { RankingView } from "../../src/taskpane/RankingView";
import { SettingsPanel } from "../../src/taskpane/SettingsPanel";
import { SharePanel } from "../../src/taskpane/SharePanel";
import { ReadingList, TryResult, WhatifActions } from "../../src/taskpane/WhatifPanel";
import { WorkplanPanel } from "../../src/taskpane/WorkplanPanel";
import { interpretationsOfWorkbook } from "../../src/workbook/explain";
import { validateWorkbook } from "../../src/workbook/pipeline";
import { WorkbookGrids } from "../../src/workbook/types";
import { LANGUAGE_SWITCH, Shown, untranslatedLabels } from "../e2e/english-labels.cjs";
import { workbookNames } from "../e2e/names";

/** Server-side render in English (no DOM in these tests). */
function html(node: React.ReactNode): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n("en-US")}>{node}</I18nContext.Provider>
      </FluentProvider>
    </SSRProvider>
  );
}

/** Every text, title and aria-label of the markup, and whether it sits inside translate="no". */
function shownTexts(markup: string): Shown[] {
  const out: Shown[] = [];
  const data: boolean[] = [];
  const parser = new SaxesParser();
  let style = 0;
  parser.on("opentag", (tag) => {
    if (tag.name === "style") style++;
    const own = tag.attributes.translate;
    const inside =
      tag.attributes["data-testid"] === LANGUAGE_SWITCH ||
      (own === undefined ? (data[data.length - 1] ?? false) : own === "no");
    if (!tag.isSelfClosing) data.push(inside);
    for (const name of ["title", "aria-label", "placeholder"]) {
      const value = tag.attributes[name];
      if (typeof value === "string") out.push({ text: value, data: inside, attribute: true });
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "style") style--;
    if (!tag.isSelfClosing) data.pop();
  });
  parser.on(
    "text",
    (text) => style === 0 && out.push({ text, data: data[data.length - 1] ?? false, attribute: false })
  );
  parser.write(`<root>${markup.replace(/<!-- -->/g, "")}</root>`).close();
  return out;
}

const noop = () => undefined;

/** The sample with located mistakes: an unknown level, a score above its maximum, an unknown community. */
function withMistakes(grids: WorkbookGrids): WorkbookGrids {
  const copy = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  const sheet = (name: string) => copy.find((g) => g.name === name)!.values;
  sheet("荣誉")[1][3] = "国际级";
  sheet("荣誉")[2][0] = "北山社区";
  sheet("目标管理")[1][1] = 99;
  return copy;
}

test("every view of the pane in English shows words: no identifier (GapToCut, HonorPoints.Town) and no untranslated Chinese", async () => {
  const host = XlsxHost.withSample();
  const now = new Date(2025, 0, 15);
  const plan = await planRank(host, { now, locale: "en-US" });
  if (!plan.ok || !plan.outcome.result) throw new Error("the sample did not rank");
  const result = plan.outcome.result;
  const { issues, snapshot } = await validate(host);
  const grids = snapshot.grids;
  const mistakes = withMistakes(grids);
  const whatif: WhatifActions = {
    tryValue: (key, value) => tryWhatif(host, key, value),
    apply: () => Promise.resolve({ kind: "noSettingsSheet" }),
    analyse: () => Promise.resolve(interpretationsOfWorkbook(grids)),
  };
  const cards = {
    open: (name: string) => openCommunityCard(host, name),
    select: () => Promise.resolve(null),
    renderPeek: () => null,
  };
  const peek = await host.selectCell("荣誉", "D2");
  const views: [string, React.ReactNode][] = [
    ["the pane as it opens", <App key="app" host={host} locale="en-US" />],
    ["the ranking", <RankingView key="ranking" result={result} cards={cards} />],
    [
      "the issues",
      <IssuesPanel key="issues" issues={issues} validatedAt={now} peek={peek} onSelect={noop} />,
    ],
    [
      "the issues of a workbook with mistakes",
      <IssuesPanel
        key="mistakes"
        issues={validateWorkbook(mistakes)}
        validatedAt={now}
        peek={null}
        onSelect={noop}
      />,
    ],
    ["the cells around an issue", <CellPeekView key="peek" peek={peek} />],
    [
      "the settings",
      <SettingsPanel key="settings" view={settingsView(grids)} onSelect={noop} whatif={whatif} />,
    ],
    [
      "the work plan",
      <WorkplanPanel
        key="plan"
        view={workplanView(grids, "2025-06-30")}
        busy={false}
        onRefresh={noop}
        onGenerate={noop}
        onSelect={noop}
      />,
    ],
    [
      "the share tab",
      <SharePanel
        key="share"
        capabilities={host.capabilities()}
        cells={await host.countFunctionCells()}
        busy={false}
        onCheck={noop}
        onPrepare={noop}
      />,
    ],
  ];
  for (const [key, value] of [
    ["advancedCommunities", "9"],
    ["rankingMode", "目标管理优先"],
    ["categoryMax.foundation", "30"],
  ]) {
    const outcome = await tryWhatif(host, key, value);
    views.push([`试算 ${key}=${value}`, <TryResult key={key} outcome={outcome} />]);
  }
  const readings = interpretationsOfWorkbook(grids);
  if (readings.kind !== "ok") throw new Error("the sample has input errors");
  views.push(["the weight of each [I] reading", <ReadingList key="readings" readings={readings.readings} />]);
  for (const c of result.communities) {
    const card = await openCommunityCard(host, c.name);
    if (card?.kind !== "ok") throw new Error(`no card for ${c.name}`);
    views.push([
      `the card of ${c.name}`,
      <CommunityCardView
        key={c.name}
        card={card.card}
        peek={null}
        renderPeek={() => null}
        onClose={noop}
        onSelectRecord={noop}
      />,
    ]);
  }

  const names = [...workbookNames(grids), ...workbookNames(mistakes)];
  const found = views.flatMap(([view, node]) =>
    untranslatedLabels(shownTexts(html(node)), names).map((b) => `${view}: ${b.why}: ${b.text}`)
  );
  expect([...new Set(found)]).toEqual([]);
});

test("a message shown before a language switch is shown again in the new language", async () => {
  const notes: Note[] = [];
  await showStatements({
    host: XlsxHost.withSample(),
    capabilities: XlsxHost.withSample().capabilities(),
    setNote: (n) => notes.push(n),
  });
  const [note] = notes;
  const zh = renderToString(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n("zh-CN")}>
        <NoteBar note={note} onDismiss={noop} />
      </I18nContext.Provider>
    </FluentProvider>
  );
  expect(zh).toContain("还没有成绩单");
  const en = html(<NoteBar note={note} onDismiss={noop} />);
  expect(en).toContain("No statements yet");
  expect(en).not.toContain("还没有成绩单");
});
