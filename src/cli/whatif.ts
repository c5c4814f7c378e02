import { Moves } from "../explain";
import { Advanced, Locale, msg, officialFigure, say } from "../scoring";
import {
  Accepted,
  advancedMark,
  interpretationsJson,
  interpretationsOfWorkbook,
  readingSummary,
  whatifJson,
  whatifWorkbook,
} from "../workbook/explain";
import { issuesJson } from "../workbook/json";
import { parseSettingAssignmentText } from "../workbook/settings";
import { WorkbookGrids } from "../workbook/types";
import { Args } from "./args";
import { CliError, EXIT_ISSUES, EXIT_OK } from "./errors";
import { Io, issuesText, printJson } from "./output";
import { openInput } from "./input";
import { refuseOptions } from "./paths";
import { Align, formatTable } from "./table";

/**
 * `whatif <in.xlsx> --set KEY=VALUE … [--json]` (规则 §8): ranks again with settings changed and
 * prints only what moved; `whatif <in.xlsx> --interpretations [--json]`: how much each [I] reading
 * matters. Nothing is written. Exit 1: the workbook has errors; exit 2: an unknown key or a value
 * that cannot be used (named), or settings that together cannot be assessed.
 */
export async function whatifCommand(args: Args, io: Io): Promise<number> {
  refuseOptions(args, "whatif", ["json", "set", "interpretations"]);
  if (args.interpretations === args.sets.length > 0)
    throw new CliError(
      msg(
        "whatif 需要 --set 项目=值（可多个）或 --interpretations，二者选一",
        "whatif needs --set KEY=VALUE (one or more) or --interpretations, one of the two"
      )
    );
  // The keys and values are checked before the file is read: a typo is exit 2 at once.
  const changes: Accepted[] = args.sets.map((text) => {
    const a = parseSettingAssignmentText(text);
    if (!a.ok) throw new CliError(a.message);
    return a;
  });
  const grids = await (await openInput(args, io)).grids();
  return args.interpretations ? interpretationsOut(grids, args, io) : whatifOut(grids, changes, args, io);
}

type Grids = WorkbookGrids;

function inputErrors(issues: Parameters<typeof issuesJson>[0], args: Args, io: Io): number {
  if (args.json) printJson(io, { issues: issuesJson(issues, args.locale) });
  else io.out(issuesText(issues, args.locale));
  return EXIT_ISSUES;
}

function whatifOut(grids: Grids, changes: Accepted[], args: Args, io: Io): number {
  const outcome = whatifWorkbook(grids, changes);
  if (outcome.kind === "inputErrors") return inputErrors(outcome.issues, args, io);
  if (outcome.kind === "refused")
    throw new CliError(
      msg(
        `按 ${args.sets.join(" ")} 无法计分：${outcome.issues.map((i) => i.message.zh).join("；")}`,
        `With ${args.sets.join(" ")} the assessment cannot be made: ${outcome.issues.map((i) => i.message.en).join("; ")}`
      )
    );
  if (args.json)
    printJson(io, {
      ...whatifJson(outcome.set, outcome.moves),
      ...(outcome.unapplied.length > 0 ? { unapplied: issuesJson(outcome.unapplied, args.locale) } : {}),
    });
  else
    io.out(
      [
        movesText(outcome.set, outcome.moves, args.locale),
        ...outcome.unapplied.map((i) => `· ${say(i.message, args.locale)}`),
      ].join("\n")
    );
  return EXIT_OK;
}

function interpretationsOut(grids: Grids, args: Args, io: Io): number {
  const outcome = interpretationsOfWorkbook(grids);
  if (outcome.kind === "inputErrors") return inputErrors(outcome.issues, args, io);
  if (args.json) printJson(io, interpretationsJson(outcome.readings, args.locale));
  else {
    const en = args.locale === "en-US";
    io.out(
      [
        en
          ? "How much each interpretation [I] matters: ranked again under the other reading (nothing is written)"
          : "各项理解（[I]）换一种读法重新排名，对先进名单的影响（不写任何文件）：",
        ...outcome.readings.map((r) => `· ${say(readingSummary(r), args.locale)}`),
      ].join("\n")
    );
  }
  return EXIT_OK;
}

const arrow = (before: string, after: string) => (before === after ? before : `${before} → ${after}`);

/** What moved, as two aligned tables (communities, then individuals); or one line saying nothing did. */
export function movesText(set: Record<string, unknown>, moves: Moves, locale: Locale): string {
  const en = locale === "en-US";
  const mark = (a: Advanced, eligible: boolean) => say(advancedMark(a, eligible), locale);
  const head =
    (en ? "What if: " : "试算：") +
    Object.entries(set)
      .map(([k, v]) => `${k} = ${v === null ? (en ? "(blank)" : "（空）") : String(v)}`)
      .join(en ? ", " : "，");
  const parts = [head];
  if (moves.communities.length === 0 && moves.individuals.length === 0)
    parts.push(
      en
        ? "Nothing moves: every rank, total and advanced mark stays."
        : "名次、综合得分和先进标记都没有变化。"
    );
  if (moves.communities.length > 0) {
    const headers = en
      ? ["Community", "Rank", "Total", "Advanced"]
      : ["社区", "名次", "综合得分", "先进社区"];
    const rows = moves.communities.map((m) => [
      m.name,
      arrow(String(m.rankBefore), String(m.rankAfter)),
      arrow(officialFigure(m.totalBefore), officialFigure(m.totalAfter)),
      arrow(mark(m.advancedBefore, m.eligible), mark(m.advancedAfter, m.eligible)),
    ]);
    const align: Align[] = ["left", "right", "right", "left"];
    parts.push("", formatTable(headers, rows, align));
  }
  if (moves.individuals.length > 0) {
    const headers = en ? ["Name", "Community", "Rank", "Advanced"] : ["姓名", "社区", "名次", "先进个人"];
    const rows = moves.individuals.map((m) => [
      m.name,
      m.community,
      arrow(String(m.rankBefore), String(m.rankAfter)),
      arrow(mark(m.advancedBefore, true), mark(m.advancedAfter, true)),
    ]);
    parts.push("", formatTable(headers, rows, ["left", "left", "right", "left"]));
  }
  return parts.join("\n");
}
