import { msg, Msg } from "../scoring";

/**
 * The pane's words for explaining the ranking (issue 12): a community's card, 试算 and the weight
 * of each [I] reading. Chinese first, English second, as every word of the pane; kept beside the
 * components that use them.
 */
export const EXPLAIN_WORDS = {
  cardOpenHint: msg(
    "点击社区查看其各项得分和每条记录",
    "Click a community to see its points and every record"
  ),
  cardClose: msg("关闭", "Close"),
  cardTotal: msg("综合得分", "Total"),
  cardGapToCut: msg("距先进线", "Gap to the cut"),
  cardGapToAbove: msg("距上一名", "Behind the one above"),
  cardNotEligible: msg("村改居不参评", "村改居: not eligible"),
  cardCategories: msg("目标管理", "Target management"),
  cardMax: msg("满分", "Max"),
  cardScore: msg("得分", "Score"),
  cardRow: msg("行", "Row"),
  cardItem: msg("项目", "Item"),
  cardPoints: msg("分数", "Points"),
  cardReason: msg("计分依据", "Reason"),
  cardNoRecords: msg("没有记录", "No records"),
  cardSelectHint: msg(
    "点击一条记录，在工作簿中选中它所在的行",
    "Click a record to select its row in the workbook"
  ),
  cardInputErrors: msg(
    "工作簿有错误，无法显示：请先校验并改正",
    "The workbook has errors: validate and fix them first"
  ),
  cardGone: msg(
    "该社区已不在工作簿中：请重新排名",
    "That community is no longer in the workbook: rank again"
  ),
  whatifTitle: msg("试算", "What if"),
  whatifIntro: msg(
    "改一个设置的值，看名次、得分和先进名单如何变化；试算不写工作簿，点“应用并排名”才写入设置表并重新排名。",
    "Change one setting and see how ranks, totals and the advanced lists move; nothing is written until Apply and rank writes it to the settings sheet and ranks."
  ),
  whatifKey: msg("设置项", "Setting"),
  whatifValue: msg("新值", "New value"),
  whatifTry: msg("试算", "Try"),
  whatifApply: msg("应用并排名", "Apply and rank"),
  whatifNothing: msg(
    "名次、综合得分和先进标记都没有变化",
    "Nothing moves: every rank, total and advanced mark stays"
  ),
  whatifCommunity: msg("社区", "Community"),
  whatifRank: msg("名次", "Rank"),
  whatifAdvanced: msg("先进", "Advanced"),
  whatifPerson: msg("姓名", "Name"),
  whatifNoSheet: msg(
    "工作簿没有设置表（带项目、值列）：请先创建模板",
    "The workbook has no settings sheet with 项目 and 值: create the sheets first"
  ),
  whatifInputErrors: msg(
    "工作簿有错误，无法试算：请先校验并改正",
    "The workbook has errors: validate and fix them first"
  ),
  interpretTitle: msg("各项理解的影响", "How much each interpretation matters"),
  interpretIntro: msg(
    "对标 [I] 的每项理解换一种读法重新排名（区级、市级分值每 0.5 分试一次），看先进社区和先进个人是否改变、谁变动。",
    "Each [I] reading is ranked again under the other reading (the district and city points every 0.5 point): do the advanced communities or individuals change, and who moves?"
  ),
  interpretRun: msg("分析", "Analyse"),
  interpretChanges: msg("会改变先进名单", "changes the advanced list"),
  interpretSame: msg("不改变先进名单", "advanced list unchanged"),
} satisfies Record<string, Msg>;

/** 第 N 名（共 M 个社区）. */
export const placeWords = (rank: number, count: number): Msg =>
  msg(`第 ${rank} 名（共 ${count} 个社区）`, `Place ${rank} of ${count}`);
