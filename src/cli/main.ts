import { say } from "../scoring";
import { Args, parseArgs, USAGE } from "./args";
import { CliError, EXIT_OK, EXIT_UNUSABLE } from "./errors";
import { consoleIo, Io } from "./output";
import { rankCommand } from "./rank";
import { sampleCommand } from "./sample";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";
import { workplanCommand } from "./workplan";

/**
 * `npm run --silent scorecard -- <command> …` (SPEC §7.2). Exit 0: no errors (warnings allowed);
 * 1: errors in the workbook; 2: an unusable call or an unreadable file, said in one line — never
 * a stack trace.
 */
const COMMANDS: Record<string, (args: Args, io: Io) => Promise<number>> = {
  template: templateCommand,
  sample: sampleCommand,
  validate: validateCommand,
  rank: (args, io) => rankCommand(args, io),
  workplan: (args, io) => workplanCommand(args, io),
};

export async function run(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  // Until the arguments are parsed, --lang decides the language of a usage error.
  const langAt = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const lang =
    langAt < 0 ? "" : argv[langAt].includes("=") ? argv[langAt].split("=")[1] : (argv[langAt + 1] ?? "");
  let locale: Args["locale"] = lang.startsWith("en") ? "en-US" : "zh-CN";
  try {
    const args = parseArgs(argv);
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
          ? `Unknown command "${args.command}": use template, sample, validate, rank or workplan`
          : `不认识的命令“${args.command}”：可用 template、sample、validate、rank、workplan`
      );
      return EXIT_UNUSABLE;
    }
    if (args.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    return await command(args, io);
  } catch (e) {
    if (e instanceof CliError) io.err(say(e.words, locale));
    else {
      const text = e instanceof Error ? e.message : String(e);
      io.err(
        locale === "en-US" ? `Internal error: ${text.split("\n")[0]}` : `内部错误：${text.split("\n")[0]}`
      );
    }
    return EXIT_UNUSABLE;
  }
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported by a test.
const invoked = process.argv[1] ?? "";
if (/[\\/]cli[\\/]main\.[cm]?[jt]s$/.test(invoked)) {
  process.on("unhandledRejection", () => process.exit(EXIT_UNUSABLE));
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_UNUSABLE;
    }
  );
}
