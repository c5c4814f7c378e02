import { defaultRules, Exact, Rules } from "../scoring";
import { InputSheetKey, SHEETS } from "./schema";
import { OutputValue } from "./types";

/**
 * The built-in example (规则 §7.2 `sample`): a town of 12 communities, two of them 村改居, with
 * records of every kind so that `rank` shows every rule at work:
 * - honors: a provincial honor and a same-kind municipal one (counted once, at the higher), a
 *   line-department commendation (one level lower), a town line-department one (0.5), one not
 *   approved by the group and one without a document number (0, with a warning);
 * - publicity: a joint article split among three communities, the same content at two levels
 *   (counted once, at the higher), three town-bulletin articles (80.4 + 3 × 0.2 ties exactly with
 *   81), an article whose author is not staff and one already counted toward a target task (0);
 * - contributions: two on one line above the 5-point line cap, a community above the 20-point
 *   total cap, one without the leader's agreement (0);
 * - staff: the 8th place of the advanced individuals falls in a tie (并列待定), and 考核组决定
 *   is left empty (headers only) so the tie stays open for all to see;
 * - a bonus pool, so money is shared to the cent.
 * Cells are given by the schema's column keys, so the sample follows the schema's column order.
 */
export interface SampleWorkbook {
  records: Partial<Record<InputSheetKey, Record<string, OutputValue>[]>>;
  rules: Rules;
  workplan: OutputValue[][];
}

type Row = Record<string, OutputValue>;

const COMMUNITIES: [string, string, string][] = [
  ["东门社区", "社区", "SQ01"],
  ["西城社区", "社区", "SQ02"],
  ["南苑社区", "社区", "SQ03"],
  ["北湖社区", "社区", "SQ04"],
  ["中山社区", "社区", "SQ05"],
  ["新华社区", "社区", "SQ06"],
  ["文昌社区", "社区", "SQ07"],
  ["锦绣社区", "社区", "SQ08"],
  ["春晖社区", "社区", "SQ09"],
  ["梅园社区", "社区", "SQ10"],
  ["桥头社区", "村改居", "CG01"],
  ["沙湾社区", "村改居", "CG02"],
];

/** 社区基础 20, 社区服务 20, 社区文化 15, 环境卫生 15, 一居一品 15, 行政事务 15. */
const TARGETS: [string, number, number, number, number, number, number][] = [
  ["东门社区", 18, 18.5, 13, 13.5, 14, 13],
  ["西城社区", 17.5, 18, 13, 13, 13, 13.5],
  ["南苑社区", 17, 17.5, 13, 12.5, 13, 13],
  ["北湖社区", 18, 17, 12.5, 13, 12.5, 13],
  ["中山社区", 16.5, 17, 12, 12.5, 12, 13],
  ["新华社区", 16, 16.5, 12, 12, 11.9, 12],
  ["文昌社区", 16, 16.5, 12, 12, 12.5, 12],
  ["锦绣社区", 16.5, 16, 12.5, 12, 12, 12],
  ["春晖社区", 16, 16, 12, 12, 12, 12],
  ["梅园社区", 16, 16, 12, 12, 12, 12],
  ["桥头社区", 18, 18, 13.5, 13.5, 13.5, 13.5],
  ["沙湾社区", 15, 15.5, 11, 11.5, 11, 11],
];

const honor = (
  community: string,
  name: string,
  kind: string | null,
  level: string,
  lineDept: string,
  issuer: string,
  docNo: string | null,
  approved: string
): Row => ({ community, honor: name, kind, level, lineDept, issuer, docNo, approved });

const HONORS: Row[] = [
  honor(
    "东门社区",
    "省级民主法治示范社区",
    "民主法治示范社区",
    "省级",
    "否",
    "省司法厅",
    "苏司通〔2024〕18号",
    "是"
  ),
  honor(
    "东门社区",
    "市级民主法治示范社区",
    "民主法治示范社区",
    "市级",
    "否",
    "市司法局",
    "市司发〔2024〕9号",
    "是"
  ),
  honor(
    "西城社区",
    "区级平安社区（政法委表彰）",
    null,
    "区级",
    "是",
    "区委政法委",
    "区政法〔2024〕5号",
    "是"
  ),
  honor("南苑社区", "镇级优秀志愿服务队", null, "区镇", "是", "镇团委", "镇团〔2024〕3号", "是"),
  honor("北湖社区", "市级文明社区", null, "市级", "否", "市文明办", "市文明〔2024〕21号", "是"),
  honor("中山社区", "省级卫生社区", null, "省级", "否", "省爱卫办", "省爱卫〔2024〕7号", "否"),
  honor("新华社区", "区级先进基层党组织", null, "区级", "否", "区委组织部", "区组〔2024〕11号", "是"),
  honor("文昌社区", "区级巾帼文明岗", null, "区级", "否", "区妇联", null, "是"),
  honor("锦绣社区", "区级和谐社区", null, "区级", "否", "区民政局", "区民〔2024〕15号", "是"),
  honor("桥头社区", "市级美丽宜居村居", null, "市级", "否", "市住建局", "市建〔2024〕30号", "是"),
];

const BASIC: [string, number | null][] = [
  ["东门社区", 5],
  ["西城社区", 4],
  ["南苑社区", 4],
  ["北湖社区", 3],
  ["中山社区", 3],
  ["新华社区", 3],
  ["文昌社区", 3.5],
  ["锦绣社区", 3],
  ["春晖社区", 2],
  ["梅园社区", 2],
  ["桥头社区", 4],
  ["沙湾社区", 0],
];

const article = (
  communities: string,
  title: string,
  contentKey: string | null,
  level: string,
  media: string,
  extra: Row = {}
): Row => ({
  communities,
  title,
  contentKey,
  level,
  media,
  communityBuilding: "是",
  authorIsStaff: "是",
  communityIsSubject: "是",
  countedInTargets: "否",
  ...extra,
});

const PUBLICITY: Row[] = [
  article("东门社区、西城社区、南苑社区", "三社区联合举办邻里文化节", null, "市级", "市日报"),
  article("北湖社区", "北湖社区垃圾分类“绿色账户”见成效", "BH-垃圾分类", "区级", "区融媒体中心"),
  article("北湖社区", "垃圾分类的北湖经验", "BH-垃圾分类", "市级", "市电视台"),
  article("中山社区", "中山社区广场舞大赛侧记", null, "区级", "区报", { authorIsStaff: "否" }),
  article("新华社区", "新华社区开展老年助餐服务", null, "区镇", "镇内部刊物《XX简报》"),
  article("新华社区", "新华社区举办暑期托管班", null, "区镇", "镇内部刊物《XX简报》"),
  article("新华社区", "新华社区志愿者走访独居老人", null, "区镇", "镇内部刊物《XX简报》"),
  article("文昌社区", "文昌社区“一居一品”书香社区建设", null, "省级", "省报"),
  article("锦绣社区", "锦绣社区完成老旧小区改造", null, "区级", "区报", { countedInTargets: "是" }),
  article("春晖社区", "春晖社区网格化服务有温度", null, "区级", "区融媒体中心"),
  article("梅园社区", "梅园社区调解邻里纠纷", null, "区级", "区报"),
];

const contribution = (
  community: string,
  line: string,
  matter: string,
  points: number,
  agreed: string
): Row => ({
  community,
  line,
  matter,
  points,
  leaderAgreed: agreed,
});

const CONTRIBUTIONS: Row[] = [
  contribution("东门社区", "招商引资", "引进商贸综合体项目", 4, "是"),
  contribution("东门社区", "招商引资", "协助引进物流企业", 3, "是"),
  contribution("西城社区", "征地拆迁", "配合道路拓宽拆迁", 5, "是"),
  contribution("西城社区", "建设发展", "老旧小区改造协调", 5, "是"),
  contribution("西城社区", "信访维稳", "化解重点信访积案", 5, "是"),
  contribution("西城社区", "矛盾化解", "调处物业纠纷", 4, "是"),
  contribution("西城社区", "招商引资", "协助企业落户", 3, "是"),
  contribution("南苑社区", "信访维稳", "节日期间维稳值守", 2, "否"),
  contribution("梅园社区", "矛盾化解", "调处邻里纠纷", 1, "是"),
  contribution("春晖社区", "建设发展", "配合口袋公园建设", 1, "是"),
];

/** Staff: the 8th advanced place falls in a tie (two at 91); 村改居 staff are ranked, not eligible. */
const STAFF: [string, string, number][] = [
  ["王建国", "东门社区", 96],
  ["李秀英", "东门社区", 92],
  ["张伟", "西城社区", 95],
  ["刘洋", "西城社区", 89],
  ["陈静", "南苑社区", 93],
  ["杨帆", "南苑社区", 88],
  ["赵磊", "北湖社区", 94],
  ["黄丽", "北湖社区", 87],
  ["周敏", "中山社区", 91.5],
  ["吴刚", "中山社区", 86],
  ["徐芳", "新华社区", 91],
  ["孙涛", "新华社区", 85],
  ["马红", "文昌社区", 91],
  ["朱军", "文昌社区", 84],
  ["胡霞", "锦绣社区", 91],
  ["郭亮", "春晖社区", 88.5],
  ["林娜", "梅园社区", 87.5],
  ["何平", "桥头社区", 97],
  ["高燕", "沙湾社区", 90.5],
];

/** A work plan under way: the template's rows with owners, due dates (Excel serials) and statuses for some points. */
function sampleWorkplan(templateRows: readonly OutputValue[][]): OutputValue[][] {
  const cols = SHEETS.workplan.columns.map((c) => c.key);
  const at = (key: string) => cols.indexOf(key);
  const serial = (iso: string) =>
    Math.round((Date.parse(iso + "T00:00:00Z") - Date.UTC(1899, 11, 30)) / 86_400_000);
  const plan: [string, string, string][] = [
    ["司法局", "2024-03-31", "已完成"],
    ["司法局", "2024-06-30", "已完成"],
    ["社区矫正中心", "2024-12-31", "推进中"],
    ["社区矫正中心", "2024-12-31", "推进中"],
    ["司法所", "2024-09-30", "推进中"],
    ["社区矫正中心", "2024-06-30", "未启动"],
    ["司法局", "2024-10-31", "推进中"],
  ];
  return templateRows.map((row, i) => {
    const out = [...row];
    const p = plan[i];
    if (p) {
      out[at("owner")] = p[0];
      out[at("due")] = serial(p[1]);
      out[at("status")] = p[2];
    } else if (i === 20) {
      out[at("status")] = "已调整";
      out[at("note")] = "待省、市要点出台后调整";
    }
    return out;
  });
}

/**
 * `workplanRows`: the 工作要点 template rows (`workplanTemplateRows()` of src/workplan), passed in
 * by the caller because the work plan sits above the workbook layer.
 */
export function sampleWorkbook(workplanRows: readonly OutputValue[][]): SampleWorkbook {
  const rules = defaultRules();
  rules.year = 2024;
  rules.bonusPool = Exact.int(120000);
  return {
    rules,
    records: {
      communities: COMMUNITIES.map(([name, type, code]) => ({ name, type, code })),
      targets: TARGETS.map(([community, foundation, service, culture, environment, brand, admin]) => ({
        community,
        foundation,
        service,
        culture,
        environment,
        brand,
        admin,
      })),
      honors: HONORS,
      basicPublicity: BASIC.map(([community, score]) => ({ community, score })),
      publicity: PUBLICITY,
      contributions: CONTRIBUTIONS,
      staff: STAFF.map(([name, community, score]) => ({ name, community, score })),
    },
    workplan: sampleWorkplan(workplanRows),
  };
}
