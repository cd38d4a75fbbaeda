import { Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaLevel, LevelCounts as LevelCountsData } from '../api';
import { countedLevelsBelow } from '../areaLevels';

export type LevelCountsProps = {
  /** The level of the place counted: only the levels below it are shown. */
  level: AreaLevel;
  counts: LevelCountsData;
  /** Columns per row on a wide screen. */
  columns?: 2 | 3 | 4;
};

/** How many districts, streets … households lie below a place. */
export function LevelCounts({ level, counts, columns = 4 }: LevelCountsProps) {
  const { t, i18n } = useTranslation('areas');
  const levels = countedLevelsBelow(level);
  if (levels.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('counts.none')} />;
  return (
    <Row gutter={[16, 16]} data-testid="area-counts">
      {levels.map((below) => (
        <Col key={below} xs={12} sm={24 / columns}>
          <Statistic
            title={t(`counts.${below}`)}
            value={counts[below]}
            formatter={(value) => new Intl.NumberFormat(i18n.language).format(Number(value))}
          />
        </Col>
      ))}
    </Row>
  );
}
