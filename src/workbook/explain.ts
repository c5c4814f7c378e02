import {
  BLANK_LEVELS,
  CommunityMove,
  IndividualMove,
  interpretations,
  Moves,
  movesBetween,
  Reading,
} from "../explain";
import {
  Advanced,
  assessor,
  AssessmentResult,
  copyRules,
  Rules,
  CATEGORIES,
  CATEGORY_NAMES,
  Exact,
  LEVEL_NAMES,
  LEVELS,
  Locale,
  msg,
  Msg,
  pts,
  say,
  sum,
} from "../scoring";
import { decidedLabel } from "./marks";
import { locateEngineIssue, scoreWorkbook } from "./pipeline";
import { applySettingAssignment, SettingAssignment, SETTING_NAMES, SETTINGS } from "./settings";
import { Issue, WorkbookGrids } from "./types";

/**
 * Words and JSON for the explaining answers (规则 §8 whatif, the weight of each [I] reading):
 * the CLI prints them, the pane shows them. Names of settings come from the schema.
 */

const n4 = (e: Exact): number => e.toRoundedNumber(4);

export function advancedMark(a: Advanced, eligible = true, decided = false): Msg {
  if (!eligible) return msg("不参评", "not eligible");
  if (decided && a !== "tie") return decidedLabel(a);
  return a === "tie" ? msg("并列待定", "tie") : a ? msg("先进", "advanced") : msg("非先进", "not advanced");
}

/** One move in words: "春晖社区 非先进→先进". */
function moveWords(m: CommunityMove | IndividualMove): Msg {
  const eligible = "eligible" in m ? m.eligible : true;
  const b = advancedMark(m.advancedBefore, eligible);
  const a = advancedMark(m.advancedAfter, eligible);
  const who = "eligible" in m ? m.name : `${m.name}（${m.community}）`;
  return msg(`${who} ${b.zh}→${a.zh}`, `${who}: ${b.en} → ${a.en}`);
}

/** The advanced-mark changes of `moves` in one phrase, individuals after communities. */
export function movesPhrase(moves: Moves): Msg {
  const c = moves.communities.map(moveWords);
  const p = moves.individuals.map(moveWords);
  const parts: Msg[] = [];
  if (c.length)
    parts.push(msg(`社区 ${c.map((x) => x.zh).join("、")}`, `communities ${c.map((x) => x.en).join(", ")}`));
  if (p.length)
    parts.push(msg(`个人 ${p.map((x) => x.zh).join("、")}`, `individuals ${p.map((x) => x.en).join(", ")}`));
  return parts.length === 0
    ? msg("先进名单不变", "the advanced list stays the same")
    : msg(parts.map((x) => x.zh).join("；"), parts.map((x) => x.en).join("; "));
}

export function readingName(r: Reading): Msg {
  if (r.kind === "maxima") return msg("目标管理六项满分", "The six category maxima");
  const n = SETTING_NAMES[r.id];
  return msg(n.zh, n.en);
}

/** A choice setting's value in words, as the 设置 sheet writes it. */
function choiceWord(id: "subjectRuleScope" | "rankingMode", value: string): Msg {
  const type = SETTINGS.find((s) => s.id === id)?.type;
  return (type?.kind === "choice" ? type.choices[value] : undefined) ?? msg(value, value);
}

/** One reading in a sentence or two, as the CLI prints it and the pane shows it. */
export function readingSummary(r: Reading): Msg {
  const name = readingName(r);
  if (r.kind === "points") {
    const [table, level] = r.id.split(".") as [string, (typeof BLANK_LEVELS)[number]];
    const at = LEVELS.indexOf(level);
    const lower = LEVEL_NAMES[LEVELS[at - 1]];
    const upper = LEVEL_NAMES[LEVELS[at + 1]];
    const unit = table === "honorPoints" ? msg("分", "") : msg("分/篇", " per article");
    const [lo, hi] = r.range;
    const head = msg(
      `${name.zh}：现为 ${pts(r.today)} ${unit.zh}（相邻级别 ${lower.zh} ${pts(lo)}、${upper.zh} ${pts(hi)}）`,
      `${name.en}: today ${pts(r.today)}${unit.en} (neighbouring levels ${lower.en} ${pts(lo)}, ${upper.en} ${pts(hi)})`
    );
    if (!r.changes)
      return msg(
        `${head.zh}：在 ${pts(lo)}–${pts(hi)} 之间每 0.5 分重算一次，先进社区和先进个人都不变`,
        `${head.en}: ranked again every 0.5 from ${pts(lo)} to ${pts(hi)}, the advanced communities and individuals stay the same`
      );
    const [a, b] = r.stable;
    const sides = [r.below, r.above]
      .filter((s) => s !== null)
      .map((s) => {
        const m = movesPhrase(s.moves);
        return msg(`${pts(s.value)} 分时 ${m.zh}`, `at ${pts(s.value)}: ${m.en}`);
      });
    return msg(
      `${head.zh}：先进名单在 ${pts(a)}–${pts(b)} 之间不变；${sides.map((s) => s.zh).join("；")}`,
      `${head.en}: the advanced list stays the same from ${pts(a)} to ${pts(b)}; ${sides.map((s) => s.en).join("; ")}`
    );
  }
  if (r.kind === "choice") {
    const today = choiceWord(r.id, r.today);
    const other = choiceWord(r.id, r.other);
    const m = movesPhrase(r.moves);
    const ranks = msg(
      `${r.rankChanges} 个社区名次或得分有变`,
      `${r.rankChanges} communities change rank or total`
    );
    return msg(
      `${name.zh}：现为“${today.zh}”；改为“${other.zh}”时 ${m.zh}（${ranks.zh}）`,
      `${name.en}: today "${today.en}"; as "${other.en}": ${m.en} (${ranks.en})`
    );
  }
  const floors = CATEGORIES.map((c) => `${CATEGORY_NAMES[c].zh} ${pts(r.floors[c])}/${pts(r.today[c])}`);
  const floorsEn = CATEGORIES.map((c) => `${CATEGORY_NAMES[c].en} ${pts(r.floors[c])}/${pts(r.today[c])}`);
  const total = pts(sum(CATEGORIES.map((c) => r.floors[c])));
  return msg(
    `${name.zh}：只限定录入范围，不参与计分。已录入最高分/满分：${floors.join("、")}（最高分合计 ${total}）；各项满分不低于已录入最高分、合计 100 的任何设置都${r.changes ? "会改变先进名单：" + movesPhrase(r.moves).zh : "不改变先进名单"}`,
    `${name.en}: they bound what may be entered and never enter a total. Highest entered/maximum: ${floorsEn.join(", ")} (highest add up to ${total}); any maxima at least these, adding up to 100, ${r.changes ? "change the advanced list: " + movesPhrase(r.moves).en : "leave the advanced list as it is"}`
  );
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface WhatifJson {
  set: Record<string, number | string | boolean | null>;
  communities: {
    name: string;
    rankBefore: number;
    rankAfter: number;
    totalBefore: number;
    totalAfter: number;
    advancedBefore: Advanced;
    advancedAfter: Advanced;
  }[];
  individuals: {
    name: string;
    community: string;
    rankBefore: number;
    rankAfter: number;
    advancedBefore: Advanced;
    advancedAfter: Advanced;
  }[];
}

/** `whatif --json` (规则 §8): the settings changed and only those whose rank, total or mark moved. */
export function whatifJson(set: WhatifJson["set"], moves: Moves): WhatifJson {
  return {
    set,
    communities: moves.communities.map((m) => ({
      name: m.name,
      rankBefore: m.rankBefore,
      rankAfter: m.rankAfter,
      totalBefore: n4(m.totalBefore),
      totalAfter: n4(m.totalAfter),
      advancedBefore: m.advancedBefore,
      advancedAfter: m.advancedAfter,
    })),
    individuals: moves.individuals.map((m) => ({
      name: m.name,
      community: m.community,
      rankBefore: m.rankBefore,
      rankAfter: m.rankAfter,
      advancedBefore: m.advancedBefore,
      advancedAfter: m.advancedAfter,
    })),
  };
}

const movesJson = (m: Moves) => whatifJson({}, m);
const shiftJson = (s: { value: Exact; moves: Moves } | null) => {
  if (s === null) return null;
  const { communities, individuals } = movesJson(s.moves);
  return { value: n4(s.value), communities, individuals };
};

/** `whatif --interpretations --json`: one object per [I] reading, in the order of docs/规则.md. */
export function interpretationsJson(readings: readonly Reading[], locale: Locale) {
  return {
    interpretations: readings.map((r) => {
      const common = { id: r.id, setting: say(readingName(r), locale), changes: r.changes };
      if (r.kind === "points")
        return {
          ...common,
          today: n4(r.today),
          range: r.range.map(n4),
          step: 0.5,
          stable: r.stable.map(n4),
          below: shiftJson(r.below),
          above: shiftJson(r.above),
          summary: say(readingSummary(r), locale),
        };
      if (r.kind === "choice") {
        const { communities, individuals } = movesJson(r.moves);
        return {
          ...common,
          today: r.today,
          other: r.other,
          communities,
          individuals,
          rankChanges: r.rankChanges,
          summary: say(readingSummary(r), locale),
        };
      }
      const { communities, individuals } = movesJson(r.moves);
      return {
        ...common,
        today: Object.fromEntries(CATEGORIES.map((c) => [c, n4(r.today[c])])),
        floors: Object.fromEntries(CATEGORIES.map((c) => [c, n4(r.floors[c])])),
        communities,
        individuals,
        summary: say(readingSummary(r), locale),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The questions, asked of a workbook

export type Accepted = Extract<SettingAssignment, { ok: true }>;

export type WhatifOutcome =
  /** The workbook itself has errors: nothing to compare (CLI exit 1). */
  | { kind: "inputErrors"; issues: Issue[] }
  /** The changed settings make the assessment impossible (CLI exit 2), e.g. maxima not adding up to 100. */
  | { kind: "refused"; issues: Issue[] }
  | {
      kind: "ok";
      /** The changed settings as the 设置 sheet would show them, by their zh name. */
      set: WhatifJson["set"];
      rules: Rules;
      before: AssessmentResult;
      after: AssessmentResult;
      moves: Moves;
      /**
       * 规则 §10: the 考核组决定 that no longer settle a tie at the cut under the changed settings
       * (a warning each): they are not applied, and their places show as the ranking leaves them.
       */
      unapplied: Issue[];
    };

/** 规则 §8 whatif: the workbook ranked as it is and again with `changes`; nothing is written. */
export function whatifWorkbook(grids: WorkbookGrids, changes: readonly Accepted[]): WhatifOutcome {
  let run: ((rules: Rules) => AssessmentResult) | null = null;
  const scored = scoreWorkbook(grids, (input, rules) => (run = assessor(input))(rules));
  if (run === null || scored.issues.some((i) => i.severity === "error"))
    return { kind: "inputErrors", issues: scored.issues };
  const rules = copyRules(scored.rules);
  for (const c of changes) applySettingAssignment(rules, c);
  const after = (run as (rules: Rules) => AssessmentResult)(rules);
  // The workbook's decisions were valid (no input errors): one the changed settings leave without
  // its tie is reported and not applied, never a reason to refuse the what-if.
  const errors = after.issues.filter((e) => e.severity === "error" && e.source !== "decisions");
  if (errors.length > 0)
    return { kind: "refused", issues: errors.map((e) => locateEngineIssue(e, scored.locations)) };
  const unapplied = after.issues
    .filter((e) => e.severity === "error" && e.source === "decisions")
    .map((e) =>
      locateEngineIssue(
        {
          ...e,
          severity: "warning",
          message: msg(`试算中此决定未采用：${e.message.zh}`, `Not applied in this what-if: ${e.message.en}`),
        },
        scored.locations
      )
    );
  const set: WhatifJson["set"] = {};
  for (const c of changes) set[c.setting.zh] = c.shown;
  return {
    kind: "ok",
    set,
    rules,
    before: scored.result,
    after,
    moves: movesBetween(scored.result, after),
    unapplied,
  };
}

/** How much each [I] reading matters for this workbook's data; input errors first. */
export function interpretationsOfWorkbook(
  grids: WorkbookGrids
): { kind: "inputErrors"; issues: Issue[] } | { kind: "ok"; readings: Reading[] } {
  let run: ((rules: Rules) => AssessmentResult) | null = null;
  const scored = scoreWorkbook(grids, (input, rules) => (run = assessor(input))(rules));
  if (run === null || scored.issues.some((i) => i.severity === "error"))
    return { kind: "inputErrors", issues: scored.issues };
  return { kind: "ok", readings: interpretations(scored.input, scored.rules, run) };
}
