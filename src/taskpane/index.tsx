import * as React from "react";
import { Button, Spinner } from "@fluentui/react-components";
import {
  keepOfficeJsLocal,
  officeHostHint,
  showPaneIfMarked,
  whenOfficeReady,
} from "../hosts/office/office-start";
import { Locale, localeFromLanguage, localeFromSearch, t } from "./i18n";
import { render } from "./mount";
import { startPane, StartMode } from "./start";

/**
 * Entry of the task-pane bundle (no Office.js here: the Excel host module holds all of it). The
 * pane mounts inside Office.onReady: in Excel it works on the open workbook (ExcelHost); anywhere
 * else (Office.onReady gives host: null) it is the browser preview on a workbook held in the page
 * (preview.tsx, a chunk fetched only then: Excel never loads the preview's .xlsx code), starting
 * on the built-in sample. A slow start shows a waiting state, never the sample (start.ts says why).
 */

/** Office.onReady has not answered yet: say so in both languages (Office's language is not known yet). */
function Waiting({ onPreview }: { onPreview: (() => void) | null }): React.JSX.Element {
  const locale = localeFromSearch(window.location.search) ?? "zh-CN";
  const other: Locale = locale === "zh-CN" ? "en-US" : "zh-CN";
  return (
    <div data-testid="waiting" style={{ padding: 16 }}>
      <Spinner label={`${t(locale, "waitingExcel")} ${t(other, "waitingExcel")}`} />
      {onPreview && (
        <p>
          <Button onClick={onPreview} data-testid="waiting-preview">
            {t(locale, "waitingPreview")}
          </Button>
        </p>
      )}
    </div>
  );
}

function PreviewNotLoaded(): React.JSX.Element {
  return <p role="alert">预览无法加载，请刷新页面。 The preview could not be loaded: reload the page.</p>;
}

function PaneNotLoaded(): React.JSX.Element {
  return (
    <p role="alert">
      任务窗格无法加载，请关闭后重新打开。 The pane could not be loaded: close and reopen it.
    </p>
  );
}

let shown: StartMode["kind"] | null = null;

function show(mode: StartMode): void {
  shown = mode.kind;
  if (mode.kind === "waiting") {
    render(<Waiting onPreview={mode.canPreview ? () => starter.openPreview() : null} />);
  } else if (mode.kind === "excel") {
    const locale = localeFromLanguage(mode.language);
    document.documentElement.lang = locale;
    // Loaded with a workbook that 共享准备 marked (setStartupBehavior): show the pane. A failure
    // only means the person opens it from the ribbon, as without the mark.
    showPaneIfMarked().catch(() => undefined);
    // The pane itself (its panels, the engine, the Office.js host) is a chunk fetched now: what
    // Excel parses before the first paint is only this start and the waiting state (issue 13 §1).
    import(/* webpackChunkName: "pane" */ "./excel-pane").then(
      (pane) => pane.startExcelPane(locale),
      () => render(<PaneNotLoaded />)
    );
  } else {
    keepOfficeJsLocal();
    // The preview and its .xlsx code are a chunk of their own, fetched only here. Should Excel
    // answer while it loads, the workbook has won and the chunk stays unused.
    import(/* webpackChunkName: "preview" */ "./preview").then(
      (preview) => {
        if (shown === "preview") preview.startPreviewPane();
      },
      () => render(<PreviewNotLoaded />)
    );
  }
}

const starter = startPane({
  whenReady: whenOfficeReady,
  insideOffice: officeHostHint,
  after: (run, ms) => void setTimeout(run, ms),
  show,
});
