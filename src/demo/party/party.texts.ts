// Words for the demo party records: where relations sit when not here, what meetings were about,
// where branches meet, why a transfer was sent back. Invented but of the kinds Binzhou's records hold.

import type { Random } from '../../lib/random';

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const WORK_UNITS = words(`
  滨州市供电公司 滨州市人民医院 滨州医学院附属医院 滨州学院 滨州市第一中学 滨州市实验学校 中国银行滨州分行
  滨州市交通运输局 滨州市税务局 滨化集团 魏桥创业集团 西王集团 京博控股集团 渤海活塞公司 滨州市自来水公司
  滨城区人民法院 滨州市中心血站 山东滨州港集团 滨州市公路事业发展中心
`);
const PLATFORMS = words('顺丰速运 中通快递 圆通速递 京东物流 美团外卖 饿了么 滴滴出行 韵达快递 货拉拉');
const VILLAGES = words(`
  王家庄 李家庄 张集 刘庄 后店 前屯 东关 西街 北洼 南坡 大王 小李 孙家 赵庄 马家 于家 杨集 高庄 郭家 徐家
`);

/** Places of the home registration codes the generator uses (people.numbers.ts), for "relation at home". */
const PLACES: Record<string, string> = {
  '3716': '滨州市',
  '3723': '滨州市',
  '371602': '滨州市滨城区',
  '372301': '滨州市滨城区',
  '371603': '滨州市沾化区',
  '371624': '滨州市沾化区',
  '372324': '滨州市沾化区',
  '371621': '滨州市惠民县',
  '372321': '滨州市惠民县',
  '371622': '滨州市阳信县',
  '372322': '滨州市阳信县',
  '371623': '滨州市无棣县',
  '372323': '滨州市无棣县',
  '371625': '滨州市博兴县',
  '372325': '滨州市博兴县',
  '371681': '滨州市邹平市',
  '371626': '滨州市邹平市',
  '372330': '滨州市邹平市',
  '370102': '济南市历下区',
  '370103': '济南市市中区',
  '370302': '淄博市淄川区',
  '370303': '淄博市张店区',
  '370502': '东营市东营区',
  '370503': '东营市河口区',
  '370523': '东营市广饶县',
  '370702': '潍坊市潍城区',
  '370781': '青州市',
  '371402': '德州市德城区',
  '371425': '德州市齐河县',
  '371426': '德州市平原县',
  '371502': '聊城市东昌府区',
  '371321': '临沂市沂南县',
  '130902': '河北省沧州市新华区',
  '130984': '河北省河间市',
  '131121': '河北省枣强县',
  '410526': '河南省滑县',
  '411421': '河南省民权县',
  '341221': '安徽省临泉县',
  '320321': '江苏省丰县',
  '230103': '黑龙江省哈尔滨市南岗区',
  '220104': '吉林省长春市朝阳区',
  '140105': '山西省太原市小店区',
  '150102': '内蒙古呼和浩特市新城区',
  '421023': '湖北省监利市',
  '510722': '四川省三台县',
  '120110': '天津市东丽区',
};

/** A party organisation back home: the member's village branch where the ID number was issued. */
export function homeBranch(random: Random, idNumber: string): string {
  const place = PLACES[idNumber.slice(0, 6)] ?? PLACES[idNumber.slice(0, 4)] ?? '原籍';
  return `${place}${random.pick(VILLAGES)}村党支部`;
}

export function workUnitOrg(random: Random, retired: boolean): string {
  return `${random.pick(WORK_UNITS)}${retired ? '离退休党支部' : '党委'}`;
}

export function platformBranch(random: Random): string {
  return `${random.pick(PLATFORMS)}滨州站点党支部`;
}

const TOPICS: Record<string, string[]> = {
  branch_meeting: words(`
    学习贯彻党的二十届三中全会精神 讨论网格内老旧小区改造意见 研究发展党员工作 通报季度党费收缴情况
    研究网格民生实事项目 讨论物业服务监督事项 部署防汛和安全生产工作
  `),
  committee_meeting: words('研究支部季度工作计划 讨论流动党员管理办法 研究困难党员帮扶名单 部署主题党日活动'),
  group_meeting: words(
    '学习党章 讨论楼栋环境卫生 通报楼栋民情 走访联系户情况交流 学习《中国共产党纪律处分条例》',
  ),
  party_lecture: words(
    '书记讲党课：践行为民初心 学习习近平新时代中国特色社会主义思想 党史学习：渤海革命老区 廉洁教育专题党课',
  ),
  theme_party_day: words(`
    主题党日：社区环境整治志愿服务 主题党日：重温入党誓词 主题党日：走访慰问困难群众 主题党日：文明城市创建
    主题党日：垃圾分类宣传 主题党日：政策宣讲进楼栋 主题党日：为老服务
  `),
  org_life_meeting: words('年度组织生活会暨批评与自我批评 专题组织生活会'),
  democratic_review: words('年度民主评议党员'),
};

export function lifeTopic(random: Random, kind: string): string {
  return random.pick(TOPICS[kind] ?? TOPICS.branch_meeting!);
}

/** Where a grid branch meets: the grid's station, a compound's post, a room lent by the community. */
export function meetingPlace(
  random: Random,
  opts: { gridName: string; compoundName: string; communityName: string },
) {
  const x = random.next();
  if (x < 0.45) return `${opts.gridName}党群服务站`;
  if (x < 0.75 && opts.compoundName) return `${opts.compoundName}党群服务驿站`;
  if (x < 0.9) return `${opts.communityName}党群服务中心${opts.gridName}活动室`;
  return `${opts.compoundName || opts.gridName}物业服务中心会议室`;
}

export const REFUSAL_REASONS = words(`
  组织关系介绍信信息不全，请补充后重新申请 流动党员活动证已过期，请先到原党组织办理 本人申请撤回，暂不转入
  原党组织尚未出具转出证明
`);
