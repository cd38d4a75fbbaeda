// Error factories of the owners module (codes `owners.<reason>`).
import { AppError } from '../../server/errors';

/**
 * Error factories of these rules. Codes follow `owners.<reason>`; they belong in owners.errors.ts
 * once the module has one.
 */
export const ownersErrors = {
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
