import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaLevel } from '../api';

const LEVEL_COLORS: Record<AreaLevel, string> = {
  city: 'magenta',
  district: 'red',
  street: 'volcano',
  community: 'orange',
  grid: 'blue',
  compound: 'cyan',
  building: 'geekblue',
  unit: 'purple',
  household: 'default',
};

export type AreaLevelTagProps = { level: AreaLevel };

/** 市 / 区县 / 街道(镇) / 社区 / 网格 … as a coloured tag. */
export function AreaLevelTag({ level }: AreaLevelTagProps) {
  const { t } = useTranslation('areas');
  return (
    <Tag color={LEVEL_COLORS[level]} variant="outlined">
      {t(`levels.${level}`)}
    </Tag>
  );
}
