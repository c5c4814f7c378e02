import { CATEGORIES, Exact, Locale, msg, Msg, Rules, say } from "../scoring";
import { columnLetters } from "./cells";
import { InputSheetKey, SHEETS } from "./schema";
import { CellRule, ColumnGuard } from "./types";

/**
 * Inputs guarded where they are typed (the template of the CLI, the pane's 创建模板 and the
 * preview alike): each input column's data validation as data — a drop-down, a number range,
 * and an input prompt quoting the column's rule in one line. The hosts only translate it
 * (the OOXML writer, Office.js). Numbers and lists come from the rules in force, so the
 * prompt says what the scoring will do.
 */

/** Excel's limits on an input prompt. */
export const PROMPT_TITLE_CHARS = 32;
export const PROMPT_TEXT_CHARS = 255;

const num = (e: Exact): string => String(e.toNumber());

/**
 * The names of the 社区 sheet's 社区 column as a list that follows the sheet: from row 2 down as
 * many rows as the column holds values (the header counted out). A whole-column reference would
 * offer the header and a million blanks; a table column is not available in every writer.
 */
export function communityNamesFormula(): string {
  const sheet = SHEETS.communities;
  const col = columnLetters(sheet.columns.findIndex((c) => c.key === "name") + 1);
  const ref = `'${sheet.zh}'!`;
  return `OFFSET(${ref}$${col}$2,0,0,MAX(1,COUNTA(${ref}$${col}:$${col})-1),1)`;
}

interface Guard {
  rule?: CellRule;
  style?: "stop" | "warning";
  prompt?: Msg;
}

/** The guards of one input sheet's columns, by column key. */
function guardsOf(sheet: InputSheetKey, rules: Rules): Record<string, Guard> {
  const community: Guard = {
    rule: { kind: "range", formula: communityNamesFormula() },
    style: "warning",
    prompt: msg("从“社区”表的社区名称中选择", "Pick a name from the Communities sheet"),
  };
  switch (sheet) {
    case "communities":
      return {
        type: {
          prompt: msg(
            "村改居参加排名，但不参加先进社区和先进个人评比",
            "村改居 is ranked but not eligible for advanced"
          ),
        },
      };
    case "targets": {
      const out: Record<string, Guard> = { community };
      for (const c of CATEGORIES) {
        const max = rules.categoryMax[c].toNumber();
        out[c] = {
          rule: { kind: "decimal", min: 0, max },
          style: "stop",
          prompt: msg(`0～${max} 分`, `0 to ${max} points`),
        };
      }
      return out;
    }
    case "honors":
      return {
        community,
        kind: {
          prompt: msg("同一类荣誉就高不就低：只计最高的一项", "Same kind of honor: only the highest counts"),
        },
        lineDept: {
          prompt: msg(
            `条线部门表彰降低 ${rules.lineDeptLevelsDown} 个级别计分；区镇级条线表彰计 ${num(rules.lineDeptTownPoints)} 分`,
            `A line-department commendation counts ${rules.lineDeptLevelsDown} level(s) lower; at town level ${num(rules.lineDeptTownPoints)}`
          ),
        },
        docNo: {
          prompt: msg(
            "以发文单位文件为准：没有文号不计分",
            "As the issuing document says: no document number, no points"
          ),
        },
        approved: {
          prompt: msg(
            "考核组认可为“是”且有文号才计分（空白为否）",
            "Counts only when approved (yes) and a document number is given (blank = no)"
          ),
        },
      };
    case "basicPublicity": {
      const min = num(rules.basicPublicityMin);
      const max = rules.basicPublicityMax.toNumber();
      return {
        community,
        score: {
          rule: { kind: "decimal", min: 0, max },
          style: "stop",
          prompt: msg(
            `按效果评 ${min}～${max} 分；0 或空白为无`,
            `${min} to ${max} points by effect; 0 or blank = none`
          ),
        },
      };
    }
    case "publicity":
      return {
        communities: {
          ...community,
          prompt: msg(
            "几个社区联合报道：用 、 分隔，分数平均分配",
            "Several communities in one report: separate with 、; the points are split equally"
          ),
        },
        contentKey: {
          prompt: msg(
            "同一篇内容多级别报道只计最高一次：同稿填相同标识",
            "Same content at several levels counts once: give it one key"
          ),
        },
        communityBuilding: {
          prompt: msg(
            "以社区建设为主才计分（空白为是）",
            "Counts only when about community building (blank = yes)"
          ),
        },
        authorIsStaff: {
          prompt: msg(
            "作者为本社区工作人员才计分（空白为是）",
            "Counts only when written by the community's staff (blank = yes)"
          ),
        },
        communityIsSubject: {
          prompt:
            rules.subjectRuleScope === "national"
              ? msg(
                  "国家级报道须以社区为主体才计分（空白为是）",
                  "A national article counts only with the community as the subject (blank = yes)"
                )
              : msg(
                  "须以社区为主体报道才计分（空白为是）",
                  "Counts only with the community as the subject (blank = yes)"
                ),
        },
        countedInTargets: {
          prompt: msg(
            "已计入目标管理任务的不再加分（空白为否）",
            "Already counted toward a target task: no points (blank = no)"
          ),
        },
      };
    case "contributions":
      return {
        community,
        line: {
          rule: { kind: "list", choices: rules.lines },
          style: "warning",
          prompt: msg(
            `从条线清单中选择；每条线最多 ${num(rules.contributionLineCap)} 分`,
            `Pick a line from the list; at most ${num(rules.contributionLineCap)} points per line`
          ),
        },
        points: {
          rule: { kind: "decimal", min: 0 },
          style: "stop",
          prompt: msg(
            `不小于 0；每条线最多 ${num(rules.contributionLineCap)} 分，合计最多 ${num(rules.contributionTotalCap)} 分`,
            `0 or more; at most ${num(rules.contributionLineCap)} per line and ${num(rules.contributionTotalCap)} in all`
          ),
        },
        leaderAgreed: {
          prompt: msg(
            "分管领导同意（是）才计分（空白为否）",
            "Counts only with the line leader's agreement (blank = no)"
          ),
        },
      };
    case "staff":
      return {
        community,
        score: {
          rule: { kind: "decimal", min: 0 },
          style: "stop",
          prompt: msg("不小于 0；先进个人按此排名", "0 or more; advanced individuals are ranked by it"),
        },
      };
    case "decisions": {
      // 规则 §10: only these words are read; anything else would be refused on reading anyway.
      const words = (key: "kind" | "decision"): CellRule => {
        const choices = SHEETS.decisions.columns.find((c) => c.key === key)?.choices ?? [];
        return { kind: "list", choices };
      };
      return {
        kind: {
          rule: words("kind"),
          style: "stop",
          prompt: msg("先进社区或先进个人", "Advanced community or advanced individual"),
        },
        name: {
          prompt: msg(
            "只可决定排名中先进名额处并列待定的社区或人员",
            "Only a community or person tied at the last advanced place"
          ),
        },
        community: {
          ...community,
          prompt: msg("先进个人填其社区（同名时必填）", "For a person: their community"),
        },
        decision: {
          rule: words("decision"),
          style: "stop",
          prompt: msg(
            "先进或非先进；决定后人数须等于名额",
            "Advanced or not; the decisions must fill the places exactly"
          ),
        },
        basis: { prompt: msg("会议纪要或文号", "Minutes or document number") },
      };
    }
    default:
      return {};
  }
}

/**
 * Every guarded column of an input sheet as the template writes it: the schema's drop-downs
 * (yes/no, level, type, status), then the rules above, with the prompt in `locale`.
 */
export function inputGuards(sheet: InputSheetKey, rules: Rules, locale: Locale = "zh-CN"): ColumnGuard[] {
  const extra = guardsOf(sheet, rules);
  const out: ColumnGuard[] = [];
  SHEETS[sheet].columns.forEach((c, column) => {
    const g = extra[c.key];
    const rule: CellRule | undefined =
      g?.rule ?? (c.choices ? { kind: "list", choices: c.choices } : undefined);
    if (!rule && !g?.prompt) return;
    const guard: ColumnGuard = { column, style: g?.style ?? "warning" };
    if (rule) guard.rule = rule;
    if (g?.prompt) {
      const title = locale === "en-US" ? c.en : c.zh;
      guard.prompt = {
        title: title.slice(0, PROMPT_TITLE_CHARS),
        text: say(g.prompt, locale).slice(0, PROMPT_TEXT_CHARS),
      };
    }
    out.push(guard);
  });
  return out;
}

/**
 * A guard in the file format's terms (OOXML <dataValidation>): its type, operator and formulas.
 * The OOXML writer takes it as is; Office.js has its own shape.
 */
export function validationFormulae(rule: CellRule | undefined): {
  type: "any" | "list" | "decimal";
  operator?: "between" | "greaterThanOrEqual";
  formulae: string[];
} {
  if (!rule) return { type: "any", formulae: [] };
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [`"${rule.choices.join(",")}"`] };
    case "range":
      return { type: "list", formulae: [rule.formula] };
    case "decimal":
      return rule.max === undefined
        ? { type: "decimal", operator: "greaterThanOrEqual", formulae: [String(rule.min)] }
        : { type: "decimal", operator: "between", formulae: [String(rule.min), String(rule.max)] };
  }
}
