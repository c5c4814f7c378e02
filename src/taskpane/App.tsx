import * as React from "react";
import { Badge, Body1, Caption1, Field, makeStyles, ProgressBar, Title3 } from "@fluentui/react-components";
import { Locale, Msg, UserError } from "../scoring";
import { localDate } from "../workbook/local-time";
import { Issue } from "../workbook/types";
import {
  applyRank,
  checkStale,
  countIssues,
  createTemplate,
  planRank,
  settingsView,
  validate,
  workplanView,
  writeWorkplanSummary,
} from "./controller";
import { CellPeekView } from "./CellPeekView";
import { ConfirmDialog } from "./ConfirmDialog";
import { PaneHost, Progress } from "../hosts/port";
import { Handler } from "./handler";
import { firstItems, I18n, I18nContext, listWords, makeI18n, StringKey, words } from "./i18n";
import { IssuesPanel } from "./IssuesPanel";
import { NoteBar } from "./NoteBar";
import { PaneAction, PaneActions } from "./PaneActions";
import { PaneTabs } from "./PaneTabs";
import { initialPaneState, Note, paneReducer, TAB_WORDS, TabValue } from "./pane-state";
import { PreviewBar } from "./PreviewBar";
import { analyseInterpretations, applySetting, openCommunityCard, tryWhatif } from "./explain";
import { AppliedSetting, replaceQuestion } from "./host-words";
import { CardActions, RankingView } from "./RankingView";
import { SettingsPanel } from "./SettingsPanel";
import { WhatifActions } from "./WhatifPanel";
import { SharePanel } from "./SharePanel";
import { useSharedStyles } from "./styles";
import { prepareForSharing } from "./share-flow";
import { showStatements } from "./statements-flow";
import { makeNotice } from "./notice-flow";
import { WorkplanPanel } from "./WorkplanPanel";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "760px",
    margin: "0 auto",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  header: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  panel: { paddingTop: "8px" },
});

const PROGRESS_WORDS: Record<Progress["step"], StringKey> = {
  read: "progressRead",
  compute: "progressCompute",
  write: "progressWrite",
  format: "progressFormat",
};

export interface AppProps {
  host: PaneHost;
  locale: Locale;
  /** Preview only: switch the language without reloading. */
  onLocaleChange?: Handler<[Locale]>;
  now?: () => Date;
}

/** The task pane (Excel) and the browser preview: the same component over a PaneHost. */
export function App(props: AppProps): React.JSX.Element {
  const i18n = React.useMemo(() => makeI18n(props.locale), [props.locale]);
  return (
    <I18nContext.Provider value={i18n}>
      <Pane {...props} i18n={i18n} />
    </I18nContext.Provider>
  );
}

function Pane({ host, locale, onLocaleChange, now = () => new Date(), i18n }: AppProps & { i18n: I18n }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, say } = i18n;
  const capabilities = React.useMemo(() => host.capabilities(), [host]);
  const preview = capabilities.kind === "browser";

  const [state, dispatch] = React.useReducer(paneReducer, host, (h) =>
    initialPaneState(h.fileName?.() ?? "")
  );
  const { busy, note, tab, issues, validatedAt, result, peek, workplan, settings, cells, confirm, fileName } =
    state;
  const setNote = (n: Note | null) => dispatch({ type: "note", note: n });
  const setTab = (value: TabValue) => dispatch({ type: "tab", tab: value });
  const forget = () => dispatch({ type: "forget" });

  const ask = (title: string, body: string) =>
    new Promise<boolean>((resolve) =>
      dispatch({
        type: "confirm",
        request: {
          title,
          body,
          resolve: (yes) => {
            dispatch({ type: "confirm", request: null });
            resolve(yes);
          },
        },
      })
    );

  /** Asks before generated sheets are rebuilt, saying what happens to the inputs and what the host can undo. */
  const askReplace = (names: readonly string[], applied?: AppliedSetting) =>
    ask(t("confirmReplaceTitle"), say(replaceQuestion(capabilities, names, applied)));

  /** A failure in the user's words when it carries them (UserError), else `otherwise`. */
  const wordsOf = (e: unknown, otherwise: string): Msg | string =>
    e instanceof UserError ? e.words : otherwise;

  const progress = (p: Progress) =>
    dispatch({ type: "busy", busy: { label: t(PROGRESS_WORDS[p.step]), value: p.done / p.total } });
  const degradedItems = (degraded: readonly Msg[]) =>
    degraded.length > 0
      ? [words(preview ? "degradedPreview" : "degradedNote", { list: listWords(degraded) })]
      : [];

  /** Runs an action with the progress bar up and turns a failure into a message. */
  const running = React.useRef(false);
  const run = async (label: StringKey, action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    dispatch({ type: "busy", busy: { label: t(label) } });
    try {
      await action();
    } catch (e) {
      setNote({
        intent: "error",
        text: words("errorUnexpected", { why: wordsOf(e, e instanceof Error ? e.message : String(e)) }),
      });
    } finally {
      running.current = false;
      dispatch({ type: "busy", busy: null });
    }
  };

  /** 规则 §8: generated sheets that no longer match the inputs are said so when a workbook opens. */
  const staleItems = async () => (await checkStale(host)).map((i) => i.message);
  React.useEffect(() => {
    staleItems().then(
      ([first]) => {
        if (first) setNote({ intent: "warning", text: first });
      },
      () => undefined
    );
    // Once per host: the workbook the pane opens on.
  }, [host]);

  const loadTab = async (value: TabValue) => {
    if (value === "workplan") {
      const snap = await host.read();
      dispatch({ type: "workplan", view: workplanView(snap.grids, localDate(now())) });
    } else if (value === "settings") {
      const snap = await host.read();
      dispatch({ type: "settings", view: settingsView(snap.grids) });
    } else if (value === "share") {
      dispatch({ type: "cells", cells: await host.countFunctionCells() });
    }
  };

  const onTab = (value: TabValue) => {
    setTab(value);
    if (value === "workplan" || value === "settings" || value === "share")
      void run("progressRead", () => loadTab(value));
  };

  const onValidate = () =>
    run("progressRead", async () => {
      const { issues: found } = await validate(host);
      dispatch({ type: "checked", issues: found, at: now(), clearPeek: true });
      const c = countIssues(found);
      setNote(
        found.length === 0
          ? { intent: "success", text: words("issuesNone") }
          : { intent: c.errors > 0 ? "error" : "warning", text: words("issuesSummary", c) }
      );
      setTab("issues");
    });

  /** 一键排名; after 应用 (`applied`) the question says that 设置 was written. */
  const onRank = (applied?: AppliedSetting) =>
    run("progressRead", async () => {
      const plan = await planRank(host, { now: now(), locale, onProgress: progress });
      dispatch({ type: "checked", issues: plan.issues, at: now(), clearPeek: false });
      if (!plan.ok) {
        const errors = plan.issues.filter((i) => i.severity === "error");
        dispatch({ type: "result", result: null });
        setNote({
          intent: "error",
          text: words("rankRefused", { errors: errors.length }),
          items: firstItems(errors, 8, (i) =>
            words("refusedItem", {
              where: i.cell
                ? `${i.sheet}!${i.cell}`
                : i.row
                  ? words("issueRowOf", { sheet: i.sheet, row: i.row })
                  : i.sheet,
              message: i.message,
            })
          ),
        });
        setTab("issues");
        return;
      }
      if (plan.replace.length > 0) {
        if (!(await askReplace(plan.replace, applied))) {
          const text = applied
            ? words("cancelledAfterApply", { sheet: applied.sheet, cells: listWords(applied.cells) })
            : words("cancelled");
          setNote({ intent: "info", text });
          return;
        }
      }
      const report = await applyRank(host, plan, { onProgress: progress });
      dispatch({ type: "result", result: plan.outcome.result });
      const { warnings } = countIssues(plan.issues);
      setNote({
        intent: "success",
        text: words("rankDone", { list: listWords(report.written) }),
        items: [
          ...plan.kept.map((k) => words("rankKept", { name: k.name, other: k.other })),
          ...plan.outcome.notes,
          ...(warnings > 0 ? [words("rankWarningsAllowed", { warnings })] : []),
          ...degradedItems(report.degraded),
        ],
      });
      setTab("ranking");
    });

  const onTemplate = () =>
    run("progressWrite", async () => {
      const report = await createTemplate(host);
      setNote({
        intent: report.created.length > 0 ? "success" : "info",
        text:
          report.created.length > 0
            ? words("templateCreated", { list: listWords(report.created) })
            : words("templateNothing"),
        items: [
          ...(report.skipped.length > 0 && report.created.length > 0
            ? [words("templateSkipped", { list: listWords(report.skipped) })]
            : []),
          ...degradedItems(report.degraded),
        ],
      });
      if (report.created.length > 0) forget();
    });

  // Issue 12: a community's card from the ranking; 试算, 应用 and the [I] readings on 设置.
  const cardActions: CardActions = {
    open: (name) => openCommunityCard(host, name),
    select: (r) => (r.cell ? host.selectCell(r.sheet, r.cell) : Promise.resolve(null)),
    renderPeek: (p) => <CellPeekView peek={p} />,
  };
  const whatifActions: WhatifActions = {
    tryValue: (key, value) => tryWhatif(host, key, value),
    apply: async (key, value) => {
      const done = await applySetting(host, key, value);
      if (done.kind === "written") await onRank(done);
      return done;
    },
    analyse: () => analyseInterpretations(host),
  };

  const onSelect = (issue: Issue, cell: string) => {
    host.selectCell(issue.sheet, cell).then(
      (p) => dispatch({ type: "peek", peek: p }),
      () => setNote({ intent: "warning", text: words("selectFailed", { sheet: issue.sheet, cell }) })
    );
  };

  const onShare = () =>
    run("progressRead", async () => {
      setTab("share");
      await prepareForSharing({
        host,
        capabilities,
        i18n,
        ask,
        firstStale: async () => (await staleItems())[0],
        setNote,
        setCells: (found) => dispatch({ type: "cells", cells: found }),
      });
    });

  const onStatements = () => run("progressRead", () => showStatements({ host, capabilities, setNote }));

  const onNotice = () =>
    run("progressWrite", () =>
      makeNotice({ host, capabilities, setNote, now: now(), locale, confirm: (names) => askReplace(names) })
    );

  const onGenerateWorkplan = () =>
    run("progressWrite", async () => {
      const out = await writeWorkplanSummary(host, {
        now: now(),
        confirm: (names) => askReplace(names),
      });
      dispatch({ type: "workplan", view: out.view });
      if (out.cancelled) setNote({ intent: "info", text: words("cancelled") });
      else if (out.report)
        setNote({
          intent: "success",
          text: words("workplanGenerated", { name: out.report.written.join("") }),
        });
    });

  const onOpenFile = (file: File) =>
    run("progressRead", async () => {
      if (!host.open) return;
      try {
        await host.open(await file.arrayBuffer(), file.name);
      } catch (e) {
        setNote({
          intent: "error",
          text: words("previewOpenFailed", { name: file.name, why: wordsOf(e, String(e)) }),
        });
        return;
      }
      forget();
      dispatch({ type: "fileName", fileName: host.fileName?.() ?? file.name });
      const stale = await staleItems();
      setNote({
        intent: stale.length > 0 ? "warning" : "info",
        text: words("previewOpened", { name: file.name }),
        items: stale,
      });
      setTab("ranking");
    });

  const onSample = () =>
    run("progressRead", async () => {
      await host.openSample?.();
      forget();
      dispatch({ type: "fileName", fileName: host.fileName?.() ?? "" });
      setNote(null);
      setTab("ranking");
    });

  const onBlank = () =>
    run("progressRead", async () => {
      await host.openBlank?.();
      forget();
      dispatch({ type: "fileName", fileName: host.fileName?.() ?? "" });
      setNote({ intent: "info", text: words("previewBlankOpened") });
      setTab("ranking");
    });

  const onDownload = () =>
    run("progressWrite", async () => {
      const base = fileName.replace(/\.xlsx$/i, "") || "workbook";
      const name = await host.download?.(t("downloadName", { base }));
      if (name) setNote({ intent: "success", text: words("previewDownloaded", { name }) });
    });

  const counts = issues ? countIssues(issues) : null;
  const disabled = busy !== null;

  const actions: PaneAction[] = [
    {
      label: "actionRank",
      hint: "actionRankHint",
      onClick: () => onRank(),
      testId: "action-rank",
      primary: true,
    },
    { label: "actionValidate", hint: "actionValidateHint", onClick: onValidate, testId: "action-validate" },
    { label: "actionTemplate", hint: "actionTemplateHint", onClick: onTemplate, testId: "action-template" },
    {
      label: "actionStatements",
      hint: "actionStatementsHint",
      onClick: onStatements,
      testId: "action-statements",
    },
    { label: "actionNotice", hint: "actionNoticeHint", onClick: onNotice, testId: "action-notice" },
    { label: "actionShare", hint: "actionShareHint", onClick: onShare, testId: "action-share" },
  ];

  return (
    <div className={styles.root} lang={locale} data-testid="pane" data-busy={busy ? "true" : "false"}>
      <header className={styles.header}>
        <Title3 as="h1">{t("appTitle")}</Title3>
        <Badge appearance="tint" color={preview ? "informative" : "brand"} data-testid="mode">
          {preview ? t("modePreview") : t("modeExcel")}
        </Badge>
      </header>
      {preview && (
        <>
          <Caption1 className={shared.hint}>{t("previewIntro")}</Caption1>
          <PreviewBar
            fileName={fileName}
            busy={disabled}
            onOpen={onOpenFile}
            onSample={onSample}
            onBlank={host.openBlank ? onBlank : undefined}
            onDownload={onDownload}
            onLanguage={() => onLocaleChange?.(locale === "en-US" ? "zh-CN" : "en-US")}
          />
        </>
      )}
      <PaneActions actions={actions} disabled={disabled} />
      {busy && (
        <Field label={busy.label} data-testid="progress">
          <ProgressBar value={busy.value} max={1} thickness="large" />
        </Field>
      )}
      {note && <NoteBar note={note} onDismiss={() => setNote(null)} />}
      <PaneTabs tab={tab} issueCount={counts ? counts.errors + counts.warnings : null} onTab={onTab} />
      <div className={styles.panel} role="tabpanel" aria-label={t(TAB_WORDS[tab])}>
        {tab === "ranking" &&
          (result ? (
            <RankingView result={result} cards={cardActions} />
          ) : (
            <Body1 as="p">{t("rankNone")}</Body1>
          ))}
        {tab === "issues" && (
          <IssuesPanel issues={issues} validatedAt={validatedAt} peek={peek} onSelect={onSelect} />
        )}
        {tab === "workplan" && (
          <WorkplanPanel
            view={workplan}
            busy={disabled}
            onRefresh={() => void run("progressRead", () => loadTab("workplan"))}
            onGenerate={onGenerateWorkplan}
            onSelect={onSelect}
          />
        )}
        {tab === "settings" && <SettingsPanel view={settings} onSelect={onSelect} whatif={whatifActions} />}
        {tab === "share" && (
          <SharePanel
            capabilities={capabilities}
            cells={cells}
            busy={disabled}
            onCheck={() => void run("progressRead", () => loadTab("share"))}
            onPrepare={onShare}
          />
        )}
      </div>
      <ConfirmDialog request={confirm} />
    </div>
  );
}
