import { Advanced, Locale } from "../../scoring";
import { GENERATED_MARKER } from "../marker";
import { localTime } from "../local-time";
import { SHEETS } from "../schema";
import { OutputSheet, OutputValue } from "../types";

/** One input record added, removed or changed (`compare --json` "inputs"); a blank cell is null. */
export interface InputChange {
  sheet: string;
  key: string;
  change: "added" | "removed" | "changed";
  rowBefore?: number;
  rowAfter?: number;
  fields?: Record<string, [string | null, string | null]>;
}

/** A community whose rank, total, status or money moved; null on the side that lacks it. */
export interface CommunityChange {
  name: string;
  rankBefore: number | null;
  rankAfter: number | null;
  totalBefore: number | null;
  totalAfter: number | null;
  advancedBefore: Advanced | null;
  advancedAfter: Advanced | null;
  moneyBefore?: number | null;
  moneyAfter?: number | null;
}

export interface IndividualChange {
  name: string;
  community: string;
  rankBefore: number | null;
  rankAfter: number | null;
  advancedBefore: Advanced | null;
  advancedAfter: Advanced | null;
}

/** `compare --json` (the rules in docs/规则.md §10). */
export interface ComparisonJson {
  inputs: InputChange[];
  communities: CommunityChange[];
  individuals: IndividualChange[];
}

const WORDS = {
  added: ["新增", "added"],
  removed: ["删除", "removed"],
  changed: ["修改", "changed"],
  moved: ["变动", "moved"],
} as const;

const cell = (v: string | number | boolean | null | undefined): OutputValue =>
  v === undefined || v === null ? null : typeof v === "boolean" ? (v ? "是" : "否") : v;

const mark = (a: Advanced | null): OutputValue =>
  a === null ? null : a === "tie" ? "并列待定" : a ? "先进" : "";

/**
 * 比较结果 (`compare --out`): one row per changed field, added or removed record, then one per
 * moved figure of a community or person. A history sheet: its header line records no data
 * fingerprint, so it is never reported stale whatever the inputs become.
 */
export function comparisonSheet(
  json: ComparisonJson,
  files: { before: string; after: string },
  now: Date,
  name: string,
  locale: Locale
): OutputSheet {
  const en = locale === "en-US";
  const schema = SHEETS.comparison;
  const word = (w: keyof typeof WORDS) => WORDS[w][en ? 1 : 0];
  const head = en
    ? `${GENERATED_MARKER}${schema.en} · made ${localTime(now)} · ${files.before} → ${files.after}`
    : `${GENERATED_MARKER}${schema.zh} · 生成于 ${localTime(now)} · ${files.before} → ${files.after}`;
  const rows: OutputValue[][] = [[head], schema.columns.map((c) => (en ? c.en : c.zh))];
  for (const c of json.inputs) {
    const base = (column: OutputValue, before: OutputValue, after: OutputValue): OutputValue[] => [
      word(c.change),
      c.sheet,
      c.key,
      column,
      before,
      after,
      cell(c.rowBefore),
      cell(c.rowAfter),
    ];
    if (c.fields) for (const [column, [b, a]] of Object.entries(c.fields)) rows.push(base(column, b, a));
    else rows.push(base(null, null, null));
  }
  const moved = (sheet: string, record: string, column: string, b: OutputValue, a: OutputValue) => {
    if (b !== a) rows.push([word("moved"), sheet, record, column, b, a, null, null]);
  };
  for (const c of json.communities) {
    moved(SHEETS.ranking.zh, c.name, "名次", cell(c.rankBefore), cell(c.rankAfter));
    moved(SHEETS.ranking.zh, c.name, "综合得分", cell(c.totalBefore), cell(c.totalAfter));
    moved(SHEETS.ranking.zh, c.name, "先进社区", mark(c.advancedBefore), mark(c.advancedAfter));
    if ("moneyBefore" in c)
      moved(SHEETS.ranking.zh, c.name, "奖金（元）", cell(c.moneyBefore), cell(c.moneyAfter));
  }
  for (const p of json.individuals) {
    const who = `${p.name} / ${p.community}`;
    moved(SHEETS.individuals.zh, who, "名次", cell(p.rankBefore), cell(p.rankAfter));
    moved(SHEETS.individuals.zh, who, "先进个人", mark(p.advancedBefore), mark(p.advancedAfter));
  }
  return {
    key: "comparison",
    name,
    rows,
    headerRow: 1,
    numberFormats: schema.columns.map((c) => c.numberFormat ?? "@"),
    widths: schema.columns.map((c) => c.width),
    highlight: [],
    freezeRows: 2,
  };
}
