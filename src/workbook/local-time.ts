/**
 * The machine's local calendar date and time, as the user reads them: the default `today` of the
 * CLI and the task pane, and the "made at" of every generated sheet's header line. The callers
 * pass `now` in, so everything below them stays free of the clock.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The local calendar day as "YYYY-MM-DD". */
export function localDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Local time as "YYYY-MM-DD HH:mm". */
export function localTime(now: Date): string {
  return `${localDate(now)} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
