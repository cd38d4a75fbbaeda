import { Card, Col, Empty, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaNode } from '../../areas/hooks/useAreas';
import { OrgDetailPanel } from '../components/OrgDetailPanel';
import { PartyAreaBar } from '../components/PartyAreaBar';
import { PartyNav } from '../components/PartyNav';
import { PartyOrgTree } from '../components/PartyOrgTree';
import { usePartyArea } from '../hooks/usePartyArea';

/** How deep the tree goes from a place: a whole city or district shows communities and grid branches only. */
function levelsFor(level: string | undefined): number {
  if (level === 'city' || level === 'district') return 2;
  if (level === 'street') return 3;
  return 4;
}

export type PartyOrgTreePageProps = Record<string, never>;

/** 党组织体系 (CAPABILITIES §1.1): the four-level chain of a place, and the chosen organisation beside. `/party?area=…&org=…` */
export function PartyOrgTreePage(_props: PartyOrgTreePageProps) {
  const { t } = useTranslation('party');
  const { area, setArea, searchParams, setSearchParams } = usePartyArea();
  const place = useAreaNode(area);
  const selected = searchParams.get('org') ?? undefined;
  const select = (id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('org', id);
    setSearchParams(next);
  };

  return (
    <Flex vertical gap={16} data-testid="party-tree-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <PartyNav />
          <PartyAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xxl={8}>
          <Card
            title={t('tree.title')}
            styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
          >
            <PartyOrgTree
              root={place.data || place.isError ? area : undefined}
              levels={levelsFor(place.data?.level)}
              selectedId={selected}
              onSelect={select}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          {selected ? (
            <OrgDetailPanel id={selected} area={area} />
          ) : (
            <Card>
              <Empty description={t('tree.choose')} />
            </Card>
          )}
        </Col>
      </Row>
    </Flex>
  );
}
