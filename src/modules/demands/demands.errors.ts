// Error factories of the demands module (codes `demands.<reason>`).
import { AppError, type Bilingual, type FieldProblem } from '../../server/errors';

const notFound = (what: string, title: Bilingual) => () =>
  new AppError({ code: `demands.${what}_not_found`, status: 404, title });
const invalid = (code: string, title: Bilingual) => (errors: FieldProblem[]) =>
  new AppError({ code: `demands.${code}`, status: 400, title, errors });

/** Error factories of the demands module. Codes follow `demands.<reason>`. */
export const demandsErrors = {
  demandNotFound: notFound('demand', {
    zh: '诉求不存在或无权查看',
    en: 'No such demand, or not in your scope',
  }),
  categoryNotFound: notFound('category', { zh: '诉求类别不存在', en: 'No such demand category' }),
  unitNotFound: notFound('unit', {
    zh: '承办单位不存在或无权查看',
    en: 'No such handling unit, or not in your scope',
  }),
  areaNotFound: notFound('area', { zh: '区域不存在或无权查看', en: 'No such place, or not in your scope' }),
  fileNotFound: notFound('file', { zh: '附件不存在', en: 'No such attachment' }),
  whistleNotFound: notFound('whistle', { zh: '吹哨记录不存在', en: 'No such whistle' }),
  invalidDemand: invalid('invalid_demand', { zh: '诉求内容有误', en: 'The demand is invalid' }),
  invalidAction: invalid('invalid_action', { zh: '办理操作内容有误', en: 'The handling step is invalid' }),
  invalidCategory: invalid('invalid_category', { zh: '诉求类别设置有误', en: 'The category is invalid' }),
  invalidCalendar: invalid('invalid_calendar', {
    zh: '工作日历设置有误',
    en: 'The working calendar is invalid',
  }),
  invalidSettings: invalid('invalid_settings', { zh: '设置有误', en: 'The settings are invalid' }),
  invalidUnit: invalid('invalid_unit', { zh: '承办单位信息有误', en: 'The handling unit is invalid' }),
  invalidPeriod: invalid('invalid_period', { zh: '统计期间有误', en: 'The period is invalid' }),
  placeLevel: invalid('place_level', { zh: '请选择街道或社区', en: 'Choose a street or a community' }),
  invalidTransition: (from: string, action: string) =>
    new AppError({
      code: 'demands.invalid_transition',
      status: 409,
      title: {
        zh: '诉求当前状态下不能进行该操作',
        en: 'This step cannot be taken in the demand’s current state',
      },
      extra: { from, action },
    }),
  reasonRequired: (action: string) =>
    new AppError({
      code: 'demands.reason_required',
      status: 400,
      title: { zh: '该操作须填写理由或说明', en: 'This step needs a reason or a note' },
      errors: [
        {
          field: 'note',
          in: 'body',
          reason: 'required',
          message: { zh: '请填写理由或说明', en: 'Give a reason or a note' },
        },
      ],
      extra: { action },
    }),
  notReporter: () =>
    new AppError({
      code: 'demands.not_reporter',
      status: 403,
      title: { zh: '只有诉求人本人可以评价', en: 'Only the person who filed the demand may rate it' },
    }),
  revealForbidden: () =>
    new AppError({
      code: 'demands.reveal_forbidden',
      status: 403,
      title: {
        zh: '只有承办人、责任网格或单位、或管理人员可以查看诉求人联系方式',
        en: 'Only the handler, the responsible grid or unit, or a manager may see the reporter’s contact',
      },
    }),
  anonymousReporter: () =>
    new AppError({
      code: 'demands.anonymous',
      status: 403,
      title: { zh: '匿名诉求不显示诉求人信息', en: 'An anonymous demand never shows its reporter' },
    }),
  fileTooLarge: (limitBytes: number) =>
    new AppError({
      code: 'demands.file_too_large',
      status: 413,
      title: { zh: '图片过大', en: 'The photo is too large' },
      extra: { limitBytes },
    }),
  fileType: (allowed: readonly string[]) =>
    new AppError({
      code: 'demands.file_type',
      status: 415,
      title: { zh: '只能上传 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP photos can be uploaded' },
      extra: { allowed },
    }),
  idempotencyMismatch: () =>
    new AppError({
      code: 'demands.idempotency_key_reused',
      status: 422,
      title: {
        zh: '该幂等键已用于另一份不同的提交',
        en: 'This Idempotency-Key was already used for a different submission',
      },
    }),
  idempotencyInFlight: () =>
    new AppError({
      code: 'demands.idempotency_in_flight',
      status: 409,
      title: {
        zh: '同一提交正在处理中，请稍后重试',
        en: 'The same submission is still being processed; retry shortly',
      },
    }),
  conflict: (code: string, title: Bilingual, extra?: Record<string, unknown>) =>
    new AppError({ code: `demands.${code}`, status: 409, title, ...(extra ? { extra } : {}) }),
};
