import { CheckCircleOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Radio, Result, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LEDGER_KINDS } from '../../../../../src/modules/people/people.import.columns';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useSession } from '../../iam/hooks/useSession';
import { ImportProblemTable } from '../components/ImportProblemTable';
import {
  importProblems,
  type LedgerImportResult,
  type LedgerKind,
  templateUrl,
  uploadLedger,
} from '../ledgerApi';

export type ImportWizardPageProps = Record<string, never>;

const isKind = (value: string | null): value is LedgerKind => LEDGER_KINDS.includes(value as LedgerKind);

/**
 * 台账导入 (/people/import): choose a ledger, download its template, upload the filled file for a
 * dry run that lists every problem, and import only when the preview is clean.
 */
export function ImportWizardPage(_props: ImportWizardPageProps) {
  const { t, i18n } = useTranslation('peopleLedger');
  const session = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<LedgerKind>(
    isKind(params.get('kind')) ? (params.get('kind') as LedgerKind) : 'residents',
  );
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<LedgerImportResult | null>(null);

  const preview = useMutation({
    mutationFn: (f: File) => uploadLedger({ kind, file: f, dryRun: true, csrfToken: session.csrfToken }),
  });
  const commit = useMutation({
    mutationFn: (f: File) => uploadLedger({ kind, file: f, dryRun: false, csrfToken: session.csrfToken }),
    onSuccess: (result) => {
      setDone(result);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });

  const choose = (f: File) => {
    setFile(f);
    commit.reset();
    preview.mutate(f);
    return false;
  };
  const restart = () => {
    setFile(null);
    setDone(null);
    preview.reset();
    commit.reset();
    setStep(0);
  };
  const name = t(`import.kinds.${kind}`);
  const checked = preview.data;
  // A refused commit (the data changed since the preview) lists its problems like a preview.
  const problems =
    importProblems(commit.error).length > 0 ? importProblems(commit.error) : (checked?.problems ?? []);
  const failure = commit.error && importProblems(commit.error).length === 0 ? commit.error : preview.error;

  return (
    <Card data-testid="import-wizard" data-kind={kind}>
      <Flex vertical gap={24}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('import.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('import.intro')}</Typography.Text>
        </div>
        <Steps
          current={step}
          status={step === 3 ? 'finish' : 'process'}
          items={(['kind', 'template', 'upload', 'done'] as const).map((s) => ({
            title: t(`import.steps.${s}`),
          }))}
        />

        {step === 0 ? (
          <Flex vertical gap={16} align="start">
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} data-testid="import-kind">
              <Flex vertical gap={12}>
                {LEDGER_KINDS.map((k) => (
                  <Radio key={k} value={k} data-testid={`import-kind-${k}`}>
                    <Typography.Text strong>{t(`import.kinds.${k}`)}</Typography.Text>
                    <Typography.Text type="secondary"> — {t(`import.kindHints.${k}`)}</Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
              {t('import.next')}
            </Button>
          </Flex>
        ) : null}

        {step === 1 ? (
          <Flex vertical gap={16} align="start">
            <Button icon={<DownloadOutlined />} href={templateUrl(kind)} data-testid="import-template-link">
              {t('import.template', { name })}
            </Button>
            <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
            <Flex gap={8}>
              <Button onClick={() => setStep(0)}>{t('import.back')}</Button>
              <Button type="primary" onClick={() => setStep(2)} data-testid="import-next">
                {t('import.next')}
              </Button>
            </Flex>
          </Flex>
        ) : null}

        {step === 2 ? (
          <Flex vertical gap={16}>
            <div data-testid="import-upload">
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
                <p className="ant-upload-hint">{t('import.uploadHint')}</p>
              </Upload.Dragger>
            </div>

            {preview.isPending ? <Spin description={t('import.checking')} /> : null}
            {failure ? (
              <Alert
                type="error"
                showIcon
                title={t('import.failed')}
                description={apiErrorMessage(failure, i18n)}
                data-testid="import-error"
              />
            ) : null}
            {checked ? (
              <Typography.Text data-testid="import-summary">
                {t('import.summary', { total: checked.total, valid: checked.valid })}
              </Typography.Text>
            ) : null}
            {checked?.ok && !commit.error ? (
              <Alert
                type="success"
                showIcon
                title={t('import.clean', { total: checked.total })}
                data-testid="import-preview-clean"
              />
            ) : null}
            {problems.length > 0 ? (
              <>
                <Alert type="warning" showIcon title={t('import.problems', { count: problems.length })} />
                <ImportProblemTable problems={problems} />
              </>
            ) : null}

            <Flex gap={8}>
              <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
              <Button
                type="primary"
                disabled={!file || !checked?.ok || preview.isPending || Boolean(commit.error)}
                loading={commit.isPending}
                onClick={() => file && commit.mutate(file)}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            </Flex>
          </Flex>
        ) : null}

        {step === 3 && done ? (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('import.done')}
            subTitle={t('import.created', done.created)}
            data-testid="import-result"
            extra={[
              <Link key="residents" to="/people">
                <Button data-testid="import-view-residents">{t('import.viewResidents')}</Button>
              </Link>,
              <Link key="talents" to="/people/talents">
                <Button data-testid="import-view-talents">{t('import.viewTalents')}</Button>
              </Link>,
              <Button key="again" type="primary" onClick={restart}>
                {t('import.again')}
              </Button>,
            ]}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
