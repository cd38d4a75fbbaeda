import { AppError, type FieldProblem } from '../../server/errors';

// Errors of the talent ledger, the Excel imports and the exports. Like people.errors, no message
// echoes a number someone typed.

export const ledgerErrors = {
  importInvalid: (problems: FieldProblem[], extra: { total: number; valid: number }) =>
    new AppError({
      code: 'people.import_invalid',
      status: 400,
      title: { zh: '导入文件有误，未写入任何数据', en: 'The import has problems; nothing was written' },
      errors: problems,
      extra,
    }),
  unreadable: () =>
    new AppError({
      code: 'people.import_unreadable',
      status: 400,
      title: {
        zh: '无法读取文件，请上传 Excel 2007 及以上版本的 .xlsx 工作簿（不支持 .xls、.csv）',
        en: 'The file is not a readable .xlsx workbook (.xls and .csv are not accepted)',
      },
    }),
  notXlsx: () =>
    new AppError({
      code: 'people.import_not_xlsx',
      status: 415,
      title: {
        zh: '请以 .xlsx 文件作为请求体上传',
        en: 'Send the .xlsx file as the request body with the xlsx content type',
      },
    }),
  tooLarge: (maxRows: number) =>
    new AppError({
      code: 'people.import_too_large',
      status: 413,
      title: {
        zh: `文件过大：每次最多导入 ${maxRows} 行，请分批导入`,
        en: `The file is too large: at most ${maxRows} rows per import`,
      },
    }),
  empty: () =>
    new AppError({
      code: 'people.import_empty',
      status: 400,
      title: { zh: '文件中没有要导入的数据行', en: 'The file has no rows to import' },
    }),
  talentNotFound: () =>
    new AppError({
      code: 'people.talent_not_found',
      status: 404,
      title: { zh: '人才记录不存在或无权查看', en: 'No such talent record, or not in your scope' },
    }),
  talentExists: () =>
    new AppError({
      code: 'people.talent_exists',
      status: 409,
      title: { zh: '该居民已在人才台账中', en: 'This resident is already in the talent ledger' },
    }),
  residentInactive: () =>
    new AppError({
      code: 'people.resident_not_active',
      status: 409,
      title: { zh: '该居民已迁出或已死亡', en: 'The resident has moved out or died' },
    }),
  unmaskOutsideScope: () =>
    new AppError({
      code: 'people.unmask_forbidden',
      status: 403,
      title: {
        zh: '您无权导出该范围内的完整证件号和手机号',
        en: 'You may not export full ID numbers and phones for this area',
      },
    }),
};
