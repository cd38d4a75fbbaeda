import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { pickLocalized } from '../../../i18n/language';
import { useSession } from '../../iam/hooks/useSession';
import { type ImportProblem, importProblems, ownersKeys, registerTemplateUrl, uploadRegister } from '../api';

export type RegisterImportProps = { code: string };

/** Template, dry run listing every bad row, then an all-or-nothing import of a compound's register. */
export function RegisterImport({ code }: RegisterImportProps) {
  const { t, i18n } = useTranslation('owners');
  const session = useSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({
    mutationFn: (f: File) => uploadRegister({ code, file: f, dryRun: true, csrfToken: session.csrfToken }),
  });
  const commit = useMutation({
    mutationFn: (f: File) => uploadRegister({ code, file: f, dryRun: false, csrfToken: session.csrfToken }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ownersKeys.all }),
  });
  const choose = (f: File) => {
    setFile(f);
    commit.reset();
    preview.mutate(f);
    return false;
  };
  const refused = importProblems(commit.error);
  const problems: ImportProblem[] = refused.length > 0 ? refused : (preview.data?.problems ?? []);
  const failure = commit.error && refused.length === 0 ? commit.error : preview.error;
  const checked = preview.data;
  return (
    <Flex vertical gap={16} data-testid="register-import">
      <Flex gap={8} align="center">
        <Button icon={<DownloadOutlined />} href={registerTemplateUrl} data-testid="register-template">
          {t('import.template')}
        </Button>
        <Typography.Text type="secondary">{t('import.uploadHint')}</Typography.Text>
      </Flex>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={choose}
        disabled={preview.isPending || commit.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : t('import.upload')}</p>
      </Upload.Dragger>
      {preview.isPending ? <Spin description={t('import.checking')} /> : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={t('import.failed')}
          description={apiErrorMessage(failure, i18n)}
        />
      ) : null}
      {commit.data ? (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { units: commit.data.created.units, owners: commit.data.created.owners })}
          data-testid="import-done"
        />
      ) : checked ? (
        <Flex vertical gap={8}>
          <Typography.Text data-testid="import-summary">
            {t('import.summary', {
              total: checked.total,
              valid: checked.valid,
              units: checked.created.units,
              owners: checked.created.owners,
            })}
          </Typography.Text>
          {checked.ok && refused.length === 0 ? (
            <Flex gap={8} align="center">
              <Alert type="success" showIcon title={t('import.clean')} />
              <Button
                type="primary"
                loading={commit.isPending}
                onClick={() => file && commit.mutate(file)}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ) : null}
      {problems.length > 0 ? (
        <Table<ImportProblem & { key: number }>
          size="small"
          dataSource={problems.map((p, key) => ({ ...p, key }))}
          pagination={problems.length > 50 ? { pageSize: 50 } : false}
          data-testid="import-problems"
          columns={[
            { key: 'row', title: t('import.row'), dataIndex: 'row', width: 80 },
            { key: 'field', title: t('import.field'), dataIndex: 'field', width: 160 },
            {
              key: 'reason',
              title: t('import.reason'),
              render: (_, p) => pickLocalized(p.message, i18n.language),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
