import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AreaLevel, searchAreas } from '../../../areas/api';
import { useDebouncedValue } from '../../../areas/hooks/useDebouncedValue';

export type AreaOption = { code: string; name: string };

type Common = {
  /** Only these levels are offered. */
  levels: readonly AreaLevel[];
  placeholder: string;
  disabled?: boolean;
  testId: string;
};
export type AreaSelectProps = Common &
  (
    | { multiple: true; value?: AreaOption[]; onChange?: (value: AreaOption[]) => void }
    | { multiple?: false; value?: AreaOption | null; onChange?: (value: AreaOption | null) => void }
  );

/** Picks places by name through the area search (within the caller's scope), one or several. */
export function AreaSelect(props: AreaSelectProps) {
  const { t } = useTranslation('demandsAdmin');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const level = props.levels.length === 1 ? props.levels[0] : undefined;
  const search = useQuery({
    queryKey: ['demands', 'admin', 'area-search', level ?? '', q],
    queryFn: ({ signal }) => searchAreas({ q, level, limit: 20, signal }),
    enabled: q.length > 0,
  });
  const hits = (search.data?.items ?? []).filter(
    (h) => props.levels.includes(h.level) && h.status === 'active',
  );
  const chosen: AreaOption[] = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = [
    ...chosen.map((a) => ({ value: a.code, label: a.name })),
    ...hits
      .filter((h) => !chosen.some((c) => c.code === h.code))
      .map((h) => ({
        value: h.code,
        label: h.name,
        title: `${h.ancestorsText} · ${h.code}`,
      })),
  ];
  const nameOf = (code: string) =>
    chosen.find((c) => c.code === code)?.name ?? hits.find((h) => h.code === code)?.name ?? code;
  return (
    <Select
      data-testid={props.testId}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.multiple ? chosen.map((c) => c.code) : (chosen[0]?.code ?? null)}
      options={options}
      placeholder={props.placeholder}
      disabled={props.disabled}
      allowClear
      showSearch={{ onSearch: setText, filterOption: false }}
      notFoundContent={
        q ? <Typography.Text type="secondary">{t('unitsPage.noMatch')}</Typography.Text> : null
      }
      loading={search.isFetching}
      onChange={(value: string | string[] | null) => {
        setText('');
        if (props.multiple)
          props.onChange?.(((value as string[]) ?? []).map((code) => ({ code, name: nameOf(code) })));
        else props.onChange?.(value ? { code: value as string, name: nameOf(value as string) } : null);
      }}
      style={{ width: '100%' }}
    />
  );
}
