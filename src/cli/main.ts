import { setFlagsFromString } from "node:v8";
import { UnreadableWorkbookError, UnwritableWorkbookError } from "../hosts/xlsx/errors";
import { Locale, say } from "../scoring";
import { Args, parseArgs, USAGE } from "./args";
import { CliError, EXIT_OK, EXIT_UNUSABLE } from "./errors";
import { writeFailure } from "./out-file";
import { consoleIo, failedOutput, Io, watchOutput } from "./output";
import { withFullPaths } from "./paths";

/**
 * `npm run --silent scorecard -- <command> …` (规则 §7.2). Exit 0: no errors (warnings allowed);
 * 1: errors in the workbook; 2: an unusable call or an unreadable file, said in one line — never
 * a stack trace.
 */
// Each command's module loads when that command runs: `rank` never loads ExcelJS (only template
// and sample write through it).
const COMMANDS: Record<string, (args: Args, io: Io) => Promise<number>> = {
  template: async (args, io) => (await import("./template")).templateCommand(args, io),
  sample: async (args, io) => (await import("./sample")).sampleCommand(args, io),
  validate: async (args, io) => (await import("./validate")).validateCommand(args, io),
  rank: async (args, io) => (await import("./rank")).rankCommand(args, io),
  workplan: async (args, io) => (await import("./workplan")).workplanCommand(args, io),
  whatif: async (args, io) => (await import("./whatif")).whatifCommand(args, io),
  statement: async (args, io) => (await import("./statement")).statementCommand(args, io),
  notice: async (args, io) => (await import("./notice")).noticeCommand(args, io),
  compare: async (args, io) => (await import("./compare")).compareCommand(args, io),
};

/** The language asked for by --lang, read before (or without) parsing the arguments. */
function localeOf(argv: readonly string[]): Locale {
  const langAt = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const lang =
    langAt < 0 ? "" : argv[langAt].includes("=") ? argv[langAt].split("=")[1] : (argv[langAt + 1] ?? "");
  return lang.startsWith("en") ? "en-US" : "zh-CN";
}

export async function run(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  // Until the arguments are parsed, --lang decides the language of a usage error.
  let locale = localeOf(argv);
  try {
    // Files are named in full from here on: each message says which file was read or written.
    const args = withFullPaths(parseArgs(argv));
    locale = args.locale;
    if (args.command === "help" || (args.help && args.command === "")) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (args.command === "") {
      io.err(USAGE);
      return EXIT_UNUSABLE;
    }
    const command = COMMANDS[args.command];
    if (!command) {
      io.err(
        locale === "en-US"
          ? `Unknown command "${args.command}": use template, sample, validate, rank, workplan, whatif, statement, notice or compare`
          : `不认识的命令“${args.command}”：可用 template、sample、validate、rank、workplan、whatif、statement、notice、compare`
      );
      return EXIT_UNUSABLE;
    }
    if (args.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    return await command(args, io);
  } catch (e) {
    // A damaged or oversized part met while reading the sheets: the same one line as at opening.
    if (e instanceof CliError || e instanceof UnreadableWorkbookError || e instanceof UnwritableWorkbookError)
      io.err(say(e.words, locale));
    else {
      const text = e instanceof Error ? e.message : String(e);
      io.err(
        locale === "en-US" ? `Internal error: ${text.split("\n")[0]}` : `内部错误：${text.split("\n")[0]}`
      );
    }
    return EXIT_UNUSABLE;
  }
}

/**
 * How far V8 lets the heap grow past what was live at its last full collection, in percent. By
 * default it may grow to about four times that while a command allocates fast, and `rank --out`
 * of 1,000,000 staff rows reads and writes hundreds of megabytes that live briefly: its peak
 * then depends on when the collections fall (719–938 MiB over eight runs, the same file). Growing
 * by half keeps it near what is really live (645–650 MiB), and costs no measurable time on the
 * 2,000-community bench workbook (3.8–4.3 s either way); measured with `npm run bench` and
 * `/usr/bin/time` in BENCHMARKS.md. Set for the process only: the pane and tests are untouched.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * The command line as a process: the exit code set from `run`; anything unexpected exits 2, and so
 * does output that could not be written (`--json > /dev/full`), said in one line on stderr.
 */
export function runAsProcess(argv: readonly string[]): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  process.on("unhandledRejection", () => process.exit(EXIT_UNUSABLE));
  const locale = localeOf(argv);
  watchOutput(process.stdout, (code) => {
    process.exitCode = EXIT_UNUSABLE;
    process.stderr.write(say(writeFailure("stdout", code).words, locale) + "\n");
  });
  watchOutput(process.stderr, () => {
    process.exitCode = EXIT_UNUSABLE;
  });
  run(argv).then(
    (code) => {
      process.exitCode = failedOutput() !== "" ? EXIT_UNUSABLE : code;
    },
    () => {
      process.exitCode = EXIT_UNUSABLE;
    }
  );
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported by a test or by
// scripts/scorecard.js (which calls runAsProcess on the compiled bundle).
if (/[\\/]cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) runAsProcess(process.argv.slice(2));
