/**
 * How the pane decides where it runs — without React or Office.js, so it can be tested.
 *
 * Office.onReady says it: host Excel → the open workbook; host null → a plain browser, where the
 * pane is the preview on the built-in sample. Inside Office a slow start (a busy Excel, a cold
 * shared runtime) must never end in the preview's sample: that would look like the person's
 * workbook and write nowhere. So when Office.onReady has not answered after WAIT_NOTICE_MS the pane
 * shows a waiting state and keeps waiting. Only when nothing says "Office" (no host information
 * in the page, see officeHostHint in the Office.js host) does the waiting state offer to open the
 * preview by hand — office.js unreachable in a plain browser.
 */
export const WAIT_NOTICE_MS = 4000;

export type StartMode =
  { kind: "waiting"; canPreview: boolean } | { kind: "excel"; language: string | null } | { kind: "preview" };

export interface StartDeps {
  /** Office.onReady, answered once: in Excel (with its display language) or not. */
  whenReady: (ready: (where: { excel: boolean; language: string | null }) => void) => void;
  /** True when the page carries Office's host information (it was opened by Office). */
  insideOffice: () => boolean;
  after: (run: () => void, ms: number) => void;
  show: (mode: StartMode) => void;
}

export interface Starter {
  /** The waiting state's "open the preview" button: only outside Office, only before a start. */
  openPreview(): void;
}

export function startPane(deps: StartDeps): Starter {
  let started: "excel" | "preview" | null = null;
  const start = (mode: Exclude<StartMode, { kind: "waiting" }>) => {
    // Excel may answer after the preview was opened by hand: the workbook wins.
    if (started === "excel" || (started === "preview" && mode.kind === "preview")) return;
    started = mode.kind;
    deps.show(mode);
  };
  deps.whenReady(({ excel, language }) => start(excel ? { kind: "excel", language } : { kind: "preview" }));
  deps.after(() => {
    if (started === null) deps.show({ kind: "waiting", canPreview: !deps.insideOffice() });
  }, WAIT_NOTICE_MS);
  return {
    openPreview: () => {
      if (started === null && !deps.insideOffice()) start({ kind: "preview" });
    },
  };
}

/**
 * history.replaceState that still works after office.js has loaded: office.js sets
 * window.history.replaceState (and pushState) to null when it initializes, but the method is
 * still on History.prototype. False when neither is there (the URL then keeps its old ?lang).
 */
export function replaceUrl(url: string, history: History = window.history): boolean {
  const own: unknown = history.replaceState;
  const inherited: unknown = (Object.getPrototypeOf(history) as { replaceState?: unknown } | null)
    ?.replaceState;
  const replace = typeof own === "function" ? own : typeof inherited === "function" ? inherited : null;
  if (!replace) return false;
  (replace as History["replaceState"]).call(history, history.state, "", url);
  return true;
}
