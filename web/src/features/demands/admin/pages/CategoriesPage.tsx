import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { CategoryView } from '../api';
import { buildCategoryTree, type CategoryNode, filterCategoryTree, suggestSubCode } from '../categoryTree';
import { AdminFrame } from '../components/AdminFrame';
import { CategoryDrawer } from '../components/CategoryDrawer';
import { CreateCategoryModal } from '../components/CreateCategoryModal';
import { useAllCategories } from '../hooks';
import { limitText } from '../labels';
import { useCityManager } from '../useCityManager';

export type CategoriesPageProps = Record<string, never>;

/**
 * 诉求分类目录 (/demands/admin/categories): the catalogue as a tree with the limits in force. A row
 * opens its drawer (new version of the limits, names, history); a top-level row adds a sub-category.
 */
export function CategoriesPage(_props: CategoriesPageProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const manager = useCityManager();
  const categories = useAllCategories();
  const [text, setText] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState<CategoryView | null | undefined>(undefined);
  const items = categories.data ?? [];
  const tree = useMemo(() => {
    const shown = showInactive ? items : items.filter((c) => c.active);
    return filterCategoryTree(buildCategoryTree(shown), text);
  }, [items, showInactive, text]);
  const topLevel = items.filter((c) => c.parentCode === null);
  const codes = items.map((c) => c.code);

  return (
    <AdminFrame
      testId="demands-categories-page"
      title={t('catalogue.title')}
      hint={t('catalogue.hint')}
      readOnly={!manager}
      extra={
        manager ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(null)}
            data-testid="create-category"
          >
            {t('catalogue.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('catalogue.search')}
            onChange={(e) => setText(e.target.value)}
            style={{ maxWidth: 320 }}
            data-testid="category-search"
          />
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
            {t('catalogue.showInactive')}
          </Checkbox>
        </Flex>
        {categories.isError ? (
          <Alert type="error" showIcon title={apiErrorMessage(categories.error, i18n)} />
        ) : null}
        <Table<CategoryNode>
          size="small"
          rowKey="code"
          loading={categories.isPending}
          dataSource={tree}
          pagination={false}
          expandable={{ defaultExpandAllRows: false, expandRowByClick: false }}
          data-testid="category-table"
          onRow={(c) =>
            ({
              'data-testid': `category-row-${c.code}`,
              onClick: () => setOpen(c.code),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'name',
              title: t('catalogue.columns.name'),
              render: (_, c) => (language === 'en' ? c.name.en : c.name.zh),
            },
            { key: 'code', title: t('catalogue.columns.code'), dataIndex: 'code' },
            {
              key: 'eventClass',
              title: t('catalogue.columns.eventClass'),
              render: (_, c) => c.eventClass ?? '—',
            },
            {
              key: 'limit',
              title: t('catalogue.columns.limit'),
              render: (_, c) => (
                <span data-testid={`category-limit-${c.code}`}>
                  {limitText(t, c.handleLimit, c.handleUnit)}
                </span>
              ),
            },
            {
              key: 'fc',
              title: t('catalogue.columns.firstContact'),
              render: (_, c) => t('catalogue.firstContactHours', { hours: c.firstContactHours }),
            },
            {
              key: 'party',
              title: t('catalogue.columns.party'),
              render: (_, c) => (
                <>
                  {t(`parties.${c.defaultParty}`)}
                  {c.departmentName ? `（${c.departmentName}）` : ''}
                </>
              ),
            },
            {
              key: 'version',
              title: t('catalogue.columns.version'),
              render: (_, c) => (
                <Tag data-testid={`category-version-tag-${c.code}`}>
                  {t('catalogue.versionTag', { version: c.version })}
                </Tag>
              ),
            },
            {
              key: 'status',
              title: t('catalogue.columns.status'),
              render: (_, c) =>
                c.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
            {
              key: 'add',
              title: '',
              render: (_, c) =>
                manager && c.parentCode === null ? (
                  <Button
                    size="small"
                    type="link"
                    data-testid={`add-sub-${c.code}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      setCreating(c);
                    }}
                  >
                    {t('catalogue.addSub')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <CategoryDrawer code={open} readOnly={!manager} onClose={() => setOpen(null)} />
      <CreateCategoryModal
        parent={creating}
        suggestedCode={creating ? suggestSubCode(creating.code, codes) : ''}
        topLevel={topLevel}
        onClose={() => setCreating(undefined)}
        onCreated={(code) => {
          setCreating(undefined);
          setOpen(code);
        }}
      />
    </AdminFrame>
  );
}
