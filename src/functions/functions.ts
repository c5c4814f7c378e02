import { applyContributionCaps } from "../scoring/contributions";
import { Exact, sum } from "../scoring/exact";
import { honorPoints } from "../scoring/honors";
import { articleShare, checkBasicPublicity } from "../scoring/publicity";
import { cellScoreKey } from "../scoring/ranking";
import { DEFAULT_RULES } from "../scoring/rules";
import { isBlank } from "../scoring/values";
import {
  ArgumentError,
  blankCell,
  cellsOf,
  ErrorKind,
  levelArg,
  numberArg,
  omitted,
  optionalCells,
  Where,
  whereText,
  sameHeight,
  keyArg,
  yesNoArg,
} from "./cells";

/*
 * The eight custom functions of 规则 §7.1, namespace KH. Thin wrappers over src/scoring: the
 * rules are the defaults of docs/规则.md (the 设置 sheet applies to the task pane's ranking, not to cells).
 * JSDoc here is the only source of dist/functions.json; Chinese names come from functions.zh-CN.json.
 */

// Outside Excel (the browser preview loads this bundle too) there is no functions runtime, but
// the build appends CustomFunctions.associate calls: give them a harmless stand-in there.
if (typeof CustomFunctions === "undefined")
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { associate: () => undefined };

/** Only #VALUE! and #N/A show a custom message in Excel (规则 §7.1), so no other code is raised. */
const CODES: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode,
  na: "#N/A" as CustomFunctions.ErrorCode,
};

/** Runs a function body, turning our argument errors into the Excel error with its message. */
function guarded(body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentError) throw new CustomFunctions.Error(CODES[e.kind], e.message);
    throw new CustomFunctions.Error(CODES.value, e instanceof Error ? e.message : String(e));
  }
}

function nonNegative(value: Exact, what: string, whatEn: string): Exact {
  if (value.isNegative())
    throw new ArgumentError("value", {
      zh: `${what}不能为负数（${value.toFixed(2)}）`,
      en: `${whatEn} cannot be negative (${value.toFixed(2)})`,
    });
  return value;
}

/**
 * Points of one honor by its level; a line-department commendation counts one level lower (0.5 at town level).
 * @customfunction HONOR_POINTS
 * @param level Level of the honor: 区镇, 区级, 市级, 省级 or 全国 (aliases accepted).
 * @param [lineDept] TRUE when the honor is a line-department commendation (default FALSE).
 * @returns The honor's points.
 */
export function honorPointsFn(level: unknown, lineDept?: unknown): number {
  return guarded(() =>
    honorPoints(levelArg(level), yesNoArg(lineDept, false), DEFAULT_RULES).points.toNumber()
  );
}

/**
 * Honor points of one community's rows: the same kind counts once at its highest; rows not approved count 0.
 * @customfunction HONOR_TOTAL
 * @param levels Levels, one row per honor; blank rows are skipped.
 * @param [lineDepts] Line-department flags, same height as levels.
 * @param [kinds] Honor kinds, same height; omitted means every row is its own kind.
 * @param [approved] Approved by the assessment group, same height; omitted means every row counts.
 * @returns The community's honor points.
 */
export function honorTotalFn(
  levels: unknown[][],
  lineDepts?: unknown[][],
  kinds?: unknown[][],
  approved?: unknown[][]
): number {
  return guarded(() => {
    const levelCells = cellsOf(levels);
    const lineCells = optionalCells(lineDepts);
    const kindCells = optionalCells(kinds);
    const approvedCells = optionalCells(approved);
    sameHeight("lineDepts", lineCells, levelCells.length, "levels");
    sameHeight("kinds", kindCells, levelCells.length, "levels");
    sameHeight("approved", approvedCells, levelCells.length, "levels");
    const highest = new HighestPerKey();
    levelCells.forEach((cell, i) => {
      if (blankCell(cell)) return;
      const counts = approvedCells ? yesNoArg(approvedCells[i], false, i) : true;
      const level = levelArg(cell, i);
      const lineDept = lineCells ? yesNoArg(lineCells[i], false, i) : false;
      if (counts)
        highest.add(
          kindCells ? keyArg(kindCells[i]) : "",
          honorPoints(level, lineDept, DEFAULT_RULES).points
        );
    });
    return highest.total().toNumber();
  });
}

/**
 * 就高不就低 for a cell range: the total of the highest points per key, where a blank key means
 * the row is its own kind. Only the total is needed here, so no row bookkeeping.
 */
class HighestPerKey {
  private readonly best = new Map<string, Exact>();
  private unkeyed = Exact.ZERO;

  add(key: string, points: Exact): void {
    if (key === "") {
      this.unkeyed = this.unkeyed.add(points);
      return;
    }
    const held = this.best.get(key);
    if (held === undefined || points.gt(held)) this.best.set(key, points);
  }

  total(): Exact {
    return sum(this.best.values()).add(this.unkeyed);
  }
}

/** Communities sharing an article; blank means 1. In a range a 0 is a blank cell (desktop Excel). */
function sharingArg(value: unknown, where: Where = "", inRange = false): number {
  if (omitted(value) || isBlank(value) || (inRange && value === 0)) return 1;
  const n = numberArg(value, where);
  if (!n.isInteger() || n.lt(Exact.ONE))
    throw new ArgumentError("value", {
      zh: `${where !== "" ? whereText(where).zh + "：" : ""}联合报道社区数 ${n.toFixed(2)} 无效：应为不小于 1 的整数`,
      en: `${where !== "" ? whereText(where).en + ": " : ""}communities sharing ${n.toFixed(2)} is invalid: expected a whole number ≥ 1`,
    });
  return Number(n.n);
}

/**
 * One article's publicity points for one community: the level's points split equally among the communities sharing it.
 * @customfunction PUBLICITY_POINTS
 * @param level Level of the outlet: 区镇, 区级, 市级, 省级 or 全国.
 * @param [communities] Number of communities sharing the article (default 1).
 * @returns The community's share of the article's points.
 */
export function publicityPointsFn(level: unknown, communities?: unknown): number {
  return guarded(() =>
    DEFAULT_RULES.publicityPoints[levelArg(level)].div(Exact.int(sharingArg(communities))).toNumber()
  );
}

/**
 * One community's external publicity: the same content counts once, at its highest share.
 * @customfunction PUBLICITY_TOTAL
 * @param levels Levels of the outlets, one row per article; blank rows are skipped.
 * @param [communities] Number of communities sharing each article, same height (default 1 each).
 * @param [contentKeys] Same-content keys, same height; omitted means every row is its own content.
 * @returns The community's external publicity points.
 */
export function publicityTotalFn(
  levels: unknown[][],
  communities?: unknown[][],
  contentKeys?: unknown[][]
): number {
  return guarded(() => {
    const levelCells = cellsOf(levels);
    const shareCells = optionalCells(communities);
    const keyCells = optionalCells(contentKeys);
    sameHeight("communities", shareCells, levelCells.length, "levels");
    sameHeight("contentKeys", keyCells, levelCells.length, "levels");
    const highest = new HighestPerKey();
    levelCells.forEach((cell, i) => {
      if (blankCell(cell)) return;
      const level = levelArg(cell, i);
      const sharing = sharingArg(shareCells ? shareCells[i] : null, i, true);
      highest.add(keyCells ? keyArg(keyCells[i]) : "", articleShare(level, sharing, DEFAULT_RULES));
    });
    return highest.total().toNumber();
  });
}

/**
 * Basic publicity score, checked: 0 (none) or between 1 and 5.
 * @customfunction BASIC_PUBLICITY
 * @param score The reviewers' score for bulletin boards and blackboards; blank means none.
 * @returns The score when it is valid.
 */
export function basicPublicityFn(score: unknown): number {
  return guarded(() => {
    if (omitted(score) || isBlank(score)) return 0;
    const value = numberArg(score);
    const problem = checkBasicPublicity(value, DEFAULT_RULES);
    if (problem) throw new ArgumentError("value", problem.text);
    return value.toNumber();
  });
}

/**
 * One community's contribution points: at most 5 per line and 20 in all (defaults).
 * @customfunction CONTRIBUTION_TOTAL
 * @param lines Line (条线) of each contribution; blank rows are skipped.
 * @param points Points of each contribution, same height.
 * @param [lineCap] Cap per line (default 5).
 * @param [totalCap] Cap for the community (default 20).
 * @returns The capped contribution points.
 */
export function contributionTotalFn(
  lines: unknown[][],
  points: unknown[][],
  lineCap?: unknown,
  totalCap?: unknown
): number {
  return guarded(() => {
    const lineCells = cellsOf(lines);
    const pointCells = cellsOf(points);
    sameHeight("points", pointCells, lineCells.length, "lines");
    const perLine = omitted(lineCap)
      ? DEFAULT_RULES.contributionLineCap
      : nonNegative(numberArg(lineCap, "lineCap"), "单条线上限", "lineCap");
    const all = omitted(totalCap)
      ? DEFAULT_RULES.contributionTotalCap
      : nonNegative(numberArg(totalCap, "totalCap"), "累计上限", "totalCap");
    const items: { line: string; points: Exact }[] = [];
    lineCells.forEach((cell, i) => {
      // Blank points are 0 points: desktop Excel hands a blank as 0, so that is the only reading
      // that gives the same answer everywhere.
      const blankPoints = blankCell(pointCells[i]);
      if (blankCell(cell) && blankPoints) return;
      const where = whereText(i).zh;
      if (blankCell(cell))
        throw new ArgumentError("value", {
          zh: `${where}：有加分但条线为空`,
          en: `Row ${i + 1}: points without a line`,
        });
      items.push({
        line: keyArg(cell),
        points: blankPoints
          ? Exact.ZERO
          : nonNegative(numberArg(pointCells[i], where), `${where}加分`, `Row ${i + 1} points`),
      });
    });
    return sum(applyContributionCaps(items, perLine, all).map((o) => o.counted)).toNumber();
  });
}

/**
 * The score converted for the cadre bonus scheme: total × rate.
 * @customfunction CONVERTED_SCORE
 * @param total The community's total score.
 * @param [rate] Conversion rate (default 0.2, i.e. 20 %).
 * @returns The converted score.
 */
export function convertedScoreFn(total: unknown, rate?: unknown): number {
  return guarded(() => {
    const value = nonNegative(numberArg(total, "total"), "综合得分", "total");
    const r = omitted(rate) ? DEFAULT_RULES.conversionRate : numberArg(rate, "rate");
    if (r.isNegative() || r.gt(Exact.ONE))
      throw new ArgumentError("value", {
        zh: `折算比例 ${r.toFixed(4)} 无效：应在 0 到 1 之间（如 0.2）`,
        en: `Rate ${r.toFixed(4)} is invalid: expected 0 to 1 (e.g. 0.2)`,
      });
    return value.mul(r).toNumber();
  });
}

/**
 * Competition rank (1, 2, 2, 4) of a value among values, descending; values equal to 9 significant digits tie.
 * @customfunction RANK_EXACT
 * @param value The score to rank.
 * @param values All the scores; blank cells are skipped.
 * @param [tieBreak] The value's tie-break score (e.g. its target score).
 * @param [tieBreaks] Tie-break scores, same height as values.
 * @returns The rank.
 */
export function rankExactFn(
  value: unknown,
  values: unknown[][],
  tieBreak?: unknown,
  tieBreaks?: unknown[][]
): number {
  return guarded(() => {
    const key = cellScoreKey(numberArg(value, "value").toNumber());
    const cells = cellsOf(values);
    const breakCells = optionalCells(tieBreaks);
    sameHeight("tieBreaks", breakCells, cells.length, "values");
    const ownBreak = omitted(tieBreak) ? null : cellScoreKey(numberArg(tieBreak, "tieBreak").toNumber());
    if (breakCells && ownBreak === null)
      throw new ArgumentError("value", {
        zh: "给了 tieBreaks 区域却没有本行的 tieBreak 值",
        en: "tieBreaks given without the value's own tieBreak",
      });
    let better = 0;
    let found = false;
    cells.forEach((cell, i) => {
      if (isBlank(cell)) return;
      const v = cellScoreKey(numberArg(cell, i).toNumber());
      // A blank tie-break is 0 (what desktop Excel hands over for it).
      const breakCell = breakCells ? breakCells[i] : null;
      const b =
        breakCells && ownBreak !== null
          ? cellScoreKey(isBlank(breakCell) ? 0 : numberArg(breakCell, i).toNumber())
          : null;
      if (v === key && (b === null || b === ownBreak)) found = true;
      if (v > key || (v === key && b !== null && ownBreak !== null && b > ownBreak)) better += 1;
    });
    if (!found)
      throw new ArgumentError("na", { zh: `${key} 不在排名区域中`, en: `${key} is not among the values` });
    return better + 1;
  });
}
