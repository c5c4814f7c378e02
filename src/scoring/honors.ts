import { Exact, ExactSum } from "./exact";
import { pts } from "./format";
import { HighestPerKey } from "./highest";
import { Level, LEVEL_NAMES, levelBelow, LEVELS } from "./levels";
import { EngineIssue, HonorRecord, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { foldKey, msg } from "./text";

/** The rules honors read (the assessor re-scores honors only when one of them changes). */
export const HONOR_RULES = ["honorPoints", "lineDeptLevelsDown", "lineDeptTownPoints"] as const;
type HonorRules = Pick<Rules, (typeof HONOR_RULES)[number]>;
type HonorOutcome = { points: Exact; reason: Reason; reasons: readonly Reason[] };
// Ten possible outcomes per rules object: computed once, not once per row. `reasons` is the
// one-reason list that every honor counted at that outcome shares.
const honorCache = new WeakMap<HonorRules, Map<string, HonorOutcome>>();

const LINE_DEPT_KEYS = Object.fromEntries(LEVELS.map((l) => [l, l + "+"])) as Record<Level, string>;

/** SPEC §3.1: points of one honor, with the reason. */
export function honorPoints(level: Level, lineDept: boolean, rules: HonorRules): HonorOutcome {
  let cache = honorCache.get(rules);
  if (!cache) honorCache.set(rules, (cache = new Map()));
  const key = lineDept ? LINE_DEPT_KEYS[level] : level;
  let hit = cache.get(key);
  if (!hit) {
    const computed = computeHonorPoints(level, lineDept, rules);
    hit = { ...computed, reasons: Object.freeze([computed.reason]) };
    cache.set(key, hit);
  }
  return hit;
}

function computeHonorPoints(
  level: Level,
  lineDept: boolean,
  rules: HonorRules
): { points: Exact; reason: Reason } {
  const name = LEVEL_NAMES[level];
  if (!lineDept) {
    const points = rules.honorPoints[level];
    return {
      points,
      reason: {
        rule: "honor.level",
        text: msg(`${name.zh}荣誉 ${pts(points)} 分`, `${name.en} honor: ${pts(points)} points`),
      },
    };
  }
  const lower = levelBelow(level, rules.lineDeptLevelsDown);
  if (lower === null) {
    const points = rules.lineDeptTownPoints;
    return {
      points,
      reason: {
        rule: "honor.lineDept.lowest",
        text: msg(
          `${name.zh}条线表彰，计 ${pts(points)} 分`,
          `${name.en} line-department commendation: ${pts(points)} points`
        ),
      },
    };
  }
  const points = rules.honorPoints[lower];
  const lowerName = LEVEL_NAMES[lower];
  return {
    points,
    reason: {
      rule: "honor.lineDept",
      text: msg(
        `${name.zh}条线表彰，按${lowerName.zh}计 ${pts(points)} 分`,
        `${name.en} line-department commendation counts as ${lowerName.en}: ${pts(points)} points`
      ),
    },
  };
}

/** The kind that 同一类荣誉就高不就低 compares: 荣誉类别, or the honor's name where it is blank. */
export function honorKind(record: Pick<HonorRecord, "kind" | "honor">): string {
  return foldKey(record.kind && record.kind.trim() !== "" ? record.kind : record.honor);
}

const NOT_APPROVED: Reason = {
  rule: "honor.notApproved",
  text: msg("未经考核组认可，不计分", "Not approved by the assessment group: no points"),
};
const NO_DOC_NO: Reason = {
  rule: "honor.noDocNo",
  text: msg(
    "缺少文号（以发文单位文件为准），不计分",
    "No document number (the issuing document decides): no points"
  ),
};

export interface HonorScores {
  details: RecordScore[];
  byCommunity: Map<string, Exact>;
  issues: EngineIssue[];
}

/** Scores every honor record: level, line-department rule, approval and 文号, same kind once. */
export function scoreHonors(records: readonly HonorRecord[], rules: HonorRules): HonorScores {
  const issues: EngineIssue[] = [];
  const details: RecordScore[] = new Array(records.length);
  // 同一类荣誉就高不就低 in one pass: each (community, kind) is a slot holding the position of
  // the record it counts so far; `slotOf` says which slot each counted record is in.
  const highest = new HighestPerKey(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const base = honorPoints(r.level, r.lineDept, rules);
    const noDocNo = !r.docNo || r.docNo.trim() === "";
    if (r.approved && !noDocNo) {
      details[i] = {
        source: "honors",
        row: r.row,
        community: r.community,
        label: r.honor,
        points: base.points,
        reasons: base.reasons,
      };
      highest.offer(i, r.community, honorKind(r), base.points, r.row);
      continue;
    }
    const reasons: Reason[] = [base.reason];
    if (!r.approved) reasons.push(NOT_APPROVED);
    if (noDocNo) reasons.push(NO_DOC_NO);
    for (let k = 1; k < reasons.length; k++)
      issues.push({
        severity: "warning",
        source: "honors",
        row: r.row,
        field: reasons[k] === NOT_APPROVED ? "approved" : "docNo",
        message: msg(`“${r.honor}”${reasons[k].text.zh}`, `"${r.honor}": ${reasons[k].text.en}`),
      });
    details[i] = {
      source: "honors",
      row: r.row,
      community: r.community,
      label: r.honor,
      points: Exact.ZERO,
      reasons,
    };
  }

  highest.forEachBeaten((i, j) => {
    const detail = details[i];
    const higherRow = details[j].row;
    detail.points = Exact.ZERO;
    detail.reasons = [
      ...detail.reasons,
      {
        rule: "honor.sameKind",
        text: msg(
          `同类荣誉已按更高级别计分（第 ${higherRow} 行），本条不计分`,
          `Same kind of honor already counted at a higher level (row ${higherRow}): no points`
        ),
      },
    ];
  });

  return { details, byCommunity: totalsByCommunity(details), issues };
}

/** Each community's sum of points (every community with a record is present, 0 included). */
export function totalsByCommunity(details: readonly RecordScore[]): Map<string, Exact> {
  const sums = new Map<string, ExactSum>();
  for (const d of details) {
    let s = sums.get(d.community);
    if (!s) sums.set(d.community, (s = new ExactSum()));
    if (!d.points.isZero()) d.points.addTo(s);
  }
  const totals = new Map<string, Exact>();
  for (const [community, s] of sums) totals.set(community, s.value());
  return totals;
}
