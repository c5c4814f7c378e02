import { Exact } from "./exact";
import { pts } from "./format";
import { HighestPerKey } from "./highest";
import { totalsByCommunity } from "./honors";
import { Level, LEVEL_NAMES, levelIndex } from "./levels";
import { BasicPublicityRecord, EngineIssue, PublicityRecord, Reason, RecordScore } from "./model";
import { Rules } from "./rules";
import { foldKey, msg } from "./text";

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

export interface PublicityScores {
  details: RecordScore[];
  byCommunity: Map<string, Exact>;
  issues: EngineIssue[];
}

/** External publicity: level points, four disqualifiers, joint split, same content once at its highest share. */
/** The rules external publicity reads (the assessor re-scores it only when one of them changes). */
export const PUBLICITY_RULES = ["publicityPoints", "subjectRuleScope"] as const;

/** The rules basic publicity reads. */
export const BASIC_PUBLICITY_RULES = ["basicPublicityMin", "basicPublicityMax"] as const;

export function scorePublicity(
  records: readonly PublicityRecord[],
  rules: Pick<Rules, (typeof PUBLICITY_RULES)[number]>
): PublicityScores {
  const issues: EngineIssue[] = [];
  const details: RecordScore[] = [];
  // The shares that count so far, for 同一篇内容就高不就低, by their position in `details`.
  const highest = new HighestPerKey(records.length);
  // Few (level, sharing) pairs occur: each reason, its one-reason list and share are built once.
  const reasonCache = new Map<number, { reason: Reason; reasons: readonly Reason[]; share: Exact }>();
  for (const r of records) {
    const listed = r.communities.length === 1 ? r.communities : [...new Set(r.communities)];
    if (listed.length < r.communities.length)
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
    const sharing = Math.max(1, listed.length);
    const cacheKey = levelIndex(r.level) + 8 * sharing;
    let base = reasonCache.get(cacheKey);
    if (!base) {
      const reason = articleReason(r.level, sharing, rules);
      base = { reason, reasons: Object.freeze([reason]), share: articleShare(r.level, sharing, rules) };
      reasonCache.set(cacheKey, base);
    }
    const refusals = publicityRefusals(r, rules);
    const content =
      refusals.length === 0
        ? foldKey(r.contentKey && r.contentKey.trim() !== "" ? r.contentKey : r.title)
        : "";
    // A refused article's communities share one list of reasons too.
    const reasons = refusals.length ? [base.reason, ...refusals] : base.reasons;
    for (const community of listed) {
      if (refusals.length === 0) highest.offer(details.length, community, content, base.share, r.row);
      details.push({
        source: "publicity",
        row: r.row,
        community,
        label: r.title,
        points: refusals.length ? Exact.ZERO : base.share,
        reasons,
      });
    }
  }

  highest.forEachBeaten((i, j) => {
    const detail = details[i];
    const higherRow = details[j].row;
    detail.points = Exact.ZERO;
    detail.reasons = [
      ...detail.reasons,
      {
        rule: "publicity.sameContent",
        text: msg(
          `同一篇内容已按更高得分计分（第 ${higherRow} 行），本条不计分`,
          `Same content already counted at a higher share (row ${higherRow}): no points`
        ),
      },
    ];
  });

  return { details, byCommunity: totalsByCommunity(details), issues };
}

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
