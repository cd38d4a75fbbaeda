import { AppError, type FieldProblem } from '../../server/errors';

export const areasErrors = {
  notFound: () =>
    new AppError({
      code: 'areas.not_found',
      status: 404,
      title: { zh: '区域不存在或无权查看', en: 'No such place, or not in your scope' },
    }),
  retired: (code: string) =>
    new AppError({
      code: 'areas.retired',
      status: 409,
      title: { zh: `区域 ${code} 已撤销，不能修改`, en: `Place ${code} is retired and cannot change` },
    }),
  wrongLevel: (expected: string, actual: string) =>
    new AppError({
      code: 'areas.wrong_level',
      status: 409,
      title: { zh: `应为${expected}级区域，实为${actual}`, en: `Expected a ${expected}, got a ${actual}` },
    }),
  invalidGeometry: (errors: FieldProblem[]) =>
    new AppError({
      code: 'areas.invalid_geometry',
      status: 400,
      title: { zh: '边界图形无效', en: 'The boundary is not a valid polygon' },
      errors,
    }),
  futureDate: () =>
    new AppError({
      code: 'areas.future_effective_date',
      status: 400,
      title: { zh: '生效日期不能晚于今天', en: 'The effective date cannot be in the future' },
      errors: [
        {
          field: 'effectiveDate',
          in: 'body',
          reason: 'future',
          message: { zh: '不能晚于今天', en: 'must not be after today' },
        },
      ],
    }),
  beforeCurrentVersion: (validFrom: string) =>
    new AppError({
      code: 'areas.effective_before_current',
      status: 409,
      title: {
        zh: `生效日期早于现行版本（${validFrom}）`,
        en: `The effective date is before the current version (${validFrom})`,
      },
      errors: [
        {
          field: 'effectiveDate',
          in: 'body',
          reason: 'before_current',
          message: { zh: `不能早于 ${validFrom}`, en: `must not be before ${validFrom}` },
        },
      ],
    }),
  notSiblings: () =>
    new AppError({
      code: 'areas.not_siblings',
      status: 409,
      title: { zh: '只能合并同一社区内的网格', en: 'Only grids of one community can be merged' },
    }),
  codesExhausted: () =>
    new AppError({
      code: 'areas.codes_exhausted',
      status: 409,
      title: { zh: '该上级下的编码已用尽', en: 'No free code is left under this parent' },
    }),
};
