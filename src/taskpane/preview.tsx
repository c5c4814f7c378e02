import * as React from "react";
import { XlsxHost } from "../hosts/browser/xlsx-host";
import { App } from "./App";
import { PaneHost } from "../hosts/port";
import { Locale, localeFromSearch, t } from "./i18n";
import { render } from "./mount";
import { replaceUrl } from "./start";

/**
 * The browser preview: the pane on a workbook held in the page (XlsxHost), starting on the
 * built-in sample. Never part of what Excel loads: index.tsx imports this module on demand
 * (its own chunk, with the .xlsx package code), and the single-file page (standalone.tsx)
 * bundles it directly.
 */

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

/** Mounts the preview on the built-in sample, in the language of ?lang= (Chinese by default). */
export function startPreviewPane(): void {
  const locale = localeFromSearch(window.location.search) ?? "zh-CN";
  const host: PaneHost = XlsxHost.withSample({
    sampleName: t(locale, "sampleName"),
    blankName: t(locale, "blankName"),
  });
  render(<PreviewRoot host={host} initial={locale} />);
}
