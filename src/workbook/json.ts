import { CATEGORIES, centsToYuan, Exact, Locale, say } from "../scoring";
import type { RankOutcome } from "./pipeline";
import { Issue } from "./types";

/**
 * The command line's JSON (规则 §7.2): issues, and `rank --json`'s communities and individuals.
 * Numbers to 4 decimals, money in yuan; the shapes are the contract, so they live in one file.
 */

export interface IssueJson {
  severity: Issue["severity"];
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export function issuesJson(issues: readonly Issue[], locale: Locale = "zh-CN"): IssueJson[] {
  return issues.map((i) => ({
    severity: i.severity,
    sheet: i.sheet,
    row: i.row ?? null,
    column: i.column ?? null,
    message: say(i.message, locale),
  }));
}

const n4 = (e: Exact): number => e.toRoundedNumber(4);

export interface CommunityJson {
  name: string;
  type: string;
  rank: number;
  eligible: boolean;
  /** true or false once the 考核组 decided a tie (then `decided` is true); "tie" while still open. */
  advanced: boolean | "tie";
  /** Present (true) when the place was settled by a 考核组决定 (规则 §10). */
  decided?: true;
  target: number;
  categories: Record<string, number>;
  honor: number;
  basicPublicity: number;
  externalPublicity: number;
  contribution: number;
  rewards: number;
  total: number;
  converted: number;
  /** 规则 §8 距先进线; null for 村改居 (and when no place is advanced). */
  gapToCut: number | null;
  /** 距上一名; null for rank 1. */
  gapToAbove: number | null;
  money?: number;
}

export interface IndividualJson {
  name: string;
  community: string;
  score: number;
  rank: number;
  advanced: boolean | "tie";
  decided?: true;
  money?: number;
}

export interface RankJson {
  communities: CommunityJson[];
  individuals: IndividualJson[];
  issues: IssueJson[];
}

/** `rank --json` (规则 §7.2): communities in rank order, numbers to 4 decimals, money in yuan. */
export function rankJson(
  outcome: Pick<RankOutcome, "result" | "issues">,
  locale: Locale = "zh-CN"
): RankJson {
  const r = outcome.result;
  const communities: CommunityJson[] = (r?.communities ?? []).map((c) => ({
    name: c.name,
    type: c.type,
    rank: c.rank,
    eligible: c.eligible,
    advanced: c.advanced,
    ...(c.decided ? { decided: true as const } : {}),
    target: n4(c.target),
    categories: Object.fromEntries(CATEGORIES.map((k) => [k, n4(c.categories[k])])),
    honor: n4(c.honor),
    basicPublicity: n4(c.basicPublicity),
    externalPublicity: n4(c.externalPublicity),
    contribution: n4(c.contribution),
    rewards: n4(c.rewards),
    total: n4(c.total),
    converted: n4(c.converted),
    gapToCut: c.gapToCut === null ? null : n4(c.gapToCut),
    gapToAbove: c.gapToAbove === null ? null : n4(c.gapToAbove),
    ...(r?.hasMoney && c.moneyCents !== undefined ? { money: centsToYuan(c.moneyCents) } : {}),
  }));
  const individuals: IndividualJson[] = (r?.individuals ?? []).map((p) => ({
    name: p.name,
    community: p.community,
    score: n4(p.score),
    rank: p.rank,
    advanced: p.advanced,
    ...(p.decided ? { decided: true as const } : {}),
    ...(r?.hasMoney && p.moneyCents !== undefined ? { money: centsToYuan(p.moneyCents) } : {}),
  }));
  return { communities, individuals, issues: issuesJson(outcome.issues, locale) };
}
