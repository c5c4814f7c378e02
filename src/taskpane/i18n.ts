import { createContext, useContext } from "react";
import { Locale, Msg } from "../scoring";
import { column } from "../workbook/schema";

const header = (key: string): Msg => {
  const c = column("ranking", key);
  return { zh: c.zh, en: c.en };
};

export type { Locale };

/**
 * Every word of the task pane, Chinese first, English second. Placeholders in braces ({n},
 * {sheet}) are filled by `t`. Messages that come from the engine or the workbook layer are
 * already `Msg` objects and are shown with `say`.
 */
const STRINGS = {
  appTitle: { zh: "社区考核助手", en: "Community Scorecard" },
  modeExcel: { zh: "Excel 工作簿", en: "Excel workbook" },
  modePreview: { zh: "浏览器预览", en: "Browser preview" },
  loading: { zh: "正在加载…", en: "Loading…" },
  waitingExcel: { zh: "正在等待 Excel 启动加载项…", en: "Waiting for Excel to start the add-in…" },
  waitingPreview: { zh: "不在 Excel 中？打开浏览器预览", en: "Not in Excel? Open the browser preview" },

  // Actions
  actionTemplate: { zh: "创建模板", en: "Create sheets" },
  actionTemplateHint: {
    zh: "添加缺少的输入表（带表头、格式、下拉选项）和设置表；已有的工作表不会改动",
    en: "Adds the missing input sheets (headers, formats, drop-downs) and the settings sheet; existing sheets are never touched",
  },
  actionValidate: { zh: "校验", en: "Validate" },
  actionValidateHint: {
    zh: "检查所有输入表，列出错误和警告",
    en: "Checks every input sheet and lists errors and warnings",
  },
  actionRank: { zh: "一键排名", en: "Rank" },
  actionRankHint: {
    zh: "校验无错误后计算得分和排名，写入排名、先进个人、计分明细、成绩单、校验结果等工作表",
    en: "When there are no errors, scores and ranks and writes the ranking, individuals, details, statements and issues sheets",
  },
  actionStatements: { zh: "打印成绩单", en: "Print statements" },
  actionStatementsHint: {
    zh: "打开“成绩单”工作表（每个社区一页，供签字），并说明如何打印",
    en: "Opens the 成绩单 (statements) sheet — one page per community, to be signed — and says how to print it",
  },
  actionShare: { zh: "共享准备", en: "Prepare to share" },
  actionShareHint: {
    zh: "把使用 KH. 函数的单元格转换为数值，并让同事打开文档时自动显示本窗格",
    en: "Turns KH. function cells into values and makes the pane open with the document for colleagues",
  },

  // Tabs
  tabResults: { zh: "排名", en: "Ranking" },
  tabIssues: { zh: "问题", en: "Issues" },
  tabWorkplan: { zh: "工作要点", en: "Work plan" },
  tabSettings: { zh: "设置", en: "Settings" },
  tabShare: { zh: "共享", en: "Share" },

  // Progress
  progressRead: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  progressCompute: { zh: "正在计算得分和排名…", en: "Scoring and ranking…" },
  progressWrite: { zh: "正在写入工作表…", en: "Writing the sheets…" },
  progressFormat: { zh: "正在设置格式和图表…", en: "Formatting and adding the chart…" },
  busy: { zh: "处理中…", en: "Working…" },

  // Template
  templateCreated: { zh: "已创建：{list}", en: "Created: {list}" },
  templateSkipped: { zh: "已存在、未改动：{list}", en: "Already there, not touched: {list}" },
  templateNothing: {
    zh: "所有输入表都已存在，没有改动任何工作表",
    en: "Every input sheet is already there; nothing was changed",
  },

  // Validation
  issuesNone: { zh: "没有发现问题", en: "No problems found" },
  issuesSummary: { zh: "{errors} 个错误，{warnings} 个警告", en: "{errors} errors, {warnings} warnings" },
  issuesNotYet: { zh: "点击“校验”检查工作簿", en: "Click Validate to check the workbook" },
  issuesClickHint: {
    zh: "点击（或按 Enter）某条问题可选中对应单元格",
    en: "Click an issue (or press Enter on it) to select its cell",
  },
  severityError: { zh: "错误", en: "Error" },
  severityWarning: { zh: "警告", en: "Warning" },
  issueRow: { zh: "第 {row} 行", en: "row {row}" },
  issueSheetLevel: { zh: "整张表", en: "whole sheet" },
  validatedAt: { zh: "校验时间 {time}", en: "Validated at {time}" },
  selectFailed: {
    zh: "无法选中 {sheet}!{cell}：工作表可能已改名或删除，请重新校验",
    en: "Cannot select {sheet}!{cell}: the sheet may have been renamed or deleted; validate again",
  },
  peekTitle: { zh: "{sheet} 工作表 {cell} 附近", en: "Around {cell} on {sheet}" },

  // Ranking
  rankRefused: {
    zh: "有 {errors} 个错误，未排名、未写入任何工作表。请改正下列错误后再试：",
    en: "{errors} errors: nothing was ranked or written. Fix these and try again:",
  },
  rankWarningsAllowed: {
    zh: "有 {warnings} 个警告（不影响排名），见“问题”",
    en: "{warnings} warnings (ranking allowed), see Issues",
  },
  rankDone: { zh: "排名完成，已写入：{list}", en: "Ranked. Written: {list}" },
  rankKept: {
    zh: "工作表“{name}”不是本加载项生成的，已保留；结果写在“{other}”",
    en: 'Sheet "{name}" was not made by this add-in and is kept; the result went to "{other}"',
  },
  rankNone: { zh: "尚未排名。点击“一键排名”", en: "Not ranked yet. Click Rank" },
  statementsNone: {
    zh: "还没有成绩单：请先点击“一键排名”，它会生成“成绩单”工作表",
    en: "No statements yet: click Rank first; it makes the 成绩单 (statements) sheet",
  },
  statementsShown: {
    zh: "已打开“{name}”：每个社区一页，打印后由考核组和社区负责人签字",
    en: 'Opened "{name}": one page per community, to be signed by the assessment group and the community head',
  },
  statementsFound: {
    zh: "“{name}”在下载的文件中：每个社区一页，打印后由考核组和社区负责人签字",
    en: '"{name}" is in the downloaded file: one page per community, to be signed by the assessment group and the community head',
  },
  statementsHowExcel: {
    zh: "打印：文件 → 打印（或 Ctrl+P），在“设置”中选“打印活动工作表”只打印成绩单（选“打印整个工作簿”会连其他表一起打印）；纸张、页眉页脚和分页已设好：A4 纵向，每个社区从新的一页开始",
    en: "To print: File → Print (or Ctrl+P); under Settings choose Print Active Sheets to print the statements only (Print Entire Workbook prints every sheet); paper, header, footer and page breaks are set: A4 portrait, each community on a new page",
  },
  statementsHowPreview: {
    zh: "打印：点击“下载”，用 Excel、WPS 或 LibreOffice 打开下载的文件，选中“{name}”工作表，文件 → 打印（Ctrl+P），选“打印活动工作表”（不要选整个工作簿）",
    en: 'To print: click Download, open the file in Excel, WPS or LibreOffice, select the "{name}" sheet, File → Print (Ctrl+P), choose the active sheet (not the entire workbook)',
  },
  statementsStale: {
    zh: "“{name}”已过期：输入在生成后有改动，请先点击“一键排名”再打印",
    en: '"{name}" is out of date: the inputs changed after it was made; click Rank before printing',
  },
  rankTop: { zh: "排名前 {n} 位", en: "Top {n}" },
  rankAll: { zh: "全部 {n} 个社区", en: "All {n} communities" },
  showAll: { zh: "显示全部", en: "Show all" },
  showTop: { zh: "只显示前 {n} 位", en: "Show top {n}" },
  // Column names of the ranking are the schema's (the generated 排名 sheet's headers).
  colRank: header("rank"),
  colCommunity: header("community"),
  colTarget: header("target"),
  colRewards: header("rewards"),
  colTotal: header("total"),
  colConverted: header("converted"),
  colAdvanced: { zh: "先进", en: "Advanced" },
  advancedYes: { zh: "先进社区", en: "Advanced" },
  advancedPerson: { zh: "先进个人", en: "Advanced" },
  advancedTie: { zh: "并列待定", en: "Tie: decide" },
  notEligible: { zh: "村改居不参评", en: "Not eligible" },
  notEligibleHint: {
    zh: "村改居纳入农村先进单位评定，不参加先进社区和先进个人评比",
    en: "村改居 (village-to-community) units are assessed with the rural units: not eligible for advanced community or individual",
  },
  tieHint: {
    zh: "最后一个名额处并列，请考核组决定",
    en: "The last place falls in a tie: the assessment group decides",
  },
  individualsTitle: { zh: "先进个人", en: "Advanced individuals" },
  confirmReplaceTitle: { zh: "替换已生成的工作表？", en: "Replace generated sheets?" },
  confirmReplaceBody: {
    zh: "以下工作表是本加载项上次生成的，将被删除并重新生成（Excel 无法撤销加载项的修改）：{list}。输入表不会改动。",
    en: "These sheets were generated by this add-in last time and will be deleted and rebuilt (Excel cannot undo add-in edits): {list}. Input sheets are not changed.",
  },
  confirmContinue: { zh: "继续", en: "Continue" },
  confirmCancel: { zh: "取消", en: "Cancel" },
  cancelled: { zh: "已取消，没有改动工作簿", en: "Cancelled; the workbook was not changed" },
  syncsUsed: { zh: "（与 Excel 往返 {n} 次）", en: "({n} round trips to Excel)" },
  degradedPreview: { zh: "浏览器预览中略过：{list}", en: "Left out in the browser preview: {list}" },
  degradedNote: {
    zh: "此版本 Excel 不支持部分功能，已略过：{list}",
    en: "This Excel lacks some features, skipped: {list}",
  },

  // Work plan
  workplanNone: {
    zh: "工作簿中没有“工作要点”表。可用“创建模板”添加（含 21 项要点）",
    en: "The workbook has no 工作要点 (work plan) sheet. Create sheets adds it with the 21 points",
  },
  workplanTotal: { zh: "共 {n} 项要点", en: "{n} points" },
  workplanPercent: { zh: "完成率 {p}", en: "{p} complete" },
  statusDone: { zh: "已完成", en: "Done" },
  statusInProgress: { zh: "推进中", en: "In progress" },
  statusNotStarted: { zh: "未启动", en: "Not started" },
  statusAdjusted: { zh: "已调整", en: "Adjusted" },
  workplanSections: { zh: "各部分进度", en: "Progress by section" },
  workplanOverdue: { zh: "已过完成时限（截至 {today}）", en: "Past due (as of {today})" },
  workplanNoOwner: { zh: "未填责任单位", en: "No owner" },
  workplanNoneOverdue: { zh: "没有逾期的要点", en: "Nothing is past due" },
  workplanAllOwned: { zh: "每项要点都有责任单位", en: "Every point has an owner" },
  workplanWhereDue: { zh: "（第 {row} 行，时限 {due}）", en: "(row {row}, due {due})" },
  workplanWhere: { zh: "（第 {row} 行）", en: "(row {row})" },
  workplanGenerate: { zh: "生成工作要点汇总表", en: "Generate the work-plan summary sheet" },
  workplanGenerated: { zh: "已写入“{name}”", en: 'Written: "{name}"' },
  workplanRefresh: { zh: "刷新", en: "Refresh" },

  // Settings
  settingsTitle: { zh: "当前生效的规则", en: "Rules in force" },
  settingsIntro: {
    zh: "“设置”表中填写的值优先；没有填写的项目按默认值（原文规定）。标 [I] 的是对原文含糊之处的理解，可在设置表中修改。",
    en: "Values on the 设置 sheet win; keys not filled in take the defaults (the seed's figures). [I] marks an interpretation of an ambiguous clause, changeable on the 设置 sheet.",
  },
  settingsKey: { zh: "项目", en: "Key" },
  settingsValue: { zh: "生效值", en: "In force" },
  settingsDefault: { zh: "默认值", en: "Default" },
  settingsSource: { zh: "来源", en: "Source" },
  settingsFromSheet: { zh: "设置表", en: "设置 sheet" },
  settingsFromDefault: { zh: "默认", en: "default" },
  settingsNoSheet: {
    zh: "工作簿中没有“设置”表：全部按默认值",
    en: "No 设置 sheet: every rule takes its default",
  },
  settingsBlank: { zh: "（空白）", en: "(blank)" },
  settingsIssues: { zh: "设置表中的问题", en: "Problems on the 设置 sheet" },

  // Share
  shareTitle: { zh: "发给同事前", en: "Before you send the workbook" },
  shareCount: {
    zh: "工作簿中有 {n} 个单元格使用了本加载项的 KH. 函数（{sheets}）",
    en: "{n} cells in the workbook use this add-in's KH. functions ({sheets})",
  },
  shareCountNone: {
    zh: "工作簿中没有使用 KH. 函数的单元格",
    en: "No cell in the workbook uses the KH. functions",
  },
  shareCheck: { zh: "检查", en: "Check" },
  shareConfirmTitle: { zh: "把 KH. 函数转换为数值？", en: "Turn KH. functions into values?" },
  shareConfirmBody: {
    zh: "将把 {n} 个使用 KH. 函数的单元格替换为当前显示的数值（{sheets}）。公式会被删除，Excel 无法撤销此操作；需要公式时请先另存一份。",
    en: "{n} cells that use KH. functions will be replaced by the values they show now ({sheets}). The formulas are removed and Excel cannot undo this; save a copy first if you need them.",
  },
  shareUnsettled: {
    zh: "有 {n} 个使用 KH. 函数的单元格显示错误或仍在计算，没有转换任何单元格：请先让 Excel 重新计算（“公式”→“开始计算”，或按 Ctrl+Alt+F9），等它们显示结果后再点“共享准备”",
    en: "{n} cells that use KH. functions show an error or are still calculating, so nothing was converted: have Excel recalculate (Formulas → Calculate Now, or Ctrl+Alt+F9) and choose Prepare to share once they show results",
  },
  shareUnsettledCell: { zh: "{sheet}!{cell} 显示 {shows}", en: "{sheet}!{cell} shows {shows}" },
  staleShareTitle: {
    zh: "结果已过期，仍要共享准备？",
    en: "Results out of date: prepare for sharing anyway?",
  },
  staleShareBody: {
    zh: "{why}。建议先点“一键排名”重新生成，再共享。",
    en: "{why}. Rank again first, then share.",
  },
  shareConverted: { zh: "已把 {n} 个单元格转换为数值", en: "{n} cells turned into values" },
  shareAutoOpen: {
    zh: "已标记文档：安装了本加载项的同事打开此文档时会自动显示考核助手窗格",
    en: "The document is marked: colleagues who have the add-in get the pane when they open it",
  },
  shareAutoOpenFailed: {
    zh: "无法标记文档自动打开窗格：{why}",
    en: "Could not mark the document to open the pane: {why}",
  },
  shareRecipient: { zh: "没有安装本加载项的同事会看到：", en: "A colleague without the add-in sees:" },
  shareRecipient1: {
    zh: "排名、先进个人、计分明细、校验结果等生成的工作表：都是数值，可以正常查看、打印、筛选；",
    en: "the generated sheets (ranking, individuals, details, issues): plain values, readable, printable, filterable;",
  },
  shareRecipient2: {
    zh: "已转换的单元格：显示转换时的数值，不再随输入变化；",
    en: "converted cells: the values at conversion time; they no longer follow the inputs;",
  },
  shareRecipient3: {
    zh: "未转换的 KH. 函数单元格：重新计算后显示 #NAME?；",
    en: "KH. function cells not converted: #NAME? once Excel recalculates;",
  },
  shareRecipient4: {
    zh: "不会出现考核助手窗格，也不能一键排名；输入表照常可编辑。",
    en: "no task pane and no one-click ranking; the input sheets stay editable as usual.",
  },
  sharePreviewNote: {
    zh: "浏览器预览中：下载的文件里，KH. 函数单元格会换成文件中保存的数值；自动打开窗格的标记只能在 Excel 中设置。",
    en: "In the preview: in the downloaded file KH. function cells are replaced by the values saved in the file; the open-the-pane mark can only be set in Excel.",
  },

  // Preview bar
  previewFile: { zh: "当前工作簿：{name}", en: "Workbook: {name}" },
  previewOpen: { zh: "打开 .xlsx…", en: "Open .xlsx…" },
  previewSample: { zh: "载入示例", en: "Load sample" },
  previewDownload: { zh: "下载结果", en: "Download" },
  previewDownloaded: { zh: "已下载 {name}", en: "Downloaded {name}" },
  previewOpened: { zh: "已打开 {name}", en: "Opened {name}" },
  previewOpenFailed: { zh: "无法打开 {name}：{why}", en: "Cannot open {name}: {why}" },
  previewIntro: {
    zh: "这是浏览器预览：工作簿保存在本页面中，不会上传。适用于没有 Excel（WPS、LibreOffice）的用户：打开 .xlsx、校验、排名，然后下载结果。",
    en: "This is the browser preview: the workbook stays in this page and is never uploaded. For people without Excel (WPS, LibreOffice): open an .xlsx, validate, rank, then download the result.",
  },
  sampleName: { zh: "示例工作簿.xlsx", en: "sample-workbook.xlsx" },
  downloadName: { zh: "{base}（考核结果）.xlsx", en: "{base}-results.xlsx" },

  errorUnexpected: { zh: "出错了：{why}", en: "Something went wrong: {why}" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  language: { zh: "English", en: "中文" },
} satisfies Record<string, Msg>;

export type StringKey = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;

/** The string `key` in `locale`, with {placeholders} filled from `vars`. */
export function t(locale: Locale, key: StringKey, vars: Vars = {}): string {
  const m: Msg = STRINGS[key];
  const text = locale === "en-US" ? m.en : m.zh;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Every key (tests check that both languages are filled). */
export function stringKeys(): StringKey[] {
  return Object.keys(STRINGS) as StringKey[];
}

export function rawString(key: StringKey): Msg {
  return STRINGS[key];
}

/** zh-CN first: English only when Office (or the URL) says English. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return language && /^en\b/i.test(language.trim()) ? "en-US" : "zh-CN";
}

/** `?lang=en-US` (or `lang=en`) in the preview URL; null when absent. */
export function localeFromSearch(search: string): Locale | null {
  const lang = new URLSearchParams(search).get("lang");
  return lang === null ? null : localeFromLanguage(lang);
}

/** List separator of the locale: 、 in Chinese, ", " in English. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "en-US" ? ", " : "、");
}

export interface I18n {
  locale: Locale;
  t: (key: StringKey, vars?: Vars) => string;
  say: (m: Msg) => string;
  list: (items: readonly string[]) => string;
}

export function makeI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, vars) => t(locale, key, vars),
    say: (m) => (locale === "en-US" ? m.en : m.zh),
    list: (items) => joinList(locale, items),
  };
}

export const I18nContext = createContext<I18n>(makeI18n("zh-CN"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
