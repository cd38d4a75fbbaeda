import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { searchAreas } from '../../../areas/api';

export type CompoundPickerProps = {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder: string;
  allowClear?: boolean;
  testId?: string;
};

/** A compound of the caller's scope, found by name through the area search. */
export function CompoundPicker({ value, onChange, placeholder, allowClear, testId }: CompoundPickerProps) {
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['ownersVotes', 'compounds', q],
    queryFn: ({ signal }) => searchAreas({ q, level: 'compound', limit: 20, signal }),
    enabled: q.trim().length > 0,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={hits.isFetching}
      style={{ minWidth: 260 }}
      data-testid={testId}
      options={(hits.data?.items ?? []).map((hit) => ({
        value: hit.code,
        label: `${hit.name}（${hit.ancestorsText}）`,
      }))}
      notFoundContent={null}
    />
  );
}
