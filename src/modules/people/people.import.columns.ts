import {
  AVAILABILITY_LABELS,
  GENDER_LABELS,
  MEMBERSHIP_LABELS,
  PARTY_CATEGORY_LABELS,
  RELATION_CHOICES,
  RESIDENCE_LABELS,
  TALENT_CATEGORY_LABELS,
  TALENT_SKILL_LABELS,
  WILLINGNESS_LABELS,
} from './people.ledger.labels';

// The layout of the three ledgers officials keep in Excel: which columns, in which order, with
// which Chinese header, and what each accepts. The template, the reader and the rules all
// follow this one table.

export const LEDGER_KINDS = ['residents', 'party-members', 'talents'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export type ColumnKey =
  | 'householdCode'
  | 'name'
  | 'idNumber'
  | 'gender'
  | 'birthDate'
  | 'ethnicity'
  | 'phone'
  | 'relationToHead'
  | 'residenceType'
  | 'membership'
  | 'partyCategory'
  | 'joinedOn'
  | 'probationEndsOn'
  | 'relationElsewhere'
  | 'categories'
  | 'skills'
  | 'willingness'
  | 'availability'
  | 'note';

export interface LedgerColumn {
  key: ColumnKey;
  /** The header officials see; problems name the column by it. */
  header: string;
  en: string;
  /** `always`: every row; `new_resident`: when the row registers the resident too; `no`: optional. */
  required: 'always' | 'new_resident' | 'no';
  /** Dropdown choices (Excel list validation). */
  choices?: readonly string[];
  /** Several choices in one cell, separated by 、 or a comma. */
  multi?: boolean;
  /** Stored as text so that Excel keeps every digit (codes, ID numbers, phones). */
  text?: boolean;
  date?: boolean;
  width: number;
  /** What the instructions sheet says about the column. */
  hint: string;
}

const c = (col: LedgerColumn) => col;
const values = (labels: Record<string, string>) => Object.values(labels);

const HOUSEHOLD = c({
  key: 'householdCode',
  header: '户编码',
  en: 'household code',
  required: 'always',
  text: true,
  width: 30,
  hint: '住户（户）的 26 位区域编码，可在“区域树”中查到；须在您的管辖范围内。',
});
const NAME = c({
  key: 'name',
  header: '姓名',
  en: 'name',
  required: 'always',
  width: 12,
  hint: '不超过 64 个字。',
});
const ID_NUMBER = c({
  key: 'idNumber',
  header: '身份证号',
  en: 'ID number',
  required: 'no',
  text: true,
  width: 22,
  hint: '18 位（或旧版 15 位），文本格式；末位 X 大小写均可。填写后性别、出生日期以身份证号为准。',
});
const GENDER = c({
  key: 'gender',
  header: '性别',
  en: 'gender',
  required: 'no',
  choices: values(GENDER_LABELS),
  width: 8,
  hint: '男 或 女；无身份证号时必填。',
});
const BIRTH = c({
  key: 'birthDate',
  header: '出生日期',
  en: 'birth date',
  required: 'no',
  date: true,
  width: 12,
  hint: '日期格式或 YYYY-MM-DD；有身份证号时可不填。',
});
const ETHNICITY = c({
  key: 'ethnicity',
  header: '民族',
  en: 'ethnicity',
  required: 'no',
  width: 8,
  hint: '如 汉族。',
});
const PHONE = c({
  key: 'phone',
  header: '联系电话',
  en: 'phone',
  required: 'no',
  text: true,
  width: 14,
  hint: '11 位手机号，可带 +86、空格或短横线。',
});
const RELATION = c({
  key: 'relationToHead',
  header: '与户主关系',
  en: 'relation to head',
  required: 'always',
  choices: RELATION_CHOICES,
  width: 12,
  hint: '从下拉列表选择。',
});
const RESIDENCE = c({
  key: 'residenceType',
  header: '人口类型',
  en: 'residence type',
  required: 'always',
  choices: values(RESIDENCE_LABELS),
  width: 12,
  hint: '户籍、常住非户籍 或 流动。',
});
const NOTE = c({
  key: 'note',
  header: '备注',
  en: 'note',
  required: 'no',
  width: 24,
  hint: '不超过 500 个字。',
});

/** The resident's own columns when a party-member or talent row registers a new resident too. */
const forNewResident = (col: LedgerColumn, hint: string): LedgerColumn => ({
  ...col,
  required: col.required === 'always' ? 'new_resident' : col.required,
  hint: `${hint}${col.hint}`,
});
const NEW_ONLY = '仅在该居民尚未登记时填写（将同时登记居民）。';
const ID_KEY = c({
  ...ID_NUMBER,
  required: 'always',
  hint: '必填，用于找到已登记的居民（精确匹配）。18 位，文本格式。',
});
const NAME_CHECK = c({
  ...NAME,
  required: 'new_resident',
  hint: '居民已登记时用于核对（须与登记的姓名一致）；未登记时必填。',
});

export const LEDGER_COLUMNS: Record<LedgerKind, readonly LedgerColumn[]> = {
  residents: [HOUSEHOLD, NAME, ID_NUMBER, GENDER, BIRTH, ETHNICITY, PHONE, RELATION, RESIDENCE, NOTE],
  'party-members': [
    ID_KEY,
    NAME_CHECK,
    c({
      key: 'membership',
      header: '正式/预备',
      en: 'membership',
      required: 'always',
      choices: values(MEMBERSHIP_LABELS),
      width: 12,
      hint: '正式党员 或 预备党员。',
    }),
    c({
      key: 'partyCategory',
      header: '党员类别',
      en: 'party category',
      required: 'always',
      choices: values(PARTY_CATEGORY_LABELS),
      width: 22,
      hint: '从下拉列表选择。',
    }),
    c({
      key: 'joinedOn',
      header: '入党日期',
      en: 'joined on',
      required: 'no',
      date: true,
      width: 12,
      hint: '不能晚于今天。',
    }),
    c({
      key: 'probationEndsOn',
      header: '预备期满日期',
      en: 'probation ends on',
      required: 'no',
      date: true,
      width: 14,
      hint: '仅预备党员填写，须晚于入党日期。',
    }),
    c({
      key: 'relationElsewhere',
      header: '组织关系所在',
      en: 'relation held at',
      required: 'no',
      width: 24,
      hint: '组织关系不在本社区时填写（如流动党员的原党组织、工作单位）。',
    }),
    forNewResident(HOUSEHOLD, NEW_ONLY),
    forNewResident(GENDER, NEW_ONLY),
    forNewResident(PHONE, NEW_ONLY),
    forNewResident(RELATION, NEW_ONLY),
    forNewResident(RESIDENCE, NEW_ONLY),
  ],
  talents: [
    ID_KEY,
    NAME_CHECK,
    c({
      key: 'categories',
      header: '人才类别',
      en: 'categories',
      required: 'always',
      choices: values(TALENT_CATEGORY_LABELS),
      multi: true,
      width: 22,
      hint: '从下拉列表选择；有多个时用顿号“、”分隔。',
    }),
    c({
      key: 'skills',
      header: '技能',
      en: 'skills',
      required: 'no',
      choices: values(TALENT_SKILL_LABELS),
      multi: true,
      width: 22,
      hint: '从下拉列表选择；有多个时用顿号“、”分隔。',
    }),
    c({
      key: 'willingness',
      header: '参与意愿',
      en: 'willingness',
      required: 'always',
      choices: values(WILLINGNESS_LABELS),
      width: 12,
      hint: '从下拉列表选择。',
    }),
    c({
      key: 'availability',
      header: '可服务时间',
      en: 'availability',
      required: 'always',
      choices: values(AVAILABILITY_LABELS),
      width: 14,
      hint: '从下拉列表选择。',
    }),
    c({ ...NOTE, hint: '人才的特长、证书等，不超过 500 个字。' }),
    forNewResident(HOUSEHOLD, NEW_ONLY),
    forNewResident(GENDER, NEW_ONLY),
    forNewResident(PHONE, NEW_ONLY),
    forNewResident(RELATION, NEW_ONLY),
    forNewResident(RESIDENCE, NEW_ONLY),
  ],
};

/** The data sheet of each ledger; the reader also accepts any sheet whose first row has the headers. */
export const LEDGER_SHEETS: Record<LedgerKind, string> = {
  residents: '居民',
  'party-members': '党员',
  talents: '人才',
};

export const LEDGER_NAMES: Record<LedgerKind, { zh: string; en: string }> = {
  residents: { zh: '居民台账', en: 'residents ledger' },
  'party-members': { zh: '党员台账', en: 'party-members ledger' },
  talents: { zh: '人才台账', en: 'talent ledger' },
};

const EXAMPLE_PERSON = {
  householdCode: '37160200100100101001010101',
  name: '张明',
  // A made-up number with a valid check character (GB 11643), for the example row only.
  idNumber: '371602198503150016',
  gender: '男',
  birthDate: '1985-03-15',
  ethnicity: '汉族',
  phone: '13805430000',
  relationToHead: '户主',
  residenceType: '户籍',
};

/**
 * The template's example row. The reader skips a row equal to it cell for cell, so that an
 * official who forgets to delete it does not register 张明; a row changed in any cell is data.
 */
export const LEDGER_EXAMPLES: Record<LedgerKind, Partial<Record<ColumnKey, string>>> = {
  residents: EXAMPLE_PERSON,
  'party-members': {
    idNumber: EXAMPLE_PERSON.idNumber,
    name: EXAMPLE_PERSON.name,
    membership: '正式党员',
    partyCategory: '在职党员',
    joinedOn: '2010-07-01',
  },
  talents: {
    idNumber: EXAMPLE_PERSON.idNumber,
    name: EXAMPLE_PERSON.name,
    categories: '热心居民',
    skills: '法律、调解',
    willingness: '愿意',
    availability: '周末',
    note: '执业律师，擅长邻里纠纷调解',
  },
};

/** The header as the template writes it: required columns carry a star. */
export function templateHeader(col: LedgerColumn): string {
  return col.required === 'always' ? `${col.header}*` : col.header;
}
