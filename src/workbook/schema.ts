import { CATEGORIES, CategoryKey, LEVEL_CHOICES_ZH, Msg, RecordSource } from "../scoring";

/**
 * The one schema of the workbook (规则 §6). The template, the reader, the validation messages,
 * the generated sheets, the task pane and the CLI all take sheet and column names from here;
 * nothing else spells a header.
 */
export type ColumnType =
  "text" | "number" | "yesno" | "level" | "communityType" | "communityList" | "status" | "date";

export interface ColumnSchema {
  /** Stable key; for input sheets it is the engine's field name (EngineIssue.field). */
  key: string;
  zh: string;
  /** The English header alias (read as well as `zh`; a CamelCase name where it is several words). */
  en: string;
  /** English words for people where `en` is an identifier (the pane and `--lang en` show them). */
  label?: string;
  type: ColumnType;
  required: boolean;
  /** Value a blank cell takes (yes/no columns, type). */
  fallback?: boolean | string;
  /** Drop-down list for the template. */
  choices?: readonly string[];
  /** Column width in characters. */
  width: number;
  /** Excel number format for the template/generated column. */
  numberFormat?: string;
}

/** The engine's record collections (RecordSource), each a sheet, and the work plan's sheet. */
export type InputSheetKey = RecordSource | "workplan";

export type GeneratedSheetKey =
  | "ranking"
  | "individuals"
  | "details"
  | "statements"
  | "issues"
  | "workplanSummary"
  | "notice"
  | "comparison";

export type SheetKey = InputSheetKey | GeneratedSheetKey;

export interface SheetSchema {
  key: SheetKey;
  zh: string;
  en: string;
  generated: boolean;
  /** A missing required input sheet is an error; a missing optional one means "no records". */
  required: boolean;
  columns: readonly ColumnSchema[];
}

export const YES_NO_CHOICES = ["是", "否"] as const;
export const COMMUNITY_TYPES = ["社区", "村改居"] as const;
export const WORKPLAN_STATUSES = ["未启动", "推进中", "已完成", "已调整"] as const;
export type WorkplanStatus = (typeof WORKPLAN_STATUSES)[number];
/** 考核组决定: which list (类别) and what was decided (决定), in the order of DecisionKind and true/false. */
export const DECISION_KINDS = ["先进社区", "先进个人"] as const;
export const DECISION_CHOICES = ["先进", "非先进"] as const;

const col = (
  key: string,
  zh: string,
  en: string,
  type: ColumnType,
  width: number,
  extra: Partial<ColumnSchema> = {}
): ColumnSchema => ({
  key,
  zh,
  en,
  type,
  width,
  required: false,
  ...(type === "level" ? { choices: LEVEL_CHOICES_ZH } : {}),
  ...(type === "yesno" ? { choices: YES_NO_CHOICES } : {}),
  ...(type === "number" ? { numberFormat: "0.00" } : {}),
  ...extra,
});
const req = { required: true };
/** A 是/否 column: a blank cell reads as `fallback`; `label` where the alias is CamelCase. */
const yesNo = (key: string, zh: string, en: string, width: number, fallback: boolean, label?: string) =>
  col(key, zh, en, "yesno", width, label ? { fallback, label } : { fallback });

const CATEGORY_HEADERS: Record<CategoryKey, [string, string]> = {
  foundation: ["社区基础", "Foundation"],
  service: ["社区服务", "Service"],
  culture: ["社区文化", "Culture"],
  environment: ["社区环境卫生", "Environment"],
  brand: ["一居一品", "Brand"],
  admin: ["行政事务", "Admin"],
};
const categoryColumns = CATEGORIES.map((c) =>
  col(c, CATEGORY_HEADERS[c][0], CATEGORY_HEADERS[c][1], "number", 12)
);

export const SHEETS: Record<SheetKey, SheetSchema> = {
  communities: {
    key: "communities",
    zh: "社区",
    en: "Communities",
    generated: false,
    required: true,
    columns: [
      col("name", "社区", "Community", "text", 16, req),
      col("type", "类型", "Type", "communityType", 10, { fallback: "社区", choices: COMMUNITY_TYPES }),
      col("code", "编号", "Code", "text", 10),
    ],
  },
  targets: {
    key: "targets",
    zh: "目标管理",
    en: "Targets",
    generated: false,
    required: true,
    columns: [col("community", "社区", "Community", "text", 16, req), ...categoryColumns],
  },
  honors: {
    key: "honors",
    zh: "荣誉",
    en: "Honors",
    generated: false,
    required: false,
    columns: [
      col("community", "社区", "Community", "text", 16, req),
      col("honor", "荣誉名称", "Honor", "text", 30, req),
      col("kind", "荣誉类别", "HonorKind", "text", 16, { label: "Kind of honor" }),
      col("level", "级别", "Level", "level", 10, req),
      yesNo("lineDept", "条线表彰", "LineDept", 10, false, "Line department"),
      col("issuer", "发文单位", "Issuer", "text", 20),
      col("docNo", "文号", "DocNo", "text", 20, { label: "Document no." }),
      yesNo("approved", "考核组认可", "Approved", 12, false),
    ],
  },
  basicPublicity: {
    key: "basicPublicity",
    zh: "基础宣传",
    en: "BasicPublicity",
    generated: false,
    required: false,
    columns: [
      col("community", "社区", "Community", "text", 16, req),
      col("score", "得分", "Score", "number", 10, req),
    ],
  },
  publicity: {
    key: "publicity",
    zh: "宣传报道",
    en: "Publicity",
    generated: false,
    required: false,
    columns: [
      col("communities", "社区", "Community", "communityList", 24, req),
      col("title", "标题", "Title", "text", 36, req),
      col("contentKey", "同稿标识", "ContentKey", "text", 12, { label: "Same-story key" }),
      col("level", "级别", "Level", "level", 10, req),
      col("media", "媒体", "Media", "text", 16),
      yesNo("communityBuilding", "以社区建设为主", "CommunityBuilding", 14, true, "About community building"),
      yesNo("authorIsStaff", "作者为本社区工作人员", "AuthorIsStaff", 18, true, "Author on the staff"),
      yesNo("communityIsSubject", "以社区为主体", "CommunityIsSubject", 12, true, "Community as the subject"),
      yesNo("countedInTargets", "计入目标管理任务", "CountedInTargets", 16, false, "Counted in the targets"),
    ],
  },
  contributions: {
    key: "contributions",
    zh: "重要贡献",
    en: "Contributions",
    generated: false,
    required: false,
    columns: [
      col("community", "社区", "Community", "text", 16, req),
      col("line", "条线", "Line", "text", 12, req),
      col("matter", "事项", "Matter", "text", 30),
      col("points", "加分", "Points", "number", 8, req),
      yesNo("leaderAgreed", "分管领导意见", "LeaderAgreed", 14, false, "Leader agreed"),
    ],
  },
  staff: {
    key: "staff",
    zh: "人员",
    en: "Staff",
    generated: false,
    required: false,
    columns: [
      col("name", "姓名", "Name", "text", 12, req),
      col("community", "社区", "Community", "text", 16, req),
      col("score", "个人考核得分", "Score", "number", 14, req),
    ],
  },
  decisions: {
    key: "decisions",
    zh: "考核组决定",
    en: "Decisions",
    generated: false,
    required: false,
    columns: [
      col("kind", "类别", "Kind", "text", 10, { required: true, choices: DECISION_KINDS }),
      col("name", "名称", "Name", "text", 16, req),
      col("community", "社区", "Community", "text", 16),
      col("decision", "决定", "Decision", "text", 8, { required: true, choices: DECISION_CHOICES }),
      col("reason", "理由", "Reason", "text", 40),
      col("basis", "依据", "Basis", "text", 24),
    ],
  },
  settings: {
    key: "settings",
    zh: "设置",
    en: "Settings",
    generated: false,
    required: false,
    columns: [
      col("key", "项目", "Key", "text", 28, req),
      col("value", "值", "Value", "text", 40),
      col("note", "说明", "Note", "text", 60),
    ],
  },
  workplan: {
    key: "workplan",
    zh: "工作要点",
    en: "WorkPlan",
    generated: false,
    required: false,
    columns: [
      col("no", "序号", "No", "number", 6, { numberFormat: "0" }),
      col("section", "部分", "Section", "text", 30, req),
      col("point", "要点", "Point", "text", 30, req),
      col("detail", "内容", "Detail", "text", 60),
      col("owner", "责任单位", "Owner", "text", 16),
      col("due", "完成时限", "Due", "date", 12, { numberFormat: "yyyy-mm-dd" }),
      col("status", "状态", "Status", "status", 10, { fallback: "未启动", choices: WORKPLAN_STATUSES }),
      col("evidence", "进展与佐证", "Evidence", "text", 40),
      col("note", "备注", "Note", "text", 20),
    ],
  },
  ranking: {
    key: "ranking",
    zh: "排名",
    en: "Ranking",
    generated: true,
    required: false,
    columns: [
      col("rank", "名次", "Rank", "number", 6, { numberFormat: "0" }),
      col("community", "社区", "Community", "text", 16),
      col("type", "类型", "Type", "text", 8),
      ...categoryColumns,
      col("target", "目标管理得分", "Target", "number", 12),
      col("honor", "业绩优秀奖", "Honors", "number", 10),
      col("basicPublicity", "基础宣传", "BasicPublicity", "number", 10, { label: "Basic publicity" }),
      col("externalPublicity", "对外宣传", "ExternalPublicity", "number", 10, {
        label: "External publicity",
      }),
      col("contribution", "重要贡献奖", "Contributions", "number", 10),
      col("rewards", "单项奖励", "Rewards", "number", 10),
      col("total", "综合得分", "Total", "number", 10),
      col("converted", "折算分", "Converted", "number", 10),
      col("advanced", "先进社区", "Advanced", "text", 10),
      col("gapToCut", "距先进线", "GapToCut", "number", 10, { label: "Gap to the cut" }),
      col("gapToAbove", "距上一名", "GapToAbove", "number", 10, { label: "Behind the one above" }),
      col("money", "奖金（元）", "Money (yuan)", "number", 12),
      // Only when two communities show the same 综合得分 but rank apart on the exact values.
      col("note", "说明", "Note", "text", 30),
    ],
  },
  individuals: {
    key: "individuals",
    zh: "先进个人",
    en: "Individuals",
    generated: true,
    required: false,
    columns: [
      col("rank", "名次", "Rank", "number", 6, { numberFormat: "0" }),
      col("name", "姓名", "Name", "text", 12),
      col("community", "社区", "Community", "text", 16),
      col("score", "个人考核得分", "Score", "number", 14),
      col("advanced", "先进个人", "Advanced", "text", 10),
      col("money", "奖金（元）", "Money (yuan)", "number", 12),
    ],
  },
  details: {
    key: "details",
    zh: "计分明细",
    en: "Details",
    generated: true,
    required: false,
    columns: [
      col("sheet", "来源表", "Sheet", "text", 10),
      col("row", "行号", "Row", "number", 6, { numberFormat: "0" }),
      col("community", "社区", "Community", "text", 16),
      col("item", "项目", "Item", "text", 36),
      col("points", "得分", "Points", "number", 8),
      col("reason", "计分依据", "Reason", "text", 70),
    ],
  },
  statements: {
    key: "statements",
    zh: "成绩单",
    en: "Statements",
    generated: true,
    required: false,
    // One block per community (src/workbook/statements.ts): the columns hold labels, maxima, points
    // and reasons; the widths are minima, widened (within caps) to the longest item and reason.
    columns: [
      col("item", "项目", "Item", "text", 22),
      col("max", "满分", "Max", "number", 8),
      col("points", "得分", "Points", "number", 10),
      col("reason", "计分依据", "Reason", "text", 30),
    ],
  },
  notice: {
    key: "notice",
    zh: "公示名单",
    en: "Notice",
    generated: true,
    required: false,
    // A document (src/workbook/sheets/notice.ts): the columns hold the advanced lists.
    columns: [
      col("rank", "名次", "Rank", "text", 10),
      col("name", "名称", "Name", "text", 24),
      col("total", "综合得分", "Total", "text", 20),
      col("converted", "折算分", "Converted", "text", 14),
    ],
  },
  issues: {
    key: "issues",
    zh: "校验结果",
    en: "Issues",
    generated: true,
    required: false,
    columns: [
      col("severity", "级别", "Severity", "text", 8),
      col("sheet", "工作表", "Sheet", "text", 10),
      col("row", "行号", "Row", "number", 6, { numberFormat: "0" }),
      col("column", "列", "Column", "text", 14),
      col("message", "问题与修改办法", "Message", "text", 80),
    ],
  },
  workplanSummary: {
    key: "workplanSummary",
    zh: "工作要点汇总",
    en: "WorkPlanSummary",
    generated: true,
    required: false,
    columns: [
      col("section", "部分", "Section", "text", 40),
      col("total", "要点数", "Total", "number", 8, { numberFormat: "0" }),
      col("done", "已完成", "Done", "number", 8, { numberFormat: "0" }),
      col("inProgress", "推进中", "InProgress", "number", 8, { numberFormat: "0", label: "In progress" }),
      col("notStarted", "未启动", "NotStarted", "number", 8, { numberFormat: "0", label: "Not started" }),
      col("adjusted", "已调整", "Adjusted", "number", 8, { numberFormat: "0" }),
      col("percent", "完成率", "Completion", "number", 8, { numberFormat: "0.0%" }),
    ],
  },
  // compare --out (src/workbook/sheets/comparison.ts): a history sheet, never stale.
  comparison: {
    key: "comparison",
    zh: "比较结果",
    en: "Comparison",
    generated: true,
    required: false,
    columns: [
      col("change", "变动", "Change", "text", 10),
      col("sheet", "工作表", "Sheet", "text", 10),
      col("record", "记录", "Record", "text", 30),
      col("column", "列", "Column", "text", 14),
      col("before", "比较前", "Before", "text", 24),
      col("after", "比较后", "After", "text", 24),
      col("rowBefore", "原行号", "RowBefore", "number", 8, { numberFormat: "0", label: "Row before" }),
      col("rowAfter", "现行号", "RowAfter", "number", 8, { numberFormat: "0", label: "Row after" }),
    ],
  },
};

export const INPUT_SHEETS: readonly InputSheetKey[] = [
  "communities",
  "targets",
  "honors",
  "basicPublicity",
  "publicity",
  "contributions",
  "staff",
  "decisions",
  "settings",
  "workplan",
];

export const GENERATED_SHEETS: readonly GeneratedSheetKey[] = [
  "ranking",
  "individuals",
  "details",
  "statements",
  "issues",
  "workplanSummary",
  "notice",
  "comparison",
];

/** A column's name for people: the header in Chinese, English words (not the alias's CamelCase). */
export function columnWords(sheet: SheetKey, key: string): Msg {
  const c = column(sheet, key);
  return { zh: c.zh, en: c.label ?? c.en };
}

export function column(sheet: SheetKey, key: string): ColumnSchema {
  const found = SHEETS[sheet].columns.find((c) => c.key === key);
  if (!found) throw new Error(`schema: no column ${key} on ${sheet}`);
  return found;
}

/*
 * The keys of the 设置 sheet (its rows, not columns) are one table of their own, with their
 * types, defaults and notes: src/workbook/settings/table.ts.
 */
