import {
  AssessmentResult,
  exactOrderNotes,
  IndividualResult,
  Locale,
  officialFigure,
  say,
  yuanFigure,
} from "../scoring";
import { rankJson } from "../workbook/json";
import { rankWorkbookStreamed, sortIssues } from "../workbook/pipeline";
import { advancedLabel, individualsToShow } from "../workbook/report";
import { columnWords } from "../workbook/schema";
import { Args } from "./args";
import { EXIT_ISSUES, EXIT_OK } from "./errors";
import { writeOutFile } from "./files";
import { Io, issuesText, printJson, printOutFile } from "./output";
import { openInput } from "./input";
import { checkOutputs } from "./out-file";
import { refuseOptions } from "./paths";
import { Align, formatTable } from "./table";

const yuan = (cents: bigint | undefined) => (cents === undefined ? "" : yuanFigure(cents));

function advancedWord(
  x: Pick<IndividualResult, "advanced" | "eligible" | "decided">,
  locale: Locale
): string {
  const label = advancedLabel(x.advanced, x.eligible, x.decided !== undefined);
  return label === null ? "" : say(label, locale);
}

/**
 * The ranking and the advanced individuals as aligned tables (Chinese counted double width), every
 * figure as its official figure (2 decimals); a 说明 column when two communities show the same
 * total but rank apart on the exact values.
 */
export function rankingText(result: AssessmentResult, locale: Locale): string {
  const h = (sheet: "ranking" | "individuals", key: string) => say(columnWords(sheet, key), locale);
  const money = result.hasMoney;
  const keys = [
    "rank",
    "community",
    "type",
    "target",
    "rewards",
    "total",
    "converted",
    "advanced",
    "gapToCut",
    "gapToAbove",
  ];
  if (money) keys.push("money");
  const notes = exactOrderNotes(result);
  if (notes.some((n) => n !== null)) keys.push("note");
  const align: Align[] = keys.map((k) =>
    ["community", "type", "advanced", "note"].includes(k) ? "left" : "right"
  );
  const rows = result.communities.map((c, i) => {
    const note = notes[i];
    const v: Record<string, string> = {
      rank: String(c.rank),
      community: c.name,
      type: c.type,
      target: officialFigure(c.target),
      rewards: officialFigure(c.rewards),
      total: officialFigure(c.total),
      converted: officialFigure(c.converted),
      advanced: advancedWord(c, locale),
      gapToCut: c.gapToCut === null ? "" : officialFigure(c.gapToCut),
      gapToAbove: c.gapToAbove === null ? "" : officialFigure(c.gapToAbove),
      money: yuan(c.moneyCents),
      note: note === null ? "" : say(note, locale),
    };
    return keys.map((k) => v[k]);
  });
  const parts = [
    formatTable(
      keys.map((k) => h("ranking", k)),
      rows,
      align
    ),
  ];

  const pkeys = ["rank", "name", "community", "score", "advanced"];
  if (money) pkeys.push("money");
  const shown = individualsToShow(result);
  if (result.individuals.length > 0) {
    const prow = shown.map((p) => {
      const v: Record<string, string> = {
        rank: String(p.rank),
        name: p.name,
        community: p.community,
        score: officialFigure(p.score),
        advanced: advancedWord(p, locale),
        money: yuan(p.moneyCents),
      };
      return pkeys.map((k) => v[k]);
    });
    const palign: Align[] = pkeys.map((k) =>
      ["name", "community", "advanced"].includes(k) ? "left" : "right"
    );
    parts.push(
      "",
      formatTable(
        pkeys.map((k) => h("individuals", k)),
        prow,
        palign
      )
    );
    const rest = result.individuals.length - shown.length;
    if (rest > 0)
      parts.push(
        locale === "en-US"
          ? `(${rest} more staff: see the generated individuals sheet or --json)`
          : `（其余 ${rest} 人见生成的先进个人表或 --json）`
      );
  }
  return parts.join("\n");
}

/** `rank <in.xlsx> [--out <out.xlsx>] [--json]` (规则 §7.2): errors → exit 1 and nothing is written. */
export async function rankCommand(args: Args, io: Io, now: Date = new Date()): Promise<number> {
  refuseOptions(args, "rank", ["json", "out", "force"]);
  // 规则 §8: --out naming the input, an existing file (without --force), no input file… refused before any work.
  await checkOutputs(args);
  const input = await openInput(args, io);
  // Generated sheets are told from a person's by their A1 marker (rankWorkbook reads it from the grids).
  const outcome = rankWorkbookStreamed(await input.grids(), { now, locale: args.locale, letGoOfRows: true });
  // The input's own generated sheets stay stale whatever --out writes (the input is never rewritten).
  const issues = sortIssues([...outcome.issues, ...outcome.stale]);
  let written: string[] = [];
  if (outcome.ok && args.out !== undefined) {
    const pkg = await input.pkg();
    const { packXlsx, writePackageSheets } = await import("../hosts/xlsx/ooxml");
    written = await writePackageSheets(pkg, outcome.sheets);
    await writeOutFile(args.out, await packXlsx(pkg), { kind: "workbook", force: args.force });
  }
  if (args.json) printJson(io, rankJson({ result: outcome.result, issues }, args.locale));
  else {
    if (outcome.result) io.out(rankingText(outcome.result, args.locale) + "\n");
    io.out(issuesText(issues, args.locale));
    for (const note of outcome.notes) io.out(say(note, args.locale));
    printOutFile(io, args.out, outcome.ok, written, args.locale);
  }
  return outcome.ok ? EXIT_OK : EXIT_ISSUES;
}
