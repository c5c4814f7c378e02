import * as path from "node:path";
import { msg, Msg } from "../scoring";
import { Args } from "./args";
import { CliError } from "./errors";

/** The one file argument of a command; none or several is a usage error. */
export function onePath(args: Args, missing: Msg): string {
  if (args.positional.length === 0) throw new CliError(missing);
  if (args.positional.length > 1)
    throw new CliError(
      msg(
        `多余的参数：${args.positional.slice(1).join(" ")}`,
        `Unexpected arguments: ${args.positional.slice(1).join(" ")}`
      )
    );
  return args.positional[0];
}

/**
 * The arguments with every file named in full: positional files, --out and --pdf resolved against
 * the working folder — the user's own folder, as the npm launcher (scripts/scorecard.js) moves
 * there from the project folder npm runs scripts in — so messages name the very file written or read.
 */
export function withFullPaths(args: Args): Args {
  const full = (p: string | undefined) => (p === undefined ? undefined : path.resolve(p));
  return {
    ...args,
    positional: args.positional.map((p) => path.resolve(p)),
    out: full(args.out),
    pdf: full(args.pdf),
  };
}

type Option = "json" | "out" | "today" | "set" | "interpretations" | "community" | "pdf" | "force";

/** Options a command does not take are usage errors rather than silently ignored. */
export function refuseOptions(args: Args, command: string, allowed: readonly Option[]): void {
  const given: Option[] = [];
  if (args.json) given.push("json");
  if (args.out !== undefined) given.push("out");
  if (args.today !== undefined) given.push("today");
  if (args.sets.length > 0) given.push("set");
  if (args.interpretations) given.push("interpretations");
  if (args.community !== undefined) given.push("community");
  if (args.pdf !== undefined) given.push("pdf");
  if (args.force) given.push("force");
  for (const g of given)
    if (!allowed.includes(g))
      throw new CliError(msg(`${command} 不接受选项 --${g}`, `${command} does not take --${g}`));
}
