// Error factories of owners' meeting votes and ballots (codes `owners.<reason>`). The tally's own
// errors (duplicate_ballot, invalid_units …) live in owners.errors.ts and are reused from there.
import { AppError, type Bilingual } from '../../server/errors';

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  open: '表决中',
  closed: '已结束',
  cancelled: '已取消',
};

const error = (status: number, reason: string, title: Bilingual, extra?: Record<string, unknown>) =>
  new AppError({ code: `owners.${reason}`, status, title, ...(extra ? { extra } : {}) });

export const ownersVotesErrors = {
  voteNotFound: () =>
    error(404, 'vote_not_found', { zh: '表决不存在或无权查看', en: 'No such vote, or not in your scope' }),
  compoundNotFound: () =>
    error(404, 'compound_not_found', {
      zh: '小区不存在或无权查看',
      en: 'No such compound, or not in your scope',
    }),
  invalidTransition: (from: string, action: string) =>
    error(
      409,
      'vote_invalid_transition',
      {
        zh: `表决当前为“${STATUS_ZH[from] ?? from}”状态，不能执行此操作`,
        en: `A vote that is ${from} cannot be ${action}`,
      },
      { from, action },
    ),
  emptyRegister: () =>
    error(409, 'empty_register', {
      zh: '该小区尚未登记业主名册，无法开始表决',
      en: "The compound has no owners' register yet; the vote cannot open",
    }),
  hasBallots: () =>
    error(409, 'vote_has_ballots', {
      zh: '已有业主投票，表决不能取消',
      en: 'Ballots have been cast; the vote can no longer be cancelled',
    }),
  closeEarlyReasonRequired: (closesAt: string) =>
    error(
      400,
      'close_early_reason_required',
      {
        zh: '表决截止时间未到，提前结束须说明理由',
        en: 'The voting period has not ended; closing early needs a reason',
      },
      { closesAt },
    ),
  invalidPeriod: () =>
    error(400, 'invalid_vote_period', {
      zh: '截止时间须晚于开始时间和当前时间',
      en: 'The closing time must be after the opening time and after now',
    }),
  codesAlreadyIssued: () =>
    error(409, 'codes_already_issued', {
      zh: '表决码已下载过，只能下载一次；遗失的可单独补发',
      en: 'The voting codes were already issued and can be downloaded once; reissue a lost one',
    }),
  electorNotFound: () =>
    error(404, 'elector_not_found', {
      zh: '该表决人不在本次表决的业主名单中',
      en: "No such elector on this vote's roll",
    }),
  invalidCode: () =>
    error(403, 'invalid_code', {
      zh: '表决码无效：请核对表决码，或联系业主委员会',
      en: "The voting code is not valid for this vote; check it or ask the owners' committee",
    }),
  codeUsed: () =>
    error(409, 'code_used', {
      zh: '该表决码已经投过票，每位业主只能表决一次',
      en: 'This voting code has already been used: each owner votes once',
    }),
  voteNotOpen: (status: string) =>
    error(
      409,
      'vote_not_open',
      { zh: '表决未在进行中，不能投票', en: 'The vote is not open for ballots' },
      { status },
    ),
  votingPeriodOver: () =>
    error(409, 'voting_period_over', {
      zh: '表决截止时间已过，不能再投票',
      en: 'The voting period has ended',
    }),
  entryNotFound: () =>
    error(404, 'paper_entry_not_found', {
      zh: '待确认的纸质表决票不存在',
      en: 'No such paper ballot awaiting confirmation',
    }),
  entryPending: () =>
    error(409, 'paper_entry_pending', {
      zh: '该业主已有一张待确认的纸质表决票',
      en: 'A paper ballot of this owner is already awaiting confirmation',
    }),
  sameOfficer: () =>
    error(403, 'same_officer', {
      zh: '录入人不能确认自己录入的纸质表决票，须由另一名工作人员确认',
      en: 'A paper ballot must be confirmed by an officer other than the one who entered it',
    }),
  entryMismatch: () =>
    error(409, 'paper_entry_mismatch', {
      zh: '确认时核对的表决意见与录入的不一致，请重新核对纸质表决票',
      en: 'The choice read at confirmation differs from the one entered; check the paper ballot again',
    }),
  entriesPending: (count: number) =>
    error(
      409,
      'paper_entries_pending',
      {
        zh: `还有${count}张纸质表决票待确认，请先确认或作废后再结束表决`,
        en: `${count} paper ballot(s) still await confirmation; confirm or discard them before closing`,
      },
      { count },
    ),
  receiptNotFound: () =>
    error(404, 'receipt_not_found', {
      zh: '未找到与该回执码对应的表决票',
      en: 'No ballot of this vote has that receipt code',
    }),
};
