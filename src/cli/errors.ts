import { Msg, UserError } from "../scoring";

/** Exit codes of `scorecard` (规则 §7.2). */
export const EXIT_OK = 0;
export const EXIT_ISSUES = 1;
export const EXIT_UNUSABLE = 2;

/** A call that cannot be carried out (bad arguments, unreadable or missing file): exit 2, one line. */
export class CliError extends UserError {
  constructor(words: Msg) {
    super(words);
    this.name = "CliError";
  }
}
