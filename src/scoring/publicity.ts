import { Exact } from "./exact";
import { pts } from "./format";
import { HighestPerSlot } from "./highest";
import { Level, LEVEL_NAMES, levelIndex, LEVELS } from "./levels";
import { BasicPublicityRecord, EngineIssue, PublicityRecord, reason, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { FoldedNumbering, pairSlots, Slots } from "./numbered";
import { Details, named, NamedScores, numberCommunities, PartScores } from "./part";
import { msg } from "./text";

/** Separators of the 社区 cell of a joint article: 、 , ， ; ； / and line breaks (规则 §3.2). */
export const JOINT_SEPARATORS = /[、,，;；/／\r\n]+/;

export function splitCommunities(cell: string): string[] {
  return cell
    .split(JOINT_SEPARATORS)
    .map((s) => s.normalize("NFKC").replace(/\s+/g, " ").trim())
    .filter((s) => s !== "");
}

/** 规则 §3.2: one article's points for one of `sharing` communities (joint activities split equally). */
export function articleShare(level: Level, sharing: number, rules: Pick<Rules, "publicityPoints">): Exact {
  return rules.publicityPoints[level].div(Exact.int(sharing));
}

const NOT_COMMUNITY_BUILDING = reason(
  "publicity.notCommunityBuilding",
  "内容不是以社区建设为主，不计分",
  "Not mainly about community building: no points"
);
const AUTHOR_NOT_STAFF = reason(
  "publicity.authorNotStaff",
  "作者不是本社区工作人员，不计分",
  "Author is not staff of the community: no points"
);
const NOT_SUBJECT = reason(
  "publicity.notSubject",
  "未以社区为主体报道，不计分",
  "Does not report the community as the subject: no points"
);
const COUNTED_IN_TARGETS = reason(
  "publicity.countedInTargets",
  "已计入目标管理任务，不重复计分",
  "Already counted toward a target-management task: no points"
);

/** Shared by every article that meets all four conditions: no array per article. */
const NONE: readonly Reason[] = Object.freeze([]);

/** The four conditions an article must meet; each one failed is a reason for 0 points. */
export function publicityRefusals(
  r: Pick<
    PublicityRecord,
    "communityBuilding" | "authorIsStaff" | "communityIsSubject" | "countedInTargets" | "level"
  >,
  rules: Pick<Rules, "subjectRuleScope">
): readonly Reason[] {
  const notSubject = (rules.subjectRuleScope === "all" || r.level === "national") && !r.communityIsSubject;
  if (r.communityBuilding && r.authorIsStaff && !notSubject && !r.countedInTargets) return NONE;
  const out: Reason[] = [];
  if (!r.communityBuilding) out.push(NOT_COMMUNITY_BUILDING);
  if (!r.authorIsStaff) out.push(AUTHOR_NOT_STAFF);
  if (notSubject) out.push(NOT_SUBJECT);
  if (r.countedInTargets) out.push(COUNTED_IN_TARGETS);
  return out;
}

/** The reason for an article's points at a level shared by `sharing` communities. */
function articleReason(level: Level, sharing: number, rules: Pick<Rules, "publicityPoints">): Reason {
  const name = LEVEL_NAMES[level];
  const full = rules.publicityPoints[level];
  if (sharing === 1)
    return {
      rule: "publicity.level",
      text: msg(`${name.zh}媒体每篇 ${pts(full)} 分`, `${name.en} outlet: ${pts(full)} points per article`),
    };
  const share = articleShare(level, sharing, rules);
  if (share.roundHalfUp(2).eq(share))
    return {
      rule: "publicity.joint",
      text: msg(
        `${name.zh}媒体每篇 ${pts(full)} 分，${sharing} 个社区联合报道平分，每个 ${pts(share)} 分`,
        `${name.en} outlet: ${pts(full)} points shared by ${sharing} communities, ${pts(share)} each`
      ),
    };
  // 规则 §8: a share not exact at 2 decimals is written as the division it is, then shown to 4
  // ("0.2 ÷ 3 ≈ 0.0667"), so three rows of it are seen to make the article's 0.2.
  const four = share.roundHalfUp(4);
  const sign = four.eq(share) ? "=" : "≈";
  const shown = `${pts(full)} ÷ ${sharing} ${sign} ${four.toFixed(4).replace(/0+$/, "")}`;
  return {
    rule: "publicity.joint",
    text: msg(
      `${name.zh}媒体每篇 ${pts(full)} 分，${sharing} 个社区联合报道，每个 ${shown} 分`,
      `${name.en} outlet: ${pts(full)} points shared by ${sharing} communities, ${shown} each`
    ),
  };
}

export type PublicityScores = NamedScores;

/** External publicity: level points, four disqualifiers, joint split, same content once at its highest share. */
/** The rules external publicity reads (the assessor re-scores it only when one of them changes). */
export const PUBLICITY_RULES = ["publicityPoints", "subjectRuleScope"] as const;

/** The rules basic publicity reads. */
export const BASIC_PUBLICITY_RULES = ["basicPublicityMin", "basicPublicityMax"] as const;

/**
 * Per article, what scoring needs of it, read once per input whatever the rules: its shares (one
 * per distinct community listed, in the order listed) and each share's 就高不就低 slot, its level
 * and sharing, its four conditions and its row. Scoring then reads these arrays only, and an
 * article itself only to word an issue or a detail.
 */
export interface PublicityPrep {
  /** Article i's shares are start[i] … start[i + 1] − 1. */
  start: Int32Array;
  /** Per share: the community's number and the article's position. */
  community: Int32Array;
  article: Int32Array;
  /** Per article: 1 when a community is listed twice. */
  repeated: Uint8Array;
  /** Per article: its level's place in LEVELS. */
  level: Uint8Array;
  /** Per article: its (level, sharing) pair's number in `kinds`. */
  kind: Int32Array;
  /** The distinct (level, sharing) pairs, in order of first appearance. */
  kinds: { level: Level; sharing: number }[];
  /** Per article: the conditions it meets (CONDITION bits). */
  conditions: Uint8Array;
  row: Float64Array;
  /** Per share: its (community, content) pair. */
  slots: Slots;
  /** Community names by number (every number below `names.length`). */
  names: readonly string[];
}

const BUILDING = 1;
const BY_STAFF = 2;
const SUBJECT = 4;
const IN_TARGETS = 8;

/**
 * `listed` holds every article's listed communities' numbers, article after article (as
 * `r.communities` lists them); `names` names every number.
 */
export function preparePublicity(
  records: readonly PublicityRecord[],
  listed: Int32Array,
  names: readonly string[]
): PublicityPrep {
  const n = records.length;
  const start = new Int32Array(n + 1);
  // At most one share per listed name: typed arrays of that length, cut to the shares made.
  const community = new Int32Array(listed.length);
  const article = new Int32Array(listed.length);
  const content = new Int32Array(listed.length);
  const repeated = new Uint8Array(n);
  const level = new Uint8Array(n);
  const conditions = new Uint8Array(n);
  const row = new Float64Array(n);
  const contents = new FoldedNumbering();
  // The article that last listed each community: a repeat within one article is found at once.
  const seenIn = new Int32Array(names.length).fill(-1);
  let at = 0;
  let shares = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    start[i] = shares;
    level[i] = levelIndex(r.level);
    conditions[i] =
      (r.communityBuilding ? BUILDING : 0) |
      (r.authorIsStaff ? BY_STAFF : 0) |
      (r.communityIsSubject ? SUBJECT : 0) |
      (r.countedInTargets ? IN_TARGETS : 0);
    row[i] = r.row;
    const key = contents.id(r.contentKey && r.contentKey.trim() !== "" ? r.contentKey : r.title);
    const count = r.communities.length;
    for (let k = 0; k < count; k++) {
      const id = listed[at++];
      if (seenIn[id] === i) repeated[i] = 1;
      else {
        seenIn[id] = i;
        community[shares] = id;
        article[shares] = i;
        content[shares++] = key;
      }
    }
  }
  start[n] = shares;
  const { kind, kinds } = articleKinds(start, level);
  const shareCommunity = community.slice(0, shares);
  return {
    start,
    community: shareCommunity,
    article: article.slice(0, shares),
    repeated,
    level,
    kind,
    kinds,
    conditions,
    row,
    slots: pairSlots(shareCommunity, content.subarray(0, shares), names.length, contents.size),
    names,
  };
}

/** Each article's (level, sharing): few distinct pairs, numbered in order of first appearance. */
function articleKinds(start: Int32Array, level: Uint8Array): Pick<PublicityPrep, "kind" | "kinds"> {
  const n = level.length;
  const kind = new Int32Array(n);
  const kinds: { level: Level; sharing: number }[] = [];
  // Per level, the number of each sharing met (an array by sharing: no hashing per article).
  const kindOf: number[][] = LEVELS.map(() => []);
  for (let i = 0; i < n; i++) {
    const sharing = Math.max(1, start[i + 1] - start[i]);
    const byLevel = kindOf[level[i]];
    let k = byLevel[sharing];
    if (k === undefined) {
      k = byLevel[sharing] = kinds.length;
      kinds.push({ level: LEVELS[level[i]], sharing });
    }
    kind[i] = k;
  }
  return { kind, kinds };
}

export function scorePublicity(
  records: readonly PublicityRecord[],
  rules: Pick<Rules, (typeof PUBLICITY_RULES)[number]>
): PublicityScores {
  const { numbering, ids } = numberCommunities(records, (r) => r.communities);
  return named(
    scoreNumberedPublicity(records, preparePublicity(records, ids, numbering.names), rules),
    numbering
  );
}

type ArticleBase = { reason: Reason; reasons: readonly Reason[]; share: Exact };

/** scorePublicity over numbered shares: points and issues now, detail records when asked. */
export function scoreNumberedPublicity(
  records: readonly PublicityRecord[],
  prep: PublicityPrep,
  rules: Pick<Rules, (typeof PUBLICITY_RULES)[number]>
): PartScores {
  const issues: EngineIssue[] = [];
  const n = records.length;
  const { start, slots, kind, conditions, row } = prep;
  // Each (level, sharing) pair's reason, its one-reason list and share, built once.
  const bases: ArticleBase[] = prep.kinds.map(({ level, sharing }) => {
    const reason = articleReason(level, sharing, rules);
    return { reason, reasons: Object.freeze([reason]), share: articleShare(level, sharing, rules) };
  });
  const highest = new HighestPerSlot(
    slots.count,
    bases.map((b) => b.share)
  );
  // Per article only whether it is refused: what a result keeps until its details are read is
  // typed arrays, which the collector does not copy object by object. publicityRefusals decides
  // the same from the record (the details' reasons).
  const refused = new Uint8Array(n);
  const everySubject = rules.subjectRuleScope === "all";
  const national = levelIndex("national");
  for (let i = 0; i < n; i++) {
    if (prep.repeated[i])
      issues.push({
        severity: "warning",
        source: "publicity",
        row: records[i].row,
        field: "communities",
        message: msg(
          "同一社区在联合报道中列了两次，只算一次",
          "A community is listed twice in the joint article: counted once"
        ),
      });
    const met = conditions[i];
    const notSubject = (everySubject || prep.level[i] === national) && !(met & SUBJECT);
    if (!(met & BUILDING) || !(met & BY_STAFF) || notSubject || met & IN_TARGETS) refused[i] = 1;
    else for (let s = start[i]; s < start[i + 1]; s++) highest.offer(s, slots.slot[s], kind[i], row[i]);
  }
  const best = highest.best;
  const scope = { subjectRuleScope: rules.subjectRuleScope };
  return {
    totals: highest.totals(slots.group, prep.names.length),
    issues,
    details: {
      count: start[n],
      write: (out, from) => {
        for (let i = 0; i < n; i++) {
          const r = records[i];
          const base = bases[kind[i]];
          const refusals = refused[i] ? publicityRefusals(r, scope) : NONE;
          // A refused article's communities share one list of reasons too.
          const reasons = refusals.length ? [base.reason, ...refusals] : base.reasons;
          for (let s = start[i]; s < start[i + 1]; s++) {
            const counted = best[slots.slot[s]];
            out[from + s] = {
              source: "publicity",
              row: r.row,
              community: prep.names[prep.community[s]],
              label: r.title,
              points: refusals.length || counted !== s ? Exact.ZERO : base.share,
              reasons:
                refusals.length || counted === s
                  ? reasons
                  : reasons.concat(sameContent(records[prep.article[counted]].row)),
            };
          }
        }
      },
    },
  };
}

const sameContent = (higherRow: number): Reason => ({
  rule: "publicity.sameContent",
  text: msg(
    `同一篇内容已按更高得分计分（第 ${higherRow} 行），本条不计分`,
    `Same content already counted at a higher share (row ${higherRow}): no points`
  ),
});

/** 规则 §3.2 basic publicity: 0 (none) or [min, max]; returns an error message when outside. */
export function checkBasicPublicity(
  score: Exact,
  rules: Pick<Rules, "basicPublicityMin" | "basicPublicityMax">
): Reason | null {
  if (score.isZero() || (!score.lt(rules.basicPublicityMin) && !score.gt(rules.basicPublicityMax)))
    return null;
  const lo = pts(rules.basicPublicityMin);
  const hi = pts(rules.basicPublicityMax);
  return {
    rule: "basicPublicity.range",
    text: msg(
      `基础宣传得分 ${pts(score)} 不在 ${lo}–${hi} 分之间（0 或空白表示没有）`,
      `Basic publicity score ${pts(score)} is outside ${lo}–${hi} (0 or blank means none)`
    ),
  };
}

/** Basic publicity: each community's points now, the detail records when asked. */
export interface BasicPublicityScores {
  /** Points per community number; undefined for a community with no record. */
  totals: (Exact | undefined)[];
  issues: EngineIssue[];
  details: Details;
}

/**
 * `ids[i]` is record i's community number (CheckedInput), below `groups`: the first row of a
 * community counts, a later one is an error.
 */
export function scoreBasicPublicity(
  records: readonly BasicPublicityRecord[],
  ids: Int32Array,
  groups: number,
  rules: Pick<Rules, (typeof BASIC_PUBLICITY_RULES)[number]>
): BasicPublicityScores {
  const issues: EngineIssue[] = [];
  const firstRow: number[] = new Array(groups);
  const totals: (Exact | undefined)[] = new Array(groups);
  // Per record: 1 when it counts (in range, first row of its community).
  const counts = new Uint8Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const id = ids[i];
    const problem = checkBasicPublicity(r.score, rules);
    const earlier = firstRow[id];
    if (problem)
      issues.push({
        severity: "error",
        source: "basicPublicity",
        row: r.row,
        field: "score",
        message: problem.text,
      });
    if (earlier !== undefined)
      issues.push({
        severity: "error",
        source: "basicPublicity",
        row: r.row,
        field: "community",
        message: msg(
          `“${r.community}”已在第 ${earlier} 行有基础宣传得分：每个社区只填一行`,
          `"${r.community}" already has a basic publicity score on row ${earlier}: one row per community`
        ),
      });
    else firstRow[id] = r.row;
    // One row counts per community: its score is the community's total (0 when none counts).
    if (!problem && earlier === undefined) {
      counts[i] = 1;
      totals[id] = r.score;
    } else totals[id] ??= Exact.ZERO;
  }
  // The range as it is now: the reasons are worded when the details are read.
  const range = { basicPublicityMin: rules.basicPublicityMin, basicPublicityMax: rules.basicPublicityMax };
  const write = (out: RecordScore[], from: number) =>
    records.forEach((r, i) => {
      const problem = checkBasicPublicity(r.score, range);
      out[from + i] = {
        source: "basicPublicity",
        row: r.row,
        community: r.community,
        label: "基础宣传",
        points: counts[i] ? r.score : Exact.ZERO,
        reasons: problem
          ? [problem]
          : [
              {
                rule: "basicPublicity.score",
                text: msg(
                  `基础宣传视效果评 ${pts(r.score)} 分`,
                  `Basic publicity rated ${pts(r.score)} points`
                ),
              },
            ],
      };
    });
  return { totals, details: { count: records.length, write }, issues };
}
