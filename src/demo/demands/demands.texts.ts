// What the demo demands say: residents' descriptions by category, and the handlers' notes on each
// step (reasons for declining, returning, extending; replies; callback comments). `{p}` is the
// place as a resident names it (the compound, or the grid's streets), `{b}` a building number.

import type { Random } from '../../lib/random';

/** Descriptions by category code; a code not listed falls back to its parent's, then to the generic one. */
const DESCRIPTIONS: Record<string, readonly string[]> = {
  property: ['{p}{b}号楼公共部位损坏，物业迟迟不修，请督促处理。', '{p}小区设施老化，多次向物业反映未解决。'],
  'property.water_power': [
    '{p}{b}号楼楼道灯不亮已一周，晚上上下楼很不方便。',
    '{p}{b}号楼单元水管漏水，地面积水严重。',
  ],
  'property.elevator': ['{p}{b}号楼电梯经常停运，老人上下楼困难。', '{p}{b}号楼电梯运行时有异响，担心安全。'],
  'property.roof_leak': [
    '{p}{b}号楼顶层下雨漏水，墙皮脱落，请尽快维修屋面防水。',
    '{p}{b}号楼外墙渗水，室内墙面发霉。',
  ],
  'property.access_control': [
    '{p}{b}号楼单元门禁损坏，外来人员随意进出。',
    '{p}小区大门道闸失灵，车辆进出混乱。',
  ],
  owners: ['{p}业主大会筹备进展缓慢，希望社区指导。'],
  'owners.public_income': [
    '{p}电梯广告、停车收益去向不明，要求公示公共收益。',
    '{p}公共收益多年未公开，业主要求查账。',
  ],
  'owners.committee': [
    '{p}业委会换届迟迟不启动，请街道社区督促。',
    '{p}业委会决定事项未征求业主意见，要求说明。',
  ],
  sanitation: ['{p}周边环境脏乱，请安排清理。'],
  'sanitation.garbage': ['{p}垃圾桶满溢两天无人清运，气味很大。', '{p}{b}号楼旁建筑垃圾堆放多日未清。'],
  'sanitation.corridor_clutter': [
    '{p}{b}号楼楼道堆满杂物，影响通行也有火灾隐患。',
    '{p}{b}号楼有住户在楼道长期堆放纸箱废品。',
  ],
  'sanitation.road_dirty': ['{p}门前道路泥土多，下雨后满地泥泞。', '{p}附近路面油污严重，行人易滑倒。'],
  greening: ['{p}绿化带缺少养护，杂草丛生。'],
  'greening.trimming': [
    '{p}{b}号楼前树木过高遮挡低层采光，请修剪。',
    '{p}树枝伸进住户窗户，刮风时敲打玻璃。',
  ],
  'greening.damaged': ['{p}有人在绿地里种菜，破坏公共绿化。', '{p}绿化带被改成停车位，请恢复。'],
  'greening.public': ['{p}附近街头游园草坪枯黄、设施损坏。', '{p}路边行道树枯死未补种。'],
  parking: ['{p}停车管理混乱，请规范。'],
  'parking.illegal': ['{p}门口车辆乱停，堵住消防通道和出入口。', '{p}路边长期停放僵尸车，占用车位。'],
  'parking.space_dispute': ['{p}车位被他人长期占用，物业不管。', '{p}地下车位只租不售，收费不合理。'],
  'parking.charging': ['{p}没有电动车充电桩，居民飞线充电很危险。', '{p}希望增设新能源汽车充电桩。'],
  noise: ['{p}附近噪声扰民，影响休息。'],
  'noise.commercial': ['{p}楼下饭店排风扇噪声大，夜里也不停。', '{p}附近商铺音响外放声音太大。'],
  'noise.construction': [
    '{p}附近工地夜间施工，晚上十一点后仍有噪声。',
    '{p}旁边工地凌晨开始作业，吵得无法休息。',
  ],
  'noise.household': ['{p}{b}号楼楼上住户经常深夜发出噪声。', '{p}{b}号楼有住户装修不按规定时间施工。'],
  neighbour: ['{p}邻里之间发生矛盾，希望社区调解。'],
  'neighbour.dispute': ['{p}{b}号楼邻居占用公共走廊，多次协商无果。', '{p}{b}号楼邻居养狗不拴绳，发生争执。'],
  'neighbour.leak': [
    '{p}{b}号楼楼上漏水到我家，楼上住户不配合维修。',
    '{p}{b}号楼楼上卫生间渗水，天花板发霉。',
  ],
  elderly: ['{p}老人希望得到社区养老服务。'],
  'elderly.home_care': [
    '{p}{b}号楼独居老人行动不便，想申请居家养老上门服务。',
    '家中老人卧床，希望了解{p}附近的居家养老服务。',
  ],
  'elderly.assistance': [
    '{p}{b}号楼高龄老人生活困难，希望社区帮扶。',
    '{p}独居老人家中取暖困难，请社区关注。',
  ],
  'elderly.canteen': ['{p}附近没有老年食堂，老人吃饭不方便。', '希望{p}周边长者食堂增加送餐服务。'],
  utilities: ['{p}供暖供气有问题，请协调处理。'],
  'utilities.heating': ['{p}{b}号楼暖气不热，室内只有十几度。', '{p}{b}号楼暖气片不热，家里有老人孩子。'],
  'utilities.gas_leak': ['{p}{b}号楼楼道有燃气味，请尽快派人检查。', '{p}燃气管道老化，担心泄漏。'],
  'utilities.water_outage': ['{p}突然停水，没有提前通知，何时恢复？', '{p}水压太低，高层住户用不上水。'],
  illegal_building: ['{p}有违章搭建，请依法处理。'],
  'illegal_building.rooftop': [
    '{p}{b}号楼顶层住户在楼顶加盖房屋。',
    '{p}{b}号楼楼顶私建阳光房，影响楼体安全。',
  ],
  'illegal_building.yard': ['{p}{b}号楼一楼住户私自圈占绿地建小院。', '{p}有人在公共区域私搭彩钢棚。'],
  facilities: ['{p}公共设施损坏，请维修。'],
  'facilities.street_light': ['{p}门前路灯不亮，夜间出行不安全。', '{p}附近一排路灯都坏了好几天。'],
  'facilities.manhole': ['{p}门口井盖破损，有人差点踩空。', '{p}附近路面井盖缺失，非常危险。'],
  'facilities.fitness': ['{p}健身器材损坏，老人孩子使用有危险。', '{p}广场健身器材螺丝松动。'],
  safety: ['{p}存在安全隐患，请处理。'],
  'safety.fire_lane': ['{p}消防通道被车辆堵塞。', '{p}{b}号楼前消防通道堆放杂物。'],
  'safety.fire_equipment': ['{p}{b}号楼消防栓没有水，灭火器过期。', '{p}楼道应急照明灯损坏。'],
  'safety.hazard': ['{p}{b}号楼外墙瓷砖脱落，行人有危险。', '{p}电动车在楼道内充电，存在火灾隐患。'],
  street_order: ['{p}附近街面秩序混乱。'],
  'street_order.occupying': ['{p}门口流动摊贩占道经营，堵塞交通。', '{p}附近早市占道，影响车辆通行。'],
  'street_order.outside_shop': ['{p}附近商铺把货物摆到人行道上。', '{p}沿街饭店在门外摆桌经营。'],
  'street_order.barbecue': ['{p}附近夜间露天烧烤，油烟很大。', '{p}楼下烧烤摊营业到凌晨，烟熏得不敢开窗。'],
  'street_order.food_safety': ['在{p}附近小饭店就餐后腹泻，怀疑食品不卫生。', '{p}附近超市出售过期食品。'],
  advertising: ['{p}附近广告张贴杂乱。'],
  'advertising.flyers': ['{p}楼道和电线杆上贴满小广告。', '{p}单元门上的小广告清了又贴。'],
  'advertising.outdoor': ['{p}附近户外广告牌松动，大风天有坠落危险。', '{p}附近新立的广告牌遮挡住户窗户。'],
  construction: ['{p}附近施工管理不规范。'],
  'construction.dust': ['{p}旁边工地没有苫盖，扬尘很大。', '{p}附近拆迁工地尘土飞扬。'],
  'construction.spill': ['{p}门前渣土车遗撒，路面全是泥。', '{p}附近道路有砂石遗撒。'],
  emergency: ['{p}突发情况，请尽快处置。'],
  'emergency.elevator_trapped': [
    '{p}{b}号楼电梯困人，物业电话打不通！',
    '{p}{b}号楼电梯突然停在两层之间，有人被困。',
  ],
  'emergency.pipe_burst': ['{p}门口自来水管爆裂，水流满地。', '{p}{b}号楼地下管道破裂，地下室进水。'],
  'emergency.waterlogging': ['{p}门前道路积水很深，车辆无法通行。', '{p}附近下穿道积水，行人无法通过。'],
  consultation: ['想咨询相关政策，住在{p}。'],
  'consultation.social_security': [
    '住在{p}，想咨询灵活就业人员医保如何缴费。',
    '住在{p}，退休人员异地就医备案怎么办理？',
  ],
  'consultation.housing': ['住在{p}，想咨询公租房申请条件。', '住在{p}，老旧小区改造什么时候轮到我们？'],
};

const GENERIC = ['{p}有问题需要处理，请相关部门尽快解决。'];

function fill(template: string, random: Random, place: string): string {
  return template.replaceAll('{p}', place).replaceAll('{b}', String(random.int(1, 18)));
}

/** A resident's description of a demand of `code` at `place`. */
export function describeDemand(random: Random, code: string, place: string): string {
  const parent = code.split('.')[0]!;
  const templates = DESCRIPTIONS[code] ?? DESCRIPTIONS[parent] ?? GENERIC;
  return fill(random.pick(templates), random, place);
}

export const DECLINE_REASONS = [
  '经核实，该事项属于民事纠纷，已告知诉求人通过司法途径解决。',
  '诉求内容不属于接诉即办受理范围，已向诉求人解释说明。',
  '诉求人反映的问题已在处理中，属重复反映，已告知办理进度。',
  '诉求信息不全且无法联系诉求人核实，暂不予立案。',
];

export const MERGE_NOTES = ['同一地点同一问题，并入先前诉求一并办理。', '与在办诉求为同一事项，合并办理。'];

export const RETURN_REASONS = [
  '经现场核实，该事项不属于本单位职责范围，申请退回重新派遣。',
  '该问题涉及市政管网，不属于物业管理范围，退回。',
  '属地不符，该地点不在本单位服务范围内。',
];

export const REASSIGN_REASONS = ['派遣单位有误，改派至责任单位。', '经核实属于其他单位职责，改派。'];

export const EXTEND_REASONS = [
  '需协调多个部门共同处置，申请延期，已向诉求人说明。',
  '维修需要采购配件，申请延期，已告知诉求人。',
  '受天气影响无法施工，申请延期，已向诉求人说明理由。',
];

export const WHISTLE_NOTES = [
  '问题涉及多个部门职责，街道吹哨，请相关部门到场联合处置。',
  '屡次反映未解决，吹哨召集部门现场会商。',
];

export const CONTACT_NOTES = ['已电话联系诉求人，了解具体情况。', '已上门与诉求人沟通，约定处理时间。'];

export const REPLY_NOTES = [
  '已安排人员现场处理完毕，并向诉求人反馈。',
  '经现场核查，问题已整改到位，诉求人认可。',
  '已协调相关单位处理，问题已解决。',
  '已对相关当事人进行劝导，现场恢复正常。',
  '已完成维修，经测试使用正常。',
];

export const PARTIAL_REPLY_NOTES = ['已进行解释说明，受客观条件限制暂无法彻底解决，已纳入后续计划。'];

export const VERIFY_FAIL_REASONS = [
  '回访核查发现问题未彻底解决，退回重新处置。',
  '现场核查整改不到位，返工。',
];

export const COMMENTS = {
  satisfied: ['处理很及时，谢谢！', '工作人员态度很好。', '问题解决了，非常满意。', '响应快，点赞。'],
  basic: ['解决了，就是慢了点。', '基本解决，希望以后能长期保持。'],
  unsatisfied: ['问题没有解决，只是来看了一下。', '一直拖着不办。', '处理结果不满意。'],
} as const;

/** The building-number-free place a resident names: the compound, or the grid's area. */
export function placeWords(compoundName: string | null, communityName: string, gridName: string): string {
  return compoundName ?? `${communityName.replace(/社区$/, '')}社区${gridName}`;
}
