import { BuildOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export type ModulePlaceholderProps = {
  /** Key of the module in the `nav` namespace (`nav:items.<moduleKey>`). */
  moduleKey: string;
};

/** Stands in for a module whose pages are not written yet; it says so rather than showing sample data. */
export function ModulePlaceholder({ moduleKey }: ModulePlaceholderProps) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        icon={<BuildOutlined />}
        title={t(`nav:items.${moduleKey}`)}
        subTitle={
          <>
            <div>{t(`nav:descriptions.${moduleKey}`)}</div>
            <div>{t('placeholder.description')}</div>
          </>
        }
      />
    </Card>
  );
}
