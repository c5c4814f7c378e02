/**
 * The start of the pane inside Office, apart from the Excel host (excel-host.ts): knowing where
 * the page runs and showing the pane of a marked workbook. Small on purpose: the page's first
 * script (src/taskpane/index.tsx) imports it, and the host with its read/write code comes later
 * in the pane's own chunk.
 */

/** Document setting: show the pane when the workbook opens (read by showPaneIfMarked). */
export const OPEN_PANE_SETTING = "KH.openPaneWithDocument";

/**
 * Calls `ready` once office.js has said where the page runs: in Excel (with Office's display
 * language) or elsewhere (a plain browser: Office.onReady gives host null). When office.js is not
 * there at all, says "elsewhere" at once.
 */
export function whenOfficeReady(ready: (where: { excel: boolean; language: string | null }) => void): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    ready({ excel: false, language: null });
    return;
  }
  void Office.onReady((info) => {
    const excel = info.host === Office.HostType.Excel;
    ready({ excel, language: excel ? Office.context.displayLanguage : null });
  });
}

/**
 * True when the page was opened by Office: office.js found Office's host information (the
 * `_host_Info` that Office passes in the URL, the window name or the host bridge) — known before
 * Office.onReady answers, so a slow start inside Excel is never mistaken for a plain browser.
 */
export function officeHostHint(): boolean {
  const factory = (
    globalThis as { OSF?: { _OfficeAppFactory?: { getHostInfo?: () => { hostType?: string } | null } } }
  ).OSF?._OfficeAppFactory;
  try {
    if (factory?.getHostInfo?.()?.hostType) return true;
  } catch {
    // An office.js without the factory: fall back to the URL.
  }
  return typeof location !== "undefined" && /[?&#]_host_Info=/i.test(location.search + location.hash);
}

/**
 * Outside Office (the browser preview), office.js would still open its telemetry frame from
 * telemetryservice.firstpartyapps.oaspapps.com three seconds after loading. The preview promises
 * that nothing leaves the page, so once Office.onReady has said "no host", the frame is given a
 * detached stand-in and never loads. Inside Office this is never called.
 */
export function keepOfficeJsLocal(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && (endpoint.proxyFrame === null || endpoint.proxyFrame === undefined))
    endpoint.proxyFrame = document.createElement("iframe");
}

/** SharedRuntime 1.1 (the auto-open mark needs it). */
export const sharedRuntime = (): boolean => {
  try {
    return Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
  } catch {
    return false;
  }
};

/**
 * When the workbook was marked by 共享准备, shows the pane: the add-in was loaded with the document
 * (Office.addin.setStartupBehavior) and shows its pane itself — the documented pattern for a
 * shared runtime. True when it asked Excel to show the pane.
 */
export async function showPaneIfMarked(): Promise<boolean> {
  if (!sharedRuntime() || Office.context.document.settings.get(OPEN_PANE_SETTING) !== true) return false;
  await Office.addin.showAsTaskpane();
  return true;
}
