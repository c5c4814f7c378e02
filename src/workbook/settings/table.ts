import {
  CategoryKey,
  DocumentSettings,
  CATEGORY_NAMES,
  DEFAULT_RULES,
  Exact,
  Level,
  LEVEL_NAMES,
  msg,
  Msg,
  pts,
  Rules,
} from "../../scoring";

/**
 * The settings of the 设置 sheet (规则 §6) as ONE table: per key its id, zh name (as the 项目
 * column shows it), English alias, type, and help text. Everything else derives from it: getting
 * and setting a value (the id is a path into `Rules`), reading the sheet (read.ts), the template's
 * rows, the header summary and the pane's settings panel (render.ts), and `whatif --set` (assign.ts).
 * Defaults are not repeated here: they are `DEFAULT_RULES` (src/scoring/rules.ts, each quoting the
 * seed), reached through the same path — `settingDefault(def)`.
 */

/** Rules fields that hold one value per level or category; their settings are `field.sub`. */
type GroupField = "honorPoints" | "publicityPoints" | "categoryMax" | "document";

/** A setting's id: the path of its value in `Rules`. */
export type SettingId =
  | Exclude<keyof Rules, GroupField>
  | `honorPoints.${Level}`
  | `publicityPoints.${Level}`
  | `categoryMax.${CategoryKey}`
  | `document.${keyof DocumentSettings}`;

/** What a setting's value is, and the limits it is read under. */
export type SettingType =
  /** An exact number in [min, max] (`percent`: "20%" text is also read). Empty is not allowed. */
  | { kind: "number"; min: number; max: number; percent?: boolean }
  /** A whole number in [min, max]; `Rules` holds a plain number. */
  | { kind: "integer"; min: number; max: number }
  /** Yuan, 0 … 1e9, or none (null): blank means none. */
  | { kind: "money"; min: number; max: number }
  /** One of a few codes, written on the sheet as its zh (or en) word. */
  | { kind: "choice"; choices: Readonly<Record<string, Msg>> }
  /** A list of names separated by 、 or commas. */
  | { kind: "list" }
  /** Text as typed (a document setting: 公示单位, 联系电话); blank means none. */
  | { kind: "text" }
  /** A date ("YYYY-MM-DD" in `Rules`): a date cell, or typed as 2026-01-05 or 2026年1月5日. */
  | { kind: "date" };

/** A value as `Rules` holds it. */
export type SettingValue = Exact | number | string | readonly string[] | null;

export interface SettingDef {
  id: SettingId;
  /** The 项目 name on the 设置 sheet; a unit in （） is optional when typed (规则 §6). */
  zh: string;
  /** The English alias (also accepted as a key). */
  en: string;
  /** English words for people: the pane and the explaining answers show these, not the alias. */
  label: string;
  type: SettingType;
  /** What the key means and where the default comes from (the 说明 column; the pane's note). */
  note: Msg;
  /** True where the value is this product's interpretation of an ambiguous seed (规则 [I]). */
  interpretation: boolean;
  /**
   * A document setting (the 公示 notice, the call for entries): words for printed documents, not a
   * scoring rule — it is left out of the inputs' fingerprint (report.ts), so typing it makes no
   * result stale, and out of the header line's summary.
   */
  document?: true;
}

const POINTS: SettingType = { kind: "number", min: 0, max: 100 };
const MONEY: SettingType = { kind: "money", min: 0, max: 1e9 };
const d = DEFAULT_RULES;
/** Where the seed leaves the level's name blank (`获得区镇、、、省级、全国荣誉`), read as 区级 / 市级 [I]. */
const blankInSeed = (level: Level) => level === "district" || level === "city";
const BLANK_NOTE = "；原文此级别名称空缺，按区级、市级理解";

const honor = (level: Level, zh: string, en: string): SettingDef => ({
  id: `honorPoints.${level}`,
  zh,
  en,
  label: `Points per ${LEVEL_NAMES[level].en} honor`,
  type: POINTS,
  note: msg(
    `获得${LEVEL_NAMES[level].zh}荣誉每项加分（默认 ${pts(d.honorPoints[level])}）${blankInSeed(level) ? BLANK_NOTE : ""}`,
    `Points per ${LEVEL_NAMES[level].en} honor (default ${pts(d.honorPoints[level])})`
  ),
  interpretation: blankInSeed(level),
});

const publicity = (level: Level, zh: string, en: string): SettingDef => ({
  id: `publicityPoints.${level}`,
  zh,
  en,
  label: `Points per ${LEVEL_NAMES[level].en} article`,
  type: POINTS,
  note: msg(
    `在${LEVEL_NAMES[level].zh}媒体发表每篇加分（默认 ${pts(d.publicityPoints[level])}）${blankInSeed(level) ? BLANK_NOTE : ""}`,
    `Points per article in a ${LEVEL_NAMES[level].en} outlet (default ${pts(d.publicityPoints[level])})`
  ),
  interpretation: blankInSeed(level),
});

const categoryMax = (c: CategoryKey, zh: string, en: string): SettingDef => ({
  id: `categoryMax.${c}`,
  zh,
  en,
  label: `Maximum of ${CATEGORY_NAMES[c].en}`,
  type: POINTS,
  note: msg(
    `目标管理“${CATEGORY_NAMES[c].zh}”满分（默认 ${pts(d.categoryMax[c])}；六项合计须为 100；原文细则在附件中，默认分配为本产品的理解）`,
    `Maximum of ${CATEGORY_NAMES[c].en} (default ${pts(d.categoryMax[c])}; the six must add up to 100)`
  ),
  interpretation: true,
});

/** The points settings that are no interpretation, each plain number of `Rules` in points. */
type PointsId =
  | "lineDeptTownPoints"
  | "basicPublicityMin"
  | "basicPublicityMax"
  | "contributionLineCap"
  | "contributionTotalCap";

/** A points setting whose note says what it is, then its default and anything `more`. */
const points = (id: PointsId, zh: string, en: string, what: Msg, more: Msg = msg("", "")): SettingDef => ({
  id,
  zh,
  en,
  label: what.en,
  type: POINTS,
  note: msg(`${what.zh}（默认 ${pts(d[id])}${more.zh}）`, `${what.en} (default ${pts(d[id])}${more.en})`),
  interpretation: false,
});

/** A document setting (blank by default, no scoring rule): see `SettingDef.document`. */
function documentSetting(
  key: keyof DocumentSettings,
  zh: string,
  en: string,
  label: string,
  type: SettingType,
  note: Msg
): SettingDef {
  return { id: `document.${key}`, zh, en, label, type, note, interpretation: false, document: true };
}

/** Every key of the 设置 sheet, in the order the template lists them. */
export const SETTINGS: readonly SettingDef[] = [
  honor("town", "区镇荣誉加分", "HonorPoints.Town"),
  honor("district", "区级荣誉加分", "HonorPoints.District"),
  honor("city", "市级荣誉加分", "HonorPoints.City"),
  honor("province", "省级荣誉加分", "HonorPoints.Province"),
  honor("national", "全国荣誉加分", "HonorPoints.National"),
  {
    id: "lineDeptLevelsDown",
    zh: "条线表彰降低级别数",
    en: "LineDeptLevelsDown",
    label: "Levels down for a line department",
    type: { kind: "integer", min: 0, max: 4 },
    note: msg(
      "条线部门表彰降低几个级别计分（默认 1：获条线部门表彰的降低一个级别）",
      "How many levels lower a line-department commendation counts (default 1)"
    ),
    interpretation: false,
  },
  points(
    "lineDeptTownPoints",
    "区镇条线表彰加分",
    "LineDeptTownPoints",
    msg("区镇条线部门表彰加分", "Points of a town-level line-department commendation")
  ),
  publicity("town", "区镇宣传每篇加分", "PublicityPoints.Town"),
  publicity("district", "区级宣传每篇加分", "PublicityPoints.District"),
  publicity("city", "市级宣传每篇加分", "PublicityPoints.City"),
  publicity("province", "省级宣传每篇加分", "PublicityPoints.Province"),
  publicity("national", "全国宣传每篇加分", "PublicityPoints.National"),
  {
    id: "subjectRuleScope",
    zh: "以社区为主体适用级别",
    en: "SubjectRuleScope",
    label: "Where the subject rule applies",
    type: { kind: "choice", choices: { all: msg("全部级别", "all"), national: msg("仅国家级", "national") } },
    note: msg(
      "“须以社区为主体报道”适用于：全部级别（默认）或 仅国家级。原文写在国家级之后，本产品理解为适用全部级别",
      "Where 'the community reported as the subject' applies: 全部级别 (all, default) or 仅国家级 (national only)"
    ),
    interpretation: true,
  },
  points(
    "basicPublicityMin",
    "基础宣传最低分",
    "BasicPublicityMin",
    msg("基础宣传视效果得分的最低分", "Lowest basic-publicity score"),
    msg("；0 或空白表示没有", "; 0 or blank means none")
  ),
  points(
    "basicPublicityMax",
    "基础宣传最高分",
    "BasicPublicityMax",
    msg("基础宣传视效果得分的最高分", "Highest basic-publicity score")
  ),
  points(
    "contributionLineCap",
    "重要贡献单条线上限",
    "ContributionLineCap",
    msg("重要贡献每一条线加分上限", "Contribution cap per line")
  ),
  points(
    "contributionTotalCap",
    "重要贡献累计上限",
    "ContributionTotalCap",
    msg("重要贡献累计加分上限", "Contribution cap per community")
  ),
  categoryMax("foundation", "社区基础满分", "CategoryMax.Foundation"),
  categoryMax("service", "社区服务满分", "CategoryMax.Service"),
  categoryMax("culture", "社区文化满分", "CategoryMax.Culture"),
  categoryMax("environment", "社区环境卫生满分", "CategoryMax.Environment"),
  categoryMax("brand", "一居一品满分", "CategoryMax.Brand"),
  categoryMax("admin", "行政事务满分", "CategoryMax.Admin"),
  {
    id: "conversionRate",
    zh: "折算比例",
    en: "ConversionRate",
    label: "Conversion rate",
    type: { kind: "number", min: 0, max: 1, percent: true },
    note: msg(
      "综合得分折算比例（默认 0.2，即 20%；可填 0.2 或 20%）",
      "Share of the total entering the bonus scheme (default 0.2; 0.2 or 20%)"
    ),
    interpretation: false,
  },
  {
    id: "advancedCommunities",
    zh: "先进社区名额",
    en: "AdvancedCommunities",
    label: "Advanced communities",
    type: { kind: "integer", min: 0, max: 10000 },
    note: msg(
      `先进社区名额（默认 ${d.advancedCommunities}；村改居不参评）`,
      `Number of advanced communities (default ${d.advancedCommunities})`
    ),
    interpretation: false,
  },
  {
    id: "advancedIndividuals",
    zh: "先进个人名额",
    en: "AdvancedIndividuals",
    label: "Advanced individuals",
    type: { kind: "integer", min: 0, max: 100000 },
    note: msg(
      `先进个人名额（默认 ${d.advancedIndividuals}；村改居人员不参评）`,
      `Number of advanced individuals (default ${d.advancedIndividuals})`
    ),
    interpretation: false,
  },
  {
    id: "rankingMode",
    zh: "排名方式",
    en: "RankingMode",
    label: "How to rank",
    type: {
      kind: "choice",
      choices: { total: msg("综合得分", "total"), targetFirst: msg("目标管理优先", "target first") },
    },
    note: msg(
      "综合得分（默认：按综合得分排名，同分看目标管理得分）或 目标管理优先（按目标管理得分排名，同分看单项奖励）。原文“以目标管理考核为基础”的理解",
      "综合得分 (by total, target breaks ties; default) or 目标管理优先 (by target, rewards break ties)"
    ),
    interpretation: true,
  },
  {
    id: "bonusPool",
    zh: "奖金总额（元）",
    en: "BonusPool",
    label: "Bonus pool (yuan)",
    type: MONEY,
    note: msg(
      "奖金总额（元），按折算分比例分到各社区、再按个人考核得分分到个人；空白表示不计算奖金",
      "Bonus pool in yuan, shared by converted score; blank = no money"
    ),
    interpretation: false,
  },
  {
    id: "bonusPerPoint",
    zh: "每分奖金（元）",
    en: "BonusPerPoint",
    label: "Bonus per point (yuan)",
    type: MONEY,
    note: msg(
      "每个折算分的奖金（元）；已填奖金总额时不用；空白表示不计算奖金",
      "Yuan per converted point; ignored when a pool is set; blank = no money"
    ),
    interpretation: false,
  },
  {
    id: "lines",
    zh: "条线清单",
    en: "Lines",
    label: "Lines",
    type: { kind: "list" },
    note: msg(
      "重要贡献的条线名单，用 、 或逗号分隔；重要贡献表中不在名单里的条线会提示（防止笔误绕过单条线上限）",
      "The lines of important contributions, separated by 、 or commas; a line not listed is a warning"
    ),
    interpretation: false,
  },
  {
    id: "year",
    zh: "考核年度",
    en: "Year",
    label: "Assessment year",
    type: { kind: "integer", min: 1900, max: 2200 },
    note: msg("考核年度（只用于表头显示）", "Assessment year (shown in headers only)"),
    interpretation: false,
  },
  documentSetting(
    "applyDeadline",
    "申报截止日期",
    "ApplyDeadline",
    "Deadline for entries",
    { kind: "date" },
    msg("申报截止日期（文书用，不影响计分）", "Deadline for entries (documents only; no effect on scores)")
  ),
  documentSetting(
    "assessmentCode",
    "考核编号",
    "AssessmentCode",
    "Assessment code",
    { kind: "text" },
    msg("考核编号（文书用，不影响计分）", "Assessment code (documents only)")
  ),
  documentSetting(
    "noticeUnit",
    "公示单位",
    "NoticeUnit",
    "Posted by",
    { kind: "text" },
    msg("公示名单的发布和落款单位", "Who posts and signs the public notice")
  ),
  documentSetting(
    "noticeStart",
    "公示开始日期",
    "NoticeStart",
    "Notice starts",
    { kind: "date" },
    msg("公示开始日期，如 2026-01-05", "First day of the public notice (a date)")
  ),
  documentSetting(
    "noticeDays",
    "公示天数",
    "NoticeDays",
    "Notice days",
    { kind: "integer", min: 1, max: 365 },
    msg(
      `公示天数（默认 ${d.document.noticeDays}；含开始当天，按自然日计，截止日期自动算出）`,
      `Days of the public notice (default ${d.document.noticeDays}; calendar days, the first day counted)`
    )
  ),
  documentSetting(
    "objectionContact",
    "异议联系人",
    "ObjectionContact",
    "Contact for objections",
    { kind: "text" },
    msg("公示期间受理异议的联系人", "Who takes objections during the notice")
  ),
  documentSetting(
    "contactPhone",
    "联系电话",
    "ContactPhone",
    "Contact phone",
    { kind: "text" },
    msg("异议联系电话", "Phone for objections")
  ),
];

/** Every setting's name for people, by id: its 项目 name in Chinese, its English words (not the alias). */
export const SETTING_NAMES: Readonly<Record<SettingId, Msg>> = Object.fromEntries(
  SETTINGS.map((s) => [s.id, { zh: s.zh, en: s.label }])
) as Record<SettingId, Msg>;

// ---------------------------------------------------------------------------------------------
// Getting and setting: the id is the path of the value in `Rules`.

/** The object holding a setting's value in `rules`, and the value's name in it. */
function slot(rules: Readonly<Rules>, id: SettingId): { holder: Record<string, unknown>; name: string } {
  const dot = id.indexOf(".");
  if (dot < 0) return { holder: rules as unknown as Record<string, unknown>, name: id };
  const group = id.slice(0, dot) as GroupField;
  return { holder: rules[group] as unknown as Record<string, unknown>, name: id.slice(dot + 1) };
}

/** The value of a setting in `rules`. */
export function getSetting(rules: Readonly<Rules>, def: SettingDef): SettingValue {
  const { holder, name } = slot(rules, def.id);
  return holder[name] as SettingValue;
}

/** Puts a value (as `parseSettingValue` gives it) into `rules`. */
export function setSetting(rules: Rules, def: SettingDef, value: SettingValue): void {
  const { holder, name } = slot(rules, def.id);
  holder[name] = Array.isArray(value) ? [...value] : value;
}

/** The default of a setting: `DEFAULT_RULES` (which quotes the seed) at the setting's path. */
export function settingDefault(def: SettingDef): SettingValue {
  return getSetting(DEFAULT_RULES, def);
}
