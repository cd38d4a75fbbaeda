import { EditOutlined, HomeOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { ResidentDetail as ResidentDetailData, RevealedNumbers } from '../api';
import { useHousehold, useMoves, useResident } from '../hooks/usePeople';
import { householdPath } from '../labels';
import { ResidentForm } from './ResidentForm';
import { ResidentStatusTag } from './ResidentStatusTag';
import { RevealNumbersButton } from './RevealNumbersButton';

export type ResidentDetailProps = { residentId: string };

/** One resident: details with masked numbers, household members, moves and roles on places. */
export function ResidentDetail({ residentId }: ResidentDetailProps) {
  const { t, i18n } = useTranslation('people');
  const resident = useResident(residentId);
  const [revealed, setRevealed] = useState<RevealedNumbers | null>(null);
  const [editing, setEditing] = useState(false);
  const canUnmask = useHasPermission('people.unmask');
  const canWrite = useHasPermission('people.write');

  if (resident.isError)
    return (
      <Result
        status="warning"
        title={t('detail.loadFailed')}
        subTitle={apiErrorMessage(resident.error, i18n)}
      />
    );
  if (!resident.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const r = resident.data;

  return (
    <Flex vertical gap={16} data-testid="resident-detail" data-resident-id={r.id}>
      <Space wrap>
        {canUnmask && !revealed && (r.idNumberMasked || r.phoneMasked) ? (
          <RevealNumbersButton residentId={r.id} onRevealed={setRevealed} />
        ) : null}
        {revealed ? (
          <Button onClick={() => setRevealed(null)} data-testid="resident-hide">
            {t('reveal.hide')}
          </Button>
        ) : null}
        {canWrite && r.status === 'active' ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="resident-edit">
            {t('detail.edit')}
          </Button>
        ) : null}
        {r.household ? (
          <Link to={householdPath(r.household.code)}>
            <Button icon={<HomeOutlined />}>{t('detail.openHousehold')}</Button>
          </Link>
        ) : null}
      </Space>
      {revealed ? (
        <Alert type="warning" showIcon title={t('reveal.revealed')} data-testid="resident-revealed" />
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'name', label: t('fields.name'), children: r.name },
          { key: 'gender', label: t('fields.gender'), children: t(`gender.${r.gender}`) },
          {
            key: 'birthDate',
            label: t('fields.birthDate'),
            children: r.birthDate ? `${r.birthDate}（${t('ageValue', { age: r.age })}）` : '—',
          },
          { key: 'ethnicity', label: t('fields.ethnicity'), children: r.ethnicity ?? '—' },
          {
            key: 'idNumber',
            label: t('fields.idNumber'),
            children: (
              <span data-testid="resident-id-number">{revealed?.idNumber ?? r.idNumberMasked ?? '—'}</span>
            ),
          },
          {
            key: 'phone',
            label: t('fields.phone'),
            children: <span data-testid="resident-phone">{revealed?.phone ?? r.phoneMasked ?? '—'}</span>,
          },
          { key: 'relation', label: t('fields.relationToHead'), children: t(`relation.${r.relationToHead}`) },
          {
            key: 'residence',
            label: t('fields.residenceType'),
            children: t(`residenceType.${r.residenceType}`),
          },
          { key: 'status', label: t('fields.status'), children: <ResidentStatusTag status={r.status} /> },
          {
            key: 'address',
            label: t('fields.address'),
            children: r.household ? `${r.household.address} / ${r.household.name}` : '—',
          },
          ...(r.note ? [{ key: 'note', label: t('fields.note'), children: r.note }] : []),
        ]}
      />
      <HouseholdMembers resident={r} />
      <PlaceRoles resident={r} />
      <Moves residentId={r.id} />
      <ResidentForm open={editing} onClose={() => setEditing(false)} resident={r} />
    </Flex>
  );
}

function HouseholdMembers({ resident }: { resident: ResidentDetailData }) {
  const { t } = useTranslation('people');
  const household = useHousehold(resident.status === 'active' ? resident.householdCode : null);
  const others = (household.data?.members ?? []).filter((m) => m.id !== resident.id);
  return (
    <Card size="small" title={t('detail.members')} styles={{ body: { padding: 0 } }}>
      <Table
        size="small"
        rowKey="id"
        loading={household.isPending && household.fetchStatus !== 'idle'}
        dataSource={others}
        pagination={false}
        locale={{ emptyText: t('detail.noMembers') }}
        data-testid="resident-members"
        columns={[
          { key: 'name', title: t('fields.name'), dataIndex: 'name' },
          {
            key: 'relation',
            title: t('fields.relationToHead'),
            render: (_, m) => t(`relation.${m.relationToHead}`),
          },
          { key: 'age', title: t('fields.age'), render: (_, m) => (m.age === null ? '—' : m.age) },
          { key: 'phone', title: t('fields.phone'), render: (_, m) => m.phoneMasked ?? '—' },
        ]}
      />
    </Card>
  );
}

function PlaceRoles({ resident }: { resident: ResidentDetailData }) {
  const { t } = useTranslation('people');
  return (
    <Card size="small" title={t('detail.roles')} data-testid="resident-roles">
      {resident.placeRoles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noRoles')} />
      ) : (
        <Flex vertical gap={8}>
          {resident.placeRoles.map((role) => (
            <Space key={role.id} wrap>
              <Tag color={role.active ? 'red' : undefined}>{t(`placeRole.${role.role}`)}</Tag>
              <span>{role.areaName}</span>
              <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                {role.until
                  ? t('placeRole.between', { from: role.since, to: role.until })
                  : t('placeRole.since', { date: role.since })}
              </span>
            </Space>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Moves({ residentId }: { residentId: string }) {
  const { t } = useTranslation('people');
  const moves = useMoves(residentId);
  return (
    <Card size="small" title={t('detail.moves')} data-testid="resident-moves">
      {moves.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (moves.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noMoves')} />
      ) : (
        <Timeline
          items={(moves.data?.items ?? []).map((m) => ({
            key: m.id,
            title: m.movedOn,
            content: (
              <>
                {m.toAddress
                  ? t('detail.moveTo', { to: m.toAddress })
                  : t('detail.moveOut', { from: m.fromAddress ?? '—' })}
                {m.toAddress && m.fromAddress ? ` ${t('detail.moveFrom', { from: m.fromAddress })}` : ''}
                {m.reason ? `（${m.reason}）` : ''}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
