import {
  assessor,
  AssessmentInput,
  AssessmentResult,
  CATEGORIES,
  CategoryKey,
  Exact,
  LEVELS,
  RankingMode,
  Rules,
  SubjectRuleScope,
} from "../scoring";
import { advancedMoves, isEmpty, Moves, movesBetween } from "./moves";

/**
 * How much each interpretation matters (规则 [I], issue 12): for every setting that reads an
 * unclear clause, whether another reading changes the advanced communities or individuals, and
 * who moves. Each answer is assess() run again on the same records with other Rules.
 */

/** The blank levels of 获得区镇、、、省级、全国荣誉 and 在级…在级…, read as district and city [I]. */
export const BLANK_LEVELS = ["district", "city"] as const;
export type BlankLevel = (typeof BLANK_LEVELS)[number];
export type PointTable = "honorPoints" | "publicityPoints";

/** Grid of the point scan: half a point, the smallest step the seed's own figures use. */
export const POINT_STEP = Exact.ratio(1, 2);

export interface Shift {
  value: Exact;
  /** Only those whose advanced mark changes. */
  moves: Moves;
}

export interface PointReading {
  kind: "points";
  /** Setting id, e.g. "honorPoints.district". */
  id: `${PointTable}.${BlankLevel}`;
  today: Exact;
  /** The points of the levels below and above: what the blank level would get read as either. */
  range: [Exact, Exact];
  /** The widest run of grid values around today's where the advanced list stays the same. */
  stable: [Exact, Exact];
  /** The nearest value beyond each end of `stable` and who moves there; null: the range's end was reached. */
  below: Shift | null;
  above: Shift | null;
  changes: boolean;
}

export interface ChoiceReading {
  kind: "choice";
  id: "subjectRuleScope" | "rankingMode";
  today: SubjectRuleScope | RankingMode;
  other: SubjectRuleScope | RankingMode;
  /** Only those whose advanced mark changes. */
  moves: Moves;
  /** How many communities change rank or total (advanced or not). */
  rankChanges: number;
  changes: boolean;
}

export interface MaximaReading {
  kind: "maxima";
  id: "categoryMax";
  today: Record<CategoryKey, Exact>;
  /**
   * The highest score entered per category. The maxima bound what may be entered and never enter a
   * total, so any set at least this high leaves every score — and the ranking — as it is.
   */
  floors: Record<CategoryKey, Exact>;
  /** Who moves when the maxima are the floors themselves (the tightest set the entries admit). */
  moves: Moves;
  changes: boolean;
}

export type Reading = PointReading | ChoiceReading | MaximaReading;

const advancedChanged = (before: AssessmentResult, after: AssessmentResult): Moves =>
  advancedMoves(movesBetween(before, after));

/** Today's value, the neighbours' values and every half point between them, ascending, without repeats. */
export function pointGrid(today: Exact, range: [Exact, Exact], step: Exact = POINT_STEP): Exact[] {
  const [lo, hi] = range;
  const values = [lo, hi, today];
  for (let v = today.sub(step); !v.lt(lo); v = v.sub(step)) values.push(v);
  for (let v = today.add(step); !v.gt(hi); v = v.add(step)) values.push(v);
  values.sort((a, b) => a.cmp(b));
  return values.filter((v, i) => i === 0 || !v.eq(values[i - 1]));
}

function withPoints(rules: Rules, table: PointTable, level: BlankLevel, value: Exact): Rules {
  return { ...rules, [table]: { ...rules[table], [level]: value } };
}

function scanPoints(
  run: (rules: Rules) => AssessmentResult,
  base: AssessmentResult,
  rules: Rules,
  table: PointTable,
  level: BlankLevel
): PointReading {
  const at = LEVELS.indexOf(level);
  const today = rules[table][level];
  const a = rules[table][LEVELS[at - 1]];
  const b = rules[table][LEVELS[at + 1]];
  const range: [Exact, Exact] = a.lt(b) ? [a, b] : [b, a];
  const grid = pointGrid(today, range);
  const start = grid.findIndex((v) => v.eq(today));
  // Walk outward from today's value until the advanced list first changes on that side.
  const walk = (dir: 1 | -1): { edge: Exact; shift: Shift | null } => {
    let edge = today;
    for (let i = start + dir; i >= 0 && i < grid.length; i += dir) {
      const moves = advancedChanged(base, run(withPoints(rules, table, level, grid[i])));
      if (!isEmpty(moves)) return { edge, shift: { value: grid[i], moves } };
      edge = grid[i];
    }
    return { edge, shift: null };
  };
  const down = walk(-1);
  const up = walk(1);
  return {
    kind: "points",
    id: `${table}.${level}`,
    today,
    range,
    stable: [down.edge, up.edge],
    below: down.shift,
    above: up.shift,
    changes: down.shift !== null || up.shift !== null,
  };
}

function flipChoice<K extends "subjectRuleScope" | "rankingMode">(
  run: (rules: Rules) => AssessmentResult,
  base: AssessmentResult,
  rules: Rules,
  id: K,
  other: Rules[K]
): ChoiceReading {
  const all = movesBetween(base, run({ ...rules, [id]: other }));
  const moves = advancedMoves(all);
  return {
    kind: "choice",
    id,
    today: rules[id],
    other,
    moves,
    rankChanges: all.communities.length,
    changes: !isEmpty(moves),
  };
}

function maxima(
  run: (rules: Rules) => AssessmentResult,
  base: AssessmentResult,
  input: AssessmentInput,
  rules: Rules
): MaximaReading {
  const floors = Object.fromEntries(CATEGORIES.map((c) => [c, Exact.ZERO])) as Record<CategoryKey, Exact>;
  for (const t of input.targets)
    for (const c of CATEGORIES) {
      const v = t.scores[c];
      if (v !== undefined && v.gt(floors[c])) floors[c] = v;
    }
  const moves = advancedChanged(base, run({ ...rules, categoryMax: floors }));
  return {
    kind: "maxima",
    id: "categoryMax",
    today: rules.categoryMax,
    floors,
    moves,
    changes: !isEmpty(moves),
  };
}

/**
 * Every [I] reading of docs/规则.md, in its order: the blank honor levels (district, city), the blank
 * publicity levels, 以社区为主体适用级别, 排名方式, the six category maxima. `run` is an assessor
 * of `input` (pass one to share its cache with other questions on the same records).
 */
export function interpretations(
  input: AssessmentInput,
  rules: Rules,
  run: (rules: Rules) => AssessmentResult = assessor(input)
): Reading[] {
  const base = run(rules);
  const readings: Reading[] = [];
  for (const table of ["honorPoints", "publicityPoints"] as const)
    for (const level of BLANK_LEVELS) readings.push(scanPoints(run, base, rules, table, level));
  readings.push(
    flipChoice(run, base, rules, "subjectRuleScope", rules.subjectRuleScope === "all" ? "national" : "all")
  );
  readings.push(
    flipChoice(run, base, rules, "rankingMode", rules.rankingMode === "total" ? "targetFirst" : "total")
  );
  readings.push(maxima(run, base, input, rules));
  return readings;
}
