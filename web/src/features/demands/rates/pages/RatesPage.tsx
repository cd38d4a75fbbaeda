import { Alert, Card, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { AreaTreePicker } from '../../console/components/AreaTreePicker';
import type { FigureTarget, RateFigure, RateRow } from '../api';
import { buildTrendOption } from '../buildTrendOption';
import { FigureDrawer } from '../components/FigureDrawer';
import { PeriodPicker } from '../components/PeriodPicker';
import { RateCards } from '../components/RateCards';
import { RatesNav } from '../components/RatesNav';
import { RatesTable } from '../components/RatesTable';
import { TrendChart } from '../components/TrendChart';
import { useRates, useTrend } from '../hooks';
import { chinaMonth, GROUPINGS, groupingOf, periodOf } from '../params';

export type RatesPageProps = Record<string, never>;

/**
 * 三率统计 (/demands/rates, Beijing art. 32): the response, resolution and satisfaction rates and the
 * composite of a place over a period, the same for each place below it (or each company, handler …),
 * and the last twelve months. Every count opens the demands behind it.
 */
export function RatesPage(_props: RatesPageProps) {
  const { t, i18n } = useTranslation('demandsRates');
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const period = periodOf(params);
  const by = groupingOf(params);
  const rates = useRates({ areaCode: area, from: period.from, to: period.to }, by);
  const trend = useTrend(area);
  const [open, setOpen] = useState<{ target: FigureTarget; name: string } | null>(null);
  const data = rates.data;

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const base = { areaCode: area, from: data?.period.from, to: data?.period.to };
  const openTotal = (figure: RateFigure) =>
    setOpen({ target: { ...base, figure }, name: data?.place?.name ?? t('place.scope') });
  const openRow = (figure: RateFigure, row: RateRow) =>
    setOpen({ target: { ...base, figure, by, groupKey: row.key }, name: row.name });

  const trendOption = useMemo(
    () =>
      trend.data
        ? buildTrendOption(trend.data, {
            response: t('rates.response'),
            resolution: t('rates.resolution'),
            satisfaction: t('rates.satisfaction'),
            composite: t('rates.composite'),
            target: t('trend.target'),
          })
        : null,
    [trend.data, t],
  );

  return (
    <Flex vertical gap={16} data-testid="rates-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <RatesNav />
          <Flex gap={12} wrap align="center">
            <Typography.Text type="secondary">{t('place.label')}</Typography.Text>
            <AreaTreePicker
              value={area}
              onChange={(code) => update({ area: code })}
              placeholder={t('place.placeholder')}
              testId="rates-place"
            />
            <PeriodPicker
              value={period}
              currentMonth={chinaMonth(new Date())}
              onMonth={(month) => update({ month, from: undefined, to: undefined })}
              onRange={(from, to) => update({ from, to, month: undefined })}
            />
          </Flex>
        </Flex>
      </Card>

      {rates.isError ? <Alert type="error" showIcon title={apiErrorMessage(rates.error, i18n)} /> : null}
      {data ? (
        <>
          <Flex align="center" gap={8} wrap data-testid="rates-heading">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="rates-place-name">
              {data.place?.name ?? t('place.scope')}
            </Typography.Title>
            <Tag>
              {data.period.from} ~ {data.period.to}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('settings', {
                denominator: t(`denominator.${data.settings.denominator}`),
                factor: data.settings.basicFactor,
              })}
            </Typography.Text>
          </Flex>
          <RateCards figures={data.total} settings={data.settings} onOpen={openTotal} />
          <Card
            size="small"
            title={t('table.title')}
            extra={
              <Flex gap={8} align="center">
                <Typography.Text type="secondary">{t('by.label')}</Typography.Text>
                <Select
                  size="small"
                  value={by}
                  style={{ minWidth: 140 }}
                  onChange={(value) => update({ by: value === 'children' ? undefined : value })}
                  options={GROUPINGS.map((g) => ({ value: g, label: t(`by.${g}`) }))}
                  data-testid="rates-by"
                />
              </Flex>
            }
          >
            <RatesTable rows={data.rows} loading={rates.isFetching} onOpen={openRow} />
          </Card>
        </>
      ) : rates.isPending ? (
        <Skeleton active />
      ) : null}

      <Card size="small" title={t('trend.title')}>
        {trendOption ? <TrendChart option={trendOption} ariaLabel={t('trend.aria')} /> : <Skeleton active />}
      </Card>

      <FigureDrawer
        target={open?.target ?? null}
        placeName={open?.name ?? ''}
        onClose={() => setOpen(null)}
      />
    </Flex>
  );
}
