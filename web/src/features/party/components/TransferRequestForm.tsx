import { App as AntApp, Button, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import type { PartyOrgTreeNode } from '../api';
import { useOrgTree, useRequestTransfer, useTransferCandidates } from '../hooks/useParty';

type TransferValues = { toOrgId: string; memberId: string; fromOrgText: string };

function activeBranches(nodes: readonly PartyOrgTreeNode[]): PartyOrgTreeNode[] {
  return nodes.flatMap((n) => [
    ...(n.kind === 'grid_branch' && n.status === 'active' ? [n] : []),
    ...activeBranches(n.children),
  ]);
}

export type TransferRequestFormProps = Record<string, never>;

/** Requests a floating member's relation into the grid branch of the grid where they live. */
export function TransferRequestForm(_props: TransferRequestFormProps) {
  const { t, i18n } = useTranslation('party');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TransferValues>();
  const branchId = Form.useWatch('toOrgId', form);
  const [q, setQ] = useState('');
  const tree = useOrgTree(undefined, 2, open);
  const branches = useMemo(() => activeBranches(tree.data?.roots ?? []), [tree.data]);
  const branch = branches.find((b) => b.id === branchId);
  const candidates = useTransferCandidates(branch?.areaCode, q);
  const save = useRequestTransfer();
  const required = (message: string) => [{ required: true, message }];

  const submit = (values: TransferValues) =>
    save.mutate(values, {
      onSuccess: () => {
        void message.success(t('transfers.done'));
        form.resetFields();
        setOpen(false);
      },
      onError: (error) => void message.error(apiErrorMessage(error, i18n)),
    });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="transfer-request">
        {t('transfers.request')}
      </Button>
      <Modal
        open={open}
        title={t('transfers.request')}
        okText={t('transfers.submit')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="toOrgId" label={t('transfers.to')} rules={required(t('transfers.chooseBranch'))}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={tree.isPending}
              placeholder={t('transfers.chooseBranch')}
              options={branches.map((b) => ({
                value: b.id,
                label: `${b.name}（${b.areaName ?? b.areaCode}）`,
              }))}
              onChange={() => form.setFieldsValue({ memberId: undefined, fromOrgText: undefined })}
              data-testid="transfer-branch"
            />
          </Form.Item>
          <Form.Item
            name="memberId"
            label={t('transfers.member')}
            rules={required(t('transfers.chooseMember'))}
          >
            <Select
              showSearch={{ onSearch: setQ, filterOption: false }}
              disabled={!branch}
              loading={candidates.isFetching}
              placeholder={t('transfers.chooseMember')}
              notFoundContent={t('transfers.noCandidates')}
              options={(candidates.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              onChange={(id: string) => {
                const member = candidates.data?.items.find((m) => m.id === id);
                if (member?.relationElsewhere) form.setFieldsValue({ fromOrgText: member.relationElsewhere });
              }}
              data-testid="transfer-member"
            />
          </Form.Item>
          <Form.Item
            name="fromOrgText"
            label={t('transfers.from')}
            rules={required(t('transfers.fromRequired'))}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
