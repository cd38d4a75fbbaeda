// When a committee's recurring reports are due. Pure.
//
// No statute fixes these cadences: 山东省物业管理条例 art. 32 requires decisions to be posted
// within three days, and art. 28 an owners' meeting at least once a year, at which the committee
// reports on its work (art. 29(1)). The platform's cadence follows the usual practice of the
// operation guide: the accounts of common income and spending (financial_report) every quarter,
// the work report every year. A report is overdue once its cadence has run since the last one
// (or, before the first, since the committee's term began).

import { addMonths } from './owners.dates';

export const RECURRING_REPORTS = { financial_report: 3, work_report: 12 } as const;
export type RecurringKind = keyof typeof RECURRING_REPORTS;

export function recurringReportState(opts: {
  kind: RecurringKind;
  lastPublishedOn: string | null;
  /** The committee's term start; null without a committee (nothing is due then). */
  since: string | null;
  today: string;
}): { cadenceMonths: number; dueBy: string | null; overdue: boolean } {
  const cadenceMonths = RECURRING_REPORTS[opts.kind];
  const from = opts.lastPublishedOn ?? opts.since;
  if (!from || !opts.since) return { cadenceMonths, dueBy: null, overdue: false };
  const dueBy = addMonths(from, cadenceMonths);
  return { cadenceMonths, dueBy, overdue: opts.today > dueBy };
}
