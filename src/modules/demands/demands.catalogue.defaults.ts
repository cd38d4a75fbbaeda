import type { CategoryAttribute } from './demands.schemas';
import type { LimitUnit, ResponsibleKind } from './demands.table';

// The starting catalogue (诉求分类目录) the platform installs on an empty database. The city body
// compiles this list of matters, publishes it and adjusts it (Binzhou grid regulation art. 10:
// 编制网格服务管理事项清单，向社会公示并动态调整); admins edit it in the console afterwards.
// Urban-management classes follow GB/T 30428 (数字化城市管理信息系统 部件和事件): 市容环境, 宣传广告,
// 施工管理, 突发事件, 街面秩序, and the 部件 classes 公用设施 and 园林绿化; the rest are community
// matters. Limits are what the work order states (Beijing art. 13: 应当在诉求工单上注明办理时限):
// working days for most, working hours for emergencies, and first contact in working hours
// (art. 15(1): 及时联系诉求人), never later than the handling limit itself.

/** One category of the starting catalogue, with the limits of its version 1. */
export interface DefaultCategory {
  code: string;
  zh: string;
  en: string;
  eventClass: string | null;
  limit: number;
  unit: LimitUnit;
  firstContactHours: number;
  party: ResponsibleKind;
  department?: string;
  attributes?: CategoryAttribute[];
}

type Limits = Pick<DefaultCategory, 'limit' | 'unit' | 'firstContactHours'>;
type Routing = Pick<DefaultCategory, 'party' | 'department'>;
type Extra = Partial<Pick<DefaultCategory, 'eventClass' | 'attributes'>> & Partial<Routing>;
interface Sub {
  code: string;
  zh: string;
  en: string;
  limits: Limits;
  extra: Extra;
}
const days = (limit: number, firstContactHours: number): Limits => ({
  limit,
  unit: 'working_days',
  firstContactHours,
});
const hours = (limit: number, firstContactHours: number): Limits => ({
  limit,
  unit: 'working_hours',
  firstContactHours,
});

const CITY_MANAGEMENT = '城市管理局';
const ECOLOGY = '生态环境局';
const MARKET = '市场监督管理局';
const HOUSING = '住房和城乡建设局';
const WATER = '水务局';

const yesNo = [
  { key: 'yes', name: { zh: '是', en: 'Yes' } },
  { key: 'no', name: { zh: '否', en: 'No' } },
];
const floor = (order: number): CategoryAttribute => ({
  code: 'floor',
  datatype: 'string',
  required: false,
  description: { zh: '所在楼层', en: 'Floor' },
  order,
  values: [],
});
const trapped: CategoryAttribute = {
  code: 'trapped',
  datatype: 'singlevaluelist',
  required: true,
  description: { zh: '是否有人被困', en: 'Is anyone trapped?' },
  order: 2,
  values: yesNo,
};

const dept = (department: string): Routing => ({ party: 'department', department });
const party = (p: Exclude<ResponsibleKind, 'department'>): Routing => ({ party: p });
const sub = (code: string, zh: string, en: string, limits: Limits, extra: Extra = {}): Sub => ({
  code,
  zh,
  en,
  limits,
  extra,
});

/** A top-level category and its sub-categories, which take its event class and party unless they say otherwise. */
function group(
  top: { code: string; zh: string; en: string; eventClass: string | null },
  limits: Limits,
  routing: Routing,
  subs: Sub[],
): DefaultCategory[] {
  const base = { eventClass: top.eventClass, ...routing };
  return [
    { ...top, ...limits, ...routing },
    ...subs.map((s) => {
      const routed = s.extra.party ? { party: s.extra.party, department: s.extra.department } : routing;
      return {
        ...base,
        ...s.extra,
        ...routed,
        code: `${top.code}.${s.code}`,
        zh: s.zh,
        en: s.en,
        ...s.limits,
      };
    }),
  ];
}

const plate: CategoryAttribute = {
  code: 'plate',
  datatype: 'string',
  required: false,
  description: { zh: '车牌号', en: 'Number plate' },
  order: 1,
  values: [],
};
const roomTemperature: CategoryAttribute = {
  code: 'room_temperature',
  datatype: 'number',
  required: false,
  description: { zh: '室内温度（℃）', en: 'Room temperature (°C)' },
  order: 1,
  values: [],
};

/** Top-level categories each followed by their sub-categories; codes `parent.child`. */
export const DEFAULT_CATALOGUE: readonly DefaultCategory[] = [
  // 物业维修 — the compound's property company (共用部位、共用设施设备的维修养护).
  ...group(
    { code: 'property', zh: '物业维修', en: 'Property repairs', eventClass: null },
    days(5, 24),
    party('property_company'),
    [
      sub('water_power', '水电维修', 'Water and power repairs', days(2, 4)),
      sub('elevator', '电梯故障', 'Lift out of order', days(2, 4), { attributes: [floor(1), trapped] }),
      sub('roof_leak', '屋面渗漏', 'Roof leaking', days(5, 24), { attributes: [floor(1)] }),
      sub('access_control', '门禁故障', 'Door entry system broken', days(3, 8)),
    ],
  ),
  // 业主自治 — matters of the owners' committee.
  ...group(
    { code: 'owners', zh: '业主自治', en: "Owners' self-governance", eventClass: null },
    days(15, 24),
    party('owners_committee'),
    [
      sub('public_income', '公共收益', 'Income from common parts', days(15, 24)),
      sub('committee', '业委会事务', "Owners' committee affairs", days(15, 24)),
    ],
  ),
  // 环境卫生 — GB/T 30428 市容环境; the grid worker first.
  ...group(
    { code: 'sanitation', zh: '环境卫生', en: 'Sanitation', eventClass: '市容环境' },
    days(3, 8),
    party('grid'),
    [
      sub('garbage', '垃圾清运', 'Rubbish not collected', days(1, 4)),
      sub('corridor_clutter', '楼道堆物', 'Clutter in stairwells', days(3, 8)),
      sub('road_dirty', '道路不洁', 'Dirty road', days(1, 4)),
    ],
  ),
  // 绿化 — GB/T 30428 部件 园林绿化.
  ...group(
    { code: 'greening', zh: '绿化', en: 'Greenery', eventClass: '园林绿化' },
    days(10, 24),
    party('property_company'),
    [
      sub('trimming', '树木修剪', 'Tree trimming', days(10, 24)),
      sub('damaged', '毁绿占绿', 'Green space damaged or occupied', days(5, 24), party('grid')),
      sub('public', '公共绿地养护', 'Public green upkeep', days(10, 24), dept(CITY_MANAGEMENT)),
    ],
  ),
  // 停车
  ...group(
    { code: 'parking', zh: '停车', en: 'Parking', eventClass: null },
    days(5, 24),
    party('property_company'),
    [
      sub('illegal', '乱停车', 'Illegal parking', days(2, 8), {
        ...party('grid'),
        eventClass: '街面秩序',
        attributes: [plate],
      }),
      sub('space_dispute', '车位纠纷', 'Parking space dispute', days(5, 24)),
      sub('charging', '充电桩', 'EV charging points', days(10, 24), party('cobuild_unit')),
    ],
  ),
  // 噪声扰民 — 生态环境局 for businesses and building sites; noise between neighbours through the community.
  ...group(
    { code: 'noise', zh: '噪声扰民', en: 'Noise nuisance', eventClass: null },
    days(5, 24),
    dept(ECOLOGY),
    [
      sub('commercial', '商业经营噪声', 'Noise from businesses', days(5, 24)),
      sub('construction', '施工扰民', 'Construction noise', days(3, 8), { eventClass: '施工管理' }),
      sub('household', '生活噪声', 'Noise from neighbours', days(5, 24), party('community')),
    ],
  ),
  // 邻里纠纷
  ...group(
    { code: 'neighbour', zh: '邻里纠纷', en: 'Neighbour disputes', eventClass: null },
    days(10, 24),
    party('community'),
    [
      sub('dispute', '邻里矛盾', 'Quarrel between neighbours', days(10, 24)),
      sub('leak', '楼上漏水纠纷', 'Leak from the flat above', days(5, 24), { attributes: [floor(1)] }),
    ],
  ),
  // 养老服务
  ...group(
    { code: 'elderly', zh: '养老服务', en: 'Elderly care', eventClass: null },
    days(5, 24),
    party('community'),
    [
      sub('home_care', '居家养老服务', 'Home care for the elderly', days(5, 24)),
      sub('assistance', '困难老人帮扶', 'Help for elderly people in need', days(3, 8)),
      sub('canteen', '老年助餐', 'Meals for the elderly', days(5, 24), party('cobuild_unit')),
    ],
  ),
  // 供暖供气
  ...group(
    { code: 'utilities', zh: '供暖供气', en: 'Heating and gas', eventClass: null },
    days(3, 8),
    dept(HOUSING),
    [
      sub('heating', '供暖不热', 'Heating not warm enough', days(3, 8), { attributes: [roomTemperature] }),
      sub('gas_leak', '燃气泄漏', 'Gas leak', hours(2, 1), { eventClass: '突发事件' }),
      sub('water_outage', '停水', 'Water supply cut', hours(8, 2), dept(WATER)),
    ],
  ),
  // 违章搭建 — GB/T 30428 市容环境 私搭乱建; 城市管理局 enforces.
  ...group(
    { code: 'illegal_building', zh: '违章搭建', en: 'Illegal building', eventClass: '市容环境' },
    days(15, 24),
    dept(CITY_MANAGEMENT),
    [
      sub('rooftop', '楼顶加建', 'Rooftop extension', days(15, 24)),
      sub('yard', '私搭乱建', 'Unauthorised shed or enclosure', days(10, 24)),
    ],
  ),
  // 公共设施 — GB/T 30428 部件 公用设施.
  ...group(
    { code: 'facilities', zh: '公共设施', en: 'Public facilities', eventClass: '公用设施' },
    days(5, 24),
    party('community'),
    [
      sub('street_light', '路灯不亮', 'Street light out', days(5, 24), dept(CITY_MANAGEMENT)),
      sub('manhole', '井盖缺失破损', 'Manhole cover missing or broken', hours(8, 2), dept(CITY_MANAGEMENT)),
      sub('fitness', '健身器材损坏', 'Fitness equipment broken', days(10, 24)),
    ],
  ),
  // 治安消防
  ...group(
    { code: 'safety', zh: '治安消防', en: 'Public safety and fire', eventClass: null },
    days(3, 8),
    party('grid'),
    [
      sub('fire_lane', '消防通道堵塞', 'Fire lane blocked', hours(8, 2), party('property_company')),
      sub('fire_equipment', '消防设施损坏', 'Fire equipment broken', days(3, 8), party('property_company')),
      sub('hazard', '安全隐患', 'Safety hazard', days(2, 4)),
    ],
  ),
  // 街面秩序 — GB/T 30428.
  ...group(
    { code: 'street_order', zh: '街面秩序', en: 'Street order', eventClass: '街面秩序' },
    days(3, 8),
    party('grid'),
    [
      sub('occupying', '占道经营', 'Trading on the roadway', days(3, 8)),
      sub('outside_shop', '店外经营', 'Trading outside the shop', days(3, 8)),
      sub('barbecue', '露天烧烤', 'Open-air barbecue', days(1, 4)),
      sub('food_safety', '食品安全', 'Food safety', days(5, 24), { ...dept(MARKET), eventClass: null }),
    ],
  ),
  // 宣传广告 — GB/T 30428.
  ...group(
    { code: 'advertising', zh: '宣传广告', en: 'Advertising', eventClass: '宣传广告' },
    days(3, 8),
    party('grid'),
    [
      sub('flyers', '违章张贴小广告', 'Illegal flyers', days(3, 8)),
      sub('outdoor', '违规户外广告', 'Unlawful billboard', days(10, 24), dept(CITY_MANAGEMENT)),
    ],
  ),
  // 施工管理 — GB/T 30428.
  ...group(
    { code: 'construction', zh: '施工管理', en: 'Construction sites', eventClass: '施工管理' },
    days(3, 8),
    dept(CITY_MANAGEMENT),
    [
      sub('dust', '工地扬尘', 'Dust from a building site', days(3, 8)),
      sub('spill', '道路遗撒', 'Spillage on the road', days(2, 8)),
    ],
  ),
  // 突发事件 — GB/T 30428: limits in working hours.
  ...group(
    { code: 'emergency', zh: '突发事件', en: 'Emergencies', eventClass: '突发事件' },
    hours(4, 1),
    party('street'),
    [
      sub('elevator_trapped', '电梯困人', 'People trapped in a lift', hours(2, 1), {
        ...party('property_company'),
        attributes: [floor(1)],
      }),
      sub('pipe_burst', '自来水管破裂', 'Burst water main', hours(4, 1), dept(WATER)),
      sub('waterlogging', '道路积水', 'Flooded road', hours(8, 2), dept(CITY_MANAGEMENT)),
    ],
  ),
  // 政策咨询 — answered within one working day.
  ...group(
    { code: 'consultation', zh: '政策咨询', en: 'Policy questions', eventClass: null },
    days(1, 4),
    party('community'),
    [
      sub('social_security', '社保医保', 'Pensions and health insurance', days(1, 4)),
      sub('housing', '住房政策', 'Housing policy', days(1, 4)),
    ],
  ),
];
