import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type AreaAttrsProps = { attrs: Record<string, unknown> };

/** Attribute keys we have a label for (`areas:attrs.<key>`); others are shown under their own name. */
const PHONE_KEYS = new Set(['supervisionPhone', 'phone', 'contactPhone', 'servicePhone']);

function humanizeKey(key: string): string {
  return key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Level-specific facts of a place (a grid's supervision phone, a building's floors) in readable form. */
export function AreaAttrs({ attrs }: AreaAttrsProps) {
  const { t, i18n } = useTranslation(['areas', 'common']);
  const numbers = new Intl.NumberFormat(i18n.language);

  const render = (key: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('areas:boolean.yes') : t('areas:boolean.no');
    // A year (builtYear: 2005) is a name, not a quantity: no thousands separator.
    if (typeof value === 'number' && /year/i.test(key)) return String(value);
    if (typeof value === 'number') {
      return i18n.exists(`areas:attrUnits.${key}`)
        ? t(`areas:attrUnits.${key}`, { value: numbers.format(value) })
        : numbers.format(value);
    }
    if (typeof value === 'string') {
      return PHONE_KEYS.has(key) ? <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a> : value;
    }
    if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
      return value.map(String).join('、');
    }
    return (
      <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(value)}
      </Typography.Text>
    );
  };

  const items = Object.entries(attrs).map(([key, value]) => ({
    key,
    label: i18n.exists(`areas:attrs.${key}`) ? t(`areas:attrs.${key}`) : humanizeKey(key),
    children: render(key, value),
  }));
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} data-testid="area-attrs" />;
}
