import { Card, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '../api';
import { type DayState, dayState, monthWeeks } from '../calendarGrid';

export const DAY_COLORS: Record<DayState, { background: string; color: string }> = {
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeup: { background: '#e6f4ff', color: '#0958d9' },
  weekend: { background: '#fafafa', color: '#8c8c8c' },
  workday: { background: '#ffffff', color: '#262626' },
};

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

export type MonthGridProps = {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarDayView>;
  onPick: (date: string) => void;
};

/** One month, Monday first: days off in red, make-up working days in blue, each named on hover. */
export function MonthGrid({ year, month, entries, onPick }: MonthGridProps) {
  const { t } = useTranslation('demandsAdmin');
  const cell = { width: '14.28%', textAlign: 'center' as const, padding: 2 };
  return (
    <Card size="small" title={t('calendar.month', { month })} data-testid={`month-${month}`}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <thead>
          <tr>
            {MONDAY_FIRST.map((d) => (
              <th key={d} style={{ ...cell, fontWeight: 400, color: '#8c8c8c', fontSize: 12 }}>
                {t(`calendar.weekdays.d${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean)}>
              {MONDAY_FIRST.map((weekday, column) => {
                const date = week[column];
                if (!date) return <td key={weekday} style={cell} />;
                const entry = entries.get(date);
                const state = dayState(date, entry);
                const day = (
                  <button
                    type="button"
                    onClick={() => onPick(date)}
                    data-testid={`day-${date}`}
                    data-state={state}
                    aria-label={entry ? `${date} ${entry.name}` : date}
                    style={{
                      width: '100%',
                      border: entry ? `1px solid ${DAY_COLORS[state].color}` : '1px solid transparent',
                      borderRadius: 4,
                      cursor: 'pointer',
                      padding: '2px 0',
                      lineHeight: 1.2,
                      ...DAY_COLORS[state],
                    }}
                  >
                    <div>{Number(date.slice(8))}</div>
                    <div style={{ fontSize: 10, minHeight: 12, overflow: 'hidden', whiteSpace: 'nowrap' }}>
                      {entry
                        ? entry.kind === 'holiday'
                          ? t('calendar.cell.holiday')
                          : t('calendar.cell.makeup')
                        : ''}
                    </div>
                  </button>
                );
                return (
                  <td key={date} style={cell}>
                    {entry ? <Tooltip title={entry.name}>{day}</Tooltip> : day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
