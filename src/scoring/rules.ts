import { Exact } from "./exact";
import { Level } from "./levels";

/** The six target-management categories of 规则 §2, in the seed's order. */
export const CATEGORIES = ["foundation", "service", "culture", "environment", "brand", "admin"] as const;
export type CategoryKey = (typeof CATEGORIES)[number];

export type RankingMode = "total" | "targetFirst";

/** Which publicity levels the "以社区为主体" condition applies to [I]. */
export type SubjectRuleScope = "all" | "national";

/**
 * Every number of the assessment in one typed object. Defaults are the seed's figures; the 设置
 * sheet overrides any of them (src/workbook/settings/), so a town that reads the text
 * differently changes a setting, not code.
 */
export interface Rules {
  /** Points per honor by level. */
  honorPoints: Record<Level, Exact>;
  /** How many levels lower a line-department commendation counts. */
  lineDeptLevelsDown: number;
  /** What a line-department commendation at the lowest level counts. */
  lineDeptTownPoints: Exact;
  /** Points per external article by the outlet's level. */
  publicityPoints: Record<Level, Exact>;
  /** Where "reported with the community as the subject" is required [I]. */
  subjectRuleScope: SubjectRuleScope;
  /** Basic publicity: 0 (none) or a score in [min, max]. */
  basicPublicityMin: Exact;
  basicPublicityMax: Exact;
  /** Important contributions: cap per line and per community. */
  contributionLineCap: Exact;
  contributionTotalCap: Exact;
  /** Maximum per target category; they must add up to 100 [I]. */
  categoryMax: Record<CategoryKey, Exact>;
  /** Share of the total that enters the cadre bonus scheme. */
  conversionRate: Exact;
  advancedCommunities: number;
  advancedIndividuals: number;
  rankingMode: RankingMode;
  /** Bonus pool in yuan, shared in proportion to converted scores; null = none. */
  bonusPool: Exact | null;
  /** Yuan per converted point; null = none. Ignored when a pool is set. */
  bonusPerPoint: Exact | null;
  /** The known lines (条线) for contributions; a line outside it is a warning. */
  lines: string[];
  /** Assessment year, shown in headers only. */
  year: number | null;
  /** Document settings (公示, 申报): words for printed documents, never a scoring rule. */
  document: DocumentSettings;
}

/**
 * Settings of the documents around the result (the 公示 notice, the call for entries): blank by
 * default, and not part of what is scored — they stay out of the inputs' fingerprint.
 */
export interface DocumentSettings {
  /** 申报截止日期, "YYYY-MM-DD". */
  applyDeadline: string | null;
  /** 考核编号. */
  assessmentCode: string | null;
  /** 公示单位: who posts and signs the notice. */
  noticeUnit: string | null;
  /** 公示开始日期, "YYYY-MM-DD". */
  noticeStart: string | null;
  /** 公示天数 (calendar days, the first day counted). */
  noticeDays: number;
  /** 异议联系人 and 联系电话. */
  objectionContact: string | null;
  contactPhone: string | null;
}

const n = (v: number) => Exact.fromNumber(v);

export const DEFAULT_RULES: Readonly<Rules> = Object.freeze({
  // 获得区镇、、、省级、全国荣誉的，有一项相应加1分、2分、5分、10分、15分 (blanks read as 区级, 市级 [I])
  honorPoints: { town: n(1), district: n(2), city: n(5), province: n(10), national: n(15) },
  // 获条线部门表彰的降低一个级别
  lineDeptLevelsDown: 1,
  // 获区镇条线部门表彰的加0.5分
  lineDeptTownPoints: n(0.5),
  // 在镇级内部刊物发表的每篇加0.2分；在级每篇加0.5分；在级每篇加2分；在省级每篇加5分；在国家级每篇加10分
  publicityPoints: { town: n(0.2), district: n(0.5), city: n(2), province: n(5), national: n(10) },
  // （须以社区为主体报道的）— stated after the national level, applied to all levels [I]
  subjectRuleScope: "all",
  // 做好基础宣传……视效果得1-5分
  basicPublicityMin: n(1),
  basicPublicityMax: n(5),
  // 每一条线加分最高不超过5分，该项加分累计最高不超过20分
  contributionLineCap: n(5),
  contributionTotalCap: n(20),
  // 目标管理考核实行百分制 — the split among six items is in an attachment the seed lacks [I]
  categoryMax: {
    foundation: n(20),
    service: n(20),
    culture: n(15),
    environment: n(15),
    brand: n(15),
    admin: n(15),
  },
  // 按20%折算并入……计发奖金
  conversionRate: n(0.2),
  // 确定8个先进社区和8个先进个人
  advancedCommunities: 8,
  advancedIndividuals: 8,
  // 以目标管理考核为基础以单项奖励考核为参考 — by total, target score breaks ties [I]
  rankingMode: "total",
  // 奖金 amounts are not in the seed: no money unless set
  bonusPool: null,
  bonusPerPoint: null,
  // 招商引资、征地拆迁、建设发展、信访维稳、矛盾化解等
  lines: ["招商引资", "征地拆迁", "建设发展", "信访维稳", "矛盾化解"],
  year: null,
  // 公示 lasts 5 days unless the town sets otherwise; the other document settings are blank.
  document: {
    applyDeadline: null,
    assessmentCode: null,
    noticeUnit: null,
    noticeStart: null,
    noticeDays: 5,
    objectionContact: null,
    contactPhone: null,
  },
});

export function defaultRules(): Rules {
  return copyRules(DEFAULT_RULES);
}

/** A copy that can be changed without touching `rules` (its tables and lists copied too). */
export function copyRules(rules: Readonly<Rules>): Rules {
  return {
    ...rules,
    honorPoints: { ...rules.honorPoints },
    publicityPoints: { ...rules.publicityPoints },
    categoryMax: { ...rules.categoryMax },
    lines: [...rules.lines],
    document: { ...rules.document },
  };
}
