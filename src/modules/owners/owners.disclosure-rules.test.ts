import { describe, expect, it } from 'vitest';
import { recurringReportState } from './owners.disclosure-rules';

describe('recurring reports of a committee', () => {
  const since = '2025-01-10';

  it('a quarterly financial report is due three months after the last one and overdue the day after', () => {
    const last = { kind: 'financial_report' as const, lastPublishedOn: '2026-01-15', since };
    expect(recurringReportState({ ...last, today: '2026-04-15' })).toEqual({
      cadenceMonths: 3,
      dueBy: '2026-04-15',
      overdue: false,
    });
    expect(recurringReportState({ ...last, today: '2026-04-16' }).overdue).toBe(true);
  });

  it('before the first report the clock runs from the start of the term', () => {
    expect(
      recurringReportState({ kind: 'work_report', lastPublishedOn: null, since, today: '2026-01-11' }),
    ).toEqual({ cadenceMonths: 12, dueBy: '2026-01-10', overdue: true });
  });

  it('nothing is due where there is no committee', () => {
    expect(
      recurringReportState({
        kind: 'financial_report',
        lastPublishedOn: null,
        since: null,
        today: '2026-01-11',
      }),
    ).toEqual({ cadenceMonths: 3, dueBy: null, overdue: false });
  });
});
