import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { festivalsOf } from '../calendarGrid';
import { AdminFrame } from '../components/AdminFrame';
import { DayModal } from '../components/DayModal';
import { DAY_COLORS, MonthGrid } from '../components/MonthGrid';
import { useCalendar } from '../hooks';
import { useCityManager } from '../useCityManager';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

export type CalendarPageProps = Record<string, never>;

/**
 * 工作日历 (/demands/admin/calendar): a year of months with the days off and make-up working days
 * and their festivals, the working hours, and a click on a day to set or clear it.
 */
export function CalendarPage(_props: CalendarPageProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const manager = useCityManager();
  const calendar = useCalendar(year);
  const [picked, setPicked] = useState<string | null>(null);
  const entries = useMemo(
    () => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])),
    [calendar.data],
  );
  const festivals = festivalsOf(calendar.data?.days ?? []);
  const hours = calendar.data?.workingHours;
  const go = (y: number) => setParams({ year: String(y) });

  return (
    <AdminFrame
      testId="demands-calendar-page"
      title={t('calendar.title')}
      hint={t('calendar.hint')}
      readOnly={!manager}
      extra={
        <Flex align="center" gap={8}>
          <Button icon={<LeftOutlined />} onClick={() => go(year - 1)} data-testid="calendar-prev" />
          <Typography.Text strong data-testid="calendar-year">
            {t('calendar.year', { year })}
          </Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => go(year + 1)} data-testid="calendar-next" />
        </Flex>
      }
    >
      {calendar.isError ? (
        <Alert type="error" showIcon title={apiErrorMessage(calendar.error, i18n)} />
      ) : null}
      <Card size="small">
        {calendar.data && hours ? (
          <Flex gap={16} wrap align="center" data-testid="calendar-summary">
            <Typography.Text>
              {t('calendar.workingHours', { start: hours.start, end: hours.end })}
              {hours.lunch
                ? `，${t('calendar.lunch', { start: hours.lunch.start, end: hours.lunch.end })}`
                : ''}
            </Typography.Text>
            <Typography.Text>
              {t('calendar.hoursPerDay', { hours: calendar.data.hoursPerDay })}
            </Typography.Text>
            <Typography.Text>
              {t('calendar.workdayCount', { count: calendar.data.workdayCount })}
            </Typography.Text>
            <Flex gap={4}>
              {(['holiday', 'makeup', 'weekend', 'workday'] as const).map((s) => (
                <Tag key={s} style={{ ...DAY_COLORS[s], borderColor: DAY_COLORS[s].color }}>
                  {t(`calendar.legend.${s}`)}
                </Tag>
              ))}
            </Flex>
          </Flex>
        ) : (
          <Skeleton.Input active />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Row gutter={[12, 12]}>
            {MONTHS.map((month) => (
              <Col key={month} xs={24} md={12} lg={8}>
                <MonthGrid
                  year={year}
                  month={month}
                  entries={entries}
                  onPick={manager ? setPicked : () => undefined}
                />
              </Col>
            ))}
          </Row>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('calendar.festivals')} data-testid="calendar-festivals">
            {festivals.length === 0 && calendar.data ? (
              <Alert type="warning" showIcon title={t('calendar.noEntries')} />
            ) : (
              <List
                size="small"
                dataSource={festivals}
                renderItem={(f) => (
                  <List.Item data-testid={`festival-${f.name}`}>
                    <List.Item.Meta
                      title={f.name}
                      description={t('calendar.festivalRange', {
                        from: f.from.slice(5),
                        to: f.to.slice(5),
                        off: f.off,
                      })}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <DayModal
        date={picked}
        entry={picked ? entries.get(picked) : undefined}
        onClose={() => setPicked(null)}
      />
    </AdminFrame>
  );
}
