import { Msg } from "./text";

/**
 * A failure whose words are meant for the person using the product (zh and en), not a bug: a
 * file that is not a workbook, a bad CLI argument, a custom-function argument it cannot read.
 * The task pane and the CLI show `words` as they are; any other Error is unexpected and shown as
 * such. The subclasses (CliError, UnreadableWorkbookError, ArgumentError) say where it comes from.
 */
export class UserError extends Error {
  readonly words: Msg;
  constructor(words: Msg, message = `${words.zh} / ${words.en}`) {
    super(message);
    this.name = "UserError";
    this.words = words;
  }
}
