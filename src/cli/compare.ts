import { compareWorkbooks } from "../history";
import { Advanced, Locale, msg } from "../scoring";
import { isGeneratedSheet } from "../workbook/marker";
import { chooseSheetNames } from "../workbook/sheet-names";
import { comparisonSheet, ComparisonJson } from "../workbook/sheets/comparison";
import { issuesJson } from "../workbook/json";
import { Args } from "./args";
import { CliError, EXIT_ISSUES, EXIT_OK } from "./errors";
import { readWorkbookFile, writeOutFile } from "./files";
import { checkOutFile, sameFile } from "./out-file";
import { Io, issuesText, printJson, printOutFile } from "./output";
import { refuseOptions } from "./paths";
import { formatTable } from "./table";

/**
 * `compare <before.xlsx> <after.xlsx> [--json] [--out <out.xlsx>] [--force]` (the rules in
 * docs/规则.md §10): every input record added, removed or changed, then who moved. `--out` writes
 * 比较结果 into the after workbook's package. Exit 1 when either side has errors: the record
 * diff and both sides' errors are still printed (--json: every issue), nothing is written.
 */
export async function compareCommand(args: Args, io: Io, now: Date = new Date()): Promise<number> {
  refuseOptions(args, "compare", ["json", "out", "force"]);
  if (args.positional.length !== 2)
    throw new CliError(
      msg(
        "compare 需要两个文件：compare 比较前.xlsx 比较后.xlsx",
        "compare needs two files: compare before.xlsx after.xlsx"
      )
    );
  const [beforeFile, afterFile] = args.positional;
  if (args.out !== undefined) {
    await checkOutFile(args.out, { kind: "workbook", force: args.force, input: afterFile });
    if (args.out === beforeFile || (await sameFile(args.out, beforeFile)))
      throw new CliError(
        msg(`--out 不能是输入文件 ${beforeFile}`, `--out must not be the input file ${beforeFile}`)
      );
  }
  const { packageGrids } = await import("../hosts/xlsx/ooxml");
  const beforePkg = await readWorkbookFile(beforeFile);
  const afterPkg = await readWorkbookFile(afterFile);
  const afterGrids = await packageGrids(afterPkg);
  const existing = afterGrids.map((g) => ({ name: g.name, generated: isGeneratedSheet(g.values[0]?.[0]) }));
  const comparison = compareWorkbooks(await packageGrids(beforePkg), afterGrids);
  const issues = [
    ...comparison.issuesBefore.map((i) => ({ ...i, sheet: `${beforeFile} ${i.sheet}` })),
    ...comparison.issuesAfter.map((i) => ({ ...i, sheet: `${afterFile} ${i.sheet}` })),
  ];
  let written: string[] = [];
  if (comparison.ok && args.out !== undefined) {
    const { packXlsx, writePackageSheets } = await import("../hosts/xlsx/ooxml");
    const name = chooseSheetNames(["comparison"], existing).comparison;
    const sheet = comparisonSheet(
      comparison.json,
      { before: beforeFile, after: afterFile },
      now,
      name,
      args.locale
    );
    written = await writePackageSheets(afterPkg, [sheet]);
    await writeOutFile(args.out, await packXlsx(afterPkg), { kind: "workbook", force: args.force });
  }
  if (args.json) printJson(io, { ...comparison.json, issues: issuesJson(issues, args.locale) });
  else {
    io.out(comparisonText(comparison.json, args.locale));
    // The errors that stop the assessment; each side's warnings are validate's to list.
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) io.out(issuesText(errors, args.locale));
    printOutFile(io, args.out, comparison.ok, written, args.locale);
  }
  return comparison.ok ? EXIT_OK : EXIT_ISSUES;
}

/** before → after, a blank shown as （空）; one value when both sides show the same. */
function arrow(
  b: string | number | null | undefined,
  a: string | number | null | undefined,
  en: boolean
): string {
  const shown = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === "" ? (en ? "(blank)" : "（空）") : String(v);
  return shown(b) === shown(a) ? shown(a) : `${shown(b)} → ${shown(a)}`;
}

function markWord(a: Advanced | null, en: boolean): string | null {
  if (a === null) return null;
  if (a === "tie") return en ? "tie" : "并列待定";
  return a ? (en ? "advanced" : "先进") : en ? "no" : "否";
}

/** The differences as text: one line per record, then the moves as two tables. */
export function comparisonText(json: ComparisonJson, locale: Locale): string {
  const en = locale === "en-US";
  const count = (c: string) => json.inputs.filter((i) => i.change === c).length;
  const lines = [
    en
      ? `Input records: ${json.inputs.length} difference(s) (${count("added")} added, ${count("removed")} removed, ${count("changed")} changed)`
      : `输入记录：${json.inputs.length} 处不同（新增 ${count("added")}，删除 ${count("removed")}，修改 ${count("changed")}）`,
  ];
  const word = {
    added: en ? "added" : "新增",
    removed: en ? "removed" : "删除",
    changed: en ? "changed" : "修改",
  };
  for (const c of json.inputs) {
    const rows = [c.rowBefore, c.rowAfter]
      .map((r) => (r === undefined ? (en ? "—" : "—") : en ? `row ${r}` : `第 ${r} 行`))
      .join(" → ");
    const fields = Object.entries(c.fields ?? {})
      .map(([column, [b, a]]) => `${column} ${arrow(b, a, en)}`)
      .join(en ? "; " : "；");
    lines.push(
      `${word[c.change]}  ${c.sheet} ${c.key} (${rows})${fields ? (en ? ": " : "：") + fields : ""}`
    );
  }
  if (json.communities.length === 0 && json.individuals.length === 0)
    lines.push(en ? "No rank, total, mark or money moved." : "名次、综合得分、先进标记和奖金都没有变化。");
  if (json.communities.length > 0) {
    const money = json.communities.some((c) => "moneyBefore" in c);
    const headers = en
      ? ["Community", "Rank", "Total", "Advanced"]
      : ["社区", "名次", "综合得分", "先进社区"];
    if (money) headers.push(en ? "Money (yuan)" : "奖金（元）");
    const rows = json.communities.map((c) => [
      c.name,
      arrow(c.rankBefore, c.rankAfter, en),
      arrow(c.totalBefore, c.totalAfter, en),
      arrow(markWord(c.advancedBefore, en), markWord(c.advancedAfter, en), en),
      ...(money ? [arrow(c.moneyBefore, c.moneyAfter, en)] : []),
    ]);
    lines.push(
      "",
      formatTable(
        headers,
        rows,
        headers.map((_, i) => (i === 0 || i === 3 ? "left" : "right"))
      )
    );
  }
  if (json.individuals.length > 0) {
    const headers = en ? ["Name", "Community", "Rank", "Advanced"] : ["姓名", "社区", "名次", "先进个人"];
    const rows = json.individuals.map((p) => [
      p.name,
      p.community,
      arrow(p.rankBefore, p.rankAfter, en),
      arrow(markWord(p.advancedBefore, en), markWord(p.advancedAfter, en), en),
    ]);
    lines.push("", formatTable(headers, rows, ["left", "left", "right", "left"]));
  }
  return lines.join("\n");
}
