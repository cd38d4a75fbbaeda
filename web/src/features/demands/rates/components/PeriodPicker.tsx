import { DatePicker, Flex, Segmented, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { chinaDay, type PeriodChoice } from '../params';

export type PeriodPickerProps = {
  value: PeriodChoice;
  /** The month shown when the address names none (the current China month). */
  currentMonth: string;
  onMonth: (month: string) => void;
  onRange: (from: string, to: string) => void;
};

/** A month, or a range of days; either way China days of receipt. */
export function PeriodPicker({ value, currentMonth, onMonth, onRange }: PeriodPickerProps) {
  const { t } = useTranslation('demandsRates');
  const month = value.month ?? (value.mode === 'range' ? value.from.slice(0, 7) : currentMonth);
  return (
    <Tooltip title={t('period.hint')}>
      <Flex gap={8} align="center" data-testid="rates-period">
        <Segmented<'month' | 'range'>
          size="small"
          value={value.mode}
          options={[
            { value: 'month', label: t('period.month') },
            { value: 'range', label: t('period.range') },
          ]}
          onChange={(mode) => {
            if (mode === 'month') onMonth(month);
            else {
              const from = value.from ?? `${month}-01`;
              onRange(from, value.to ?? chinaDay(new Date()));
            }
          }}
        />
        {value.mode === 'month' ? (
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && onMonth(d.format('YYYY-MM'))}
            data-testid="rates-month"
          />
        ) : (
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(value.from), dayjs(value.to)]}
            onChange={(range) => {
              if (range?.[0] && range[1])
                onRange(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
            }}
            data-testid="rates-range"
          />
        )}
      </Flex>
    </Tooltip>
  );
}
