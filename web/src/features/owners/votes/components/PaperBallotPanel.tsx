import { App as AntApp, Button, Card, Flex, List, Popconfirm, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { CHOICES, type Choice, type Elector, type PaperEntry } from '../api';
import { useConfirmPaperEntry, useDiscardPaperEntry, useEnterPaperBallot } from '../hooks/useVotes';

export type PaperBallotPanelProps = {
  voteId: string;
  electors: Elector[];
  entries: PaperEntry[];
  userId: string;
};

/**
 * Paper ballots by two officers: one keys a ballot in; another reads the paper again and picks the
 * same answer to confirm it (the entered answer is not shown). One's own entries cannot be confirmed.
 */
export function PaperBallotPanel({ voteId, electors, entries, userId }: PaperBallotPanelProps) {
  const { t, i18n } = useTranslation('ownersVotes');
  const { message, modal } = AntApp.useApp();
  const [voterKey, setVoterKey] = useState<string | undefined>();
  const [choice, setChoice] = useState<Choice | undefined>();
  const [reading, setReading] = useState<Record<string, Choice>>({});
  const enter = useEnterPaperBallot();
  const confirm = useConfirmPaperEntry();
  const discard = useDiscardPaperEntry();
  const fail = (error: unknown) => void message.error(apiErrorMessage(error, i18n));
  const open = electors.filter((e) => !e.voted && !e.pendingPaperEntry);

  const submit = () => {
    if (!voterKey || !choice) return;
    enter.mutate(
      { id: voteId, voterKey, choice },
      {
        onSuccess: () => {
          void message.success(t('live.paper.entered'));
          setVoterKey(undefined);
          setChoice(undefined);
        },
        onError: fail,
      },
    );
  };

  return (
    <Card title={t('live.paper.title')} data-testid="paper-ballots">
      <Typography.Paragraph type="secondary">{t('live.paper.hint')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 320, flex: 1 }}
          placeholder={t('live.paper.electorPlaceholder')}
          value={voterKey}
          onChange={setVoterKey}
          options={open.map((e) => ({ value: e.voterKey, label: `${e.label}（${e.area}㎡）` }))}
          data-testid="paper-elector"
        />
        <Radio.Group
          value={choice}
          onChange={(e) => setChoice(e.target.value as Choice)}
          options={CHOICES.map((c) => ({ value: c, label: t(`choices.${c}`) }))}
          data-testid="paper-choice"
        />
        <Button
          type="primary"
          disabled={!voterKey || !choice}
          loading={enter.isPending}
          onClick={submit}
          data-testid="paper-enter"
        >
          {t('live.paper.enter')}
        </Button>
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('live.paper.pendingTitle')}
      </Typography.Title>
      <List<PaperEntry>
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('live.paper.noPending') }}
        renderItem={(entry) => {
          const mine = entry.enteredBy === userId;
          const read = reading[entry.id];
          return (
            <List.Item
              data-testid={`paper-entry-${entry.id}`}
              actions={[
                <Radio.Group
                  key="read"
                  size="small"
                  disabled={mine}
                  value={read}
                  onChange={(e) => setReading((r) => ({ ...r, [entry.id]: e.target.value as Choice }))}
                  options={CHOICES.map((c) => ({ value: c, label: t(`choices.${c}`) }))}
                />,
                <Button
                  key="confirm"
                  size="small"
                  type="primary"
                  disabled={mine || !read}
                  title={mine ? t('live.paper.hint') : undefined}
                  onClick={() =>
                    confirm.mutate(
                      { id: voteId, entryId: entry.id, choice: read as Choice },
                      {
                        onSuccess: (done) =>
                          void modal.success({
                            title: t('live.paper.confirmed', { code: done.receipt.receiptCode }),
                          }),
                        onError: fail,
                      },
                    )
                  }
                  data-testid={`paper-confirm-${entry.id}`}
                >
                  {t('live.paper.confirm')}
                </Button>,
                <Popconfirm
                  key="discard"
                  title={t('live.paper.discard')}
                  onConfirm={() =>
                    discard.mutate(
                      { id: voteId, entryId: entry.id },
                      { onSuccess: () => void message.success(t('live.paper.discarded')), onError: fail },
                    )
                  }
                >
                  <Button size="small" danger type="link">
                    {t('live.paper.discard')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={entry.label}
                description={`${t('live.paper.enteredBy')}：${entry.enteredByName ?? entry.enteredBy} · ${entry.area}㎡`}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
