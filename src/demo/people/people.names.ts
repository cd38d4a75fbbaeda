// Names of the demo city's residents: surnames drawn by their frequency in Shandong, given names by
// the fashions of the decade a person was born in (秀英 and 建国 for the old, 子涵 and 浩宇 for the young).

import type { Random } from '../../lib/random';

/** A draw from weighted items: cumulative weights and a binary search, O(log n) a draw. */
export function weightedPicker<T>(items: readonly (readonly [T, number])[]): (random: Random) => T {
  const values = items.map(([value]) => value);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, weight] of items) {
    sum += weight;
    cumulative.push(sum);
  }
  return (random) => {
    const x = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

// Shares (per cent, rounded) of the commonest surnames among Shandong's population; the list covers
// about nine people in ten, which is all a demo needs.
const SURNAME_SHARES = `
  王 9.5 李 8.5 张 8.3 刘 6.3 杨 2.6 孙 2.6 陈 2.5 赵 2.5 高 1.9 徐 1.8 马 1.7 郭 1.5 于 1.5 董 1.2 宋 1.1
  韩 1.0 周 1.0 朱 1.0 吕 0.9 魏 0.9 崔 0.9 吴 0.9 田 0.9 姜 0.9 胡 0.8 曹 0.8 许 0.8 冯 0.8 杜 0.8 孟 0.8
  黄 0.8 任 0.7 郑 0.7 石 0.7 林 0.6 袁 0.6 侯 0.6 梁 0.6 贾 0.6 丁 0.6 何 0.5 谢 0.5 范 0.5 邢 0.5 薛 0.5
  蒋 0.5 程 0.5 付 0.5 段 0.4 葛 0.4 牛 0.4 尹 0.4 唐 0.4 卢 0.4 苏 0.4 闫 0.4 刁 0.3 曲 0.3 鲁 0.3 罗 0.3
  彭 0.3 潘 0.3 路 0.3 毕 0.3 邓 0.3 申 0.2 庞 0.2 单 0.2 房 0.2 苗 0.2 仇 0.1 商 0.1 綦 0.1 隋 0.1 窦 0.1
  燕 0.1 逯 0.1 殷 0.1 滕 0.1 訾 0.05
`;

function pairs(text: string): [string, number][] {
  const words = text.trim().split(/\s+/);
  const out: [string, number][] = [];
  for (let i = 0; i < words.length; i += 2) out.push([words[i]!, Number(words[i + 1])]);
  return out;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

export const drawSurname = weightedPicker(pairs(SURNAME_SHARES));

type Cohort = 'before1960' | 'before1980' | 'before2000' | 'since2000';

const GIVEN_NAMES: Record<Cohort, { male: string[]; female: string[] }> = {
  before1960: {
    male: words(
      '建国 国庆 振华 德胜 保国 富贵 玉山 长顺 景山 永福 文忠 树林 金山 志刚 德明 洪亮 庆祥 传德 凤山 继光',
    ),
    female: words(
      '秀英 桂兰 玉兰 秀兰 凤英 桂英 淑珍 玉珍 秀芝 兰英 淑兰 春兰 金花 玉梅 素芳 秀芳 淑芬 凤兰 爱珍 桂芝',
    ),
  },
  before1980: {
    male: words(
      '建华 卫东 志强 红军 立新 国强 永军 海涛 建军 宏伟 宝华 学军 庆华 明 军 伟 强 刚 勇 峰 斌 东 杰 健',
    ),
    female: words('红梅 丽华 艳 丽 红 霞 芳 燕 娟 敏 静 萍 玲 海燕 春燕 晓红 桂芹 美玲 秀华 雪梅 建英 凤霞'),
  },
  before2000: {
    male: words('磊 涛 鹏 超 亮 浩 斌 强 杰 帅 伟 飞 波 明辉 晓东 志伟 文博 建伟 海波 俊杰 凯 林 阳'),
    female: words('静 婷 丽 娜 敏 晶 莹 倩 丹 雪 琳 慧 萍 晓燕 佳 璐 颖 晓丽 文静 婧 蕾 洁'),
  },
  since2000: {
    male: words(
      '浩宇 子轩 宇轩 梓豪 浩然 一鸣 俊熙 皓轩 子墨 宇航 明轩 博文 子豪 睿 泽宇 铭 嘉豪 奕辰 昊天 晨阳',
    ),
    female: words(
      '子涵 欣怡 梓涵 一诺 雨涵 诗涵 可馨 梓萱 思雨 佳怡 梦瑶 语桐 若曦 雨萱 欣妍 嘉怡 可欣 依诺 紫涵 芷若',
    ),
  },
};

function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 'before1960';
  if (birthYear < 1980) return 'before1980';
  if (birthYear < 2000) return 'before2000';
  return 'since2000';
}

export function drawGivenName(random: Random, gender: 'male' | 'female', birthYear: number): string {
  return random.pick(GIVEN_NAMES[cohortOf(birthYear)][gender]);
}

// Binzhou is overwhelmingly Han; the Hui are its largest minority (滨城 and 惠民 have Hui quarters).
export const drawEthnicity = weightedPicker([
  ['汉族', 992],
  ['回族', 5],
  ['满族', 1.5],
  ['蒙古族', 0.7],
  ['壮族', 0.4],
  ['朝鲜族', 0.4],
]);
