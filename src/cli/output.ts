import { Locale, say } from "../scoring";
import { severityText } from "../workbook/report";
import { Issue } from "../workbook/types";

/** Lines printed to the terminal; tests capture them through `Io`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Streams whose reader has gone (`scorecard rank | head`) or that failed: later lines are dropped. */
const closed = new Set<NodeJS.WritableStream>();
/** Why the output could not be written (`--json > /dev/full`: ENOSPC), or "" while it could. */
let outputFailure = "";

/** The reason the output failed, once it has: the command then exits 2 instead of its own code. */
export function failedOutput(): string {
  return outputFailure;
}

/**
 * A closed pipe ends the output quietly: EPIPE marks the stream closed instead of crashing with a
 * stack trace; the command still finishes (a file it writes is written) and exits with its code.
 * Any other failure to write (a full disk, an I/O error) is the one line `onFailure` says, and
 * exit 2: never a stack trace, never exit 1 (which means errors in the workbook).
 */
export function watchOutput(stream: NodeJS.WriteStream, onFailure: (code: string) => void): void {
  stream.on("error", (e: NodeJS.ErrnoException) => fail(stream, e, onFailure));
}

function fail(stream: NodeJS.WritableStream, e: unknown, onFailure: (code: string) => void): void {
  closed.add(stream);
  const code = (e as NodeJS.ErrnoException | null)?.code ?? "";
  if (code === "EPIPE" || outputFailure !== "") return;
  outputFailure = code || "EIO";
  onFailure(outputFailure);
}

function writeLine(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  stream.write(text.endsWith("\n") ? text : text + "\n");
}

export const consoleIo: Io = {
  out: (text) => writeLine(process.stdout, text),
  err: (text) => writeLine(process.stderr, text),
};

/**
 * What happened to `--out` (rank, workplan): refused because of errors, or written with the names
 * of the generated sheets in it. One wording for every command that writes a file.
 */
export function printOutFile(
  io: Io,
  out: string | undefined,
  ok: boolean,
  written: readonly string[],
  locale: Locale
): void {
  const en = locale === "en-US";
  if (!ok && out !== undefined)
    io.out(en ? `Errors found: ${out} was not written.` : `有错误，未写出 ${out}。`);
  if (written.length > 0)
    io.out(
      en
        ? `Written: ${out} (${written.length === 1 ? "sheet" : "sheets"} ${written.join(", ")})`
        : `已写出：${out}（生成表 ${written.join("、")}）`
    );
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** "错误  荣誉 第 7 行 考核组认可：…" — one line per issue, where it is then what to do. */
export function issueLine(issue: Issue, locale: Locale): string {
  const en = locale === "en-US";
  const where = [issue.sheet];
  if (issue.row !== undefined) where.push(en ? `row ${issue.row}` : `第 ${issue.row} 行`);
  if (issue.column !== undefined) where.push(issue.cell ? `${issue.column} (${issue.cell})` : issue.column);
  return `${severityText(issue.severity, locale)}  ${where.join(" ")}${en ? ": " : "："}${say(issue.message, locale)}`;
}

export function issuesText(issues: readonly Issue[], locale: Locale): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const head =
    locale === "en-US"
      ? `${errors} error(s), ${warnings} warning(s)`
      : `校验结果：${errors} 个错误，${warnings} 个警告`;
  return [head, ...issues.map((i) => issueLine(i, locale))].join("\n");
}
