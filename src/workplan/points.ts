/**
 * The 21 points of 社区矫正与安置帮教工作要点, the second document of the seed (规则 §6 工作要点).
 *
 * Transcribed from the seed with two repairs of its text extraction, and nothing else changed:
 * - lines the extraction broke mid-sentence are joined ("坚持问题" + "为导向" → "坚持问题为导向");
 * - full-width punctuation the extraction turned into ASCII is restored: "," → "，", "()" → "（）".
 * Wording, including the seed's own slips (e.g. "公、检、法、监狱及等部门"), is kept as written.
 *
 * `point` is the point's title sentence without its full stop; `detail` is the rest of its text.
 * Points 17, 18 and 20 have no separate title sentence in the seed: their `detail` is the whole
 * text and their `point` a short title taken from their own opening words.
 * test/workplan/points.test.ts checks all of this against the seed file.
 */
export interface WorkplanPoint {
  no: number;
  /** The section heading as the seed gives it, numbering kept: "一、…" orders the sections. */
  section: string;
  point: string;
  detail: string;
}

/** The six section headings, in the seed's order. */
export const WORKPLAN_SECTIONS = [
  "一、继续抓好会议精神贯彻，完善社区矫正工作体制机制",
  "二、严格落实基本任务，确保社区矫正安全持续稳定",
  "三、强化法治思维引领，提升社区矫正规范化建设水平",
  "四、加强基层基础建设，提升社区矫正工作保障水平",
  "五、加强研究和宣传，推进社区矫正工作不断发展",
  "六、建立健全刑释人员社会化救助管理机制，切实增强安置帮教工作社会效果",
] as const;

/** The 21 points, in the seed's order. */
export const WORKPLAN_POINTS: readonly WorkplanPoint[] = [
  {
    no: 1,
    section: WORKPLAN_SECTIONS[0],
    point: "深入贯彻落实各级社区矫正工作会议精神",
    detail: "制定具体贯彻落实计划，坚持问题为导向，全面推开社区矫正工作。",
  },
  {
    no: 2,
    section: WORKPLAN_SECTIONS[0],
    point: "进一步完善社区矫正工作领导体制机制",
    detail:
      "将党委政府统一领导、司法行政部门组织实施、有关部门密切配合、社会力量广泛参与工作体制机制落到实处。紧紧依靠县社区矫正工作领导小组组织领导，通过社区矫正联席会议和联络员制度，协调解决重大疑难问题，推动各部门较好地履行职责。",
  },
  {
    no: 3,
    section: WORKPLAN_SECTIONS[1],
    point: "切实加强监督管理",
    detail:
      "严格落实各项监管制度和措施，重点抓好社区服刑人员外出管理、考核奖惩、收监执行等工作，维护社区矫正正常秩序，确保刑罚执行严肃性。",
  },
  {
    no: 4,
    section: WORKPLAN_SECTIONS[1],
    point: "切实加强教育矫正",
    detail:
      "认真执行《全省社区服刑人员教育矫正大纲》，指导和规范教育矫正活动。重点抓好集中教育活动，制定集中教育计划，明确社区矫正中心与司法所任务分工，提高教育的针对性和实效性。推行社区服务菜单制管理，开发、建立社区服务项目，完善社区服务管理和考核，确保社区服务的落实和效果。",
  },
  {
    no: 5,
    section: WORKPLAN_SECTIONS[1],
    point: "切实加强社会适应性帮扶工作",
    detail:
      "加大工作力度，协调解决社区服刑人员就业、就学、最低生活保障、临时救助、社会保险等问题，为社区服刑人员安心改造并融入社会创造条件。深化“黄丝带帮教活动”计划，制定具体项目和措施，丰富帮教内容，拓展帮教载体，保证帮教活动取得实效。",
  },
  {
    no: 6,
    section: WORKPLAN_SECTIONS[1],
    point: "强化安全防范措施",
    detail:
      "建立社区服刑人员重新犯罪、撤销缓刑、撤销假释、收监案件一案一报制度，定期召开监管安全分析会，建立健全安全预警、突发事件处置工作机制，提高社区矫正安全防范能力。",
  },
  {
    no: 7,
    section: WORKPLAN_SECTIONS[1],
    point: "加强执法监督检查",
    detail:
      "重点检查适用社区矫正调查评估、外出和居住地变更审批、考核奖惩、提请执行变更等执法环节，督促对存在的问题及时整改，防止执法中不作为、乱作为、不规范问题。",
  },
  {
    no: 8,
    section: WORKPLAN_SECTIONS[2],
    point: "加强社区矫正制度建设",
    detail:
      "加强与县法院、检察院、公安局的沟通协调，制定相关工作规定，细化完善工作流程，实现制度全覆盖，确保社区矫正工作规范运行。",
  },
  {
    no: 9,
    section: WORKPLAN_SECTIONS[2],
    point: "规范县社区矫正中心运行和管理",
    detail:
      "优化功能设置，规范运作机制，完善配套管理制度，切实发挥县社区矫正中心作用，构建具有特色的社区矫正集中执法和管理模式。",
  },
  {
    no: 10,
    section: WORKPLAN_SECTIONS[2],
    point: "加强业务培训",
    detail: "落实分级培训计划和任务，加强基层社区矫正工作人员法规政策、基础执法业务培训。",
  },
  {
    no: 11,
    section: WORKPLAN_SECTIONS[3],
    point: "加强社区矫正机构建设",
    detail:
      "推动县社区矫正机构向实体性“队建制”模式转变，配齐配强专职工作人员，司法所至少确定一名政法专项编制人员专职从事社区矫正工作。",
  },
  {
    no: 12,
    section: WORKPLAN_SECTIONS[3],
    point: "加强社区矫正工作队伍建设",
    detail:
      "认真贯彻落实司法部等六部门《关于组织社会力量参与社区矫正工作的意见》，推进政府向社会组织购买社区矫正服务工作，发展社区矫正专职社工和志愿者队伍。",
  },
  {
    no: 13,
    section: WORKPLAN_SECTIONS[3],
    point: "加强社区矫正工作站建设",
    detail: "建立健全社区矫正村（居）监管体系，动员村（居）组织力量参与对社区服刑人员监管帮教。",
  },
  {
    no: 14,
    section: WORKPLAN_SECTIONS[3],
    point: "加强社区矫正经费保障",
    detail:
      "认真贯彻落实《财政部司法部关于进一步加强社区矫正经费保障的意见》，加强社区矫正经费的使用管理，确保经费使用到社区矫正工作中。",
  },
  {
    no: 15,
    section: WORKPLAN_SECTIONS[3],
    point: "加强社区矫正信息化工作",
    detail:
      "加强管理系统应用、手机定位与刷证报到管理。推行运用电子腕带试点，对需要重点监管的社区服刑人员进行实时监控。推动建立与公、检、法、监狱及等部门相关网络平台之间的联接，实行人员、法律文书交付、提请治安处罚、提请撤销缓刑、收监执行等执法活动网上办理，实现社区服刑人员信息互联互通，提高社区矫正工作执法效能。",
  },
  {
    no: 16,
    section: WORKPLAN_SECTIONS[4],
    point: "加强工作宣传",
    detail:
      "继续加强社区矫正信息报道工作，积极与媒体的沟通联系，提高社区矫正社会宣传效果，为依法实行社区矫正工作营造良好的社会氛围。",
  },
  {
    no: 17,
    section: WORKPLAN_SECTIONS[5],
    point: "健全“黄丝带帮教行动”工作机制",
    detail:
      "根据上级安排，健全“黄丝带帮教行动”工作机制，深化帮教行动成果，引导推动更多社会力量参与安置帮教工作。",
  },
  {
    no: 18,
    section: WORKPLAN_SECTIONS[5],
    point: "扩大社会力量参与安置帮教工作途径",
    detail:
      "扩大社会力量参与安置帮教工作途径，积极推动通过政府购买服务吸纳社会组织参与安置帮教工作，实现监狱、安置帮教组织、社会组织的有效互动，彰显帮教实效。",
  },
  {
    no: 19,
    section: WORKPLAN_SECTIONS[5],
    point: "抓好刑满释放人员衔接措施落实",
    detail:
      "分类做好刑满释放人员出监所衔接工作，落实重点帮教对象必接必送措施。争取解决重点帮教对象刑满释放时衔接保障经费。",
  },
  {
    no: 20,
    section: WORKPLAN_SECTIONS[5],
    point: "大力推进依托社会企业建立安置基地工作",
    detail:
      "大力推进依托社会企业建立安置基地工作，充分发挥政府投入的安置基地作用，切实提高刑满释放人员的安置率和帮教率。",
  },
  {
    no: 21,
    section: WORKPLAN_SECTIONS[5],
    point: "抓好新版全国刑满释放人员信息管理系统的应用工作",
    detail:
      "依托系统全面开展服刑人员基本信息核查、刑满释放人员网上信息衔接、安置帮教数据库建设。推动远程帮教探视系统建设，规范探视系统应用。",
  },
];

/**
 * The seed's closing sentence: the points are provisional until the province and city publish
 * theirs, which is why the sheet lets rows be added, edited or marked 已调整.
 */
export const WORKPLAN_CLOSING_NOTE =
  "上述要点，将待省、市司法行政部门XX年度工作要点出台后再结合我县实际及时予以调整和修改。";
