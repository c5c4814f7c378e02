import { CliError } from "../../src/cli/errors";
import { ArgumentError } from "../../src/functions/cells";
import { UNREADABLE, UnreadableWorkbookError } from "../../src/hosts/xlsx/errors";
import { msg, UserError } from "../../src/scoring";

/** One error base class carries the words shown to the user (the pane and the CLI read `words`). */
describe("UserError: failures in the user's words", () => {
  test("the CLI's, the .xlsx host's and the custom functions' errors are all UserErrors with their words", () => {
    const words = msg("参数有误", "Bad argument");
    const errors: UserError[] = [
      new CliError(words),
      new UnreadableWorkbookError("encrypted", UNREADABLE.encrypted),
      new ArgumentError("value", words),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(UserError);
      expect(e).toBeInstanceOf(Error);
    }
    expect(errors.map((e) => e.words)).toEqual([words, UNREADABLE.encrypted, words]);
    expect(errors.map((e) => e.name)).toEqual(["CliError", "UnreadableWorkbookError", "ArgumentError"]);
  });

  test("messages keep their forms: zh / en, and zh | en in Excel's one-line function error", () => {
    expect(new CliError(msg("甲", "A")).message).toBe("甲 / A");
    expect(new ArgumentError("na", msg("甲", "A")).message).toBe("甲 | A");
  });

  test("a plain Error is not one: the pane shows it as unexpected", () => {
    expect(new Error("boom")).not.toBeInstanceOf(UserError);
  });
});
