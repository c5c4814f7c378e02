import { CommonUnit, Exact, SAFE_UNITS } from "./exact";
import { pts } from "./format";
import { ContributionRecord, EngineIssue, reason, Reason, RecordScore } from "./model";
import { FoldedNumbering, pairSlots, Slots } from "./numbered";
import { named, NamedScores, numberCommunities, PartScores } from "./part";
import { Rules } from "./rules";
import { nearestName } from "./nearest";
import { foldKey, msg, Msg } from "./text";
import { visible } from "./visible";

/** A line not on 条线清单: quoted visibly, with the listed line it most likely means. */
function lineMessage(line: string, lines: readonly string[]) {
  const found = nearestName(line, lines);
  const near = found === undefined ? undefined : visible(found);
  const shown = visible(line);
  return msg(
    `条线“${shown}”不在设置的条线清单中（${lines.join("、")}）：${near ? `是否应为“${near}”？` : ""}若是笔误，会绕过单条线上限`,
    `Line "${shown}" is not in the settings' list (${lines.join(", ")}): ${near ? `did you mean "${near}"? ` : ""}a typo would dodge the per-line cap`
  );
}

export interface CapItem {
  line: string;
  points: Exact;
}

export interface CapOutcome {
  counted: Exact;
  cutByLine: Exact;
  cutByTotal: Exact;
}

/**
 * 规则 §3.3 caps for one community's items, taken in the order given: each line keeps at most
 * `lineCap`, the community at most `totalCap`. The community's total is min-of-sums and so does
 * not depend on the order; the order only decides which row shows the cut.
 */
export function applyContributionCaps(
  items: readonly CapItem[],
  lineCap: Exact,
  totalCap: Exact
): CapOutcome[] {
  const lines = new FoldedNumbering();
  const slots = items.map((item) => lines.id(item.line));
  const rooms = new CapRooms(lineCap, totalCap, lines.size, 1);
  return items.map((item, i) => {
    if (item.points.isZero()) return NOTHING;
    const counted = rooms.take(0, slots[i], item.points);
    return { counted, cutByLine: rooms.cutByLine, cutByTotal: rooms.cutByTotal };
  });
}

/**
 * The room left under the caps, item after item: per (community, line) slot and per community.
 * `take` answers the points counted and leaves what was cut in `cutByLine` and `cutByTotal`: no
 * object per item (the scorer runs it over tens of thousands of records).
 */
class CapRooms {
  private readonly usedByLine: Exact[];
  private readonly usedTotal: Exact[];
  cutByLine = Exact.ZERO;
  cutByTotal = Exact.ZERO;

  constructor(
    private readonly lineCap: Exact,
    private readonly totalCap: Exact,
    slots: number,
    communities: number
  ) {
    this.usedByLine = new Array<Exact>(slots).fill(Exact.ZERO);
    this.usedTotal = new Array<Exact>(communities).fill(Exact.ZERO);
  }

  /** Each community's points counted so far. */
  get totals(): readonly Exact[] {
    return this.usedTotal;
  }

  take(community: number, slot: number, points: Exact): Exact {
    this.cutByLine = Exact.ZERO;
    this.cutByTotal = Exact.ZERO;
    if (points.isZero()) return Exact.ZERO;
    const used = this.usedByLine[slot];
    const usedTotal = this.usedTotal[community];
    // Most items fit under both caps: then nothing is cut, and two additions say so.
    const lineAfter = used.add(points);
    if (lineAfter.cmp(this.lineCap) <= 0) {
      const totalAfter = usedTotal.add(points);
      if (totalAfter.cmp(this.totalCap) <= 0) {
        this.usedByLine[slot] = lineAfter;
        this.usedTotal[community] = totalAfter;
        return points;
      }
    }
    const lineRoom = this.lineCap.sub(used).max(Exact.ZERO);
    const afterLine = points.min(lineRoom);
    const totalRoom = this.totalCap.sub(usedTotal).max(Exact.ZERO);
    const counted = afterLine.min(totalRoom);
    this.usedByLine[slot] = used.add(afterLine);
    this.usedTotal[community] = usedTotal.add(counted);
    this.cutByLine = points.sub(afterLine);
    this.cutByTotal = afterLine.sub(counted);
    return counted;
  }
}

/** A zero item: nothing counted, nothing cut, no room used (one shared outcome). */
const NOTHING: CapOutcome = Object.freeze({
  counted: Exact.ZERO,
  cutByLine: Exact.ZERO,
  cutByTotal: Exact.ZERO,
});

const NEGATIVE = reason("contribution.negative", "加分为负数，不计分", "Negative points: not counted");
const NO_LEADER = reason(
  "contribution.noLeader",
  "没有分管领导同意意见，不计分",
  "No agreement of the line's leader: no points"
);

export type ContributionScores = NamedScores;

/** The rules contributions read (the assessor re-scores them only when one of them changes). */
export const CONTRIBUTION_RULES = ["contributionLineCap", "contributionTotalCap", "lines"] as const;
type ContributionRules = Pick<Rules, (typeof CONTRIBUTION_RULES)[number]>;

/**
 * Per contribution, what scoring needs of it, read once per input whatever the rules: its
 * community, line and (community, line) slot, whether its leader agreed and its points are
 * negative, its points in a common unit, and the order the caps take the records in. Scoring then
 * reads these arrays only, and a record itself only to word an issue or a detail.
 */
export interface ContributionPrep {
  community: Int32Array;
  line: Int32Array;
  lines: FoldedNumbering;
  slots: Slots;
  groups: number;
  agreed: Uint8Array;
  negative: Uint8Array;
  /** Every record's points in `unit` (CommonUnit), or null when they have no small common unit. */
  points: Float64Array | null;
  unit: number;
  /** Positions in row order (stable), or null when the records are in row order already. */
  order: Int32Array | null;
}

export function prepareContributions(
  records: readonly ContributionRecord[],
  community: Int32Array,
  groups: number
): ContributionPrep {
  const n = records.length;
  const lines = new FoldedNumbering();
  const line = new Int32Array(n);
  const agreed = new Uint8Array(n);
  const negative = new Uint8Array(n);
  const common = new CommonUnit(n);
  // Each community's records are taken in row order: all records in row order (stable, so equal
  // rows keep the sheet's order), each community's room kept apart. Records in sheet order (the
  // usual case) need no sorting.
  let inRowOrder = true;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    line[i] = lines.id(r.line);
    agreed[i] = r.leaderAgreed ? 1 : 0;
    negative[i] = r.points.isNegative() ? 1 : 0;
    common.set(i, r.points);
    if (i > 0 && r.row <= records[i - 1].row) inRowOrder = false;
  }
  const order = inRowOrder
    ? null
    : Int32Array.from(records.map((_r, at) => at).sort((a, b) => records[a].row - records[b].row));
  return {
    community,
    line,
    lines,
    slots: pairSlots(community, line, groups, lines.size),
    groups,
    agreed,
    negative,
    points: common.units(),
    unit: common.unit,
    order,
  };
}

export function scoreContributions(
  records: readonly ContributionRecord[],
  rules: ContributionRules
): ContributionScores {
  const { numbering, ids } = numberCommunities(records, (r) => [r.community]);
  return named(
    scoreNumberedContributions(records, prepareContributions(records, ids, numbering.size), rules),
    numbering
  );
}

/** scoreContributions over numbered communities and lines: points and issues now, details when asked. */
export function scoreNumberedContributions(
  records: readonly ContributionRecord[],
  prep: ContributionPrep,
  rules: ContributionRules
): PartScores {
  const issues: EngineIssue[] = [];
  const listed = new Set(rules.lines.map(foldKey));
  const checkLines = rules.lines.length > 0;
  const knownLine = Uint8Array.from({ length: prep.lines.size }, (_, id) =>
    listed.has(prep.lines.key(id)) ? 1 : 0
  );
  const lineMessages = new Map<string, Msg>();
  const { negative, line } = prep;
  for (let i = 0; i < records.length; i++) {
    const unknownLine = checkLines && !knownLine[line[i]];
    if (!negative[i] && !unknownLine) continue;
    const r = records[i];
    if (negative[i])
      issues.push({
        severity: "error",
        source: "contributions",
        row: r.row,
        field: "points",
        message: msg(
          `加分 ${pts(r.points)} 为负数：重要贡献只能加分`,
          `Points ${pts(r.points)} are negative: contributions only add points`
        ),
      });
    if (unknownLine) {
      let message = lineMessages.get(r.line);
      if (!message) lineMessages.set(r.line, (message = lineMessage(r.line, rules.lines)));
      issues.push({
        severity: "warning",
        source: "contributions",
        row: r.row,
        field: "line",
        message: { ...message },
      });
    }
  }

  const order = prep.order;
  const lineCap = rules.contributionLineCap;
  const totalCap = rules.contributionTotalCap;
  const scaled = inUnits(prep, lineCap, totalCap);
  const taken = scaled ? takeInUnits(records, prep, scaled) : takeExactly(records, prep, lineCap, totalCap);
  return {
    totals: taken.totals,
    issues,
    details: {
      count: records.length,
      write: (out, from) => writeDetails(records, order, taken, lineCap, totalCap, out, from),
    },
  };
}

/** What the caps left each record (by position) and each community. */
interface Taken {
  totals: readonly Exact[];
  counted(at: number): Exact;
  /** Undefined where nothing was cut. */
  cutByLine(at: number): Exact | undefined;
  cutByTotal(at: number): Exact | undefined;
}

/**
 * Every value a whole number of one small unit (tenths, quarters…): the rooms are plain
 * integers, exact as doubles. What a result keeps is typed arrays (the collector copies no
 * object per record); the Exact values are made when the details are read.
 */
function takeInUnits(records: readonly ContributionRecord[], prep: ContributionPrep, scaled: Scaled): Taken {
  const { order, community, slots, agreed } = prep;
  const { unit, points, lineMax, totalMax } = scaled;
  const usedByLine = new Float64Array(slots.count);
  const usedTotal = new Float64Array(prep.groups);
  const kept = new Float64Array(records.length);
  const cutLine = new Float64Array(records.length);
  const cutTotal = new Float64Array(records.length);
  for (let k = 0; k < records.length; k++) {
    const at = order === null ? k : order[k];
    const p = agreed[at] && points[at] > 0 ? points[at] : 0;
    if (p === 0) continue;
    const s = slots.slot[at];
    const g = community[at];
    const used = usedByLine[s];
    const total = usedTotal[g];
    if (used + p <= lineMax && total + p <= totalMax) {
      usedByLine[s] = used + p;
      usedTotal[g] = total + p;
      kept[at] = p;
      continue;
    }
    const afterLine = Math.min(p, Math.max(lineMax - used, 0));
    const counted = Math.min(afterLine, Math.max(totalMax - total, 0));
    usedByLine[s] = used + afterLine;
    usedTotal[g] = total + counted;
    kept[at] = counted;
    cutLine[at] = p - afterLine;
    cutTotal[at] = afterLine - counted;
  }
  const exact = (units: number) => (units === 0 ? undefined : Exact.ratio(units, unit));
  return {
    totals: exactTotals(usedTotal, unit),
    // Uncut, a record keeps its own points (the very value given) or nothing.
    counted: (at) =>
      cutLine[at] === 0 && cutTotal[at] === 0
        ? kept[at] > 0
          ? records[at].points
          : ZERO
        : Exact.ratio(kept[at], unit),
    cutByLine: (at) => exact(cutLine[at]),
    cutByTotal: (at) => exact(cutTotal[at]),
  };
}

/** Sums in `unit` as exact values (a loop: Array.from over a typed array steps an iterator). */
function exactTotals(units: Float64Array, unit: number): Exact[] {
  const out: Exact[] = new Array(units.length);
  for (let g = 0; g < units.length; g++) out[g] = Exact.ratio(units[g], unit);
  return out;
}

/** The caps in Exact arithmetic, for values with no small common unit. */
function takeExactly(
  records: readonly ContributionRecord[],
  prep: ContributionPrep,
  lineCap: Exact,
  totalCap: Exact
): Taken {
  const { order, community, slots } = prep;
  const counted: Exact[] = new Array(records.length);
  const cutByLine: (Exact | undefined)[] = new Array(records.length);
  const cutByTotal: (Exact | undefined)[] = new Array(records.length);
  const rooms = new CapRooms(lineCap, totalCap, slots.count, prep.groups);
  for (let k = 0; k < records.length; k++) {
    const at = order === null ? k : order[k];
    const r = records[at];
    const points = r.leaderAgreed && !r.points.isNegative() ? r.points : ZERO;
    counted[at] = rooms.take(community[at], slots.slot[at], points);
    if (!rooms.cutByLine.isZero()) cutByLine[at] = rooms.cutByLine;
    if (!rooms.cutByTotal.isZero()) cutByTotal[at] = rooms.cutByTotal;
  }
  return {
    totals: rooms.totals,
    counted: (at) => counted[at],
    cutByLine: (at) => cutByLine[at],
    cutByTotal: (at) => cutByTotal[at],
  };
}

const ZERO = Exact.ZERO;

/** Every record's points and both caps in one unit, each a safe whole number of it. */
interface Scaled {
  unit: number;
  points: Float64Array;
  lineMax: number;
  totalMax: number;
}

/**
 * The records' common unit (prepareContributions) widened to the caps' denominators, with the
 * points and caps in it; null when some value has no small common unit with the others (then the
 * caps are taken in Exact arithmetic).
 */
function inUnits(prep: ContributionPrep, lineCap: Exact, totalCap: Exact): Scaled | null {
  if (!prep.points) return null;
  let unit = prep.unit;
  for (const cap of [lineCap, totalCap]) {
    const d = cap.smallDenominator();
    if (d === 0) return null;
    if (unit % d !== 0) unit = (unit / gcd(unit, d)) * d;
    if (unit > SAFE_UNITS) return null;
  }
  let points = prep.points;
  if (unit !== prep.unit) {
    const factor = unit / prep.unit;
    points = new Float64Array(prep.points.length);
    for (let i = 0; i < points.length; i++) {
      const v = prep.points[i] * factor;
      if (!(Math.abs(v) <= SAFE_UNITS)) return null;
      points[i] = v;
    }
  }
  const lineMax = lineCap.timesDenominator(unit);
  const totalMax = totalCap.timesDenominator(unit);
  if (!(Math.abs(lineMax) <= SAFE_UNITS && Math.abs(totalMax) <= SAFE_UNITS)) return null;
  return { unit, points, lineMax, totalMax };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The detail records, in row order (the records' order when they are in it). */
function writeDetails(
  records: readonly ContributionRecord[],
  order: Int32Array | null,
  taken: Taken,
  lineCap: Exact,
  totalCap: Exact,
  out: RecordScore[],
  from: number
): void {
  // The same line and points recur across many rows: one reason (and one one-reason list) each,
  // found by line and the points' double, then checked exactly (two values, one double: rebuilt).
  type Given = { points: Exact; reason: Reason; alone: readonly Reason[] };
  const givenReasons = new Map<string, Map<number, Given>>();
  const givenReason = (line: string, points: Exact): Given => {
    let byPoints = givenReasons.get(line);
    if (!byPoints) givenReasons.set(line, (byPoints = new Map()));
    const key = points.sortKey();
    const hit = byPoints.get(key);
    if (hit && hit.points.eq(points)) return hit;
    const reason: Reason = {
      rule: "contribution.points",
      text: msg(`${line}条线酌情加 ${pts(points)} 分`, `${line}: ${pts(points)} discretionary points`),
    };
    const made = { points, reason, alone: Object.freeze([reason]) };
    if (!hit) byPoints.set(key, made);
    return made;
  };
  const cutReasons = new Map<string, Reason>();
  const cutReason = (cap: "line" | "total", cut: Exact): Reason => {
    const key = cap + cut.toString();
    let reason = cutReasons.get(key);
    if (!reason) {
      reason =
        cap === "line"
          ? {
              rule: "contribution.lineCap",
              text: msg(
                `超过单条线上限 ${pts(lineCap)} 分，核减 ${pts(cut)} 分`,
                `Above the per-line cap of ${pts(lineCap)}: ${pts(cut)} cut`
              ),
            }
          : {
              rule: "contribution.totalCap",
              text: msg(
                `超过累计上限 ${pts(totalCap)} 分，核减 ${pts(cut)} 分`,
                `Above the total cap of ${pts(totalCap)}: ${pts(cut)} cut`
              ),
            };
      cutReasons.set(key, reason);
    }
    return reason;
  };
  for (let k = 0; k < records.length; k++) {
    const at = order === null ? k : order[k];
    const r = records[at];
    const negative = r.points.isNegative();
    const given = givenReason(r.line, r.points);
    let reasons = given.alone;
    const cutLine = taken.cutByLine(at);
    const cutTotal = taken.cutByTotal(at);
    if (negative || !r.leaderAgreed || cutLine || cutTotal) {
      const list: Reason[] = [given.reason];
      if (negative) list.push(NEGATIVE);
      else if (!r.leaderAgreed) list.push(NO_LEADER);
      if (cutLine) list.push(cutReason("line", cutLine));
      if (cutTotal) list.push(cutReason("total", cutTotal));
      reasons = list;
    }
    out[from + k] = {
      source: "contributions",
      row: r.row,
      community: r.community,
      label: r.matter ? `${r.line}：${r.matter}` : r.line,
      points: taken.counted(at),
      reasons,
    };
  }
}
