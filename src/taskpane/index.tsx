import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { XlsxHost } from "../hosts/browser/xlsx-host";
import { ExcelHost, keepOfficeJsLocal, whenOfficeReady } from "../hosts/office/excel-host";
import { App } from "./App";
import { PaneHost } from "./host";
import { Locale, localeFromLanguage, localeFromSearch, t } from "./i18n";

/**
 * Entry of the task-pane bundle (no Office.js here: the Excel host module holds all of it). The
 * pane mounts inside Office.onReady: in Excel it works on the
 * open workbook (ExcelHost); anywhere else (Office.onReady gives host: null) it is the browser
 * preview on a workbook held in the page (XlsxHost), starting on the built-in sample.
 * If office.js cannot be loaded or never answers outside Office, the preview starts after a
 * short wait; should Excel answer later after all, the pane switches to it.
 */
const PREVIEW_FALLBACK_MS = 4000;

let root: Root | null = null;
let mode: "excel" | "browser" | null = null;

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
    window.history.replaceState(null, "", url.toString());
    setLocale(next);
  };
  return <App host={host} locale={locale} onLocaleChange={change} />;
}

function startExcel(language: string | null): void {
  if (mode === "excel") return;
  mode = "excel";
  const locale = localeFromLanguage(language);
  document.documentElement.lang = locale;
  const host: PaneHost = new ExcelHost();
  render(<App host={host} locale={locale} />);
}

function startPreview(): void {
  if (mode !== null) return;
  mode = "browser";
  keepOfficeJsLocal();
  const locale = localeFromSearch(window.location.search) ?? "zh-CN";
  const host: PaneHost = XlsxHost.withSample({ sampleName: t(locale, "sampleName") });
  render(<PreviewRoot host={host} initial={locale} />);
}

whenOfficeReady(({ excel, language }) => (excel ? startExcel(language) : startPreview()));
setTimeout(startPreview, PREVIEW_FALLBACK_MS);
