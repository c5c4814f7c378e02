import {
  CATEGORIES,
  CATEGORY_NAMES,
  CategoryKey,
  cellText,
  defaultRules,
  DEFAULT_RULES,
  Exact,
  excelError,
  Level,
  LEVEL_NAMES,
  LEVELS,
  msg,
  Msg,
  parseNumber,
  pts,
  RankingMode,
  Rules,
  showValue,
  SubjectRuleScope,
} from "../scoring";
import { SETTING_CHOICES, SETTING_NAMES, SettingId, SHEETS } from "./schema";
import { foldName, isBlank, issueAt, readRows } from "./sheet-reader";
import { Issue, OutputValue, SheetGrid } from "./types";

/**
 * The 设置 sheet (SPEC §6): one row per key, 项目 / 值 / 说明. Every field of `Rules` has a key;
 * a missing key or a blank value takes the default; an unknown key or a bad value is a warning
 * that names the key, and the default is used.
 */
export interface SettingDef {
  id: SettingId;
  zh: string;
  en: string;
  /** What the key means and where the default comes from. */
  note: Msg;
  /** True where the value is this product's interpretation of an ambiguous seed (SPEC [I]). */
  interpretation: boolean;
  /** Reads a non-blank value into `rules`; returns what is wrong instead when it cannot. */
  read(value: unknown, rules: Rules): Msg | null;
  /** The value as the 设置 sheet shows it. */
  show(rules: Rules): OutputValue;
}

interface NumberLimits {
  min: number;
  max: number;
  integer?: boolean;
  /** Also accept "20%" text. */
  percent?: boolean;
}

function readExact(
  value: unknown,
  limits: NumberLimits
): { ok: true; value: Exact } | { ok: false; message: Msg } {
  let v = value;
  let scale = Exact.ONE;
  if (limits.percent && typeof v === "string" && /[%％]\s*$/.test(v)) {
    v = v.replace(/[%％]\s*$/, "");
    scale = Exact.ratio(1, 100);
  }
  const parsed = parseNumber(v);
  if (!parsed.ok) return parsed;
  const x = parsed.value.mul(scale);
  const range = `${limits.min}–${limits.max}`;
  if (x.lt(Exact.fromNumber(limits.min)) || x.gt(Exact.fromNumber(limits.max)))
    return {
      ok: false,
      message: msg(`${pts(x)} 超出允许范围 ${range}`, `${pts(x)} is outside the allowed range ${range}`),
    };
  if (limits.integer && !x.isInteger())
    return { ok: false, message: msg(`${pts(x)} 应为整数`, `${pts(x)} must be a whole number`) };
  return { ok: true, value: x };
}

const exactNumber = (e: Exact): number => e.toNumber();

/** A setting whose value is a number within limits; `show` turns the rule's value back into a cell. */
function exactSetting<T>(
  id: SettingId,
  note: Msg,
  limits: NumberLimits,
  get: (r: Rules) => T,
  set: (r: Rules, v: Exact) => void,
  show: (v: T) => OutputValue,
  interpretation = false
): SettingDef {
  return {
    id,
    ...SETTING_NAMES[id],
    note,
    interpretation,
    read(value, rules) {
      const x = readExact(value, limits);
      if (!x.ok) return x.message;
      set(rules, x.value);
      return null;
    },
    show: (r) => show(get(r)),
  };
}

function numberSetting(
  id: SettingId,
  note: Msg,
  limits: NumberLimits,
  get: (r: Rules) => Exact,
  set: (r: Rules, v: Exact) => void,
  interpretation = false
): SettingDef {
  return exactSetting(id, note, limits, get, set, exactNumber, interpretation);
}

function integerSetting(
  id: SettingId,
  note: Msg,
  limits: NumberLimits,
  get: (r: Rules) => number | null,
  set: (r: Rules, v: number) => void
): SettingDef {
  return exactSetting(
    id,
    note,
    { ...limits, integer: true },
    get,
    (r, v) => set(r, v.toNumber()),
    (v) => v
  );
}

function optionalMoney(
  id: SettingId,
  note: Msg,
  get: (r: Rules) => Exact | null,
  set: (r: Rules, v: Exact) => void
): SettingDef {
  return exactSetting(id, note, { min: 0, max: 1e9 }, get, set, (v) => (v === null ? null : exactNumber(v)));
}

function choiceSetting<K extends keyof typeof SETTING_CHOICES>(
  id: K & SettingId,
  note: Msg,
  interpretation: boolean,
  get: (r: Rules) => keyof (typeof SETTING_CHOICES)[K],
  set: (r: Rules, v: keyof (typeof SETTING_CHOICES)[K]) => void
): SettingDef {
  const choices = SETTING_CHOICES[id] as Record<string, { zh: string; en: string }>;
  return {
    id,
    ...SETTING_NAMES[id],
    note,
    interpretation,
    read(value, rules) {
      const key = foldName(cellText(value));
      for (const [code, words] of Object.entries(choices))
        if (foldName(words.zh) === key || foldName(words.en) === key) {
          set(rules, code as keyof (typeof SETTING_CHOICES)[K]);
          return null;
        }
      const list = Object.values(choices);
      return msg(
        `应填 ${list.map((w) => `“${w.zh}”`).join(" 或 ")}`,
        `expected ${list.map((w) => `"${w.zh}" (${w.en})`).join(" or ")}`
      );
    },
    show: (r) => choices[get(r) as string].zh,
  };
}

const d = DEFAULT_RULES;
const POINTS = { min: 0, max: 100 };

const levelHonor = (level: Level): SettingDef =>
  numberSetting(
    `honorPoints.${level}`,
    msg(
      `获得${LEVEL_NAMES[level].zh}荣誉每项加分（默认 ${pts(d.honorPoints[level])}）${level === "district" || level === "city" ? "；原文此级别名称空缺，按区级、市级理解" : ""}`,
      `Points per ${LEVEL_NAMES[level].en} honor (default ${pts(d.honorPoints[level])})`
    ),
    POINTS,
    (r) => r.honorPoints[level],
    (r, v) => (r.honorPoints[level] = v),
    level === "district" || level === "city"
  );

const levelPublicity = (level: Level): SettingDef =>
  numberSetting(
    `publicityPoints.${level}`,
    msg(
      `在${LEVEL_NAMES[level].zh}媒体发表每篇加分（默认 ${pts(d.publicityPoints[level])}）${level === "district" || level === "city" ? "；原文此级别名称空缺，按区级、市级理解" : ""}`,
      `Points per article in a ${LEVEL_NAMES[level].en} outlet (default ${pts(d.publicityPoints[level])})`
    ),
    POINTS,
    (r) => r.publicityPoints[level],
    (r, v) => (r.publicityPoints[level] = v),
    level === "district" || level === "city"
  );

const categoryMax = (c: CategoryKey): SettingDef =>
  numberSetting(
    `categoryMax.${c}`,
    msg(
      `目标管理“${CATEGORY_NAMES[c].zh}”满分（默认 ${pts(d.categoryMax[c])}；六项合计须为 100；原文细则在附件中，默认分配为本产品的理解）`,
      `Maximum of ${CATEGORY_NAMES[c].en} (default ${pts(d.categoryMax[c])}; the six must add up to 100)`
    ),
    POINTS,
    (r) => r.categoryMax[c],
    (r, v) => (r.categoryMax[c] = v),
    true
  );

/** Every key of the 设置 sheet, in the order the template lists them. */
export const SETTINGS: readonly SettingDef[] = [
  ...LEVELS.map(levelHonor),
  integerSetting(
    "lineDeptLevelsDown",
    msg(
      "条线部门表彰降低几个级别计分（默认 1：获条线部门表彰的降低一个级别）",
      "How many levels lower a line-department commendation counts (default 1)"
    ),
    { min: 0, max: 4 },
    (r) => r.lineDeptLevelsDown,
    (r, v) => (r.lineDeptLevelsDown = v)
  ),
  numberSetting(
    "lineDeptTownPoints",
    msg(
      `区镇条线部门表彰加分（默认 ${pts(d.lineDeptTownPoints)}）`,
      `Points of a town-level line-department commendation (default ${pts(d.lineDeptTownPoints)})`
    ),
    POINTS,
    (r) => r.lineDeptTownPoints,
    (r, v) => (r.lineDeptTownPoints = v)
  ),
  ...LEVELS.map(levelPublicity),
  choiceSetting(
    "subjectRuleScope",
    msg(
      "“须以社区为主体报道”适用于：全部级别（默认）或 仅国家级。原文写在国家级之后，本产品理解为适用全部级别",
      "Where 'the community reported as the subject' applies: 全部级别 (all, default) or 仅国家级 (national only)"
    ),
    true,
    (r) => r.subjectRuleScope,
    (r, v) => (r.subjectRuleScope = v as SubjectRuleScope)
  ),
  numberSetting(
    "basicPublicityMin",
    msg(
      `基础宣传视效果得分的最低分（默认 ${pts(d.basicPublicityMin)}；0 或空白表示没有）`,
      `Lowest basic-publicity score (default ${pts(d.basicPublicityMin)}; 0 or blank means none)`
    ),
    POINTS,
    (r) => r.basicPublicityMin,
    (r, v) => (r.basicPublicityMin = v)
  ),
  numberSetting(
    "basicPublicityMax",
    msg(
      `基础宣传视效果得分的最高分（默认 ${pts(d.basicPublicityMax)}）`,
      `Highest basic-publicity score (default ${pts(d.basicPublicityMax)})`
    ),
    POINTS,
    (r) => r.basicPublicityMax,
    (r, v) => (r.basicPublicityMax = v)
  ),
  numberSetting(
    "contributionLineCap",
    msg(
      `重要贡献每一条线加分上限（默认 ${pts(d.contributionLineCap)}）`,
      `Contribution cap per line (default ${pts(d.contributionLineCap)})`
    ),
    POINTS,
    (r) => r.contributionLineCap,
    (r, v) => (r.contributionLineCap = v)
  ),
  numberSetting(
    "contributionTotalCap",
    msg(
      `重要贡献累计加分上限（默认 ${pts(d.contributionTotalCap)}）`,
      `Contribution cap per community (default ${pts(d.contributionTotalCap)})`
    ),
    POINTS,
    (r) => r.contributionTotalCap,
    (r, v) => (r.contributionTotalCap = v)
  ),
  ...CATEGORIES.map(categoryMax),
  numberSetting(
    "conversionRate",
    msg(
      "综合得分折算比例（默认 0.2，即 20%；可填 0.2 或 20%）",
      "Share of the total entering the bonus scheme (default 0.2; 0.2 or 20%)"
    ),
    { min: 0, max: 1, percent: true },
    (r) => r.conversionRate,
    (r, v) => (r.conversionRate = v)
  ),
  integerSetting(
    "advancedCommunities",
    msg(
      `先进社区名额（默认 ${d.advancedCommunities}；村改居不参评）`,
      `Number of advanced communities (default ${d.advancedCommunities})`
    ),
    { min: 0, max: 10000 },
    (r) => r.advancedCommunities,
    (r, v) => (r.advancedCommunities = v)
  ),
  integerSetting(
    "advancedIndividuals",
    msg(
      `先进个人名额（默认 ${d.advancedIndividuals}；村改居人员不参评）`,
      `Number of advanced individuals (default ${d.advancedIndividuals})`
    ),
    { min: 0, max: 100000 },
    (r) => r.advancedIndividuals,
    (r, v) => (r.advancedIndividuals = v)
  ),
  choiceSetting(
    "rankingMode",
    msg(
      "综合得分（默认：按综合得分排名，同分看目标管理得分）或 目标管理优先（按目标管理得分排名，同分看单项奖励）。原文“以目标管理考核为基础”的理解",
      "综合得分 (by total, target breaks ties; default) or 目标管理优先 (by target, rewards break ties)"
    ),
    true,
    (r) => r.rankingMode,
    (r, v) => (r.rankingMode = v as RankingMode)
  ),
  optionalMoney(
    "bonusPool",
    msg(
      "奖金总额（元），按折算分比例分到各社区、再按个人考核得分分到个人；空白表示不计算奖金",
      "Bonus pool in yuan, shared by converted score; blank = no money"
    ),
    (r) => r.bonusPool,
    (r, v) => (r.bonusPool = v)
  ),
  optionalMoney(
    "bonusPerPoint",
    msg(
      "每个折算分的奖金（元）；已填奖金总额时不用；空白表示不计算奖金",
      "Yuan per converted point; ignored when a pool is set; blank = no money"
    ),
    (r) => r.bonusPerPoint,
    (r, v) => (r.bonusPerPoint = v)
  ),
  {
    id: "lines",
    ...SETTING_NAMES.lines,
    note: msg(
      "重要贡献的条线名单，用 、 或逗号分隔；重要贡献表中不在名单里的条线会提示（防止笔误绕过单条线上限）",
      "The lines of important contributions, separated by 、 or commas; a line not listed is a warning"
    ),
    interpretation: false,
    read(value, rules) {
      const text = cellText(value);
      const list = text
        .split(/[、,，;；\n]+/)
        .map((s) => s.trim())
        .filter((s) => s !== "");
      if (list.length === 0) return msg("条线清单为空", "the list is empty");
      rules.lines = [...new Set(list)];
      return null;
    },
    show: (r) => r.lines.join("、"),
  },
  integerSetting(
    "year",
    msg("考核年度（只用于表头显示）", "Assessment year (shown in headers only)"),
    { min: 1900, max: 2200 },
    (r) => r.year,
    (r, v) => (r.year = v)
  ),
];

const BY_NAME = new Map<string, SettingDef>();
for (const s of SETTINGS) {
  BY_NAME.set(foldName(s.zh), s);
  BY_NAME.set(foldName(s.en), s);
  BY_NAME.set(foldName(s.id), s);
}

/** The setting a key names (zh, en or id; trimmed, full-width folded, case-insensitive). */
export function findSetting(key: string): SettingDef | undefined {
  const folded = foldName(key);
  return BY_NAME.get(folded) ?? BY_NAME.get(folded.replace(/\([^()]*\)$/, ""));
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The known key nearest to a misspelt one, when it is near enough to be a likely typo. */
export function nearestSetting(key: string): SettingDef | undefined {
  const folded = foldName(key);
  let best: { def: SettingDef; dist: number; len: number } | undefined;
  for (const s of SETTINGS)
    for (const name of [s.zh, s.en]) {
      const f = foldName(name);
      const dist = distance(folded, f);
      if (!best || dist < best.dist) best = { def: s, dist, len: [...f].length };
    }
  if (!best) return undefined;
  return best.dist <= Math.max(2, Math.ceil(best.len / 2)) ? best.def : undefined;
}

/**
 * Reads the 设置 sheet into `Rules`. No sheet → the defaults. A sheet without a header row is read
 * by position (key in the first column, value in the second).
 */
export function readSettings(sheet?: SheetGrid): { rules: Rules; issues: Issue[] } {
  const rules = defaultRules();
  const issues: Issue[] = [];
  if (!sheet) return { rules, issues };
  const schema = SHEETS.settings;
  const read = readRows(sheet, schema);
  let rows: {
    row: number;
    key: unknown;
    value: unknown;
    keyCol: number;
    valueCol: number;
    valueHeader: string;
  }[];
  const keyRef = read.headers.get("key");
  if (keyRef) {
    // Settings never block ranking: a problem on the sheet is a warning and the default applies.
    issues.push(...read.issues.map((i): Issue => ({ ...i, severity: "warning" })));
    const valueRef = read.headers.get("value");
    if (!valueRef)
      issues.push(
        issueAt(
          sheet,
          read.headerRow,
          schema.columns[1].zh,
          "warning",
          msg(
            `设置表缺少“${schema.columns[1].zh}”列：所有设置按默认值`,
            `The settings sheet has no "${schema.columns[1].zh}" (${schema.columns[1].en}) column: every setting takes its default`
          )
        )
      );
    rows = read.rows.map((r) => ({
      row: r.row,
      key: r.cells.key,
      value: r.cells.value,
      keyCol: keyRef.column,
      valueCol: valueRef?.column ?? keyRef.column + 1,
      valueHeader: valueRef?.header ?? schema.columns[1].zh,
    }));
    if (!valueRef) rows = [];
  } else {
    rows = sheet.values
      .map((line, i) => ({
        row: sheet.firstRow + i,
        key: line[0],
        value: line[1],
        keyCol: sheet.firstColumn,
        valueCol: sheet.firstColumn + 1,
        valueHeader: schema.columns[1].zh,
      }))
      .filter((r) => !isBlank(r.key) || !isBlank(r.value));
  }

  const seen = new Map<SettingId, number>();
  for (const r of rows) {
    const keyText = cellText(r.key);
    const keyCell = { header: keyRef?.header ?? schema.columns[0].zh, column: r.keyCol, index: 0 };
    const valueCell = { header: r.valueHeader, column: r.valueCol, index: 1 };
    if (keyText === "") {
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          msg(
            `设置项名称空白，值“${showValue(r.value)}”未使用：请填写项目名称`,
            `A setting without a key: the value "${showValue(r.value)}" is not used`
          )
        )
      );
      continue;
    }
    const def = findSetting(keyText);
    if (!def) {
      const near = nearestSetting(keyText);
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          near
            ? msg(
                `未知的设置项“${keyText}”，已忽略：是否应为“${near.zh}”？`,
                `Unknown setting "${keyText}", ignored: did you mean "${near.zh}" (${near.en})?`
              )
            : msg(
                `未知的设置项“${keyText}”，已忽略：可用的项目见模板中的设置表`,
                `Unknown setting "${keyText}", ignored: see the template's settings sheet for the keys`
              )
        )
      );
      continue;
    }
    const earlier = seen.get(def.id);
    if (earlier !== undefined) {
      issues.push(
        issueAt(
          sheet,
          r.row,
          keyCell,
          "warning",
          msg(
            `设置项“${def.zh}”与第 ${earlier} 行重复：按第 ${earlier} 行的值，本行忽略`,
            `Setting "${def.zh}" repeats row ${earlier}: row ${earlier} counts, this row is ignored`
          )
        )
      );
      continue;
    }
    seen.set(def.id, r.row);
    if (isBlank(r.value)) continue;
    const err = excelError(r.value);
    const problem = err
      ? msg(`单元格是错误值 ${err}`, `the cell holds the error ${err}`)
      : def.read(r.value, rules);
    if (problem) {
      const fallback = def.show(defaultRules());
      const shown = fallback === null ? "空白" : String(fallback);
      const shownEn = fallback === null ? "blank" : String(fallback);
      issues.push(
        issueAt(
          sheet,
          r.row,
          valueCell,
          "warning",
          msg(
            `设置项“${def.zh}”的值“${showValue(r.value)}”无法使用：${problem.zh}。已按默认值 ${shown} 计算`,
            `Setting "${def.zh}" (${def.en}): the value "${showValue(r.value)}" cannot be used: ${problem.en}. The default ${shownEn} is used`
          )
        )
      );
    }
  }
  return { rules, issues };
}

/** The 设置 rows (项目, 值, 说明) for `rules`, in template order; [I] marks an interpretation. */
export function settingsRows(rules: Rules): OutputValue[][] {
  return SETTINGS.map((s) => [s.zh, s.show(rules), s.interpretation ? `[I] ${s.note.zh}` : s.note.zh]);
}

/** A short line of the settings that differ from the defaults, for the header line of generated sheets. */
export function settingsSummary(rules: Rules): Msg {
  const defaults = defaultRules();
  const changed = SETTINGS.filter((s) => {
    const a = s.show(rules);
    const b = s.show(defaults);
    return a !== b;
  });
  if (changed.length === 0) return msg("设置：全部为默认值", "settings: all defaults");
  return msg(
    `设置：${changed.map((s) => `${s.zh}=${s.show(rules) ?? "空白"}`).join("；")}（其余为默认值）`,
    `settings: ${changed.map((s) => `${s.en}=${s.show(rules) ?? "blank"}`).join("; ")} (others default)`
  );
}
