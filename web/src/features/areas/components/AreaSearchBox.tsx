import { AutoComplete, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useAreaSearch } from '../hooks/useAreas';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { AreaLevelTag } from './AreaLevelTag';

export type AreaSearchBoxProps = {
  /** Called with the code of the chosen place. */
  onSelect: (code: string) => void;
};

/** Finds a place by name or code (市中街道, 371602001) within the caller's scope. */
export function AreaSearchBox({ onSelect }: AreaSearchBoxProps) {
  const { t, i18n } = useTranslation('areas');
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 250);
  const search = useAreaSearch(query);

  const options =
    query.trim() && search.data
      ? search.data.items.map((hit) => ({
          value: hit.code,
          label: (
            <Flex vertical data-testid={`area-search-hit-${hit.code}`} style={{ whiteSpace: 'normal' }}>
              <Flex align="center" gap={6}>
                <Typography.Text strong>{hit.name}</Typography.Text>
                <AreaLevelTag level={hit.level} />
                {hit.status === 'retired' ? (
                  <Typography.Text type="secondary">{t('status.retired')}</Typography.Text>
                ) : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hit.ancestorsText ? `${hit.ancestorsText} · ` : ''}
                {hit.code}
              </Typography.Text>
            </Flex>
          ),
        }))
      : [];

  const notFound = !query.trim()
    ? null
    : search.isError
      ? apiErrorMessage(search.error, i18n)
      : search.isFetching
        ? t('search.searching')
        : t('search.noResults');

  return (
    <AutoComplete
      value={text}
      options={options}
      showSearch={{ onSearch: setText, filterOption: false }}
      onSelect={(code: string) => {
        setText('');
        onSelect(code);
      }}
      notFoundContent={notFound}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    >
      <Input.Search placeholder={t('search.placeholder')} allowClear data-testid="area-search" />
    </AutoComplete>
  );
}
