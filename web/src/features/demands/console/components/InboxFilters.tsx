import { Button, DatePicker, Flex, Input, Select, Switch, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandChannel } from '../../api';
import { useCategories } from '../hooks';
import { DUE_FILTERS, type InboxSetup, type InboxState } from '../inbox';
import { type CategoryNode, categoryTree } from '../intake';
import { AreaTreePicker } from './AreaTreePicker';

const CHANNELS: DemandChannel[] = ['hotline', 'mobile', 'patrol', 'open311'];

export type InboxFiltersProps = {
  state: InboxState;
  setup: InboxSetup;
  onChange: (patch: Partial<InboxState>) => void;
  onReset: () => void;
};

type TreeNode = { value: string; title: string; children?: TreeNode[] };
const toTree = (nodes: CategoryNode[]): TreeNode[] =>
  nodes.map((n) => ({
    value: n.value,
    title: n.label,
    ...(n.children ? { children: toTree(n.children) } : {}),
  }));

/** Category, channel, place, received dates, keyword; the time-limit toggles and 我的任务. */
export function InboxFilters({ state, setup, onChange, onReset }: InboxFiltersProps) {
  const { t, i18n } = useTranslation('demands');
  const categories = useCategories();
  const tree = useMemo(
    () => toTree(categoryTree(categories.data ?? [], i18n.language, false)),
    [categories.data, i18n.language],
  );
  const [keyword, setKeyword] = useState(state.q ?? '');
  useEffect(() => setKeyword(state.q ?? ''), [state.q]);

  return (
    <Flex vertical gap={12} data-testid="demand-filters">
      <Flex gap={8} wrap align="center">
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={tree}
          value={state.categoryCode}
          onChange={(code) => onChange({ categoryCode: code ?? undefined })}
          placeholder={t('inbox.filters.category')}
          loading={categories.isPending}
          style={{ minWidth: 200 }}
          popupMatchSelectWidth={false}
          data-testid="filter-category"
        />
        <Select<DemandChannel>
          allowClear
          value={state.channel}
          onChange={(channel) => onChange({ channel: channel ?? undefined })}
          placeholder={t('inbox.filters.channel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          style={{ minWidth: 130 }}
          data-testid="filter-channel"
        />
        <AreaTreePicker
          value={state.areaCode}
          onChange={(code) => onChange({ areaCode: code })}
          placeholder={t('inbox.filters.place')}
          testId="filter-place"
        />
        <DatePicker.RangePicker
          value={[
            state.receivedFrom ? dayjs(state.receivedFrom) : null,
            state.receivedTo ? dayjs(state.receivedTo) : null,
          ]}
          onChange={(range) =>
            onChange({
              receivedFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              receivedTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          allowEmpty={[true, true]}
          aria-label={t('inbox.filters.received')}
          data-testid="filter-received"
        />
        <Input.Search
          allowClear
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          placeholder={t('inbox.filters.keyword')}
          style={{ width: 240 }}
          data-testid="filter-keyword"
        />
        <Button type="link" onClick={onReset} data-testid="filter-reset">
          {t('inbox.filters.reset')}
        </Button>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('inbox.dueToggles')}</Typography.Text>
        {DUE_FILTERS.map((due) => (
          <Tag.CheckableTag
            key={due}
            checked={state.due === due}
            onChange={(checked) => onChange({ due: checked ? due : undefined })}
            data-testid={`filter-due-${due}`}
          >
            {t(`due.${due}`)}
          </Tag.CheckableTag>
        ))}
        {setup.canFilterMine ? (
          <Flex gap={6} align="center" style={{ marginInlineStart: 16 }}>
            <Switch
              size="small"
              checked={state.mine}
              onChange={(mine) => onChange({ mine })}
              data-testid="filter-mine"
            />
            <Typography.Text>{t('inbox.mine')}</Typography.Text>
          </Flex>
        ) : null}
      </Flex>
    </Flex>
  );
}
