import { AppError, type Bilingual, type FieldProblem } from '../../server/errors';

// Messages never echo what was typed: an ID number or phone must not come back in an error body,
// where proxies, browser consoles and error trackers would keep it (PIPL art. 51).

const field = (name: string, reason: string, message: Bilingual): FieldProblem => ({
  field: name,
  in: 'body',
  reason,
  message,
});

const PLACE_ROLE_LEVEL: Record<string, Bilingual> = {
  building_head: { zh: '楼栋长须设在楼栋上', en: 'a building head is set on a building' },
  party_central_household: {
    zh: '党员中心户须设在住户上',
    en: 'a party-member central household is set on a household',
  },
  part_time_grid_worker: { zh: '兼职网格员须设在网格上', en: 'a part-time grid worker is set on a grid' },
};

const PLACE_ROLE_RESIDENCE: Record<string, Bilingual> = {
  building_head: { zh: '楼栋长须居住在该楼栋', en: 'a building head must live in that building' },
  party_central_household: {
    zh: '党员中心户须为该户的住户',
    en: 'a party-member central household must live in that household',
  },
  part_time_grid_worker: {
    zh: '兼职网格员须居住在该网格内',
    en: 'a part-time grid worker must live in that grid',
  },
};

export const peopleErrors = {
  /** Unknown, retired or outside the caller's scope: one answer, so existence is not confirmed. */
  placeNotFound: (fieldName: string) =>
    new AppError({
      code: 'people.place_not_found',
      status: 404,
      title: { zh: '区域不存在或不在您的管辖范围内', en: 'No such place, or not in your scope' },
      errors: [
        field(fieldName, 'not_found', { zh: '区域不存在或无权操作', en: 'no such place in your scope' }),
      ],
    }),
  notAHousehold: (fieldName: string) =>
    new AppError({
      code: 'people.not_a_household',
      status: 409,
      title: { zh: '居民只能登记在住户（户）上', en: 'Residents are registered in a household' },
      errors: [field(fieldName, 'not_a_household', { zh: '请选择一户', en: 'choose a household' })],
    }),
  residentNotFound: (fieldName: string) =>
    new AppError({
      code: 'people.resident_not_found',
      status: 404,
      title: { zh: '居民不存在或无权查看', en: 'No such resident, or not in your scope' },
      errors: [
        field(fieldName, 'not_found', { zh: '居民不存在或无权操作', en: 'no such resident in your scope' }),
      ],
    }),
  duplicateIdNumber: () =>
    new AppError({
      code: 'people.duplicate_id_number',
      status: 409,
      title: { zh: '该身份证号已登记', en: 'This ID number is already registered' },
      errors: [
        field('idNumber', 'duplicate', {
          zh: '该身份证号已有居民登记，请查找原记录',
          en: 'a resident with this ID number exists; find that record',
        }),
      ],
    }),
  invalidSearchNumber: (fieldName: 'idNumber' | 'phone') =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      title: { zh: '请求参数有误', en: 'The request is invalid' },
      errors: [
        field(
          fieldName,
          'invalid',
          fieldName === 'idNumber'
            ? { zh: '不是有效的身份证号', en: 'not a valid ID number' }
            : { zh: '不是有效的手机号', en: 'not a valid mobile number' },
        ),
      ],
    }),
  notActive: (status: string) =>
    new AppError({
      code: 'people.resident_not_active',
      status: 409,
      title: {
        zh: status === 'deceased' ? '该居民已登记为死亡' : '该居民已迁出',
        en: status === 'deceased' ? 'The resident is recorded as deceased' : 'The resident has moved out',
      },
    }),
  sameHousehold: () =>
    new AppError({
      code: 'people.same_household',
      status: 409,
      title: { zh: '居民已在该户', en: 'The resident already lives in that household' },
      errors: [field('toHouseholdCode', 'same', { zh: '与现住户相同', en: 'the current household' })],
    }),
  futureDate: (fieldName: string) =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      title: { zh: '请求参数有误', en: 'The request is invalid' },
      errors: [field(fieldName, 'future', { zh: '不能晚于今天', en: 'must not be after today' })],
    }),
  beforeLastChange: (fieldName: string, last: string) =>
    new AppError({
      code: 'people.before_last_change',
      status: 409,
      title: {
        zh: `日期早于上一次变动（${last}）`,
        en: `The date is before the last change (${last})`,
      },
      errors: [field(fieldName, 'before_last', { zh: `不能早于 ${last}`, en: `must not be before ${last}` })],
    }),
  placeRoleWrongLevel: (role: string) =>
    new AppError({
      code: 'people.place_role_wrong_level',
      status: 409,
      title: PLACE_ROLE_LEVEL[role] ?? { zh: '区域层级不符', en: 'Wrong level of place' },
      errors: [
        field('areaCode', 'wrong_level', PLACE_ROLE_LEVEL[role] ?? { zh: '层级不符', en: 'wrong level' }),
      ],
    }),
  placeRoleNotResident: (role: string) =>
    new AppError({
      code: 'people.place_role_not_resident',
      status: 409,
      title: PLACE_ROLE_RESIDENCE[role] ?? { zh: '居民不住在该区域', en: 'The resident does not live there' },
      errors: [
        field(
          'residentId',
          'lives_elsewhere',
          PLACE_ROLE_RESIDENCE[role] ?? { zh: '居民不住在该区域', en: 'does not live there' },
        ),
      ],
    }),
  notPartyMember: () =>
    new AppError({
      code: 'people.not_party_member',
      status: 409,
      title: {
        zh: '党员中心户须由在册党员担任',
        en: 'A party-member central household must be a registered party member',
      },
      errors: [
        field('residentId', 'not_party_member', { zh: '不是在册党员', en: 'not a registered party member' }),
      ],
    }),
  placeRoleTaken: () =>
    new AppError({
      code: 'people.place_role_taken',
      status: 409,
      title: { zh: '该居民已担任此职务', en: 'The resident already holds this role there' },
    }),
  placeRoleEnded: () =>
    new AppError({
      code: 'people.place_role_ended',
      status: 409,
      title: { zh: '该职务已经卸任', en: 'The role has already ended' },
    }),
  untilBeforeSince: (since: string) =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      title: { zh: '请求参数有误', en: 'The request is invalid' },
      errors: [
        field('until', 'before_since', { zh: `不能早于 ${since}`, en: `must not be before ${since}` }),
      ],
    }),
};
