import { AppError, type Bilingual } from '../../server/errors';
import { KIND_NAMES, levelName } from './party.chain-rules';
import type { PartyOrgKind } from './party.table';

const TRANSFER_STATUS_ZH: Record<string, string> = {
  requested: '已申请',
  accepted: '已接收',
  refused: '已拒绝',
  completed: '已办结',
};
const TRANSFER_ACTION_ZH: Record<string, string> = { accept: '接收', refuse: '拒绝', complete: '办结' };

const conflict = (code: string, title: Bilingual, extra?: Record<string, unknown>) =>
  new AppError({ code: `party.${code}`, status: 409, title, ...(extra ? { extra } : {}) });

export const partyErrors = {
  orgNotFound: () =>
    new AppError({
      code: 'party.org_not_found',
      status: 404,
      title: { zh: '党组织不存在或无权查看', en: 'No such party organisation, or not in your scope' },
    }),
  areaNotFound: () =>
    new AppError({
      code: 'party.area_not_found',
      status: 404,
      title: { zh: '区域不存在或无权查看', en: 'No such place, or not in your scope' },
    }),
  memberNotFound: () =>
    new AppError({
      code: 'party.member_not_found',
      status: 404,
      title: { zh: '党员不存在或无权查看', en: 'No such party member, or not in your scope' },
    }),
  transferNotFound: () =>
    new AppError({
      code: 'party.transfer_not_found',
      status: 404,
      title: { zh: '转接记录不存在或无权查看', en: 'No such transfer, or not in your scope' },
    }),
  /** The area node's level does not match the kind (社区党组织 → 社区, 网格党支部 → 网格 …). */
  wrongAreaLevel: (kind: PartyOrgKind, expected: string, actual: string) =>
    conflict(
      'wrong_area_level',
      {
        zh: `${KIND_NAMES[kind].zh}应建在${levelName(expected)}级区域上，所选区域为${levelName(actual)}级`,
        en: `A ${KIND_NAMES[kind].en} binds to a ${expected}, not a ${actual}`,
      },
      { expected, actual },
    ),
  /** The chain rule (CAPABILITIES §1.1): the parent is the kind above and its area contains the child's. */
  wrongParent: (reason: string, message: Bilingual) =>
    new AppError({
      code: 'party.wrong_parent',
      status: 409,
      title: message,
      errors: [{ field: 'parentId', in: 'body', reason, message }],
    }),
  duplicateOrg: (existingId: string) =>
    conflict(
      'duplicate_org',
      { zh: '该区域已有同类在册党组织', en: 'This place already has an active organisation of this kind' },
      { existingId },
    ),
  orgDissolved: () =>
    conflict('org_dissolved', { zh: '该党组织已撤销，不能修改', en: 'The organisation is dissolved' }),
  hasActiveChildren: (count: number) =>
    conflict(
      'has_active_children',
      {
        zh: `该党组织下还有 ${count} 个在册下级组织，请先撤销或调整隶属`,
        en: `${count} active organisations still sit below this one; dissolve or move them first`,
      },
      { count },
    ),
  wrongKind: (expected: PartyOrgKind, actual: PartyOrgKind) =>
    conflict(
      'wrong_kind',
      {
        zh: `此操作只适用于${KIND_NAMES[expected].zh}，该组织为${KIND_NAMES[actual].zh}`,
        en: `Only a ${KIND_NAMES[expected].en} can do this; this is a ${KIND_NAMES[actual].en}`,
      },
      { expected, actual },
    ),
  householdOutsideGrid: (code: string) =>
    new AppError({
      code: 'party.household_outside_grid',
      status: 409,
      title: {
        zh: `住户 ${code} 不在该党员中心户所在网格内`,
        en: `Household ${code} is not in the central household's grid`,
      },
      errors: [
        {
          field: 'householdCodes',
          in: 'body',
          reason: 'outside_grid',
          message: { zh: `${code} 不在本网格内`, en: `${code} is outside the grid` },
        },
      ],
    }),
  postNotFound: () =>
    new AppError({
      code: 'party.post_not_found',
      status: 404,
      title: { zh: '职务记录不存在', en: 'No such post' },
    }),
  invalidPeriod: (field: string) =>
    new AppError({
      code: 'party.invalid_period',
      status: 400,
      title: { zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' },
      errors: [
        {
          field,
          in: 'body',
          reason: 'before_start',
          message: { zh: '不能早于开始日期', en: 'must not be before the start date' },
        },
      ],
    }),
  futureDate: (field: string) =>
    new AppError({
      code: 'party.future_date',
      status: 400,
      title: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
      errors: [
        {
          field,
          in: 'body',
          reason: 'future',
          message: { zh: '不能晚于今天', en: 'must not be after today' },
        },
      ],
    }),
  checklistCityOnly: () =>
    new AppError({
      code: 'party.checklist_city_only',
      status: 403,
      title: {
        zh: '实体化运行标准全市统一，只有市级管理员可以修改',
        en: 'The entity-operation checklist is city-wide; only city administrators may change it',
      },
    }),
  invalidTransition: (from: string, action: string) =>
    conflict(
      'invalid_transition',
      {
        zh: `转接申请处于“${TRANSFER_STATUS_ZH[from] ?? from}”状态，不能${TRANSFER_ACTION_ZH[action] ?? action}`,
        en: `A transfer that is ${from} cannot be ${action === 'complete' ? 'completed' : `${action}ed`}`,
      },
      { from, action },
    ),
  stepBeforePrevious: () =>
    new AppError({
      code: 'party.step_before_previous',
      status: 400,
      title: { zh: '办理日期不能早于上一步的日期', en: 'The date is before the previous step' },
      errors: [
        {
          field: 'on',
          in: 'body',
          reason: 'before_previous_step',
          message: { zh: '不能早于上一步', en: 'must not be before the previous step' },
        },
      ],
    }),
  reasonRequired: () =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      title: { zh: '请填写拒绝理由', en: 'A reason is required to refuse' },
      errors: [
        {
          field: 'reason',
          in: 'body',
          reason: 'required',
          message: { zh: '拒绝时必须填写理由', en: 'required when refusing' },
        },
      ],
    }),
  transferOpen: (existingId: string) =>
    conflict(
      'transfer_open',
      { zh: '该党员已有办理中的转接申请', en: 'This member already has a transfer in progress' },
      { existingId },
    ),
  alreadyInBranch: () =>
    conflict('already_in_branch', {
      zh: '该党员的组织关系已在此支部',
      en: "The member's relation already sits in this branch",
    }),
  memberOutsideBranch: () =>
    conflict('member_outside_branch', {
      zh: '该党员不在此网格党支部所在网格居住',
      en: "The member does not live in this branch's grid",
    }),
  memberInactive: () =>
    conflict('member_inactive', {
      zh: '该党员不是在册党员（已转出或去世）',
      en: 'The member is not on the active roll',
    }),
};
