import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../i18n/language';
import type { PartyOrgDetail } from '../api';
import { checklistReasonText } from '../checklistReason';

export type ChecklistResultsProps = { evaluation: NonNullable<PartyOrgDetail['checklist']> };

/** One grid branch against each active item of the checklist, with the reason for each miss. */
export function ChecklistResults({ evaluation }: ChecklistResultsProps) {
  const { t, i18n } = useTranslation('party');
  return (
    <Flex vertical gap={8} data-testid="party-branch-checklist" data-met={evaluation.met}>
      <div>
        <Tag color={evaluation.met ? 'success' : 'error'} data-testid="party-branch-checklist-result">
          {evaluation.met ? t('detail.met') : t('detail.unmet')}
        </Tag>
      </div>
      <List
        size="small"
        dataSource={evaluation.results}
        renderItem={(item) => (
          <List.Item data-testid={`party-checklist-item-${item.rule}`} data-met={item.met}>
            <Flex gap={8} align="baseline">
              {item.met ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}
              <Flex vertical>
                <Typography.Text>{pickLocalized(item.label, i18n.language)}</Typography.Text>
                {item.reason ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {checklistReasonText(item.reason, i18n.t)}
                  </Typography.Text>
                ) : null}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
