import { Card, Col, Empty, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AreaDetailPanel } from '../components/AreaDetailPanel';
import { AreaLazyTree } from '../components/AreaLazyTree';
import { AreaSearchBox } from '../components/AreaSearchBox';
import { useAreaNode, useScopeRoots } from '../hooks/useAreas';

export type AreaTreePageProps = Record<string, never>;

/** 区域树: the places of the caller's scope, level by level, with the chosen place's details beside. Deep link `/areas?code=…`. */
export function AreaTreePage(_props: AreaTreePageProps) {
  const { t } = useTranslation('areas');
  const [searchParams, setSearchParams] = useSearchParams();
  const roots = useScopeRoots();
  const requested = searchParams.get('code') ?? undefined;
  const selectedCode = requested ?? roots.data?.roots[0]?.code;
  const node = useAreaNode(selectedCode);
  const revealPath = node.data
    ? [...node.data.ancestors.map((ancestor) => ancestor.code), node.data.code]
    : [];

  const open = (code: string) => setSearchParams({ code });

  return (
    <Row gutter={[16, 16]} data-testid="area-tree-page">
      <Col xs={24} lg={9} xxl={7}>
        <Card title={t('tree.title')} styles={{ body: { paddingTop: 12 } }}>
          <Flex vertical gap={12}>
            <AreaSearchBox onSelect={open} />
            <div style={{ maxHeight: 'calc(100vh - 260px)', minHeight: 240, overflow: 'auto' }}>
              <AreaLazyTree selectedCode={selectedCode} revealPath={revealPath} onSelect={open} />
            </div>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={15} xxl={17}>
        {selectedCode ? (
          <AreaDetailPanel code={selectedCode} />
        ) : (
          <Card>
            <Empty description={roots.isPending ? t('tree.loading') : t('tree.choose')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
