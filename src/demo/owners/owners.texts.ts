// Words for the owners' demo records: developers and shop-owning firms, the documents each step
// of a formation rests on, what committees decide and report. Invented, of the kinds Binzhou's
// housing and street offices file.

import type { Random } from '../../lib/random';
import type { FormationStep } from './owners.types';

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const DEVELOPER_SUFFIXES = words(
  '置业有限公司 房地产开发有限公司 地产集团有限公司 城建开发有限公司 置地有限公司',
);
const FIRM_STEMS = words('鑫诚 华信 金鼎 瑞丰 宏达 永泰 广源 德润 嘉和 恒信 隆盛 福瑞 聚源 博远 海润 中正');
const FIRM_TRADES = words(
  '商贸有限公司 餐饮管理有限公司 医药连锁有限公司 超市有限公司 教育咨询有限公司 通信器材有限公司',
);

/** The developer (建设单位) of a compound, named after it as developers in Binzhou usually are. */
export function developerName(random: Random, compoundName: string): string {
  const stem = compoundName.replace(
    /(花园|小区|国际|家园|名苑|华庭|公馆|雅居|新村|嘉园|华府|佳苑|城|苑).*$/,
    '',
  );
  return `滨州${stem.slice(0, 4) || random.pick(FIRM_STEMS)}${random.pick(DEVELOPER_SUFFIXES)}`;
}

/** A firm owning a shop on the compound's street front. */
export function firmName(random: Random): string {
  return `滨州市${random.pick(FIRM_STEMS)}${random.pick(FIRM_TRADES)}`;
}

/** Document titles each step files (JSON { title, reference } in formation_steps.documents). */
const STEP_DOCUMENTS: Record<FormationStep, string[]> = {
  trigger: ['首次业主大会会议召开条件核查表', '房屋交付情况统计表'],
  preparatory_group: ['关于成立业主大会筹备组的通知', '筹备组成员名单公示'],
  nomination: ['业主委员会委员候选人推荐表', '候选人名单公示'],
  joint_review: ['候选人资格联审意见表（社区、街道、住建、公安）'],
  vote: ['业主大会会议表决票统计表', '业主大会会议决定公告'],
  filing: ['业主委员会备案申请表', '业主大会议事规则', '管理规约'],
};
const REELECTION_TRIGGER = ['业主委员会任期届满换届提示函', '换届工作方案'];

export function stepDocuments(step: FormationStep, reelection: boolean, reference: string): string {
  const titles = reelection && step === 'trigger' ? REELECTION_TRIGGER : STEP_DOCUMENTS[step];
  return JSON.stringify(titles.map((title, i) => ({ title, reference: `${reference}-${i + 1}` })));
}

/** Who reviews candidates jointly (联审). */
export const REVIEWERS = ['社区居委会', '街道办事处', '区住房和城乡建设局', '公安派出所'];

/** Why the joint review struck a candidate off. */
export const REJECTION_NOTES = words(`
  欠缴物业服务费逾六个月 存在违法搭建未整改 本人书面申请退出 非本物业管理区域业主 近三年受过行政处罚
`);

export const DECISIONS = [
  ['续聘物业服务企业', '经业主大会表决，同意续聘现物业服务企业，合同期三年。'],
  ['使用专项维修资金更换电梯', '经业主大会表决，同意使用专项维修资金更换老旧电梯。'],
  ['调整地面停车管理办法', '地面车位实行业主优先、临时停车计时收费，收益纳入共有资金。'],
  ['外墙保温层维修', '使用专项维修资金对外墙脱落部位进行维修，工程结算后公示。'],
  ['增设电动自行车充电设施', '在小区东侧空地增设集中充电车棚，费用由共有资金列支。'],
  ['公共收益使用方案', '本年度公共收益用于绿化补植和监控设备更新。'],
  ['选聘物业服务企业', '经公开招标，选聘新的物业服务企业，服务期自次月起计。'],
  ['雨污管网改造', '配合老旧小区改造实施雨污分流，施工期间临时封闭部分通道。'],
] as const;

export function quarterLabel(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}
