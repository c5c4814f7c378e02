import { DecisionKind, DecisionRecord, EngineIssue } from "./model";
import { msg, Msg } from "./text";
import { visible } from "./visible";

/**
 * 规则 §10 考核组决定: a decision resolves a 并列待定 at the cut and nothing else. The decisions of
 * one list (先进社区 or 先进个人) are applied together or not at all: one on anybody not in the
 * tie, two on the same place, or a count of advanced that cannot fill the places exactly is an
 * error, and the tie then stays open as it was. Undecided places of the tie stay 并列待定.
 */

/** The words of a list: its name and how its members are counted. */
const LISTS: Record<DecisionKind, { list: Msg; unit: Msg }> = {
  community: { list: msg("先进社区", "advanced-community"), unit: msg("个", "") },
  individual: { list: msg("先进个人", "advanced-individual"), unit: msg("人", "") },
};

/** One list's tie at the cut as the ranking found it; positions are the tie's, 0 … count − 1. */
export interface TieAtCut {
  kind: DecisionKind;
  /** The list's places (设置). */
  slots: number;
  /** How many are advanced above the tie. */
  above: number;
  /** How many are in the tie (0: no tie at the cut). */
  count: number;
  /** Whether a decision names the tie's `position`-th member. */
  names: (d: DecisionRecord, position: number) => boolean;
  /** Whether a decision names anybody ranked at all (tied or not). */
  known: (d: DecisionRecord) => boolean;
}

export interface Resolution {
  /** Per member of the tie, the decision that settles it, or undefined while it stays open. */
  decided: readonly (DecisionRecord | undefined)[];
  issues: readonly EngineIssue[];
}

/** Who a decision names, as the issue quotes it: 马红（春晖社区）. */
function who(d: DecisionRecord): string {
  return d.community === undefined ? visible(d.name) : `${visible(d.name)}（${visible(d.community)}）`;
}

function error(row: number | undefined, field: string | undefined, message: Msg): EngineIssue {
  return { severity: "error", source: "decisions", row, field, message };
}

/** No decision applied: every place of the tie stays open (an empty list reads undefined at any place). */
const NONE: Resolution = Object.freeze({ decided: Object.freeze([]) as readonly undefined[], issues: [] });

/** The decisions of `tie.kind` among `decisions`, applied to that list's tie at the cut. */
export function resolveTie(decisions: readonly DecisionRecord[], tie: TieAtCut): Resolution {
  if (decisions.length === 0) return NONE;
  const decided: (DecisionRecord | undefined)[] = new Array<DecisionRecord | undefined>(tie.count);
  const issues: EngineIssue[] = [];
  const { list, unit } = LISTS[tie.kind];
  let any = false;
  for (const d of decisions) {
    if (d.kind !== tie.kind) continue;
    any = true;
    const at: number[] = [];
    for (let p = 0; p < tie.count; p++) if (tie.names(d, p)) at.push(p);
    if (at.length === 0) {
      issues.push(
        error(
          d.row,
          "name",
          tie.known(d)
            ? msg(
                `${who(d)}不在${list.zh}名额处的并列中：考核组决定只用于并列待定，请删去此行或核对名称`,
                `${who(d)} is not in a tie at the last ${list.en} place: a decision only settles such a tie; delete the row or check the name`
              )
            : msg(
                `${who(d)}不在${tie.kind === "community" ? "社区" : "人员"}表中：请核对名称`,
                `${who(d)} is not on the ${tie.kind === "community" ? "communities" : "staff"} sheet: check the name`
              )
        )
      );
      continue;
    }
    if (at.length > 1) {
      issues.push(
        error(
          d.row,
          "community",
          msg(
            `并列者中有 ${at.length} 人名为“${visible(d.name)}”：请填写其社区`,
            `${at.length} people named "${visible(d.name)}" share the tie: fill in their community`
          )
        )
      );
      continue;
    }
    const earlier = decided[at[0]];
    if (earlier !== undefined) {
      issues.push(
        error(
          d.row,
          "name",
          msg(
            `${who(d)}已在第 ${earlier.row} 行决定：每人只决定一次，请删去一行`,
            `${who(d)} is already decided on row ${earlier.row}: decide once, delete one of the rows`
          )
        )
      );
      continue;
    }
    decided[at[0]] = d;
  }
  if (!any) return NONE;
  if (issues.length > 0) return { decided: NONE.decided, issues };

  let advanced = tie.above;
  let open = 0;
  for (const d of decided) {
    if (d === undefined) open++;
    else if (d.advanced) advanced++;
  }
  const places = msg(
    `${list.zh}名额 ${tie.slots}：决定后为 ${advanced} ${unit.zh}`,
    `${tie.slots} ${list.en} places: the decisions make ${advanced}`
  );
  let count: Msg | null = null;
  if (advanced > tie.slots)
    count = msg(
      `${places.zh}，请再决定 ${advanced - tie.slots} ${unit.zh}为非先进`,
      `${places.en}; decide ${advanced - tie.slots} more as not advanced`
    );
  else if (advanced + open < tie.slots)
    count = msg(
      open === 0
        ? `${places.zh}，请再决定 ${tie.slots - advanced} ${unit.zh}为先进`
        : `${places.zh}，尚未决定的 ${open} ${unit.zh}全为先进也只有 ${advanced + open} ${unit.zh}，请将 ${tie.slots - advanced - open} ${unit.zh}改为先进`,
      `${places.en}${open === 0 ? "" : ` (${advanced + open} even with the ${open} undecided)`}; decide ${tie.slots - advanced - open} more as advanced`
    );
  if (count !== null) return { decided: NONE.decided, issues: [error(undefined, undefined, count)] };
  return { decided, issues };
}
