// Error factories of the owners module (codes `owners.<reason>`).
import { AppError, type Bilingual, type FieldProblem } from '../../server/errors';

const notFound = (what: string, title: Bilingual) => () =>
  new AppError({ code: `owners.${what}_not_found`, status: 404, title });
const conflict = (code: string, title: Bilingual, extra?: Record<string, unknown>) =>
  new AppError({ code: `owners.${code}`, status: 409, title, ...(extra ? { extra } : {}) });
const invalid = (code: string, title: Bilingual) => (errors: FieldProblem[]) =>
  new AppError({ code: `owners.${code}`, status: 400, title, errors });

/** Error factories of the owners module. Codes follow `owners.<reason>`. */
export const ownersErrors = {
  compoundNotFound: notFound('compound', {
    zh: '小区不存在或无权查看',
    en: 'No such compound, or not in your scope',
  }),
  areaNotFound: notFound('area', { zh: '区域不存在或无权查看', en: 'No such place, or not in your scope' }),
  unitNotFound: notFound('unit', {
    zh: '专有部分不存在或无权查看',
    en: 'No such unit, or not in your scope',
  }),
  ownerNotFound: notFound('owner', { zh: '业主不存在或无权查看', en: 'No such owner, or not in your scope' }),
  committeeNotFound: notFound('committee', {
    zh: '业主委员会不存在或无权查看',
    en: "No such owners' committee, or not in your scope",
  }),
  formationNotFound: notFound('formation', {
    zh: '组建（换届）记录不存在或无权查看',
    en: 'No such formation, or not in your scope',
  }),
  invalidUnit: invalid('invalid_unit', { zh: '专有部分信息有误', en: 'The unit is invalid' }),
  invalidOwner: invalid('invalid_owner', { zh: '业主信息有误', en: 'The owner is invalid' }),
  invalidCommittee: invalid('invalid_committee', {
    zh: '业主委员会组成或任期不符合规定',
    en: "The owners' committee's make-up or term does not meet the regulation",
  }),
  invalidStep: invalid('invalid_step_input', {
    zh: '该步骤的内容不符合规定',
    en: 'What this step records does not meet the rules',
  }),
  futureDate: (field: string) =>
    new AppError({
      code: 'owners.future_date',
      status: 400,
      title: { zh: '日期不能晚于今天', en: 'The date may not be in the future' },
      extra: { field },
    }),
  unitLabelTaken: (label: string) =>
    conflict(
      'unit_label_taken',
      { zh: '该小区已登记同名专有部分', en: 'The compound already has this unit' },
      { label },
    ),
  ownerInUse: () =>
    conflict('owner_in_use', {
      zh: '该业主仍登记有专有部分，不能删除',
      en: 'The owner still holds units and cannot be deleted',
    }),
  ownerExists: () =>
    conflict('owner_exists', {
      zh: '该小区已登记此身份证号的业主',
      en: 'The compound already has an owner with this ID number',
    }),
  developerExists: () =>
    conflict('developer_exists', {
      zh: '该小区已登记建设单位',
      en: 'The compound already has its developer',
    }),
  committeeInTerm: () =>
    conflict('committee_in_term', {
      zh: '该小区已有任期内的业主委员会，请通过换届产生新一届',
      en: 'The compound has a committee in term; a new one comes through re-election',
    }),
  stepOutOfOrder: (currentStep: string, step: string) =>
    conflict(
      'invalid_step',
      {
        zh: '步骤顺序不对：须按操作指引逐步办理',
        en: 'Steps must be taken in the order of the operation guide',
      },
      { currentStep, step },
    ),
  formationClosed: () =>
    conflict('formation_closed', {
      zh: '该组建（换届）已办结或已终止',
      en: 'The formation is completed or abandoned',
    }),
  formationInProgress: (formationId: string) =>
    conflict(
      'formation_in_progress',
      { zh: '该小区已有正在进行的组建（换届）', en: 'A formation of this compound is already under way' },
      { formationId },
    ),
  stepBeforePrevious: () =>
    new AppError({
      code: 'owners.step_before_previous',
      status: 400,
      title: { zh: '日期早于上一步骤', en: 'The date is before the previous step' },
    }),
  triggerNotMet: () =>
    conflict('trigger_not_met', {
      zh: '尚未达到首次业主大会会议召开条件（山东省物业管理条例第二十条）',
      en: 'The first-meeting condition of Shandong regulation art. 20 is not met',
    }),
  registerEmpty: () =>
    conflict('register_empty', {
      zh: '该小区尚未登记业主名册',
      en: "The compound's owners' register is empty",
    }),
  voteNotPassed: (reason: 'not_found' | 'wrong_compound' | 'wrong_item' | 'not_closed' | 'not_passed') =>
    conflict(
      'vote_not_passed',
      {
        zh: '须是本小区已结束并通过的选举业主委员会表决',
        en: "The vote must be this compound's closed and passed election of the committee",
      },
      { reason },
    ),
  importInvalid: (errors: FieldProblem[], extra: { total: number; valid: number }) =>
    new AppError({
      code: 'owners.import_invalid',
      status: 400,
      title: { zh: '导入文件有误，未写入任何数据', en: 'The import has problems; nothing was written' },
      errors,
      extra,
    }),
  importUnreadable: () =>
    new AppError({
      code: 'owners.import_unreadable',
      status: 400,
      title: {
        zh: '无法读取文件，请上传 .xlsx 工作簿',
        en: 'The file is not a readable .xlsx workbook',
      },
    }),
  importNotXlsx: () =>
    new AppError({
      code: 'owners.import_not_xlsx',
      status: 415,
      title: { zh: '请以 .xlsx 文件作为请求体上传', en: 'Send the .xlsx file as the request body' },
    }),
  importTooLarge: (max: number) =>
    new AppError({
      code: 'owners.import_too_large',
      status: 413,
      title: { zh: `文件过大：每次最多导入 ${max} 行`, en: `The file is too large: at most ${max} rows` },
    }),
  importEmpty: () =>
    new AppError({
      code: 'owners.import_empty',
      status: 400,
      title: { zh: '文件中没有要导入的数据行', en: 'The file has no rows to import' },
    }),

  duplicateBallot: (voterId: string) =>
    new AppError({
      code: 'owners.duplicate_ballot',
      status: 409,
      title: { zh: '同一业主不能重复表决', en: 'An owner may vote only once on a matter' },
      extra: { voterId },
    }),
  invalidBallot: (reason: string) =>
    new AppError({
      code: 'owners.invalid_ballot',
      status: 400,
      title: { zh: '表决票数据有误', en: 'A ballot is invalid' },
      extra: { reason },
    }),
  invalidElectorate: (reason: string) =>
    new AppError({
      code: 'owners.invalid_electorate',
      status: 400,
      title: { zh: '业主总面积或总人数有误', en: "The owners' total area or headcount is invalid" },
      extra: { reason },
    }),
  ballotsExceedElectorate: (what: 'area' | 'headcount') =>
    new AppError({
      code: 'owners.ballots_exceed_electorate',
      status: 400,
      title: {
        zh: '参与表决的面积或人数超过业主总数',
        en: "The ballots exceed the owners' total area or headcount",
      },
      extra: { what },
    }),
  invalidUnits: (reason: string, unitId?: string) =>
    new AppError({
      code: 'owners.invalid_units',
      status: 400,
      title: { zh: '专有部分数据有误', en: 'The unit list is invalid' },
      extra: { reason, unitId },
    }),
  exclusiveAreaMissing: () =>
    new AppError({
      code: 'owners.exclusive_area_missing',
      status: 400,
      title: {
        zh: '专有部分没有登记面积、实测面积或合同面积',
        en: 'The unit has no registered, surveyed or contract area',
      },
    }),
  invalidDeliveryFigures: (reason: string) =>
    new AppError({
      code: 'owners.invalid_delivery_figures',
      status: 400,
      title: { zh: '交付面积或户数数据有误', en: 'The delivery figures are invalid' },
      extra: { reason },
    }),
};
/** The name the vote-tally rules were written against. */
export const ownersVoteErrors = ownersErrors;
