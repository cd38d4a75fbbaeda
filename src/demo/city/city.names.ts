// Plausible names and phone numbers for the demo city: invented, but of the kinds found in
// Binzhou (communities named after rivers and virtues, compounds after developers' favourite words).

import type { Random } from '../../lib/random';

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const COMMUNITY_STEMS = words(`
  黄河 渤海 新立 长江 彩虹 东城 西城 南关 北关 梧桐 丽景 新华 建设 和平 民主 幸福 光明 胜利 解放 文化
  育才 滨河 秦台 新民 永安 安居 康乐 锦华 富源 阳光 玉龙 凤凰 青年 工人 明珠 中心 东关 西关 府前 杏林
  槐荫 柳园 银河 金海 华龙 翠园 兴隆 振兴 惠民 利民 盛世 紫荆 怡和 新园 滨湖 仁和 丰收 前进 向阳 团结
`);
const COMMUNITY_VARIANTS = words('东 西 南 北 新 中');

const COMPOUND_STEMS = words(`
  锦绣 渤海 黄河 阳光 金城 盛世 御景 翠竹 龙城 书香 水岸 东方 紫薇 丽景 金泰 鑫源 和谐 泰和 康城 滨湖
  世纪 文苑 海天 天成 中央 绿洲 碧水 银座 恒泰 凯旋 明珠 香榭 福苑 瑞祥
`);
const COMPOUND_SUFFIXES = words(`
  花园 小区 国际 家园 名苑 华庭 公馆 雅居 新村 嘉园 华府 佳苑 城 苑
`);
const SCATTERED_OWNERS = words(`
  供电公司 农业银行 粮食局 棉纺厂 第一中学 人民医院 水利局 交通局 邮电局 供销社 油棉厂 化肥厂 印染厂
  运输公司 建筑公司 商业局 卫生局 师范学校 电影公司 食品公司 二轻局 物资局 农机厂 酒厂 造纸厂 税务局 工商局
  法院 气象局 汽车站
`);
const SCATTERED_SUFFIXES = words('家属院 宿舍 家属楼');
const LATER_PHASES = words('二期 三期 四期 五期 六期 七期 八期 九期');

// Common surnames of Shandong, the most frequent listed more than once to weight the draw.
const SURNAMES = words(`
  王 王 王 李 李 李 张 张 张 刘 刘 刘 陈 杨 杨 孙 孙 赵 徐 马 高 郭 于 董 宋 韩 吕 魏 崔 薛
  任 刁 邢 贾 周 吴
`);
const GIVEN_NAMES = words(`
  伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 秀英 桂英 建国 志强 海燕 红梅
  丽华 玉兰 晓东 春燕 文博 雪梅 建华 立新 晓燕 国庆 振华 淑芬 玉梅 长青 海涛 永军 凤英 爱华 宏伟 金凤
`);
// Mainland mobile prefixes of the three carriers (MIIT numbering plan).
const MOBILE_PREFIXES = words(`
  133 135 136 137 138 139 150 151 152 155 156 158 159 166 177
  178 180 181 182 185 186 187 188 189 199
`);

const DIGITS = words('零 一 二 三 四 五 六 七 八 九');

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; numbers of 100 and more stay Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a counting number is needed, got ${n}`);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * Draws names without repeating one: first the candidates in random order, then each candidate
 * again decorated for a later pass (东/西 …, 二期 …), then numbered.
 */
function uniqueNames(
  random: Random,
  candidates: readonly string[],
  decorate: (name: string, pass: number) => string,
) {
  let order = random.shuffle(candidates);
  let pass = 0;
  let at = 0;
  return (): string => {
    if (at === order.length) {
      pass += 1;
      at = 0;
      order = random.shuffle(candidates);
    }
    return decorate(order[at++]!, pass);
  };
}

/** Names of residents' committees (居委会) of one street: '黄河社区', later '黄河东社区'. */
export function communityNames(random: Random): () => string {
  return uniqueNames(random, COMMUNITY_STEMS, (stem, pass) => {
    if (pass === 0) return `${stem}社区`;
    const variant = decorationFor(COMMUNITY_VARIANTS, pass);
    return `${stem}${variant}社区`;
  });
}

/** Names of the compounds (小区) of one street: '锦绣花园', '渤海国际', later '锦绣花园二期'. */
export function compoundNames(random: Random): () => string {
  const candidates = COMPOUND_STEMS.flatMap((stem) => COMPOUND_SUFFIXES.map((suffix) => `${stem}${suffix}`));
  return uniqueNames(random, candidates, (name, pass) =>
    pass === 0 ? name : `${name}${decorationFor(LATER_PHASES, pass)}`,
  );
}

/** Names of the scattered old buildings (散居楼院) of one street: '粮食局家属院'. */
export function scatteredNames(random: Random): () => string {
  const candidates = SCATTERED_OWNERS.flatMap((owner) =>
    SCATTERED_SUFFIXES.map((suffix) => `${owner}${suffix}`),
  );
  return uniqueNames(random, candidates, (name, pass) =>
    pass === 0 ? name : `${name}${decorationFor(LATER_PHASES, pass)}`,
  );
}

// Pass 1 takes the first decoration, and so on; past the list, a number keeps names unique.
function decorationFor(decorations: readonly string[], pass: number): string {
  return decorations[pass - 1] ?? `${pass + 1}`;
}

export function personName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`;
}

/** An 11-digit mainland mobile number. */
export function mobileNumber(random: Random): string {
  return `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** A Binzhou landline: area code 0543 and a 7-digit local number, which never starts with 0 or 1. */
export function binzhouLandline(random: Random): string {
  return `0543-${random.int(2_000_000, 8_999_999)}`;
}
