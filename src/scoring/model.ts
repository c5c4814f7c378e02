import { Exact } from "./exact";
import { Level } from "./levels";
import { CategoryKey, RankingMode } from "./rules";
import { msg, Msg } from "./text";

/**
 * The typed records the engine scores. Readers (src/workbook) build them from sheets; `row` is
 * where the record came from (Excel row number), so reasons and issues can point at it.
 */
export type CommunityType = "社区" | "村改居";

/** The input collections, also used to say where an issue or a detail belongs. */
export type RecordSource =
  | "communities"
  | "targets"
  | "honors"
  | "basicPublicity"
  | "publicity"
  | "contributions"
  | "staff"
  | "decisions"
  | "settings";

export interface CommunityRecord {
  row: number;
  name: string;
  type: CommunityType;
  code?: string;
}

export interface TargetRecord {
  row: number;
  community: string;
  /** Blank categories are absent: they count 0, with a warning. */
  scores: Partial<Record<CategoryKey, Exact>>;
}

export interface HonorRecord {
  row: number;
  community: string;
  honor: string;
  kind?: string;
  level: Level;
  lineDept: boolean;
  issuer?: string;
  docNo?: string;
  approved: boolean;
}

export interface BasicPublicityRecord {
  row: number;
  community: string;
  score: Exact;
}

export interface PublicityRecord {
  row: number;
  /** Every community listed in the cell; a joint article lists several. */
  communities: string[];
  title: string;
  contentKey?: string;
  level: Level;
  media?: string;
  communityBuilding: boolean;
  authorIsStaff: boolean;
  communityIsSubject: boolean;
  countedInTargets: boolean;
}

export interface ContributionRecord {
  row: number;
  community: string;
  line: string;
  matter?: string;
  points: Exact;
  leaderAgreed: boolean;
}

export interface StaffRecord {
  row: number;
  name: string;
  community: string;
  score: Exact;
}

/** Which advanced list a decision of the 考核组 is about. */
export type DecisionKind = "community" | "individual";

/** A 考核组决定 row (规则 §10): who, in which list, is decided advanced or not, why, on what basis. */
export interface DecisionRecord {
  row: number;
  kind: DecisionKind;
  name: string;
  /** For an individual: the community, which tells apart people of the same name. */
  community?: string;
  /** 决定: 先进 (true) or 非先进 (false). */
  advanced: boolean;
  reason?: string;
  basis?: string;
}

export interface AssessmentInput {
  communities: CommunityRecord[];
  targets: TargetRecord[];
  honors: HonorRecord[];
  basicPublicity: BasicPublicityRecord[];
  publicity: PublicityRecord[];
  contributions: ContributionRecord[];
  staff: StaffRecord[];
  /**
   * The 考核组's decisions on ties at the cut; absent when there are none (so a workbook without
   * them keeps its fingerprint).
   */
  decisions?: DecisionRecord[];
}

export type Severity = "error" | "warning";

/**
 * A problem the engine found. `field` is the schema's column key (e.g. "level"), mapped to the
 * sheet's header by the workbook layer; `row` is the record's Excel row.
 */
export interface EngineIssue {
  severity: Severity;
  source: RecordSource;
  row?: number;
  field?: string;
  message: Msg;
}

/** Why a record earned what it earned: a stable rule id plus words a reviewer understands. */
export interface Reason {
  rule: string;
  text: Msg;
}

/** A reason with its words: the fixed reasons a part gives many records are made once with it. */
export function reason(rule: string, zh: string, en: string): Reason {
  return { rule, text: msg(zh, en) };
}

/** One input record's outcome for one community (a joint article yields one per community). */
export interface RecordScore {
  source: RecordSource;
  row: number;
  community: string;
  /** What the record names (honor name, article title, line + matter, person). */
  label: string;
  points: Exact;
  /** Often one array shared by many records with the same outcome: replace it, never push into it. */
  reasons: readonly Reason[];
}

/**
 * The effective advanced mark: "tie" is a 并列待定 still open; a tie the 考核组 decided is true or
 * false, with the decision in `decided` beside it.
 */
export type Advanced = boolean | "tie";

export interface CommunityResult {
  name: string;
  type: CommunityType;
  code?: string;
  eligible: boolean;
  rank: number;
  advanced: Advanced;
  /** The decision that settled this place's tie at the cut (then `advanced` is its outcome). */
  decided?: DecisionRecord;
  categories: Record<CategoryKey, Exact>;
  target: Exact;
  honor: Exact;
  basicPublicity: Exact;
  externalPublicity: Exact;
  contribution: Exact;
  rewards: Exact;
  total: Exact;
  converted: Exact;
  /** 规则 §8 距先进线: points short of the last advanced place; 0 when advanced or tied; null for 村改居. */
  gapToCut: Exact | null;
  /** 距上一名: points behind the community ranked just above; null for rank 1. */
  gapToAbove: Exact | null;
  /** Money in cents when a pool or rate is set. */
  moneyCents?: bigint;
}

export interface IndividualResult {
  name: string;
  community: string;
  row: number;
  score: Exact;
  eligible: boolean;
  rank: number;
  advanced: Advanced;
  /** The decision that settled this person's tie at the cut (then `advanced` is its outcome). */
  decided?: DecisionRecord;
  moneyCents?: bigint;
}

export interface AssessmentResult {
  /** In rank order (ties in input order of the 社区 sheet). */
  communities: CommunityResult[];
  /** In rank order. */
  individuals: IndividualResult[];
  details: RecordScore[];
  issues: EngineIssue[];
  /** True when money columns apply (pool or rate set). */
  hasMoney: boolean;
  /** Which figure decided the order (设置): what `exactOrderNotes` compares. */
  rankingMode: RankingMode;
}
