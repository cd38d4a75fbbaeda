import { Cascader } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../console/hooks';
import { categoryLabel, categoryOptions, chosenLeaf } from './categoryTree';

export type CategoryFieldProps = {
  value: string | null;
  onChange: (code: string) => void;
};

/** The category (大类 → 小类) as a field that opens a two-level picker. */
export function CategoryField({ value, onChange }: CategoryFieldProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  const [open, setOpen] = useState(false);
  const categories = useCategories();
  const options = useMemo(
    () => categoryOptions(categories.data ?? [], i18n.language),
    [categories.data, i18n.language],
  );
  const path = useMemo(() => {
    if (!value) return [];
    const parent = (categories.data ?? []).find((category) => category.code === value)?.parentCode;
    return parent ? [parent, value] : [value];
  }, [categories.data, value]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="intake-category"
        style={{
          width: '100%',
          textAlign: 'left',
          border: 0,
          background: 'none',
          padding: '4px 0',
          fontSize: 17,
          color: value ? '#333' : '#bbb',
        }}
      >
        {value ? categoryLabel(categories.data ?? [], value, i18n.language) : t('intake.categoryPlaceholder')}
      </button>
      <Cascader
        options={options}
        visible={open}
        destroyOnClose
        value={path}
        loading={categories.isPending}
        title={t('intake.categoryTitle')}
        placeholder={t('intake.categoryChoose')}
        onClose={() => setOpen(false)}
        onConfirm={(values) => {
          const leaf = chosenLeaf(options, values as (string | null)[]);
          if (leaf) onChange(leaf);
        }}
      />
    </>
  );
}
