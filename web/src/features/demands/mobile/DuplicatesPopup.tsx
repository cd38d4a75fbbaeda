import { Button, Card, Popup, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { DuplicateCandidate } from '../api';

export type DuplicatesPopupProps = {
  candidates: DuplicateCandidate[];
  visible: boolean;
  busy: boolean;
  onSame: (candidate: DuplicateCandidate) => void;
  onDifferent: () => void;
  onClose: () => void;
};

/**
 * Open demands of the same category near the point, offered before a new one is filed: joining
 * one keeps the resident informed of it instead of sending a second crew to the same place.
 */
export function DuplicatesPopup({
  candidates,
  visible,
  busy,
  onSame,
  onDifferent,
  onClose,
}: DuplicatesPopupProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  return (
    <Popup
      visible={visible}
      destroyOnClose
      onMaskClick={onClose}
      onClose={onClose}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '80vh', overflowY: 'auto' }}
    >
      <div style={{ padding: 16 }} data-testid="intake-duplicates">
        <h3 style={{ margin: '0 0 4px' }}>{t('duplicates.title')}</h3>
        <p style={{ margin: '0 0 12px', color: '#666', fontSize: 14 }}>{t('duplicates.hint')}</p>
        <Space direction="vertical" block>
          {candidates.map((candidate) => (
            <Card key={candidate.id} style={{ background: '#f7f8fa' }}>
              <div style={{ fontSize: 15, lineHeight: 1.5 }}>{candidate.summary}</div>
              <div style={{ color: '#999', fontSize: 12, margin: '4px 0 8px' }}>
                {t('duplicates.meta', {
                  number: candidate.number,
                  status: t(`demands:status.${candidate.status}`),
                  distance: Math.round(candidate.distanceMeters),
                  time: formatDateTime(candidate.receivedAt, i18n.language),
                })}
              </div>
              <Button
                size="small"
                color="primary"
                loading={busy}
                onClick={() => onSame(candidate)}
                data-testid="intake-duplicate-same"
              >
                {t('duplicates.same')}
              </Button>
            </Card>
          ))}
          <Button block onClick={onDifferent} disabled={busy} data-testid="intake-duplicate-different">
            {t('duplicates.different')}
          </Button>
        </Space>
      </div>
    </Popup>
  );
}
