import * as React from "react";
import { ExcelHost } from "../hosts/office/excel-host";
import { PaneHost } from "../hosts/port";
import { App } from "./App";
import { Locale } from "./i18n";
import { render } from "./mount";

/**
 * The task pane inside Excel: the App over the open workbook (ExcelHost). A chunk of its own,
 * fetched by index.tsx once Office.onReady says Excel, so the page's first script stays small.
 */
export function startExcelPane(locale: Locale): void {
  const host: PaneHost = new ExcelHost();
  render(<ExcelPane host={host} locale={locale} />);
}

function ExcelPane({ host, locale }: { host: PaneHost; locale: Locale }): React.JSX.Element {
  return <App host={host} locale={locale} />;
}
