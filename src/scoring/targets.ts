import { Exact, ExactSum, sum } from "./exact";
import { pts } from "./format";
import { CommunityRecord, EngineIssue, RecordScore, TargetRecord } from "./model";
import { CATEGORIES, CategoryKey, Rules } from "./rules";
import { Details } from "./part";
import { msg, Msg } from "./text";

export const CATEGORY_NAMES: Record<CategoryKey, Msg> = {
  foundation: msg("社区基础", "Foundation"),
  service: msg("社区服务", "Service"),
  culture: msg("社区文化", "Culture"),
  environment: msg("社区环境卫生", "Environment"),
  brand: msg("一居一品", "Brand"),
  admin: msg("行政事务", "Admin"),
};

const ZERO = Exact.ZERO;

export interface TargetScore {
  categories: Record<CategoryKey, Exact>;
  target: Exact;
}

/** 规则 §2: the category maxima must add up to 100. */
export function checkCategoryMaxima(rules: Pick<Rules, "categoryMax">): EngineIssue[] {
  const total = sum(CATEGORIES.map((c) => rules.categoryMax[c]));
  if (total.eq(Exact.int(100))) return [];
  const list = CATEGORIES.map((c) => `${CATEGORY_NAMES[c].zh} ${pts(rules.categoryMax[c])}`).join("、");
  return [
    {
      severity: "error",
      source: "settings",
      message: msg(
        `目标管理六项满分合计为 ${pts(total)}，应为 100（${list}）：请在设置表中调整`,
        `The six category maxima add up to ${pts(total)}, not 100: adjust them on the settings sheet`
      ),
    },
  ];
}

/** 规则 §2: one target row per community, each category within [0, maximum], target = the sum. */
/** The rules target scores read (the assessor re-scores them only when one of them changes). */
export const TARGET_RULES = ["categoryMax"] as const;

/**
 * `ids[i]` is target row i's community number (CheckedInput): rows of communities not on the
 * list (numbers from `communities.length` on) are left out. Scores are kept by community number.
 */
export function scoreTargets(
  communities: readonly CommunityRecord[],
  records: readonly TargetRecord[],
  ids: Int32Array,
  rules: Pick<Rules, (typeof TARGET_RULES)[number]>
): { byCommunity: (TargetScore | undefined)[]; details: Details; issues: EngineIssue[] } {
  const issues: EngineIssue[] = [...checkCategoryMaxima(rules)];
  const listed = communities.length;
  const byCommunity: (TargetScore | undefined)[] = new Array(listed);
  const firstRow: number[] = new Array(listed);
  // The rows that count (by position): their detail records (and reason texts) are made when the
  // details are read.
  const counted: number[] = [];
  const total = new ExactSum();
  for (let i = 0; i < records.length; i++) {
    const id = ids[i];
    if (id >= listed) continue;
    const r = records[i];
    const earlier = firstRow[id];
    if (earlier !== undefined) {
      issues.push({
        severity: "error",
        source: "targets",
        row: r.row,
        field: "community",
        message: msg(
          `“${r.community}”在第 ${earlier} 行已有目标管理得分：每个社区只能有一行`,
          `"${r.community}" already has a target row (row ${earlier}): exactly one row per community`
        ),
      });
      continue;
    }
    firstRow[id] = r.row;
    // Every key at once, in CATEGORIES order: one shape for every row.
    const categories: Record<CategoryKey, Exact> = {
      foundation: ZERO,
      service: ZERO,
      culture: ZERO,
      environment: ZERO,
      brand: ZERO,
      admin: ZERO,
    };
    for (let k = 0; k < CATEGORIES.length; k++) {
      const c = CATEGORIES[k];
      const value = r.scores[c];
      const max = rules.categoryMax[c];
      if (value === undefined) {
        issues.push({
          severity: "warning",
          source: "targets",
          row: r.row,
          field: c,
          message: msg(
            `${CATEGORY_NAMES[c].zh}得分空白，按 0 分计`,
            `${CATEGORY_NAMES[c].en} is blank: counted as 0`
          ),
        });
        categories[c] = ZERO;
      } else if (value.isNegative() || value.gt(max)) {
        issues.push({
          severity: "error",
          source: "targets",
          row: r.row,
          field: c,
          message: msg(
            `${CATEGORY_NAMES[c].zh}得分 ${pts(value)} 不在 0–${pts(max)} 分之间`,
            `${CATEGORY_NAMES[c].en} score ${pts(value)} is outside 0–${pts(max)}`
          ),
        });
        categories[c] = ZERO;
      } else categories[c] = value;
    }
    total.clear();
    for (let k = 0; k < CATEGORIES.length; k++) categories[CATEGORIES[k]].addTo(total);
    byCommunity[id] = { categories, target: total.value() };
    counted.push(i);
  }
  for (let k = 0; k < listed; k++) {
    const c = communities[k];
    if (firstRow[k] === undefined)
      issues.push({
        severity: "error",
        source: "targets",
        field: "community",
        message: msg(
          `社区“${c.name}”没有目标管理得分行：请在目标管理表中为它加一行`,
          `Community "${c.name}" has no target row: add one on the targets sheet`
        ),
      });
  }
  const write = (out: RecordScore[], from: number) =>
    counted.forEach((i, k) => {
      const r = records[i];
      const target = (byCommunity[ids[i]] as TargetScore).target;
      out[from + k] = {
        source: "targets",
        row: r.row,
        community: r.community,
        label: "目标管理",
        points: target,
        reasons: [
          {
            rule: "target.sum",
            text: msg(`六项得分合计 ${pts(target)} 分`, `Six categories add up to ${pts(target)}`),
          },
        ],
      };
    });
  return { byCommunity, details: { count: counted.length, write }, issues };
}
