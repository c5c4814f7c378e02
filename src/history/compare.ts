import { movesBetween } from "../explain";
import { assess, AssessmentResult, centsToYuan, Exact } from "../scoring";
import { whatifJson } from "../workbook/explain";
import { scoreWorkbook } from "../workbook/pipeline";
import { CommunityChange, ComparisonJson } from "../workbook/sheets/comparison";
import { Issue, WorkbookGrids } from "../workbook/types";
import { diffRecords } from "./diff";
import { rawRecords } from "./records";

export interface Comparison {
  json: ComparisonJson;
  /** Each side's issues (reading and the engine's); the moves are left empty when either has errors. */
  issuesBefore: Issue[];
  issuesAfter: Issue[];
  ok: boolean;
}

const n4 = (e: Exact): number => e.toRoundedNumber(4);
const yuan = (cents: bigint | undefined): number | null => (cents === undefined ? null : centsToYuan(cents));

/** The communities ranked on one side only (added or dropped from 社区): moved from or to nothing. */
function oneSided(
  result: AssessmentResult,
  others: AssessmentResult,
  side: "before" | "after",
  money: boolean
) {
  const known = new Set(others.communities.map((c) => c.name));
  return result.communities
    .filter((c) => !known.has(c.name))
    .map((c): CommunityChange => {
      const mine = side === "before";
      return {
        name: c.name,
        rankBefore: mine ? c.rank : null,
        rankAfter: mine ? null : c.rank,
        totalBefore: mine ? n4(c.total) : null,
        totalAfter: mine ? null : n4(c.total),
        advancedBefore: mine ? c.advanced : null,
        advancedAfter: mine ? null : c.advanced,
        ...(money
          ? { moneyBefore: mine ? yuan(c.moneyCents) : null, moneyAfter: mine ? null : yuan(c.moneyCents) }
          : {}),
      };
    });
}

/** Who moved between the two assessments, each from its own inputs: people paired by name and community. */
function movesJson(
  before: AssessmentResult,
  after: AssessmentResult
): Pick<ComparisonJson, "communities" | "individuals"> {
  const money = before.hasMoney || after.hasMoney;
  const moves = movesBetween(before, after, { samePerson: "name", money });
  // The same figures as whatif --json (rounded totals), with the money beside them when there is any.
  const { communities, individuals } = whatifJson({}, moves);
  const withMoney: CommunityChange[] = communities.map((c, i) => {
    const m = moves.communities[i];
    return money ? { ...c, moneyBefore: yuan(m.moneyBefore), moneyAfter: yuan(m.moneyAfter) } : c;
  });
  withMoney.push(...oneSided(after, before, "after", money), ...oneSided(before, after, "before", money));
  return { communities: withMoney, individuals };
}

/**
 * Two workbooks compared (the rules in docs/规则.md §10): the input records added, removed or
 * changed, as typed; and who moved, each side assessed from its own inputs (never from its
 * generated sheets, which may be stale). The grids are the caller's to give away: the raw records
 * are taken first, then scoring lets go of the rows as it reads them (as `rank` does), so two big
 * files are not held twice over.
 */
export function compareWorkbooks(before: WorkbookGrids, after: WorkbookGrids): Comparison {
  const inputs = diffRecords(rawRecords(before), rawRecords(after));
  const b = scoreWorkbook(before, assess, true);
  const a = scoreWorkbook(after, assess, true);
  const ok = ![...b.issues, ...a.issues].some((i) => i.severity === "error");
  const moves = ok ? movesJson(b.result, a.result) : { communities: [], individuals: [] };
  return { json: { inputs, ...moves }, issuesBefore: b.issues, issuesAfter: a.issues, ok };
}
