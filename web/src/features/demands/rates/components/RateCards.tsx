import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RateFigure, RateFigures, RatesView } from '../api';
import { formatRate, formatScore, RATE_PARTS, rateTone, TONE_COLOR } from '../format';
import { FigureLink } from './FigureLink';

export type RateCardsProps = {
  figures: RateFigures;
  settings: RatesView['settings'];
  onOpen: (figure: RateFigure) => void;
};

/**
 * 响应率 / 解决率 / 满意率 as big numbers, each with its numerator over the denominator, and the
 * composite with the total of demands. Every count opens the demands behind it.
 */
export function RateCards({ figures: f, settings, onOpen }: RateCardsProps) {
  const { t } = useTranslation('demandsRates');
  const link = (figure: RateFigure, n: number, where = '') => (
    <FigureLink onOpen={() => onOpen(figure)} testId={`figure-${figure}${where}`} disabled={n === 0}>
      {n}
    </FigureLink>
  );
  const denominator = (where: string) => link('denominator', f.denominator, `-${where}`);
  const hint = {
    response: t('rates.responseHint'),
    resolution: t('rates.resolutionHint'),
    satisfaction: t('rates.satisfactionHint', { factor: settings.basicFactor }),
  };
  return (
    <Row gutter={[16, 16]} data-testid="rate-cards">
      {RATE_PARTS.map((part) => {
        const rate = f[part.rate];
        return (
          <Col xs={24} sm={12} xl={6} key={part.key}>
            <Card size="small" data-testid={`rate-card-${part.key}`} style={{ height: '100%' }}>
              <Statistic
                title={t(`rates.${part.key}`)}
                value={formatRate(rate)}
                styles={{ content: { color: TONE_COLOR[rateTone(rate)], fontSize: 32 } }}
                data-testid={`rate-value-${part.key}`}
              />
              <Flex gap={6} wrap align="baseline">
                {part.key === 'satisfaction' ? (
                  <>
                    <Typography.Text type="secondary">{t('figures.satisfied')}</Typography.Text>
                    {link('satisfied', f.satisfied)}
                    <Typography.Text type="secondary">{t('figures.basic')}</Typography.Text>
                    {link('basic', f.basic)}
                    <Typography.Text type="secondary">{t('figures.unsatisfied')}</Typography.Text>
                    {link('unsatisfied', f.unsatisfied)}
                  </>
                ) : (
                  <>
                    <Typography.Text type="secondary">{t(`figures.${part.figure}`)}</Typography.Text>
                    {link(part.figure, f[part.count])}
                    <Typography.Text type="secondary">{t(`figures.${part.rest}`)}</Typography.Text>
                    {link(part.rest, f.denominator - f[part.count])}
                  </>
                )}
                <Typography.Text type="secondary">· {t('rates.over')}</Typography.Text>
                {denominator(part.key)}
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                {hint[part.key]}
              </Typography.Paragraph>
            </Card>
          </Col>
        );
      })}
      <Col xs={24} sm={12} xl={6}>
        <Card size="small" data-testid="rate-card-composite" style={{ height: '100%' }}>
          <Statistic
            title={t('rates.composite')}
            value={formatScore(f.composite)}
            styles={{ content: { fontSize: 32 } }}
            data-testid="rate-value-composite"
          />
          <Flex gap={6} wrap align="baseline">
            <Typography.Text type="secondary">{t('figures.demands')}</Typography.Text>
            {link('demands', f.demands)}
            <Typography.Text type="secondary">· {t('figures.denominator')}</Typography.Text>
            {denominator('composite')}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {f.composite === null
              ? t('rates.noRate')
              : t('rates.compositeHint', {
                  response: settings.weights.response,
                  resolution: settings.weights.resolution,
                  satisfaction: settings.weights.satisfaction,
                })}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
