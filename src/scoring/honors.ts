import { Exact } from "./exact";
import { pts } from "./format";
import { HighestPerSlot } from "./highest";
import { Level, LEVEL_NAMES, levelBelow, levelIndex, LEVELS } from "./levels";
import { EngineIssue, HonorRecord, reason, Reason } from "./model";
import { FoldedNumbering, pairSlots, Slots } from "./numbered";
import { named, NamedScores, numberCommunities, PartScores } from "./part";
import { Rules } from "./rules";
import { foldKey, msg, Msg } from "./text";

/** The rules honors read (the assessor re-scores honors only when one of them changes). */
export const HONOR_RULES = ["honorPoints", "lineDeptLevelsDown", "lineDeptTownPoints"] as const;
type HonorRules = Pick<Rules, (typeof HONOR_RULES)[number]>;
type HonorOutcome = { points: Exact; reason: Reason; reasons: readonly Reason[] };
// Ten possible outcomes per rules object: computed once, not once per row. `reasons` is the
// one-reason list that every honor counted at that outcome shares.
const honorCache = new WeakMap<HonorRules, Map<string, HonorOutcome>>();

const LINE_DEPT_KEYS = Object.fromEntries(LEVELS.map((l) => [l, l + "+"])) as Record<Level, string>;

/** 规则 §3.1: points of one honor, with the reason. */
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

const NOT_APPROVED = reason(
  "honor.notApproved",
  "未经考核组认可，不计分",
  "Not approved by the assessment group: no points"
);
const NO_DOC_NO = reason(
  "honor.noDocNo",
  "缺少文号（以发文单位文件为准），不计分",
  "No document number (the issuing document decides): no points"
);

export type HonorScores = NamedScores;

/**
 * Per honor record, what scoring needs of it, read once per input whatever the rules: its
 * community, outcome, row, whether it may count at all, and its 就高不就低 slot. Scoring then
 * reads these arrays only, and a record itself only to word an issue or a detail.
 */
export interface HonorPrep {
  community: Int32Array;
  /** Per record: 2 × its level's place in LEVELS, + 1 for a line-department commendation. */
  outcome: Uint8Array;
  /** Per record: 1 when approved and with a 文号 (it is offered to 就高不就低). */
  valid: Uint8Array;
  row: Float64Array;
  /** (community, kind) pairs; communities are numbered below `groups`. */
  slots: Slots;
  groups: number;
}

const noDocNo = (r: HonorRecord) => !r.docNo || r.docNo.trim() === "";

/** Numbers each record's kind and (community, kind) pair: once per input, whatever the rules. */
export function prepareHonors(
  records: readonly HonorRecord[],
  community: Int32Array,
  groups: number
): HonorPrep {
  const kinds = new FoldedNumbering();
  const n = records.length;
  const kind = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const valid = new Uint8Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    kind[i] = kinds.id(kindText(r));
    outcome[i] = 2 * levelIndex(r.level) + (r.lineDept ? 1 : 0);
    valid[i] = r.approved && !noDocNo(r) ? 1 : 0;
    row[i] = r.row;
  }
  return { community, outcome, valid, row, slots: pairSlots(community, kind, groups, kinds.size), groups };
}

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
  const { outcome, valid, row } = prep;
  // The ten outcomes under these rules' values (not cached by the rules object, which a caller
  // may change between two calls); record i's is table[outcome[i]].
  const table = LEVELS.flatMap((l) => [outcomeOf(l, false, rules), outcomeOf(l, true, rules)]);
  const slot = prep.slots.slot;
  const notApproved = new IssueTexts(NOT_APPROVED);
  const noDocNoTexts = new IssueTexts(NO_DOC_NO);
  const highest = new HighestPerSlot(
    prep.slots.count,
    table.map((o) => o.points)
  );
  for (let i = 0; i < n; i++) {
    if (valid[i]) {
      highest.offer(i, slot[i], outcome[i], row[i]);
      continue;
    }
    const r = records[i];
    if (!r.approved) issues.push(honorIssue(r, "approved", notApproved));
    if (noDocNo(r)) issues.push(honorIssue(r, "docNo", noDocNoTexts));
  }
  const best = highest.best;
  return {
    totals: highest.totals(prep.slots.group, prep.groups),
    issues,
    details: {
      count: n,
      write: (out, from) => {
        for (let i = 0; i < n; i++) {
          const r = records[i];
          const base = table[outcome[i]];
          let points = Exact.ZERO;
          let reasons = base.reasons;
          if (!valid[i]) {
            const list: Reason[] = [base.reason];
            if (!r.approved) list.push(NOT_APPROVED);
            if (noDocNo(r)) list.push(NO_DOC_NO);
            reasons = list;
          } else if (best[slot[i]] === i) points = base.points;
          else reasons = reasons.concat(sameKind(records[best[slot[i]]].row));
          out[from + i] = {
            source: "honors",
            row: r.row,
            community: r.community,
            label: r.honor,
            points,
            reasons,
          };
        }
      },
    },
  };
}

/**
 * The words of a record that cannot count (not approved, no 文号), said of the honor by name:
 * worded once per honor name (thousands of rows repeat a few names), each issue its own message
 * object over the same immutable strings.
 */
class IssueTexts {
  private readonly byHonor = new Map<string, Msg>();

  constructor(private readonly reason: Reason) {}

  of(honor: string): Msg {
    let texts = this.byHonor.get(honor);
    if (!texts) {
      const { zh, en } = this.reason.text;
      this.byHonor.set(honor, (texts = msg(`“${honor}”${zh}`, `"${honor}": ${en}`)));
    }
    return texts;
  }
}

const honorIssue = (r: HonorRecord, field: string, texts: IssueTexts): EngineIssue => {
  const { zh, en } = texts.of(r.honor);
  return { severity: "warning", source: "honors", row: r.row, field, message: { zh, en } };
};

const sameKind = (higherRow: number): Reason => ({
  rule: "honor.sameKind",
  text: msg(
    `同类荣誉已按更高级别计分（第 ${higherRow} 行），本条不计分`,
    `Same kind of honor already counted at a higher level (row ${higherRow}): no points`
  ),
});
