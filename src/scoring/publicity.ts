import { Exact } from "./exact";
import { pts } from "./format";
import { HighestPerSlot } from "./highest";
import { totalsByCommunity } from "./honors";
import { Level, LEVEL_NAMES, levelIndex, LEVELS } from "./levels";
import { BasicPublicityRecord, EngineIssue, PublicityRecord, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { FoldedNumbering, pairSlots, Slots } from "./numbered";
import { named, NamedScores, numberCommunities, PartScores } from "./part";
import { msg } from "./text";

/** Separators of the 社区 cell of a joint article: 、 , ， ; ； / and line breaks (SPEC §3.2). */
export const JOINT_SEPARATORS = /[、,，;；/／\r\n]+/;

export function splitCommunities(cell: string): string[] {
  return cell
    .split(JOINT_SEPARATORS)
    .map((s) => s.normalize("NFKC").replace(/\s+/g, " ").trim())
    .filter((s) => s !== "");
}

/** SPEC §3.2: one article's points for one of `sharing` communities (joint activities split equally). */
export function articleShare(level: Level, sharing: number, rules: Pick<Rules, "publicityPoints">): Exact {
  return rules.publicityPoints[level].div(Exact.int(sharing));
}

const NOT_COMMUNITY_BUILDING: Reason = {
  rule: "publicity.notCommunityBuilding",
  text: msg("内容不是以社区建设为主，不计分", "Not mainly about community building: no points"),
};
const AUTHOR_NOT_STAFF: Reason = {
  rule: "publicity.authorNotStaff",
  text: msg("作者不是本社区工作人员，不计分", "Author is not staff of the community: no points"),
};
const NOT_SUBJECT: Reason = {
  rule: "publicity.notSubject",
  text: msg("未以社区为主体报道，不计分", "Does not report the community as the subject: no points"),
};
const COUNTED_IN_TARGETS: Reason = {
  rule: "publicity.countedInTargets",
  text: msg("已计入目标管理任务，不重复计分", "Already counted toward a target-management task: no points"),
};

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
  // SPEC §8: a share not exact at 2 decimals is written as the division it is, then shown to 4
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
 * Per article, what scoring needs beyond the record, once per input: its shares (one per
 * distinct community listed, in the order listed) and each share's 就高不就低 slot.
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
  /** Per share: its (community, content) pair. */
  slots: Slots;
  /** Community names by number (every number below `names.length`). */
  names: readonly string[];
}

/**
 * `listed` holds every article's listed communities' numbers, article after article (as
 * `r.communities` lists them); `names` names every number.
 */
export function preparePublicity(
  records: readonly PublicityRecord[],
  listed: Int32Array,
  names: readonly string[]
): PublicityPrep {
  const start = new Int32Array(records.length + 1);
  // At most one share per listed name: typed arrays of that length, cut to the shares made.
  const community = new Int32Array(listed.length);
  const article = new Int32Array(listed.length);
  const content = new Int32Array(listed.length);
  const repeated = new Uint8Array(records.length);
  const level = new Uint8Array(records.length);
  const contents = new FoldedNumbering();
  // The article that last listed each community: a repeat within one article is found at once.
  const seenIn = new Int32Array(names.length).fill(-1);
  let at = 0;
  let shares = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    start[i] = shares;
    level[i] = levelIndex(r.level);
    const key = contents.id(r.contentKey && r.contentKey.trim() !== "" ? r.contentKey : r.title);
    for (let k = 0; k < r.communities.length; k++) {
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
  start[records.length] = shares;
  const shareCommunity = community.slice(0, shares);
  return {
    start,
    community: shareCommunity,
    article: article.slice(0, shares),
    repeated,
    level,
    slots: pairSlots(shareCommunity, content.subarray(0, shares), names.length, contents.size),
    names,
  };
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
  const { start, slots } = prep;
  const highest = new HighestPerSlot(slots.count);
  // Few (level, sharing) pairs occur: each reason, its one-reason list and share are built once.
  const baseCache: ArticleBase[][] = LEVELS.map(() => []);
  // Per article only whether it is refused (its base is baseCache[level][sharing]): what a result
  // keeps until its details are read is typed arrays, which the collector does not copy object
  // by object.
  const refused = new Uint8Array(n);
  const scope = { subjectRuleScope: rules.subjectRuleScope };
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (prep.repeated[i])
      issues.push({
        severity: "warning",
        source: "publicity",
        row: r.row,
        field: "communities",
        message: msg(
          "同一社区在联合报道中列了两次，只算一次",
          "A community is listed twice in the joint article: counted once"
        ),
      });
    const from = start[i];
    const to = start[i + 1];
    const sharing = Math.max(1, to - from);
    const byLevel = baseCache[prep.level[i]];
    let base = byLevel[sharing];
    if (!base) {
      const reason = articleReason(r.level, sharing, rules);
      base = { reason, reasons: Object.freeze([reason]), share: articleShare(r.level, sharing, rules) };
      byLevel[sharing] = base;
    }
    if (publicityRefusals(r, scope).length > 0) refused[i] = 1;
    else for (let s = from; s < to; s++) highest.offer(s, slots.slot[s], base.share, r.row);
  }
  const best = highest.best;
  return {
    totals: highest.totals(slots.group, prep.names.length),
    issues,
    details: () => {
      const details: RecordScore[] = new Array(start[n]);
      for (let i = 0; i < n; i++) {
        const r = records[i];
        const base = baseCache[prep.level[i]][Math.max(1, start[i + 1] - start[i])];
        const refusals = refused[i] ? publicityRefusals(r, scope) : NONE;
        // A refused article's communities share one list of reasons too.
        const reasons = refusals.length ? [base.reason, ...refusals] : base.reasons;
        for (let s = start[i]; s < start[i + 1]; s++) {
          const counted = best[slots.slot[s]];
          details[s] = {
            source: "publicity",
            row: r.row,
            community: prep.names[prep.community[s]],
            label: r.title,
            points: refusals.length || counted !== s ? Exact.ZERO : base.share,
            reasons:
              refusals.length || counted === s
                ? reasons
                : [...reasons, sameContent(records[prep.article[counted]].row)],
          };
        }
      }
      return details;
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

/** SPEC §3.2 basic publicity: 0 (none) or [min, max]; returns an error message when outside. */
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

export function scoreBasicPublicity(
  records: readonly BasicPublicityRecord[],
  rules: Pick<Rules, (typeof BASIC_PUBLICITY_RULES)[number]>
): PublicityScores {
  const issues: EngineIssue[] = [];
  const seen = new Map<string, number>();
  const details: RecordScore[] = records.map((r) => {
    const problem = checkBasicPublicity(r.score, rules);
    const earlier = seen.get(r.community);
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
    else seen.set(r.community, r.row);
    const points = problem || earlier !== undefined ? Exact.ZERO : r.score;
    const reasons: Reason[] = problem
      ? [problem]
      : [
          {
            rule: "basicPublicity.score",
            text: msg(`基础宣传视效果评 ${pts(r.score)} 分`, `Basic publicity rated ${pts(r.score)} points`),
          },
        ];
    return {
      source: "basicPublicity",
      row: r.row,
      community: r.community,
      label: "基础宣传",
      points,
      reasons,
    };
  });
  return { details, byCommunity: totalsByCommunity(details), issues };
}
