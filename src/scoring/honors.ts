import { Exact, ExactSum } from "./exact";
import { pts } from "./format";
import { HighestPerSlot } from "./highest";
import { Level, LEVEL_NAMES, levelBelow, levelIndex, LEVELS } from "./levels";
import { EngineIssue, HonorRecord, Reason, RecordScore } from "./model";
import { FoldedNumbering, pairSlots, Slots } from "./numbered";
import { named, NamedScores, numberCommunities, PartScores } from "./part";
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
  if (!hit) cache.set(key, (hit = outcomeOf(level, lineDept, rules)));
  return hit;
}

function outcomeOf(level: Level, lineDept: boolean, rules: HonorRules): HonorOutcome {
  const computed = computeHonorPoints(level, lineDept, rules);
  return { ...computed, reasons: Object.freeze([computed.reason]) };
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
  return foldKey(kindText(record));
}

const kindText = (r: Pick<HonorRecord, "kind" | "honor">) =>
  r.kind && r.kind.trim() !== "" ? r.kind : r.honor;

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

export type HonorScores = NamedScores;

/** Per honor record, what scoring needs of it beyond the record: its community and 就高不就低 slot. */
export interface HonorPrep {
  community: Int32Array;
  /** Per record: 2 × its level's place in LEVELS, + 1 for a line-department commendation. */
  outcome: Uint8Array;
  /** (community, kind) pairs; communities are numbered below `groups`. */
  slots: Slots;
  groups: number;
}

/** Numbers each record's kind and (community, kind) pair: once per input, whatever the rules. */
export function prepareHonors(
  records: readonly HonorRecord[],
  community: Int32Array,
  groups: number
): HonorPrep {
  const kinds = new FoldedNumbering();
  const kind = new Int32Array(records.length);
  const outcome = new Uint8Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    kind[i] = kinds.id(kindText(r));
    outcome[i] = 2 * levelIndex(r.level) + (r.lineDept ? 1 : 0);
  }
  return { community, outcome, slots: pairSlots(community, kind, groups, kinds.size), groups };
}

const noDocNo = (r: HonorRecord) => !r.docNo || r.docNo.trim() === "";

/** Scores every honor record: level, line-department rule, approval and 文号, same kind once. */
export function scoreHonors(records: readonly HonorRecord[], rules: HonorRules): HonorScores {
  const { numbering, ids } = numberCommunities(records, (r) => [r.community]);
  return named(scoreNumberedHonors(records, prepareHonors(records, ids, numbering.size), rules), numbering);
}

/** scoreHonors over numbered communities: points and issues now, detail records when asked. */
export function scoreNumberedHonors(
  records: readonly HonorRecord[],
  prep: HonorPrep,
  rules: HonorRules
): PartScores {
  const issues: EngineIssue[] = [];
  const n = records.length;
  // Per record only whether it was offered to 就高不就低 (its outcome is table[prep.outcome[i]]):
  // what a result keeps until its details are read is typed arrays, which the collector does not
  // copy object by object.
  const offered = new Uint8Array(n);
  // The ten outcomes under these rules' values (not cached by the rules object, which a caller
  // may change between two calls).
  const table = LEVELS.flatMap((l) => [outcomeOf(l, false, rules), outcomeOf(l, true, rules)]);
  const slot = prep.slots.slot;
  const highest = new HighestPerSlot(prep.slots.count);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    const base = table[prep.outcome[i]];
    const missing = noDocNo(r);
    if (r.approved && !missing) {
      offered[i] = 1;
      highest.offer(i, slot[i], base.points, r.row);
      continue;
    }
    for (const reason of [r.approved ? null : NOT_APPROVED, missing ? NO_DOC_NO : null])
      if (reason)
        issues.push({
          severity: "warning",
          source: "honors",
          row: r.row,
          field: reason === NOT_APPROVED ? "approved" : "docNo",
          message: msg(`“${r.honor}”${reason.text.zh}`, `"${r.honor}": ${reason.text.en}`),
        });
  }
  const best = highest.best;
  return {
    totals: highest.totals(prep.slots.group, prep.groups),
    issues,
    details: () => {
      const details: RecordScore[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const r = records[i];
        const base = table[prep.outcome[i]];
        let points = Exact.ZERO;
        let reasons = base.reasons;
        if (!offered[i]) {
          const list: Reason[] = [base.reason];
          if (!r.approved) list.push(NOT_APPROVED);
          if (noDocNo(r)) list.push(NO_DOC_NO);
          reasons = list;
        } else if (best[slot[i]] === i) points = base.points;
        else reasons = [...reasons, sameKind(records[best[slot[i]]].row)];
        details[i] = {
          source: "honors",
          row: r.row,
          community: r.community,
          label: r.honor,
          points,
          reasons,
        };
      }
      return details;
    },
  };
}

const sameKind = (higherRow: number): Reason => ({
  rule: "honor.sameKind",
  text: msg(
    `同类荣誉已按更高级别计分（第 ${higherRow} 行），本条不计分`,
    `Same kind of honor already counted at a higher level (row ${higherRow}): no points`
  ),
});

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
