import type {
  GENDERS,
  PARTY_CATEGORIES,
  PARTY_MEMBERSHIPS,
  RELATIONS_TO_HEAD,
  RESIDENCE_TYPES,
  RESIDENT_STATUSES,
  TALENT_AVAILABILITY,
  TALENT_CATEGORIES,
  TALENT_SKILLS,
  TALENT_WILLINGNESS,
} from './people.table';

// The Chinese words of the ledgers officials keep in Excel, one per code: the template's
// dropdowns, the import's parsing and the export's columns all read them from here, so that an
// exported ledger imports again unchanged.

type Labels<T extends string> = Record<T, string>;

export const GENDER_LABELS: Labels<(typeof GENDERS)[number]> = { male: '男', female: '女' };

/** 与户主关系, as the dropdown offers them; RELATION_ALIASES in people.resident-rules accepts more. */
export const RELATION_LABELS: Labels<(typeof RELATIONS_TO_HEAD)[number]> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  in_law: '儿媳',
  other: '其他',
};
export const RELATION_CHOICES = [
  '户主',
  '配偶',
  '子女',
  '父母',
  '孙子女',
  '祖父母',
  '兄弟姐妹',
  '儿媳',
  '女婿',
  '其他',
];

export const RESIDENCE_LABELS: Labels<(typeof RESIDENCE_TYPES)[number]> = {
  registered: '户籍',
  resident_non_registered: '常住非户籍',
  floating: '流动',
};

export const STATUS_LABELS: Labels<(typeof RESIDENT_STATUSES)[number]> = {
  active: '在册',
  moved_out: '已迁出',
  deceased: '已死亡',
};

/** 正式党员 / 预备党员 */
export const MEMBERSHIP_LABELS: Labels<(typeof PARTY_MEMBERSHIPS)[number]> = {
  formal: '正式党员',
  probationary: '预备党员',
};

export const PARTY_CATEGORY_LABELS: Labels<(typeof PARTY_CATEGORIES)[number]> = {
  in_service: '在职党员',
  retired: '离退休党员',
  floating: '流动党员',
  new_employment: '新业态新就业群体党员',
};

export const TALENT_CATEGORY_LABELS: Labels<(typeof TALENT_CATEGORIES)[number]> = {
  floating_party_member: '流动党员',
  retired_party_member: '退休党员',
  retired_cadre: '退休干部',
  enthusiastic_resident: '热心居民',
};

export const TALENT_SKILL_LABELS: Labels<(typeof TALENT_SKILLS)[number]> = {
  law: '法律',
  medicine: '医疗',
  education: '教育',
  mediation: '调解',
  trades: '技能工匠',
  finance: '财会',
  it: '信息技术',
  culture: '文体',
  elderly_care: '养老护理',
  psychology: '心理',
};

export const WILLINGNESS_LABELS: Labels<(typeof TALENT_WILLINGNESS)[number]> = {
  willing: '愿意',
  conditional: '视情况',
  unwilling: '暂不愿意',
};

export const AVAILABILITY_LABELS: Labels<(typeof TALENT_AVAILABILITY)[number]> = {
  weekdays: '工作日',
  weekends: '周末',
  evenings: '晚间',
  anytime: '随时',
  on_call: '应急随叫随到',
};

/**
 * The code a cell names: the Chinese label, the code itself, or one of the extra words.
 * Undefined when it names none of them.
 */
export function codeOf<T extends string>(
  labels: Labels<T>,
  text: string,
  extra: Record<string, T> = {},
): T | undefined {
  const t = text.trim();
  for (const [code, label] of Object.entries(labels) as [T, string][])
    if (label === t || code === t.toLowerCase()) return code;
  return extra[t];
}

/** Extra words for the same codes, as ledgers write them. */
export const PARTY_CATEGORY_ALIASES: Record<string, (typeof PARTY_CATEGORIES)[number]> = {
  在职: 'in_service',
  离退休: 'retired',
  退休党员: 'retired',
  流动: 'floating',
  新业态: 'new_employment',
  新就业群体: 'new_employment',
  新业态新就业群体: 'new_employment',
};
export const MEMBERSHIP_ALIASES: Record<string, (typeof PARTY_MEMBERSHIPS)[number]> = {
  正式: 'formal',
  预备: 'probationary',
};
export const WILLINGNESS_ALIASES: Record<string, (typeof TALENT_WILLINGNESS)[number]> = {
  是: 'willing',
  有条件: 'conditional',
  否: 'unwilling',
  不愿意: 'unwilling',
};
export const AVAILABILITY_ALIASES: Record<string, (typeof TALENT_AVAILABILITY)[number]> = {
  应急: 'on_call',
  随叫随到: 'on_call',
  周一至周五: 'weekdays',
  节假日: 'weekends',
};
