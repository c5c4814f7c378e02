import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { Button, FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { XlsxHost } from "../hosts/browser/xlsx-host";
import { ExcelHost, keepOfficeJsLocal, officeHostHint, whenOfficeReady } from "../hosts/office/excel-host";
import { App } from "./App";
import { PaneHost } from "../hosts/port";
import { Locale, localeFromLanguage, localeFromSearch, t } from "./i18n";
import { replaceUrl, startPane, StartMode } from "./start";

/**
 * Entry of the task-pane bundle (no Office.js here: the Excel host module holds all of it). The
 * pane mounts inside Office.onReady: in Excel it works on the open workbook (ExcelHost); anywhere
 * else (Office.onReady gives host: null) it is the browser preview on a workbook held in the page
 * (XlsxHost), starting on the built-in sample. A slow start shows a waiting state, never the
 * sample (start.ts says why).
 */
let root: Root | null = null;

function render(node: React.ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

function PreviewRoot({ host, initial }: { host: PaneHost; initial: Locale }): React.JSX.Element {
  const [locale, setLocale] = React.useState<Locale>(initial);
  React.useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(locale, "appTitle")} · ${t(locale, "modePreview")}`;
  }, [locale]);
  const change = (next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set("lang", next);
    replaceUrl(url.toString());
    setLocale(next);
  };
  return <App host={host} locale={locale} onLocaleChange={change} />;
}

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

function show(mode: StartMode): void {
  if (mode.kind === "waiting") {
    render(<Waiting onPreview={mode.canPreview ? () => starter.openPreview() : null} />);
  } else if (mode.kind === "excel") {
    const locale = localeFromLanguage(mode.language);
    document.documentElement.lang = locale;
    const host: PaneHost = new ExcelHost();
    render(<App host={host} locale={locale} />);
  } else {
    keepOfficeJsLocal();
    const locale = localeFromSearch(window.location.search) ?? "zh-CN";
    const host: PaneHost = XlsxHost.withSample({ sampleName: t(locale, "sampleName") });
    render(<PreviewRoot host={host} initial={locale} />);
  }
}

const starter = startPane({
  whenReady: whenOfficeReady,
  insideOffice: officeHostHint,
  after: (run, ms) => void setTimeout(run, ms),
  show,
});
